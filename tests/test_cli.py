"""The command line: ``dlcourse lesson1`` and ``python -m dlcourse``."""

import base64
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from sklearn import datasets

from dlcourse.cli import main

FIGURES = [
    "exercise_1_1_regression",
    "sigmoid",
    "exercise_1_2_loss",
    "exercise_1_3_learning_rates",
    "exercise_1_4_loss",
    "beyond_seeds",
    "beyond_generalisation",
    "beyond_capacity",
    "beyond_optimisers",
    "beyond_learning_rates",
    "beyond_digits_confusion",
    "beyond_digits_weights",
    "beyond_digits_wrong",
    "beyond_boundaries",
]
SECTIONS = [
    "linear-regression",
    "sigmoid",
    "logistic-regression",
    "learning-rates",
    "softmax-regression",
    "beyond-seeds",
    "beyond-generalisation",
    "beyond-capacity",
    "beyond-optimisers",
    "beyond-learning-rates",
    "beyond-digits",
    "beyond-boundaries",
    "beyond-animation",
    "reproduce",
]


@pytest.fixture(scope="module")
def lesson_run(lesson1_output):
    return lesson1_output


def test_lesson1_exits_zero_and_writes_every_file(lesson_run):
    status, out = lesson_run
    assert status == 0
    expected = {"results.json", "report.html", "beyond_animation.gif", ".figures.json"}
    expected |= {f"{name}.png" for name in FIGURES}
    assert {p.name for p in out.iterdir()} == expected
    for name in [*FIGURES, "beyond_animation"]:
        with Image.open(next(out.glob(f"{name}.*"))) as image:
            image.verify()


def test_results_json_holds_the_lessons_answers(lesson_run):
    _, out = lesson_run
    r = json.loads((out / "results.json").read_text())
    assert r["seed"] == 3
    np.testing.assert_allclose(r["exercise_1_1"]["w_predicted"], [0.5, 1.0], atol=1e-10)
    iris = datasets.load_iris()
    assert r["exercise_1_2"]["n_datapoints"] == iris.data.shape[0] == 150
    assert r["exercise_1_2"]["n_weights_without_bias"] == iris.data.shape[1] == 4
    assert len(r["exercise_1_2"]["loss_history"]) == 20
    assert r["exercise_1_2"]["accuracy"] == 1.0
    assert r["exercise_1_3"]["learning_rates"] == [0.1, 0.01, 0.001, 0.0001]
    assert r["exercise_1_3"]["accuracy_percent"][:2] == [100.0, 100.0]
    assert len(r["exercise_1_4"]["loss_history"]) == 100
    assert r["exercise_1_4"]["final_loss"] < 0.15
    assert set(r["beyond"]) == {
        "seeds",
        "generalisation",
        "capacity",
        "optimisers",
        "learning-rates",
        "digits",
        "boundaries",
        "animation",
    }
    assert r["beyond"]["seeds"]["both"]["seeds"] == list(range(3, 23))  # follows --seed


def test_report_is_self_contained_with_every_section(lesson_run):
    _, out = lesson_run
    html = (out / "report.html").read_text()
    for anchor in [
        "linear-regression",
        "sigmoid",
        "logistic-regression",
        "learning-rates",
        "softmax-regression",
        "reproduce",
    ]:
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert len(images) == len(FIGURES)
    for data in images:
        with Image.open(io.BytesIO(base64.b64decode(data))) as image:
            image.verify()
    assert "http://" not in html and "https://" not in html  # nothing to fetch


def test_summary_is_printed(tmp_path, capsys):
    assert main(["lesson1", "--out", str(tmp_path), "--quiet", "--exercises-only"]) == 0
    printed = capsys.readouterr().out
    assert "Exercise 1.1" in printed and "Exercise 1.4" in printed
    assert "how many data points?            150" in printed
    assert re.search(r"0\.0001\s+\d+\.\d%", printed)


def test_same_seed_same_numbers(tmp_path, lesson_run):
    _, out = lesson_run
    assert main(["lesson1", "--out", str(tmp_path), "--seed", "3", "--quiet"]) == 0
    assert (tmp_path / "results.json").read_text() == (out / "results.json").read_text()


@pytest.mark.parametrize(
    ("name", "files"),
    [
        ("learning-rates", ["learning-rates.json", "beyond_learning_rates.png"]),
        ("animation", ["animation.json", "beyond_animation.gif"]),
    ],
)
def test_experiment_command_writes_its_data_and_figures(name, files, tmp_path, capsys):
    assert main(["experiment", name, "--out", str(tmp_path), "--seed", "1"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)
    data = json.loads((tmp_path / files[0]).read_text())
    assert data  # the experiment's own numbers
    printed = capsys.readouterr().out
    assert "(seed 1)" in printed


def test_experiment_command_lists_the_experiments(capsys):
    with pytest.raises(SystemExit):
        main(["experiment", "--help"])
    assert "digits" in capsys.readouterr().out


def test_bad_seed_is_refused(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["lesson1", "--seed", "-2"])
    assert exit_info.value.code == 2
    assert "non-negative" in capsys.readouterr().err


def test_python_dash_m_help_lists_the_commands():
    result = subprocess.run(
        [sys.executable, "-m", "dlcourse", "--help"], capture_output=True, text=True, check=True
    )
    assert "lesson1" in result.stdout


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "dlcourse"  # installed beside the interpreter
    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=True)
    assert "lesson1" in result.stdout and "run every exercise" in result.stdout
    missing = subprocess.run([script, "check", "no-such.ipynb"], capture_output=True, text=True)
    assert missing.returncode == 2 and "no notebook at no-such.ipynb" in missing.stderr
