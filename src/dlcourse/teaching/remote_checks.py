"""The checks of a graded notebook, run in the grader's process on the learner's kernel.

Each exercise's check runs here; every call of a learner's function is one cell run in the
kernel (:func:`run_in_kernel`), as plain data both ways (:mod:`dlcourse.teaching.remote`; the
reply in a display message of its own MIME type, never on stdout), limited by nbclient's
interrupt and, when that is ignored, by the watchdog that ends the kernel.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from functools import partial
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from dlcourse.teaching.check_result import ERROR, NOT_REACHED, CheckResult
from dlcourse.teaching.checking import Checks
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.remote import CallTooLong, RemoteFunction, decode, request
from dlcourse.teaching.verdicts import CALL_TIME_LIMIT
from dlcourse.teaching.watchdog import GRACE_S, Watchdog

__all__ = ["KernelDied", "check_remotely", "not_reached", "run_in_kernel"]

_CALL_IGNORED = "a call of a learner's function did not stop when interrupted; kernel ended"
CALL_OUTPUT_LIMIT = 4 * 2**20  # bytes one graded call may send back, its reply included


def not_reached(
    exercises: Sequence[Exercise], results: list[CheckResult], why: str
) -> list[CheckResult]:
    done = {result.exercise for result in results}
    return [
        CheckResult(exercise.id, NOT_REACHED, f"not reached: {why} before its check.")
        for exercise in exercises
        if exercise.id not in done
    ]


def run_in_kernel(
    client: NotebookClient,
    notebook: Any,
    watchdog: Watchdog,
    code: str,
    timeout: float = CALL_TIME_LIMIT,
) -> list[dict[str, Any]]:
    """Run ``code`` in the kernel as a cell of its own; return its outputs. Raises
    :class:`CallTooLong` when the cell had to be interrupted and :class:`KernelDied` when the
    kernel was ended (it did not stop when interrupted) or died."""
    cell = nbformat.v4.new_code_cell(code)
    notebook.cells.append(cell)
    client.timeout = timeout
    client.output_budget = CALL_OUTPUT_LIMIT  # the reply comes last: flooding loses it
    try:
        with watchdog.limit(timeout + GRACE_S, _CALL_IGNORED):
            client.execute_cell(cell, len(notebook.cells) - 1)
    except DeadKernelError:
        raise KernelDied from None
    finally:
        notebook.cells.pop()  # its outputs are read once, never kept
    outputs = cell.get("outputs", [])
    if any(o.get("ename") == "KeyboardInterrupt" for o in outputs):
        raise CallTooLong(f"the call took longer than {timeout:g} s")
    return list(outputs)


def _within(run: Any, deadline: float, limit: float, code: str) -> list[dict[str, Any]]:
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


def check_remotely(
    exercises: Sequence[Exercise], run: Any, time_limit_s: float
) -> list[CheckResult]:
    """Run each exercise's check here, on the learner's names as they are in the kernel. Any
    failure while one exercise is checked is that exercise's error, and only its."""
    names = sorted({name for exercise in exercises for name in exercise.names})
    try:
        kinds = request(run, "defined", names)
    except (TimeoutError, RuntimeError) as error:  # the helpers never got set up, say
        why = f"the kernel did not answer the grader ({error})"
        return [CheckResult(exercise.id, ERROR, f"{why}.") for exercise in exercises]
    kinds = kinds["result"] if isinstance(kinds.get("result"), dict) else {}
    checks = Checks(exercises)
    results = []
    for exercise in exercises:
        missing = [name for name in exercise.names if name not in kinds]
        if missing:
            results.append(
                CheckResult(
                    exercise.id,
                    NOT_REACHED,
                    f"not reached: {', '.join(missing)} is not defined (the notebook stopped "
                    "before it, or it was renamed).",
                )
            )
            continue
        timed = partial(_within, run, time.monotonic() + time_limit_s, time_limit_s)
        try:
            answers = [
                RemoteFunction(name, timed)
                if kinds[name] == "function"
                else decode(request(run, "get", name)["result"])
                for name in exercise.names
            ]
            results.append(checks.run(exercise.id, *answers, quiet=True))
        except KernelDied:  # the learner's code ended its kernel, or was ended, while checked
            results.append(
                CheckResult(exercise.id, ERROR, "the kernel was ended or died during this check.")
            )
            break
        except (TimeoutError, RuntimeError) as error:
            results.append(CheckResult(exercise.id, ERROR, f"the check could not finish: {error}."))
        except Exception as error:  # an answer of a shape no check expected, say
            results.append(
                CheckResult(
                    exercise.id,
                    ERROR,
                    f"the check could not judge this answer ({type(error).__name__}: {error}).",
                )
            )
    return results + not_reached(exercises, results, "the kernel was ended or died")


class KernelDied(BaseException):
    """The kernel died during a check's call (a BaseException: the checks' handling of the
    learner's own exceptions must not take it for one)."""
