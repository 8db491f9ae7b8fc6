"""Grading a whole class: every submission in parallel, a gradebook, and a class report.

``dlcourse grade SUBMISSIONS... --out DIR`` finds every ``.ipynb`` given or under the given
folders and grades each with :func:`dlcourse.teaching.grading.grade_notebook`, in worker
processes (or on a Dask cluster). Each finished submission is added to ``DIR/grades.json`` at
once, so that a run that is interrupted and started again grades only what is missing (a
submission whose file changed since is graded again). At the end ``DIR/grades.csv`` holds one
row per submission and ``DIR/class_report.html`` the class's view.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

__all__ = ["find_submissions", "grade_class", "grade_submission"]


@dataclass(frozen=True)
class Found:
    """What was found among the paths given: notebooks to grade, and lines about the rest."""

    notebooks: list[Path]
    problems: list[str]


def find_submissions(paths: Iterable[str | os.PathLike[str]]) -> Found:
    """Every ``.ipynb`` given or under the given folders (checkpoints left out)."""
    notebooks: list[Path] = []
    problems: list[str] = []
    for given in map(Path, paths):
        if given.is_dir():
            found = sorted(p for p in given.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
            if not found:
                problems.append(f"{given}: an empty folder (no .ipynb in it)")
            notebooks += found
        elif given.is_file() and given.suffix == ".ipynb":
            notebooks.append(given)
        elif given.is_file():
            problems.append(f"{given}: not a notebook (not an .ipynb file); not graded")
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


def grade_submission(
    path: str, timeout: float, memory_mb: int = 2048, hidden: tuple[str, ...] = ()
) -> dict[str, Any]:
    """One submission's record, as ``dlcourse check --json`` writes it; never raises.
    ``hidden``: folders its sandboxed kernel must not see (the class, the grades)."""
    from dlcourse.teaching.grading import grade_notebook

    record: dict[str, Any] = {"notebook": path, "sha256": _digest(Path(path))}
    try:
        report = grade_notebook(path, timeout=timeout, memory_mb=memory_mb, hidden=hidden)
    except Exception as error:  # not a notebook, truncated, another lesson, ...
        reason = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
        return record | {"passed": False, "exercises": [], "problems": [f"not graded: {reason}"]}
    return record | report.to_dict()


def grade_class(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    timeout: float = 60.0,
    memory_mb: int = 2048,
    scheduler: str | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Grade every submission under ``paths`` into ``out``; return a summary.

    Raises ValueError when nothing at all can be graded.
    """
    paths = [Path(path) for path in paths]
    found = find_submissions(paths)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    records = _previous(out / "grades.json")
    todo = [str(p) for p in found.notebooks if records.get(str(p), {}).get("sha256") != _digest(p)]
    if not found.notebooks:
        raise ValueError(
            "nothing to grade: " + ("; ".join(found.problems) or "no paths were given")
        )
    # No kernel may read the other submissions or the grades (sandboxed kernels only).
    hidden = [out, *(path if path.is_dir() else path.parent for path in paths)]
    grade = partial(
        grade_submission,
        timeout=timeout,
        memory_mb=memory_mb,
        hidden=tuple(str(folder.resolve()) for folder in hidden),
    )
    for record in _run(todo, grade, jobs or os.cpu_count() or 1, scheduler, progress):
        records[record["notebook"]] = record
        _write_json(out / "grades.json", records, found.notebooks)
    _write_json(out / "grades.json", records, found.notebooks)
    ordered = [records[str(p)] for p in found.notebooks]
    exercises = _exercise_names()
    _write_csv(out / "grades.csv", ordered, exercises)
    from dlcourse.teaching.class_report import write_class_report

    write_class_report(out / "class_report.html", ordered, exercises, found.problems)
    return {"graded": len(todo), "reused": len(ordered) - len(todo), "problems": found.problems}


def _run(
    todo: list[str], grade: Callable, jobs: int, scheduler: str | None, progress: bool
) -> Iterable[dict[str, Any]]:
    """The records of the submissions in ``todo``, as each finishes."""
    if not todo:
        return
    bar = _bar(len(todo), progress)
    if scheduler is not None:
        from distributed import Client
        from distributed import as_completed as dask_completed

        with Client(scheduler) as client:
            futures = client.map(grade, todo, pure=False)
            for future in dask_completed(futures):
                bar.update()
                yield _record_or_crash(future.result, future.key)
    else:
        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(grade, path): path for path in todo}
            for future in as_completed(futures):
                bar.update()
                yield _record_or_crash(future.result, futures[future])
    bar.close()


def _record_or_crash(result: Callable[[], dict[str, Any]], path: str) -> dict[str, Any]:
    try:
        return result()
    except Exception as error:  # the worker itself died: this submission only
        return {
            "notebook": path,
            "passed": False,
            "exercises": [],
            "problems": [f"not graded: the grading process failed ({type(error).__name__})"],
        }


def _bar(total: int, shown: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="grading", unit="notebook", disable=not shown)


def _exercise_names() -> list[str]:
    from dlcourse.lessons.lesson1.check import EXERCISES

    return list(EXERCISES)


def _write_csv(path: Path, records: list[dict[str, Any]], exercises: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["notebook", *exercises, "total", "problems"])
        for record in records:
            scores = {item["exercise"]: item.get("score", 0.0) for item in record["exercises"]}
            row = [round(scores.get(name, 0.0), 4) for name in exercises]
            writer.writerow(
                [record["notebook"], *row, round(sum(row), 4), "; ".join(record["problems"])]
            )


def _write_json(path: Path, records: dict[str, dict[str, Any]], order: list[Path]) -> None:
    listed = [records[str(p)] for p in order if str(p) in records]
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(listed, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)  # a run stopped mid-write leaves the previous file whole


def _previous(path: Path) -> dict[str, dict[str, Any]]:
    try:
        return {record["notebook"]: record for record in json.loads(path.read_text())}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
