"""Guards around a learner's code: a time limit, and a record of calls into dlcourse's own
answers (kept in the check's :class:`~dlcourse.teaching.attempt.Attempt`). Used by
:func:`dlcourse.teaching.verdicts.call`; :mod:`dlcourse.teaching.kernel_side` does the same
in a learner's kernel."""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dlcourse.teaching.attempt import current_attempt

__all__ = ["reference_roots", "time_limit", "watch_reference_calls"]


@contextlib.contextmanager
def watch_reference_calls():
    """Record every call into dlcourse's own answers (the lesson's math, the models, the
    engines, the solved exercises) while the learner's function runs (a remote function
    records them in its kernel and reports them here)."""
    roots = reference_roots()
    record = current_attempt()
    if record is None:  # outside a check: nothing to record
        yield
        return

    def watch(frame: Any, event: str, arg: Any) -> None:
        caller = frame.f_back  # only where the learner's code enters dlcourse, not within it
        if (
            event == "call"
            and frame.f_code.co_filename.startswith(roots)
            and not (caller and caller.f_code.co_filename.startswith(roots))
        ):
            name = frame.f_globals.get("__name__", "?")
            record.reference_calls.append(f"{name}.{frame.f_code.co_name}")

    previous = sys.getprofile()
    sys.setprofile(watch)
    try:
        yield
    finally:
        sys.setprofile(previous)


def reference_roots() -> tuple[str, ...]:
    """The source files and folders of dlcourse's own answers to the exercises: the lesson's
    math, the models, the engines, and the folder of every lesson (its solved exercises)."""
    from dlcourse.teaching.registry import lessons

    return _roots(tuple(lesson.package for lesson in lessons().values()))


@functools.cache  # read at every call of a learner's function: made once per set of lessons
def _roots(packages: tuple[str, ...]) -> tuple[str, ...]:
    from dlcourse.teaching.registry import lesson_folders

    package = Path(__file__).parents[1]
    files = ["activations.py", "losses.py", "normal_equation.py", "training.py", "data.py"]
    folders = ["models", "engines", "lessons"]
    found = [str(package / name) for name in files]
    found += [
        f"{folder}{os.sep}" for folder in [*(package / f for f in folders), *lesson_folders()]
    ]
    return tuple(dict.fromkeys(found))  # folders end in a separator: "sk" is not "sklearn"


class _TooLong(BaseException):
    """Raised by the alarm inside the learner's call (a BaseException: their code's
    ``except Exception`` cannot swallow it)."""


class time_limit:
    """Raise ``error()`` in the calling code after ``seconds``, where SIGALRM exists and in the
    main thread; with ``unless_running``, also only when no other alarm is running (the
    grader's limit for a whole check, around this one for a single call)."""

    def __init__(
        self, seconds: float, error: Callable[[], BaseException], *, unless_running: bool = False
    ) -> None:
        self.seconds, self.error = seconds, error
        self.active = (
            hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and not (unless_running and signal.getitimer(signal.ITIMER_REAL)[0] > 0)
        )

    def _expire(self, signum: int, frame: Any) -> None:
        raise self.error()

    def __enter__(self) -> None:
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
