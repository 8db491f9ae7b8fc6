"""The machinery behind the exercise checks: run a learner's code, compare, diagnose, report.

A check calls the learner's function on several inputs and compares with the reference
answer. When the answer is wrong it also compares with the answers that typical mistakes
would give (a flipped sign, a missing factor, a transposed result, ...) and names the first
one that matches, so the learner hears *why* without being handed the solution.

Stubs in the student notebook return ``not_done(placeholder)`` (functions) or hold ``TODO``
(answers); the checks recognise both and say that the exercise is not done yet.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

__all__ = [
    "TODO",
    "CheckResult",
    "Mistake",
    "compare",
    "not_done",
    "run_check",
]

PASSED, FAILED, NOT_DONE, ERROR, NOT_REACHED = (
    "passed",
    "failed",
    "not done",
    "error",
    "not reached",
)
_SYMBOLS = {PASSED: "✅", FAILED: "❌", NOT_DONE: "📝", ERROR: "💥", NOT_REACHED: "⏭"}


class _Todo:
    """The placeholder answer of the student notebook."""

    def __repr__(self) -> str:
        return "TODO"


TODO = _Todo()
_placeholders_returned = 0


def not_done(placeholder: Any) -> Any:
    """Return ``placeholder`` and remember that a TODO stub was reached (so the check can tell)."""
    global _placeholders_returned
    _placeholders_returned += 1
    return placeholder


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one exercise."""

    exercise: str
    status: str  # "passed", "failed", "not done", "error" or "not reached"
    message: str

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def __str__(self) -> str:
        return f"{_SYMBOLS[self.status]} Exercise {self.exercise}: {self.message}"

    def _ipython_display_(self) -> None:
        """Show nothing: the check has printed the verdict already (no echo in notebooks)."""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


class Mistake(Exception):
    """Raised by a check when the learner's answer is wrong; the message is the diagnosis."""


class _LearnerError(Exception):
    """The learner's own code raised; wraps the original exception."""


def call(func: Callable[..., Any], *args: Any) -> Any:
    """Call the learner's ``func`` on copies of ``args``; their exceptions become verdicts."""
    if not callable(func):
        raise Mistake(f"expected a function, got {type(func).__name__} {func!r}.")
    copies = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return func(*copies)
    except Exception as error:
        raise _LearnerError(error) from error


def run_check(exercise: str, probe: Callable[[], str], *, quiet: bool = False) -> CheckResult:
    """Run ``probe`` (which raises :class:`Mistake` or returns a success message) and report.

    The verdict is printed unless ``quiet`` and returned as a :class:`CheckResult`.
    """
    before = _placeholders_returned
    try:
        message = probe()
        status = PASSED
    except Mistake as mistake:
        status, message = FAILED, str(mistake)
    except _LearnerError as wrapped:
        error = wrapped.__cause__ or wrapped
        status = ERROR
        message = f"your code raised {type(error).__name__}: {error}. {_hint_for(error)}".strip()
    if _placeholders_returned != before:
        status = NOT_DONE
        message = "not done yet: the code still reaches a TODO placeholder. Write your solution."
    result = CheckResult(exercise, status, message)
    if not quiet:
        print(result)
    return result


def check_answer(exercise: str, answer: Any, probe: Callable[[], str], quiet: bool) -> CheckResult:
    """Like :func:`run_check` for an answer held in a variable: ``TODO`` means not done."""
    if answer is TODO or (isinstance(answer, Mapping) and TODO in answer.values()):
        result = CheckResult(exercise, NOT_DONE, "not done yet: replace TODO with your answer.")
        if not quiet:
            print(result)
        return result
    return run_check(exercise, probe, quiet=quiet)


def compare(
    got: Any,
    expected: np.ndarray,
    mistakes: Mapping[str, np.ndarray | list[np.ndarray]] | None = None,
    *,
    what: str = "the result",
    rtol: float = 1e-6,
) -> None:
    """Raise :class:`Mistake` unless ``got`` equals ``expected``, naming the mistake that fits.

    ``mistakes`` maps each diagnosis to the answer (or answers) that mistake would produce.
    """
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Mistake(f"{what} should be numbers, got {type(got).__name__}.") from None
    if got.shape != expected.shape:
        raise Mistake(_shape_message(got.shape, expected.shape, what))
    if not np.all(np.isfinite(got)):
        raise Mistake(f"{what} contains inf or NaN for inputs where the answer is finite.")
    if np.allclose(got, expected, rtol=rtol, atol=1e-10):
        return
    for diagnosis, answers in (mistakes or {}).items():
        for wrong in answers if isinstance(answers, list) else [answers]:
            if wrong.shape == got.shape and np.allclose(got, wrong, rtol=rtol, atol=1e-10):
                raise Mistake(diagnosis)
    raise Mistake(
        f"{what} has the right shape {got.shape} but wrong values (none of the usual mistakes "
        "matches). Compare your code with the formula term by term."
    )


def _shape_message(got: tuple[int, ...], expected: tuple[int, ...], what: str) -> str:
    message = f"{what} has shape {got}, but it should have shape {expected}."
    if len(got) == 2 and got == expected[::-1]:
        return message + " It is transposed: a transpose is missing or one too many."
    if len(got) == 2 and len(expected) == 2 and got[0] == got[1] == expected[0]:
        return message + (
            " An (n, 1) array combined with an (n,) array broadcasts to (n, n): make both "
            "operands the same shape first."
        )
    if int(np.prod(got)) == int(np.prod(expected)):
        return (
            message
            + " The numbers are there, but an extra or missing axis/transpose changes the shape."
        )
    return message


def _hint_for(error: Exception) -> str:
    text = str(error)
    if "matmul" in text or ("shapes" in text and "not aligned" in text):
        return "Check the shapes of the factors of each product, and their order."
    if "could not be broadcast" in text:
        return "Two arrays of incompatible shapes were combined; print their shapes."
    if re.search(r"[Ss]ingular matrix", text):
        return "The matrix you invert is singular; check which product you invert."
    return ""
