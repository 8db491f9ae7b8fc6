"""The checks a lesson's notebook calls, made from its :class:`~dlcourse.teaching.exercise.Exercise`
objects by one generic piece of code.

A lesson's ``check`` module is three lines::

    CHECKS = Checks(EXERCISES)
    globals().update(CHECKS.functions())   # check.exercise_2_1_relu(relu), ...
    __all__ = [*CHECKS.functions()]

Each check takes the learner's answers (positionally or by their names), judges them with the
exercise's properties (:func:`dlcourse.teaching.verdicts.judge`), shows the verdict and returns
the :class:`~dlcourse.teaching.check_result.CheckResult`. ``check.hint()`` gives hints, one
level further each time, from the ladder this :class:`Checks` object keeps for the notebook
session (the only state it has: the verdicts themselves live in their
:class:`~dlcourse.teaching.attempt.Attempt`).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from dlcourse.teaching.attempt import TODO
from dlcourse.teaching.causes import single_change
from dlcourse.teaching.check_result import ERROR, FAILED, NOT_DONE, PASSED, CheckResult, show
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.localise import where
from dlcourse.teaching.verdicts import judge

__all__ = ["Checks"]

_NOT_DONE = "not done yet: replace TODO with your answer."


class Checks:
    """The checks of one lesson, and the learner's progress through its hints."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self.exercises = {exercise.id: exercise for exercise in exercises}
        self.hint_levels: dict[str, int] = {}  # the highest hint each exercise has had
        self.last_failed: list[str] = []  # exercises whose last check did not pass, in order

    def run(self, exercise_id: str, *answers: Any, quiet: bool = False, hint: int = 0):
        """Check ``answers`` (what the learner defined, in the exercise's order)."""
        exercise = self.exercises[exercise_id]
        if exercise.answer and any(_is_todo(answer) for answer in answers):
            result = CheckResult(exercise.id, NOT_DONE, _NOT_DONE)
            if not quiet:
                show(result)
        else:
            result = judge(
                exercise.id,
                exercise.properties(*answers),
                success=exercise.success,
                quiet=True,
                hint=f'check.hint("{exercise.id}")',
            )
            if result.status in (FAILED, ERROR) and not exercise.answer:
                result = replace(result, message=_diagnosis(exercise, answers[0], result))
            if not quiet:
                show(result)
        if result.status != PASSED:
            self.last_failed.append(exercise.id)
        if hint and not quiet:
            self.hint(exercise.id, hint)
        return result

    def hint(self, exercise: str | None = None, level: int | None = None) -> str:
        """Print and return a hint for ``exercise`` (by default the last one that did not pass).

        Each call for the same exercise goes one level further, up to the formula (level 3);
        ``level`` asks for one directly.
        """
        if exercise is None:
            if not self.last_failed:
                text = "every exercise checked so far passed: no hint needed."
                print(text)
                return text
            exercise = self.last_failed[-1]
        if exercise not in self.exercises:
            raise ValueError(f"exercise must be one of {sorted(self.exercises)}, got {exercise!r}.")
        if level is None:
            level = min(self.hint_levels.get(exercise, 0) + 1, 3)
        if level not in (1, 2, 3):
            raise ValueError(f"level must be 1, 2 or 3, got {level!r}.")
        self.hint_levels[exercise] = max(self.hint_levels.get(exercise, 0), level)
        text = f"Hint {level}/3 for {exercise}: {self.exercises[exercise].hints[level - 1]}"
        print(text)
        return text

    def functions(self) -> dict[str, Callable[..., Any]]:
        """``{check name: function}`` for the lesson's ``check`` module, and ``hint``."""
        made = {exercise.check: self._function(exercise) for exercise in self.exercises.values()}
        return made | {"hint": self.hint}

    def _function(self, exercise: Exercise) -> Callable[..., CheckResult]:
        parameters = [
            inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in exercise.names
        ]
        parameters += [
            inspect.Parameter("quiet", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=False),
            inspect.Parameter("hint", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=0),
        ]
        signature = inspect.Signature(parameters, return_annotation=CheckResult)

        def check(*args: Any, **kwargs: Any) -> CheckResult:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as error:
                raise TypeError(
                    f"{exercise.check}() takes {', '.join(exercise.names)}: {error}"
                ) from None
            bound.apply_defaults()
            values = bound.arguments
            answers = [values[name] for name in exercise.names]
            return self.run(exercise.id, *answers, quiet=values["quiet"], hint=values["hint"])

        check.__name__ = check.__qualname__ = exercise.check
        check.__signature__ = signature  # type: ignore[attr-defined]
        check.__doc__ = exercise.summary or f"Check Exercise {exercise.id}."
        return check


_RAISED = re.compile(r"^your code raised \w+(?: at `[^`]*`)?")
_NOT_THE_CODE = ("answered with dlcourse's own", "your function ran for more than")


def _diagnosis(exercise: Exercise, function: Any, result: CheckResult) -> str:
    """The verdict's message, made more precise where the evidence allows: the one change of
    the learner's code that makes every check pass, else (for a wrong value) the first step of
    the lesson's computation the learner's code gets wrong, else the properties' own words."""
    if result.message.startswith(_NOT_THE_CODE):
        return result.message
    cause = single_change(exercise, function)
    if cause is not None:
        raised = _RAISED.match(result.message)
        return f"{raised.group(0)}: {cause}." if raised else f"{cause[0].upper()}{cause[1:]}."
    found = where(exercise, function) if result.status == FAILED else None
    return found or result.message


def _is_todo(answer: Any) -> bool:
    """The placeholder itself, or a mapping that still holds it (compared by identity: the
    values may be arrays, whose ``==`` is not a truth value)."""
    return answer is TODO or (
        isinstance(answer, Mapping) and any(value is TODO for value in answer.values())
    )
