"""Finding the lessons: dlcourse's own, and installed ones; a broken one costs only itself."""

from __future__ import annotations

import os
import types

import pytest

from dlcourse.teaching import registry
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.guards import reference_roots
from dlcourse.teaching.syllabus import Lesson


def _lesson(name: str, package: str = "nowhere_package") -> Lesson:
    exercise = Exercise(
        id="X.1 one",
        check="exercise_x_1_one",
        names=("one",),
        properties=lambda one: [],
        success="correct.",
        hints=("a", "b", "c"),
    )
    return Lesson(name=name, title="X", package=package, notebook="x.pct.py", exercises=(exercise,))


@pytest.fixture
def installed(monkeypatch):
    """Pretend these entry points are installed; the registry's cache is fresh around it."""
    points = []

    def entry_points(group):
        assert group == registry.ENTRY_POINTS
        return points

    monkeypatch.setattr(registry, "entry_points", entry_points)
    registry.lessons.cache_clear()
    yield points
    registry.lessons.cache_clear()


def _point(name, load):
    return types.SimpleNamespace(name=name, load=load)


def test_lesson_1_is_found_and_is_the_default():
    assert next(iter(registry.lessons())) == "lesson1"
    assert registry.default_lesson().name == "lesson1"
    assert registry.find_lesson(None) is registry.find_lesson("lesson1")
    with pytest.raises(ValueError, match="lesson must be one of"):
        registry.find_lesson("no_such_lesson")


def test_a_broken_installed_lesson_is_left_out_with_a_warning(installed):
    def fails():
        raise ImportError("its package is broken")

    installed += [
        _point("a", fails),
        _point("b", lambda: "not a lesson"),
        _point("c", lambda: _lesson("lesson1")),  # takes the built-in lesson's name
        _point("d", lambda: _lesson("extra", package="missing_package.sub")),
    ]
    with pytest.warns(UserWarning) as warned:
        found = registry.lessons()
    assert list(found) == ["lesson1", "extra"]
    assert len(warned) == 3
    assert registry.lesson_folders()  # the missing package's folder is skipped, not an error


def test_lesson_and_exercise_names_are_checked():
    with pytest.raises(ValueError, match="lower-case"):
        _lesson("Lesson 2")
    with pytest.raises(ValueError, match="quiet"):
        Exercise(
            id="X",
            check="exercise_x",
            names=("quiet",),
            properties=list,
            success="",
            hints=("",) * 3,
        )


def test_the_answers_folders_end_in_a_separator():
    # a lesson package "sk" must not claim every file of "sklearn" as one of dlcourse's answers
    folders = [root for root in reference_roots() if not root.endswith(".py")]
    assert folders and all(root.endswith(os.sep) for root in folders)


def test_a_notebook_names_its_lesson_only_with_a_string():
    def notebook(meta):
        return types.SimpleNamespace(metadata=meta)

    assert registry.lesson_name(notebook({"dlcourse": {"lesson": "tiny"}})) == "tiny"
    assert registry.lesson_name(notebook({"dlcourse": ["lesson"]})) is None
    assert registry.lesson_name(notebook({"dlcourse": {"lesson": 3}})) is None
    assert registry.lesson_name(notebook({})) is None
