"""The limits of a learner's kernel, set in its process before it starts (``preexec_fn``).

What binds, and who enforces it (docs/teaching.md has the whole table):

- **Its control group** (:mod:`dlcourse.teaching.cgroups`, as root): processes, memory
  (covering shared maps and in-memory files), an equal share of the processors. It is joined
  first, so everything the kernel ever starts is in it.
- **An unprivileged user of its own** (as root, where that user can run Python): the kernel
  runs as a user id that nothing else on the machine has, so the files of root and of the
  grader are another user's to it, and ``RLIMIT_NPROC`` counts its processes alone.
- **rlimits**: ``RLIMIT_DATA`` (a ``MemoryError`` in the learner's cell before the control
  group's harder limit is reached), ``RLIMIT_AS`` where no memory group could be made (it
  covers shared maps too), ``RLIMIT_FSIZE`` (no file larger than 64 MB), no core files.

Inside bubblewrap without an unprivileged user of its own (an ordinary grader), the process
limit is set after the sandbox's user namespace is made (:func:`nproc_launcher`), where the
count is the kernel's own.
"""

from __future__ import annotations

import os
import resource
import secrets
import subprocess
import sys
from dataclasses import dataclass
from functools import partial

from dlcourse.teaching.cgroups import ControlGroup

__all__ = [
    "FILE_SIZE_LIMIT_MB",
    "PROCESS_LIMIT",
    "KernelLimits",
    "limit_kernel",
    "nproc_launcher",
    "private_uid",
    "unprivileged_can_run",
    "user_launcher",
]

PROCESS_LIMIT = 256  # processes and threads a kernel may have at once
FILE_SIZE_LIMIT_MB = 64  # the largest file it may write
# Without a memory group, RLIMIT_AS bounds the address space, which is larger than the memory
# used: thread stacks and BLAS buffers are reserved long before they are touched.
ADDRESS_SPACE_SLACK_MB = 2048


@dataclass(frozen=True)
class KernelLimits:
    """Everything :func:`limit_kernel` applies to one kernel."""

    memory_mb: int
    group: ControlGroup | None = None
    uid: int | None = None  # the kernel's own user id (the grader is root), else None


def limit_kernel(limits: KernelLimits) -> None:
    """Run in the kernel's process before it starts: join its group, set its rlimits, and
    become its own unprivileged user. Order matters: only root may join a group."""
    if limits.group is not None:
        limits.group.join()
    memory = limits.memory_mb * 2**20
    _set(resource.RLIMIT_DATA, memory)
    if limits.group is None or "memory" not in limits.group.folders:
        _set(resource.RLIMIT_AS, memory + ADDRESS_SPACE_SLACK_MB * 2**20)
    _set(resource.RLIMIT_FSIZE, FILE_SIZE_LIMIT_MB * 2**20)
    _set(resource.RLIMIT_CORE, 0)
    if limits.uid is not None:
        _set(resource.RLIMIT_NPROC, PROCESS_LIMIT)  # binds: no other process has this user
        os.setgroups([])
        os.setresgid(limits.uid, limits.uid, limits.uid)
        os.setresuid(limits.uid, limits.uid, limits.uid)


def _set(kind: int, value: int) -> None:
    resource.setrlimit(kind, (value, value))


def private_uid() -> int:
    """A user id for one kernel, far above any account's (2^20 to 2^24)."""
    return 2**20 + secrets.randbelow(2**24 - 2**20)


def unprivileged_can_run(*paths: str) -> bool:
    """Whether an unprivileged user may run this Python with ipykernel and reach ``paths``
    (it may not where the installation sits in root's home, which only root may enter)."""
    if os.geteuid() != 0:
        return False
    code = "import os, sys, ipykernel, numpy; [os.stat(p) for p in sys.argv[1:]]"
    try:
        probe = subprocess.run(
            [sys.executable, "-c", code, *paths],
            preexec_fn=partial(limit_kernel, KernelLimits(4096, None, private_uid())),
            capture_output=True,
            timeout=60,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


def user_launcher(uid: int, command: list[str]) -> list[str]:
    """``command`` started by a Python that first limits the processes of ``uid`` and becomes
    it (inside a sandbox made by root, before the kernel's own user namespace is made)."""
    code = (
        "import os, resource, sys; n, uid = int(sys.argv[1]), int(sys.argv[2]); "
        "resource.setrlimit(resource.RLIMIT_NPROC, (n, n)); os.setgroups([]); "
        "os.setresgid(uid, uid, uid); os.setresuid(uid, uid, uid); "
        "os.execv(sys.argv[3], sys.argv[3:])"
    )
    return [sys.executable, "-c", code, str(PROCESS_LIMIT), str(uid), *command]


def nproc_launcher(command: list[str]) -> list[str]:
    """``command`` started by a Python that first sets ``RLIMIT_NPROC`` (for use inside the
    sandbox's user namespace, where the count is the kernel's own)."""
    code = (
        "import os, resource, sys; n = int(sys.argv[1]); "
        "resource.setrlimit(resource.RLIMIT_NPROC, (n, n)); os.execv(sys.argv[2], sys.argv[2:])"
    )
    return [sys.executable, "-c", code, str(PROCESS_LIMIT), *command]
