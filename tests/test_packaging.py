"""A package a course can hand out: the wheel in a fresh virtual environment, without numba,
runs both notebooks; the notebooks import only what the package depends on."""

import ast
import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from packaging.requirements import Requirement

from dlcourse.teaching.grading import grade_notebook
from dlcourse.teaching.notebooks import build_notebook

ROOT = Path(__file__).resolve().parents[1]


def _core_import_names() -> set[str]:
    """The top-level modules of the distributions dlcourse needs without any extra."""
    wanted = {
        Requirement(line).name.lower().replace("_", "-")
        for line in importlib.metadata.requires("dlcourse")
        if "extra ==" not in line
    }
    names = set()
    for module, distributions in importlib.metadata.packages_distributions().items():
        if any(d.lower().replace("_", "-") in wanted for d in distributions):
            names.add(module)
    return names


@pytest.mark.parametrize("student", [True, False], ids=["student", "solution"])
def test_the_notebooks_import_only_the_standard_library_and_the_core(student):
    allowed = _core_import_names() | set(sys.stdlib_module_names) | {"dlcourse"}
    imported = set()
    for cell in build_notebook(student=student).cells:
        if cell.cell_type != "code":
            continue
        code = "\n".join(line for line in cell.source.splitlines() if not line.startswith("%"))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    assert imported and imported <= allowed, imported - allowed
    assert "numba" not in allowed  # an extra, not the core


def test_the_first_cell_says_how_to_install_the_package():
    first = next(c for c in build_notebook(student=True).cells if c.cell_type == "code")
    line = first.source.splitlines()[0]
    assert line.startswith("#") and "%pip install" in line and "dlcourse" in line


def test_the_solution_notebook_passes_with_numba_blocked(tmp_path):
    notebook = build_notebook(student=False)
    blocker = "import sys\nsys.modules['numba'] = None  # as if numba were not installed"
    notebook.cells.insert(0, nbformat.v4.new_code_cell(blocker))
    probe = "import dlcourse.training as t, sys\nassert sys.modules['numba'] is None\n"
    notebook.cells.append(nbformat.v4.new_code_cell(probe))
    path = tmp_path / "no_numba.ipynb"
    nbformat.write(notebook, path)
    report = grade_notebook(path)
    assert report.problems == [] and report.passed, report.to_dict()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_wheel_in_a_fresh_environment_runs_both_notebooks(tmp_path):
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not run from a source tree: there is no wheel to build")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("dlcourse-*.whl")
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, str(wheel)], check=True, env=env, cwd=tmp_path)

    def run(*args):
        return subprocess.run(
            args, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
        )

    where = run(
        str(python),
        "-c",
        "import dlcourse, importlib.util as u; "
        "print(dlcourse.__file__); print(u.find_spec('numba'))",
    )
    location, numba = where.stdout.split()
    assert Path(location).is_relative_to(venv) and numba == "None"  # the wheel, pure NumPy
    dlcourse = str(venv / "bin" / "dlcourse")
    for version in ("--student", "--solution"):
        assert run(dlcourse, "notebook", version, "--out", "nb").returncode == 0
    solution = run(dlcourse, "check", "nb/lesson1_solution.ipynb", "--json")
    student = run(dlcourse, "check", "nb/lesson1_student.ipynb", "--json")
    assert solution.returncode == 0, solution.stdout + solution.stderr
    (record,) = json.loads(solution.stdout)
    assert record["passed"] and record["problems"] == []
    assert student.returncode == 1
    (record,) = json.loads(student.stdout)
    assert {e["status"] for e in record["exercises"]} == {"not done"}
    assert record["problems"] == []
