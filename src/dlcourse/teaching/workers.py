"""Each submission graded in a worker process of its own, which the grader can always stop.

A worker grades one submission and sends back its record. The process that waits for the
workers keeps a deadline for each (the submission's own limits plus a margin): a worker that
has not answered by then, or that dies, is killed together with its kernels' control groups,
and its submission gets a record that says so; the others are untouched, and the run goes on.
Workers are forked from a server that has already imported the grader (``forkserver``), so a
new worker costs milliseconds, not an interpreter's start. They ignore Ctrl-C: the waiting
process decides what stops (:func:`run_jobs` ends every worker when it is interrupted).
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

__all__ = ["run_jobs"]

_PRELOAD = ["dlcourse.teaching.grading", "dlcourse.teaching.class_grading"]


def run_jobs(
    keys: list[str],
    work: Callable[[str], dict[str, Any]],
    *,
    jobs: int,
    deadline_s: float,
    failed: Callable[[str, str, int], dict[str, Any]],
    stopped: Callable[[int], None] = lambda pid: None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(key, work(key))`` for every key, each computed in a worker of its own, as they
    finish.

    ``failed(key, why, pid)`` makes the record of a worker that died or ran past
    ``deadline_s``; ``stopped(pid)`` is called after it (to end the worker's kernels).
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    pending = list(keys)
    running: dict[Connection, tuple[Any, str, float]] = {}
    try:
        while pending or running:
            while pending and len(running) < max(1, jobs):
                key = pending.pop(0)
                reader, writer = context.Pipe(duplex=False)
                process = context.Process(target=_worker, args=(work, key, writer), daemon=True)
                process.start()
                writer.close()
                running[reader] = (process, key, time.monotonic() + deadline_s)
            due = min(deadline for _, _, deadline in running.values())
            waited = [*running, *(process.sentinel for process, _, _ in running.values())]
            wait(waited, timeout=max(0.0, due - time.monotonic()))
            for reader, (process, key, deadline) in list(running.items()):
                record = _finished(reader, process, key, deadline, failed, stopped)
                if record is not None:
                    del running[reader]
                    reader.close()
                    yield key, record
    finally:  # interrupted, or the caller stopped early: no worker outlives the run
        for reader, (process, _, _) in running.items():
            _kill(process, stopped)
            reader.close()


def _finished(
    reader: Connection,
    process: Any,
    key: str,
    deadline: float,
    failed: Callable[[str, str, int], dict[str, Any]],
    stopped: Callable[[int], None],
) -> dict[str, Any] | None:
    """The record of a worker that is done (answered, died or overran), else None."""
    if reader.poll():  # a record, or the end of the pipe when the worker died
        try:
            record = reader.recv()
        except (EOFError, OSError):
            record = None
        process.join(timeout=10)
        if isinstance(record, dict) and not process.is_alive():
            return record
        ended = "died" if process.exitcode else "ended without a record"
        why = f"the grading process {ended}"
    elif not process.is_alive():
        process.join()
        why = "the grading process died"
    elif time.monotonic() >= deadline:
        process.kill()
        process.join(timeout=10)
        why = "the grading process did not finish in time and was stopped"
    else:
        return None
    if process.is_alive():
        process.kill()
        process.join(timeout=10)
    if process.exitcode:
        why += f" (exit code {process.exitcode})"
    record = failed(key, why, process.pid)  # before its control groups are gone
    stopped(process.pid)
    return record


def _kill(process: Any, stopped: Callable[[int], None]) -> None:
    process.kill()
    process.join(timeout=10)
    stopped(process.pid)


def _worker(work: Callable[[str], dict[str, Any]], key: str, writer: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the waiting process decides what stops
    try:
        record = work(key)
    except BaseException:  # the waiting process names it, for this record only
        record = None
    writer.send(record)
    writer.close()
