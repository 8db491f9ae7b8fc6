"""The experiments beyond the lesson, each against an independent expectation."""

import numpy as np
import pytest
from scipy.optimize import linprog

from dlcourse.data import load_iris_binary
from dlcourse.lessons.lesson1 import descent_experiments, experiments
from dlcourse.models import LogisticRegression


@pytest.fixture(scope="module")
def sources():
    return experiments.randomness_sources()


def test_large_learning_rates_reach_100_percent_for_every_seed(sources):
    both = sources["both"]
    accuracy = np.asarray(both["accuracy"])
    assert accuracy.shape == (4, 20)
    np.testing.assert_array_equal(accuracy[:2], 100.0)  # λ = 0.1 and 0.01, as the lesson says
    np.testing.assert_allclose(both["mean"], accuracy.mean(axis=1))
    np.testing.assert_allclose(both["std"], accuracy.std(axis=1))
    np.testing.assert_allclose(both["fraction_perfect"], (accuracy == 100).mean(axis=1))
    assert both["std"][3] > 5  # tiny steps: the start still shows


def test_each_run_is_the_fit_it_claims_to_be(sources):
    X, y = load_iris_binary(bias=False)
    w0 = np.random.default_rng(7).standard_normal(5)
    model = LogisticRegression(0.001, 20, random_state=0).fit(X, y, init_weights=w0)
    j = sources["init"]["seeds"].index(7)
    assert sources["init"]["accuracy"][2][j] == 100 * model.score(X, y)


@pytest.mark.parametrize(("i", "seed"), [(1, 0), (3, 7), (3, 19)])
def test_varying_both_is_exercise_1_3_with_that_seed(sources, i, seed):
    # no init_weights, no second seed: the fit a learner writes for Exercise 1.3
    X, y = load_iris_binary(bias=False)
    model = LogisticRegression(experiments.LEARNING_RATES[i], 20, random_state=seed).fit(X, y)
    j = sources["both"]["seeds"].index(seed)
    assert sources["both"]["accuracy"][i][j] == 100 * model.score(X, y)


def test_holding_the_start_fixed_removes_the_spread_at_small_rates(sources):
    assert sources["order"]["std"][3] < sources["init"]["std"][3]
    assert np.ptp(sources["order"]["accuracy"][3]) < np.ptp(sources["init"]["accuracy"][3])


def _linearly_separable(X, y):
    """Is there (w, b) with (2y - 1)(x·w + b) >= 1 for every sample? A linear programme decides."""
    signs = 2 * y - 1
    A = -signs[:, None] * np.column_stack([X, np.ones(len(X))])
    result = linprog(np.zeros(X.shape[1] + 1), A_ub=A, b_ub=-np.ones(len(X)), bounds=(None, None))
    return result.status == 0  # 2 means infeasible


def test_generalisation_separable_vs_overlapping_pair():
    result = experiments.generalisation()
    separable, overlapping = result["pairs"]
    assert _linearly_separable(*load_iris_binary(classes=(0, 1), bias=False))
    assert not _linearly_separable(*load_iris_binary(classes=(1, 2), bias=False))
    assert separable["test"] == [100.0] * 20  # every held-out half, every split
    assert max(overlapping["test"]) < 100  # never perfect on unseen flowers
    assert max(overlapping["train"]) < 100
    assert overlapping["test_mean"] < separable["test_mean"]


def test_polynomial_capacity_shows_under_and_overfitting():
    result = experiments.polynomial_capacity()
    train, val = np.asarray(result["train_mse"]), np.asarray(result["validation_mse"])
    assert np.all(np.diff(train) <= 1e-9 * train[:-1])  # nested least-squares fits
    best = result["degrees"].index(result["best_degree"])
    assert 2 <= result["best_degree"] <= 6
    assert val[best] < val[1] and val[best] < val[0]  # underfitting costs
    assert val[-1] > 10 * val[best] and val[-1] > val[best + 3]  # and so does overfitting
    x, y = np.asarray(result["x_train"]), np.asarray(result["y_train"])
    coefficients = np.polynomial.polynomial.polyfit(x, y, 3)  # an independent least-squares fit
    mse3 = np.mean((np.polynomial.polynomial.polyval(x, coefficients) - y) ** 2)
    assert train[3] == pytest.approx(mse3, rel=1e-8)


def test_optimiser_paths():
    result = descent_experiments.optimiser_paths()
    gd, mini, single = result["methods"]
    assert np.all(np.diff(gd["loss"]) < 0)  # full-batch GD at a small rate only goes down
    assert len(gd["path"]) == 11 and len(mini["path"]) == 51 and len(single["path"]) == 501
    assert gd["gradient_evaluations"][-1] == mini["gradient_evaluations"][-1] == 500
    for method in result["methods"]:
        assert min(method["loss"]) >= result["loss_best"] - 1e-12
    assert single["loss"][-1] < gd["loss"][-1] and mini["loss"][-1] < gd["loss"][-1]
    assert np.diff(single["loss"][100:]).max() > 0  # SGD's jitter: the loss goes up at times


def test_learning_rate_range_diverges_exactly_above_the_critical_rate():
    result = descent_experiments.learning_rate_range()
    for run in result["runs"]:
        assert run["diverged"] == (run["factor"] > 1)
        if run["factor"] < 1:
            assert run["loss"][-1] < run["loss"][0]
    fast = result["runs"][-1]  # factor 1.1: the error grows by |1 - 1.1·2| = 1.2 per step
    loss = np.asarray(fast["loss"])
    assert loss[-1] / loss[-2] == pytest.approx(1.2**2, rel=1e-3)
    assert fast["stopped_at_step"] < result["steps"]


def test_digits_softmax_regression_is_within_a_point_of_sklearn():
    result = experiments.digits()
    assert abs(result["accuracy"] - result["sklearn_accuracy"]) <= 0.01
    matrix = np.asarray(result["confusion_matrix"])
    assert matrix.sum() == result["n_test"] == 450
    assert np.trace(matrix) / matrix.sum() == pytest.approx(result["accuracy"])
    assert np.asarray(result["weight_images"]).shape == (10, 8, 8)
    confidences = [w["confidence"] for w in result["wrong"]]
    assert confidences == sorted(confidences, reverse=True)
    assert all(w["true"] != w["predicted"] for w in result["wrong"])


def test_decision_boundaries():
    result = experiments.decision_boundaries()
    P = np.asarray(result["softmax_probability"])
    assert P.shape == (100, 100, 3)
    np.testing.assert_allclose(P.sum(axis=2), 1.0, atol=2e-4)
    assert (
        0 <= np.min(result["logistic_probability"]) <= np.max(result["logistic_probability"]) <= 1
    )
    assert result["logistic_accuracy"] > 0.9 and result["softmax_accuracy"] > 0.9


def test_sgd_line_path_ends_near_the_least_squares_line():
    result = descent_experiments.sgd_line_path()
    x, y = np.asarray(result["x"]), np.asarray(result["y"])
    path = np.asarray(result["path"])
    assert path.shape == (2 * 30 + 1, 2)
    best = np.polynomial.polynomial.polyfit(x, y, 1)
    np.testing.assert_allclose(path[-1], best, atol=0.25)
    assert np.linalg.norm(path[-1] - best) < np.linalg.norm(path[0] - best) / 5


def test_bad_vary_is_refused():
    with pytest.raises(ValueError, match="vary must be"):
        experiments.learning_rate_spread(vary="everything")
