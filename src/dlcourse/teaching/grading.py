"""Grading a learner's notebook: run it in a fresh kernel, then check what it defined, from here.

The submitted file is only read. The notebook runs in a temporary working directory, cell
by cell (nbclient), going on after a failing cell; a cell that runs longer than the timeout
is interrupted. Then the checks run in the grader's own process: each call of a learner's
function is sent to the kernel as plain data and its result comes back as plain data
(:mod:`dlcourse.teaching.remote`), so the verdicts, the reference answers and the grader's
code stay out of the learner's reach.
"""

from __future__ import annotations

import copy
import json
import math
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from dlcourse.teaching.guards import reference_roots
from dlcourse.teaching.limits import PROCESS_LIMIT, limit_kernel, process_group
from dlcourse.teaching.remote import (
    KERNEL_HELPERS,
    CallTooLong,
    RemoteFunction,
    decode,
    request,
)
from dlcourse.teaching.sandbox import sandbox_available, sandboxed_manager
from dlcourse.teaching.verdicts import CALL_TIME_LIMIT, ERROR, NOT_REACHED, CheckResult

__all__ = ["NotebookReport", "grade_notebook"]

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
    memory_mb: int = 2048,
    output_mb: float = 10.0,
    kernel_name: str = "python3",
    sandbox: bool | None = None,
    hidden: tuple[str | Path, ...] = (),
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
    memory_mb : int, default 2048
        Memory the kernel may allocate (its data segment and anonymous maps, RLIMIT_DATA).
    output_mb : float, default 10
        Output the notebook may print or display; beyond it the rest is dropped.
    kernel_name : str, default "python3"
    sandbox : bool, optional
        Run the kernel inside bubblewrap (:mod:`dlcourse.teaching.sandbox`); by default
        wherever it is available. ``True`` where it is not is an error.
    hidden : paths
        Folders the sandboxed kernel must not see (the class's submissions, the grades); the
        submission's own folder is always among them.
    """
    if sandbox is None:
        sandbox = sandbox_available()
    elif sandbox and not sandbox_available():
        raise RuntimeError(
            "sandbox=True, but bubblewrap (bwrap) is not installed or may not make namespaces "
            "here; install the Debian package bubblewrap, or pass sandbox=False."
        )
    notebook = nbformat.read(path, as_version=4)  # read once; all work is on a copy
    lesson = lesson or notebook.metadata.get("dlcourse", {}).get("lesson", "lesson1")
    if lesson not in _CHECK_MODULES:
        raise ValueError(f"lesson must be one of {sorted(_CHECK_MODULES)}, got {lesson!r}.")
    exercises = import_module(_CHECK_MODULES[lesson]).EXERCISES
    work = copy.deepcopy(notebook)
    n_cells = len(work.cells)
    with (
        tempfile.TemporaryDirectory(prefix="dlcourse-check-") as workdir,
        tempfile.TemporaryDirectory(prefix="dlcourse-kernel-") as rundir,
        process_group() as join_group,
    ):
        hide = [Path(path).resolve().parent, *map(Path, hidden)]
        client = _LimitedClient(
            work,
            timeout=timeout,
            kernel_name=kernel_name,
            allow_errors=True,
            interrupt_on_timeout=True,
            shutdown_kernel="immediate",  # nothing of the kernel is kept: no graceful wait
            resources={"metadata": {"path": workdir}},
            # The kernel talks to us on localhost (over Unix sockets in the sandbox); keep its
            # log to real errors.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
        if sandbox:
            client.sandbox = (Path(workdir), Path(rundir), hide)
        try:
            client.output_budget = int(output_mb * 2**20)
            with client.setup_kernel(preexec_fn=partial(limit_kernel, memory_mb, join_group)):
                for index, cell in enumerate(work.cells):
                    if cell.cell_type == "code":
                        client.execute_cell(cell, index)
                output_hit = client.output_budget < 0
                client.output_budget = None
                run = partial(_run_in_kernel, client, work)
                helpers = f"REFERENCE_ROOTS = {reference_roots()!r}\n{KERNEL_HELPERS}"
                run(helpers, timeout=30)
                results = _check_remotely(exercises, run, check_time_limit)
        except DeadKernelError as error:
            return NotebookReport(
                str(path),
                [
                    CheckResult(name, NOT_REACHED, "not reached: the kernel died.")
                    for name in exercises
                ],
                [f"the kernel died (it exited, or hit the memory or process limit): {error}"],
            )
    problems = _problems(work.cells[:n_cells], timeout, memory_mb)
    if output_hit:
        problems.append(f"the output limit of {output_mb:g} MB was hit: the rest was dropped")
    return NotebookReport(str(path), results, problems)


def _run_in_kernel(
    client: NotebookClient, notebook: Any, code: str, timeout: float = CALL_TIME_LIMIT
) -> str:
    """Run ``code`` in the kernel as a cell of its own; return what it printed. Raises
    :class:`CallTooLong` when the cell had to be interrupted."""
    cell = nbformat.v4.new_code_cell(code)
    notebook.cells.append(cell)
    client.timeout = timeout
    try:
        client.execute_cell(cell, len(notebook.cells) - 1)
    except DeadKernelError:
        raise KernelDied from None
    outputs = cell.get("outputs", [])
    if any(o.get("ename") == "KeyboardInterrupt" for o in outputs):
        raise CallTooLong(f"the call took longer than {timeout:g} s")
    return "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")


def _within(run: Any, deadline: float, limit: float, code: str) -> str:
    """``run(code)`` with the time left before ``deadline`` (the whole check's limit), at most
    one call's limit: the kernel is interrupted, never the grader (no signal here)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError(f"the check took longer than {limit:g} s (an endless loop?)")
    try:
        return run(code, timeout=max(1, math.ceil(min(CALL_TIME_LIMIT, left))))  # whole seconds
    except CallTooLong:
        if left < CALL_TIME_LIMIT:
            raise TimeoutError(
                f"the check took longer than {limit:g} s (an endless loop?)"
            ) from None
        raise


def _check_remotely(exercises: dict, run: Any, time_limit_s: float) -> list[CheckResult]:
    """Run each exercise's check here, on the learner's names as they are in the kernel."""
    names = sorted({name for _, wanted in exercises.values() for name in wanted})
    kinds = request(run, f"__dlcourse_defined({{nonce}}, {json.dumps(json.dumps(names))})")
    kinds = kinds["result"]
    results = []
    for exercise, (check, wanted) in exercises.items():
        missing = [name for name in wanted if name not in kinds]
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
        timed = partial(_within, run, time.monotonic() + time_limit_s, time_limit_s)
        try:
            arguments = [
                RemoteFunction(name, timed)
                if kinds[name] == "function"
                else decode(request(run, f"__dlcourse_get({{nonce}}, {name!r})")["result"])
                for name in wanted
            ]
            results.append(check(*arguments, quiet=True))
        except (TimeoutError, RuntimeError) as error:
            results.append(CheckResult(exercise, ERROR, f"the check could not finish: {error}."))
        except KernelDied:  # the learner's code ended its kernel while being checked
            results.append(
                CheckResult(exercise, ERROR, "the kernel died while this exercise was checked.")
            )
            break
    done = {result.exercise for result in results}
    results += [
        CheckResult(name, NOT_REACHED, "not reached: the kernel died before its check.")
        for name in exercises
        if name not in done
    ]
    return results


class KernelDied(BaseException):
    """The kernel died during a check's call (a BaseException: the checks' handling of the
    learner's own exceptions must not take it for one)."""


class _LimitedClient(NotebookClient):
    """nbclient's client, keeping at most ``output_budget`` bytes of the notebook's output."""

    output_budget: int | None = 10 * 2**20
    sandbox: tuple[Path, Path, list[Path]] | None = None  # workdir, rundir, hidden folders

    def create_kernel_manager(self) -> Any:
        if self.sandbox is None:
            return super().create_kernel_manager()
        self.km = sandboxed_manager(self.kernel_name, *self.sandbox, config=self.config)
        return self.km

    def output(self, outs: list, msg: dict[str, Any], display_id: Any, cell_index: int) -> Any:
        if self.output_budget is None:  # the grader's own calls (their replies are capped)
            return super().output(outs, msg, display_id, cell_index)
        size = len(json.dumps(msg.get("content", {})))
        if self.output_budget - size < 0:
            self.output_budget = -1  # hit: everything after it is dropped
            return None
        self.output_budget -= size
        return super().output(outs, msg, display_id, cell_index)


def _problems(cells: list[nbformat.NotebookNode], timeout: float, memory_mb: int) -> list[str]:
    problems = []
    code_cells = [cell for cell in cells if cell.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            if output.get("ename") == "KeyboardInterrupt":
                problems.append(f"code cell {number}: stopped after {timeout:g} s (endless loop?)")
            elif output.get("ename") == "BlockingIOError" and "[Errno 11]" in str(
                output.get("evalue")
            ):  # EAGAIN from fork: the process limit
                problems.append(
                    f"code cell {number}: the process limit of {PROCESS_LIMIT} was hit "
                    "(BlockingIOError)"
                )
            elif output.get("ename") == "MemoryError":
                problems.append(
                    f"code cell {number}: the memory limit of {memory_mb} MB was hit (MemoryError)"
                )
            else:
                problems.append(
                    f"code cell {number}: {output.get('ename')}: {output.get('evalue')}"
                )
    return problems
