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
import io
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from html import escape
from typing import Any

import numpy as np

from dlcourse.teaching.guards import (
    _TooLong,
    reference_calls,
    time_limit,
    watch_reference_calls,
)

__all__ = [
    "TODO",
    "CheckResult",
    "Mistake",
    "NamedMistake",
    "Property",
    "PropertyResult",
    "TooSlow",
    "call",
    "judge",
    "not_done",
    "show",
]

PASSED, FAILED, NOT_DONE, ERROR, NOT_REACHED = (
    "passed",
    "failed",
    "not done",
    "error",
    "not reached",
)
_SYMBOLS = {PASSED: "✅", FAILED: "❌", NOT_DONE: "📝", ERROR: "💥", NOT_REACHED: "⏭"}
CALL_TIME_LIMIT = 5.0  # seconds one call of the learner's function may take on the checks' inputs


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
class PropertyResult:
    """Whether one property of a right answer held, and if not, what was seen instead."""

    name: str
    held: bool
    detail: str = ""


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one exercise.

    ``score`` is the share of the exercise's properties that hold (1 only when it passes);
    ``properties`` lists each with what was seen; ``hint`` is the command that gives a hint.
    """

    exercise: str
    status: str  # "passed", "failed", "not done", "error" or "not reached"
    message: str
    score: float = 0.0
    properties: tuple[PropertyResult, ...] = ()
    hint: str = ""

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def __str__(self) -> str:
        lines = [f"{_SYMBOLS[self.status]} Exercise {self.exercise}: {self.message}"]
        if self.properties and not self.passed:
            held = sum(p.held for p in self.properties)
            lines.append(f"   score {self.score:.2f}: {held} of {len(self.properties)} hold")
            lines += [f"   {'✓' if p.held else '✗'} {p.name}" for p in self.properties]
        if self.hint and self.status in (FAILED, ERROR):
            lines.append(f"   a hint: {self.hint}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """A compact block for Jupyter: the verdict, then what held and what did not."""
        colour = {PASSED: "#2d6a4f", FAILED: "#9b2226", NOT_DONE: "#6c757d"}.get(
            self.status, "#bb3e03"
        )
        rows = "".join(
            f"<li style='color:{'#2d6a4f' if p.held else '#9b2226'}'>"
            f"{'✓' if p.held else '✗'} {escape(p.name)}</li>"
            for p in (self.properties if not self.passed else ())
        )
        score = f" <span style='color:#6c757d'>score {self.score:.2f}</span>" if rows else ""
        hint = (
            f"<div style='color:#6c757d'>a hint: <code>{escape(self.hint)}</code></div>"
            if self.hint and self.status in (FAILED, ERROR)
            else ""
        )
        return (
            f"<div class='dlcourse-verdict' data-status='{escape(self.status)}' "
            f"data-exercise='{escape(self.exercise)}' "
            f"style='border-left:4px solid {colour};padding:4px 10px;margin:4px 0'>"
            f"<b>{_SYMBOLS[self.status]} Exercise {escape(self.exercise)}</b>: "
            f"{escape(self.message)}{score}"
            f"{f'<ul style=margin:2px 0>{rows}</ul>' if rows else ''}{hint}</div>"
        )

    def _ipython_display_(self) -> None:
        """Show nothing: the check has shown the verdict already (no echo in notebooks)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"properties": [asdict(p) for p in self.properties]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckResult:
        properties = tuple(PropertyResult(**p) for p in data.get("properties", ()))
        return cls(**{**data, "properties": properties})


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


def call(func: Callable[..., Any], *args: Any) -> Any:
    """Call the learner's ``func`` on copies of ``args``.

    Its exceptions become verdicts; so do a call that takes longer than
    :data:`CALL_TIME_LIMIT` and a function that prints its result instead of returning it.
    """
    if not callable(func):
        raise Mistake(f"expected a function, got {type(func).__name__} {func!r}.")
    copies = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
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
            f"your function ran for more than {CALL_TIME_LIMIT:g} s on a small input: is there "
            "an endless loop, or a loop over far more values than needed?"
        ) from None
    except Exception as error:
        raise _LearnerError(error) from error
    finally:
        sys.stdout.write(printed.getvalue())  # the learner's own prints stay visible
    if result is None and printed.getvalue().strip():
        raise Mistake(
            "your function prints its result instead of returning it: end it with "
            "`return ...` (it returned None)."
        )
    return result


def judge(
    exercise: str,
    properties: Sequence[Property],
    *,
    success: str,
    quiet: bool = False,
    hint: str = "",
) -> CheckResult:
    """Test every property; report the most specific failure and the share that held.

    A :class:`NamedMistake` (a typical mistake recognised by its values) is reported before
    any other failure; then an exception in the learner's code while testing the first
    property (the plain call), which makes the verdict an error; otherwise the first property
    that fails, in the order given. An exception in a later property is that property's
    failure.
    """
    before, references = _placeholders_returned, len(reference_calls)
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
            text = f"your code raised {type(cause).__name__}: {cause}. {_hint_for(cause)}".strip()
            results.append(PropertyResult(prop.name, False, text))
            first = first or text
            if index == 0:
                error = text
            too_slow = isinstance(cause, TimeoutError)  # the grader's limit for the whole check
        if _placeholders_returned != before:
            break
        if too_slow:  # each further call would take as long: the rest are not tested
            results += [
                PropertyResult(p.name, False, "not tested: the function ran too long")
                for p in properties[index + 1 :]
            ]
            break
    used = list(dict.fromkeys(reference_calls[references:]))  # in order, once each
    if _placeholders_returned != before:
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
    result = CheckResult(exercise, status, message, min(score, 1.0), tuple(results), hint)
    if not quiet:
        show(result)
    return result


def show(result: CheckResult) -> None:
    """The verdict as an HTML block in a Jupyter kernel, as plain text elsewhere."""
    shell = _kernel_shell()
    if shell is None:
        print(result)
        return
    from IPython.display import display

    display({"text/plain": str(result), "text/html": result._repr_html_()}, raw=True)


def _kernel_shell() -> Any:
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return None
    shell = ipython.get_ipython()
    return shell if shell is not None and hasattr(shell, "kernel") else None


def _hint_for(error: BaseException) -> str:
    text = str(error)
    if "matmul" in text or ("shapes" in text and "not aligned" in text):
        return "Check the shapes of the factors of each product, and their order."
    if "could not be broadcast" in text:
        return "Two arrays of incompatible shapes were combined; print their shapes."
    if "ingular matrix" in text:
        return "The matrix you invert is singular; check which product you invert."
    return ""
