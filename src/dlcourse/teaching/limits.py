"""The resource limits of a learner's kernel: memory, file size, processes.

Memory and file size are rlimits set in the kernel's process before it starts. The process
limit is harder: ``RLIMIT_NPROC`` counts every process of the user, and never binds root.

- Inside bubblewrap the kernel has a user namespace of its own, where the kernel counts its
  processes apart from the grader's user's others: there the rlimit is set after the
  namespace is made (:func:`nproc_launcher`), so it binds this kernel alone. It does not bind
  root, whose processes are exempt whatever namespace they are in.
- For root, a ``pids`` control group of its own per kernel (:func:`process_group`) holds the
  kernel and everything it starts, to at most :data:`PROCESS_LIMIT`; it also ends whatever is
  left in it when grading ends.

Without either, the kernel's processes are not limited (setting ``RLIMIT_NPROC`` on an
instructor's own user would count their browser's threads too, and stop the kernel instead).
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = [
    "FILE_SIZE_LIMIT_MB",
    "PROCESS_LIMIT",
    "limit_kernel",
    "nproc_launcher",
    "process_group",
]

PROCESS_LIMIT = 256  # processes and threads a kernel may have at once
FILE_SIZE_LIMIT_MB = 64  # the largest file it may write

_PIDS_ROOTS = (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup"))  # cgroup v1, then v2


def limit_kernel(memory_mb: int, join: Callable[[], None] | None = None) -> None:
    """Run in the kernel's process before it starts (``preexec_fn``): its memory (data segment
    and anonymous maps), the size of any file it writes, and its process group, if any."""
    memory = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    size = FILE_SIZE_LIMIT_MB * 2**20
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    if join is not None:
        join()


def nproc_launcher(command: list[str]) -> list[str]:
    """``command`` started by a Python that first sets ``RLIMIT_NPROC`` (for use inside the
    sandbox's user namespace, where the count is the kernel's own)."""
    code = (
        "import os, resource, sys; n = int(sys.argv[1]); "
        "resource.setrlimit(resource.RLIMIT_NPROC, (n, n)); os.execv(sys.argv[2], sys.argv[2:])"
    )
    return [sys.executable, "-c", code, str(PROCESS_LIMIT), *command]


@contextlib.contextmanager
def process_group() -> Iterator[Callable[[], None] | None]:
    """A ``pids`` control group of at most :data:`PROCESS_LIMIT` processes, made for one kernel.

    Yields the function its process calls to join it (from ``preexec_fn``), or None where no
    control group can be made here (not root, no ``pids`` controller). On exit, whatever still
    runs in it is killed and the group removed.
    """
    group = _make_group()
    if group is None:
        yield None
        return
    procs = group / "cgroup.procs"

    def join() -> None:
        procs.write_text(str(os.getpid()))

    try:
        yield join
    finally:
        _remove_group(group)


def _make_group() -> Path | None:
    if os.geteuid() != 0:
        return None
    for root in _PIDS_ROOTS:
        if not (root / "cgroup.procs").exists():
            continue
        if root.name != "pids" and "pids" not in _read(root / "cgroup.subtree_control"):
            continue  # cgroup v2 without the pids controller for children
        group = root / f"dlcourse-{uuid.uuid4().hex[:12]}"
        try:
            group.mkdir()
            (group / "pids.max").write_text(str(PROCESS_LIMIT))
        except OSError:
            with contextlib.suppress(OSError):
                group.rmdir()
            continue
        return group
    return None


def _remove_group(group: Path) -> None:
    for _ in range(100):  # a few seconds at most: killed processes leave quickly
        pids = [int(pid) for pid in _read(group / "cgroup.procs").split()]
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        try:
            group.rmdir()
            return
        except OSError:
            time.sleep(0.05)


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""
