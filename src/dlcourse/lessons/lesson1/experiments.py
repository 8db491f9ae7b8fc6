"""Experiments beyond Lesson 1: the questions it raises, answered with data.

Every function runs models from :mod:`dlcourse.models` and returns plain numbers and lists
(ready for JSON); none prints. Every random choice follows ``random_state``/``seeds``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.metrics import confusion_matrix

from dlcourse.data import load_iris_binary, load_iris_one_hot, stratified_split
from dlcourse.models import LinearRegression, LogisticRegression, SoftmaxRegression

__all__ = [
    "LEARNING_RATES",
    "VARY_TITLES",
    "decision_boundaries",
    "digits",
    "generalisation",
    "learning_rate_spread",
    "polynomial_capacity",
    "randomness_sources",
]

LEARNING_RATES = (0.1, 0.01, 0.001, 0.0001)
VARY_TITLES = {  # what each ``vary`` of learning_rate_spread means, for tables and figures
    "both": "start and order vary (as in the lesson)",
    "init": "only the starting weights vary",
    "order": "only the order of the samples varies",
}


# ------------------------------------------------------------- 1. why do runs differ?


def learning_rate_spread(
    learning_rates: Sequence[float] = LEARNING_RATES,
    seeds: Iterable[int] = range(20),
    epochs: int = 20,
    vary: str = "both",
) -> dict[str, Any]:
    """Exercise 1.3 repeated over many seeds: the spread of training accuracy per learning rate.

    Parameters
    ----------
    vary : {"both", "init", "order"}
        Which randomness changes from seed to seed: the initial weights and the order of the
        samples ("both", as in the lesson), only the initial weights (the order fixed by
        seed 0), or only the order (the initial weights fixed by seed 0).

    Returns
    -------
    dict with ``accuracy`` (one row per learning rate, one column per seed, in %) and per
    learning rate its ``mean``, ``std``, ``min``, ``max`` and ``fraction_perfect`` (100%).
    """
    if vary not in ("both", "init", "order"):
        raise ValueError(f"vary must be 'both', 'init' or 'order', got {vary!r}.")
    seeds = list(seeds)
    X, y = load_iris_binary(bias=False)
    accuracy = np.empty((len(learning_rates), len(seeds)))
    for i, learning_rate in enumerate(learning_rates):
        for j, seed in enumerate(seeds):
            init_seed = 0 if vary == "order" else seed
            order_seed = 0 if vary == "init" else seed
            # the weights LogisticRegression(random_state=init_seed) draws first by itself
            w0 = np.random.default_rng(init_seed).standard_normal(X.shape[1] + 1)
            model = LogisticRegression(learning_rate, epochs, random_state=order_seed)
            accuracy[i, j] = 100 * model.fit(X, y, init_weights=w0).score(X, y)
    return {
        "learning_rates": list(learning_rates),
        "seeds": seeds,
        "vary": vary,
        "epochs": epochs,
        "accuracy": accuracy.tolist(),
        **_spread(accuracy, perfect=100.0),
    }


def randomness_sources(
    learning_rates: Sequence[float] = LEARNING_RATES, seeds: Iterable[int] = range(20)
) -> dict[str, Any]:
    """:func:`learning_rate_spread` three times: varying both, only the start, only the order."""
    seeds = list(seeds)
    return {
        vary: learning_rate_spread(learning_rates, seeds, vary=vary)
        for vary in ("both", "init", "order")
    }


# ------------------------------------------------------- 2. does 100% hold on unseen data?


def generalisation(
    pairs: Sequence[tuple[int, int]] = ((0, 1), (1, 2)),
    n_splits: int = 20,
    test_size: float = 0.5,
    learning_rate: float = 0.01,
    epochs: int = 20,
    random_state: int = 0,
) -> dict[str, Any]:
    """Training and held-out accuracy of logistic regression on Iris pairs, over seeded splits.

    The default pairs are setosa vs versicolor (the lesson's, linearly separable) and
    versicolor vs virginica (overlapping). Split ``s`` and its model both use the seed
    ``random_state + s``.
    """
    species = ("setosa", "versicolor", "virginica")
    results = []
    for pair in pairs:
        X, y = load_iris_binary(classes=pair, bias=False)
        train, test = np.empty(n_splits), np.empty(n_splits)
        for s in range(n_splits):
            seed = random_state + s
            X_train, X_test, y_train, y_test = stratified_split(X, y, test_size, random_state=seed)
            model = LogisticRegression(learning_rate, epochs, random_state=seed)
            model.fit(X_train, y_train)
            train[s], test[s] = (
                100 * model.score(X_train, y_train),
                100 * model.score(X_test, y_test),
            )
        results.append(
            {
                "pair": list(pair),
                "name": f"{species[pair[0]]} vs {species[pair[1]]}",
                "train": train.tolist(),
                "test": test.tolist(),
                "train_mean": float(train.mean()),
                "test_mean": float(test.mean()),
                "test_min": float(test.min()),
                "train_fraction_perfect": float(np.mean(train == 100)),
                "test_fraction_perfect": float(np.mean(test == 100)),
            }
        )
    return {
        "test_size": test_size,
        "learning_rate": learning_rate,
        "epochs": epochs,
        "pairs": results,
    }


# ------------------------------------------------------ 3. under- and overfitting


def polynomial_capacity(
    degrees: Iterable[int] = range(0, 16),
    n_train: int = 20,
    n_validation: int = 200,
    noise: float = 0.2,
    random_state: int = 0,
) -> dict[str, Any]:
    """Fit polynomials of growing degree to noisy samples of sin(πx) on [-1, 1].

    Each degree is linear regression on the features 1, x, ..., x^degree (solved by least
    squares). Returns training and validation MSE per degree, the degree with the lowest
    validation error, and the fitted curves of an underfit (degree 1), the best and the
    most flexible model.
    """
    degrees = list(degrees)
    rng = np.random.default_rng(random_state)
    x_train = rng.uniform(-1, 1, n_train)
    x_val = rng.uniform(-1, 1, n_validation)
    y_train = np.sin(np.pi * x_train) + noise * rng.standard_normal(n_train)
    y_val = np.sin(np.pi * x_val) + noise * rng.standard_normal(n_validation)
    x_grid = np.linspace(-1, 1, 200)
    train_mse, val_mse, curves = [], [], {}
    for degree in degrees:
        model = LinearRegression(solver="lstsq", fit_intercept=False)
        model.fit(_powers(x_train, degree), y_train)
        train_mse.append(float(np.mean((model.predict(_powers(x_train, degree)) - y_train) ** 2)))
        val_mse.append(float(np.mean((model.predict(_powers(x_val, degree)) - y_val) ** 2)))
        curves[degree] = model.predict(_powers(x_grid, degree)).tolist()
    best = degrees[int(np.argmin(val_mse))]
    shown = {
        "underfit": min(degrees, key=lambda d: abs(d - 1)),
        "best": best,
        "overfit": degrees[-1],
    }
    return {
        "degrees": degrees,
        "train_mse": train_mse,
        "validation_mse": val_mse,
        "best_degree": best,
        "noise_variance": noise**2,
        "x_train": x_train.tolist(),
        "y_train": y_train.tolist(),
        "x_grid": x_grid.tolist(),
        "y_true": np.sin(np.pi * x_grid).tolist(),
        "curves": {label: {"degree": d, "y": curves[d]} for label, d in shown.items()},
    }


def _powers(x: np.ndarray, degree: int) -> np.ndarray:
    return np.vander(x, degree + 1, increasing=True)  # (n, degree+1): 1, x, x², ...


# ---------------------------------------------------------------- 6. computer vision


def digits(
    test_size: float = 0.25,
    learning_rate: float = 0.05,
    epochs: int = 100,
    random_state: int = 0,
    n_wrong: int = 8,
) -> dict[str, Any]:
    """Softmax regression on scikit-learn's 8×8 handwritten digits, next to scikit-learn's.

    Pixels are scaled from 0..16 to 0..1; both models train on the same stratified split.
    Returns both test accuracies, the confusion matrix, the ten learned weight images and the
    ``n_wrong`` test images classified wrongly with the highest confidence.
    """
    data = load_digits()
    X, y = data.data / 16.0, data.target
    X_train, X_test, y_train, y_test = stratified_split(X, y, test_size, random_state=random_state)
    model = SoftmaxRegression(learning_rate, epochs, random_state=random_state).fit(
        X_train, y_train
    )
    reference = SkLogisticRegression(max_iter=2000).fit(X_train, y_train)
    P = model.predict_proba(X_test)  # (n_test, 10)
    predicted = model.classes_[P.argmax(axis=1)]
    wrong = np.flatnonzero(predicted != y_test)
    wrong = wrong[np.argsort(-P[wrong].max(axis=1))][:n_wrong]
    return {
        "n_train": len(y_train),
        "n_test": len(y_test),
        "accuracy": model.score(X_test, y_test),
        "sklearn_accuracy": float(reference.score(X_test, y_test)),
        "confusion_matrix": confusion_matrix(y_test, predicted).tolist(),
        "weight_images": model.coef_.reshape(10, 8, 8).tolist(),  # (class, row, column)
        "wrong": [
            {
                "image": X_test[i].reshape(8, 8).tolist(),
                "true": int(y_test[i]),
                "predicted": int(predicted[i]),
                "confidence": float(P[i].max()),
            }
            for i in wrong
        ],
    }


# --------------------------------------------------------------- 7. decision boundaries


def decision_boundaries(
    features: tuple[int, int] = (2, 3), epochs: int = 100, random_state: int = 0
) -> dict[str, Any]:
    """Logistic (versicolor vs virginica) and softmax (all species) regression on two features.

    By default petal length and width. Returns the data, both models' probabilities on a
    grid (for shading) and their training accuracies.
    """
    X_all, Y_all = load_iris_one_hot(bias=False)
    X2 = X_all[:, list(features)]
    y_all = Y_all.argmax(axis=1)
    g0 = np.linspace(X2[:, 0].min() - 0.5, X2[:, 0].max() + 0.5, 100)
    g1 = np.linspace(X2[:, 1].min() - 0.5, X2[:, 1].max() + 0.5, 100)
    G = np.column_stack([a.ravel() for a in np.meshgrid(g0, g1)])  # (100·100, 2)
    pair = y_all > 0
    logistic = LogisticRegression(0.1, epochs, random_state=random_state).fit(X2[pair], y_all[pair])
    softmax_model = SoftmaxRegression(0.1, epochs, random_state=random_state).fit(X2, y_all)
    feature_names = [
        "sepal length (cm)",
        "sepal width (cm)",
        "petal length (cm)",
        "petal width (cm)",
    ]
    return {
        "features": [feature_names[f] for f in features],
        "X": X2.tolist(),
        "y": y_all.tolist(),
        "grid_0": g0.tolist(),
        "grid_1": g1.tolist(),
        # rounded: enough for shading, and keeps results.json small
        "logistic_probability": logistic.predict_proba(G)[:, 1].reshape(100, 100).round(4).tolist(),
        "logistic_accuracy": logistic.score(X2[pair], y_all[pair]),
        "softmax_probability": softmax_model.predict_proba(G)
        .reshape(100, 100, 3)
        .round(4)
        .tolist(),
        "softmax_accuracy": softmax_model.score(X2, y_all),
    }


def _spread(values: np.ndarray, perfect: float) -> dict[str, list[float]]:
    """Per row: mean, standard deviation, min, max and the fraction of runs equal to ``perfect``."""
    return {
        "mean": values.mean(axis=1).tolist(),
        "std": values.std(axis=1).tolist(),
        "min": values.min(axis=1).tolist(),
        "max": values.max(axis=1).tolist(),
        "fraction_perfect": (values == perfect).mean(axis=1).tolist(),
    }
