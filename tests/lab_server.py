"""`dlcourse start --no-browser` on a free local port, for the tests that talk to JupyterLab."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

import pytest


@dataclass
class Lab:
    url: str  # http://127.0.0.1:PORT
    output: str = ""  # what `dlcourse start` printed, once it has stopped


@contextlib.contextmanager
def dlcourse_start(folder, token, *args, **env):
    """Serve ``folder`` with ``dlcourse start``, token ``token``, ``env`` added to the
    environment; stopped (SIGTERM) on exit."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "dlcourse", "start", "--no-browser", "--dir", str(folder)]
    server = subprocess.Popen(
        [*command, "--port", str(port), *args],
        env=os.environ | {"JUPYTER_TOKEN": token, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lab = Lab(f"http://127.0.0.1:{port}")
    try:
        _wait_for(f"{lab.url}/api/status?token={token}", server)
        yield lab
    finally:
        server.terminate()
        lab.output = server.communicate(timeout=30)[0]


def _wait_for(url, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"dlcourse start ended early:\n{server.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail("JupyterLab did not answer within a minute")
