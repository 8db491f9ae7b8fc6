"""What one grading run sets up once for all its kernels, and takes down whatever happens.

- A **private folder** for the run (:attr:`Isolation.root`), which holds each kernel's
  folders and is hidden from every sandboxed kernel (each gets its own folders back, alone),
  so no kernel can find another's connection file or sockets, whatever ``TMPDIR`` is.
- The run's **control groups** (:class:`dlcourse.teaching.cgroups.RunGroups`).
- The facts every kernel of the run shares, found once: whether bubblewrap can run here, and
  whether kernels can run as unprivileged users of their own (the grader is root and an
  ordinary user can run this Python).

It is plain data, so the run's worker processes get it as it is.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dlcourse.teaching.cgroups import RunGroups
from dlcourse.teaching.limits import PROCESS_LIMIT, private_uid, unprivileged_can_run
from dlcourse.teaching.sandbox import sandbox_available, sandbox_command

__all__ = ["Isolation", "KernelFolders", "remove_tree"]


_SHORT = 40  # the longest temporary folder the kernels' socket paths still fit under


@dataclass(frozen=True)
class KernelFolders:
    """The host folders of one kernel: its working directory and its sockets."""

    workdir: Path
    rundir: Path
    uid: int | None  # its own unprivileged user, or None

    def lock(self) -> None:
        """Once the kernel listens: it may no longer create files beside its sockets."""
        if self.uid is not None:
            with contextlib.suppress(OSError):
                os.chmod(self.rundir, 0o750)


@dataclass(frozen=True)
class Isolation:
    """One run's private folder, control groups and shared facts; :meth:`open` makes it."""

    root: Path
    groups: RunGroups
    sandbox: bool
    own_users: bool

    @classmethod
    def open(cls, *, memory_mb: int, sandbox: bool | None = None) -> Isolation:
        if sandbox is None:
            sandbox = sandbox_available()
        elif sandbox and not sandbox_available():
            raise RuntimeError(
                "sandbox=True, but bubblewrap (bwrap) is not installed or may not make "
                "namespaces here; install the Debian package bubblewrap, or pass sandbox=False."
            )
        base = tempfile.gettempdir()
        if len(base) > _SHORT and os.access("/tmp", os.W_OK):
            base = "/tmp"  # a Unix socket's path has at most 107 bytes
        root = Path(tempfile.mkdtemp(prefix="dlcourse-run-", dir=base))
        os.chmod(root, 0o711)  # kernels' users may pass through to their own folder, not list
        groups = RunGroups(processes=PROCESS_LIMIT, memory_bytes=memory_mb * 2**20)
        own_users = _sandboxed_user_can_run(root) if sandbox else unprivileged_can_run(str(root))
        return cls(root, groups, sandbox, own_users)

    def kernel_folders(self, tag: str) -> KernelFolders:
        """Fresh folders for one kernel, owned by its own user when it has one."""
        base = self.root / tag
        base.mkdir(mode=0o711)
        workdir, rundir = base / "work", base / "sockets"
        workdir.mkdir(mode=0o700)
        rundir.mkdir()
        os.chmod(rundir, 0o770)  # (mkdir's mode is cut by the umask)
        uid = private_uid() if self.own_users else None
        if uid is not None:
            os.chown(workdir, uid, uid)  # (in the sandbox an in-memory folder covers it)
            os.chown(rundir, 0, uid)  # the kernel makes its sockets here, as a group member
        return KernelFolders(workdir, rundir, uid)

    def close(self) -> None:
        """End every kernel of the run and remove its folders. Never raises."""
        self.groups.close()
        remove_tree(self.root)

    def __enter__(self) -> Isolation:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sandboxed_user_can_run(root: Path) -> bool:
    """Whether a kernel can run as an unprivileged user of its own inside the sandbox (the
    grader is root, and that user can reach this Python there)."""
    if os.geteuid() != 0:
        return False
    probe = root / "probe"
    probe.mkdir(mode=0o711)
    command = [sys.executable, "-c", "import ipykernel, numpy"]
    command = sandbox_command(
        command, workdir=probe, rundir=probe, hidden=[root], uid=private_uid()
    )
    try:
        run = subprocess.run(command, capture_output=True, timeout=60, cwd=probe)
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        remove_tree(probe)
    return run.returncode == 0


def remove_tree(path: Path) -> None:
    """Remove ``path`` and everything under it, however deep; never raises. ``rm`` walks a
    tree of any depth (Python's ``shutil.rmtree`` recurses, and gives up past ~1,000 levels)."""
    rm = shutil.which("rm")
    if rm is not None:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [rm, "-rf", "--one-file-system", "--", str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=120,
            )
    if os.path.lexists(path):
        shutil.rmtree(path, ignore_errors=True)
