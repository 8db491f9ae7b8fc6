import numpy as np
import pytest
from conftest import numerical_gradient, relative_error
from sklearn.metrics import log_loss
from sklearn.metrics import mean_squared_error as sk_mse

from dlcourse.activations import sigmoid, softmax
from dlcourse.data import one_hot
from dlcourse.losses import (
    binary_cross_entropy,
    binary_cross_entropy_derivative,
    binary_cross_entropy_gradient,
    binary_cross_entropy_with_logits,
    cross_entropy,
    cross_entropy_derivative,
    cross_entropy_gradient,
    cross_entropy_with_logits,
    half_squared_error,
    mean_squared_error,
    mean_squared_error_gradient,
)


@pytest.fixture
def binary_batch(rng):
    X = np.column_stack([np.ones(8), rng.normal(size=(8, 3))])  # (8, 4)
    y = np.array([0, 1, 1, 0, 1, 0, 0, 1], dtype=float)
    w = rng.normal(size=4)
    return X, y, w


@pytest.fixture
def softmax_batch(rng):
    X = np.column_stack([np.ones(9), rng.normal(size=(9, 2))])  # (9, 3)
    Y = one_hot(np.arange(9) % 4, 4)  # (9, 4)
    W = rng.normal(size=(3, 4))
    return X, Y, W


def test_mse_matches_sklearn(rng):
    y, y_hat = rng.normal(size=10), rng.normal(size=10)
    assert mean_squared_error(y, y_hat) == pytest.approx(sk_mse(y, y_hat), rel=1e-14)


def test_mse_gradient_matches_finite_differences(binary_batch, rng):
    X, _, w = binary_batch
    y = rng.normal(size=len(X))
    numeric = numerical_gradient(lambda v: mean_squared_error(y, X @ v), w)
    assert relative_error(mean_squared_error_gradient(X, y, w), numeric) < 1e-6


def test_mse_gradient_is_zero_at_the_normal_equation_solution(binary_batch, rng):
    X, _, _ = binary_batch
    y = rng.normal(size=len(X))
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(mean_squared_error_gradient(X, y, w), 0.0, atol=1e-12)


def test_bce_matches_sklearn_log_loss(rng):
    y = rng.integers(0, 2, size=30)
    p = rng.uniform(0.01, 0.99, size=30)
    assert binary_cross_entropy(y, p).mean() == pytest.approx(log_loss(y, p), rel=1e-12)


def test_bce_hand_value():
    # -log(0.8) for a correct class 1, -log(1 - 0.3) for a class 0
    np.testing.assert_allclose(
        binary_cross_entropy([1.0, 0.0], [0.8, 0.3]), [-np.log(0.8), -np.log(0.7)], rtol=1e-15
    )


def test_bce_with_logits_equals_bce_of_sigmoid(rng):
    y = rng.integers(0, 2, size=20).astype(float)
    z = rng.normal(scale=4, size=20)
    np.testing.assert_allclose(
        binary_cross_entropy_with_logits(y, z), binary_cross_entropy(y, sigmoid(z)), rtol=1e-10
    )


def test_confident_wrong_predictions_give_large_finite_losses():
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        bce = binary_cross_entropy([1.0, 0.0], [0.0, 1.0])
        ce = cross_entropy([[1.0, 0.0]], [[0.0, 1.0]])
        bce_z = binary_cross_entropy_with_logits([1.0], [-1e4])
        ce_z = cross_entropy_with_logits([[1.0, 0.0]], [[0.0, 1e4]])
    assert np.all(np.isfinite(bce)) and np.all(bce > 30)
    assert np.all(np.isfinite(ce)) and np.all(ce > 30)
    np.testing.assert_allclose(bce_z, 1e4)  # log(1 + e^-z) = 1e4 exactly in the limit
    np.testing.assert_allclose(ce_z, 1e4)


def test_bce_derivative_matches_finite_differences(rng):
    y = rng.integers(0, 2, size=10).astype(float)
    p = rng.uniform(0.05, 0.95, size=10)
    numeric = np.array(
        [numerical_gradient(lambda t, i=i: binary_cross_entropy(y[i], t), p[i]) for i in range(10)]
    )
    assert relative_error(binary_cross_entropy_derivative(y, p), numeric) < 1e-6


def test_bce_gradient_one_sample_matches_finite_differences(binary_batch):
    X, y, w = binary_batch
    x, t = X[2], y[2]

    def loss(v):
        return binary_cross_entropy(t, sigmoid(x @ v))

    grad = binary_cross_entropy_gradient(x, t, sigmoid(x @ w))
    assert grad.shape == w.shape
    assert relative_error(grad, numerical_gradient(loss, w)) < 1e-6


def test_bce_gradient_batch_is_the_mean_gradient(binary_batch):
    X, y, w = binary_batch
    grad = binary_cross_entropy_gradient(X, y, sigmoid(X @ w))
    numeric = numerical_gradient(lambda v: binary_cross_entropy(y, sigmoid(X @ v)).mean(), w)
    assert relative_error(grad, numeric) < 1e-6


def test_bce_chain_rule_of_the_appendix(binary_batch):
    # dL/dy_hat * dy_hat/dz * dz/dw, the three factors of the lesson, multiplied out
    X, y, w = binary_batch
    z = X @ w
    p = sigmoid(z)
    chain = (binary_cross_entropy_derivative(y, p) * p * (1 - p))[:, None] * X
    np.testing.assert_allclose(binary_cross_entropy_gradient(X, y, p), chain.mean(0), rtol=1e-10)


def test_ce_matches_sklearn_log_loss(softmax_batch):
    X, Y, W = softmax_batch
    P = softmax(X @ W)
    assert cross_entropy(Y, P).mean() == pytest.approx(
        log_loss(Y.argmax(1), P, labels=range(4)), rel=1e-12
    )


def test_ce_with_logits_equals_ce_of_softmax(softmax_batch):
    X, Y, W = softmax_batch
    Z = X @ W
    np.testing.assert_allclose(cross_entropy_with_logits(Y, Z), cross_entropy(Y, softmax(Z)))


def test_ce_derivative_matches_finite_differences(softmax_batch):
    X, Y, W = softmax_batch
    P = softmax(X @ W)[0]
    numeric = numerical_gradient(lambda p: cross_entropy(Y[0], p), P)
    assert relative_error(cross_entropy_derivative(Y[0], P), numeric) < 1e-6


def test_ce_gradient_one_sample_is_the_outer_product(softmax_batch):
    X, Y, W = softmax_batch
    x, t = X[0], Y[0]
    grad = cross_entropy_gradient(x, t, softmax(x @ W))
    assert grad.shape == W.shape  # (d+1, K), the shape of the weight matrix
    numeric = numerical_gradient(lambda V: cross_entropy(t, softmax(x @ V)), W)
    assert relative_error(grad, numeric) < 1e-6


def test_ce_gradient_batch_is_the_mean_gradient(softmax_batch):
    X, Y, W = softmax_batch
    numeric = numerical_gradient(lambda V: cross_entropy(Y, softmax(X @ V)).mean(), W)
    assert relative_error(cross_entropy_gradient(X, Y, softmax(X @ W)), numeric) < 1e-6


def test_shape_mismatch_is_refused():
    with pytest.raises(ValueError, match=r"y has shape \(3,\) but y_hat has shape \(3, 1\)"):
        binary_cross_entropy(np.ones(3), np.ones((3, 1)) / 2)
    with pytest.raises(ValueError, match="must have 1 dimension"):
        binary_cross_entropy_gradient(np.ones((3, 2)), np.ones((3, 1)), np.ones((3, 1)))
    with pytest.raises(ValueError, match="3 rows"):
        cross_entropy_gradient(np.ones((3, 2)), np.ones((4, 2)), np.ones((4, 2)))


def test_half_squared_error_is_half_the_squared_error_per_sample(rng):
    y, y_hat = rng.normal(size=7), rng.normal(size=7)
    np.testing.assert_allclose(
        half_squared_error(y, y_hat), [0.5 * (a - b) ** 2 for a, b in zip(y_hat, y, strict=True)]
    )
    Y, Y_hat = rng.normal(size=(7, 3)), rng.normal(size=(7, 3))
    expected = [
        0.5 * sum((a - b) ** 2 for a, b in zip(r, t, strict=True))
        for r, t in zip(Y_hat, Y, strict=True)
    ]
    np.testing.assert_allclose(half_squared_error(Y, Y_hat), expected, rtol=1e-14)


def test_half_squared_error_gradient_is_x_times_the_error(rng):
    # the ½ cancels the derivative's 2: d/dw ½ (x·w - y)² = (x·w - y) x, by finite differences
    x, y, w = rng.normal(size=4), 0.7, rng.normal(size=4)
    numeric = numerical_gradient(
        lambda v: float(half_squared_error(np.array([y]), np.array([x @ v]))[0]), w
    )
    assert relative_error((x @ w - y) * x, numeric) < 1e-7
