"""Lesson 1: linear and logistic regression.

- :mod:`~dlcourse.lessons.lesson1.exercises`: every exercise solved (``run_lesson1``);
- :mod:`~dlcourse.lessons.lesson1.beyond`: the experiments on the questions it leaves open;
- :mod:`~dlcourse.lessons.lesson1.report`: the summary, figures, results.json and report.html;
- :mod:`~dlcourse.lessons.lesson1.check`: the checks the learner's notebook calls;
- ``lesson1.pct.py``: the notebook source.

Nothing is imported here, so that importing one part does not load the others.
"""
