import numpy as np
import pytest
from sklearn import datasets

from dlcourse.data import (
    add_bias,
    load_iris_binary,
    load_iris_one_hot,
    make_toy_regression,
    one_hot,
    stratified_split,
)


def test_add_bias_puts_ones_left_and_copies():
    X = np.array([[2.0, 3.0], [4.0, 5.0]])
    X_tilde = add_bias(X)
    np.testing.assert_array_equal(X_tilde, [[1, 2, 3], [1, 4, 5]])
    X_tilde[0, 1] = 99
    assert X[0, 0] == 2.0


def test_add_bias_keeps_float32():
    assert add_bias(np.zeros((2, 2), np.float32)).dtype == np.float32


def test_one_hot_hand_value():
    np.testing.assert_array_equal(one_hot([2, 0, 1]), [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    assert one_hot([0, 1], n_classes=4).shape == (2, 4)


def test_one_hot_refuses_bad_labels():
    with pytest.raises(ValueError, match=r"class indices in 0\.\.1"):
        one_hot([0, 2], n_classes=2)
    with pytest.raises(ValueError, match="integer class indices"):
        one_hot([0.5, 1.0])


def test_toy_regression_has_known_weights():
    X, y = make_toy_regression(n_samples=20, w=(0.5, 1.0), random_state=3)
    assert X.shape == (20, 2)
    np.testing.assert_array_equal(X[:, 0], 1.0)
    np.testing.assert_allclose(y, 0.5 + X[:, 1], rtol=1e-15)


def test_toy_regression_is_seeded_and_noise_is_added():
    a = make_toy_regression(random_state=1, noise=0.1)
    b = make_toy_regression(random_state=1, noise=0.1)
    c = make_toy_regression(random_state=2, noise=0.1)
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[1], c[1])
    residual = a[1] - a[0] @ np.array([0.5, 1.0])
    assert 0 < np.std(residual) < 0.3


def test_iris_binary_is_setosa_vs_versicolor_with_bias():
    X, y = load_iris_binary()
    iris = datasets.load_iris()
    assert X.shape == (100, 5) and y.shape == (100,)
    np.testing.assert_array_equal(X[:, 0], 1.0)
    np.testing.assert_array_equal(X[:, 1:], iris.data[iris.target != 2])
    np.testing.assert_array_equal(y, iris.target[iris.target != 2])


def test_iris_binary_other_pair():
    X, y = load_iris_binary(classes=(1, 2), bias=False)
    assert X.shape == (100, 4)
    assert np.bincount(y).tolist() == [50, 50]


def test_iris_one_hot():
    X, Y = load_iris_one_hot()
    assert X.shape == (150, 5) and Y.shape == (150, 3)
    np.testing.assert_array_equal(Y.argmax(1), datasets.load_iris().target)


def test_stratified_split_keeps_proportions_and_is_seeded():
    X, y = load_iris_binary()
    X_train, _, _, y_test = stratified_split(X, y, test_size=0.2, random_state=0)
    assert len(y_test) == 20 and np.bincount(y_test).tolist() == [10, 10]
    again = stratified_split(X, y, test_size=0.2, random_state=0)
    np.testing.assert_array_equal(again[3], y_test)
    np.testing.assert_array_equal(again[0], X_train)
