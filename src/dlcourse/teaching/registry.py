"""Finding the lessons: every package under ``dlcourse.lessons`` that has a ``lesson`` module,
then every lesson that an installed package declares in the ``dlcourse.lessons`` entry-point
group (``name = "package.lesson:LESSON"``). Nothing here names a lesson.

The first lesson found is the default of every command that takes ``--lesson``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import warnings
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from dlcourse.teaching.syllabus import Lesson

__all__ = ["default_lesson", "find_lesson", "lesson_folders", "lesson_name", "lessons"]

ENTRY_POINTS = "dlcourse.lessons"


@functools.cache
def lessons() -> dict[str, Lesson]:
    """Every lesson, by name: dlcourse's own (in the order of their names), then installed ones."""
    import dlcourse.lessons

    found: dict[str, Lesson] = {}
    for module in sorted(pkgutil.iter_modules(dlcourse.lessons.__path__), key=lambda m: m.name):
        if module.ispkg and find_spec(f"dlcourse.lessons.{module.name}.lesson") is not None:
            found[module.name] = importlib.import_module(
                f"dlcourse.lessons.{module.name}.lesson"
            ).LESSON
    for point in sorted(entry_points(group=ENTRY_POINTS), key=lambda p: p.name):
        try:
            lesson = point.load()
        except Exception as error:  # an installed lesson that is broken: the others still work
            warnings.warn(f"the lesson {point.name!r} could not be loaded: {error}", stacklevel=2)
            continue
        _add(found, lesson)
    return found


def _add(found: dict[str, Lesson], lesson: object) -> None:
    """Add an installed lesson; one that is not a Lesson, or takes a name already taken, is
    left out with a warning (the other lessons still work)."""
    if not isinstance(lesson, Lesson):
        warnings.warn(f"not a dlcourse Lesson, left out: {type(lesson).__name__}", stacklevel=3)
    elif lesson.name in found:
        warnings.warn(f"a second lesson called {lesson.name!r}, left out", stacklevel=3)
    else:
        found[lesson.name] = lesson


def find_lesson(name: str | None = None) -> Lesson:
    """The lesson called ``name`` (by default the first one), or a ValueError naming them all."""
    known = lessons()
    if name is None:
        return default_lesson()
    if name not in known:
        raise ValueError(f"lesson must be one of {sorted(known)}, got {name!r}.")
    return known[name]


def default_lesson() -> Lesson:
    known = lessons()
    if not known:
        raise LookupError("no lesson is installed.")
    return next(iter(known.values()))


def lesson_folders() -> list[Path]:
    """The folder of every lesson's package (a kernel must be able to read them)."""
    folders = []
    for lesson in lessons().values():
        try:
            spec = find_spec(lesson.package)
        except (ImportError, ValueError):  # its package is gone: nothing of it to read
            continue
        if spec is not None and spec.submodule_search_locations:
            for path in spec.submodule_search_locations:  # as imported, and the real folder
                folders += dict.fromkeys([Path(path), Path(path).resolve()])
    return folders


def lesson_name(notebook: Any) -> str | None:
    """The lesson a notebook's metadata names (``metadata.dlcourse.lesson``), if any."""
    meta = notebook.metadata.get("dlcourse", {})
    name = meta.get("lesson") if isinstance(meta, dict) else None
    return name if isinstance(name, str) else None
