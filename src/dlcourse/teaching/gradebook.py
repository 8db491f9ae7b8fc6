"""The gradebook of a class run: its columns (the graded lessons' exercises), ``grades.csv``,
and ``grades.json`` written and read back."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from dlcourse.teaching.atomic import write_atomically
from dlcourse.teaching.safe_text import csv_cell

__all__ = ["exercise_columns", "gradebook_csv", "previous_records", "write_records"]


def exercise_columns(records: list[dict[str, Any]]) -> list[str]:
    """The gradebook's columns: the exercises of every lesson the graded notebooks belong to,
    lesson by lesson in the registry's order (the first lesson's when none was graded)."""
    from dlcourse.teaching.registry import default_lesson, lessons

    used = {record.get("lesson") for record in records}
    chosen = [lesson for name, lesson in lessons().items() if name in used]
    return [exercise.id for lesson in chosen or [default_lesson()] for exercise in lesson.exercises]


def gradebook_csv(records: list[dict[str, Any]], exercises: list[str]) -> str:
    """The gradebook: a row per record, a score per exercise; no cell can start a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["notebook", *exercises, "total", "problems"])
    for record in records:
        scores = {item["exercise"]: item.get("score", 0.0) for item in record["exercises"]}
        row = [round(float(scores.get(name, 0.0)), 4) for name in exercises]
        problems = "; ".join(record["problems"])
        writer.writerow(
            [csv_cell(record["notebook"]), *row, round(sum(row), 4), csv_cell(problems)]
        )
    return buffer.getvalue()


def write_records(path: Path, records: dict[str, dict[str, Any]], order: list[Path]) -> None:
    listed = [records[str(p)] for p in order if str(p) in records]
    write_atomically(path, json.dumps(listed, indent=1) + "\n")


def previous_records(path: Path) -> dict[str, dict[str, Any]]:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(fd, encoding="utf-8") as file:
            return {record["notebook"]: record for record in json.load(file)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
