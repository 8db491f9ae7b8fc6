"""One exercise of a lesson as one object: everything the checks, the hints, the grader and the
gradebook need to know about it.

A lesson declares its exercises (usually one small module each, holding the properties, the
typical mistakes and the hints beside the :class:`Exercise`); the generic code in
:mod:`dlcourse.teaching.checking` turns them into the checks a notebook calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dlcourse.teaching.verdicts import Property

__all__ = ["Exercise"]


@dataclass(frozen=True)
class Exercise:
    """An exercise: what the learner writes and how it is judged.

    Parameters
    ----------
    id : str
        Its name in verdicts, hints and the gradebook, e.g. ``"2.1 ReLU"``.
    check : str
        The name of its check in the lesson's ``check`` module, e.g.
        ``"exercise_2_1_relu"``; the notebook calls ``check.<name>(...)``.
    names : tuple of str
        What the learner defines, in the order the check takes them (the grader reads them
        from the learner's kernel).
    properties : callable
        ``properties(*answers) -> list[Property]``: what a right answer does, tested on the
        learner's answers (the inputs they are tried on are made inside, from a fixed seed).
    success : str
        The message of a pass.
    hints : tuple of three str
        A nudge, a pointer, the formula: never code.
    reference : callable, optional
        The lesson's answer, with the learner's signature.
    answer : bool, default False
        The learner's answers are values (``TODO`` until written), not functions.
    summary : str
        One line on what is asked: the check's docstring.
    quantities : tuple of (name, words)
        The steps of the reference's computation, in order: the names of its local variables
        (``"z"``, ``"y_hat"``, ...) and how the lesson writes them (``"z = xᵢ · w"``). A wrong
        answer is localised by the first of them the learner's code never produces
        (:mod:`dlcourse.teaching.localise`).
    probe : callable, optional
        ``probe() -> args``: the input the localisation runs both on, with no value that
        coincides with another quantity (a λ that is not 0.1, asymmetric numbers); also the
        first quick test of each changed copy of the learner's code
        (:mod:`dlcourse.teaching.causes`).
    """

    id: str
    check: str
    names: tuple[str, ...]
    properties: Callable[..., list[Property]] = field(repr=False)
    success: str = field(repr=False)
    hints: tuple[str, str, str] = field(repr=False)
    reference: Callable[..., Any] | None = field(default=None, repr=False)
    answer: bool = False
    summary: str = field(default="", repr=False)
    quantities: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    probe: Callable[[], tuple[Any, ...]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.check.isidentifier():
            raise ValueError(f"check must be a Python name, got {self.check!r}.")
        if not self.names or not all(name.isidentifier() for name in self.names):
            raise ValueError(f"names must be Python names, got {self.names!r}.")
        if {"quiet", "hint"} & set(self.names):  # the check's own keyword arguments
            raise ValueError(f"names must not be 'quiet' or 'hint', got {self.names!r}.")
        if len(self.hints) != 3:
            raise ValueError(f"hints must hold three levels, got {len(self.hints)}.")
