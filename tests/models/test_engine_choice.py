"""The estimators' one engine branch (``SGDClassifierBase._train``): which loop trains what."""

import numpy as np
import pytest
import sklearn

from dlcourse.data import load_iris_one_hot
from dlcourse.engines import compiled
from dlcourse.models import LogisticRegression, SoftmaxRegression, sgd_base

LOOPS = ["sgd", "compiled_sgd", "array_api_sgd", "full_batch_descent_chunked"]


@pytest.fixture
def used(monkeypatch):
    """The names of the loops called by the estimators during a test, in order."""
    calls = []
    for name in LOOPS:
        loop = getattr(sgd_base, name)

        def spy(*args, _loop=loop, _name=name, **kwargs):
            calls.append(_name)
            return _loop(*args, **kwargs)

        monkeypatch.setattr(sgd_base, name, spy)
    return calls


def iris():
    X, Y = load_iris_one_hot(bias=False)
    return X, Y.argmax(axis=1)


@pytest.mark.skipif(not compiled.AVAILABLE, reason="numba is not installed")
def test_numpy_data_go_to_the_compiled_loop(used):
    X, y = iris()
    SoftmaxRegression(epochs=2, random_state=0).fit(X, y)
    SoftmaxRegression(random_state=0).partial_fit(X, y, classes=[0, 1, 2])
    assert used == ["compiled_sgd", "compiled_sgd"]


def test_without_numba_the_lesson_loop_trains_to_the_same_weights(used, monkeypatch):
    X, y = iris()
    expected = SoftmaxRegression(0.1, 3, batch_size=16, random_state=0).fit(X, y).weights_
    monkeypatch.setattr(compiled, "AVAILABLE", False)
    W = SoftmaxRegression(0.1, 3, batch_size=16, random_state=0).fit(X, y).weights_
    assert used[-1] == "sgd"
    np.testing.assert_allclose(W, expected, rtol=1e-12, atol=1e-14)


def test_tensors_under_dispatch_go_to_the_array_api_loop(used):
    torch = pytest.importorskip("torch")
    X, y = iris()
    with sklearn.config_context(array_api_dispatch=True):
        LogisticRegression(epochs=2, random_state=0).fit(torch.asarray(X), torch.asarray(y > 0))
    with sklearn.config_context(array_api_dispatch=False):  # converted to NumPy first
        LogisticRegression(epochs=2, random_state=0).fit(torch.asarray(X), torch.asarray(y > 0))
    assert used[0] == "array_api_sgd" and used[1] in ("compiled_sgd", "sgd")


@pytest.mark.parametrize("numba", [True, False])
def test_dask_arrays_go_to_the_chunked_loop(used, monkeypatch, numba):
    da = pytest.importorskip("dask.array")
    if numba and not compiled.AVAILABLE:
        pytest.skip("numba is not installed")
    monkeypatch.setattr(compiled, "AVAILABLE", numba)
    X, y = iris()
    model = SoftmaxRegression(0.1, 4, batch_size=None, random_state=0)
    W = model.fit(da.from_array(X, chunks=(40, 4)), y).weights_
    expected = SoftmaxRegression(0.1, 4, batch_size=None, random_state=0).fit(X, y).weights_
    assert used[0] == "full_batch_descent_chunked"
    np.testing.assert_allclose(W, expected, rtol=1e-12, atol=1e-14)
