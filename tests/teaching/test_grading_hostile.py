"""Hostile notebooks: the verdicts are computed in the grader's process, out of their reach.

Each attack is added to the same notebook with three planted mistakes; graded, it must not
gain a single exercise over the notebook without the attack, and neither the submission nor
the grader's own files may change.
"""

import hashlib
from pathlib import Path

import nbformat
import pytest

import dlcourse
from dlcourse.lessons.lesson1.check import EXERCISES
from dlcourse.teaching.grading import grade_notebook
from dlcourse.teaching.notebooks import build_notebook

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
        "g._check_remotely = lambda *a, **k: []\n"
        "for name in list(vars(c)):\n"
        "    if name.startswith('exercise_'):\n"
        "        setattr(c, name, lambda *a, **k: v.CheckResult('x', 'passed', 'ok', 1.0))\n"
    ),
    "a fake grade record printed": (
        "print('DLCOURSE-GRADES ' + '[]')\n"
        'print(\'\\x1e__dlcourse_reply__{"nonce": "0", "result": {}}\')\n'
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


def _notebook(attack=None, replace=()):
    notebook = build_notebook(student=False)
    for old, new in [*MISTAKES.items(), *replace]:
        cells = [c for c in notebook.cells if c.cell_type == "code" and old in c.source]
        assert len(cells) == 1, old
        cells[0].source = cells[0].source.replace(old, new)
    if attack:
        first_code = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
        notebook.cells.insert(first_code + 1, nbformat.v4.new_code_cell(attack))
    return notebook


def _package_digest():
    root = Path(dlcourse.__file__).parent
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(root.rglob("*.py")))).hexdigest()


def _passed(notebook, path):
    nbformat.write(notebook, path)
    before = path.read_bytes()
    report = grade_notebook(path)
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


def test_walking_up_the_callers_frames_finds_no_answer(baseline, tmp_path):
    replace = [
        ("def calc_gradient(y, y_hat, x_i):\n", FRAME_WALKER + "\n\ndef _unused(y, y_hat, x_i):\n")
    ]
    passed, _ = _passed(_notebook(replace=replace), tmp_path / "frames.ipynb")
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
    "a file written outside the working folder": (
        "import pathlib\npathlib.Path('/definitely/not/allowed.txt').write_text('x')\n",
        "FileNotFoundError",
    ),
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
        "    if '__dlcourse_helpers' in sys._getframe(1).f_code.co_qualname:\n"
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
    assert (
        by_name["1.2 gradient"].status == "error"
        and "kernel died" in by_name["1.2 gradient"].message
    )
    assert by_name["1.4 softmax"].status == "not reached"
    assert list(by_name) == list(EXERCISES)  # every exercise has its verdict, in order
