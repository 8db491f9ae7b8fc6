"""The learner's notebooks are never overwritten: `dlcourse notebook`, `dlcourse start`."""

import json
import os
import re
import sys
import urllib.request

import nbformat
import pytest
from lab_server import dlcourse_start

from dlcourse.cli import main
from dlcourse.teaching import lab
from dlcourse.teaching.notebooks import build_notebook
from dlcourse.teaching.workspace import prepare

EDIT = "\n# my own note, added by hand\n"


def _edited(path):
    """The notebook at ``path`` with a learner's edit in its first code cell; its bytes."""
    notebook = nbformat.read(path, as_version=4)
    next(c for c in notebook.cells if c.cell_type == "code").source += EDIT
    nbformat.write(notebook, path)
    return path.read_bytes()


def test_notebook_refuses_to_overwrite_and_names_the_file(tmp_path, capsys):
    assert main(["notebook", "--student", "--out", str(tmp_path)]) == 0
    path = tmp_path / "lesson1_student.ipynb"
    before = _edited(path)
    assert main(["notebook", "--student", "--out", str(tmp_path)]) == 2
    assert path.read_bytes() == before
    error = capsys.readouterr().err
    assert str(path) in error and "--force" in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson1_student.ipynb"]


def test_force_keeps_the_old_notebook_as_a_dated_backup(tmp_path, capsys):
    main(["notebook", "--student", "--out", str(tmp_path)])
    path = tmp_path / "lesson1_student.ipynb"
    before = _edited(path)
    assert main(["notebook", "--student", "--out", str(tmp_path), "--force"]) == 0
    assert main(["notebook", "--student", "--out", str(tmp_path), "--force"]) == 0
    backups = sorted(tmp_path.glob("lesson1_student.backup-*.ipynb"))
    assert len(backups) == 2  # two replacements, two backups: nothing was lost
    assert all(
        re.fullmatch(r"lesson1_student\.backup-\d{8}-\d{6}(-\d+)?\.ipynb", b.name) for b in backups
    )
    assert before in [b.read_bytes() for b in backups]
    assert EDIT not in path.read_text()  # the new notebook is the lesson's own
    assert "backup-" in capsys.readouterr().out


def test_prepare_writes_a_missing_notebook_then_leaves_it_alone(tmp_path):
    first = prepare(tmp_path / "work")
    assert first.path.name == "lesson1_student.ipynb" and "Wrote" in first.messages[0]
    before = _edited(first.path)
    again = prepare(tmp_path / "work")
    assert again.path == first.path and first.path.read_bytes() == before
    assert "opened as it is" in again.messages[0] and len(again.messages) == 1
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["lesson1_student.ipynb"]


def test_a_newer_lesson_is_written_beside_the_learners_notebook(tmp_path):
    path = prepare(tmp_path).path
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata["dlcourse"]["digest"] = "an-older-1"  # as an earlier version wrote it
    nbformat.write(notebook, path)
    before = _edited(path)
    prepared = prepare(tmp_path)
    assert prepared.path == path and path.read_bytes() == before
    (newer,) = tmp_path.glob("lesson1_student.v*.ipynb")
    assert str(newer) in prepared.messages[1]
    built = build_notebook(student=True)
    assert [c.source for c in nbformat.read(newer, as_version=4).cells] == [
        c.source for c in built.cells
    ]
    newer_edit = newer.read_bytes() + b"\n"
    newer.write_bytes(newer_edit)  # the learner may start on the newer one: kept too
    prepare(tmp_path)
    assert newer.read_bytes() == newer_edit and path.read_bytes() == before


def test_start_solution_prepares_the_solution_notebook(tmp_path):
    prepared = prepare(tmp_path, student=False)
    assert prepared.path.name == "lesson1_solution.ipynb"
    assert nbformat.read(prepared.path, as_version=4).metadata["dlcourse"]["version"] == "solution"


def test_the_lab_command_serves_the_folder_and_opens_the_notebook(tmp_path):
    command = lab.lab_command(tmp_path / "lesson1_student.ipynb", port=9999, open_browser=False)
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in command
    assert "--ServerApp.open_browser=False" in command and "--ServerApp.port=9999" in command
    assert "--LabApp.default_url=/lab/tree/lesson1_student.ipynb" in command
    assert ("--ServerApp.allow_root=True" in command) == (os.geteuid() == 0)


def test_start_without_jupyterlab_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(lab.importlib.util, "find_spec", lambda name: None)
    assert main(["start", "--no-browser", "--dir", str(tmp_path)]) == 2
    assert "pip install 'dlcourse[notebook]'" in capsys.readouterr().err
    assert (tmp_path / "lesson1_student.ipynb").exists()  # written all the same


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_start_serves_an_edited_notebook_without_changing_it(tmp_path):
    pytest.importorskip("jupyterlab", reason="JupyterLab is the notebook extra")
    main(["notebook", "--student", "--out", str(tmp_path)])
    path = tmp_path / "lesson1_student.ipynb"
    before = _edited(path)
    with dlcourse_start(tmp_path, "t", JUPYTER_RUNTIME_DIR=str(tmp_path / "rt")) as lab:
        url = f"{lab.url}/api/contents/lesson1_student.ipynb?token=t"
        with urllib.request.urlopen(url, timeout=10) as response:
            served = json.load(response)["content"]
    assert EDIT.strip() in json.dumps(served)  # the learner's notebook is what was opened
    assert path.read_bytes() == before
    assert "opened as it is" in lab.output
