"""Only regular files are read from a submissions folder; everything else gets a line."""

import os
import signal

import nbformat
import pytest

from dlcourse.teaching.submissions import (
    NOTEBOOK_LIMIT_MB,
    NotGradable,
    find_submissions,
    read_submission,
)


@pytest.fixture
def folder(tmp_path):
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "honest.ipynb")
    return tmp_path


@pytest.fixture(autouse=True)
def _no_hang():
    """A read that blocks (a FIFO) fails the test instead of hanging the suite."""

    def _timeout(*_):
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_regular_notebook_is_read(folder):
    assert read_submission(folder / "honest.ipynb").notebook.nbformat == 4


@pytest.mark.parametrize(
    ("plant", "said"),
    [
        (lambda p, f: os.mkfifo(p), r"not a regular file \(a FIFO\)"),
        (lambda p, f: os.symlink("/dev/zero", p), "a symbolic link"),
        (lambda p, f: os.symlink(f / "honest.ipynb", p), "a symbolic link"),
        (lambda p, f: os.symlink("/etc/shadow", p), "a symbolic link"),
        (lambda p, f: os.truncate(p.touch() or p, (NOTEBOOK_LIMIT_MB + 1) * 2**20), "larger than"),
        (lambda p, f: p.write_text('{"cells": [}'), "not a readable notebook"),
    ],
    ids=["fifo", "link to /dev/zero", "link to a neighbour", "link to /etc/shadow", "huge", "json"],
)
def test_anything_else_is_refused_with_its_reason(folder, plant, said):
    path = folder / "x.ipynb"
    plant(path, folder)
    with pytest.raises(NotGradable, match=said):
        read_submission(path)
    found = find_submissions([folder])
    if os.path.islink(path) or not path.is_file():
        assert path not in found.notebooks
        assert any(line.startswith(str(path)) for line in found.problems)


def test_a_linked_folder_inside_the_submissions_is_not_followed(folder, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    nbformat.write(nbformat.v4.new_notebook(), elsewhere / "secret.ipynb")
    os.symlink(elsewhere, folder / "linked")
    found = find_submissions([folder])
    assert found.notebooks == [folder / "honest.ipynb"]
    assert any("not followed" in line for line in found.problems)
