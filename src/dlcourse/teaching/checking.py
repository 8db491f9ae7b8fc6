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

import functools
import hashlib
import inspect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from dlcourse.teaching import credit
from dlcourse.teaching.attempt import TODO
from dlcourse.teaching.causes import (
    HINTS,
    failing_helpers,
    notebook_arrays,
    ran_too_long,
    single_change,
)
from dlcourse.teaching.check_result import ERROR, FAILED, NOT_DONE, PASSED, CheckResult, show
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.localise import where
from dlcourse.teaching.verdicts import judge

__all__ = ["Checks", "Hint", "ProvidedCodeFailed"]

_NOT_DONE = "not done yet: replace TODO with your answer."


class Checks:
    """The checks of one lesson, and the learner's progress through its hints."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        self.exercises = {exercise.id: exercise for exercise in exercises}
        self.last_failed: list[str] = []  # exercises whose last check did not pass, in order
        self.checked: dict[str, tuple[CheckResult, str]] = {}  # last verdict, answer's print
        self.hinted: dict[str, tuple[tuple[str, ...], int, str]] = {}  # ladder, level, print

    def run(self, exercise_id: str, *answers: Any, quiet: bool = False, hint: int = 0):
        """Check ``answers`` (what the learner defined, in the exercise's order)."""
        exercise = self.exercises[exercise_id]
        result = self.verdict(exercise, answers)
        if not quiet:
            show(result)
        self.checked[exercise.id] = (result, _fingerprint(answers))
        if result.status != PASSED:
            self.last_failed.append(exercise.id)
        if hint and not quiet:
            self.hint(exercise.id, hint)
        return result

    def verdict(self, exercise: Exercise, answers: Sequence[Any]) -> CheckResult:
        """The verdict on ``answers``, shown nowhere and remembered nowhere."""
        if exercise.answer and any(_is_todo(answer) for answer in answers):
            return CheckResult(exercise.id, NOT_DONE, _NOT_DONE)
        result = judge(
            exercise.id,
            exercise.properties(*answers),
            success=exercise.success,
            quiet=True,
            hint=f'check.hint("{exercise.id}")',
        )
        if result.status in (FAILED, ERROR) and not exercise.answer:
            result = _diagnosis(exercise, answers[0], result, self.exercises.values())
        return replace(result, score=credit.score(exercise, result))

    def hint(self, exercise: str | None = None, level: int | None = None) -> Hint:
        """Print and return a hint for ``exercise`` (by default the last one that did not pass)
        about the cause its last check found.

        Asked again after the learner changed the answer and checked it again, with the same
        cause, the hint goes one level further, up to the formula (level 3); asked again for
        the same answer (a cell run twice), it stays. ``level`` asks for one directly.
        """
        if exercise is None:
            if not self.last_failed:
                return _shown("every exercise checked so far passed: no hint needed.")
            exercise = self.last_failed[-1]
        if exercise not in self.exercises:
            raise ValueError(f"exercise must be one of {sorted(self.exercises)}, got {exercise!r}.")
        if level is not None and level not in (1, 2, 3):
            raise ValueError(f"level must be 1, 2 or 3, got {level!r}.")
        result, answer = self.checked.get(exercise, (None, ""))
        ladder = (result.hints if result else ()) or self.exercises[exercise].hints
        before = self.hinted.get(exercise)
        if level is None:
            level = 1
            if before is not None and before[0] == ladder:
                level = min(before[1] + (answer != before[2]), 3)
        self.hinted[exercise] = (ladder, level, answer)
        text = f"Hint {level}/3 for {exercise}: {ladder[level - 1]}"
        if level < 3:
            text += f" (check.hint({exercise!r}, level={level + 1}) goes further.)"
        return _shown(text)

    def provided(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """A decorator for the lesson's own functions that call the learner's (a training
        loop, an accuracy): when one raises and an exercise whose function it uses does not
        pass its check, the error names that exercise instead of showing NumPy's message."""

        @functools.wraps(function)
        def provided(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except Exception as error:
                failing = self._failing_exercises_used_by(function)
                if not failing:
                    raise
                raise ProvidedCodeFailed(
                    f"`{function.__name__}` is given by the lesson; it failed ("
                    f"{type(error).__name__}: {str(error)[:200]}) on what your code returned. "
                    f"Exercise {' and '.join(failing)} does not pass its check yet: fix that "
                    "first, then run this cell again."
                ) from None

        return provided

    def _failing_exercises_used_by(self, function: Callable[..., Any]) -> list[str]:
        names = _names_used(function.__code__)
        failing = []
        for exercise in self.exercises.values():
            if exercise.answer or not names & set(exercise.names):
                continue
            answers = [function.__globals__.get(name) for name in exercise.names]
            if all(callable(a) for a in answers) and not self.verdict(exercise, answers).passed:
                failing.append(exercise.id)
        return failing

    def functions(self) -> dict[str, Callable[..., Any]]:
        """``{check name: function}`` for the lesson's ``check`` module, ``hint`` and
        ``provided``."""
        made = {exercise.check: self._function(exercise) for exercise in self.exercises.values()}
        return made | {"hint": self.hint, "provided": self.provided}

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


def _names_used(code: Any) -> set[str]:
    """The global names a function's code reads, its comprehensions' and inner functions'
    included (their code is a constant of its own before Python 3.12)."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if hasattr(constant, "co_names"):
            names |= _names_used(constant)
    return names


class ProvidedCodeFailed(Exception):
    """The lesson's own code failed because an exercise it uses is not right yet."""


class Hint(str):
    """A hint's text: printed once by :meth:`Checks.hint`, not echoed again by Jupyter."""

    def _ipython_display_(self) -> None:
        """Show nothing: the hint has been printed already."""


def _shown(text: str) -> Hint:
    print(text)
    return Hint(text)


def _fingerprint(answers: Sequence[Any]) -> str:
    """What the learner's answers are, as text: a function's source (a cell run again gives the
    same), else its code; a value's repr."""
    parts = []
    for answer in answers:
        code = getattr(answer, "__code__", None)
        try:
            parts.append(inspect.getsource(answer) if code is not None else repr(answer)[:2000])
        except (OSError, TypeError):
            parts.append(repr((code.co_code, code.co_consts)) if code else repr(answer)[:2000])
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


_RAISED = re.compile(r"^your code raised \w+(?: at `[^`]*`)?")
_NOT_THE_CODE = ("answered with dlcourse's own",)  # and a call too long: causes.ran_too_long


def _diagnosis(
    exercise: Exercise, function: Any, result: CheckResult, others: Iterable[Exercise] = ()
) -> CheckResult:
    """The verdict made more precise where the evidence allows: the one change of the learner's
    code that makes every check pass, else (for a wrong value) the first step of the lesson's
    computation the learner's code gets wrong, else the properties' own words; with the hints
    that go with that cause."""
    if result.message.startswith(_NOT_THE_CODE) or ran_too_long(result):
        return result
    cause = single_change(exercise, function, others)
    if cause is not None:
        raised = _RAISED.match(result.message)
        text = cause.description
        message = f"{raised.group(0)}: {text}." if raised else f"{text[0].upper()}{text[1:]}."
        return replace(result, message=message, hints=HINTS[cause.kind], named=True)
    found = where(exercise, function, last=not result.named) if result.status == FAILED else None
    if found is not None:
        result = replace(result, message=found.message, hints=found.hints, named=False)
    arrays = notebook_arrays(function)
    if arrays:
        told = ", ".join(f"`{name}` {shape}" for name, shape in arrays)
        result = replace(
            result,
            message=f"{result.message.rstrip('.')}. Your code reads the notebook's "
            + ("array " if len(arrays) == 1 else "arrays ")
            + f"{told}, made outside the function: the check calls it with other inputs, "
            "which such an array does not follow.",
        )
    failing = failing_helpers(exercise, function, others)
    if failing:
        told = " and ".join(f"your `{other.names[0]}` ({other.id})" for other in failing)
        does = (
            "which does not pass its own check: fix that"
            if len(failing) == 1
            else "which do not pass their own checks: fix those"
        )
        result = replace(
            result,
            message=f"{result.message.rstrip('.')}. It calls {told}, {does} first, and this "
            "one may follow.",
        )
    return result


def _is_todo(answer: Any) -> bool:
    """The placeholder itself, or a mapping that still holds it (compared by identity: the
    values may be arrays, whose ``==`` is not a truth value)."""
    return answer is TODO or (
        isinstance(answer, Mapping) and any(value is TODO for value in answer.values())
    )
