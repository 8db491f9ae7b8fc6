"""The sandbox's command line and the control groups, checked on plain Python processes."""

import json
import os
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from dlcourse.teaching.cgroups import RunGroups
from dlcourse.teaching.limits import PROCESS_LIMIT, KernelLimits, limit_kernel, private_uid
from dlcourse.teaching.sandbox import (
    ENVIRONMENT_ALLOWED,
    TMP_MB,
    sandbox_available,
    sandbox_command,
)

needs_sandbox = pytest.mark.skipif(not sandbox_available(), reason="bubblewrap is not available")

PROBE = """
import json, os, pathlib, resource, subprocess, sys
def writes(path):
    try:
        pathlib.Path(path).write_text("x")
        return True
    except OSError:
        return False
def reads(path):
    try:
        pathlib.Path(path).read_bytes()
        return True
    except OSError:
        return False
def fills(path, mb):
    try:
        with open(path, "wb") as file:
            for _ in range(mb):
                file.write(b"x" * 2**20)
        return True
    except OSError:
        return False
hidden, outside = sys.argv[1], sys.argv[2]
nested = subprocess.run(["unshare", "--user", "true"], capture_output=True)
print(json.dumps({
    "cwd": os.getcwd(),
    "workdir_writable": writes("here.txt"),
    "outside_writable": writes(outside),
    "hidden": os.listdir(hidden),
    "hidden_writable": writes(os.path.join(hidden, "planted.txt")),
    "shadow_readable": reads("/etc/shadow"),
    "environment": sorted(os.environ),
    "tmp_unbounded": fills("/tmp/big", {tmp_mb} + 16),
    "nested_user_namespace": nested.returncode == 0,
    "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[0],
    "numpy": __import__("numpy").__version__,
}))
"""


@needs_sandbox
def test_the_sandboxed_process_sees_what_the_docs_say(tmp_path, monkeypatch):
    monkeypatch.setenv("DLCOURSE_TEST_SECRET", "do-not-leak")
    workdir, rundir, secret = (tmp_path / name for name in ("work", "run", "class"))
    for folder in (workdir, rundir, secret):
        folder.mkdir()
    (secret / "neighbour.ipynb").write_text("{}")
    outside = Path(__file__).with_name("planted_by_the_sandbox_test.txt")
    root = os.geteuid() == 0
    command = sandbox_command(
        [sys.executable, "-c", PROBE.replace("{tmp_mb}", str(TMP_MB)), str(secret), str(outside)],
        workdir=workdir,
        rundir=rundir,
        hidden=[secret],
        uid=private_uid() if root else None,
    )
    try:
        run = subprocess.run(command, capture_output=True, check=True, cwd=workdir)
        seen = json.loads(run.stdout)
    finally:
        planted = outside.exists()
        outside.unlink(missing_ok=True)
    assert not planted and not seen["outside_writable"]
    assert seen["cwd"] == str(workdir.resolve()) and seen["workdir_writable"]
    assert list(workdir.iterdir()) == []  # the working directory is in memory, not on disk
    assert seen["hidden"] == [] and not seen["hidden_writable"]
    assert not seen["shadow_readable"] and not seen["nested_user_namespace"]
    assert "DLCOURSE_TEST_SECRET" not in seen["environment"]
    fixed = {"HOME", "PYTHONNOUSERSITE", "JPY_PARENT_PID", "PWD"}
    assert set(seen["environment"]) <= fixed | set(ENVIRONMENT_ALLOWED)
    assert not seen["tmp_unbounded"]  # /tmp is an in-memory folder of TMP_MB
    assert seen["nproc"] == PROCESS_LIMIT
    import numpy

    assert seen["numpy"] == numpy.__version__  # the Python installation is visible


def test_the_root_and_system_folders_are_never_hidden(tmp_path):
    # a submission at /x.ipynb would otherwise hide the whole file system from its kernel
    command = sandbox_command(
        ["true"], workdir=tmp_path, rundir=tmp_path, hidden=[Path("/"), Path("/usr/share")]
    )
    covered = [command[i + 1] for i, arg in enumerate(command) if arg == "--tmpfs"]
    assert "/" not in covered and "/usr/share" not in covered
    assert "/tmp" in covered and str(Path.home().resolve()) in covered


@pytest.fixture
def groups():
    run = RunGroups(processes=PROCESS_LIMIT, memory_bytes=256 * 2**20)
    if not run.available:
        pytest.skip("no control group can be made here (not root, or no controller)")
    yield run
    run.close()
    assert all(not folder.exists() for folder in run.parent.folders.values())


BOMB = """
import subprocess, sys
children = []
try:
    for _ in range(int(sys.argv[1])):
        children.append(subprocess.Popen(["sleep", "30"]))
finally:
    print(len(children))
    for child in children:
        child.kill()
"""


def test_a_control_group_holds_at_most_the_process_limit(groups):
    group = groups.kernel_group("test")
    run = subprocess.run(
        [sys.executable, "-c", BOMB, str(2 * PROCESS_LIMIT)],
        capture_output=True,
        text=True,
        preexec_fn=partial(limit_kernel, KernelLimits(1024, group)),
        timeout=120,
    )
    assert int(run.stdout.split()[-1]) < PROCESS_LIMIT and "BlockingIOError" in run.stderr


SHARED = """
import mmap
shared = mmap.mmap(-1, 1024 * 2**20, flags=mmap.MAP_SHARED)  # not counted by RLIMIT_DATA
for offset in range(0, len(shared), 4096):
    shared[offset] = 1
print("all of it")
"""


@pytest.mark.skipif(sys.platform != "linux", reason="control groups are Linux's")
def test_the_memory_group_counts_shared_memory_and_kills_past_it(groups):
    group = groups.kernel_group("test")
    if "memory" not in group.folders:
        pytest.skip("no memory controller here")
    run = subprocess.run(
        [sys.executable, "-c", SHARED],
        capture_output=True,
        text=True,
        preexec_fn=partial(limit_kernel, KernelLimits(2048, group)),  # RLIMIT_DATA is larger
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL and "all of it" not in run.stdout
    assert group.oom_killed()


STUBBORN = """
import os, signal, subprocess, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGTERM, signal.SIG_IGN)
for _ in range(3):
    subprocess.Popen([sys.executable, "-c", "import os, signal; os.setsid(); "
                      "os.kill(os.getpid(), signal.SIGSTOP)"])
subprocess.Popen(["sleep", "300"], start_new_session=True)
print("ready", flush=True)
while True:
    time.sleep(1)
"""


def test_ending_a_group_ends_every_process_in_it_stopped_or_escaped(groups):
    group = groups.kernel_group("test")
    process = subprocess.Popen(
        [sys.executable, "-c", STUBBORN],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=partial(limit_kernel, KernelLimits(1024, group)),
    )
    with process.stdout:
        assert process.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        assert len(group.pids()) >= 5  # itself, three stopped children in new sessions, sleep
        group.remove()
        assert process.wait(timeout=10) == -signal.SIGKILL
    assert all(not folder.exists() for folder in group.folders.values())
