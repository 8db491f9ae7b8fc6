"""The learner's kernel process as the grader starts, hears and ends it.

:class:`GradingKernelManager` is jupyter_client's kernel manager with three changes:

- the kernel is started through bubblewrap when a sandbox is given
  (:func:`dlcourse.teaching.sandbox.sandbox_command`), always with the cleared environment of
  :func:`~dlcourse.teaching.sandbox.kernel_environment`, and never with the grader's standard
  input, output or error (what it writes to its file descriptors goes nowhere);
- it is interrupted by a message on the control channel, not by a signal (a signal to the
  process group would end bubblewrap);
- :meth:`end` ends the kernel and everything it started, from outside: its control group
  when it has one, else its sandbox (whose process namespace dies with it), else its session.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

from dlcourse.teaching.cgroups import ControlGroup
from dlcourse.teaching.sandbox import kernel_environment, sandbox_command

__all__ = ["NO_IMAGES", "GradingKernelManager", "new_manager"]

# Nobody looks at a graded notebook's figures, so its kernel does not draw them as PNG images
# (IPython's own switch for a display format): a third of a submission's time here, measured
# in docs/benchmarks.md. Figures are still made; their code still runs and can still fail.
NO_IMAGES = (
    "--IPKernelApp.exec_lines=['get_ipython().display_formatter.formatters"
    '["image/png"].enabled = False\']'
)


class GradingKernelManager(AsyncKernelManager):
    """A kernel manager for untrusted kernels; set the attributes before the kernel starts."""

    sandbox: dict[str, Any] | None = None  # sandbox_command's keyword arguments
    group: ControlGroup | None = None
    home: Path | None = None
    uid: int | None = None  # the kernel's own user, which must read the connection file

    def write_connection_file(self, **kwargs: Any) -> None:
        super().write_connection_file(**kwargs)
        if self.uid is not None:
            os.chown(self.connection_file, 0, self.uid)
            os.chmod(self.connection_file, 0o640)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        return command if self.sandbox is None else sandbox_command(command, **self.sandbox)

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        kw["env"] = kernel_environment(self.home or Path(os.getcwd()))
        kw |= {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL}
        kw["stderr"] = subprocess.DEVNULL
        return await super()._async_pre_start_kernel(**kw)

    def end(self) -> None:
        """SIGKILL the kernel and all it started; never raises, never waits on the kernel."""
        if self.group is not None:
            self.group.kill()
        process = getattr(self.provisioner, "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)  # its own session: the kernel, or bwrap
            with contextlib.suppress(OSError):
                process.kill()


def new_manager(
    kernel_name: str,
    *,
    rundir: Path,
    home: Path,
    sandbox: dict[str, Any] | None,
    group: ControlGroup | None,
    uid: int | None = None,
    **traits: Any,
) -> GradingKernelManager:
    """A manager whose connection file is in ``rundir``: over Unix sockets there in a sandbox
    (which has no network to share), over TCP on 127.0.0.1 otherwise."""
    if sandbox is not None:
        traits |= {"transport": "ipc", "ip": str(rundir / "kernel")}
    manager = GradingKernelManager(
        kernel_name=kernel_name, connection_file=str(rundir / "kernel.json"), **traits
    )
    manager.sandbox, manager.group, manager.home, manager.uid = sandbox, group, home, uid
    manager.kernel_spec.interrupt_mode = "message"
    return manager
