import numpy as np
import pytest
import scipy.special
from conftest import numerical_gradient, relative_error

from dlcourse.activations import (
    log_softmax,
    sigmoid,
    sigmoid_derivative,
    softmax,
    softmax_jacobian,
)


def test_sigmoid_matches_scipy_expit(rng):
    z = rng.normal(scale=10, size=(7, 3))
    np.testing.assert_allclose(sigmoid(z), scipy.special.expit(z), rtol=1e-15)


def test_sigmoid_hand_values():
    np.testing.assert_allclose(sigmoid([0.0, np.log(3.0)]), [0.5, 0.75], rtol=1e-15)


def test_sigmoid_extremes_are_exact_and_silent():
    with np.errstate(
        over="raise", divide="raise", invalid="raise"
    ):  # any overflow warning would raise here
        s = sigmoid(np.array([-1000.0, 1000.0]))
    assert s[0] == 0.0 and s[1] == 1.0


def test_sigmoid_keeps_float32():
    assert sigmoid(np.zeros(3, dtype=np.float32)).dtype == np.float32


def test_sigmoid_derivative_matches_finite_differences(rng):
    z = rng.normal(scale=3, size=20)
    numeric = np.array([numerical_gradient(lambda t: sigmoid(t), zi) for zi in z])
    assert relative_error(sigmoid_derivative(z), numeric) < 1e-6


def test_softmax_rows_match_scipy(rng):
    Z = rng.normal(scale=5, size=(6, 4))
    np.testing.assert_allclose(softmax(Z), scipy.special.softmax(Z, axis=1), rtol=1e-14)
    np.testing.assert_allclose(softmax(Z).sum(axis=1), 1.0, rtol=1e-15)


def test_softmax_single_vector(rng):
    z = rng.normal(size=5)
    np.testing.assert_allclose(softmax(z), scipy.special.softmax(z), rtol=1e-14)


def test_softmax_is_stable():
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        np.testing.assert_array_equal(softmax([1000.0, 0.0]), [1.0, 0.0])
        np.testing.assert_array_equal(softmax([[1000.0, 1000.0]]), [[0.5, 0.5]])


def test_log_softmax_matches_scipy(rng):
    Z = rng.normal(scale=50, size=(4, 3))
    np.testing.assert_allclose(log_softmax(Z), scipy.special.log_softmax(Z, axis=1), rtol=1e-13)


def test_softmax_jacobian_matches_finite_differences(rng):
    z = rng.normal(size=4)
    numeric = np.stack(
        [numerical_gradient(lambda t, j=j: softmax(t)[j], z) for j in range(4)]
    )  # row j: d softmax_j / dz
    assert relative_error(softmax_jacobian(z), numeric) < 1e-6


def test_softmax_jacobian_hand_formula_and_batch(rng):
    Z = rng.normal(size=(3, 4))
    J = softmax_jacobian(Z)
    assert J.shape == (3, 4, 4)
    p = scipy.special.softmax(Z[1])
    expected = np.diag(p) - np.outer(p, p)  # ŷ_c(1-ŷ_c) on the diagonal, -ŷ_j ŷ_c off it
    np.testing.assert_allclose(J[1], expected, rtol=1e-14, atol=1e-16)


@pytest.mark.parametrize("func", [sigmoid, softmax])
def test_inputs_are_not_modified(func, rng):
    z = rng.normal(size=(3, 3))
    before = z.copy()
    func(z)
    np.testing.assert_array_equal(z, before)
