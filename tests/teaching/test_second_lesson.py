"""A second lesson costs one folder: a tiny lesson, written here into a temporary folder and
installed only by an entry point, goes through the whole path (notebooks, checks, grading, the
class report) with nothing under ``teaching/`` or ``cli.py`` changed for it.

docs/contributing.md ("Adding a lesson") walks through the same files.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TINY = {
    "tinylesson/__init__.py": '"""A tiny lesson: doubling numbers."""\n',
    "tinylesson/units.py": '''
"""The two exercises of the tiny lesson."""

import numpy as np

from dlcourse.teaching.diagnosis import compare, require, shaped
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Property, call


def double_properties(double):
    x = np.array([1.0, -2.0, 3.5])

    def values():
        compare(call(double, x), 2 * x, what="the result")

    return [
        Property("one number per entry", lambda: shaped(call(double, x), x.shape, "the result")),
        Property("zero stays zero", lambda: require(
            not np.any(shaped(call(double, np.zeros(3)), (3,), "the result")),
            "doubling 0 must give 0: something is added that does not depend on x.",
        )),
        Property("twice each entry", values),
    ]


def answer_properties(answer):
    return [Property("the answer is 42", lambda: require(answer == 42, f"{answer!r} is not it."))]


EXERCISES = (
    Exercise(
        id="T.1 double",
        check="exercise_t_1_double",
        names=("double",),
        properties=double_properties,
        success="correct: every entry doubled.",
        hints=("Multiply.", "By two.", "2 x."),
        reference=lambda x: 2 * x,
        summary="``double(x)`` must return 2 x.",
    ),
    Exercise(
        id="T.2 answer",
        check="exercise_t_2_answer",
        names=("answer",),
        properties=answer_properties,
        success="correct.",
        hints=("Think.", "Think harder.", "42."),
        answer=True,
    ),
)
''',
    "tinylesson/check.py": '''
"""The checks of the tiny lesson."""

from dlcourse.teaching.checking import Checks
from tinylesson.units import EXERCISES

CHECKS = Checks(EXERCISES)
globals().update(CHECKS.functions())
''',
    "tinylesson/lesson.py": """
from dlcourse.teaching.syllabus import Lesson
from tinylesson.units import EXERCISES

LESSON = Lesson(
    name="tiny",
    title="Tiny lesson: doubling",
    package="tinylesson",
    notebook="tiny.pct.py",
    exercises=EXERCISES,
)
""",
    "tinylesson/tiny.pct.py": """# %% [markdown]
# # A tiny lesson

# %%
import numpy as np

from dlcourse.checks import TODO, not_done  # noqa: F401
from tinylesson import check

# %% [markdown]
# Write `double(x)`.

# %%
def double(x):
    # BEGIN SOLUTION
    return 2 * x
    # END SOLUTION
    # STUB: return not_done(np.zeros_like(x))

# %%
check.exercise_t_1_double(double)

# %% [markdown]
# What is the answer?

# %%
# BEGIN SOLUTION
answer = 42
# END SOLUTION
# STUB: answer = TODO

# %%
check.exercise_t_2_answer(answer)

# %% [markdown]
# The end.

# %%
print("done")
""",
    "tinylesson-0.1.dist-info/METADATA": "Metadata-Version: 2.1\nName: tinylesson\nVersion: 0.1\n",
    "tinylesson-0.1.dist-info/entry_points.txt": (
        "[dlcourse.lessons]\ntiny = tinylesson.lesson:LESSON\n"
    ),
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The environment of a Python that sees the tiny lesson, installed in a folder of its own."""
    site = tmp_path_factory.mktemp("site")
    for name, text in TINY.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text.lstrip("\n"))
    return os.environ | {"PYTHONPATH": os.pathsep.join([str(site), *sys.path])}


def _dlcourse(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "dlcourse", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_second_lesson_in_one_folder_goes_through_the_whole_path(tiny, tmp_path):
    env = tiny
    books = tmp_path / "notebooks"
    for version in ("--student", "--solution"):
        made = _dlcourse(env, "notebook", "--lesson", "tiny", version, "--out", books)
        assert made.returncode == 0, made.stderr
    student, solution = books / "tiny_student.ipynb", books / "tiny_solution.ipynb"
    cells = json.loads(student.read_text())["cells"]
    assert (
        len(cells) == 10
        and json.loads(student.read_text())["metadata"]["dlcourse"]["lesson"] == "tiny"
    )

    checked = _dlcourse(env, "check", "--json", student, solution)
    assert checked.returncode == 1, checked.stderr  # the student's notebook does not pass
    records = json.loads(checked.stdout)
    assert [r["status"] for r in records[0]["exercises"]] == ["not done", "not done"]
    assert [r["status"] for r in records[1]["exercises"]] == ["passed", "passed"]
    assert records[1]["problems"] == [] and records[1]["lesson"] == "tiny"

    # the instructor's --lesson wins over the notebook's own metadata, and says so
    forced = json.loads(_dlcourse(env, "check", "--json", "--lesson", "lesson1", solution).stdout)
    assert forced[0]["lesson"] == "lesson1" and len(forced[0]["exercises"]) == 11
    assert "the notebook names the lesson 'tiny'; graded as 'lesson1'" in forced[0]["problems"]

    submissions = tmp_path / "class"
    submissions.mkdir()
    for name, source in (("ann", student), ("bob", solution), ("cat", solution)):
        text = source.read_text()
        if name == "cat":  # a planted mistake: one is added as well
            assert "return 2 * x" in text
            text = text.replace("return 2 * x", "return 2 * x + 1")
        (submissions / f"{name}.ipynb").write_text(text)
    out = tmp_path / "grades"
    graded = _dlcourse(env, "grade", "--quiet", "--out", out, submissions)
    assert graded.returncode == 0, graded.stderr

    rows = list(csv.reader((out / "grades.csv").read_text().splitlines()))
    assert rows[0] == ["notebook", "T.1 double", "T.2 answer", "total", "problems"]
    scores = {Path(row[0]).stem: row[1:3] for row in rows[1:]}
    assert scores["bob"] == ["1.0", "1.0"] and scores["ann"] == ["0.0", "0.0"]
    cat = next(r for r in json.loads((out / "grades.json").read_text()) if "cat" in r["notebook"])
    double = cat["exercises"][0]
    assert double["status"] == "failed"
    assert "doubling 0 must give 0" in double["message"]  # the property that failed, in words
    report = (out / "class_report.html").read_text()
    assert "T.1 double" in report and "T.2 answer" in report and "1.1 normal equation" not in report


def test_the_tiny_lesson_is_listed_beside_lesson_1(tiny):
    env = tiny
    helped = _dlcourse(env, "notebook", "--help")
    assert "lesson1, tiny" in helped.stdout.replace("\n", " ").replace("  ", " ")
