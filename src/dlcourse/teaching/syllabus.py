"""A lesson as one declaration: its notebook, its exercises, and what its runnable version
does (the run, the report, the experiments). ``teaching/`` knows lessons only through this.

A lesson is a package with a module ``lesson`` that holds ``LESSON = Lesson(...)``; see
:mod:`dlcourse.teaching.registry` for how lessons are found, and docs/contributing.md for a
walk-through. Everything that imports heavy libraries (the run, the figures) is reached through
plain functions that import when called, so that listing lessons stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dlcourse.teaching.exercise import Exercise

__all__ = ["Experiment", "Lesson"]


@dataclass(frozen=True)
class Experiment:
    """An experiment beyond the lesson: run it for a seed, draw it, sum it up."""

    title: str
    run: Callable[[int], dict[str, Any]]  # seed -> result (plain data)
    figures: Callable[[dict[str, Any]], dict[str, Any]]  # result -> {name: figure}
    summary: Callable[[dict[str, Any]], list[str]]  # result -> lines of text


@dataclass(frozen=True)
class Lesson:
    """A lesson.

    Parameters
    ----------
    name : str
        Its name on the command line and in notebooks' metadata, e.g. ``"lesson1"``.
    title : str
        One line, for help texts and reports.
    package : str
        The package that holds it (its notebook source, its ``check`` module).
    notebook : str
        The file name of its Jupytext source inside ``package`` (``*.pct.py``).
    exercises : tuple of Exercise
        In the order of the notebook: the gradebook's columns.
    run : callable, optional
        ``run(seed, verbose, beyond) -> results``: the whole lesson solved (plain data).
    summary : callable, optional
        ``summary(results) -> str`` for the terminal.
    write_outputs : callable, optional
        ``write_outputs(results, out_dir, redraw=False) -> {name: path}``: the report's files.
    experiments : callable, optional
        ``experiments() -> {name: Experiment}``.
    """

    name: str
    title: str
    package: str
    notebook: str
    exercises: tuple[Exercise, ...] = field(repr=False)
    run: Callable[..., dict[str, Any]] | None = field(default=None, repr=False)
    summary: Callable[[dict[str, Any]], str] | None = field(default=None, repr=False)
    write_outputs: Callable[..., dict[str, Path]] | None = field(default=None, repr=False)
    experiments: Callable[[], Mapping[str, Experiment]] = field(default=dict, repr=False)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"name must be lower-case letters, digits and _, got {self.name!r}.")
        ids = [exercise.id for exercise in self.exercises]
        if len(set(ids)) != len(ids):
            raise ValueError(f"exercise ids must be unique within a lesson, got {ids}.")

    def notebook_source(self) -> str:
        """The text of its Jupytext source."""
        return resources.files(self.package).joinpath(self.notebook).read_text(encoding="utf-8")
