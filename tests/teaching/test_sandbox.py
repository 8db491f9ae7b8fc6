"""The sandbox's command line and the process limit, checked on plain Python processes."""

import json
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from dlcourse.teaching import limits
from dlcourse.teaching.limits import PROCESS_LIMIT, limit_kernel, process_group
from dlcourse.teaching.sandbox import sandbox_available, sandbox_command

PROBE = """
import json, os, pathlib, resource, sys
def writes(path):
    try:
        pathlib.Path(path).write_text("x")
        return True
    except OSError:
        return False
hidden, outside = sys.argv[1], sys.argv[2]
print(json.dumps({
    "uid": os.getuid(),
    "cwd": os.getcwd(),
    "workdir_writable": writes("here.txt"),
    "outside_writable": writes(outside),
    "hidden": os.listdir(hidden),
    "nproc": resource.getrlimit(resource.RLIMIT_NPROC)[0],
    "numpy": __import__("numpy").__version__,
}))
"""


@pytest.mark.skipif(not sandbox_available(), reason="bubblewrap is not available here")
def test_the_sandboxed_process_sees_what_the_docs_say(tmp_path):
    workdir, rundir, secret = (tmp_path / name for name in ("work", "run", "class"))
    for folder in (workdir, rundir, secret):
        folder.mkdir()
    (secret / "neighbour.ipynb").write_text("{}")
    outside = Path(__file__).with_name("planted_by_the_sandbox_test.txt")
    command = sandbox_command(
        [sys.executable, "-c", PROBE, str(secret), str(outside)],
        workdir=workdir,
        rundir=rundir,
        hidden=[secret],
    )
    try:
        seen = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
    finally:
        planted = outside.exists()
        outside.unlink(missing_ok=True)
    assert not planted and not seen["outside_writable"]
    assert seen["uid"] != 0 and seen["cwd"] == str(workdir.resolve())
    assert seen["workdir_writable"] and (workdir / "here.txt").read_text() == "x"
    assert seen["hidden"] == []
    assert seen["nproc"] == PROCESS_LIMIT
    import numpy

    assert seen["numpy"] == numpy.__version__  # the Python installation is visible


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


def test_a_process_group_holds_at_most_the_limit():
    groups = _groups()
    with process_group() as join:
        if join is None:
            pytest.skip("no pids control group can be made here (not root, or no controller)")
        run = subprocess.run(
            [sys.executable, "-c", BOMB, str(2 * PROCESS_LIMIT)],
            capture_output=True,
            text=True,
            preexec_fn=partial(limit_kernel, 1024, join),
        )
        started = int(run.stdout.split()[-1])
        assert started < PROCESS_LIMIT and "BlockingIOError" in run.stderr
        assert len(_groups()) == len(groups) + 1
    assert _groups() == groups  # removed at the end


def _groups():
    return {group for root in limits._PIDS_ROOTS for group in root.glob("dlcourse-*")}


def test_the_root_and_system_folders_are_never_hidden(tmp_path):
    # a submission at /x.ipynb would otherwise hide the whole file system from its kernel
    command = sandbox_command(
        ["true"], workdir=tmp_path, rundir=tmp_path, hidden=[Path("/"), Path("/usr/share")]
    )
    covered = [command[i + 1] for i, arg in enumerate(command) if arg == "--tmpfs"]
    assert "/" not in covered and "/usr/share" not in covered
    assert "/tmp" in covered and str(Path.home().resolve()) in covered
