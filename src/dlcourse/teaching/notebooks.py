"""Lesson notebooks from one Jupytext source: the learner's version and the solution.

The source (percent format, ``*.pct.py``) marks each solution region::

    # BEGIN SOLUTION
    return (y_hat - y) * x_i
    # END SOLUTION
    # STUB: return not_done(np.zeros_like(x_i))

The solution notebook keeps the region and drops the markers and ``STUB`` lines. The student
notebook drops the region and keeps the ``STUB`` lines, uncommented, after a ``TODO`` line:
code that still runs, and that the checks recognise as not done. Markdown cells use the
same markers (answers to questions).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jupytext
import nbformat

from dlcourse.teaching.registry import find_lesson

__all__ = ["build_notebook", "notebook_name", "write_notebook"]

_BEGIN = re.compile(r"^\s*(?:#\s*)?BEGIN SOLUTION\s*$")
_END = re.compile(r"^\s*(?:#\s*)?END SOLUTION\s*$")
_STUB = re.compile(r"^(?P<indent>\s*)(?:#\s*)?STUB:\s?(?P<code>.*)$")


def build_notebook(lesson: str | None = None, *, student: bool) -> nbformat.NotebookNode:
    """The lesson's notebook (by default the first lesson's), with solutions
    (``student=False``) or with TODO stubs. Its metadata names the lesson (the grader reads
    it), the version and a digest of its text; the cells' ids are fixed, so that two builds
    of the same lesson are the same bytes."""
    found = find_lesson(lesson)
    notebook = jupytext.reads(found.notebook_source(), fmt="py:percent")
    for index, cell in enumerate(notebook.cells):
        cell.source = _transform(cell.source, student=student, code=cell.cell_type == "code")
        # the same id for the same cell in every build (nbformat's own are random)
        cell.id = hashlib.sha256(f"{found.name} {index}".encode()).hexdigest()[:8]
    notebook.metadata.pop("jupytext", None)  # the .ipynb stands alone, unpaired
    meta = notebook.metadata.setdefault("dlcourse", {})
    meta["lesson"] = found.name
    meta["version"] = "student" if student else "solution"
    # which text of the lesson this is: `dlcourse start` tells a newer one from the learner's
    cells = json.dumps([(cell.cell_type, cell.source) for cell in notebook.cells])
    meta["digest"] = hashlib.sha256(cells.encode()).hexdigest()[:10]
    nbformat.validate(notebook)
    return notebook


def notebook_name(lesson: str | None = None, *, student: bool) -> str:
    """``<lesson>_student.ipynb`` or ``<lesson>_solution.ipynb``."""
    return f"{find_lesson(lesson).name}_{'student' if student else 'solution'}.ipynb"


def write_notebook(
    out_dir: str | Path, lesson: str | None = None, *, student: bool, force: bool = False
) -> tuple[Path, Path | None]:
    """Write the lesson's notebook into ``out_dir``; return its path and the backup's.

    An existing file is never overwritten: FileExistsError, unless ``force``, which first
    renames it to a dated backup beside it (:func:`dlcourse.teaching.workspace.write_new`).
    """
    from dlcourse.teaching.workspace import write_new

    path = Path(out_dir) / notebook_name(lesson, student=student)
    backup = write_new(build_notebook(lesson, student=student), path, force=force)
    return path, backup


def _transform(source: str, *, student: bool, code: bool) -> str:
    lines, inside = [], False
    for line in source.splitlines():
        if _BEGIN.match(line):
            inside = True
            continue
        if _END.match(line):
            inside = False
            if student and code:
                indent = re.match(r"\s*", line).group()
                lines.append(f"{indent}# TODO: write your code here")
            continue
        stub = _STUB.match(line)
        if stub:
            if student:
                lines.append(stub["indent"] + stub["code"])
            continue
        if not (inside and student):
            lines.append(line)
    if inside:
        raise ValueError("a BEGIN SOLUTION marker has no END SOLUTION")
    return "\n".join(lines)
