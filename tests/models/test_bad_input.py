"""Every bad input gets a clear error naming the parameter, what came and what was expected."""

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError

from dlcourse.models import LinearRegression, LogisticRegression, SoftmaxRegression

MODELS = [LinearRegression, LogisticRegression, SoftmaxRegression]
SGD_MODELS = [LogisticRegression, SoftmaxRegression]


@pytest.fixture
def data(rng):
    X = rng.normal(size=(20, 3))
    y = (X[:, 0] > 0).astype(int)
    return X, y


@pytest.mark.parametrize("Model", MODELS)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_X(Model, bad, data):
    X, y = data
    X = X.copy()
    X[3, 1] = bad
    with pytest.raises(ValueError, match=r"X contains .*(NaN|inf).*index \(3, 1\)"):
        Model().fit(X, y)


@pytest.mark.parametrize("Model", MODELS)
def test_non_finite_y(Model, data):
    X, y = data
    y = y.astype(float)
    y[0] = np.nan
    with pytest.raises(ValueError, match=r"y contains .*NaN"):
        Model().fit(X, y)


@pytest.mark.parametrize("Model", MODELS)
def test_non_finite_X_at_predict(Model, data):
    X, y = data
    model = Model().fit(X, y)
    X = X.copy()
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="X contains 1 NaN"):
        model.predict(X)


@pytest.mark.parametrize("Model", MODELS)
def test_one_dimensional_X_gets_a_reshape_hint(Model, data):
    X, y = data
    with pytest.raises(ValueError, match=r"X must be 2-D.*shape \(20,\).*reshape\(-1, 1\)"):
        Model().fit(X[:, 0], y)


@pytest.mark.parametrize("Model", MODELS)
def test_three_dimensional_X(Model, data):
    X, y = data
    with pytest.raises(ValueError, match=r"X must be 2-D.*\(20, 3, 1\)"):
        Model().fit(X[:, :, None], y)


@pytest.mark.parametrize("Model", MODELS)
def test_rows_of_X_and_y_differ(Model, data):
    X, y = data
    with pytest.raises(ValueError, match="X has 20 rows but y has 19"):
        Model().fit(X, y[:-1])


@pytest.mark.parametrize("Model", MODELS)
def test_empty_data(Model):
    with pytest.raises(ValueError, match=r"X is empty: got shape \(0, 3\)"):
        Model().fit(np.empty((0, 3)), np.empty(0))


@pytest.mark.parametrize("Model", SGD_MODELS)
def test_single_class(Model, data):
    X, _ = data
    with pytest.raises(ValueError, match=r"y contains only one class \(1\).*at least 2"):
        Model().fit(X, np.ones(20, dtype=int))


def test_logistic_regression_refuses_three_classes(data):
    X, _ = data
    with pytest.raises(ValueError, match=r"3 classes.*SoftmaxRegression"):
        LogisticRegression().fit(X, np.arange(20) % 3)


@pytest.mark.parametrize("Model", SGD_MODELS)
@pytest.mark.parametrize(
    ("param", "value", "message"),
    [
        ("learning_rate", 0, "learning_rate must be a number > 0, got 0"),
        ("learning_rate", -0.1, "learning_rate must be a number > 0, got -0.1"),
        ("learning_rate", float("nan"), "learning_rate must be a number > 0, got nan"),
        ("learning_rate", "0.1", "learning_rate must be a number > 0, got '0.1'"),
        ("epochs", 0, "epochs must be an int >= 1, got 0"),
        ("epochs", 2.5, "epochs must be an int >= 1, got 2.5"),
        ("batch_size", 0, "batch_size must be an int >= 1 or None, got 0"),
        ("shuffle", "yes", "shuffle must be True or False, got 'yes'"),
        ("random_state", -1, "random_state must be None, a non-negative int"),
    ],
)
def test_bad_hyperparameters(Model, param, value, message, data):
    X, y = data
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        Model(**{param: value}).fit(X, y)


def test_bad_solver(data):
    X, y = data
    with pytest.raises(ValueError, match=r"solver must be one of 'auto', .*got 'qr'"):
        LinearRegression(solver="qr").fit(X, y)


@pytest.mark.parametrize(
    ("Model", "shape", "expected"),
    [(LogisticRegression, (3,), r"\(4,\)"), (SoftmaxRegression, (4, 3), r"\(4, 2\)")],
)
def test_init_weights_of_the_wrong_shape(Model, shape, expected, data):
    X, y = data
    with pytest.raises(
        ValueError, match=rf"init_weights must have shape {expected}.*bias in row 0"
    ):
        Model().fit(X, y, init_weights=np.zeros(shape))


def test_init_weights_with_nan(data):
    X, y = data
    with pytest.raises(ValueError, match="init_weights contains 1 NaN"):
        LogisticRegression().fit(X, y, init_weights=[0.0, np.nan, 0.0, 0.0])


@pytest.mark.parametrize("Model", MODELS)
def test_predicting_with_the_wrong_number_of_features(Model, data):
    X, y = data
    model = Model().fit(X, y)
    with pytest.raises(ValueError, match=r"X has 2 features, but .* is expecting 3 features"):
        model.predict(X[:, :2])


@pytest.mark.parametrize("Model", MODELS)
def test_predicting_before_fit(Model, data):
    X, _ = data
    with pytest.raises(NotFittedError):
        Model().predict(X)


@pytest.mark.parametrize("Model", MODELS)
def test_inputs_are_never_modified(Model, data):
    X, y = data
    X = np.asfortranarray(X)  # a layout that could tempt an in-place conversion
    X_before, y_before = X.copy(), y.copy()
    init = {} if Model is LinearRegression else {"init_weights": None}
    model = Model().fit(X, y, **init)
    model.predict(X)
    np.testing.assert_array_equal(X, X_before)
    np.testing.assert_array_equal(y, y_before)
