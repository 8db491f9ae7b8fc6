"""Where a wrong answer goes wrong: the quantities of the lesson's computation (z, ŷ, ŷ − y, the
gradient, ...), in the order the reference computes them, looked for among the values the
learner's code produced on the same input.

The reference is run with its own frame watched, and its named local variables at the end are
the quantities; the learner's code is run with every local variable of every one of its
frames recorded (:func:`dlcourse.teaching.kernel_side.record`, which also runs in a learner's
kernel for the grader). The first quantity the learner's values never hold is where the
computation leaves the lesson's. It is an observation, not a guess: it says which step
differs, never why.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dlcourse.teaching.guards import _TooLong

__all__ = [
    "Found",
    "Localisation",
    "follows_reference",
    "localise",
    "reference_quantities",
    "same_values",
    "where",
]


def reference_quantities(
    reference: Callable[..., Any], args: Sequence[Any], names: Sequence[str]
) -> list[tuple[str, np.ndarray]]:
    """The values the reference's local variables ``names`` hold when it returns on ``args``."""
    final: dict[str, Any] = {}
    code = reference.__code__

    def local(frame: Any, event: str, arg: Any) -> Any:
        if event == "return":
            final.update(frame.f_locals)
        return local

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: local if frame.f_code is code else None)
    try:
        with np.errstate(all="ignore"):
            reference(*args)
    finally:
        sys.settrace(previous)
    return [(name, np.asarray(final[name], dtype=float)) for name in names if name in final]


@dataclass(frozen=True)
class Localisation:
    """Which quantities the learner's values hold, in order, and the first one they do not."""

    right: tuple[str, ...]  # found, in the reference's order, before the first missing one
    wrong: str | None  # the first quantity not found; None when every one was
    opposite: bool = False  # that quantity is there, but with the opposite sign


def localise(quantities: Sequence[tuple[str, np.ndarray]], values: Sequence[Any]) -> Localisation:
    """Look for each quantity, in order, among the learner's ``values``."""
    arrays = [np.asarray(v, dtype=float) for v in values]
    right: list[str] = []
    for name, quantity in quantities:
        if any(same_values(v, quantity) for v in arrays):
            right.append(name)
            continue
        opposite = bool(np.any(quantity != 0)) and any(same_values(v, -quantity) for v in arrays)
        return Localisation(tuple(right), name, opposite)
    return Localisation(tuple(right), None)


def same_values(value: np.ndarray, quantity: np.ndarray) -> bool:
    """Equal values, whatever the shape they come in ((n,), (n, 1), a 1-element array)."""
    if value.size != quantity.size:
        return False
    with np.errstate(all="ignore"):
        return bool(np.allclose(value.ravel(), quantity.ravel(), rtol=1e-6, atol=1e-9))


@dataclass(frozen=True)
class Found:
    """Where the answer leaves the lesson's computation, in words, and hints about that step."""

    message: str
    hints: tuple[str, str, str]


def where(exercise: Any, function: Callable[..., Any], *, last: bool = False) -> Found | None:
    """Where ``function``'s answer to ``exercise`` leaves the lesson's computation, in words, or
    None: when the exercise has no quantities, the answer is right on the probe, the first wrong
    quantity is the first one, or the last one unless ``last`` (when the properties named a
    cause, their diagnosis is about it), or the call fails."""
    if not (exercise.quantities and exercise.probe and exercise.reference):
        return None
    args = exercise.probe()
    try:
        result, values = _record(function, args)
        with np.errstate(all="ignore"):
            expected = np.asarray(exercise.reference(*args), dtype=float)
            answer = np.asarray(result, dtype=float)
            if same_values(answer, expected):
                return None
    except (Exception, _TooLong):  # its exceptions and time are the verdict's business
        return None
    names = [name for name, _ in exercise.quantities]
    found = localise(reference_quantities(exercise.reference, args, names), values)
    # The last step only where the answer has another number of entries: there the
    # properties can only say that the shape is wrong, not which step.
    resized = last and result is not None and answer.size != expected.size
    if not found.right or found.wrong is None or (found.wrong == names[-1] and not resized):
        return None  # nothing before the wrong step is right: the properties say more
    words = dict(exercise.quantities)
    right = ", ".join(words[name] for name in found.right)
    wrong = words[found.wrong]
    if found.opposite:
        missing = f"{wrong} has the opposite sign"
    else:
        missing = f"{wrong} is not among the values your code computes"
    hints = (
        f"The steps before it ({right}) are right: look only at how your code computes {wrong}.",
        f"Print what your code computes for {wrong} on a small input, and work out the same "
        "by hand from the lesson's formula.",
        f"The lesson's step is {wrong}: compare it term by term with yours, sign included.",
    )
    return Found(f"your code computes {right} as the lesson does, but {missing}.", hints)


def follows_reference(exercise: Any, function: Callable[..., Any]) -> bool | None:
    """Whether ``function``'s values on the exercise's probe hold every quantity of the lesson's
    computation (None when the exercise declares none): a right answer reached through wrong
    intermediate values (two mistakes that cancel) does not."""
    if not (exercise.quantities and exercise.probe and exercise.reference):
        return None
    args = exercise.probe()
    try:
        _, values = _record(function, args)
    except (Exception, _TooLong):
        return False
    names = [name for name, _ in exercise.quantities]
    found = localise(reference_quantities(exercise.reference, args, names), values)
    return found.wrong is None


def _record(function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, list[Any]]:
    """The call with the values it produced: in the learner's kernel for a remote function,
    here otherwise (on copies of the arguments, with the same time limit as every call)."""
    if hasattr(function, "record"):
        return function.record(*args)
    import dlcourse
    from dlcourse.teaching.guards import time_limit
    from dlcourse.teaching.recorder import library_roots, record
    from dlcourse.teaching.verdicts import CALL_TIME_LIMIT

    copies = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    skip = library_roots((str(Path(dlcourse.__file__).parent),))
    with (
        np.errstate(all="ignore"),
        contextlib.redirect_stdout(io.StringIO()),
        time_limit(CALL_TIME_LIMIT, _TooLong, unless_running=True),
    ):
        return record(function, copies, skip)
