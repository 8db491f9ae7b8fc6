"""Hostile notebooks: the verdicts are computed in the grader's process, out of their reach.

Each attack is added to the same notebook with three planted mistakes; graded, it must not
gain a single exercise over the notebook without the attack, and neither the submission nor
the grader's own files may change.
"""

import hashlib
import json
import os
import socket
import tempfile
from pathlib import Path

import nbformat
import pytest

import dlcourse
from dlcourse.lessons.lesson1.units import EXERCISES
from dlcourse.teaching.class_grading import grade_class
from dlcourse.teaching.grading import grade_notebook
from dlcourse.teaching.limits import PROCESS_LIMIT
from dlcourse.teaching.notebooks import build_notebook
from dlcourse.teaching.sandbox import sandbox_available

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_client")

MISTAKES = {  # three wrong answers, so that an attack has something to gain
    "return (y_hat - y) * x_i": "return (y - y_hat) * x_i",
    "    return np.outer(x_i, y_hat - y)": "    return np.outer(x_i, y - y_hat)",
    "    return softmax(x_i @ W)": "    return x_i @ W",
}

ATTACKS = {
    "numpy's comparisons patched": (
        "import numpy as np\n"
        "np.allclose = lambda *a, **k: True\n"
        "np.isclose = lambda *a, **k: np.ones(np.broadcast(*a[:2]).shape, bool)\n"
        "np.array_equal = lambda *a, **k: True\n"
        "np.testing.assert_allclose = lambda *a, **k: None\n"
    ),
    "the checks and the grader patched": (
        "import dlcourse.teaching.verdicts as v, dlcourse.teaching.grading as g\n"
        "import dlcourse.lessons.lesson1.check as c, dlcourse.teaching.diagnosis as d\n"
        "v.judge = lambda exercise, *a, **k: v.CheckResult(exercise, 'passed', 'ok', 1.0)\n"
        "d.compare = lambda *a, **k: None\n"
        "g.check_remotely = lambda *a, **k: []\n"
        "for name in list(vars(c)):\n"
        "    if name.startswith('exercise_'):\n"
        "        setattr(c, name, lambda *a, **k: v.CheckResult('x', 'passed', 'ok', 1.0))\n"
    ),
    "a fake grade record printed": (
        "print('DLCOURSE-GRADES ' + '[]')\n"
        'print(\'\\x1e__dlcourse_reply__{"nonce": "0", "result": {}}\')\n'
        "from IPython.display import publish_display_data\n"
        "publish_display_data({'application/vnd.dlcourse.reply+json': {'nonce': '0'}})\n"
    ),
}

FRAME_WALKER = (
    "def calc_gradient(y, y_hat, x_i):\n"
    "    import inspect\n"
    "    for info in inspect.stack():  # look for the checker's expected answer\n"
    "        for value in list(info.frame.f_locals.values()):\n"
    "            if isinstance(value, np.ndarray) and value.shape == np.shape(x_i) and "
    "value is not x_i:\n"
    "                return value\n"
    "    return (y - y_hat) * x_i\n"
)

EXERCISE_IDS = [exercise.id for exercise in EXERCISES]


def _notebook(attack=None, replace=()):
    notebook = build_notebook(student=False)
    for old, new in [*MISTAKES.items(), *replace]:
        cells = [c for c in notebook.cells if c.cell_type == "code" and old in c.source]
        assert len(cells) == 1, old
        cells[0].source = cells[0].source.replace(old, new)
    first_code = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    for cell in reversed([attack] if isinstance(attack, str) else attack or []):
        notebook.cells.insert(first_code + 1, nbformat.v4.new_code_cell(cell))
    return notebook


def _package_digest():
    root = Path(dlcourse.__file__).parent
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(root.rglob("*.py")))).hexdigest()


def _passed(notebook, path, **options):
    nbformat.write(notebook, path)
    before = path.read_bytes()
    report = grade_notebook(path, **options)
    assert path.read_bytes() == before  # the submission is only read
    return {r.exercise for r in report.results if r.passed}, report


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    passed, _ = _passed(_notebook(), tmp_path_factory.mktemp("base") / "plain.ipynb")
    assert {"1.2 gradient", "1.4 gradient", "1.4 forward pass"}.isdisjoint(passed)
    assert {"1.1 normal equation", "1.2 binary cross-entropy", "1.4 softmax"} <= passed
    return passed


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_an_attack_in_the_notebook_gains_nothing(attack, baseline, tmp_path):
    package = _package_digest()
    passed, _ = _passed(_notebook(ATTACKS[attack]), tmp_path / "attack.ipynb")
    assert passed <= baseline
    assert _package_digest() == package  # the grader's own code is untouched


def test_a_learners_name_that_shadows_a_builtin_changes_no_verdict(baseline, tmp_path):
    # the grader's own cell runs among the learner's names: it must look none of them up
    shadows = "def compile(model, lr=0.1):\n    return model\n\nexec = globals = print\n"
    passed, report = _passed(_notebook(shadows), tmp_path / "shadows.ipynb")
    assert passed == baseline, [r.message for r in report.results if not r.passed]


def test_walking_up_the_callers_frames_finds_no_answer(baseline, tmp_path):
    replace = [
        ("def calc_gradient(y, y_hat, x_i):\n", FRAME_WALKER + "\n\ndef _unused(y, y_hat, x_i):\n")
    ]
    # walking the stack on every call makes the notebook's own training loop crawl: stop it soon
    passed, _ = _passed(_notebook(replace=replace), tmp_path / "frames.ipynb", timeout=10)
    assert passed <= baseline and "1.2 gradient" not in passed


def test_answering_with_the_librarys_own_functions_is_reported(baseline, tmp_path):
    # the wrong forward pass replaced by dlcourse's own softmax of x W
    replace = [
        (
            "    return x_i @ W",
            "    from dlcourse.activations import softmax as ours\n    return ours(x_i @ W)",
        )
    ]
    passed, report = _passed(_notebook(replace=replace), tmp_path / "library.ipynb")
    result = {r.exercise: r for r in report.results}["1.4 forward pass"]
    assert result.status == "failed" and result.score == 0
    assert "dlcourse's own implementation" in result.message
    assert "dlcourse.activations.softmax" in result.message
    assert passed <= baseline


# ------------------------------------------------------------------------- the limits

LIMITS = {
    "a memory hog": (
        "import numpy as np\ntry:\n    hog = np.ones(3 * 2**30 // 8)\nfinally:\n    pass\n",
        "memory limit of 2048 MB was hit",
    ),
    "100 MB of output": (
        "for _ in range(100):\n    print('x' * 2**20)\n",
        "output limit of 10 MB was hit",
    ),
    "sys.exit halfway": ("import sys\nsys.exit(3)\n", "SystemExit"),
}


@pytest.mark.parametrize("limit", list(LIMITS))
def test_a_limit_hit_is_named_and_the_rest_is_graded(limit, baseline, tmp_path):
    code, words = LIMITS[limit]
    package = _package_digest()
    passed, report = _passed(_notebook(code), tmp_path / "limit.ipynb")
    assert any(words in problem for problem in report.problems), report.problems
    assert passed == baseline  # the attack cell failed alone; everything else was graded
    assert _package_digest() == package


def test_os_exit_halfway_is_a_dead_kernel_not_a_pass(tmp_path):
    passed, report = _passed(_notebook("import os\nos._exit(0)\n"), tmp_path / "exit.ipynb")
    assert passed == set()
    assert {r.status for r in report.results} == {"not reached"}
    assert "the kernel died" in report.problems[0]


def test_a_kernel_that_dies_while_checked_keeps_the_verdicts_before_it(tmp_path):
    # the gradient ends its kernel only when the grader calls it (the notebook's own check
    # calls it directly, from the notebook's cell)
    dies = (
        "def calc_gradient(y, y_hat, x_i):\n"
        "    import os, sys\n"
        "    if sys._getframe(1).f_code.co_filename == '<dlcourse kernel side>':\n"
        "        os._exit(1)\n"
        "    return (y_hat - y) * x_i\n"
    )
    notebook = build_notebook(student=False)
    (cell,) = [c for c in notebook.cells if "def calc_gradient(y, y_hat, x_i):" in c.source]
    cell.source = cell.source.replace(
        "def calc_gradient(y, y_hat, x_i):", dies + "\n\ndef _old(y, y_hat, x_i):"
    )
    _, report = _passed(notebook, tmp_path / "dies.ipynb")
    by_name = {r.exercise: r for r in report.results}
    assert by_name["1.1 normal equation"].passed and by_name["1.2 binary cross-entropy"].passed
    assert by_name["1.2 gradient"].status == "error" and "died" in by_name["1.2 gradient"].message
    assert by_name["1.4 softmax"].status == "not reached"
    assert list(by_name) == EXERCISE_IDS  # every exercise has its verdict, in order


# ------------------------------------------------------------------ the sandbox (bubblewrap)

needs_sandbox = pytest.mark.skipif(
    not sandbox_available(),
    reason="bubblewrap (bwrap) is not installed or may not make namespaces here; "
    "`make test` installs it where it can (root with apt-get)",
)


@pytest.mark.skipif(
    not sandbox_available() and os.geteuid() == 0,
    reason="root is not bound by the process limit outside bubblewrap's user namespace",
)
def test_a_process_bomb_hits_the_process_limit(baseline, tmp_path):
    bomb = (
        "import subprocess\n"
        f"children = [subprocess.Popen(['sleep', '61.25']) for _ in range({2 * PROCESS_LIMIT})]\n"
    )
    passed, report = _passed(_notebook(bomb), tmp_path / "bomb.ipynb")
    assert any("process limit" in problem for problem in report.problems), report.problems
    assert passed == baseline
    if sandbox_available():  # its process namespace ended with the kernel: no orphan is left
        left = [p for p in Path("/proc").glob("[0-9]*/cmdline") if b"61.25" in _read(p)]
        assert left == []


def _read(path):
    try:
        return path.read_bytes()
    except OSError:  # the process ended meanwhile
        return b""


@needs_sandbox
def test_files_outside_the_working_folder_are_out_of_reach(baseline, tmp_path):
    grader_file = tmp_path / "grades" / "grades.json"
    grader_file.parent.mkdir()
    grader_file.write_text("{}")
    neighbour = tmp_path / "class" / "neighbour.ipynb"
    neighbour.parent.mkdir()
    nbformat.write(build_notebook(student=False), neighbour)
    own = tmp_path / "class" / "writer.ipynb"
    planted = [  # new files where the grader's code and its user's files live
        Path(dlcourse.__file__).parent / "_planted_by_a_learner.py",
        Path.home() / ".planted_by_a_learner",
    ]
    targets = [own, grader_file, neighbour, *planted]
    writer = "import pathlib\n" + "".join(
        f"try:\n    pathlib.Path({str(t)!r}).write_text('x')\nexcept OSError:\n    pass\n"
        for t in targets
    )
    writer += "pathlib.Path('mine.txt').write_text('its own folder is writable')\n"
    reader = f"print(open({str(neighbour)!r}).read())\n"  # the class is hidden from it
    nbformat.write(_notebook([reader, writer]), own)
    before = {t: t.read_bytes() for t in targets if t.exists()}
    work_folders = set(Path(tempfile.gettempdir()).glob("dlcourse-run-*"))
    try:
        report = grade_notebook(own, hidden=(grader_file.parent,))
        assert {t: t.read_bytes() for t in targets if t.exists()} == before
    finally:
        for path in planted:
            path.unlink(missing_ok=True)
    assert any("FileNotFoundError" in problem for problem in report.problems), report.problems
    assert {r.exercise for r in report.results if r.passed} == baseline
    assert set(Path(tempfile.gettempdir()).glob("dlcourse-run-*")) == work_folders  # deleted


@needs_sandbox
def test_the_kernel_has_no_network(baseline, tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        caller = (
            "import socket\n"
            f"socket.create_connection(('127.0.0.1', {port}), timeout=2).sendall(b'grade: 1')\n"
        )
        passed, report = _passed(_notebook(caller), tmp_path / "network.ipynb")
        server.settimeout(0.5)
        with pytest.raises(TimeoutError):
            server.accept()  # nobody called
    assert any("Error" in problem for problem in report.problems), report.problems
    assert passed == baseline


@needs_sandbox
def test_an_attacker_in_the_class_leaves_the_others_grades_unchanged(tmp_path):
    alone = tmp_path / "alone"
    classroom = tmp_path / "class"
    for folder in (alone, classroom):
        folder.mkdir()
        nbformat.write(_notebook(), folder / "honest.ipynb")
    attack = (
        "import pathlib\n"
        f"for p in pathlib.Path({str(tmp_path)!r}).rglob('*'):\n"
        "    try:\n        p.write_text('{}')\n    except OSError:\n        pass\n"
    )
    nbformat.write(_notebook(attack), classroom / "attacker.ipynb")
    submitted = (classroom / "honest.ipynb").read_bytes()
    grade_class([alone], tmp_path / "alone-grades", jobs=1, progress=False)
    grade_class([classroom], tmp_path / "grades", jobs=2, progress=False)
    rows = (tmp_path / "grades" / "grades.csv").read_text().splitlines()
    (honest,) = [row for row in rows if "honest" in row]
    expected = (tmp_path / "alone-grades" / "grades.csv").read_text().splitlines()[1]
    assert honest.split(",")[1:] == expected.split(",")[1:]
    assert (classroom / "honest.ipynb").read_bytes() == submitted


@needs_sandbox
def test_dlcourse_check_hides_every_given_notebook_from_each_kernel(capsys):
    from dlcourse.cli import main

    if not os.access("/var/tmp", os.W_OK):
        pytest.skip("needs a writable folder outside /tmp and home (/var/tmp), both hidden anyway")
    with tempfile.TemporaryDirectory(dir="/var/tmp") as folder:
        root = Path(folder)
        (root / "a").mkdir()
        (root / "b").mkdir()
        other = root / "b" / "other.ipynb"
        nbformat.write(build_notebook(student=False), other)
        reader = f"print(open({str(other)!r}).read()[:20])\n"
        nbformat.write(_notebook(reader), root / "a" / "reader.ipynb")
        main(["check", "--json", str(root / "a" / "reader.ipynb"), str(other)])
    records = {Path(r["notebook"]).name: r for r in json.loads(capsys.readouterr().out)}
    # hidden, or not even reachable by the kernel's own user
    unread = ("FileNotFoundError", "PermissionError")
    assert any(e in p for p in records["reader.ipynb"]["problems"] for e in unread)
    assert records["other.ipynb"]["passed"]


def test_outputs_saved_in_the_file_are_never_taken_for_the_grader_s(baseline, tmp_path):
    forged = nbformat.v4.new_output(
        "error", ename="MemoryError", evalue="FORGED: the memory limit was hit", traceback=[]
    )
    notebook = _notebook()
    for source in ("", "# a comment, never run"):  # cells nbclient does not execute
        cell = nbformat.v4.new_code_cell(source)
        cell.outputs, cell.execution_count = [forged], 7
        notebook.cells.insert(2, cell)
    passed, report = _passed(notebook, tmp_path / "forged.ipynb")
    assert passed == baseline
    assert not any("FORGED" in problem or "memory" in problem for problem in report.problems)
