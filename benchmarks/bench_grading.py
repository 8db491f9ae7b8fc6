"""Grading a class: `dlcourse grade --jobs 2` against executing the same notebooks one after
another with nbclient, each in a fresh kernel (the least any grader must do), in one run.

The class is a dozen generated submissions: solutions, stubs and planted mistakes. Also prints
where one submission's time goes: starting the kernel, running its cells, the checks.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import nbformat
from _harness import Row, format_table
from nbclient import NotebookClient

from dlcourse.teaching.class_grading import grade_class
from dlcourse.teaching.notebooks import build_notebook

MISTAKES = [
    ("return (y_hat - y) * x_i", "return (y - y_hat) * x_i"),
    ("    return np.outer(x_i, y_hat - y)", "    return np.outer(x_i, y - y_hat)"),
]


def make_class(folder: Path, size: int) -> list[Path]:
    paths = []
    for i in range(size):
        notebook = build_notebook(student=(i % 4 == 3))
        if i % 4 in (1, 2):
            old, new = MISTAKES[i % 2]
            (cell,) = [c for c in notebook.cells if c.cell_type == "code" and old in c.source]
            cell.source = cell.source.replace(old, new)
        path = folder / f"learner{i:02d}.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def execute_serially(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as workdir:
            NotebookClient(
                notebook,
                timeout=60,
                kernel_name="python3",
                allow_errors=True,
                resources={"metadata": {"path": workdir}},
            ).execute()
    return time.perf_counter() - start


def breakdown(path: Path) -> dict[str, float]:
    """Seconds of one submission: kernel start, its cells, the checks (grade_notebook's parts)."""
    from dlcourse.teaching import grading

    notebook = nbformat.read(path, as_version=4)
    times = {}
    with tempfile.TemporaryDirectory() as workdir:
        client = NotebookClient(
            notebook,
            timeout=60,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": workdir}},
        )
        start = time.perf_counter()
        with client.setup_kernel():
            times["kernel start"] = time.perf_counter() - start
            start = time.perf_counter()
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type == "code":
                    client.execute_cell(cell, index)
            times["the notebook's cells"] = time.perf_counter() - start
    start = time.perf_counter()
    grading.grade_notebook(path)
    times["grade_notebook in all"] = time.perf_counter() - start
    return times


def run(quick: bool = False) -> list[Row]:
    size = 4 if quick else 12
    with tempfile.TemporaryDirectory() as folder:
        paths = make_class(Path(folder), size)
        serial = execute_serially(paths)
        start = time.perf_counter()
        grade_class(paths, Path(folder) / "out", jobs=2, progress=False)
        graded = time.perf_counter() - start
        parts = breakdown(paths[0])
    print(
        "one submission: " + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items()),
        file=sys.stderr,
    )
    return [
        Row(
            f"dlcourse grade --jobs 2, {size} submissions",
            graded,
            "nbclient, executed serially",
            serial,
            ">=1.8x",
            serial / graded >= 1.8,
        )
    ]


if __name__ == "__main__":
    print(format_table(run(quick="--quick" in sys.argv)))
