"""Every exercise and question of Lesson 1, solved with dlcourse. Returns data, prints nothing.

Each function returns a dict of plain numbers and lists, so that the whole result can be
written to JSON as it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn import datasets

from dlcourse.data import load_iris_binary, load_iris_one_hot, make_toy_regression
from dlcourse.models import LogisticRegression, SoftmaxRegression
from dlcourse.normal_equation import normal_equation_inverse

LEARNING_RATES = (0.1, 0.01, 0.001, 0.0001)  # the rates Exercise 1.3 asks to compare
W_REAL = (0.5, 1.0)  # the toy problem's true bias and slope


def exercise_1_1(seed: int) -> dict[str, Any]:
    """Linear regression: recover known weights from 20 noise-free points."""
    X, y = make_toy_regression(n_samples=20, w=W_REAL, random_state=seed)  # (20, 2), (20,)
    w_predicted = normal_equation_inverse(X, y)  # the lesson's (XᵀX)⁻¹ Xᵀy
    return {
        "w_real": list(W_REAL),
        "w_predicted": w_predicted.tolist(),
        "max_abs_error": float(np.max(np.abs(w_predicted - W_REAL))),
        "x": X[:, 1].tolist(),
        "y": y.tolist(),
    }


def sigmoid_demo(seed: int) -> dict[str, Any]:
    """Section 2: 20 toy points labelled by the sign of z = x w, placed on the sigmoid."""
    _, z = make_toy_regression(n_samples=20, w=W_REAL, random_state=seed)
    return {"z": z.tolist(), "classes": (z > 0).astype(int).tolist()}


def exercise_1_2(seed: int, verbose: bool = False) -> dict[str, Any]:
    """The two Iris questions, then 20 epochs of logistic regression on setosa vs versicolor."""
    iris = datasets.load_iris()
    X, y = load_iris_binary(bias=False)  # (100, 4)
    model = LogisticRegression(learning_rate=0.01, epochs=20, random_state=seed, verbose=verbose)
    model.fit(X, y)
    return {
        "n_datapoints": int(iris.data.shape[0]),
        "n_weights_without_bias": int(iris.data.shape[1]),
        "species": list(map(str, iris.target_names)),
        "n_binary": int(X.shape[0]),
        "loss_history": model.loss_history_.tolist(),
        "final_loss": float(model.loss_history_[-1]),
        "accuracy": model.score(X, y),
        "weights": model.weights_.tolist(),
    }


def exercise_1_3(seed: int) -> dict[str, Any]:
    """Training accuracy after 20 epochs for each learning rate, all from the same start."""
    X, y = load_iris_binary(bias=False)
    accuracies = [
        100
        * LogisticRegression(learning_rate=lr, epochs=20, random_state=seed).fit(X, y).score(X, y)
        for lr in LEARNING_RATES
    ]
    return {"learning_rates": list(LEARNING_RATES), "accuracy_percent": accuracies}


def exercise_1_4(seed: int, verbose: bool = False) -> dict[str, Any]:
    """Softmax regression on all of Iris, 100 epochs of per-sample SGD."""
    X, Y = load_iris_one_hot(bias=False)
    y = Y.argmax(axis=1)
    model = SoftmaxRegression(learning_rate=0.01, epochs=100, random_state=seed, verbose=verbose)
    model.fit(X, y)
    return {
        "loss_history": model.loss_history_.tolist(),
        "final_loss": float(model.loss_history_[-1]),
        "accuracy": model.score(X, y),
        "weights_shape": list(model.weights_.shape),
    }


def run_lesson1(seed: int = 0, verbose: bool = False, beyond: bool = True) -> dict[str, Any]:
    """Run the whole lesson, then (``beyond``) the experiments on the questions it leaves open.

    ``verbose`` shows progress bars for the training runs and the experiments.
    """
    results = {
        "seed": seed,
        "exercise_1_1": exercise_1_1(seed),
        "sigmoid": sigmoid_demo(seed),
        "exercise_1_2": exercise_1_2(seed, verbose),
        "exercise_1_3": exercise_1_3(seed),
        "exercise_1_4": exercise_1_4(seed, verbose),
    }
    if beyond:
        from tqdm.auto import tqdm

        from dlcourse.lessons.lesson1.beyond import EXPERIMENTS

        names = tqdm(EXPERIMENTS, desc="experiments", unit="experiment", disable=not verbose)
        results["beyond"] = {name: EXPERIMENTS[name].run(seed) for name in names}
    return results
