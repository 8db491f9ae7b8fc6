"""The lesson's training loop: batch sizes, full-batch gradient descent, divergence."""

import numpy as np
import pytest

from dlcourse.activations import sigmoid, softmax
from dlcourse.data import load_iris_binary, load_iris_one_hot
from dlcourse.models import LogisticRegression, SoftmaxRegression
from dlcourse.training import DivergenceError, gradient_sum, sgd


@pytest.mark.parametrize("n", [3, 13, 100])
def test_full_batch_is_plain_gradient_descent(n):
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
        model="logistic",
        learning_rate=0.05,
        epochs=30,
        batch_size=None,
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
        model="softmax",
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


def test_the_weights_given_are_not_modified_and_each_update_is_seen():
    X, y = load_iris_binary()
    w0 = np.zeros(5)
    path = []
    w, _ = sgd(X, y, w0, model="logistic", learning_rate=0.1, epochs=2, on_update=path.append)
    np.testing.assert_array_equal(w0, 0.0)
    assert len(path) == 2 * len(X)  # per-sample SGD: one update per sample and epoch
    np.testing.assert_array_equal(path[-1], w)
    assert not np.array_equal(path[0], path[-1])  # copies, not views of the changing W


def test_progress_bar_when_verbose(capsys):
    X, Y = load_iris_one_hot(bias=False)
    SoftmaxRegression(epochs=3, verbose=1, random_state=0).fit(X, Y.argmax(1))
    err = capsys.readouterr().err
    assert "SoftmaxRegression" in err and "3/3" in err and "loss=" in err


def test_gradient_sum_is_the_summed_gradient_and_loss():
    X, Y = load_iris_one_hot(bias=False)
    W = np.random.default_rng(1).normal(size=(5, 3))
    G, total = gradient_sum(X, Y, W, model="softmax", intercept=True)
    X1 = np.column_stack([np.ones(len(X)), X])  # the lesson's X with its column of ones
    P = softmax(X1 @ W)
    np.testing.assert_allclose(G, X1.T @ (P - Y), rtol=1e-12)
    np.testing.assert_allclose(total, -np.sum(Y * np.log(P)), rtol=1e-12)


@pytest.mark.parametrize("batch_size", [1, 9, None])
def test_the_numpy_loop_is_the_lesson_written_out(batch_size):
    # the update w <- w - λ mean_i x_i (ŷ_i - y_i), written here with plain NumPy calls, one
    # batch of the given visiting order at a time; the loop must make exactly these steps
    X, y = load_iris_binary()
    X, y = X[::3], y[::3].astype(float)  # 34 samples: 9 does not divide it
    w0 = np.random.default_rng(2).normal(size=5)
    order_rng = np.random.default_rng(4)
    b = len(X) if batch_size is None else batch_size
    w, expected_history = w0.copy(), []
    for _ in range(3):
        order = order_rng.permutation(len(X)) if b < len(X) else np.arange(len(X))
        total = 0.0
        for start in range(0, len(X), b):
            i = order[start : start + b]
            z = X[i] @ w
            p = 1 / (1 + np.exp(-z))
            total += np.sum(-(y[i] * np.log(p) + (1 - y[i]) * np.log(1 - p)))
            w = w - 0.1 * X[i].T @ (p - y[i]) / len(i)
        expected_history.append(total / len(X))
    got, history = sgd(
        X,
        y,
        w0,
        model="logistic",
        learning_rate=0.1,
        epochs=3,
        batch_size=batch_size,
        rng=np.random.default_rng(4),
    )
    np.testing.assert_allclose(got, w, rtol=1e-12)
    np.testing.assert_allclose(history, expected_history, rtol=1e-12)
