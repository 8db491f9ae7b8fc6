"""Grading a learner's notebook: run it in a fresh kernel, then check what it defined, from here.

The submitted file is only read (:mod:`dlcourse.teaching.submissions`). Its outputs are cleared
and it runs cell by cell (nbclient) in a kernel of its own, isolated and limited by the
operating system (:mod:`dlcourse.teaching.kernels`, :mod:`~dlcourse.teaching.sandbox`,
:mod:`~dlcourse.teaching.limits`), going on after a failing cell. A cell that runs longer than
the timeout is interrupted; one that does not stop then is ended with the kernel by the
:class:`~dlcourse.teaching.watchdog.Watchdog`, which also keeps the limit of each graded call
and of the whole submission. Then the checks run in the grader's own process: each call of a
learner's function is sent to the kernel as plain data and its result comes back as plain data
(:mod:`dlcourse.teaching.remote`), so the verdicts, the reference answers and the grader's
code stay out of the learner's reach.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from dlcourse.teaching.check_result import CheckResult
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.guards import reference_roots
from dlcourse.teaching.isolation import Isolation, KernelFolders, remove_tree
from dlcourse.teaching.kernels import NO_IMAGES
from dlcourse.teaching.limits import PROCESS_LIMIT, KernelLimits, limit_kernel
from dlcourse.teaching.notebook_client import LimitedClient as _LimitedClient
from dlcourse.teaching.registry import find_lesson, lesson_name
from dlcourse.teaching.remote import install_code
from dlcourse.teaching.remote_checks import KernelDied, check_remotely, not_reached, run_in_kernel
from dlcourse.teaching.submissions import read_submission
from dlcourse.teaching.watchdog import GRACE_S, Watchdog

__all__ = ["NotebookReport", "grade_notebook"]


@dataclass
class NotebookReport:
    """What the grader found in one notebook."""

    path: str
    results: list[CheckResult]
    problems: list[str] = field(default_factory=list)  # failing or interrupted cells
    sha256: str = ""
    lesson: str = ""

    @property
    def passed(self) -> bool:
        """Every exercise passes and every cell ran to its end."""
        return bool(self.results) and all(r.passed for r in self.results) and not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "notebook": self.path,
            "lesson": self.lesson,
            "sha256": self.sha256,
            "passed": self.passed,
            "exercises": [result.to_dict() for result in self.results],
            "problems": self.problems,
        }


def grade_notebook(
    path: str | Path,
    *,
    lesson: str | None = None,
    timeout: float = 60.0,
    total_timeout: float = 600.0,
    check_time_limit: float = 10.0,
    memory_mb: int = 2048,
    output_mb: float = 10.0,
    kernel_name: str = "python3",
    sandbox: bool | None = None,
    hidden: tuple[str | Path, ...] = (),
    isolation: Isolation | None = None,
) -> NotebookReport:
    """Execute the notebook at ``path`` and check every exercise of its lesson.

    Parameters
    ----------
    path : path
        The learner's ``.ipynb``; never written to, read only if it is a regular file.
    lesson : str, optional
        Which lesson's checks to run; by default the one the notebook's metadata names, else
        the first lesson (:mod:`dlcourse.teaching.registry`).
    timeout : float, default 60
        Seconds one cell may run before it is interrupted (an endless loop, say); if it has
        not stopped :data:`~dlcourse.teaching.watchdog.GRACE_S` later, the kernel is ended.
    total_timeout : float, default 600
        Seconds the whole submission may take, from its kernel's start to its last check.
    check_time_limit : float, default 10
        Seconds one exercise check may take.
    memory_mb : int, default 2048
        Memory the kernel may use: its control group's limit (shared memory and in-memory
        files included) where one can be made, and its data segment (a ``MemoryError``).
    output_mb : float, default 10
        Output the notebook may send (prints, figures, widget messages); the rest is dropped.
    kernel_name : str, default "python3"
    sandbox : bool, optional
        Run the kernel inside bubblewrap (:mod:`dlcourse.teaching.sandbox`); by default
        wherever it is available. ``True`` where it is not is an error. Ignored when
        ``isolation`` is given.
    hidden : paths
        Folders the sandboxed kernel must not see (the class's submissions, the grades); the
        submission's own folder is always among them.
    isolation : Isolation, optional
        The run this notebook is part of (a class); by default one of its own.
    """
    submission = read_submission(path)  # read once; all work is on a copy
    notebook = submission.notebook
    named = lesson_name(notebook)
    chosen = find_lesson(lesson or named)
    own = isolation is None
    isolation = isolation or Isolation.open(memory_mb=memory_mb, sandbox=sandbox)
    options = _Options(timeout, total_timeout, check_time_limit, memory_mb, output_mb)
    try:
        hide = (isolation.root, Path(path).resolve().parent, *map(Path, hidden))
        results, problems = _grade(
            notebook, chosen.exercises, options, isolation, kernel_name, hide
        )
    finally:
        if own:
            isolation.close()
    if named not in (None, chosen.name):  # the instructor's --lesson over the notebook's own
        problems.insert(0, f"the notebook names the lesson {named!r}; graded as {chosen.name!r}")
    return NotebookReport(str(path), results, problems, submission.digest, chosen.name)


@dataclass(frozen=True)
class _Options:
    timeout: float
    total_timeout: float
    check_time_limit: float
    memory_mb: int
    output_mb: float


def _grade(
    notebook: Any,
    exercises: tuple[Exercise, ...],
    options: _Options,
    isolation: Isolation,
    kernel_name: str,
    hide: tuple[Path, ...],
) -> tuple[list[CheckResult], list[str]]:
    """Run the notebook and the checks in one kernel; return the verdicts and the problems."""
    work = notebook  # parsed here from the file's bytes: ours to change
    for cell in work.cells:  # outputs that came with the file were never produced here
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    n_cells = len(work.cells)
    tag = f"w{os.getpid()}"
    folders = isolation.kernel_folders(f"{tag}-{uuid.uuid4().hex[:8]}")
    group = isolation.groups.kernel_group(tag)
    client = _client(work, options, kernel_name, isolation, folders, group, hide)
    watchdog = Watchdog(
        partial(_end, client, group),
        options.total_timeout,
        f"the whole submission took longer than {options.total_timeout:g} s, its limit",
    )
    results: list[CheckResult] = []
    # In the sandbox the kernel becomes its own user there (sandbox_command), else right here.
    limits = KernelLimits(options.memory_mb, group, None if isolation.sandbox else folders.uid)
    try:
        with watchdog, client.setup_kernel(preexec_fn=partial(limit_kernel, limits)):
            folders.lock()
            for index, cell in enumerate(work.cells):
                if cell.cell_type == "code":
                    with watchdog.limit(options.timeout + GRACE_S, _ignored(index, work)):
                        client.execute_cell(cell, index)
            output_hit = client.output_budget < 0
            run = partial(run_in_kernel, client, work, watchdog)
            run(install_code(reference_roots()), timeout=30)
            results = check_remotely(exercises, run, options.check_time_limit)
    except (DeadKernelError, KernelDied) as error:
        results += not_reached(exercises, results, "the kernel was ended or died")
        problems = _problems(work.cells[:n_cells], options)
        why = watchdog.reason or _memory(group, options, ended=True)
        return results, [*problems, why or f"the kernel died (it exited, or hit a limit): {error}"]
    finally:
        memory = _memory(group, options, ended=False)  # read before the group is removed
        if group is not None:
            group.remove()
        remove_tree(folders.workdir.parent)  # its sockets, and what it wrote outside a sandbox
    problems = _problems(work.cells[:n_cells], options)
    problems += [why for why in (watchdog.reason, memory) if why]
    if output_hit:
        problems.append(
            f"the output limit of {options.output_mb:g} MB was hit: the rest was dropped"
        )
    return results, problems


def _client(
    work: Any,
    options: _Options,
    kernel_name: str,
    isolation: Isolation,
    folders: KernelFolders,
    group: Any,
    hide: tuple[Path, ...],
) -> _LimitedClient:
    client = _LimitedClient(
        work,
        timeout=options.timeout,
        kernel_name=kernel_name,
        allow_errors=True,
        interrupt_on_timeout=True,
        store_widget_state=False,
        shutdown_kernel="immediate",  # nothing of the kernel is kept: no graceful wait
        resources={"metadata": {"path": str(folders.workdir)}},
        # Keep the kernel's log to real errors (it goes nowhere anyway: no inherited output).
        extra_arguments=["--IPKernelApp.log_level=ERROR", NO_IMAGES],
    )
    sandbox = None
    if isolation.sandbox:
        sandbox = {
            "workdir": folders.workdir,
            "rundir": folders.rundir,
            "hidden": list(hide),
            "uid": folders.uid,
        }
    client.manager_options = {
        "rundir": folders.rundir,
        "home": folders.workdir,
        "sandbox": sandbox,
        "group": group,
        "uid": folders.uid,
    }
    client.output_budget = int(options.output_mb * 2**20)
    return client


def _end(client: NotebookClient, group: Any) -> None:
    """The watchdog's way to end a kernel: its group, then its process (never raises)."""
    if group is not None:
        group.kill()
    manager = getattr(client, "km", None)
    if manager is not None and hasattr(manager, "end"):
        manager.end()


def _ignored(index: int, work: Any) -> str:
    number = sum(1 for cell in work.cells[: index + 1] if cell.cell_type == "code")
    return f"code cell {number} did not stop when interrupted; the kernel was ended"


def _memory(group: Any, options: _Options, *, ended: bool) -> str | None:
    """What the kernel's memory group says happened, in the learner's terms, or None."""
    limit = f"the memory limit of {options.memory_mb} MB"
    if group is None:
        return None
    if group.oom_killed():
        killed = "the kernel was ended" if ended else "a process of the kernel was killed"
        return f"{limit} was hit: {killed}"
    if group.memory_refused():
        return f"{limit} was reached: some of the kernel's memory (or in-memory files) was refused"
    return None


def _problems(cells: list[nbformat.NotebookNode], options: _Options) -> list[str]:
    problems = []
    code_cells = [cell for cell in cells if cell.cell_type == "code"]
    for number, cell in enumerate(code_cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            if output.get("ename") == "KeyboardInterrupt":
                problems.append(
                    f"code cell {number}: stopped after {options.timeout:g} s (endless loop?)"
                )
            elif output.get("ename") == "BlockingIOError" and "[Errno 11]" in str(
                output.get("evalue")
            ):  # EAGAIN from fork: the process limit
                problems.append(
                    f"code cell {number}: the process limit of {PROCESS_LIMIT} was hit "
                    "(BlockingIOError)"
                )
            elif output.get("ename") == "MemoryError":
                problems.append(
                    f"code cell {number}: the memory limit of {options.memory_mb} MB was hit "
                    "(MemoryError)"
                )
            else:
                problems.append(
                    f"code cell {number}: {output.get('ename')}: {output.get('evalue')}"
                )
    return problems
