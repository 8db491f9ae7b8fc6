import os

# scikit-learn's array API dispatch needs SciPy's array API mode, chosen before SciPy is
# first imported (here, before any test module imports it).
os.environ.setdefault("SCIPY_ARRAY_API", "1")

import numpy as np
import pytest


@pytest.fixture
def rng():
    return np.random.default_rng(12345)


def relative_error(a, b):
    """Relative error between an analytic and a numerical derivative, robust near zero."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


def numerical_gradient(f, x, h=1e-6):
    """Central finite differences of a scalar function f at x (any shape)."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        grad[idx] = (f(x + e) - f(x - e)) / (2 * h)
    return grad


@pytest.fixture(scope="session")
def lesson1_output(tmp_path_factory):
    """One full ``dlcourse lesson1 --seed 3`` run, shared by the tests that read its files."""
    from dlcourse.cli import main

    out = tmp_path_factory.mktemp("lesson1")
    status = main(["lesson1", "--out", str(out), "--seed", "3", "--quiet"])
    return status, out
