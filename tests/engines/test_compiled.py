"""The compiled engine against the readable NumPy loop of dlcourse.training."""

import numpy as np
import pytest

from dlcourse.activations import sigmoid, softmax
from dlcourse.data import load_iris_binary, load_iris_one_hot
from dlcourse.engines import compiled as engine
from dlcourse.engines.compiled_training import compiled_gradient_sum, compiled_sgd
from dlcourse.models import SoftmaxRegression
from dlcourse.training import DivergenceError, sgd

pytestmark = pytest.mark.skipif(not engine.AVAILABLE, reason="numba is not installed")


@pytest.mark.parametrize("batch_size", [1, None])  # per-sample, and the threaded full batch
def test_softmax_divergence_is_seen_through_the_compiled_exp(batch_size):
    # NaN logits must come out of the compiled e^x as NaN, not as a number
    X, Y = load_iris_one_hot(bias=False)
    model = SoftmaxRegression(1e308, 5, batch_size=batch_size, random_state=0)
    with pytest.raises(DivergenceError, match=r"epoch \d of 5"):
        model.fit(X * 1e10, Y.argmax(axis=1))


@pytest.mark.parametrize("n", [3, 13, 100])  # the compiled pass pairs rows: odd n leaves one
def test_compiled_full_batch_is_plain_gradient_descent(n):
    X, y = load_iris_binary()
    X, y = X[::7][:n], y[::7][:n].astype(float)  # a spread of the samples
    expected = np.zeros(5)
    for _ in range(30):  # hand-written GD: w <- w - λ Xᵀ(σ(Xw) - y) / n
        expected = expected - 0.05 * X.T @ (sigmoid(X @ expected) - y) / len(X)
    settings = dict(model="logistic", learning_rate=0.05, epochs=30, batch_size=None)
    w, history = compiled_sgd(X, y, np.zeros(5), **settings)
    np.testing.assert_allclose(w, expected, rtol=1e-12)
    assert np.all(np.diff(history) < 0)  # full-batch GD at a small rate never goes up


def test_compiled_sgd_leaves_the_weights_given_alone():
    X, Y = load_iris_one_hot()
    W0 = np.zeros((5, 3))
    W, _ = compiled_sgd(X, Y, W0, model="softmax", learning_rate=0.1, epochs=1)
    np.testing.assert_array_equal(W0, 0.0)
    assert np.any(W != 0.0)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("d", [1, 8, 9, 100])
def test_compiled_weight_rows_start_on_a_cache_line(d, dtype):
    from numba import njit

    @njit
    def rows(K, d, like):
        return engine._aligned_rows(K, d, like)

    a = rows(3, d, np.zeros(1, dtype))
    assert a.dtype == dtype and a.shape[0] == 3 and a.shape[1] >= d
    assert (a.shape[1] * a.itemsize) % 64 == 0 and a.ctypes.data % 64 == 0  # so every row
    np.testing.assert_array_equal(a, 0.0)


def _compiled_map(scalar_function):
    """A compiled loop applying one of the kernels' scalar functions to each element of a
    1-D array, inlined and vectorised as in the kernels."""
    from numba import njit

    @njit
    def apply(x):
        out = np.empty_like(x)
        for i in range(x.shape[0]):
            out[i] = scalar_function(x[i])
        return out

    return apply


def test_compiled_exp_is_numpy_exp_to_two_ulp():
    # the softmax's e^x, written as arithmetic so that LLVM vectorises it
    exp_all = _compiled_map(engine._exp_nonpositive)
    rng = np.random.default_rng(0)
    x = np.concatenate(
        [
            np.linspace(-708.0, 0.0, 200_001),
            -rng.exponential(3.0, 100_000),
            -np.logspace(-300, 2, 1001),  # tiny arguments: e^x rounds to 1
            -np.arange(0.5, 2000) * np.log(2) / 128,  # halfway between table entries
            [0.0, -0.0, -np.log(2) / 2, -np.log(2), -1.0],
        ]
    )
    out = exp_all(x)
    expected = np.exp(x)
    ulp = np.abs(out - expected) / (expected * np.finfo(float).eps)
    assert ulp.max() <= 2.0
    assert out[-5] == 1.0 and out[-4] == 1.0
    # below -708 the result is flushed to 0 (e^x < 2.3e-308 there); -inf gives 0, NaN stays NaN
    edge = np.array([-708.5, -745.2, -1e300, -np.inf, np.nan])
    out = exp_all(edge)
    np.testing.assert_array_equal(out[:4], 0.0)
    assert np.exp(edge[0]) < 2.3e-308 and np.isnan(out[4])


@pytest.mark.parametrize(
    ("model", "targets", "batch_size"),
    [
        ("logistic", "binary", 1),
        ("logistic", "binary", 7),
        ("softmax", "one_hot", 1),
        ("softmax", "one_hot", 16),
        ("linear", "continuous", 1),
        ("logistic", "binary", None),  # full batch: the threaded pass
        ("softmax", "one_hot", None),
        ("linear", "continuous", None),
    ],
)
@pytest.mark.parametrize("intercept", [False, True])
def test_compiled_and_numpy_loops_agree(model, targets, batch_size, intercept):
    X, Y = load_iris_one_hot()  # X has its bias column
    Y = {"binary": Y[:, 1], "one_hot": Y, "continuous": X[:, 1] / 10}[targets]
    X = X[:, [0, 2, 3, 4]] / 5 if targets == "continuous" else X
    if intercept:  # the bias row of W stands in for the column of ones
        X = X[:, 1:]
    shape = (X.shape[1] + intercept, 3) if targets == "one_hot" else (X.shape[1] + intercept,)
    W0 = np.random.default_rng(0).normal(size=shape)
    results = [
        train(
            X,
            Y,
            W0,
            model=model,
            learning_rate=0.05,
            epochs=15,
            batch_size=batch_size,
            rng=np.random.default_rng(5),
            intercept=intercept,
        )
        for train in (compiled_sgd, sgd)
    ]
    np.testing.assert_allclose(results[0][0], results[1][0], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(results[0][1], results[1][1], rtol=1e-12)


@pytest.mark.parametrize(
    ("model", "batch_size"),
    [("logistic", 1), ("logistic", None), ("softmax", 1), ("softmax", 7), ("softmax", None)],
)
def test_compiled_and_numpy_loops_agree_in_float32(model, batch_size):
    # float32 data are trained in float32 by both loops: the same updates, to float32's precision
    X, Y = load_iris_one_hot(bias=False)
    Y = Y[:, 1] if model == "logistic" else Y
    X, Y = X.astype(np.float32), Y.astype(np.float32)
    shape = (5, 3) if model == "softmax" else (5,)
    W0 = np.random.default_rng(0).normal(size=shape).astype(np.float32)
    kwargs = dict(model=model, learning_rate=0.05, epochs=15, batch_size=batch_size)
    compiled, plain = (
        train(X, Y, W0, rng=np.random.default_rng(5), intercept=True, **kwargs)
        for train in (compiled_sgd, sgd)
    )
    assert compiled[0].dtype == plain[0].dtype == np.float32
    np.testing.assert_allclose(compiled[0], plain[0], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(compiled[1], plain[1], rtol=1e-5)


@pytest.mark.parametrize("intercept", [True, False])
@pytest.mark.parametrize("K", [1, 2, 5, 7, 12])  # the compiled pass takes outputs by fives
@pytest.mark.parametrize("threads", [None, 1, 3])
def test_compiled_full_batch_pass_for_any_number_of_outputs(K, intercept, threads):
    rng = np.random.default_rng(K)
    n, d = 12_301, 9  # rows in pairs, one left over; enough rows for three threads
    X = rng.normal(size=(n, d))
    Y = np.eye(K)[rng.integers(0, K, n)] if K > 1 else rng.integers(0, 2, (n, 1)) * 1.0
    W = rng.normal(size=(d + intercept, K))
    model, link = ("softmax", softmax) if K > 1 else ("logistic", sigmoid)
    G, total = compiled_gradient_sum(X, Y, W, model=model, intercept=intercept, threads=threads)
    X1 = np.column_stack([np.ones(n), X]) if intercept else X
    P = link(X1 @ W)
    np.testing.assert_allclose(G, X1.T @ (P - Y), rtol=1e-12, atol=1e-12)
    expected = -np.sum(Y * np.log(P) + (1 - Y) * np.log1p(-P) * (K == 1))
    np.testing.assert_allclose(total, expected, rtol=1e-12)


@pytest.mark.parametrize("threads", [None, 1])
def test_compiled_gradient_sum_is_the_summed_gradient_and_loss(threads):
    X, Y = load_iris_one_hot(bias=False)
    X, Y = X[:147], Y[:147]  # the compiled pass takes rows in pairs: one is left over
    W = np.random.default_rng(1).normal(size=(5, 3))
    G, total = compiled_gradient_sum(X, Y, W, model="softmax", intercept=True, threads=threads)
    X1 = np.column_stack([np.ones(len(X)), X])  # the lesson's X with its column of ones
    P = softmax(X1 @ W)
    np.testing.assert_allclose(G, X1.T @ (P - Y), rtol=1e-12)
    np.testing.assert_allclose(total, -np.sum(Y * np.log(P)), rtol=1e-12)


@pytest.mark.parametrize("threads", [None, 1])
def test_compiled_softmax_pass_with_targets_that_do_not_sum_to_one(threads):
    # soft targets (rows summing to 1.5) and all-zero rows: the loss is -Σ_k y_k log ŷ_k
    # whatever the targets sum to
    rng = np.random.default_rng(7)
    n, d, K = 5003, 6, 3
    X = rng.normal(size=(n, d))
    Y = np.eye(K)[rng.integers(0, K, n)]
    Y[::7] = rng.dirichlet(np.ones(K), size=Y[::7].shape[0]) * 1.5  # sums of 1.5
    Y[3::11] = 0.0
    W = rng.normal(size=(d + 1, K)) * 0.01
    G, total = compiled_gradient_sum(X, Y, W, model="softmax", intercept=True, threads=threads)
    X1 = np.column_stack([np.ones(n), X])
    Z = X1 @ W
    log_P = Z - Z.max(axis=1, keepdims=True)
    log_P -= np.log(np.exp(log_P).sum(axis=1, keepdims=True))
    np.testing.assert_allclose(G, X1.T @ (np.exp(log_P) - Y), rtol=1e-12, atol=1e-10)
    np.testing.assert_allclose(total, -np.sum(Y * log_P), rtol=1e-12)


@pytest.mark.parametrize("threads", [None, 1])
def test_compiled_softmax_pass_lets_nan_through(threads):
    # one NaN weight makes one logit of every row NaN: the pass must return NaN, not a number
    X, Y = load_iris_one_hot(bias=False)
    W = np.ones((5, 3))
    W[2, 1] = np.nan
    softmax_ce = {"model": "softmax", "intercept": True}
    G, total = compiled_gradient_sum(X, Y, W, **softmax_ce, threads=threads)
    assert np.isnan(total) and np.isnan(G).all()


def test_full_batch_fits_in_a_thread_pool_match_the_main_thread():
    # off the main thread the compiled pass runs in the calling thread, with the same result
    from concurrent.futures import ThreadPoolExecutor

    X, Y = load_iris_one_hot(bias=False)
    y = Y.argmax(axis=1)

    def fit(_):
        return SoftmaxRegression(0.1, 5, batch_size=None, random_state=0).fit(X, y).weights_

    expected = fit(None)
    with ThreadPoolExecutor(4) as pool:
        for W in pool.map(fit, range(8)):
            np.testing.assert_allclose(W, expected, rtol=1e-12, atol=1e-15)
