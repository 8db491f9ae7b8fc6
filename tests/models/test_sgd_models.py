"""LogisticRegression and SoftmaxRegression: faithful to the lesson, reproducible, accurate."""

import numpy as np
import pytest
from lesson_reference import logistic_sgd, softmax_sgd
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from dlcourse.activations import sigmoid, softmax
from dlcourse.data import load_iris_binary, load_iris_one_hot
from dlcourse.models import LogisticRegression, SoftmaxRegression
from dlcourse.validation import check_random_state


@pytest.fixture(scope="module")
def iris_pair():
    return load_iris_binary(bias=False)  # (100, 4), (100,)


@pytest.fixture(scope="module")
def iris():
    X, Y = load_iris_one_hot(bias=False)
    return X, Y.argmax(1)  # (150, 4), (150,)


# ------------------------------------------------------------------ faithful to the lesson


def test_logistic_regression_performs_the_lessons_updates(iris_pair, rng):
    X, y = iris_pair
    w0 = rng.normal(size=(5, 1))  # the lesson's (d+1, 1) column
    model = LogisticRegression(learning_rate=0.01, epochs=20, shuffle=False)
    model.fit(X, y, init_weights=w0)
    X_tilde = np.column_stack([np.ones(len(X)), X])
    w_ref, history_ref = logistic_sgd(X_tilde, y, w0, 0.01, [range(len(X))] * 20)
    np.testing.assert_allclose(model.weights_, w_ref, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(model.loss_history_, history_ref, rtol=1e-12)


def test_softmax_regression_performs_the_lessons_updates(iris, rng):
    X, y = iris
    W0 = rng.normal(size=(5, 3))
    model = SoftmaxRegression(learning_rate=0.01, epochs=100, shuffle=False)
    model.fit(X, y, init_weights=W0)
    X_tilde = np.column_stack([np.ones(len(X)), X])
    W_ref, history_ref = softmax_sgd(X_tilde, np.eye(3)[y], W0, 0.01, [range(len(X))] * 100)
    np.testing.assert_allclose(model.weights_, W_ref, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(model.loss_history_, history_ref, rtol=1e-12)


def test_shuffled_fit_follows_the_reference_given_the_same_orders(iris, rng):
    # The order of every epoch comes from random_state's stream after the initial weights,
    # which are drawn even when init_weights replaces them: replay it.
    X, y = iris
    W0 = rng.normal(size=(5, 3))
    model = SoftmaxRegression(epochs=5, random_state=7).fit(X, y, init_weights=W0)
    order_rng = np.random.default_rng(7)
    order_rng.standard_normal((5, 3))
    orders = [order_rng.permutation(len(X)) for _ in range(5)]
    X_tilde = np.column_stack([np.ones(len(X)), X])
    W_ref, history_ref = softmax_sgd(X_tilde, np.eye(3)[y], W0, 0.01, orders)
    np.testing.assert_allclose(model.weights_, W_ref, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(model.loss_history_, history_ref, rtol=1e-12)


# ------------------------------------------------------------------------- the lesson's claims


@pytest.mark.parametrize("learning_rate", [0.1, 0.01])
def test_logistic_regression_separates_the_iris_pair_for_every_seed(learning_rate, iris_pair):
    X, y = iris_pair
    for seed in range(20):
        model = LogisticRegression(learning_rate=learning_rate, random_state=seed).fit(X, y)
        assert model.score(X, y) == 1.0, f"seed {seed}"


def test_softmax_regression_reaches_the_lessons_loss_for_every_seed(iris):
    X, y = iris
    final = [SoftmaxRegression(random_state=s).fit(X, y).loss_history_[-1] for s in range(20)]
    assert max(final) < 0.15, final  # the lesson: "about 0.1"


# ----------------------------------------------------------------------- reproducibility


@pytest.mark.parametrize("Model", [LogisticRegression, SoftmaxRegression])
def test_same_seed_same_result_bit_for_bit(Model, iris_pair):
    X, y = iris_pair
    a = Model(epochs=5, random_state=3).fit(X, y)
    b = Model(epochs=5, random_state=3).fit(X, y)
    c = Model(epochs=5, random_state=4).fit(X, y)
    np.testing.assert_array_equal(a.weights_, b.weights_)
    np.testing.assert_array_equal(a.loss_history_, b.loss_history_)
    assert not np.array_equal(a.weights_, c.weights_)


@pytest.mark.parametrize("seed", [0, 7, np.int64(7), 2**64 + 5])
def test_an_int_seed_is_default_rngs_stream_in_a_new_generator(seed):
    a, b = check_random_state(seed), check_random_state(seed)
    assert a is not b
    expected = np.random.default_rng(seed).random(5)
    np.testing.assert_array_equal(a.random(5), expected)
    np.testing.assert_array_equal(b.random(5), expected)  # a's draws did not move b
    generator = np.random.default_rng(1)
    assert check_random_state(generator) is generator


def test_init_weights_fix_the_start_and_random_state_the_order(iris_pair):
    X, y = iris_pair
    w0 = np.zeros(5)
    a = LogisticRegression(epochs=1, random_state=1).fit(X, y, init_weights=w0)
    b = LogisticRegression(epochs=1, random_state=2).fit(X, y, init_weights=w0)
    assert not np.array_equal(a.weights_, b.weights_)  # different orders
    np.testing.assert_array_equal(w0, 0.0)  # the caller's array is untouched


# ----------------------------------------------------------------- predictions and layout


def test_logistic_predictions_and_attributes(iris_pair):
    X, y = iris_pair
    model = LogisticRegression(random_state=0).fit(X, y)
    w = model.weights_
    assert w.shape == (5,)
    z = X @ w[1:] + w[0]
    np.testing.assert_allclose(model.decision_function(X), z, rtol=1e-12)
    np.testing.assert_allclose(model.predict_proba(X)[:, 1], sigmoid(z), rtol=1e-12)
    np.testing.assert_array_equal(model.predict(X), (sigmoid(z) > 0.5).astype(int))
    np.testing.assert_array_equal(model.coef_, w[None, 1:])
    np.testing.assert_array_equal(model.intercept_, w[:1])


def test_softmax_predictions_and_attributes(iris):
    X, y = iris
    model = SoftmaxRegression(epochs=10, random_state=0).fit(X, y)
    W = model.weights_
    assert W.shape == (5, 3)
    Z = X @ W[1:] + W[0]
    np.testing.assert_allclose(model.predict_proba(X), softmax(Z), rtol=1e-12)
    np.testing.assert_array_equal(model.predict(X), Z.argmax(1))
    np.testing.assert_array_equal(model.coef_, W[1:].T)
    np.testing.assert_array_equal(model.intercept_, W[0])


def test_string_labels_are_mapped_and_returned(iris):
    X, y = iris
    names = np.array(["setosa", "versicolor", "virginica"])[y]
    model = SoftmaxRegression(epochs=20, random_state=0).fit(X, names)
    np.testing.assert_array_equal(model.classes_, ["setosa", "versicolor", "virginica"])
    assert model.score(X, names) > 0.9
    binary = LogisticRegression(random_state=0).fit(X[:100], names[:100])
    assert set(binary.predict(X[:100])) == {"setosa", "versicolor"}


@pytest.mark.parametrize(
    "labels",
    [
        np.array([-1, 1]),  # negative: the bincount shortcut must not take them
        np.array([-128, 127], dtype=np.int8),
        np.array([2, 5], dtype=np.uint8),  # gaps between small labels
        np.array([0, 1], dtype=np.uint64),
        np.array([3, 1_000_000]),  # too large for a count per value
    ],
)
def test_integer_labels_of_any_range_are_the_classes(iris_pair, labels):
    X, y = iris_pair
    model = LogisticRegression(epochs=2, random_state=0).fit(X, labels[y])
    np.testing.assert_array_equal(model.classes_, np.unique(labels))
    assert model.classes_.dtype == labels.dtype
    reference = LogisticRegression(epochs=2, random_state=0).fit(X, y)  # labels 0 and 1
    np.testing.assert_array_equal(model.weights_, reference.weights_)
    np.testing.assert_array_equal(model.predict(X), labels[reference.predict(X)])


def test_without_intercept_the_weights_have_no_bias_row(iris_pair):
    X, y = iris_pair
    model = LogisticRegression(fit_intercept=False, random_state=0).fit(X, y)
    assert model.weights_.shape == (4,)
    np.testing.assert_array_equal(model.intercept_, [0.0])


def test_float32_is_trained_in_float32(iris):
    X, y = iris
    model = SoftmaxRegression(epochs=3, random_state=0).fit(X.astype(np.float32), y)
    assert model.weights_.dtype == np.float32
    ref = SoftmaxRegression(epochs=3, random_state=0).fit(X, y)
    np.testing.assert_allclose(model.weights_, ref.weights_, rtol=1e-3, atol=1e-4)


# ------------------------------------------------------------------ scikit-learn tooling


def test_clone_pipeline_and_grid_search(iris):
    X, y = iris
    model = SoftmaxRegression(epochs=10, random_state=0)
    assert clone(model).get_params() == model.get_params()
    pipe = make_pipeline(StandardScaler(), model).fit(X, y)
    X_scaled = StandardScaler().fit_transform(X)  # the pipeline is this composition, no more
    direct = clone(model).fit(X_scaled, y)
    np.testing.assert_array_equal(pipe[-1].weights_, direct.weights_)
    assert pipe.score(X, y) == direct.score(X_scaled, y) > 0.8
    grid = GridSearchCV(model, {"learning_rate": [0.1, 0.0001]}, cv=3).fit(X, y)
    assert grid.best_params_ == {"learning_rate": 0.1}


@pytest.mark.parametrize("Model", [LogisticRegression, SoftmaxRegression])
def test_fit_does_not_copy_X(Model, rng):
    import tracemalloc

    X = rng.normal(size=(20_000, 50))  # 8 MB, float64 and C-contiguous: nothing to convert
    y = (X[:, 0] > 0).astype(int)
    Model(epochs=1, random_state=0).fit(X[:100], y[:100])  # compile/load outside the measurement
    tracemalloc.start()
    Model(epochs=1, random_state=0).fit(X, y)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 0.3 * X.nbytes  # the bias column is not added to a copy of X
