"""The lesson's notebooks: generated from one source, and both run end to end."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from dlcourse.cli import main
from dlcourse.teaching.notebooks import build_notebook

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_client")


def _code(notebook):
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")


def test_solution_and_student_versions_differ_only_in_the_solutions():
    solution, student = build_notebook(student=False), build_notebook(student=True)
    assert len(solution.cells) == len(student.cells)
    assert "np.linalg.inv(X.T @ X) @ X.T @ y" in _code(solution)
    assert "np.linalg.inv" not in _code(student)
    assert "not_done(" not in _code(solution) and "not_done(" in _code(student)
    assert _code(student).count("# TODO: write your code here") == 11
    for notebook in (solution, student):
        text = json.dumps(notebook)
        assert "BEGIN SOLUTION" not in text and "STUB:" not in text
        nbformat.validate(notebook)
        assert notebook.metadata.kernelspec.name == "python3"
        assert notebook.metadata.dlcourse.lesson == "lesson1"


def test_notebook_command_writes_both_versions(tmp_path, capsys):
    assert main(["notebook", "--student", "--out", str(tmp_path)]) == 0
    assert main(["notebook", "--solution", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["lesson1_solution.ipynb", "lesson1_student.ipynb"]
    assert (
        nbformat.read(tmp_path / "lesson1_student.ipynb", as_version=4).metadata.dlcourse.version
        == "student"
    )


def _execute(notebook, tmp_path):
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    outputs = [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    stdout = "".join(o.get("text", "") for o in outputs if o.get("name") == "stdout")
    # the checks show their verdicts as display data: an HTML block, with plain text beside it
    shown = [o.data for o in outputs if o.output_type == "display_data" and "text/html" in o.data]
    verdicts = [d["text/plain"] for d in shown if "Exercise " in d["text/html"]]
    return outputs, stdout + "\n".join(verdicts)


def test_solution_notebook_runs_clean_and_passes_every_check(tmp_path):
    outputs, stdout = _execute(build_notebook(student=False), tmp_path)
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"], "warnings were printed"
    verdicts = [line for line in stdout.splitlines() if "Exercise " in line]
    assert len(verdicts) == 11 and all(line.startswith("✅") for line in verdicts), verdicts
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 5  # video fallback, regression, sigmoid and both loss curves
    assert "Could not download the video" in stdout or "Saved" in stdout


def test_student_notebook_runs_and_every_check_says_not_done(tmp_path):
    outputs, stdout = _execute(build_notebook(student=True), tmp_path)
    assert not [o for o in outputs if o.output_type == "error"]
    verdicts = [line for line in stdout.splitlines() if "Exercise " in line]
    assert len(verdicts) == 11
    assert all(line.startswith("📝") and "not done yet" in line for line in verdicts), verdicts
