"""Dask arrays and partial_fit: chunked data give the in-memory answers."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.linalg import LinAlgWarning
from sklearn.datasets import load_digits

from dlcourse.models import LinearRegression, LogisticRegression, SoftmaxRegression

da = pytest.importorskip("dask.array")
dask = pytest.importorskip("dask")

UNEVEN = (1000, 3000, 7, 1, 5999)  # rows per chunk: 10,007 in all


@pytest.fixture(autouse=True)
def local_scheduler():
    with dask.config.set(scheduler="threads"):
        yield


def regression_data(m=None, offset=5.0):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((sum(UNEVEN), 7)) * 3 + offset  # far-off means: centring matters
    W = rng.standard_normal((7,) if m is None else (7, m))
    return X, X @ W + 2 + 0.1 * rng.standard_normal((len(X),) if m is None else (len(X), m))


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("m", [None, 3])
@pytest.mark.parametrize("y_as_dask", [True, False])
def test_linear_regression_on_dask_equals_in_memory(fit_intercept, m, y_as_dask):
    X, y = regression_data(m)
    X_d = da.from_array(X, chunks=(UNEVEN, (3, 4)))  # uneven rows, split columns
    y_d = da.from_array(y, chunks=2500) if y_as_dask else y
    expected = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
    model = LinearRegression(fit_intercept=fit_intercept).fit(X_d, y_d)
    np.testing.assert_allclose(model.weights_, expected.weights_, rtol=1e-10, atol=1e-10)
    assert model.n_features_in_ == 7
    prediction = model.predict(X_d)
    assert isinstance(prediction, da.Array)  # lazy: nothing gathered
    np.testing.assert_allclose(prediction.compute(), expected.predict(X), rtol=1e-10, atol=1e-10)


def test_chunk_merging_is_exact_for_a_closed_form():
    # Two chunks whose moments are known by hand: x = [0, 2] and [4, 6, 8], y = 2x + 1
    X = np.array([[0.0], [2.0], [4.0], [6.0], [8.0]])
    model = LinearRegression().fit(da.from_array(X, chunks=((2, 3), 1)), 2 * X[:, 0] + 1)
    np.testing.assert_allclose(model.weights_, [1.0, 2.0], rtol=1e-14)


def test_ill_conditioned_dask_data_gets_the_minimum_norm_answer():
    X, y = regression_data()
    X = np.column_stack([X, X[:, 0]])  # a duplicated column: XᵀX is singular
    with pytest.warns(LinAlgWarning, match="ill-conditioned"):
        expected = LinearRegression().fit(X, y).weights_
    with pytest.warns(LinAlgWarning, match="ill-conditioned"):
        w = LinearRegression().fit(da.from_array(X, chunks=(UNEVEN, 8)), y).weights_
    np.testing.assert_allclose(w, expected, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(w[1], w[-1], rtol=1e-9)  # minimum norm splits the weight evenly


def digits():
    X, y = load_digits(return_X_y=True)
    return X / 16, y  # 1797 samples


@pytest.mark.parametrize(
    ("model", "target"),
    [(SoftmaxRegression, lambda y: y), (LogisticRegression, lambda y: np.where(y > 4, "b", "a"))],
)
def test_full_batch_gradient_descent_on_dask_equals_in_memory(model, target):
    X, y = digits()
    y = target(y)
    X_d = da.from_array(X, chunks=((97, 1000, 700), 64))
    y_d = da.from_array(y, chunks=500)
    expected = model(0.5, 25, batch_size=None, random_state=0).fit(X, y)
    fitted = model(0.5, 25, batch_size=None, random_state=0).fit(X_d, y_d)
    np.testing.assert_allclose(fitted.weights_, expected.weights_, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fitted.loss_history_, expected.loss_history_, rtol=1e-10)
    np.testing.assert_array_equal(fitted.classes_, expected.classes_)
    predicted = fitted.predict(X_d)
    assert isinstance(predicted, da.Array)
    np.testing.assert_array_equal(predicted.compute(), expected.predict(X))


@pytest.mark.parametrize("batch_size", [1, 4])
@pytest.mark.parametrize("model", [SoftmaxRegression, LogisticRegression])
def test_partial_fit_over_chunks_equals_one_fit_epoch(model, batch_size):
    X, y = digits()
    y = y if model is SoftmaxRegression else y > 4
    settings = dict(learning_rate=0.1, batch_size=batch_size, shuffle=False, random_state=3)
    expected = model(epochs=1, **settings).fit(X, y)
    streamed = model(**settings)
    for start in range(0, len(X), 400):  # chunks of 400 (a multiple of 4), the last of 197
        streamed.partial_fit(X[start : start + 400], y[start : start + 400], classes=np.unique(y))
    np.testing.assert_allclose(streamed.weights_, expected.weights_, rtol=1e-12, atol=1e-14)
    # each call's mean loss, weighted by its chunk, is the epoch's mean loss
    sizes = np.diff([*range(0, len(X), 400), len(X)])
    np.testing.assert_allclose(
        streamed.loss_history_ @ sizes / len(X), expected.loss_history_[0], rtol=1e-12
    )


def test_partial_fit_streams_a_dask_array_chunk_by_chunk():
    X, y = digits()
    X_d = da.from_array(X, chunks=(300, 64))
    expected = SoftmaxRegression(0.1, 1, shuffle=False, random_state=1).fit(X, y)
    model = SoftmaxRegression(0.1, shuffle=False, random_state=1)
    for block, labels in zip(X_d.blocks, np.split(y, np.cumsum(X_d.chunks[0])[:-1]), strict=True):
        model.partial_fit(block.compute(), labels, classes=np.arange(10))
    np.testing.assert_allclose(model.weights_, expected.weights_, rtol=1e-12, atol=1e-14)


def test_shuffled_partial_fit_is_reproducible():
    X, y = digits()
    runs = []
    for _ in range(2):
        model = SoftmaxRegression(0.1, random_state=7)
        for start in range(0, len(X), 500):
            model.partial_fit(X[start : start + 500], y[start : start + 500], classes=range(10))
        runs.append(model.weights_)
    np.testing.assert_array_equal(*runs)


def test_chunked_errors_say_what_to_do():
    X, y = digits()
    X_d = da.from_array(X, chunks=(500, 64))
    with pytest.raises(ValueError, match=r"batch_size=1 on a Dask array.*partial_fit"):
        SoftmaxRegression().fit(X_d, y)
    with pytest.raises(ValueError, match="classes must be passed on the first call"):
        SoftmaxRegression().partial_fit(X[:10], y[:10])
    model = SoftmaxRegression().partial_fit(X[:10], y[:10] % 5, classes=range(5))
    with pytest.raises(ValueError, match=r"label 7.*not one of the classes"):
        model.partial_fit(X[10:20], np.full(10, 7))
    with pytest.raises(ValueError, match="X has 3 features, but SoftmaxRegression is expecting"):
        model.partial_fit(X[:10, :3], y[:10] % 5)
    with pytest.raises(ValueError, match=r"solver='inverse' needs all of X in memory"):
        LinearRegression(solver="inverse").fit(X_d, y)
    bad = X.copy()
    bad[1234, 5] = np.nan
    with pytest.raises(ValueError, match="X contains 1 NaN"):
        LinearRegression().fit(da.from_array(bad, chunks=(500, 64)), y)
    with pytest.raises(ValueError, match="X has 1797 rows but y has 10"):
        LinearRegression().fit(X_d, y[:10])
    unknown = X_d[X_d[:, 0] >= 0]  # boolean indexing: Dask cannot know the chunk sizes
    with pytest.raises(ValueError, match=r"chunk sizes are unknown.*compute_chunk_sizes"):
        LinearRegression().fit(unknown, np.zeros(10))


def test_nothing_the_user_passes_is_modified():
    X, y = regression_data()
    X_copy, y_copy = X.copy(), y.copy()
    LinearRegression().fit(da.from_array(X, chunks=(UNEVEN, 7)), y)
    np.testing.assert_array_equal(X, X_copy)
    np.testing.assert_array_equal(y, y_copy)


def test_out_of_core_fit_stays_under_the_workers_memory_limit(tmp_path, capsys):
    pytest.importorskip("distributed")
    example = Path(__file__).parents[2] / "docs" / "examples" / "out_of_core.py"
    out = subprocess.run(
        [
            sys.executable,
            str(example),
            "--rows",
            "1600000",
            "--chunk-rows",
            "25000",
            "--memory-limit",
            "1GB",
            "--folder",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result = json.loads(out.stdout)
    assert result["data_bytes"] > result["memory_limit_bytes"]  # it could not fit
    assert result["worker_peak_rss_bytes"] < result["memory_limit_bytes"]
    assert result["max_weight_error"] < 1e-3  # the noise is 0.01: the weights are found
    # full-batch GD over the same chunks: the loss falls every epoch, the classes are learnt
    assert np.all(np.diff(result["logistic_loss_history"]) < 0)
    assert result["logistic_training_accuracy"] > 0.95
    with capsys.disabled():  # reported in the test log
        print(
            f"\nout-of-core fit: {result['data_bytes'] / 1e6:.0f} MB of data on disk, worker "
            f"limit {result['memory_limit_bytes'] / 1e6:.0f} MB, worker peak "
            f"{result['worker_peak_rss_bytes'] / 1e6:.0f} MB "
            f"({result['worker_rss_before_fit_bytes'] / 1e6:.0f} MB before the fit)"
        )
