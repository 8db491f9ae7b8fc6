import threading
import warnings

import numpy as np
import pytest
from scipy.linalg import LinAlgWarning
from sklearn.linear_model import LinearRegression as SkLinearRegression

from dlcourse.data import make_toy_regression
from dlcourse.models import LinearRegression

SOLVERS = ["auto", "inverse", "normal", "lstsq"]


@pytest.fixture
def regression(rng):
    X = rng.normal(size=(200, 6)) + rng.normal(size=6) * 3  # offsets, unit-ish scale
    y = X @ rng.normal(size=6) + 2.5 + 0.1 * rng.normal(size=200)
    return X, y


@pytest.mark.parametrize("solver", SOLVERS)
def test_matches_sklearn_on_well_conditioned_data(solver, regression):
    X, y = regression
    ref = SkLinearRegression().fit(X, y)
    model = LinearRegression(solver=solver).fit(X, y)
    np.testing.assert_allclose(model.coef_, ref.coef_, rtol=1e-8)
    assert model.intercept_ == pytest.approx(ref.intercept_, rel=1e-8)
    np.testing.assert_allclose(model.weights_, np.r_[ref.intercept_, ref.coef_], rtol=1e-8)
    np.testing.assert_allclose(model.predict(X), ref.predict(X), rtol=1e-8)
    assert model.score(X, y) == pytest.approx(ref.score(X, y), rel=1e-10)


@pytest.mark.parametrize("solver", SOLVERS)
def test_without_intercept_and_multi_output(solver, regression, rng):
    X, y = regression
    Y = np.column_stack([y, 2 * y + rng.normal(size=len(y))])  # (n, 2)
    ref = SkLinearRegression(fit_intercept=False).fit(X, Y)
    model = LinearRegression(solver=solver, fit_intercept=False).fit(X, Y)
    np.testing.assert_allclose(model.coef_, ref.coef_, rtol=1e-8)
    np.testing.assert_array_equal(model.intercept_, 0.0)
    assert model.weights_.shape == (6, 2)


@pytest.mark.parametrize("solver", SOLVERS)
def test_noise_free_toy_data_recovers_the_true_weights(solver):
    X, y = make_toy_regression(n_samples=20, w=(0.5, 1.0), random_state=0)
    model = LinearRegression(solver=solver).fit(X[:, 1:], y)
    np.testing.assert_allclose(model.weights_, [0.5, 1.0], atol=1e-10)


def test_duplicated_column_gives_the_minimum_norm_solution_with_a_warning(regression):
    X, y = regression
    X_dup = np.column_stack([X, X[:, 2]])
    with pytest.warns(LinAlgWarning, match="ill-conditioned.*minimum-norm"):
        model = LinearRegression().fit(X_dup, y)
    # independent answer: the pseudoinverse of the centred data
    Xc, yc = X_dup - X_dup.mean(0), y - y.mean()
    np.testing.assert_allclose(model.coef_, np.linalg.pinv(Xc) @ yc, rtol=1e-8)
    assert model.coef_[2] == pytest.approx(model.coef_[-1], rel=1e-8)  # the weight is shared


def test_lstsq_solver_is_the_moore_penrose_solution_of_the_lessons_system(regression):
    X, y = regression
    X_dup = np.column_stack([X, X[:, 0]])
    X_tilde = np.column_stack([np.ones(len(X)), X_dup])
    model = LinearRegression(solver="lstsq").fit(X_dup, y)
    np.testing.assert_allclose(model.weights_, np.linalg.pinv(X_tilde) @ y, rtol=1e-8)


def test_auto_on_singular_data_never_raises_linalgerror(rng):
    X = np.zeros((10, 3))  # rank 0
    y = rng.normal(size=10)
    with pytest.warns(LinAlgWarning):
        model = LinearRegression().fit(X, y)
    np.testing.assert_allclose(model.coef_, 0.0)
    assert model.intercept_ == pytest.approx(y.mean())


def test_auto_on_nearly_collinear_columns_is_as_accurate_as_lstsq(rng):
    n = 500
    x = rng.normal(size=n)
    X = np.column_stack([x, x + 1e-7 * rng.normal(size=n), rng.normal(size=n)])
    w_true = np.array([1.0, -2.0, 0.5])
    y = X @ w_true + 1.0
    with pytest.warns(LinAlgWarning):
        auto = LinearRegression().fit(X, y)
    np.testing.assert_allclose(auto.coef_, w_true, rtol=1e-6)


@pytest.mark.parametrize("solver", ["inverse", "normal"])
def test_gram_solvers_refuse_or_warn_on_singular_data(solver, regression):
    X, y = regression
    X_dup = np.column_stack([X, X[:, 0]])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            LinearRegression(solver=solver).fit(X_dup, y)
        except ValueError as error:
            assert "singular" in str(error) and "solver='auto'" in str(error)
        else:
            assert any(issubclass(w.category, LinAlgWarning) for w in caught)


def test_float32_input_stays_float32(regression):
    X, y = regression
    model = LinearRegression().fit(X.astype(np.float32), y.astype(np.float32))
    assert model.weights_.dtype == np.float32
    assert model.predict(X.astype(np.float32)).dtype == np.float32


# ------------------------------------------------------------------- the fast "auto" path


@pytest.mark.parametrize("threads", [1, 3])
def test_gram_in_blocks_equals_the_direct_products(rng, monkeypatch, threads):
    from dlcourse.engines import gram as gram_engine
    from dlcourse.engines.gram import gram

    # as many row ranges (each in its own thread) as BLAS would have threads
    monkeypatch.setattr(gram_engine, "_blas_threads", lambda: threads)
    ranges = []
    gram_rows = gram_engine._gram_rows
    monkeypatch.setattr(
        gram_engine,
        "_gram_rows",
        lambda X, y, start, stop, *rest: (
            ranges.append((start, stop)) or gram_rows(X, y, start, stop, *rest)
        ),
    )
    X = rng.normal(size=(1000, 7)) + 50.0  # a large offset: centring must not cancel badly
    y = rng.normal(size=(1000, 2))
    G, c, x_mean, y_mean = gram(X, y, center=True, block_rows=97)
    assert sorted(ranges) == ([(0, 334), (334, 668), (668, 1000)] if threads == 3 else [(0, 1000)])
    Xc, yc = X - X.mean(0), y - y.mean(0)
    np.testing.assert_allclose(G, Xc.T @ Xc, rtol=1e-10, atol=1e-8)
    np.testing.assert_allclose(c, Xc.T @ yc, rtol=1e-10, atol=1e-8)
    np.testing.assert_allclose(x_mean, X.mean(0), rtol=1e-14)
    np.testing.assert_allclose(y_mean, y.mean(0), rtol=1e-12, atol=1e-15)
    G0, c0, _, _ = gram(X, y[:, 0], block_rows=97)
    np.testing.assert_allclose(G0, X.T @ X, rtol=1e-12)
    np.testing.assert_allclose(c0, X.T @ y[:, 0], rtol=1e-12)


def test_gram_outside_the_main_thread_runs_in_the_callers_thread(rng, monkeypatch):
    # inside Dask's tasks or a user's thread pool the cores are busy: no threads of its own
    from concurrent.futures import ThreadPoolExecutor

    from dlcourse.engines import gram as gram_engine

    monkeypatch.setattr(gram_engine, "_blas_threads", lambda: 4)
    X, y = rng.normal(size=(2000, 5)), rng.normal(size=2000)
    calls = []
    record = gram_engine._map_row_ranges

    def spy(function, n, rows, **kwargs):
        calls.append(threading.current_thread().name)
        parts = record(function, n, rows, **kwargs)
        calls.append(len(parts))
        return parts

    monkeypatch.setattr(gram_engine, "_map_row_ranges", spy)
    with ThreadPoolExecutor(1) as pool:
        G, c, _, _ = pool.submit(gram_engine.gram, X, y, block_rows=100).result()
    assert calls[1] == 1
    np.testing.assert_allclose(G, X.T @ X, rtol=1e-12)
    np.testing.assert_allclose(c, X.T @ y, rtol=1e-12)
    G, _, _, _ = gram_engine.gram(X, y, block_rows=100)  # the main thread: 4 ranges
    assert calls[3] == 4
    np.testing.assert_allclose(G, X.T @ X, rtol=1e-12)


def test_ill_conditioned_fallback_is_as_accurate_as_lstsq(rng):
    n = 20_000
    X = rng.normal(size=(n, 6))
    X[:, 1] = X[:, 0] + 1e-6 * rng.normal(size=n)  # cond(X) about 1e6
    w = rng.normal(size=6)
    y = X @ w + 3.0
    with pytest.warns(LinAlgWarning, match="QR"):
        model = LinearRegression().fit(X, y)
    reference = np.linalg.lstsq(np.column_stack([np.ones(n), X]), y, rcond=None)[0]
    error, reference_error = np.abs(model.coef_ - w).max(), np.abs(reference[1:] - w).max()
    assert error <= 10 * max(reference_error, 1e-12)
    assert model.intercept_ == pytest.approx(3.0, abs=1e-8)


def test_auto_does_not_copy_X(rng):
    import tracemalloc

    X = rng.normal(size=(200_000, 40))  # 64 MB
    y = X @ rng.normal(size=40)
    tracemalloc.start()
    LinearRegression().fit(X, y)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 0.25 * X.nbytes  # a few cache-sized blocks, never X again
