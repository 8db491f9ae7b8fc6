"""The shared loop: batch sizes, full-batch gradient descent, divergence."""

import numpy as np
import pytest

from dlcourse.activations import identity, sigmoid, softmax
from dlcourse.data import load_iris_binary, load_iris_one_hot
from dlcourse.engines import compiled as _compiled
from dlcourse.losses import _bce_with_logits, _ce_with_logits, _half_squared_error
from dlcourse.models import LogisticRegression, SoftmaxRegression
from dlcourse.training import DivergenceError, gradient_sum, sgd

needs_numba = pytest.mark.skipif(not _compiled.AVAILABLE, reason="numba is not installed")


@pytest.mark.parametrize("compiled", [False, pytest.param(True, marks=needs_numba)])
@pytest.mark.parametrize("n", [3, 13, 100])  # the threaded pass pairs rows: odd n leaves one
def test_full_batch_is_plain_gradient_descent(n, compiled):
    X, y = load_iris_binary()
    X, y = X[::7][:n], y[::7][:n]  # a spread of the samples
    w = np.zeros(5)
    expected = w.copy()
    for _ in range(30):  # hand-written GD: w <- w - λ Xᵀ(σ(Xw) - y) / n
        expected = expected - 0.05 * X.T @ (sigmoid(X @ expected) - y) / len(X)
    w_gd, history = sgd(
        X,
        y.astype(float),
        w,
        link=sigmoid,
        loss=_bce_with_logits,
        learning_rate=0.05,
        epochs=30,
        batch_size=None,
        compiled=compiled,
    )
    np.testing.assert_allclose(w_gd, expected, rtol=1e-12)
    assert np.all(np.diff(history) < 0)  # full-batch GD at a small rate never goes up


def test_mini_batches_average_the_gradient_over_the_batch():
    X, Y = load_iris_one_hot()
    W0 = np.zeros((5, 3))
    W = W0.copy()
    for start in range(0, 150, 32):  # one epoch, in order, batches of 32 (the last has 22)
        Xb, Yb = X[start : start + 32], Y[start : start + 32]
        W = W - 0.1 * Xb.T @ (softmax(Xb @ W) - Yb) / len(Xb)
    W_sgd, _ = sgd(
        X,
        Y,
        W0,
        link=softmax,
        loss=_ce_with_logits,
        learning_rate=0.1,
        epochs=1,
        batch_size=32,
        shuffle=False,
    )
    np.testing.assert_allclose(W_sgd, W, rtol=1e-12)


def test_batch_size_larger_than_n_is_full_batch():
    X, y = load_iris_binary(bias=False)
    a = LogisticRegression(batch_size=None, epochs=3, random_state=0).fit(X, y)
    b = LogisticRegression(batch_size=10_000, epochs=3, random_state=0).fit(X, y)
    np.testing.assert_array_equal(a.weights_, b.weights_)


def test_divergence_stops_with_the_epoch_and_a_hint():
    X, y = load_iris_binary(bias=False)
    with pytest.raises(DivergenceError, match=r"epoch 1 of 5.*smaller learning_rate"):
        LogisticRegression(learning_rate=1e308, epochs=5, random_state=0).fit(X * 1e10, y)


@needs_numba
@pytest.mark.parametrize("batch_size", [1, None])  # per-sample, and the threaded full batch
def test_softmax_divergence_is_seen_through_the_compiled_exp(batch_size):
    # NaN logits must come out of the compiled e^x as NaN, not as a number
    X, Y = load_iris_one_hot(bias=False)
    model = SoftmaxRegression(1e308, 5, batch_size=batch_size, random_state=0)
    with pytest.raises(DivergenceError, match=r"epoch \d of 5"):
        model.fit(X * 1e10, Y.argmax(axis=1))


@needs_numba
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("d", [1, 8, 9, 100])
def test_compiled_weight_rows_start_on_a_cache_line(d, dtype):
    from numba import njit

    @njit
    def rows(K, d, like):
        return _compiled._aligned_rows(K, d, like)

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


def _compiled_map_in_lanes(vector_function):
    """A compiled loop applying one of the kernels' Vec4 functions to a 1-D float64 array,
    four values at a time (the array padded with zeros to a multiple of 4)."""
    from numba import njit

    from dlcourse.engines.simd import load4, store4

    @njit
    def apply(x):
        n = x.shape[0]
        padded = np.zeros(-(-n // 4) * 4)
        padded[:n] = x
        out = np.empty_like(padded)
        for i in range(0, padded.shape[0], 4):
            store4(out, i, vector_function(load4(padded, i)))
        return out[:n].copy()

    return apply


@needs_numba
@pytest.mark.parametrize(
    ("name", "max_ulp"),
    [
        ("_exp_nonpositive", 2.0),  # the polynomial of the softmax, vectorised by LLVM
        ("_exp_nonpositive4", 2.0),  # the same on four lanes, as in the full-batch pass
        ("_exp_table", 2.0),  # the table-driven one of the sigmoid
    ],
)
def test_compiled_exp_is_numpy_exp_to_a_few_ulp(name, max_ulp):
    function = getattr(_compiled, name)
    exp_all = _compiled_map_in_lanes(function) if name.endswith("4") else _compiled_map(function)
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
    assert ulp.max() <= max_ulp
    assert out[-5] == 1.0 and out[-4] == 1.0
    # below -708 the result is flushed to 0 (e^x < 2.3e-308 there); -inf gives 0, NaN stays NaN
    edge = np.array([-708.5, -745.2, -1e300, -np.inf, np.nan])
    out = exp_all(edge)
    np.testing.assert_array_equal(out[:4], 0.0)
    assert np.exp(edge[0]) < 2.3e-308 and np.isnan(out[4])


@needs_numba
def test_compiled_log1p_is_numpy_log1p_to_one_ulp():
    # ln(1 + e), e = e^-|z| in [0, 1], of the compiled logistic loss
    log1p_all = _compiled_map(_compiled._log1p_unit)
    rng = np.random.default_rng(0)
    root2 = np.sqrt(2.0) - 1.0  # where the reduction switches from m = 1 + e to (1 + e) / 2
    e = np.concatenate(
        [
            np.linspace(0.0, 1.0, 200_001),
            rng.random(100_000),
            np.exp(-rng.exponential(30.0, 100_000)),
            np.logspace(-320, 0, 2001),  # tiny e: 1 + e rounds to 1, ln(1 + e) = e still
            [root2, np.nextafter(root2, 0.0), np.nextafter(root2, 1.0), 1.0, 5e-324],
        ]
    )
    out = log1p_all(e)
    expected = np.log1p(e)
    ulp = np.abs(out - expected) / np.spacing(expected)
    assert ulp.max() <= 1.0
    out = log1p_all(np.array([0.0, np.nan]))
    assert out[0] == 0.0 and np.isnan(out[1])


@needs_numba
@pytest.mark.parametrize(
    ("link", "loss", "targets", "batch_size"),
    [
        (sigmoid, _bce_with_logits, "binary", 1),
        (sigmoid, _bce_with_logits, "binary", 7),
        (softmax, _ce_with_logits, "one_hot", 1),
        (softmax, _ce_with_logits, "one_hot", 16),
        (identity, _half_squared_error, "continuous", 1),
        (sigmoid, _bce_with_logits, "binary", None),  # full batch: the threaded pass
        (softmax, _ce_with_logits, "one_hot", None),
        (identity, _half_squared_error, "continuous", None),
    ],
)
@pytest.mark.parametrize("intercept", [False, True])
def test_compiled_and_numpy_loops_agree(link, loss, targets, batch_size, intercept):
    X, Y = load_iris_one_hot()  # X has its bias column
    Y = {"binary": Y[:, 1], "one_hot": Y, "continuous": X[:, 1] / 10}[targets]
    X = X[:, [0, 2, 3, 4]] / 5 if targets == "continuous" else X
    if intercept:  # the bias row of W stands in for the column of ones
        X = X[:, 1:]
    shape = (X.shape[1] + intercept, 3) if targets == "one_hot" else (X.shape[1] + intercept,)
    W0 = np.random.default_rng(0).normal(size=shape)
    results = [
        sgd(
            X,
            Y,
            W0,
            link=link,
            loss=loss,
            learning_rate=0.05,
            epochs=15,
            batch_size=batch_size,
            rng=np.random.default_rng(5),
            compiled=compiled,
            intercept=intercept,
        )
        for compiled in (True, False)
    ]
    np.testing.assert_allclose(results[0][0], results[1][0], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(results[0][1], results[1][1], rtol=1e-12)


@needs_numba
@pytest.mark.parametrize(
    ("link", "loss", "batch_size"),
    [
        (sigmoid, _bce_with_logits, 1),  # the single-output epoch
        (sigmoid, _bce_with_logits, None),
        (softmax, _ce_with_logits, 1),
        (softmax, _ce_with_logits, 7),
        (softmax, _ce_with_logits, None),  # the pair loop: the four-lane pass is float64's
    ],
)
def test_compiled_and_numpy_loops_agree_in_float32(link, loss, batch_size):
    # float32 data are trained in float32 by both loops: the same updates, to float32's precision
    X, Y = load_iris_one_hot(bias=False)
    Y = Y[:, 1] if link is sigmoid else Y
    X, Y = X.astype(np.float32), Y.astype(np.float32)
    shape = (5, 3) if link is softmax else (5,)
    W0 = np.random.default_rng(0).normal(size=shape).astype(np.float32)
    kwargs = dict(link=link, loss=loss, learning_rate=0.05, epochs=15, batch_size=batch_size)
    compiled, plain = (
        sgd(X, Y, W0, rng=np.random.default_rng(5), compiled=c, intercept=True, **kwargs)
        for c in (True, False)
    )
    assert compiled[0].dtype == plain[0].dtype == np.float32
    np.testing.assert_allclose(compiled[0], plain[0], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(compiled[1], plain[1], rtol=1e-5)


@needs_numba
@pytest.mark.parametrize(
    ("link", "loss", "targets"),
    [
        (sigmoid, _bce_with_logits, "binary"),  # the single-output loop, held across epochs
        (identity, _half_squared_error, "continuous"),
        (softmax, _ce_with_logits, "one_hot"),
    ],
)
@pytest.mark.parametrize("intercept", [False, True])
def test_compiled_epochs_one_call_or_one_call_each_agree(link, loss, targets, intercept):
    # Without a callback small data run every epoch in one compiled call; with one, a call
    # per epoch. Both are the NumPy loop's updates (tested above), here to the bit.
    X, Y = load_iris_one_hot(bias=not intercept)
    X = X / 5  # features of about 1: a rate of 0.05 keeps the squared error finite
    Y = {"binary": Y[:, 2], "one_hot": Y, "continuous": X[:, -1] / 2}[targets]
    n_in = X.shape[1] + intercept
    W0 = np.random.default_rng(0).normal(size=(n_in, 3) if targets == "one_hot" else (n_in,))
    seen = []
    kwargs = dict(link=link, loss=loss, learning_rate=0.05, epochs=6, intercept=intercept)
    W_all, history_all = sgd(X, Y, W0, rng=np.random.default_rng(3), **kwargs)
    W_each, history_each = sgd(
        X,
        Y,
        W0,
        rng=np.random.default_rng(3),
        callback=lambda epoch, loss: seen.append(epoch),
        **kwargs,
    )
    assert seen == list(range(6))
    np.testing.assert_array_equal(W_all, W_each)
    np.testing.assert_array_equal(history_all, history_each)


def test_compiled_is_refused_where_it_does_not_apply():
    X, y = load_iris_binary()
    with pytest.raises(ValueError, match="compiled=True needs"):
        sgd(
            X,
            y,
            np.zeros(5),
            link=sigmoid,
            loss=_bce_with_logits,
            learning_rate=0.1,
            epochs=1,
            on_update=lambda W: None,
            compiled=True,
        )


def test_progress_bar_when_verbose(capsys):
    X, Y = load_iris_one_hot(bias=False)
    SoftmaxRegression(epochs=3, verbose=1, random_state=0).fit(X, Y.argmax(1))
    err = capsys.readouterr().err
    assert "SoftmaxRegression" in err and "3/3" in err and "loss=" in err


@pytest.mark.parametrize("threads", [None, 1])
@pytest.mark.parametrize("compiled", [False, pytest.param(True, marks=needs_numba)])
def test_gradient_sum_is_the_summed_gradient_and_loss(threads, compiled):
    X, Y = load_iris_one_hot(bias=False)
    X = X[:147]  # the pass takes rows by fours (softmax) and pairs: three are left over
    Y = Y[:147]
    W = np.random.default_rng(1).normal(size=(5, 3))
    G, total = gradient_sum(
        X,
        Y,
        W,
        link=softmax,
        loss=_ce_with_logits,
        intercept=True,
        compiled=compiled,
        threads=threads,
    )
    X1 = np.column_stack([np.ones(len(X)), X])  # the lesson's X with its column of ones
    P = softmax(X1 @ W)
    np.testing.assert_allclose(G, X1.T @ (P - Y), rtol=1e-12)
    np.testing.assert_allclose(total, -np.sum(Y * np.log(P)), rtol=1e-12)


@needs_numba
@pytest.mark.parametrize("intercept", [True, False])
@pytest.mark.parametrize("K", [1, 2, 5, 7, 12])  # the compiled pass takes outputs by fives
@pytest.mark.parametrize("threads", [None, 1])
def test_compiled_full_batch_pass_for_any_number_of_outputs(K, intercept, threads):
    rng = np.random.default_rng(K)
    n, d = 101, 9  # the pass takes rows by fours (softmax) and pairs: one is left over
    X = rng.normal(size=(n, d))
    Y = np.eye(K)[rng.integers(0, K, n)] if K > 1 else rng.integers(0, 2, (n, 1)) * 1.0
    W = rng.normal(size=(d + intercept, K))
    link, loss = (softmax, _ce_with_logits) if K > 1 else (sigmoid, _bce_with_logits)
    G, total = gradient_sum(
        X, Y, W, link=link, loss=loss, intercept=intercept, compiled=True, threads=threads
    )
    X1 = np.column_stack([np.ones(n), X]) if intercept else X
    P = link(X1 @ W)
    np.testing.assert_allclose(G, X1.T @ (P - Y), rtol=1e-12, atol=1e-12)
    expected = -np.sum(Y * np.log(P) + (1 - Y) * np.log1p(-P) * (K == 1))
    np.testing.assert_allclose(total, expected, rtol=1e-12)


@needs_numba
@pytest.mark.parametrize("threads", [None, 1])
def test_compiled_softmax_pass_with_targets_that_do_not_sum_to_one(threads):
    # The four-row softmax pass sums the rows' ln s as the log of a running product, and
    # adds (Σ_k y_k - 1) ln s for rows whose targets do not sum to 1: soft targets, all-zero
    # rows. 5,003 rows of K=3 also take the product through its periodic logarithms (every
    # 567 groups of four rows; with logits near 0, s is near 3 and 1,250 groups would
    # overflow without them), and leave three rows for the pair loop.
    rng = np.random.default_rng(7)
    n, d, K = 5003, 6, 3
    X = rng.normal(size=(n, d))
    Y = np.eye(K)[rng.integers(0, K, n)]
    Y[::7] = rng.dirichlet(np.ones(K), size=Y[::7].shape[0]) * 1.5  # sums of 1.5
    Y[3::11] = 0.0
    W = rng.normal(size=(d + 1, K)) * 0.01
    G, total = gradient_sum(
        X, Y, W, link=softmax, loss=_ce_with_logits, intercept=True, compiled=True, threads=threads
    )
    X1 = np.column_stack([np.ones(n), X])
    Z = X1 @ W
    log_P = Z - Z.max(axis=1, keepdims=True)
    log_P -= np.log(np.exp(log_P).sum(axis=1, keepdims=True))
    np.testing.assert_allclose(G, X1.T @ (np.exp(log_P) - Y), rtol=1e-12, atol=1e-10)
    np.testing.assert_allclose(total, -np.sum(Y * log_P), rtol=1e-12)


@needs_numba
@pytest.mark.parametrize("threads", [None, 1])
def test_compiled_softmax_pass_lets_nan_through(threads):
    # one NaN weight makes one logit of every row NaN: the pass must return NaN, not a number
    X, Y = load_iris_one_hot(bias=False)
    W = np.ones((5, 3))
    W[2, 1] = np.nan
    softmax_ce = {"link": softmax, "loss": _ce_with_logits, "intercept": True}
    G, total = gradient_sum(X, Y, W, **softmax_ce, compiled=True, threads=threads)
    assert np.isnan(total) and np.isnan(G).all()


def test_full_batch_fits_in_a_thread_pool_match_the_main_thread():
    # numba's default thread pool must not be entered from two threads at once: off the main
    # thread the compiled pass runs serially, with the same result
    from concurrent.futures import ThreadPoolExecutor

    X, Y = load_iris_one_hot(bias=False)
    y = Y.argmax(axis=1)

    def fit(_):
        return SoftmaxRegression(0.1, 5, batch_size=None, random_state=0).fit(X, y).weights_

    expected = fit(None)
    with ThreadPoolExecutor(4) as pool:
        for W in pool.map(fit, range(8)):
            np.testing.assert_allclose(W, expected, rtol=1e-12, atol=1e-15)
