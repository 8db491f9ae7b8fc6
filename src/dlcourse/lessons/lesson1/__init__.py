"""Lesson 1: linear and logistic regression, reproduced with the reference solutions."""

from dlcourse.lessons.lesson1.exercises import LEARNING_RATES, run_lesson1
from dlcourse.lessons.lesson1.report import figures, summary, write_outputs

__all__ = ["LEARNING_RATES", "figures", "run_lesson1", "summary", "write_outputs"]
