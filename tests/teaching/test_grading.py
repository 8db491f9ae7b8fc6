"""``dlcourse check``: grading notebooks without touching them."""

import hashlib
import json
import time

import nbformat
import pytest

from dlcourse.cli import main
from dlcourse.teaching.grading import grade_notebook
from dlcourse.teaching.notebooks import build_notebook

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_client")


def _write(notebook, path):
    nbformat.write(notebook, path)
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _replace_in_code(notebook, old, new):
    hits = [cell for cell in notebook.cells if cell.cell_type == "code" and old in cell.source]
    assert len(hits) == 1, old
    hits[0].source = hits[0].source.replace(old, new)
    return notebook


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    solution = _write(build_notebook(student=False), folder / "solution.ipynb")
    student = _write(build_notebook(student=True), folder / "student.ipynb")
    return folder, solution, student


def test_check_on_the_solution_exits_zero_and_leaves_the_file_alone(notebooks, capsys):
    folder, solution, _ = notebooks
    before = {p.name: _digest(p) for p in folder.iterdir()}
    assert main(["check", str(solution)]) == 0
    out = capsys.readouterr().out
    assert "11 of 11 exercises pass; score 11.00 of 11" in out
    assert {p.name: _digest(p) for p in folder.iterdir()} == before  # nothing written next to it
    assert main(["check", "--json", str(solution)]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert [item["score"] for item in report["exercises"]] == [1.0] * 11


def test_check_on_the_student_notebook_exits_non_zero_with_json(notebooks, capsys):
    _, _, student = notebooks
    before = _digest(student)
    assert main(["check", "--json", str(student)]) == 1
    (report,) = json.loads(capsys.readouterr().out)
    assert report["passed"] is False and report["problems"] == []
    assert len(report["exercises"]) == 11
    assert {item["status"] for item in report["exercises"]} == {"not done"}
    assert {item["score"] for item in report["exercises"]} == {0.0}
    assert _digest(student) == before


def test_a_planted_mistake_is_diagnosed_through_the_notebook(tmp_path):
    notebook = _replace_in_code(
        build_notebook(student=False), "return (y_hat - y) * x_i", "return (y - y_hat) * x_i"
    )
    notebook = _replace_in_code(
        notebook, "    e = np.exp(z)", "    import math\n    e = math.exp(z)"
    )
    notebook = _replace_in_code(notebook, "inv(X.T @ X)", "inv(X.T * X)")
    report = grade_notebook(_write(notebook, tmp_path / "sign.ipynb"))
    by_name = {result.exercise: result for result in report.results}
    # an exception in the kernel is told with the learner's line, read there
    assert "at `e = math.exp(z)`" in by_name["1.4 softmax"].message
    assert by_name["1.2 gradient"].status == "failed"
    assert "`y - y_hat` subtracts the other way round" in by_name["1.2 gradient"].message
    # the one change that makes it pass is found in the kernel: `*` where `@` belongs
    normal = by_name["1.1 normal equation"].message
    assert "at `return np.linalg.inv(X.T * X) @ X.T @ y`" in normal
    assert "`X.T * X` multiplies entry by entry" in normal
    assert by_name["1.2 Iris questions"].passed and not report.passed
    # the step calls that gradient: the one change is found inside it (the learner's answer
    # to 1.2 gradient, which fails its own check), in the kernel, and the step (which does
    # subtract) is not blamed
    step = by_name["1.2 SGD update"].message
    assert step.startswith("`y - y_hat` subtracts the other way round"), step
    assert "uphill" not in step and "adds where" not in step


def test_check_json_carries_scores_and_properties(tmp_path, capsys):
    # a flipped sign keeps every property of the gradient but its value; zeros keep those too,
    # so they earn no credit
    notebook = _replace_in_code(
        build_notebook(student=False), "return (y_hat - y) * x_i", "return (y - y_hat) * x_i"
    )
    path = _write(notebook, tmp_path / "sign.ipynb")
    assert main(["check", "--json", str(path)]) == 1
    (report,) = json.loads(capsys.readouterr().out)
    by_name = {item["exercise"]: item for item in report["exercises"]}
    gradient = by_name["1.2 gradient"]
    held = [p["held"] for p in gradient["properties"]]
    assert sum(held) == len(held) - 1 and gradient["score"] == 0
    assert all(set(p) == {"name", "held", "detail"} for p in gradient["properties"])
    assert any(not p["held"] and "sign" in p["detail"] for p in gradient["properties"])
    assert by_name["1.1 normal equation"]["score"] == 1.0
    assert gradient["hint"] == 'check.hint("1.2 gradient")'


def test_an_endless_loop_is_stopped_at_the_timeout(tmp_path, capsys):
    notebook = _replace_in_code(
        build_notebook(student=False),
        "check.exercise_1_2_gradient(calc_gradient)",
        "while True:\n    pass",
    )
    path = _write(notebook, tmp_path / "loop.ipynb")
    before = _digest(path)
    start = time.monotonic()
    assert main(["check", "--timeout", "3", str(path)]) == 1
    assert time.monotonic() - start < 90
    out = capsys.readouterr().out
    assert "stopped after 3 s" in out
    # the loop sat in a cell of its own: every exercise is still checked, but the run fails
    assert "11 of 11 exercises pass, but not every cell ran" in out
    assert _digest(path) == before


def test_a_notebook_that_crashes_halfway_gets_a_verdict_for_what_it_reached(tmp_path):
    notebook = _replace_in_code(
        build_notebook(student=False),
        "def sgd_step(w, x_i, y_i, learning_rate):",
        "raise RuntimeError('boom')\n\n\ndef sgd_step(w, x_i, y_i, learning_rate):",
    )
    report = grade_notebook(_write(notebook, tmp_path / "crash.ipynb"))
    by_name = {result.exercise: result for result in report.results}
    assert by_name["1.2 SGD update"].status == "not reached"
    assert "sgd_step is not defined" in by_name["1.2 SGD update"].message
    assert by_name["1.2 forward pass"].passed and by_name["1.4 softmax"].passed
    assert any("RuntimeError: boom" in problem for problem in report.problems)


def test_a_check_that_loops_forever_is_stopped(tmp_path):
    notebook = _replace_in_code(
        build_notebook(student=False),
        "    return (y_hat - y) * x_i",
        "    if np.ndim(y_hat) == 0:  # only when the check calls it with a plain number\n"
        "        while True:\n            pass\n    return (y_hat - y) * x_i",
    )
    report = grade_notebook(
        _write(notebook, tmp_path / "slow.ipynb"), timeout=3, check_time_limit=2
    )
    by_name = {result.exercise: result for result in report.results}
    assert by_name["1.2 gradient"].status == "error"
    assert "longer than 2 s" in by_name["1.2 gradient"].message
    assert any(
        "stopped after 3 s" in problem for problem in report.problems
    )  # the notebook's own check cell
    assert by_name["1.4 softmax"].passed


def test_missing_notebook_is_refused(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.ipynb")]) == 2
    assert "no notebook" in capsys.readouterr().err
