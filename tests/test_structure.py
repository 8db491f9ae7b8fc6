"""The layout the project keeps: the teaching tools know no lesson, modules stay small, and a
module's name says where it lives. Each test reads the source files; none imports them."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import dlcourse

PACKAGE = Path(dlcourse.__file__).parent
LIMIT = 300  # lines a module may have


def _modules(folder: Path) -> list[Path]:
    """Python modules; a lesson's notebook source (``*.pct.py``) is a notebook, not a module."""
    return sorted(p for p in folder.rglob("*.py") if not p.name.endswith(".pct.py"))


def _imported(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names += [word for word in node.value.split() if word.startswith("dlcourse.lessons")]
    return names


def test_no_teaching_module_imports_a_lesson():
    found = {
        str(path.relative_to(PACKAGE)): name
        for path in _modules(PACKAGE / "teaching")
        for name in _imported(path)
        if name.startswith("dlcourse.lessons.") and name != "dlcourse.lessons."
    }
    assert found == {}  # the registry imports only the folder of lessons, to list it


def test_no_teaching_module_or_the_command_line_names_an_exercise_of_a_lesson():
    from dlcourse.teaching.registry import lessons

    words = {
        word
        for lesson in lessons().values()
        for exercise in lesson.exercises
        for word in (exercise.id, exercise.check, lesson.notebook)
    }
    sources = [*_modules(PACKAGE / "teaching"), PACKAGE / "cli.py", PACKAGE / "commands.py"]
    found = {
        (str(path.relative_to(PACKAGE)), word)
        for path in sources
        for word in words
        if word in path.read_text(encoding="utf-8")
    }
    assert found == set()


def test_every_module_has_at_most_300_lines():
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in _modules(PACKAGE)
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert long == {}


def test_no_two_modules_share_a_name():
    # A name says where a thing lives (checks.py and check.py, report.py twice, once collided).
    # Each lesson's folder is a namespace of its own: every lesson has its check.py and its
    # lesson.py, but within a lesson, and between a lesson and the shared code, names differ.
    lessons = [p for p in (PACKAGE / "lessons").iterdir() if (p / "__init__.py").is_file()]

    def names(paths: list[Path], folders: list[Path]) -> Counter[str]:
        counted = Counter(p.stem for p in paths if p.stem not in ("__init__", "__main__"))
        counted.update(p.name for p in folders if p.name != "__pycache__")
        return counted

    inside = {folder: names(_modules(folder), _folders(folder)) for folder in lessons}
    shared_paths = [p for p in _modules(PACKAGE) if not any(p.is_relative_to(f) for f in lessons)]
    shared_folders = [p for p in _folders(PACKAGE) if not any(p.is_relative_to(f) for f in lessons)]
    shared = names(shared_paths, shared_folders)
    assert [name for name, count in shared.items() if count > 1] == []
    for folder, counted in inside.items():
        assert [name for name, count in counted.items() if count > 1] == [], folder.name
        assert sorted(set(counted) & set(shared)) == [], folder.name


def _folders(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_dir() and p.name != "__pycache__"]
