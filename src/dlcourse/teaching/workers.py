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
    failed: Callable[[str, str], dict[str, Any]],
    stopped: Callable[[int], None] = lambda pid: None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(key, work(key))`` for every key, each computed in a worker of its own, as they
    finish.

    ``failed(key, why)`` makes the record of a worker that died or ran past ``deadline_s``;
    ``stopped(pid)`` is called after such a worker was killed (to end its kernels).
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
    failed: Callable[[str, str], dict[str, Any]],
    stopped: Callable[[int], None],
) -> dict[str, Any] | None:
    """The record of a worker that is done (answered, died or overran), else None."""
    if reader.poll():  # a record, or the end of the pipe when the worker died
        try:
            record = reader.recv()
        except (EOFError, OSError):
            record = None
        process.join(timeout=10)
        if process.is_alive():
            _kill(process, stopped)
        if isinstance(record, dict):
            return record
        stopped(process.pid)
        if process.exitcode:
            return failed(key, f"the grading process died (exit code {process.exitcode})")
        return failed(key, "the grading process ended without a record")
    if not process.is_alive():
        process.join()
        stopped(process.pid)
        return failed(key, f"the grading process died (exit code {process.exitcode})")
    if time.monotonic() >= deadline:
        _kill(process, stopped)
        return failed(key, "the grading process did not finish in time and was stopped")
    return None


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
