"""Lesson 1 as the teaching tools see it: its notebook, its exercises, its run, its report."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dlcourse.lessons.lesson1.units import EXERCISES
from dlcourse.teaching.syllabus import Experiment, Lesson


def _run(seed: int = 0, verbose: bool = False, beyond: bool = True) -> dict[str, Any]:
    from dlcourse.lessons.lesson1.exercises import run_lesson1

    return run_lesson1(seed=seed, verbose=verbose, beyond=beyond)


def _summary(results: dict[str, Any]) -> str:
    from dlcourse.lessons.lesson1.report import summary

    return summary(results)


def _write_outputs(results: dict[str, Any], out: str | Path, *, redraw: bool = False):
    from dlcourse.lessons.lesson1.report import write_outputs

    return write_outputs(results, out, redraw=redraw)


def _experiments() -> Mapping[str, Experiment]:
    from dlcourse.lessons.lesson1.beyond import EXPERIMENTS

    return EXPERIMENTS


LESSON = Lesson(
    name="lesson1",
    title="Lesson 1: linear and logistic regression",
    package="dlcourse.lessons.lesson1",
    notebook="lesson1.pct.py",
    exercises=EXERCISES,
    run=_run,
    summary=_summary,
    write_outputs=_write_outputs,
    experiments=_experiments,
)
