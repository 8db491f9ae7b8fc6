"""The learner's kernel inside bubblewrap, where ``bwrap`` is installed and may run.

Inside the sandbox the kernel has no network (its own empty network namespace), no way to make
further user namespaces, an empty environment but for a short allow-list
(:func:`kernel_environment`), and sees the file system read-only, with the home directory, the
submissions' folders, the grader's output and the private folder of the whole run (where every
kernel's sockets live) hidden under empty read-only folders. It can write only to in-memory
folders of a fixed size: its working directory, ``/tmp`` and ``/dev/shm``. It runs as an
ordinary user of its own user namespace, without capabilities; outside the namespace that user
is the kernel's own unprivileged user when the grader is root (:mod:`dlcourse.teaching.limits`).
It talks to the grader over Unix sockets in a folder of its own (no TCP: it has no network).

Without bubblewrap none of this holds; :mod:`dlcourse.teaching.grading` still applies the
resource limits, a working directory of its own, a cleared environment and the time limits.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

from dlcourse.teaching.limits import nproc_launcher, user_launcher

__all__ = ["kernel_environment", "sandbox_available", "sandbox_command"]

SANDBOX_UID = 1000  # the kernel's user inside its namespace: not root
WORKDIR_MB = 512  # the in-memory working directory
TMP_MB = 256  # /tmp and /dev/shm, each
# What the kernel's environment keeps of the grader's: how to find programs, the language, and
# how the numerical libraries should run here. Nothing else (no tokens, no passwords).
ENVIRONMENT_ALLOWED = (
    "PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONPATH",
    "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
    "MKL_NUM_THREADS", "NUMBA_NUM_THREADS", "NUMBA_DISABLE_JIT",
)  # fmt: skip
_FRESH = {Path("/tmp"), Path("/dev/shm")}  # new in-memory folders in every sandbox
# Never hidden, even when a submission sits there: the kernel needs them to run at all.
_SYSTEM = {(), *((name,) for name in ("usr", "lib", "lib64", "lib32", "bin", "sbin", "etc"))}


@functools.cache
def sandbox_available() -> bool:
    """Whether ``bwrap`` is installed and may make the namespaces the sandbox needs here
    (some containers forbid user namespaces)."""
    if shutil.which("bwrap") is None:
        return False
    command = sandbox_command(
        [sys.executable, "-c", ""], workdir=Path("/"), rundir=Path("/"), bare=True
    )
    try:
        probe = subprocess.run(command, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return probe.returncode == 0


def kernel_environment(home: Path) -> dict[str, str]:
    """The kernel's whole environment: the allowed variables of ours, and its own home."""
    kept = {name: os.environ[name] for name in ENVIRONMENT_ALLOWED if name in os.environ}
    return kept | {"HOME": str(home), "PYTHONNOUSERSITE": "1"}


def sandbox_command(
    command: list[str],
    *,
    workdir: Path,
    rundir: Path,
    hidden: Iterable[Path] = (),
    uid: int | None = None,
    bare: bool = False,
) -> list[str]:
    """``command`` wrapped in ``bwrap``.

    ``workdir`` (its working directory), ``/tmp`` and ``/dev/shm`` are empty in-memory folders
    of a fixed size; ``rundir`` (its sockets) is the one host folder it may write; the home
    directory and the ``hidden`` folders are empty and read-only; the Python installation stays
    visible (bound again where one of those covered it).

    ``uid`` (the grader is root): the sandbox is made by root, the kernel then becomes the
    unprivileged user ``uid`` and makes its user namespace itself (a second, inner ``bwrap``),
    so that outside the sandbox it is that user, never root. Otherwise the grader's own user
    makes the user namespace and ``RLIMIT_NPROC`` is set inside it. ``bare``: no folders at all
    (the availability probe).
    """
    if uid is None:
        outer = ["--unshare-all", *_user_namespace()]
    else:
        outer = [f"--unshare-{kind}" for kind in ("ipc", "pid", "net", "uts", "cgroup")]
        outer += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]  # for the launcher
    args = [shutil.which("bwrap") or "bwrap", *outer, "--die-with-parent", "--new-session"]
    args += ["--clearenv", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
    if not bare:
        args += _folders(workdir.resolve(), rundir.resolve(), hidden)
    for name, value in kernel_environment(workdir.resolve()).items():
        args += ["--setenv", name, value]
    # The kernel's parent in its own process namespace is bwrap's pid 1, which ipykernel would
    # take for an orphaning (1 means: no parent to watch); --die-with-parent ends it
    # with the grader instead.
    args += ["--setenv", "JPY_PARENT_PID", "1", "--"]
    if uid is None:
        return [*args, *nproc_launcher(command)]
    inner = [shutil.which("bwrap") or "bwrap", *_user_namespace(), "--dev-bind", "/", "/"]
    inner += ["--die-with-parent", "--chdir", str(workdir.resolve()), "--", *command]
    return [*args, *user_launcher(uid, inner)]


def _user_namespace() -> list[str]:
    """A user namespace where the kernel is an ordinary user and can make no other."""
    ids = ["--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID)]
    return ["--unshare-user", *ids, "--disable-userns"]


def _folders(workdir: Path, rundir: Path, hidden: Iterable[Path]) -> list[str]:
    """The mounts of the sandbox's folders (see :func:`sandbox_command`)."""
    anyone = ["--perms", "01777"]  # the kernel's user, whoever it is, may write there
    args = [*anyone, "--size", str(TMP_MB * 2**20), "--tmpfs", "/dev/shm"]
    args += [*anyone, "--size", str(TMP_MB * 2**20), "--tmpfs", "/tmp"]
    covered = sorted(
        {
            folder.resolve()
            for folder in (Path.home(), *map(Path, hidden))
            if folder.is_dir()
            and folder.resolve().parts[1:2] not in _SYSTEM
            and folder.resolve() not in _FRESH  # already empty, and writable
        },
        key=lambda folder: len(folder.parts),  # outer folders first: inner ones mount on top
    )
    for folder in covered:
        args += ["--perms", "0755", "--size", "65536", "--tmpfs", str(folder)]
    made: set[Path] = set()
    for path in _python_paths():  # the interpreter and its packages, where hidden above
        if any(folder.is_relative_to(path) for folder in covered):
            continue  # never bind a hidden folder back
        top = next((f for f in [Path("/tmp"), *covered] if path.is_relative_to(f)), None)
        if top is None:
            continue
        for folder in reversed(path.relative_to(top).parents[:-1]):  # passable by any user
            if top / folder not in made:
                made.add(top / folder)
                args += ["--perms", "0755", "--dir", str(top / folder)]
        args += ["--ro-bind", str(path), str(path)]
    args += [*anyone, "--size", str(WORKDIR_MB * 2**20), "--tmpfs", str(workdir)]
    args += ["--bind", str(rundir), str(rundir)]
    for folder in covered:  # after the mounts inside them: not recursive
        args += ["--remount-ro", str(folder)]
    return [*args, "--chdir", str(workdir)]


def _python_paths() -> list[Path]:
    """The interpreter, its libraries, dlcourse itself and every lesson's package: what a kernel
    needs to run. Not the rest of ``sys.path`` (a script's folder, the working directory),
    which may be anywhere."""
    import dlcourse
    from dlcourse.teaching.registry import lesson_folders

    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(sys.executable).resolve().parent}
    paths |= {Path(path) for path in sysconfig.get_paths().values()}
    paths |= {Path(entry) for entry in sys.path if Path(entry).name in _LIBRARY_FOLDERS}
    paths.add(Path(dlcourse.__file__).resolve().parent.parent)  # an editable install's src/
    paths |= set(lesson_folders())  # a lesson installed from a folder of its own
    resolved = sorted({path.resolve() for path in paths if path.exists()} - _FRESH)
    return [p for p in resolved if not any(p != q and p.is_relative_to(q) for q in resolved)]


_LIBRARY_FOLDERS = {"site-packages", "dist-packages"}
