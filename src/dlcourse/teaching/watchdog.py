"""Deadlines that hold whatever the learner's code does: kept by a thread of the grader.

nbclient asks a kernel to stop when a cell runs too long (an interrupt), and a learner's code
may ignore that: catch ``KeyboardInterrupt``, ignore SIGINT, stop itself, or sit in C code that
never looks at signals. The :class:`Watchdog` does not ask. Each deadline it keeps ends the
kernel and every process it started, from outside (its control group, its sandbox or its
session; :meth:`dlcourse.teaching.kernels.GradingKernelManager.end`), once the interrupt has
had :data:`GRACE_S` seconds to work. The grader's client then finds the kernel dead and goes
on; the watchdog remembers why it ended it.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator

__all__ = ["GRACE_S", "Watchdog"]

GRACE_S = 3.0  # how long an interrupted kernel has to stop before it is ended


class Watchdog:
    """Calls ``end()`` once, when the first armed deadline passes; ``reason`` says which."""

    def __init__(self, end: Callable[[], None], total_s: float, total_reason: str) -> None:
        self._end = end
        self._deadlines: dict[int, tuple[float, str]] = {
            0: (time.monotonic() + total_s, total_reason)
        }
        self._next_id = 1
        self._changed = threading.Condition()
        self._closed = False
        self.reason: str | None = None
        self._thread = threading.Thread(target=self._watch, name="dlcourse-watchdog", daemon=True)
        self._thread.start()

    @contextlib.contextmanager
    def limit(self, seconds: float, reason: str) -> Iterator[None]:
        """End the kernel if the block has not finished ``seconds`` from now."""
        with self._changed:
            key, self._next_id = self._next_id, self._next_id + 1
            self._deadlines[key] = (time.monotonic() + seconds, reason)
            self._changed.notify()
        try:
            yield
        finally:
            with self._changed:
                self._deadlines.pop(key, None)

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify()
        self._thread.join()

    def _watch(self) -> None:
        with self._changed:
            while not self._closed:
                due, reason = min(self._deadlines.values())
                left = due - time.monotonic()
                if left > 0:
                    self._changed.wait(left)
                    continue
                self.reason = reason
                break
        if self.reason is not None:
            self._end()

    def __enter__(self) -> Watchdog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
