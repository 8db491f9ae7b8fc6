"""Reading submissions from a folder nobody here controls.

A submission is read only when it is a regular file: never through a symbolic link (to another
learner's notebook, to ``/etc/shadow``, to ``/dev/zero``), never a FIFO or a device (opened
without blocking, checked before reading), and never past :data:`NOTEBOOK_LIMIT_MB`. Folders
are walked without following links. Everything else gets a line saying why it was not graded.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat

__all__ = [
    "NOTEBOOK_LIMIT_MB",
    "Found",
    "NotGradable",
    "find_submissions",
    "read_submission",
    "submission_digest",
]

NOTEBOOK_LIMIT_MB = 50  # a lesson's notebook with its figures is under 5 MB; saved output adds


class NotGradable(ValueError):
    """A submission that is not read at all (says why)."""


@dataclass(frozen=True)
class Submission:
    """The bytes read, their digest and the notebook they hold."""

    digest: str
    notebook: nbformat.NotebookNode


def read_submission(path: str | os.PathLike[str]) -> Submission:
    """The notebook at ``path``, read once; raises :class:`NotGradable` (a ValueError) when it
    is not a regular file, is too large, or is not a notebook."""
    data = _read_regular(Path(path))
    try:
        notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
    except Exception as error:  # nbformat raises many kinds for a broken file
        raise NotGradable(f"not a readable notebook ({type(error).__name__})") from None
    return Submission(hashlib.sha256(data).hexdigest(), notebook)


def submission_digest(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of the file at ``path`` as :func:`read_submission` would read it; "" when
    it would not be read."""
    try:
        return hashlib.sha256(_read_regular(Path(path))).hexdigest()
    except NotGradable:
        return ""


def _read_regular(path: Path) -> bytes:
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if os.path.islink(path):
            raise NotGradable("a symbolic link, not a file; not followed") from None
        raise NotGradable(f"cannot be opened ({error.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotGradable(f"not a regular file ({_kind(info.st_mode)})")
        limit = NOTEBOOK_LIMIT_MB * 2**20
        if info.st_size > limit:
            raise NotGradable(f"larger than {NOTEBOOK_LIMIT_MB} MB")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, 2**20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise NotGradable(f"larger than {NOTEBOOK_LIMIT_MB} MB")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder")):  # fmt: skip
        if test(mode):
            return name
    return "not a plain file"


@dataclass(frozen=True)
class Found:
    """What was found among the paths given: notebooks to grade, and lines about the rest."""

    notebooks: list[Path]
    problems: list[str]


def find_submissions(paths: Iterable[str | os.PathLike[str]]) -> Found:
    """Every ``.ipynb`` given or under the given folders (checkpoints left out). Inside a
    folder, links are neither followed nor graded; each gets a line."""
    notebooks: list[Path] = []
    problems: list[str] = []
    for given in map(Path, paths):
        if given.is_dir():  # a folder the instructor named may itself be a link
            found, skipped = _walk(given)
            if not found and not skipped:
                problems.append(f"{given}: an empty folder (no .ipynb in it)")
            notebooks += found
            problems += skipped
        elif os.path.islink(given):
            problems.append(f"{given}: a symbolic link, not a file; not graded")
        elif given.is_file() and given.suffix == ".ipynb":
            notebooks.append(given)
        elif given.is_file():
            problems.append(f"{given}: not a notebook (not an .ipynb file); not graded")
        elif os.path.lexists(given):
            problems.append(f"{given}: not a regular file; not graded")
        else:
            problems.append(f"{given}: no such file or folder")
    notebooks = list(dict.fromkeys(notebooks))
    names = Counter(p.name for p in notebooks)
    problems += [
        f"{name}: {count} submissions share this file name, in different folders; each is "
        "graded under its own path"
        for name, count in sorted(names.items())
        if count > 1
    ]
    return Found(notebooks, problems)


def _walk(folder: Path) -> tuple[list[Path], list[str]]:
    found, skipped = [], []
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d != ".ipynb_checkpoints")
        for name in sorted(files):
            if not name.endswith(".ipynb"):
                continue
            path = Path(top) / name
            if os.path.islink(path):
                skipped.append(f"{path}: a symbolic link, not a file; not graded")
            elif not stat.S_ISREG(os.lstat(path).st_mode):
                skipped.append(f"{path}: not a regular file; not graded")
            else:
                found.append(path)
        for name in dirs:
            if os.path.islink(Path(top) / name):
                skipped.append(f"{Path(top) / name}: a symbolic link to a folder; not followed")
    return found, skipped
