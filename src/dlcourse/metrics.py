"""Accuracy, the metric of Exercise 1.3."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["accuracy"]


def accuracy(y: ArrayLike, y_pred: ArrayLike) -> float:
    """The fraction of predictions equal to the true class: (1/n) Σ_i [ŷ_i = y_i].

    Parameters
    ----------
    y, y_pred : array_like, shape (n,)
        True and predicted class labels (any labels: ints, strings, ...).

    Returns
    -------
    float in [0, 1]
        Multiply by 100 for the percentage the lesson prints.
    """
    y, y_pred = np.asarray(y), np.asarray(y_pred)
    if y.ndim != 1 or y.shape != y_pred.shape:
        raise ValueError(
            f"y and y_pred must be 1-D arrays of class labels of the same length, got shapes "
            f"{y.shape} and {y_pred.shape}. For probabilities or one-hot rows, compare "
            "labels instead, e.g. Y_hat.argmax(axis=1)."
        )
    if y.size == 0:
        raise ValueError("y is empty: accuracy needs at least one sample.")
    return float(np.mean(y == y_pred))
