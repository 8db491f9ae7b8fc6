"""Grading a whole class: every submission in parallel, a gradebook, and a class report.

``dlcourse grade SUBMISSIONS... --out DIR`` finds every ``.ipynb`` given or under the given
folders (:mod:`dlcourse.teaching.submissions`) and grades each with
:func:`dlcourse.teaching.grading.grade_notebook` in a worker process of its own, which is
stopped if it overruns (:mod:`dlcourse.teaching.workers`), or on a Dask cluster. Each finished
submission is added to ``DIR/grades.json`` at once, so that a run that is interrupted (Ctrl-C
included) and started again grades only what is missing: a record is reused only for the same
file, graded under the same options by the same dlcourse, and never when the grader itself
failed. At the end, and after an interruption too, ``DIR/grades.csv`` holds one row per
submission and ``DIR/class_report.html`` the class's view. Every file in ``DIR`` is written
through a temporary file and renamed into place, so a link planted there is replaced, never
followed.
"""

from __future__ import annotations

import hashlib
import os
import resource
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from dlcourse.teaching.atomic import write_atomically
from dlcourse.teaching.gradebook import (
    exercise_columns,
    gradebook_csv,
    previous_records,
    write_records,
)
from dlcourse.teaching.isolation import Isolation, remove_tree
from dlcourse.teaching.limits import ADDRESS_SPACE_SLACK_MB
from dlcourse.teaching.safe_text import clean_record, clean_text
from dlcourse.teaching.submissions import find_submissions, submission_digest
from dlcourse.teaching.workers import run_jobs

__all__ = ["check_notebooks", "find_submissions", "grade_class", "grade_submission"]


WORKER_MEMORY_MB = 1024  # the most one submission's grading process may hold
_TOO_MUCH = (
    "not graded: the notebook sent the grader more than it holds (the grading process reached "
    f"its memory limit of {WORKER_MEMORY_MB} MB)"
)


def grade_submission(
    path: str,
    timeout: float,
    memory_mb: int = 2048,
    hidden: tuple[str, ...] = (),
    *,
    total_timeout: float = 600.0,
    isolation: Isolation | None = None,
    lesson: str | None = None,
) -> dict[str, Any]:
    """One submission's record, as ``dlcourse check --json`` writes it; never raises.
    ``hidden``: folders its sandboxed kernel must not see (the class, the grades); ``lesson``:
    the lesson to grade it as (by default the one its metadata names). A record whose failure
    is the grader's, not the submission's, says so (``grader_failed``)."""
    from dlcourse.teaching.grading import grade_notebook

    key = run_key(timeout, total_timeout, memory_mb, lesson)
    record: dict[str, Any] = {"notebook": path, "key": key}
    try:
        report = grade_notebook(
            path,
            lesson=lesson,
            timeout=timeout,
            total_timeout=total_timeout,
            memory_mb=memory_mb,
            hidden=hidden,
            isolation=isolation,
        )
    except ValueError as error:  # not a notebook, truncated, a link, another lesson, ...
        reason = _not_graded(str(error) or type(error).__name__)
        return clean_record(record | reason | {"sha256": submission_digest(path)})
    except MemoryError:  # what the kernel sent filled this worker's own memory limit
        too_much = _not_graded_as(_TOO_MUCH) | {"sha256": submission_digest(path)}
        return clean_record(record | too_much)
    except Exception as error:  # the grader's failure, not the learner's: never reused
        reason = f"the grader failed ({type(error).__name__}: {error})"
        return clean_record(record | _not_graded(reason) | {"grader_failed": True})
    return clean_record(record | report.to_dict())


def grade_in_worker(path: str, *, isolation: Isolation, **options: Any) -> dict[str, Any]:
    """:func:`grade_submission` in a worker process, which first limits its own memory: a
    control group where one can be made (the class's process reads whether it was hit), else
    ``RLIMIT_AS``. Whatever a kernel sends, only this worker can run out of memory."""
    group = isolation.groups.process_group(f"w{os.getpid()}-worker", WORKER_MEMORY_MB * 2**20)
    if group is not None:
        group.join()
    else:
        limit = (WORKER_MEMORY_MB + ADDRESS_SPACE_SLACK_MB) * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return grade_submission(path, isolation=isolation, **options)


def _not_graded_as(problem: str) -> dict[str, Any]:
    return {"sha256": "", "passed": False, "exercises": [], "problems": [problem]}


def _not_graded(reason: str) -> dict[str, Any]:
    reason = reason.splitlines()[0][:300] if reason.strip() else "unknown"
    return _not_graded_as(f"not graded: {reason}")


def run_key(timeout: float, total_timeout: float, memory_mb: int, lesson: str | None = None) -> str:
    """What a record depends on besides the file: the options, dlcourse's version and the
    source of every module of dlcourse and of every lesson (the checks, the references, the
    grader)."""
    import dlcourse
    from dlcourse.teaching.registry import lesson_folders

    options = f"{dlcourse.__version__} {timeout!r} {total_timeout!r} {memory_mb!r} {lesson!r}"
    digest = hashlib.sha256(options.encode())
    for folder in [Path(dlcourse.__file__).parent, *lesson_folders()]:
        for source in sorted(folder.rglob("*.py")):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def grade_class(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    timeout: float = 60.0,
    total_timeout: float = 600.0,
    memory_mb: int = 2048,
    scheduler: str | None = None,
    progress: bool = True,
    lesson: str | None = None,
) -> dict[str, Any]:
    """Grade every submission under ``paths`` into ``out``; return a summary. ``lesson``
    grades every submission as that lesson (by default, the one each notebook names).

    Ctrl-C stops the run: what was graded is written, the rest is left for the next run
    (the summary says ``interrupted``). Raises ValueError when nothing at all can be graded.
    The workers are forked from a ``multiprocessing`` forkserver, so a script that calls this
    must do so under ``if __name__ == "__main__":``, as multiprocessing asks.
    """
    paths = [Path(path) for path in paths]
    found = find_submissions(paths)
    notes = [clean_text(line, 500) for line in found.problems]  # file names are learners' text
    if not found.notebooks:
        raise ValueError("nothing to grade: " + ("; ".join(notes) or "no paths were given"))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    key = run_key(timeout, total_timeout, memory_mb, lesson)
    records = {
        path: record
        for path, record in previous_records(out / "grades.json").items()
        if record.get("key") == key and not record.get("grader_failed")
    }
    todo = [
        str(p)
        for p in found.notebooks
        if records.get(str(p), {}).get("sha256") != submission_digest(p)
    ]
    # No kernel may read the other submissions or the grades (sandboxed kernels only).
    hidden = [out, *(path if path.is_dir() else path.parent for path in paths)]
    options = {
        "timeout": timeout,
        "total_timeout": total_timeout,
        "memory_mb": memory_mb,
        "hidden": tuple(str(folder.resolve()) for folder in hidden),
        "lesson": lesson,
    }
    interrupted, graded = False, 0
    try:
        for path, record in _run(todo, options, jobs or os.cpu_count() or 1, scheduler, progress):
            records[path] = record
            graded += 1
            write_records(out / "grades.json", records, found.notebooks)
    except KeyboardInterrupt:
        interrupted = True
    write_records(out / "grades.json", records, found.notebooks)
    missing = _not_graded("the run was stopped before this submission was graded")
    ordered = [
        records.get(str(p), missing | {"notebook": clean_text(str(p))}) for p in found.notebooks
    ]
    exercises = exercise_columns(ordered)
    write_atomically(out / "grades.csv", gradebook_csv(ordered, exercises))
    from dlcourse.teaching.class_report import write_class_report

    write_class_report(out / "class_report.html", ordered, exercises, notes)
    return {
        "graded": graded,
        "reused": len(found.notebooks) - len(todo),
        "missing": len(todo) - graded,
        "interrupted": interrupted,
        "problems": notes,
    }


def check_notebooks(
    paths: Iterable[str | os.PathLike[str]],
    *,
    timeout: float = 60.0,
    total_timeout: float = 600.0,
    memory_mb: int = 2048,
    lesson: str | None = None,
) -> list[dict[str, Any]]:
    """The record of each notebook, in order, each graded in a worker of its own as
    :func:`grade_class` does; a notebook that cannot be read gets a record saying why. The
    folders of all of them are hidden from every kernel."""
    paths = [str(path) for path in paths]
    folders = {str(Path(path).resolve().parent) for path in paths}
    options = {"timeout": timeout, "total_timeout": total_timeout, "memory_mb": memory_mb}
    options["lesson"] = lesson
    options["hidden"] = tuple(sorted(folders))
    records = dict(_run(paths, options, 1, None, False))
    return [records[path] for path in paths]


def _run(
    todo: list[str], options: dict[str, Any], jobs: int, scheduler: str | None, progress: bool
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(path, record)`` of each submission in ``todo``, as each finishes."""
    if not todo:
        return
    bar = _bar(len(todo), progress)
    try:
        if scheduler is not None:
            yield from _run_on_dask(todo, partial(grade_submission, **options), scheduler, bar)
            return
        deadline = options["total_timeout"] + STARTUP_MARGIN_S
        record_key = run_key(
            options["timeout"], options["total_timeout"], options["memory_mb"], options["lesson"]
        )
        with Isolation.open(memory_mb=options["memory_mb"]) as isolation:
            for path, record in run_jobs(
                todo,
                partial(grade_in_worker, **options, isolation=isolation),
                jobs=jobs,
                deadline_s=deadline,
                failed=partial(_failed, isolation, record_key),
                stopped=lambda pid: _stopped(isolation, pid),
            ):
                bar.update()
                yield path, record
    finally:
        bar.close()


STARTUP_MARGIN_S = 120.0  # a worker's deadline beyond the submission's own total limit


def _stopped(isolation: Isolation, pid: int) -> None:
    """End the kernels of a worker that was stopped or died, and remove its folders."""
    isolation.groups.end(f"w{pid}")
    for folder in isolation.root.glob(f"w{pid}-*"):
        remove_tree(folder)


def _failed(isolation: Isolation | None, key: str, path: str, why: str, pid: int = 0) -> dict:
    """The record of a worker that gave none: the notebook's doing when the worker reached its
    memory limit (what the kernel sent), else the grader's own failure (graded again later)."""
    if isolation is not None and isolation.groups.oom_killed(f"w{pid}-worker"):
        return {"notebook": clean_text(path), "key": key, **_not_graded_as(_TOO_MUCH)}
    return _not_graded(why) | {"notebook": clean_text(path), "key": key, "grader_failed": True}


def _run_on_dask(
    todo: list[str], grade: Callable, scheduler: str, bar: Any
) -> Iterator[tuple[str, dict[str, Any]]]:
    from distributed import Client
    from distributed import as_completed as dask_completed

    with Client(scheduler) as client:
        futures = client.map(grade, todo, pure=False)
        paths = dict(zip((future.key for future in futures), todo, strict=True))
        for future in dask_completed(futures):
            bar.update()
            path = paths[future.key]
            try:
                yield path, future.result()
            except Exception as error:  # the worker itself died: this submission only
                yield path, _failed(None, "", path, f"the Dask worker failed ({error})")


def _bar(total: int, shown: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="grading", unit="notebook", disable=not shown)
