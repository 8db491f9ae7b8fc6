"""The checks of a graded notebook, run in the grader's process on the learner's kernel.

Each exercise's check runs here; every call of a learner's function is one cell run in the
kernel (:func:`run_in_kernel`), as plain data both ways (:mod:`dlcourse.teaching.remote`),
limited by nbclient's interrupt and, when that is ignored, by the watchdog that ends the kernel.
"""

from __future__ import annotations

import json
import math
import time
from functools import partial
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from dlcourse.teaching.remote import CallTooLong, RemoteFunction, decode, request
from dlcourse.teaching.verdicts import CALL_TIME_LIMIT, ERROR, NOT_REACHED, CheckResult
from dlcourse.teaching.watchdog import GRACE_S, Watchdog

__all__ = ["KernelDied", "check_remotely", "not_reached", "run_in_kernel"]

_CALL_IGNORED = "a call of a learner's function did not stop when interrupted; kernel ended"
CALL_OUTPUT_LIMIT = 4 * 2**20  # bytes one graded call may send back, its reply included


def not_reached(exercises: dict, results: list[CheckResult], why: str) -> list[CheckResult]:
    done = {result.exercise for result in results}
    return [
        CheckResult(name, NOT_REACHED, f"not reached: {why} before its check.")
        for name in exercises
        if name not in done
    ]


def run_in_kernel(
    client: NotebookClient,
    notebook: Any,
    watchdog: Watchdog,
    code: str,
    timeout: float = CALL_TIME_LIMIT,
) -> str:
    """Run ``code`` in the kernel as a cell of its own; return what it printed. Raises
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


def check_remotely(exercises: dict, run: Any, time_limit_s: float) -> list[CheckResult]:
    """Run each exercise's check here, on the learner's names as they are in the kernel. Any
    failure while one exercise is checked is that exercise's error, and only its."""
    names = sorted({name for _, wanted in exercises.values() for name in wanted})
    kinds = request(run, f"__dlcourse_defined({{nonce}}, {json.dumps(json.dumps(names))})")
    kinds = kinds["result"] if isinstance(kinds.get("result"), dict) else {}
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
        except KernelDied:  # the learner's code ended its kernel, or was ended, while checked
            results.append(
                CheckResult(exercise, ERROR, "the kernel was ended or died during this check.")
            )
            break
        except (TimeoutError, RuntimeError) as error:
            results.append(CheckResult(exercise, ERROR, f"the check could not finish: {error}."))
        except Exception as error:  # an answer of a shape no check expected, say
            results.append(
                CheckResult(
                    exercise,
                    ERROR,
                    f"the check could not judge this answer ({type(error).__name__}: {error}).",
                )
            )
    return results + not_reached(exercises, results, "the kernel was ended or died")


class KernelDied(BaseException):
    """The kernel died during a check's call (a BaseException: the checks' handling of the
    learner's own exceptions must not take it for one)."""
