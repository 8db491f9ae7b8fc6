"""Turning a wrong answer into words: what it is instead of an array, how its shape or its
values differ from the right ones, which typical mistake gives exactly those values.

Every function here raises :class:`~dlcourse.teaching.verdicts.Mistake` (or its
``NamedMistake``) with a diagnosis a learner can act on, or returns quietly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from dlcourse.teaching.verdicts import Mistake, NamedMistake, _LearnerError

__all__ = [
    "central_difference",
    "compare",
    "compare_each",
    "evaluate_mistakes",
    "explain_difference",
    "numbers",
    "require",
    "shape_message",
    "shaped",
]


def numbers(got: Any, what: str) -> np.ndarray:
    """``got`` as a float array, or a :class:`Mistake` that says what it is instead."""
    if got is None:
        raise Mistake(f"{what} is None: the function has no `return` (or returns nothing).")
    if isinstance(got, str):
        raise Mistake(f"{what} is a string ({got[:40]!r}): return the numbers themselves.")
    if isinstance(got, list | tuple):
        raise Mistake(
            f"{what} is a Python {type(got).__name__}: return a NumPy array (NumPy's operations "
            "give one; np.array(...) turns a list into one)."
        )
    if isinstance(got, bool | np.bool_):
        raise Mistake(f"{what} is {got}, a truth value: return the numbers, not a comparison.")
    if isinstance(got, int | float | np.number):
        got = np.asarray(got)
    if not isinstance(got, np.ndarray):
        raise Mistake(f"{what} is a {type(got).__name__}, not an array of numbers.")
    kind = got.dtype.kind
    if kind == "b":
        raise Mistake(f"{what} holds True/False values: return the numbers, not a comparison.")
    if kind in "iu":
        raise Mistake(
            f"{what} holds integers (dtype {got.dtype}), where the answer is floating-point "
            "numbers (integers come from an index such as argmax, from astype(int), //, "
            "np.round, or from an array made like an integer one)."
        )
    if kind == "c":
        raise Mistake(f"{what} holds complex numbers: the formula gives real ones.")
    if kind != "f":
        raise Mistake(f"{what} has dtype {got.dtype}, not floating-point numbers.")
    return got.astype(float, copy=False)


def compare(
    got: Any,
    expected: np.ndarray,
    mistakes: Mapping[str, np.ndarray | list[np.ndarray]] | None = None,
    *,
    what: str = "the result",
    rtol: float = 1e-6,
) -> None:
    """Return quietly when ``got`` equals ``expected``; otherwise raise the diagnosis.

    ``mistakes`` maps each named typical mistake to the answer (or answers) it produces; a
    match raises :class:`NamedMistake`. Any other difference is described by its pattern
    (:func:`explain_difference`).
    """
    got = numbers(got, what)
    if got.shape != expected.shape:
        if got.size == expected.size == 1:
            got = got.reshape(expected.shape)
        else:
            raise Mistake(shape_message(got.shape, expected.shape, what))
    finite = np.isfinite(expected)
    if not np.all(np.isfinite(got[finite])):
        raise Mistake(f"{what} contains inf or NaN for inputs where the answer is finite.")
    if np.allclose(got, expected, rtol=rtol, atol=1e-10):
        return
    for diagnosis, answers in (mistakes or {}).items():
        for wrong in answers if isinstance(answers, list) else [answers]:
            if np.shape(wrong) == got.shape and np.allclose(got, wrong, rtol=rtol, atol=1e-10):
                raise NamedMistake(diagnosis)
    raise Mistake(explain_difference(got, expected, what))


def compare_each(
    cases: Sequence[tuple[Any, np.ndarray, Mapping[str, Any] | None, str]], *, rtol: float = 1e-6
) -> None:
    """:func:`compare` on several probes: ``(got, expected, mistakes, what)`` each.

    A typical mistake is named only when it gives the learner's answer on *every* probe (where
    the answer is right, the mistake must give the right answer too; where the learner's code
    raised, given as a callable ``got``, the mistake must not be computable either), and when
    it is the only one that does: a value that a mistake happens to produce on one probe (λ²
    for a λ of 0.1 is 0.01, a hard-coded rate) is no evidence. Otherwise the first probe's
    difference is described, without a name.
    """
    first: Exception | None = None
    candidates: set[str] | None = None
    ruled_out: set[str] = set()
    for got, expected, mistakes, what in cases:
        if callable(got):  # the learner's call itself, made here: it may raise
            try:
                got = got()
            except _LearnerError as error:  # only mistakes that cannot run here either remain
                first = first or error
                ruled_out |= set(mistakes or {})
                continue
        try:
            compare(got, expected, None, what=what, rtol=rtol)
        except Mistake as mistake:
            first = first or mistake
        answer = numbers(got, what)
        matching = {
            diagnosis
            for diagnosis, answers in (mistakes or {}).items()
            for wrong in (answers if isinstance(answers, list) else [answers])
            if np.size(wrong) == answer.size
            and np.allclose(answer.ravel(), np.ravel(wrong), rtol=rtol, atol=1e-10)
        }
        candidates = matching if candidates is None else candidates & matching
    if first is None:
        return
    candidates = (candidates or set()) - ruled_out
    if len(candidates) == 1:
        raise NamedMistake(candidates.pop())
    raise first


def explain_difference(got: np.ndarray, expected: np.ndarray, what: str) -> str:
    """Describe how ``got`` differs from ``expected`` (same shape): a sign, a constant factor,
    a constant offset, which entries, and by how much."""
    if got.size == 1:  # one number is a multiple of any other: no pattern to tell
        return (
            f"{what} is {got.flat[0]:.4g} where the lesson's formula gives "
            f"{expected.flat[0]:.4g}. Compare each term of your formula with the lesson's."
        )
    scale = float(np.vdot(expected, expected))
    if scale > 0:
        factor = float(np.vdot(got, expected)) / scale
        if np.allclose(got, factor * expected, rtol=1e-6, atol=1e-10):
            return _factor_message(factor, what)
    offset = got - expected
    if offset.size > 1 and np.allclose(offset, offset.flat[0], rtol=1e-6, atol=1e-10):
        return (
            f"{what} is off by the same amount, {offset.flat[0]:.4g}, everywhere: a constant "
            "term is added or missing."
        )
    wrong = ~np.isclose(got, expected, rtol=1e-6, atol=1e-10)
    size = float(np.max(np.abs(offset))) / max(float(np.max(np.abs(expected))), 1e-300)
    where = ""
    if expected.ndim == 1 and expected.size > 1 and wrong.sum() == 1 and wrong[0]:
        where = " Only the first entry, the bias weight's (its input is the 1 in front), is wrong."
    elif wrong.sum() < wrong.size:
        where = f" {int(wrong.sum())} of its {wrong.size} entries are wrong, the others right."
    return (
        f"{what} has the right shape {got.shape} but different values: the largest difference "
        f"is {size:.0%} of the size of the right answer.{where} Compare each term of your "
        "formula with the lesson's."
    )


def _factor_message(factor: float, what: str) -> str:
    if abs(factor + 1) < 1e-6:
        return f"{what} has the right size but the opposite sign everywhere: a sign is flipped."
    if abs(factor) < 1e-12:
        return f"{what} is zero everywhere: a term that should be there is missing."
    words = {2.0: "twice", 0.5: "half"}.get(round(factor, 6), f"{factor:.4g} times")
    named = {
        1 / np.log(10): " That is log10 instead of the natural logarithm: use np.log.",
        1 / np.log(2): " That is log2 instead of the natural logarithm: use np.log.",
    }
    extra = next((text for value, text in named.items() if abs(factor - value) < 1e-6), "")
    return (
        f"{what} is {words} the right value everywhere: a constant factor is wrong or missing "
        f"(a wrong constant, or a term that scales everything).{extra}"
    )


def shape_message(got: tuple[int, ...], expected: tuple[int, ...], what: str) -> str:
    """Why a result has another shape than the right answer's, in the learner's terms."""
    message = f"{what} has shape {got}, but it should have shape {expected}."
    if len(got) == 2 and got == expected[::-1] and got != expected:
        return message + " It is transposed: a transpose is missing or one too many."
    if len(got) == 2 and len(expected) == 2 and got[0] == got[1] == expected[0]:
        return message + (
            " An (n, 1) array combined with an (n,) array broadcasts to (n, n): make both "
            "operands the same shape first."
        )
    if len(got) == 2 and len(expected) == 1 and got[0] == got[1] == expected[0]:
        return message + (
            " An (n, 1) array combined with an (n,) array broadcasts to (n, n): make both "
            "operands the same shape first."
        )
    if len(got) == 0 and len(expected) >= 1:
        return message + " It is a single number, not an array."
    if int(np.prod(got)) == int(np.prod(expected)):
        return message + (
            " The numbers are there, but an extra or missing axis or transpose changes the shape."
        )
    return message


def evaluate_mistakes(
    candidates: Mapping[str, list[Callable[[], np.ndarray]]],
) -> dict[str, list[np.ndarray]]:
    """Evaluate each typical mistake's answers, skipping those whose shapes do not even fit."""
    evaluated: dict[str, list[np.ndarray]] = {}
    for diagnosis, makers in candidates.items():
        for make in makers:
            try:
                with np.errstate(all="ignore"):
                    answer = np.asarray(make(), float)
            except (ValueError, np.linalg.LinAlgError):
                continue
            evaluated.setdefault(diagnosis, []).append(answer)
    return evaluated


def central_difference(f: Callable[[np.ndarray], float], w: np.ndarray, h: float = 1e-6):
    """The gradient of the scalar function f at w by central differences, the shape of w."""
    w = np.asarray(w, dtype=float)
    grad = np.zeros_like(w)
    for index in np.ndindex(w.shape):
        step = np.zeros_like(w)
        step[index] = h
        grad[index] = (f(w + step) - f(w - step)) / (2 * h)
    return grad


def shaped(got: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """The result as floats of the given shape (a single number may come in any 1-element
    shape), or the :class:`Mistake` that says why not."""
    got = numbers(got, what)
    if got.size == 1 and int(np.prod(shape)) == 1:
        return got.reshape(shape)
    if got.shape != shape:
        raise Mistake(shape_message(got.shape, shape, what))
    return got


def require(condition: bool, diagnosis: str) -> None:
    if not condition:
        raise Mistake(diagnosis)
