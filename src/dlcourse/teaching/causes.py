"""The one change that makes a wrong answer right: each candidate of
:mod:`dlcourse.teaching.repairs` is checked with the exercise's own properties, and a cause is
named only when exactly one kind of change passes them all (in the learner's kernel for the
grader, where the changed copies are made and called). Each kind of cause comes with hints of
its own, in three levels and without code."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dlcourse.teaching.cause_hints import HINTS
from dlcourse.teaching.check_result import PASSED
from dlcourse.teaching.localise import follows_reference
from dlcourse.teaching.repairs import LAST

__all__ = ["HINTS", "Cause", "failing_helpers", "notebook_arrays", "single_change"]


@dataclass(frozen=True)
class Cause:
    """A cause singled out: its kind (a key of :data:`HINTS`) and its description."""

    kind: str
    description: str


def single_change(
    exercise: Any, function: Callable[..., Any], others: Iterable[Any] = ()
) -> Cause | None:
    """The cause that one change of ``function`` singles out: one kind of change makes it pass
    ``exercise`` (at one place, or at up to three, which are then all named), or several kinds
    do at one and the same line (which is then named). None when no change does, or changes of
    several kinds at several lines do: the evidence does not single a cause out.

    Changes at one place are tried first; a change of many places at once (two parameters'
    roles swapped, several notebook variables for several parameters) only when none of those
    makes the answer right. Two rules narrow the changes that pass, so that a second mistake is
    never made to cancel the first. Where ``function`` calls the learner's answers to
    ``others`` (the lesson's other exercises), a change must be made inside one of them that
    fails its own check, or, when all of them pass theirs, outside them. And where some of the
    changes that pass give every intermediate value of the lesson's computation (z, ŷ, ŷ − y,
    ...), only those count.
    """
    try:
        return _search(exercise, function, others)
    except _TooSlowToSearch:  # a changed copy ran past its time limit: give up, at once
        return None


class _TooSlowToSearch(Exception):
    """A changed copy ran past its time limit, or the check's own time ran out."""


def ran_too_long(result: Any) -> bool:
    """Whether a verdict says the learner's function (or a changed copy) ran past its time
    limit: then nothing more is tried on it, since each call would take as long."""
    from dlcourse.teaching.verdicts import NOT_TESTED, TOO_SLOW

    said = [result.message, *(p.detail or "" for p in result.properties)]
    return any(
        text.startswith((TOO_SLOW, NOT_TESTED))
        or "took longer than" in text  # remote_checks: the call's or the whole check's limit
        for text in said
    )


def _search(exercise: Any, function: Callable[..., Any], others: Iterable[Any]) -> Cause | None:

    from dlcourse.teaching.verdicts import judge

    screen = _on_probe(exercise)
    others = tuple(others)
    answers = tuple(name for other in (exercise, *others) for name in other.names)
    made = _variants(function, _parameters(exercise), _swappable(exercise), answers)
    helpers: dict[str, Any] | None = None
    with contextlib.redirect_stdout(io.StringIO()):  # the learner's prints, once is enough
        for tier in ([m for m in made if m[0] not in LAST], [m for m in made if m[0] in LAST]):
            passing: dict[str, tuple[str, str, Callable[..., Any]]] = {}  # kind, place, copy
            for kind, description, variant, place in tier:
                if description in passing or not screen(variant):
                    continue
                result = judge(
                    exercise.id,
                    exercise.properties(variant),
                    success="",
                    quiet=True,
                    until_failure=True,
                )
                if ran_too_long(result):
                    return None  # a change that loops: no search that costs its limit each time
                if result.status == PASSED:
                    passing[description] = (kind, place, variant)
                    if len(passing) > _MOST:
                        return None
            if passing and helpers is None:
                helpers = _helpers(exercise, function, others)
            passing = _in_failing_helpers(passing, function, helpers or {})
            if len(passing) > 1:  # one alone needs no choosing
                clean = {d: c for d, c in passing.items() if follows_reference(exercise, c[2])}
                passing = clean or passing
            if passing:
                chosen = passing
                return _singled_out({d: (kind, place) for d, (kind, place, _) in chosen.items()})
    return None


_MOST = 8  # changes that pass, beyond which none is singled out


def _helpers(exercise: Any, function: Any, others: Iterable[Any]) -> dict[str, Any]:
    """``{name: exercise}`` for the learner's functions that ``function`` calls and that answer
    another exercise."""
    if hasattr(function, "variants"):
        uses = set(function.uses)
    else:
        from dlcourse.teaching.repairs import learner_functions

        uses = set(learner_functions(function, _library()))
    own = exercise.names[0] if exercise.names else None
    return {
        other.names[0]: other
        for other in others
        if not other.answer and other.names and other.names[0] in uses - {own}
    }


def _in_failing_helpers(
    passing: dict[str, tuple[str, str, Callable[..., Any]]],
    function: Any,
    helpers: dict[str, Any],
) -> dict[str, tuple[str, str, Callable[..., Any]]]:
    if not passing or not helpers:
        return passing

    failing = {other.names[0] for other in _failing(helpers, function)}

    def allowed(place: str) -> bool:
        where = place.split(":")[0]
        return where in failing if failing else where not in helpers

    return {d: c for d, c in passing.items() if allowed(c[1])}


def failing_helpers(exercise: Any, function: Any, others: Iterable[Any]) -> list[Any]:
    """The other exercises whose answers ``function`` calls and that fail their own check:
    where ``function`` goes wrong through them, they are where to look first."""
    return _failing(_helpers(exercise, function, others), function)


def _failing(helpers: dict[str, Any], function: Any) -> list[Any]:
    """The exercises of ``helpers`` whose answer, beside ``function``, fails its check."""
    return [other for name, other in helpers.items() if not _passes(other, _helper(function, name))]


def notebook_arrays(function: Any) -> list[tuple[str, tuple[int, ...]]]:
    """``(name, shape)`` of the notebook's arrays that ``function`` (or a learner's function
    it calls) reads, where the values it is given would be expected."""
    if hasattr(function, "variants"):  # in the learner's kernel: found with the changes
        return list(function.reads)
    from dlcourse.teaching.repairs import notebook_arrays as arrays_read

    return arrays_read(function, _library())


def _helper(function: Any, name: str) -> Any:
    """The learner's function ``name`` beside ``function`` (in its kernel, or its module)."""
    helper = function.sibling(name) if hasattr(function, "sibling") else None
    return helper if helper is not None else getattr(function, "__globals__", {}).get(name)


def _singled_out(passing: dict[str, tuple[str, str]]) -> Cause | None:
    if not passing:
        return None
    kinds = {kind for kind, _ in passing.values()}
    places = {place for _, place in passing.values()}
    described = list(passing)
    if len(described) > 3 or (len(kinds) > 1 and len(places) > 1):
        return None
    if len(described) == 1:
        return Cause(next(iter(kinds)), described[0])
    listed = "; or ".join(described)
    if len(kinds) == 1:
        return Cause(
            next(iter(kinds)),
            f"one change makes every check pass, at any of these places: {listed}",
        )
    return Cause(
        "place",
        f"the mistake is on one line, where more than one change makes every check pass: {listed}",
    )


def _on_probe(exercise: Any) -> Callable[[Callable[..., Any]], bool]:
    """A quick first test: whether a changed copy gives the reference's answer on the
    exercise's probe (one call, where its checks make a dozen; in a kernel, one round trip)."""
    if exercise.probe is None or exercise.reference is None:
        return lambda variant: True
    import numpy as np

    from dlcourse.teaching.localise import same_values
    from dlcourse.teaching.verdicts import Mistake, TooSlow, _LearnerError, call

    args = exercise.probe()
    with np.errstate(all="ignore"):
        expected = np.asarray(exercise.reference(*args), dtype=float)

    def screen(variant: Callable[..., Any]) -> bool:
        try:
            return same_values(np.asarray(call(variant, *args), dtype=float), expected)
        except TooSlow:
            raise _TooSlowToSearch from None
        except _LearnerError as error:
            if isinstance(error.__cause__, TimeoutError):  # the whole check's limit, remotely
                raise _TooSlowToSearch from None
            return False
        except (Mistake, TypeError, ValueError):
            return False

    return screen


def _parameters(exercise: Any) -> tuple[str, ...]:
    """The parameter names of the exercise's reference solution (the lesson's order)."""
    if exercise.reference is None:
        return ()
    code = exercise.reference.__code__
    return tuple(code.co_varnames[: code.co_argcount])


def _passes(exercise: Any, function: Any) -> bool:
    """Whether ``function`` passes ``exercise``'s check (not remembered: what a function does
    can change with the notebook's other cells)."""
    from dlcourse.teaching.verdicts import judge

    # wrong on its probe is failing for sure, and one call where the checks make a dozen
    return _on_probe(exercise)(function) and (
        judge(
            exercise.id, exercise.properties(function), success="", quiet=True, until_failure=True
        ).status
        == PASSED
    )


def _swappable(exercise: Any) -> tuple[tuple[int, int], ...]:
    """The pairs of the reference's parameters (by position) that have the same shape on the
    probe, and so could be confused with each other."""
    if exercise.probe is None:
        return ()
    import numpy as np

    shapes = [
        np.shape(a) if isinstance(a, np.ndarray | float | int) else None for a in exercise.probe()
    ]
    return tuple(
        (i, j)
        for i in range(len(shapes))
        for j in range(i + 1, len(shapes))
        if shapes[i] is not None and shapes[i] == shapes[j]
    )


def _variants(
    function: Callable[..., Any],
    expected: tuple[str, ...],
    swappable: tuple[tuple[int, int], ...],
    answers: tuple[str, ...],
) -> list[tuple[str, str, Callable[..., Any], str]]:
    if hasattr(function, "variants"):  # a function in the learner's kernel
        return function.variants(expected, swappable, answers)
    from dlcourse.teaching.recorder import _rewrite
    from dlcourse.teaching.repairs import variants

    return variants(function, _library(), _rewrite, expected, swappable, answers)


def _library() -> tuple[str, ...]:
    """dlcourse's own files: its functions are never the learner's."""
    import dlcourse
    from dlcourse.teaching.recorder import library_roots

    return library_roots((str(Path(dlcourse.__file__).parent),))
