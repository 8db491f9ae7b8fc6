"""Control groups: limits that the operating system enforces on a kernel and all it starts.

A learner's kernel, and every process it starts, joins a control group of its own before the
kernel runs. The operating system then counts for the whole group, whatever the code inside
does: its processes (``pids``), its memory (``memory``: anonymous memory, shared maps, files
in ``/tmp``, ``/dev/shm`` and other in-memory folders alike), its share of the processors
(``cpu``: every kernel's group has the same weight, so one kernel with a hundred busy
threads gets no more than a neighbour with one; four times a single process's, so that the
grader's own processes, which mostly wait for the kernels, do not slow them down). Ending a
kernel means ending its group: frozen first where the ``freezer`` is there, so nothing can
start while it is being killed.

All of a run's groups sit under one parent group (:class:`RunGroups`), so whoever started
the run (the class's process, which outlives its workers) can end whatever is left of them.

Groups are made where they can be: as root, on cgroup v1 (one folder per controller) or on a
v2 hierarchy with the controllers delegated. Elsewhere :meth:`RunGroups.kernel_group` gives
None and :mod:`dlcourse.teaching.limits` falls back to rlimits.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
import uuid
from pathlib import Path

__all__ = ["ControlGroup", "RunGroups"]

_ROOT = Path("/sys/fs/cgroup")
_CONTROLLERS = ("pids", "memory", "cpu", "freezer")


class ControlGroup:
    """One group: a folder per controller hierarchy (v1), or one folder (v2)."""

    def __init__(self, folders: dict[str, Path]) -> None:
        self.folders = folders  # controller -> folder; v2: every controller -> the same folder

    def join(self) -> None:
        """Move the calling process into the group (run in the kernel's ``preexec_fn``)."""
        pid = str(os.getpid())
        for folder in set(self.folders.values()):
            (folder / "cgroup.procs").write_text(pid)

    def pids(self) -> set[int]:
        found: set[int] = set()
        for folder in set(self.folders.values()):
            for procs in folder.rglob("cgroup.procs"):
                found |= {int(pid) for pid in _read(procs).split()}
        return found

    def oom_killed(self) -> bool:
        """Whether the memory limit made the operating system kill a process of the group."""
        folder = self.folders.get("memory")
        if folder is None:
            return False
        for name in ("memory.events", "memory.oom_control"):  # v2, v1
            for line in _read(folder / name).splitlines():
                key, _, value = line.partition(" ")
                if key == "oom_kill" and value.strip() not in ("", "0"):
                    return True
        return False

    def memory_refused(self) -> bool:
        """Whether the memory limit refused the group memory at least once (a learner's code
        may catch the ``MemoryError`` or ``ENOMEM`` and go on)."""
        folder = self.folders.get("memory")
        if folder is None:
            return False
        if _read(folder / "memory.failcnt").strip() not in ("", "0"):  # v1
            return True
        events = dict(line.split() for line in _read(folder / "memory.events").splitlines())
        return events.get("max", "0") != "0"  # v2

    def kill(self) -> None:
        """SIGKILL every process of the group and its subgroups; returns when they are gone or
        after a few seconds. Never raises."""
        v2_kill = next(iter(self.folders.values()), Path("/nonexistent")) / "cgroup.kill"
        freezer = self.folders.get("freezer")
        for _ in range(200):
            pids = self.pids()
            if not pids:
                break
            if v2_kill.exists():
                _write(v2_kill, "1")
            elif freezer is not None:
                _write(freezer / "freezer.state", "FROZEN")  # nothing forks while we kill
            for pid in pids:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            if freezer is not None:
                _write(freezer / "freezer.state", "THAWED")  # killed processes leave on thaw
            time.sleep(0.02)

    def remove(self) -> None:
        """Kill what is left and remove the folders (deepest first), waiting a few seconds at
        most for killed processes to be gone. Never raises."""
        self.kill()
        for _ in range(100):
            left = [folder for folder in set(self.folders.values()) if folder.exists()]
            for folder in left:
                subs = sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True)
                for sub in [*(s for s in subs if s.is_dir()), folder]:
                    with contextlib.suppress(OSError):
                        sub.rmdir()
            if not left:
                return
            time.sleep(0.05)


class RunGroups:
    """The parent group of one grading run; :meth:`kernel_group` makes a child per kernel."""

    def __init__(
        self, *, processes: int, memory_bytes: int | None, name: str | None = None
    ) -> None:
        self.processes, self.memory_bytes = processes, memory_bytes
        self.name = name or f"dlcourse-{uuid.uuid4().hex[:12]}"
        self.parent = _make(self.name)

    @property
    def available(self) -> bool:
        return self.parent is not None

    def kernel_group(self, tag: str) -> ControlGroup | None:
        """A fresh group for one kernel with the run's limits, or None where none can be made.
        ``tag`` names whoever asked (a worker), so that :meth:`end` can find its groups."""
        if self.parent is None:
            return None
        leaf = f"{tag}-{uuid.uuid4().hex[:12]}"
        folders = {}
        for controller, folder in self.parent.folders.items():
            child = folder / leaf
            with contextlib.suppress(FileExistsError):
                child.mkdir()
            folders[controller] = child
        group = ControlGroup(folders)
        if "pids" in folders:
            _write(folders["pids"] / "pids.max", str(self.processes))
        if "cpu" in folders:  # equal among kernels; ahead of the grader's own processes
            _write(folders["cpu"] / "cpu.shares", str(4 * 1024))  # v1
            _write(folders["cpu"] / "cpu.weight", "400")  # v2
        if "memory" in folders and self.memory_bytes:
            memory = folders["memory"]
            for name in ("memory.limit_in_bytes", "memory.memsw.limit_in_bytes"):  # v1
                _write(memory / name, str(self.memory_bytes))
            _write(memory / "memory.max", str(self.memory_bytes))  # v2
            _write(memory / "memory.swap.max", "0")
        return group

    def process_group(self, name: str, memory_bytes: int) -> ControlGroup | None:
        """A memory group ``name`` of its own for one of the grader's processes (a worker), or
        None where none can be made."""
        if self.parent is None or "memory" not in self.parent.folders:
            return None
        folder = self.parent.folders["memory"] / name
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
        for limit in ("memory.limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.max"):
            _write(folder / limit, str(memory_bytes))
        return ControlGroup({"memory": folder})

    def oom_killed(self, name: str) -> bool:
        """Whether the memory limit of group ``name`` killed a process of it."""
        if self.parent is None or "memory" not in self.parent.folders:
            return False
        return ControlGroup({"memory": self.parent.folders["memory"] / name}).oom_killed()

    def end(self, tag: str) -> None:
        """End the kernels of the groups made for ``tag`` (a worker that was stopped)."""
        if self.parent is None:
            return
        names = {
            path.name
            for folder in self.parent.folders.values()
            for path in folder.glob(f"{tag}-*")
            if path.is_dir()
        }
        for name in names:
            folders = {c: folder / name for c, folder in self.parent.folders.items()}
            ControlGroup(folders).remove()

    def close(self) -> None:
        """End every process of the run's groups and remove them. Never raises."""
        if self.parent is not None:
            self.parent.remove()

    def __enter__(self) -> RunGroups:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make(name: str) -> ControlGroup | None:
    """The run's parent group in every hierarchy we may write, or None."""
    if os.geteuid() != 0:
        return None
    folders: dict[str, Path] = {}
    for controller in _CONTROLLERS:  # cgroup v1: a hierarchy per controller
        root = _ROOT / controller
        if (root / "cgroup.procs").exists() and _mkdir(root / name):
            folders[controller] = root / name
    v2 = _ROOT / "unified" if (_ROOT / "unified" / "cgroup.subtree_control").exists() else _ROOT
    delegated = set(_read(v2 / "cgroup.subtree_control").split()) & set(_CONTROLLERS)
    missing = delegated - set(folders)
    if missing and _mkdir(v2 / name):
        wanted = " ".join(f"+{c}" for c in sorted(missing & {"pids", "memory", "cpu"}))
        _write(v2 / name / "cgroup.subtree_control", wanted)  # the kernels' groups get them
        folders |= {controller: v2 / name for controller in missing}
    if "pids" not in folders and "memory" not in folders:
        ControlGroup(folders).remove()
        return None
    return ControlGroup(folders)


def _mkdir(folder: Path) -> bool:
    try:
        folder.mkdir()
        return True
    except OSError:
        return False


def _write(path: Path, text: str) -> None:
    with contextlib.suppress(OSError):
        path.write_text(text)


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""
