"""Opening a notebook in JupyterLab, as ``dlcourse start`` does."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

__all__ = ["lab_command", "run_lab"]

INSTALL_HINT = (
    "JupyterLab is not installed. Run `make notebook` in a clone of dlcourse, or install it "
    "with: pip install 'dlcourse[notebook]'"
)


def lab_command(notebook: Path, *, port: int = 8888, open_browser: bool = True) -> list[str]:
    """The command that serves ``notebook``'s folder with JupyterLab and opens ``notebook``.

    The server listens on localhost only, with a token; root (containers, CI) is allowed.
    """
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={notebook.parent.resolve()}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--ServerApp.open_browser={open_browser}",
        f"--LabApp.default_url=/lab/tree/{notebook.name}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")
    return command


def run_lab(notebook: Path, *, port: int = 8888, open_browser: bool = True) -> int:
    """Serve ``notebook`` with JupyterLab until it is stopped (Ctrl-C).

    On POSIX this process becomes JupyterLab (``exec``), so that signals meant for
    ``dlcourse start`` (Ctrl-C, a service manager's SIGTERM) reach the server itself and no
    server is left behind; elsewhere JupyterLab runs as a child and its exit status is returned.
    Raises ModuleNotFoundError with the command that installs JupyterLab where it is missing.
    """
    if importlib.util.find_spec("jupyterlab") is None:
        raise ModuleNotFoundError(INSTALL_HINT)
    command = lab_command(notebook, port=port, open_browser=open_browser)
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.execv(command[0], command)
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:  # the learner stopped it: JupyterLab has shut down with us
        return 0
