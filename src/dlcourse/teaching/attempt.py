"""The record of one attempt at an exercise: what happened while a check ran the learner's code.

A check opens an :class:`Attempt` (:func:`attempt`) and every call of the learner's code made
while it is open adds to it: the calls, what they printed, the TODO placeholders they reached
and the calls into dlcourse's own answers. The attempt is held in a :mod:`contextvars`
variable, so nothing is kept in module globals and two checks never share a record (in
threads or tasks, each has its own).

The student notebook's stubs return ``not_done(placeholder)`` and its value answers hold
``TODO``; both are defined here, with the attempt that notices them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TODO", "Attempt", "attempt", "current_attempt", "not_done"]


class _Todo:
    """The placeholder answer of the student notebook."""

    def __repr__(self) -> str:
        return "TODO"


TODO = _Todo()


@dataclass
class Attempt:
    """What the learner's code did during one check."""

    calls: int = 0  # calls of the learner's functions
    printed: list[str] = field(default_factory=list)  # what each call printed
    placeholders: int = 0  # TODO stubs reached
    reference_calls: list[str] = field(default_factory=list)  # dlcourse's own answers used

    @property
    def reached_todo(self) -> bool:
        return self.placeholders > 0

    def references(self) -> list[str]:
        """dlcourse's own answers that were called, each once, in the order first seen."""
        return list(dict.fromkeys(self.reference_calls))


_current: ContextVar[Attempt | None] = ContextVar("dlcourse_attempt", default=None)


@contextlib.contextmanager
def attempt() -> Iterator[Attempt]:
    """Open a fresh :class:`Attempt` for the code run inside the ``with`` block."""
    record = Attempt()
    token = _current.set(record)
    try:
        yield record
    finally:
        _current.reset(token)


def current_attempt() -> Attempt | None:
    """The attempt open in this context, or None outside a check."""
    return _current.get()


def not_done(placeholder: Any) -> Any:
    """Return ``placeholder``, and tell the check that runs this code (if any) that a TODO stub
    was reached, so that it says "not done" instead of judging the placeholder's value."""
    record = _current.get()
    if record is not None:
        record.placeholders += 1
    return placeholder
