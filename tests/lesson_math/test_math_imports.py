"""The lesson's math imports no engine: engines import the math, never the other way round."""

import ast
from pathlib import Path

import pytest

import dlcourse

PACKAGE = Path(dlcourse.__file__).parent
MATH_MODULES = [
    "training.py",
    "normal_equation.py",
    "data.py",
    "metrics.py",
    "losses.py",
    "activations.py",
    "validation.py",
    "array_namespace.py",
]


def engine_imports(source: str) -> list[str]:
    """Every import of ``dlcourse.engines`` (or a module in it) anywhere in the source, as
    written: at the top, inside a function, ``import`` or ``from ... import``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found += [name for name in names if name.split(".")[:2] == ["dlcourse", "engines"]]
    return found


def test_engine_imports_are_found_wherever_they_are():
    # the check itself, on planted imports of every form
    assert engine_imports("import numpy as np\nfrom dlcourse.losses import x\n") == []
    assert engine_imports("import dlcourse.engines.compiled") == ["dlcourse.engines.compiled"]
    assert engine_imports("from dlcourse import engines") == ["dlcourse.engines"]
    assert engine_imports("def f():\n    from dlcourse.engines.gram import gram\n") == [
        "dlcourse.engines.gram",
        "dlcourse.engines.gram.gram",
    ]


@pytest.mark.parametrize("module", MATH_MODULES)
def test_math_module_imports_no_engine(module):
    assert engine_imports((PACKAGE / module).read_text()) == []
