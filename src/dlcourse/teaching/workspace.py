"""A learner's folder of notebooks, where nothing the learner wrote is overwritten or lost.

- :func:`write_new` writes a notebook only where no file is; with ``force`` an existing file
  is first renamed to a dated backup beside it.
- :func:`prepare` is what ``dlcourse start`` does before opening JupyterLab: the lesson's
  notebook is written if it is missing; if the learner's copy exists it is left as it is, and a
  newer version of the lesson (another digest in its metadata) is written beside it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from dlcourse.teaching.notebooks import build_notebook, notebook_name

__all__ = ["Prepared", "prepare", "write_new"]


def write_new(notebook: nbformat.NotebookNode, path: Path, *, force: bool = False) -> Path | None:
    """Write ``notebook`` to ``path``, which must not exist, unless ``force``: then the file
    there is renamed to ``<stem>.backup-<date>-<time>.ipynb`` first. Returns that backup's path,
    or None when there was nothing to keep.

    Raises FileExistsError (naming the file and ``--force``) when ``path`` exists and not
    ``force``.
    """
    backup = None
    if path.exists():
        if not force:
            raise FileExistsError(
                f"{path} already exists and may hold a learner's work; it was left as it is. "
                "Pass --force to replace it (the old file is then kept as a dated backup "
                "beside it), or choose another --out."
            )
        backup = _free_name(path, datetime.datetime.now().strftime("backup-%Y%m%d-%H%M%S"))
        path.rename(backup)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as file:  # "x": never over a file made meanwhile
        nbformat.write(notebook, file)
    return backup


def _free_name(path: Path, tag: str) -> Path:
    candidate = path.with_name(f"{path.stem}.{tag}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.{tag}-{number}{path.suffix}")
        number += 1
    return candidate


@dataclass
class Prepared:
    """The notebook to open, and what was done to get it, in sentences for the learner."""

    path: Path
    messages: list[str] = field(default_factory=list)


def prepare(folder: str | Path, lesson: str | None = None, *, student: bool = True) -> Prepared:
    """Make sure ``folder`` holds the lesson's notebook; never touch a file that is there."""
    folder = Path(folder)
    notebook = build_notebook(lesson, student=student)
    path = folder / notebook_name(lesson, student=student)
    if not path.exists():
        write_new(notebook, path)
        return Prepared(path, [f"Wrote the lesson's notebook to {path}."])
    messages = [f"{path} exists: it is opened as it is (nothing in it was changed)."]
    theirs = _digest(path)
    ours = notebook.metadata["dlcourse"]["digest"]
    if theirs != ours:
        newer = path.with_name(f"{path.stem}.v{ours}{path.suffix}")
        if not newer.exists():
            write_new(notebook, newer)
        messages.append(
            f"This dlcourse has another version of the lesson: it is in {newer}, beside yours; "
            "copy your answers over when you like."
        )
    return Prepared(path, messages)


def _digest(path: Path) -> str | None:
    try:
        return nbformat.read(path, as_version=4).metadata.get("dlcourse", {}).get("digest")
    except Exception:  # not a notebook any more: it is still the learner's file
        return None
