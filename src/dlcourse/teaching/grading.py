"""Grading a learner's notebook: run it in a fresh kernel, then run every check on what it defined.

The submitted file is only read. The notebook runs in a temporary working directory, cell
by cell (nbclient), going on after a failing cell; a cell that runs longer than the timeout
is interrupted. Then one more cell, added to the in-memory copy, runs each exercise's check
on the names the notebook defined, with a time limit per check, and reports as JSON.
"""

from __future__ import annotations

import copy
import json
import tempfile
from dataclasses import dataclass, field
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from dlcourse.teaching.verdicts import ERROR, NOT_REACHED, CheckResult, time_limit

__all__ = ["NotebookReport", "grade_notebook"]

_MARKER = "DLCOURSE-GRADES "
_CHECK_MODULES = {"lesson1": "dlcourse.lessons.lesson1.check"}


@dataclass
class NotebookReport:
    """What the grader found in one notebook."""

    path: str
    results: list[CheckResult]
    problems: list[str] = field(default_factory=list)  # failing or interrupted cells

    @property
    def passed(self) -> bool:
        """Every exercise passes and every cell ran to its end."""
        return bool(self.results) and all(r.passed for r in self.results) and not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "notebook": self.path,
            "passed": self.passed,
            "exercises": [result.to_dict() for result in self.results],
            "problems": self.problems,
        }


def grade_notebook(
    path: str | Path,
    *,
    lesson: str | None = None,
    timeout: float = 60.0,
    check_time_limit: float = 10.0,
    kernel_name: str = "python3",
) -> NotebookReport:
    """Execute the notebook at ``path`` and check every exercise of its lesson.

    Parameters
    ----------
    path : path
        The learner's ``.ipynb``; never written to.
    lesson : str, optional
        Which lesson's checks to run; by default read from the notebook's metadata.
    timeout : float, default 60
        Seconds one cell may run before it is interrupted (an endless loop, say).
    check_time_limit : float, default 10
        Seconds one exercise check may take.
    kernel_name : str, default "python3"
    """
    notebook = nbformat.read(path, as_version=4)  # read once; all work is on a copy
    lesson = lesson or notebook.metadata.get("dlcourse", {}).get("lesson", "lesson1")
    if lesson not in _CHECK_MODULES:
        raise ValueError(f"lesson must be one of {sorted(_CHECK_MODULES)}, got {lesson!r}.")
    exercises = list(import_module(_CHECK_MODULES[lesson]).EXERCISES)
    work = copy.deepcopy(notebook)
    grading_cell = nbformat.v4.new_code_cell(
        f"from dlcourse.teaching.grading import _grade_namespace\n"
        f"_grade_namespace(globals(), {lesson!r}, {check_time_limit!r})"
    )
    with tempfile.TemporaryDirectory(prefix="dlcourse-check-") as workdir:
        client = NotebookClient(
            work,
            timeout=timeout,
            kernel_name=kernel_name,
            allow_errors=True,
            interrupt_on_timeout=True,
            resources={"metadata": {"path": workdir}},
            # The kernel talks to us on localhost only; keep its log to real errors.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
        try:
            with client.setup_kernel():
                for index, cell in enumerate(work.cells):
                    if cell.cell_type == "code":
                        client.execute_cell(cell, index)
                work.cells.append(grading_cell)
                client.timeout = timeout + check_time_limit * len(exercises)
                client.execute_cell(grading_cell, len(work.cells) - 1)
        except DeadKernelError as error:
            return NotebookReport(
                str(path),
                [
                    CheckResult(name, NOT_REACHED, "not reached: the kernel died.")
                    for name in exercises
                ],
                [f"the kernel died: {error}"],
            )
    results = _read_grades(grading_cell, exercises)
    return NotebookReport(str(path), results, _problems(work.cells[:-1], timeout))


def _read_grades(cell: nbformat.NotebookNode, exercises: list[str]) -> list[CheckResult]:
    for output in cell.get("outputs", []):
        text = output.get("text", "")
        if output.get("output_type") == "stream" and _MARKER in text:
            payload = text.split(_MARKER, 1)[1].splitlines()[0]
            return [CheckResult.from_dict(item) for item in json.loads(payload)]
    reason = next(
        (
            f"{o.get('ename')}: {o.get('evalue')}"
            for o in cell.get("outputs", [])
            if o.get("output_type") == "error"
        ),
        "no answer",
    )
    return [CheckResult(name, ERROR, f"the checks could not run ({reason}).") for name in exercises]


def _problems(cells: list[nbformat.NotebookNode], timeout: float) -> list[str]:
    problems = []
    code_cells = [cell for cell in cells if cell.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            if output.get("ename") == "KeyboardInterrupt":
                problems.append(f"code cell {number}: stopped after {timeout:g} s (endless loop?)")
            else:
                problems.append(
                    f"code cell {number}: {output.get('ename')}: {output.get('evalue')}"
                )
    return problems


def _grade_namespace(namespace: dict[str, Any], lesson: str, time_limit_s: float) -> None:
    """Run inside the learner's kernel: check each exercise on the names it defined."""
    exercises = import_module(_CHECK_MODULES[lesson]).EXERCISES
    results = []
    for exercise, (check, names) in exercises.items():
        missing = [name for name in names if name not in namespace]
        if missing:
            results.append(
                CheckResult(
                    exercise,
                    NOT_REACHED,
                    f"not reached: {', '.join(missing)} is not defined (the notebook stopped "
                    "before it, or it was renamed).",
                )
            )
            continue
        with time_limit(time_limit_s, partial(_timeout, time_limit_s)):
            results.append(check(*(namespace[name] for name in names), quiet=True))
    print(_MARKER + json.dumps([result.to_dict() for result in results]))


def _timeout(seconds: float) -> TimeoutError:
    return TimeoutError(f"the check took longer than {seconds:g} s (an endless loop?)")
