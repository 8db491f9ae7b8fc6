"""Checks for the exercises of Lesson 1, called from the notebook after each exercise.

    from dlcourse.lessons.lesson1 import check
    check.exercise_1_2_gradient(calc_gradient)
    check.hint()                      # a hint about what the last failed check found
    @check.provided                   # the lesson's own code that calls the learner's

Each check is made from its exercise (:mod:`dlcourse.lessons.lesson1.units`) by
:class:`dlcourse.teaching.checking.Checks`: it tests the properties a right answer has on the
learner's function, names a typical mistake when the values show one, and returns a
:class:`~dlcourse.teaching.check_result.CheckResult` with a score (the share of properties
that hold, leaving out those an answer without work has too) and what held and what did not.
``hint=1, 2, 3`` adds a hint of that level: a nudge, a pointer, the formula; never code.
"""

from dlcourse.lessons.lesson1.units import EXERCISES
from dlcourse.teaching.checking import Checks

CHECKS = Checks(EXERCISES)
globals().update(CHECKS.functions())
__all__ = ["CHECKS", *CHECKS.functions()]
