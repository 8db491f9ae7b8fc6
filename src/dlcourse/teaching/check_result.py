"""The verdict on one exercise (:class:`CheckResult`) and how it is shown: as text in a
terminal, as an HTML block (a Jinja2 template, autoescaped) in Jupyter."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "ERROR",
    "FAILED",
    "NOT_DONE",
    "NOT_REACHED",
    "PASSED",
    "CheckResult",
    "PropertyResult",
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
_COLOURS = {PASSED: "#2d6a4f", FAILED: "#9b2226", NOT_DONE: "#6c757d"}  # others: #bb3e03


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
    hints: tuple[str, ...] = ()  # hints about the cause found, where one was (else the exercise's)
    named: bool = False  # the message names a cause the evidence singles out (else it observes)

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    @property
    def shows_hint(self) -> bool:
        return bool(self.hint) and self.status in (FAILED, ERROR)

    def __str__(self) -> str:
        lines = [f"{_SYMBOLS[self.status]} Exercise {self.exercise}: {self.message}"]
        if self.properties and not self.passed:
            held = sum(p.held for p in self.properties)
            lines.append(f"   score {self.score:.2f}: {held} of {len(self.properties)} hold")
            lines += [f"   {'✓' if p.held else '✗'} {p.name}" for p in self.properties]
        if self.shows_hint:
            lines.append(f"   a hint: {self.hint}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """A compact block for Jupyter: the verdict, then what held and what did not."""
        from dlcourse.teaching.rendering import render_template

        return render_template(
            "dlcourse.teaching",
            "templates/verdict.html.j2",
            result=self,
            symbol=_SYMBOLS[self.status],
            colour=_COLOURS.get(self.status, "#bb3e03"),
            properties=() if self.passed else self.properties,
        ).strip()

    def _ipython_display_(self) -> None:
        """Show nothing: the check has shown the verdict already (no echo in notebooks)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"properties": [asdict(p) for p in self.properties]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckResult:
        properties = tuple(PropertyResult(**p) for p in data.get("properties", ()))
        hints = tuple(str(h) for h in data.get("hints", ()))
        return cls(**{**data, "properties": properties, "hints": hints})


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
