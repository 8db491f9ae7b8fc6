"""``dlcourse grade``: a class graded at once, its gradebook, its report, and resuming."""

import csv
import json
import re
import shutil

import nbformat
import pytest

from dlcourse.cli import main
from dlcourse.lessons.lesson1.units import EXERCISES
from dlcourse.teaching.class_grading import grade_class
from dlcourse.teaching.notebooks import build_notebook

pytestmark = pytest.mark.filterwarnings(
    "ignore::DeprecationWarning:jupyter_client", "ignore::DeprecationWarning:distributed"
)

EXERCISE_IDS = [exercise.id for exercise in EXERCISES]

SIGN_FLIP = ("return (y_hat - y) * x_i", "return (y - y_hat) * x_i")


def _notebook(student=False, replace=None):
    notebook = build_notebook(student=student)
    if replace:
        old, new = replace
        (cell,) = [c for c in notebook.cells if c.cell_type == "code" and old in c.source]
        cell.source = cell.source.replace(old, new)
    return notebook


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """Two solutions with the same file name, a stub, two sign flips, and three bad entries."""
    root = tmp_path_factory.mktemp("class")
    for folder in ("a", "b", "empty"):
        (root / folder).mkdir()
    nbformat.write(_notebook(), root / "a" / "solution.ipynb")
    nbformat.write(_notebook(), root / "b" / "solution.ipynb")
    nbformat.write(_notebook(student=True), root / "stub.ipynb")
    nbformat.write(_notebook(replace=SIGN_FLIP), root / "sign1.ipynb")
    nbformat.write(_notebook(replace=SIGN_FLIP), root / "sign2.ipynb")
    (root / "broken.ipynb").write_text('{"cells": [')  # truncated
    other = _notebook()
    other.metadata["dlcourse"]["lesson"] = "lesson9"  # a notebook of another lesson
    nbformat.write(other, root / "other_lesson.ipynb")
    (root / "notes.txt").write_text("not a notebook")
    return root


@pytest.fixture(scope="module")
def graded(classroom, tmp_path_factory):
    out = tmp_path_factory.mktemp("grades")
    args = [str(classroom), str(classroom / "notes.txt"), str(classroom / "empty")]
    status = main(["grade", *args, "--out", str(out), "--jobs", "2", "--quiet"])
    return status, out


def _rows(path):
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


def test_the_gradebook_has_a_row_per_submission_and_a_score_per_exercise(graded, classroom):
    status, out = graded
    assert status == 0  # grading ran, whatever the learners scored
    rows = _rows(out / "grades.csv")
    assert rows[0] == ["notebook", *EXERCISE_IDS, "total", "problems"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {
        str(classroom / name)
        for name in (
            "a/solution.ipynb",
            "b/solution.ipynb",
            "stub.ipynb",
            "sign1.ipynb",
            "sign2.ipynb",
            "broken.ipynb",
            "other_lesson.ipynb",
        )
    }
    for solution in ("a/solution.ipynb", "b/solution.ipynb"):
        assert by_name[str(classroom / solution)][1:] == ["1.0"] * 11 + ["11.0", ""]
    assert by_name[str(classroom / "stub.ipynb")][1:] == ["0.0"] * 11 + ["0.0", ""]
    gradient = rows[0].index("1.2 gradient")
    for sign in ("sign1.ipynb", "sign2.ipynb"):
        row = by_name[str(classroom / sign)]
        # five of its six properties hold, but zeros have those five too: no credit for them
        assert row[gradient] == "0.0"
        assert row[rows[0].index("1.1 normal equation")] == "1.0"
    broken = by_name[str(classroom / "broken.ipynb")]
    assert broken[1:12] == ["0.0"] * 11 and broken[-1].startswith("not graded:")
    other = by_name[str(classroom / "other_lesson.ipynb")]
    assert other[1:12] == ["0.0"] * 11 and "lesson must be one of" in other[-1]


def test_the_json_holds_every_verdict(graded):
    _, out = graded
    records = json.loads((out / "grades.json").read_text())
    assert len(records) == 7
    full = [r for r in records if r["exercises"]]
    assert all(
        {"exercise", "status", "message", "score", "properties", "hint"} <= set(item)
        for r in full
        for item in r["exercises"]
    )


def test_the_class_report_names_the_planted_mistake_with_its_count(graded):
    _, out = graded
    html = (out / "class_report.html").read_text()
    assert "1.2 gradient: 2 of 7 passed" in html
    # named by the one change that makes it right, quoting the learner's expression
    assert "<td>2</td><td>failed: `y - y_hat` subtracts the other way round" in html
    assert "<td>1</td><td>not done yet: the code still reaches a TODO" in html  # said once
    assert "broken.ipynb" in html and "not a notebook" in html and "empty folder" in html
    assert "solution.ipynb: 2 submissions share this file name" in html
    assert html.count("data:image/png;base64,") == 1 + 11  # the class, then each exercise
    # each exercise's figure draws the counts of its table (the alt text lists its bars)
    assert re.search(r'<img alt="passed: 2; failed: `y - y_hat` subtracts the other[^"]*: 2', html)


def _class_report(tmp_path, message, notebook="x.ipynb"):
    """The class report of two learners on one exercise: one passed, one got ``message``."""
    from dlcourse.teaching.class_report import write_class_report

    def record(name, status, text, problems=()):
        item = {"exercise": "1.1 normal equation", "status": status, "message": text}
        return {"notebook": name, "exercises": [item], "problems": list(problems)}

    records = [
        record("a.ipynb", "passed", ""),
        record(notebook, "failed", message, problems=[message]),
    ]
    path = tmp_path / "class_report.html"
    write_class_report(path, records, ["1.1 normal equation"], [f"note: {message}"])
    return path.read_text(encoding="utf-8")


def test_learner_text_in_the_class_report_is_shown_as_text(tmp_path):
    attack = "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
    html = _class_report(tmp_path, attack, notebook="<b>x</b>.ipynb")
    assert "<script>" not in html and "<img src=x" not in html and "<b>x" not in html
    escaped = "&lt;script&gt;alert(…)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(…)&gt;"
    assert f"<tr><td>1</td><td>failed: {escaped}</td></tr>" in html  # numbers made alike
    assert f'<img alt="passed: 1; failed: {escaped}: 1"' in html
    assert "<li><code>&lt;b&gt;x&lt;/b&gt;.ipynb</code>: &lt;script&gt;alert(1)" in html
    assert "<li>note: &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "1.1 normal equation: 1 of 2 passed (50%)" in html


def test_dollar_signs_of_a_learner_are_text_in_the_table_and_the_figure(tmp_path):
    html = _class_report(tmp_path, r"loss is $\frac{1}{ and $x^{2$")  # broken mathtext
    assert r"<td>failed: loss is $\frac{…}{ and $x^{…$</td>" in html
    assert html.count("data:image/png;base64,") == 2  # the class's figure and the exercise's


def test_a_figure_that_cannot_be_drawn_leaves_the_table(tmp_path, monkeypatch):
    from dlcourse.teaching import class_report

    def broken(bars):
        raise ValueError("matplotlib could not draw this label")

    monkeypatch.setattr(class_report, "_diagnosis_figure", broken)
    html = _class_report(tmp_path, "the sign is flipped")
    assert html.count("data:image/png;base64,") == 1  # only the class's figure
    assert "<tr><td>1</td><td>failed: the sign is flipped</td></tr>" in html


def test_a_second_run_grades_only_what_is_missing_or_changed(graded, classroom, tmp_path):
    _, out = graded
    resumed = tmp_path / "resumed"
    shutil.copytree(out, resumed)
    records = json.loads((resumed / "grades.json").read_text())
    (resumed / "grades.json").write_text(json.dumps(records[1:]))  # as if interrupted
    summary = grade_class([classroom], resumed, jobs=2, progress=False)
    assert summary["graded"] == 1 and summary["reused"] == 6
    assert _rows(resumed / "grades.csv") == _rows(out / "grades.csv")
    again = grade_class([classroom], resumed, jobs=2, progress=False)
    assert again["graded"] == 0


def test_a_dask_cluster_gives_the_same_gradebook(graded, classroom, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, out = graded
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        grade_class([classroom], tmp_path, scheduler=cluster.scheduler_address, progress=False)
    assert _rows(tmp_path / "grades.csv") == _rows(out / "grades.csv")


def test_nothing_to_grade_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["grade", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    assert "nothing to grade" in capsys.readouterr().err


def test_a_grader_failure_or_other_options_are_never_reused(graded, classroom, tmp_path):
    _, out = graded
    resumed = tmp_path / "resumed"
    shutil.copytree(out, resumed)
    records = json.loads((resumed / "grades.json").read_text())
    records[0] |= {"grader_failed": True, "problems": ["not graded: the grader failed (X)"]}
    (resumed / "grades.json").write_text(json.dumps(records))
    summary = grade_class([classroom], resumed, jobs=2, progress=False)
    assert summary["graded"] == 1  # the grader's own failure is graded again
    assert _rows(resumed / "grades.csv") == _rows(out / "grades.csv")
    other = grade_class([classroom], resumed, jobs=2, progress=False, memory_mb=1024)
    assert other["reused"] == 0  # graded under other options: nothing is reused


def test_a_file_that_reads_as_an_option_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    nbformat.write(_notebook(), tmp_path / "--out=x.ipynb")
    # what `dlcourse grade --out grades *.ipynb` becomes in a shell
    assert main(["grade", "--out", "grades", "--out=x.ipynb"]) == 2
    assert "write the submissions after '--'" in capsys.readouterr().err
    assert not (tmp_path / "grades").exists() and not (tmp_path / "x.ipynb").exists()


SLOW = "import time\ntime.sleep(300)\n"


def test_ctrl_c_stops_cleanly_and_writes_what_was_graded(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    nbformat.write(_notebook(), tmp_path / "a_honest.ipynb")
    for name in ("b_slow.ipynb", "c_slow.ipynb"):
        slow = _notebook()
        slow.cells.append(nbformat.v4.new_code_cell(SLOW))
        nbformat.write(slow, tmp_path / name)
    before = set(Path("/sys/fs/cgroup").glob("*/dlcourse-*"))
    runs = set(Path("/tmp").glob("dlcourse-run-*"))
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "dlcourse", "grade", "--out", str(out), "--jobs", "2", "--quiet",
         "--timeout", "400", "--", str(tmp_path / "a_honest.ipynb"),
         str(tmp_path / "b_slow.ipynb"), str(tmp_path / "c_slow.ipynb")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        # as in a terminal's foreground, whatever this run inherited (a background job, such
        # as `nohup ... &`, starts with Ctrl-C ignored, and Python keeps it ignored)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    for _ in range(600):  # until the honest one is graded
        if (out / "grades.json").exists() and json.loads((out / "grades.json").read_text()):
            break
        time.sleep(0.2)
    time.sleep(1)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    try:
        stdout, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:  # say what the grader was doing, and leave nothing behind
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        raise AssertionError(
            f"no exit 60 s after Ctrl-C: {stdout[-2000:]}\n{stderr[-4000:]}"
        ) from None
    assert process.returncode == 130 and "Traceback" not in stderr, stderr
    assert "Stopped (Ctrl-C)" in stdout
    rows = {Path(row[0]).name: row for row in _rows(out / "grades.csv")[1:]}
    assert float(rows["a_honest.ipynb"][12]) == 11
    stopped = "not graded: the run was stopped before this submission was graded"
    assert rows["b_slow.ipynb"][-1] == rows["c_slow.ipynb"][-1] == stopped
    time.sleep(1)
    assert set(Path("/sys/fs/cgroup").glob("*/dlcourse-*")) == before
    assert set(Path("/tmp").glob("dlcourse-run-*")) == runs  # every kernel's folder removed


def test_a_worker_out_of_memory_is_the_notebooks_doing_not_the_graders(tmp_path, monkeypatch):
    import dlcourse.teaching.grading as grading
    from dlcourse.teaching.class_grading import grade_submission

    def floods(*args, **kwargs):
        raise MemoryError  # what a kernel's giant message does to the worker's RLIMIT_AS

    monkeypatch.setattr(grading, "grade_notebook", floods)
    nbformat.write(_notebook(), tmp_path / "flood.ipynb")
    record = grade_submission(str(tmp_path / "flood.ipynb"), timeout=60)
    assert "sent the grader more than it holds" in record["problems"][0]
    assert not record.get("grader_failed") and record["sha256"]  # reused on the next run
