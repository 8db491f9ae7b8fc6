"""PyTorch tensors (and any array API library): the same weights as NumPy, kept as tensors."""

import warnings

import numpy as np
import pytest
import sklearn
from scipy.linalg import LinAlgWarning
from sklearn.datasets import load_digits

from dlcourse.activations import log_softmax, sigmoid, softmax
from dlcourse.data import load_iris_binary
from dlcourse.engines.array_api_training import array_api_gradient_sum, array_api_sgd
from dlcourse.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    cross_entropy_with_logits,
    mean_squared_error,
)
from dlcourse.models import LinearRegression, LogisticRegression, SoftmaxRegression
from dlcourse.training import sgd

torch = pytest.importorskip("torch")

DEVICES = [
    "cpu",
    pytest.param(
        "cuda",
        marks=pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU here"),
    ),
]


@pytest.fixture(autouse=True)
def dispatch():
    with sklearn.config_context(array_api_dispatch=True):
        yield


def tensor(a, device="cpu"):
    return torch.asarray(a, device=device)


def assert_same(t, expected, tol=1e-10, device="cpu"):
    assert isinstance(t, torch.Tensor) and t.device.type == device
    np.testing.assert_allclose(t.cpu().numpy(), expected, rtol=tol, atol=tol)


def digits():
    X, y = load_digits(return_X_y=True)
    return X[:600] / 16, y[:600]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("batch_size", [1, 32, None])
@pytest.mark.parametrize("fit_intercept", [True, False])
def test_softmax_regression_on_tensors_equals_numpy(device, batch_size, fit_intercept):
    X, y = digits()
    settings = dict(learning_rate=0.1, epochs=3, batch_size=batch_size, fit_intercept=fit_intercept)
    expected = SoftmaxRegression(**settings, random_state=0).fit(X, y)
    model = SoftmaxRegression(**settings, random_state=0).fit(tensor(X, device), tensor(y, device))
    assert_same(model.weights_, expected.weights_, device=device)
    assert_same(model.loss_history_, expected.loss_history_, device=device)
    assert_same(model.coef_, expected.coef_, device=device)
    assert_same(model.predict_proba(tensor(X, device)), expected.predict_proba(X), device=device)
    assert_same(model.predict(tensor(X, device)), expected.predict(X), 0, device=device)
    assert model.score(tensor(X, device), tensor(y, device)) == expected.score(X, y)


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("batch_size", [1, 7, None])
def test_logistic_regression_on_tensors_equals_numpy(device, batch_size):
    X, y = load_iris_binary(bias=False)
    expected = LogisticRegression(0.1, batch_size=batch_size, random_state=2).fit(X, y)
    model = LogisticRegression(0.1, batch_size=batch_size, random_state=2)
    model.fit(tensor(X, device), tensor(y, device))
    assert_same(model.weights_, expected.weights_, device=device)
    assert_same(
        model.decision_function(tensor(X, device)), expected.decision_function(X), device=device
    )
    assert_same(model.predict_proba(tensor(X, device)), expected.predict_proba(X), device=device)


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("collinear", [False, True])
def test_linear_regression_on_tensors_equals_numpy(device, fit_intercept, collinear):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3000, 8)) * 2 + 5
    y = X @ rng.standard_normal(8) + 1 + 0.1 * rng.standard_normal(3000)
    if collinear:  # singular XᵀX: both take the minimum-norm QR route
        X = np.column_stack([X, X[:, 2]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LinAlgWarning)
        expected = LinearRegression(fit_intercept=fit_intercept).fit(X, y)
        model = LinearRegression(fit_intercept=fit_intercept)
        model.fit(tensor(X, device), tensor(y, device))
    assert_same(model.weights_, expected.weights_, device=device)
    assert_same(model.predict(tensor(X, device)), expected.predict(X), device=device)


def test_float32_tensors_are_trained_in_float32():
    X, y = digits()
    X32 = torch.asarray(X, dtype=torch.float32)
    model = SoftmaxRegression(0.1, 2, random_state=0).fit(X32, torch.asarray(y))
    assert model.weights_.dtype == torch.float32
    expected = SoftmaxRegression(0.1, 2, random_state=0).fit(X.astype(np.float32), y)
    np.testing.assert_allclose(model.weights_.numpy(), expected.weights_, rtol=1e-4, atol=1e-5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LinAlgWarning)  # digits has constant pixels
        w = LinearRegression().fit(X32, torch.asarray(X @ np.arange(64.0))).weights_
    assert w.dtype == torch.float32


def test_without_dispatch_tensors_become_numpy():
    X, y = load_iris_binary(bias=False)
    with sklearn.config_context(array_api_dispatch=False):
        model = LogisticRegression(random_state=0).fit(torch.asarray(X), torch.asarray(y))
    assert isinstance(model.weights_, np.ndarray)  # scikit-learn's convention: NumPy inside
    expected = LogisticRegression(random_state=0).fit(X, y)
    np.testing.assert_array_equal(model.weights_, expected.weights_)


def test_predicting_on_another_library_is_refused():
    X, y = load_iris_binary(bias=False)
    model = LogisticRegression(random_state=0).fit(torch.asarray(X), torch.asarray(y))
    with pytest.raises(ValueError, match=r"LogisticRegression.predict\(\) must use the same"):
        model.predict(X)


def test_labels_in_another_library_follow_x():
    X, y = digits()
    model = SoftmaxRegression(0.1, 2, random_state=0).fit(torch.asarray(X), y)  # y: NumPy
    expected = SoftmaxRegression(0.1, 2, random_state=0).fit(X, y)
    assert_same(model.weights_, expected.weights_)


def test_nan_in_a_tensor_is_refused_before_training():
    X, y = digits()
    X = X.copy()
    X[5, 3] = np.nan
    with pytest.raises(ValueError, match=r"X contains 1 NaN .* index \(5, 3\)"):
        SoftmaxRegression().fit(torch.asarray(X), torch.asarray(y))


@pytest.mark.parametrize("device", DEVICES)
def test_functions_take_tensors(device):
    Z = np.random.default_rng(0).normal(size=(6, 4)) * 30  # large logits: stability matters
    Y = np.eye(4)[[0, 1, 2, 3, 0, 1]]
    for f, args in [
        (sigmoid, (Z,)),
        (softmax, (Z,)),
        (log_softmax, (Z,)),
        (cross_entropy_with_logits, (Y, Z)),
        (binary_cross_entropy_with_logits, (Y[:, 0], Z[:, 0])),
        (cross_entropy, (Y, softmax(Z))),  # probabilities of exactly 0 and 1 are clipped
        (binary_cross_entropy, (Y[:, 0], sigmoid(Z[:, 0]))),
    ]:
        assert_same(f(*(tensor(a, device) for a in args)), f(*args), 1e-12, device=device)
    assert mean_squared_error(tensor(Z, device), tensor(Y, device)) == mean_squared_error(Z, Y)


def test_partial_fit_on_tensors_equals_one_numpy_epoch():
    X, y = digits()
    expected = SoftmaxRegression(0.1, 1, shuffle=False, random_state=0).fit(X, y)
    model = SoftmaxRegression(0.1, shuffle=False, random_state=0)
    for start in range(0, len(X), 250):
        chunk = slice(start, start + 250)
        model.partial_fit(tensor(X[chunk]), tensor(y[chunk]), classes=torch.arange(10))
    assert_same(model.weights_, expected.weights_)
    assert isinstance(model.loss_history_, torch.Tensor) and len(model.loss_history_) == 3


@pytest.mark.parametrize("device", DEVICES)
def test_gradient_sum_on_tensors_is_the_closed_form(device):
    # Σ x (ŷ - y)ᵀ and Σ loss of softmax regression, on the device, against NumPy written out
    X, y = digits()
    Y = np.eye(10)[y]
    W = np.random.default_rng(3).normal(size=(65, 10)) * 0.1
    G, total = array_api_gradient_sum(
        tensor(X, device), tensor(Y, device), tensor(W, device), model="softmax", intercept=True
    )
    X1 = np.column_stack([np.ones(len(X)), X])
    Z = X1 @ W
    log_P = Z - Z.max(axis=1, keepdims=True)
    log_P -= np.log(np.exp(log_P).sum(axis=1, keepdims=True))
    assert_same(G, X1.T @ (np.exp(log_P) - Y), 1e-10, device=device)
    np.testing.assert_allclose(total, -np.sum(Y * log_P), rtol=1e-12)


@pytest.mark.parametrize("batch_size", [1, 9, None])
def test_the_loop_on_tensors_is_the_numpy_loop(batch_size):
    # the engine's loop makes the lesson's updates: the same weights and loss history as
    # dlcourse.training.sgd, the weights given left as they were
    X, y = load_iris_binary()
    X, y = X[::3], y[::3].astype(float)  # 34 samples: 9 does not divide it
    w0 = np.random.default_rng(2).normal(size=5)
    settings = dict(model="logistic", learning_rate=0.1, epochs=3, batch_size=batch_size)
    w, history = sgd(X, y, w0, rng=np.random.default_rng(4), **settings)
    w0_t = tensor(w0)
    w_t, history_t = array_api_sgd(
        tensor(X), tensor(y), w0_t, rng=np.random.default_rng(4), **settings
    )
    assert_same(w_t, w, 1e-12)
    np.testing.assert_allclose(history_t, history, rtol=1e-12)
    assert_same(w0_t, w0, 0)
