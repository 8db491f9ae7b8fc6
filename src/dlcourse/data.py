"""Data for Lesson 1: the toy regression problem, Iris, and the helpers that shape it.

The lesson's layout is kept throughout: a data matrix X of shape (n, d+1) whose first
column is ones (the bias), targets y of shape (n,), or one-hot targets Y of shape (n, K).
Everything random takes a ``random_state``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn import datasets
from sklearn.model_selection import train_test_split

from dlcourse.validation import RandomState, check_random_state

__all__ = [
    "IRIS_SPECIES",
    "add_bias",
    "load_iris_binary",
    "load_iris_one_hot",
    "make_toy_regression",
    "one_hot",
    "stratified_split",
]

IRIS_SPECIES = ("setosa", "versicolor", "virginica")


def add_bias(X: ArrayLike) -> NDArray[np.floating]:
    """Put a column of ones to the left of X, so that w_0 acts as the bias.

    Parameters
    ----------
    X : array_like, shape (n, d)

    Returns
    -------
    ndarray, shape (n, d+1)
        A new array; ``X`` is not modified. Float32 input stays float32.
    """
    X = np.asarray(X)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}.")
    dtype = X.dtype if X.dtype == np.float32 else np.float64
    X_tilde = np.empty((X.shape[0], X.shape[1] + 1), dtype=dtype)  # (n, d+1)
    X_tilde[:, 0] = 1.0
    X_tilde[:, 1:] = X
    return X_tilde


def one_hot(y: ArrayLike, n_classes: int | None = None) -> NDArray[np.float64]:
    """Turn class indices 0..K-1 into rows of the identity: 2 -> [0, 0, 1].

    Parameters
    ----------
    y : array_like of int, shape (n,)
    n_classes : int, optional
        K; by default ``max(y) + 1``.

    Returns
    -------
    ndarray, shape (n, K)
    """
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D (n,), got shape {y.shape}.")
    if y.size and not np.issubdtype(y.dtype, np.integer):
        if not np.all(np.mod(y, 1) == 0):
            raise ValueError(f"y must hold integer class indices, got dtype {y.dtype}.")
        y = y.astype(np.int64)
    if n_classes is None:
        K = int(y.max()) + 1 if y.size else 0
    else:
        K = n_classes
    if y.size and (y.min() < 0 or y.max() >= K):
        raise ValueError(f"y must hold class indices in 0..{K - 1}, got values {np.unique(y)}.")
    Y = np.zeros((y.shape[0], K))  # (n, K)
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


def make_toy_regression(
    n_samples: int = 20,
    w: ArrayLike = (0.5, 1.0),
    noise: float = 0.0,
    random_state: RandomState = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The toy data of Exercise 1.1: y = X w (+ noise) with known weights w.

    Parameters
    ----------
    n_samples : int, default 20
    w : array_like, shape (d+1,), default (0.5, 1.0)
        The true weights, bias first.
    noise : float, default 0
        Standard deviation of Gaussian noise added to y; 0 makes y exactly X w.
    random_state : None, int or numpy Generator

    Returns
    -------
    X : ndarray, shape (n_samples, d+1)
        Standard normal features with a bias column of ones in front.
    y : ndarray, shape (n_samples,)
    """
    w = np.asarray(w, dtype=np.float64)
    if w.ndim != 1 or w.size < 1:
        raise ValueError(f"w must be a non-empty 1-D vector (bias first), got shape {w.shape}.")
    if not noise >= 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}.")
    rng = check_random_state(random_state)
    X = add_bias(rng.standard_normal((n_samples, w.size - 1)))  # (n, d+1)
    y = X @ w  # (n,)
    if noise:
        y = y + noise * rng.standard_normal(n_samples)
    return X, y


def load_iris_binary(
    classes: tuple[int, int] = (0, 1), bias: bool = True
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Two Iris species as a binary problem (Exercise 1.2 drops species 2, virginica).

    Parameters
    ----------
    classes : pair of int, default (0, 1)
        The species to keep (0 setosa, 1 versicolor, 2 virginica); the first becomes
        class 0 and the second class 1.
    bias : bool, default True
        Put a column of ones in front.

    Returns
    -------
    X : ndarray, shape (100, 5) with the bias, (100, 4) without
    y : ndarray of {0, 1}, shape (100,)
    """
    a, b = classes
    if {a, b} - {0, 1, 2} or a == b:
        raise ValueError(f"classes must be two different species out of 0, 1, 2; got {classes!r}.")
    X, y = datasets.load_iris(return_X_y=True)
    keep = (y == a) | (y == b)
    X, y = X[keep], (y[keep] == b).astype(np.int64)
    return (add_bias(X) if bias else X), y


def load_iris_one_hot(bias: bool = True) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """All of Iris for softmax regression (Exercise 1.4).

    Returns
    -------
    X : ndarray, shape (150, 5) with the bias, (150, 4) without
    Y : ndarray, shape (150, 3)
        One-hot species.
    """
    X, y = datasets.load_iris(return_X_y=True)
    return (add_bias(X) if bias else X), one_hot(y, 3)


def stratified_split(
    X: ArrayLike,
    y: ArrayLike,
    test_size: float = 0.25,
    random_state: RandomState = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split into train and test sets that keep the class proportions of ``y``.

    One-hot ``y`` of shape (n, K) is stratified by its class. Returns
    ``X_train, X_test, y_train, y_test``.
    """
    y = np.asarray(y)
    labels = y.argmax(axis=1) if y.ndim == 2 else y
    seed = check_random_state(random_state).integers(2**32)
    return tuple(train_test_split(X, y, test_size=test_size, stratify=labels, random_state=seed))
