"""The machinery behind the exercise checks: run a learner's code, judge it, report.

A check is a list of :class:`Property` objects: what a right answer does, derived from the
lesson (one loss per sample, zero loss for a certain right prediction, rows that sum to 1, the
value of the lesson's formula on random inputs, ...). Each is tested on the learner's function;
the verdict names the most specific failure (a typical mistake recognised by its values, else
the first property that fails, in plain words) without giving the code away, and the share of
properties that hold is the score.

Stubs in the student notebook return ``not_done(placeholder)`` (functions) or hold ``TODO``
(answers); the checks recognise both and say that the exercise is not done yet.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dlcourse.teaching.attempt import TODO, Attempt, attempt, current_attempt, not_done
from dlcourse.teaching.check_result import (
    ERROR,
    FAILED,
    NOT_DONE,
    NOT_REACHED,
    PASSED,
    CheckResult,
    PropertyResult,
    show,
)
from dlcourse.teaching.guards import _TooLong, time_limit, watch_reference_calls
from dlcourse.teaching.learner_errors import describe, learner_line_here

__all__ = [
    "ERROR",
    "FAILED",
    "NOT_DONE",
    "NOT_REACHED",
    "PASSED",
    "TODO",
    "CheckResult",
    "Mistake",
    "NamedMistake",
    "Property",
    "PropertyResult",
    "TooSlow",
    "attempt",
    "call",
    "judge",
    "not_done",
    "show",
]

CALL_TIME_LIMIT = 5.0  # seconds one call of the learner's function may take on the checks' inputs


class Mistake(Exception):
    """Raised when the learner's answer is wrong; the message is the diagnosis."""


class NamedMistake(Mistake):
    """A typical mistake recognised by the values it gives: the most specific diagnosis."""


class TooSlow(Mistake):
    """The learner's function ran past the time limit: the remaining properties are skipped."""


class _LearnerError(Exception):
    """The learner's own code raised; wraps the original exception."""


@dataclass(frozen=True)
class Property:
    """What a right answer does, and a test that raises :class:`Mistake` when it does not."""

    name: str
    test: Callable[[], object] = field(repr=False)


TOO_SLOW = "your function ran for more than"  # how a call past its time limit is told
NOT_TESTED = "not tested: the function ran too long"  # the properties after such a call


def call(func: Callable[..., Any], *args: Any) -> Any:
    """Call the learner's ``func`` on copies of ``args``.

    Its exceptions become verdicts; so do a call that takes longer than
    :data:`CALL_TIME_LIMIT` and a function that prints its result instead of returning it.
    """
    if not callable(func):
        raise Mistake(f"expected a function, got {type(func).__name__} {func!r}.")
    copies = [_read_only(a.copy()) if isinstance(a, np.ndarray) else a for a in args]
    printed = io.StringIO()
    try:
        with (
            warnings.catch_warnings(),
            np.errstate(all="ignore"),
            contextlib.redirect_stdout(printed),
            # A function in another process (the grader's kernel) is timed there, from outside;
            # an alarm here would cut the grader's own client short instead.
            contextlib.nullcontext()
            if getattr(func, "timed_elsewhere", False)
            else time_limit(CALL_TIME_LIMIT, _TooLong, unless_running=True),
            watch_reference_calls(),
        ):
            warnings.simplefilter("ignore")
            result = func(*copies)
    except _TooLong:
        raise TooSlow(
            f"{TOO_SLOW} {CALL_TIME_LIMIT:g} s on a small input: is there "
            "an endless loop, or a loop over far more values than needed?"
        ) from None
    except Exception as error:
        if _wrote_into_an_argument(error):
            raise NamedMistake(_written_message(func, error)) from None
        raise _LearnerError(error) from error
    finally:
        sys.stdout.write(printed.getvalue())  # the learner's own prints stay visible
        record = current_attempt()
        if record is not None:
            record.calls += 1
            record.printed.append(printed.getvalue())
    if result is None and printed.getvalue().strip():
        raise Mistake(
            "your function prints its result instead of returning it: end it with "
            "`return ...` (it returned None)."
        )
    changed = getattr(func, "changed", None)  # a remote function compares in its kernel
    if changed is None:
        changed = [i for i, (a, c) in enumerate(zip(args, copies, strict=True)) if _differ(a, c)]
    if changed:
        names = _parameters(func)
        raise NamedMistake(_changed_message(names[changed[0]] if changed[0] < len(names) else None))
    return result


def _read_only(array: np.ndarray) -> np.ndarray:
    """The checks pass arrays that cannot be written, so that a write into an argument is seen
    even when it writes the value that was there (``x_i[0] = 1`` on a row that starts with 1)."""
    array.setflags(write=False)
    return array


def _wrote_into_an_argument(error: BaseException) -> bool:
    return type(error).__name__ == "ValueError" and (  # also one rebuilt from a kernel
        "read-only" in str(error) or "WRITEABLE" in str(error)
    )


def _written_message(func: Callable[..., Any], error: BaseException) -> str:
    """The argument a write into a read-only copy went to, named from the learner's line (a
    function in a kernel has no signature here: the name written to is taken as it is)."""
    line = learner_line_here(error) or ""
    found = re.search(r"(?<![\w.])(\w+)\s*(?:\[|[-+*/@]=)|\bout\s*=\s*(\w+)", line)
    names = _parameters(func)
    written = (found.group(1) or found.group(2)) if found else None
    if written is not None and names and written not in names:
        written = None
    return _changed_message(written, line)


def _differ(original: Any, passed: Any) -> bool:
    """Whether the learner's function changed an array it was given (NaN equals NaN)."""
    return isinstance(original, np.ndarray) and not np.array_equal(
        original, passed, equal_nan=original.dtype.kind in "fc"
    )


def _parameters(func: Callable[..., Any]) -> list[str]:
    """The names of ``func``'s positional parameters (none for ``*args``, as a kernel's has)."""
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


def _changed_message(argument: str | None, line: str = "") -> str:
    """What changing an argument in place does to the caller, naming the argument."""
    name = f"`{argument}`, the array it was given," if argument else "an array it was given"
    at = f" at `{line}`" if line else ""
    return (
        f"your function changes {name} in place{at} (`-=`, `+=`, `out=`, an assignment to its "
        "entries): the caller's array changes too, so the training data or the starting weights "
        "of the next run are not what they were, even when the value written is the one already "
        "there. Compute into a new array (w = w - ...), or work on a copy."
    )


def judge(
    exercise: str,
    properties: Sequence[Property],
    *,
    success: str,
    quiet: bool = False,
    hint: str = "",
    until_failure: bool = False,
) -> CheckResult:
    """Test every property; report the most specific failure and the share that held.
    ``until_failure``: stop at the first property that fails (whether it passes is all a
    search for a cause asks of a changed copy).

    A :class:`NamedMistake` (a typical mistake recognised by its values) is reported before
    any other failure; then an exception in the learner's code while testing the first
    property (the plain call), which makes the verdict an error; otherwise the first property
    that fails, in the order given. An exception in a later property is that property's
    failure.
    """
    with attempt() as record:
        results, (named, error, first) = _test_each(properties, record, until_failure)
    used = record.references()
    if record.reached_todo:
        status, message = (
            NOT_DONE,
            "not done yet: the code still reaches a TODO placeholder. Write your solution.",
        )
        results = []
    elif used:
        status, message = (
            FAILED,
            f"answered with dlcourse's own implementation ({', '.join(used[:3])}): the "
            "exercise is to write it yourself, with NumPy.",
        )
        results = [PropertyResult(r.name, False, "not counted") for r in results]
    elif named is not None:
        status, message = FAILED, named
    elif error is not None:
        status, message = ERROR, error
    elif first is not None:
        status, message = FAILED, first
    else:
        status, message = PASSED, success
    score = 1.0 if status == PASSED else sum(r.held for r in results) / max(len(properties), 1)
    result = CheckResult(
        exercise,
        status,
        message,
        min(score, 1.0),
        tuple(results),
        hint,
        named=status == FAILED and (bool(used) or message == named),
    )
    if not quiet:
        show(result)
    return result


def _test_each(
    properties: Sequence[Property], record: Attempt, until_failure: bool = False
) -> tuple[list[PropertyResult], tuple[str | None, str | None, str | None]]:
    """Test the properties in order; return what each gave, and the first named mistake, the
    learner's exception on the first property (the plain call) and the first failure. Stops at
    a TODO placeholder, and after a function that ran too long (each further call would take
    as long: the rest are marked not tested)."""
    results: list[PropertyResult] = []
    named = first = error = None
    for index, prop in enumerate(properties):
        too_slow = False
        try:
            with np.errstate(all="ignore"):  # the checks' own arithmetic on odd answers
                prop.test()
            results.append(PropertyResult(prop.name, True))
        except Mistake as mistake:
            results.append(PropertyResult(prop.name, False, str(mistake)))
            first = first or str(mistake)
            if isinstance(mistake, NamedMistake):
                named = named or str(mistake)
            too_slow = isinstance(mistake, TooSlow)
        except _LearnerError as wrapped:
            cause = wrapped.__cause__ or wrapped
            text = describe(cause, learner_line_here(cause))
            results.append(PropertyResult(prop.name, False, text))
            first = first or text
            if index == 0:
                error = text
            too_slow = isinstance(cause, TimeoutError)  # the grader's limit for the whole check
        if record.reached_todo or (until_failure and first is not None):
            break
        if too_slow:
            results += [PropertyResult(p.name, False, NOT_TESTED) for p in properties[index + 1 :]]
            break
    return results, (named, error, first)
