"""The learner's kernel inside bubblewrap, where ``bwrap`` is installed and may run.

Inside the sandbox the kernel has no network (its own empty network namespace), sees the file
system read-only, with the home directory, the submissions' folders and the grader's output
hidden under empty in-memory folders, and can write only to its working directory and to an
in-memory ``/tmp``. It runs as an ordinary user of its own user namespace, without
capabilities; its process limit counts its own processes alone
(:mod:`dlcourse.teaching.limits`). It talks to the
grader over Unix sockets in a folder of its own (no TCP: it has no network to share).

Without bubblewrap none of this holds; :mod:`dlcourse.teaching.grading` still applies the
resource limits, a working directory of its own and the time limits.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

from dlcourse.teaching.limits import nproc_launcher

__all__ = ["SandboxedKernelManager", "sandbox_available", "sandbox_command"]

SANDBOX_UID = 1000  # the kernel's user inside its namespace: not root
# Never hidden, even when a submission sits there: the kernel needs them to run at all.
_SYSTEM = {(), *((name,) for name in ("usr", "lib", "lib64", "lib32", "bin", "sbin", "etc"))}


@functools.cache
def sandbox_available() -> bool:
    """Whether ``bwrap`` is installed and may make the namespaces the sandbox needs here
    (some containers forbid user namespaces)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return False
    probe = subprocess.run(
        [bwrap, *_isolation(), "--ro-bind", "/", "/", "true"], capture_output=True, timeout=30
    )
    return probe.returncode == 0


def _isolation() -> list[str]:
    return ["--unshare-all", "--unshare-user", "--uid", str(SANDBOX_UID), "--die-with-parent"]


def sandbox_command(
    command: list[str], *, workdir: Path, rundir: Path, hidden: Iterable[Path] = ()
) -> list[str]:
    """``command`` wrapped in ``bwrap``: ``workdir`` and ``rundir`` writable; ``/tmp``, the
    home directory and the ``hidden`` folders replaced by empty in-memory ones; the Python
    installation visible (bound again where one of those covered it)."""
    args = [shutil.which("bwrap") or "bwrap", *_isolation()]
    args += ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    covered = [
        folder.resolve()
        for folder in (Path("/tmp"), Path.home(), *map(Path, hidden))
        if folder.is_dir() and folder.resolve().parts[1:2] not in _SYSTEM
    ]
    for folder in covered:
        args += ["--tmpfs", str(folder)]
    for path in _python_paths():  # the interpreter and its packages, where hidden above
        if any(path.is_relative_to(folder) for folder in covered):
            args += ["--ro-bind", str(path), str(path)]
    for folder in (workdir, rundir):
        args += ["--bind", str(folder.resolve()), str(folder.resolve())]
    args += ["--chdir", str(workdir.resolve()), "--setenv", "HOME", str(workdir.resolve())]
    # The kernel's parent in its own process namespace is bwrap's pid 1, which ipykernel would
    # take for an orphaning (1 means: no parent to watch); --die-with-parent ends it
    # with the grader instead.
    args += ["--setenv", "JPY_PARENT_PID", "1"]
    return [*args, "--", *nproc_launcher(command)]


def _python_paths() -> list[Path]:
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent}
    paths |= {Path(entry) for entry in sys.path if entry}
    resolved = sorted({path.resolve() for path in paths if path.exists()})
    return [p for p in resolved if not any(p != q and p.is_relative_to(q) for q in resolved)]


class SandboxedKernelManager(AsyncKernelManager):
    """jupyter_client's kernel manager, launching the kernel through :func:`sandbox_command`.

    Set :attr:`sandbox` to a dict of :func:`sandbox_command`'s keyword arguments before the
    kernel starts; the manager talks to it over Unix sockets in ``rundir``.
    """

    sandbox: dict[str, Any] | None = None

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        if self.sandbox is None:
            return command
        return sandbox_command(command, **self.sandbox)


def sandboxed_manager(
    kernel_name: str, workdir: Path, rundir: Path, hidden: Iterable[Path], **traits: Any
) -> SandboxedKernelManager:
    """A :class:`SandboxedKernelManager` whose sockets and connection file live in ``rundir``."""
    manager = SandboxedKernelManager(
        kernel_name=kernel_name,
        transport="ipc",
        ip=str(rundir / "kernel"),
        connection_file=str(rundir / "kernel.json"),
        **traits,
    )
    manager.sandbox = {"workdir": workdir, "rundir": rundir, "hidden": list(hidden)}
    # A signal to the kernel's process group would end bwrap itself, and the kernel with it:
    # interrupt through the control channel instead (ipykernel then signals itself).
    manager.kernel_spec.interrupt_mode = "message"
    return manager
