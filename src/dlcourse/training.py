"""Gradient descent, the training loop of Lesson 1 (section 2, "Update Equations for SGD").

    w_new = w_old - λ ∇L,    ∇L = x (ŷ - y)ᵀ

Per-sample SGD (the lesson's loop), mini-batch SGD and full-batch gradient descent are one
loop with batch sizes 1, b and n. Logistic, softmax and linear regression share it: each is
a linear model z = x W followed by an output function whose loss makes the gradient x (ŷ - y)ᵀ.

This module is NumPy only. The same loop on PyTorch or CuPy arrays, compiled by numba, or over
the chunks of a Dask array lives in :mod:`dlcourse.engines`, which imports its math from here;
the estimators choose among them (``SGDClassifierBase._train``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from dlcourse.activations import identity, sigmoid, softmax
from dlcourse.losses import (
    binary_cross_entropy_with_logits,
    cross_entropy_with_logits,
    half_squared_error,
    mean_squared_error_gradient,
)

__all__ = [
    "MODELS",
    "DivergenceError",
    "check_epoch",
    "gradient_descent_mse",
    "gradient_sum",
    "logits",
    "sgd",
    "summed_gradient",
]

Array = NDArray[np.floating]

# The lesson's three linear models: the output function ŷ = f(z), and each sample's loss from
# its logits z. With each pair, the chain rule gives the same gradient, x (ŷ - y)ᵀ.
MODELS: dict[str, tuple[Callable, Callable]] = {
    "logistic": (sigmoid, binary_cross_entropy_with_logits),  # section 2
    "softmax": (softmax, cross_entropy_with_logits),  # section 3
    "linear": (identity, half_squared_error),  # section 1, trained by SGD instead
}


class DivergenceError(FloatingPointError):
    """Training produced a non-finite loss or weights: the learning rate is too large."""


@np.errstate(over="ignore", invalid="ignore", divide="ignore")  # check_epoch catches it
def sgd(
    X: Array,
    Y: Array,
    W: Array,
    *,
    model: str,
    learning_rate: float,
    epochs: int,
    batch_size: int | None = 1,
    shuffle: bool = True,
    rng: np.random.Generator | None = None,
    callback: Callable[[int, float], None] | None = None,
    on_update: Callable[[Array], None] | None = None,
    intercept: bool = False,
) -> tuple[Array, Array]:
    """Train a linear model z = x W by (stochastic) gradient descent.

    Parameters
    ----------
    X : ndarray, shape (n, d+1)
        Data matrix, bias column included (or, with ``intercept``, shape (n, d) and the bias
        in row 0 of W: the same model without copying X to add the column). Not modified.
    Y : ndarray, shape (n,) or (n, K)
        Targets: 0/1 for logistic regression, one-hot rows for softmax regression.
    W : ndarray, shape (d+1,) or (d+1, K)
        Initial weights. Not modified; the trained weights are a new array.
    model : {"logistic", "softmax", "linear"}
        The output function and its loss (:data:`MODELS`).
    learning_rate : float
        λ.
    epochs : int
        Passes over the data.
    batch_size : int or None, default 1
        1 is the lesson's per-sample SGD; b averages the gradient over b samples;
        None (or any b >= n) is full-batch gradient descent.
    shuffle : bool, default True
        Visit the samples in a new order every epoch, ``rng.permutation(n)``.
    rng : numpy Generator, optional
        Source of the visiting orders.
    callback : callable, optional
        Called as ``callback(epoch, mean_loss)`` after every epoch.
    on_update : callable, optional
        Called with a copy of the weights after every update (to draw the path).
    intercept : bool, default False
        X has no column of ones; row 0 of W is the bias.

    Returns
    -------
    W : ndarray, same shape as the initial weights
    loss_history : ndarray, shape (epochs,)
        Per epoch, the mean of each sample's loss, computed just before the update that used it.

    Raises
    ------
    DivergenceError
        When the loss or the weights stop being finite; the message names the epoch.
    """
    link, loss = MODELS[model]  # ŷ = f(z) and each sample's loss
    n = X.shape[0]
    b = n if batch_size is None else min(batch_size, n)  # 1, b or n samples per update
    rng = np.random.default_rng() if rng is None else rng
    W = np.asarray(W, copy=True)  # W: (d+1, K) or (d+1,); the caller's W stays as it was
    loss_history = np.empty(epochs)
    for epoch in range(epochs):
        order = rng.permutation(n) if shuffle and b < n else np.arange(n)
        total = 0.0
        for start in range(0, n, b):
            i = order[start : start + b]  # this update's b samples (all n: X itself)
            Xb, Yb = (X, Y) if b == n else (X[i], Y[i])  # Xb: (b, d+1), Yb: (b, K)
            Z = logits(Xb, W, intercept)  # z = x W: (b, d+1) @ (d+1, K) -> (b, K)
            total += np.sum(loss(Yb, Z))  # each sample's loss, before the update
            gradient = summed_gradient(Xb, link(Z) - Yb, intercept) / len(Xb)  # ∇L: (d+1, K)
            W -= learning_rate * gradient  # w_new = w_old - λ ∇L
            if on_update is not None:
                on_update(W.copy())
        loss_history[epoch] = float(total) / n
        check_epoch(epoch, epochs, loss_history[epoch], W, learning_rate, callback)
    return W, loss_history


def logits(X: Array, W: Array, intercept: bool = False) -> Array:
    """z = x W for every row of X; with ``intercept``, row 0 of W is the bias (b + X W[1:]).

    Written with ``@`` and indexing only, so the engines use it on any array library's arrays.
    """
    return W[0, ...] + X @ W[1:, ...] if intercept else X @ W  # (b, K) or (b,)


def summed_gradient(X: Array, R: Array, intercept: bool = False) -> Array:
    """Σ over the rows of x (ŷ - y)ᵀ, from the errors R = Ŷ - Y, in W's shape.

    Divided by the number of rows it is the mean gradient ∇L of a batch. With ``intercept``
    the bias's input is always 1, so its row is Σ (ŷ - y).
    """
    G = X.T @ R  # (d+1, b) @ (b, K) -> (d+1, K)
    return np.concatenate([np.sum(R, axis=0)[None, ...], G]) if intercept else G


def gradient_sum(
    X: Array, Y: Array, W: Array, *, model: str, intercept: bool = False
) -> tuple[Array, float]:
    """Σ_i x_i (ŷ_i - y_i)ᵀ and Σ_i loss_i over all rows: one step of full-batch descent.

    Sums, not means, so that the sums of row blocks (a Dask array's chunks) add up to the sum
    over all rows.

    Parameters
    ----------
    X, Y, W, model, intercept : as in :func:`sgd`

    Returns
    -------
    G : ndarray, the shape of W
    total : float
    """
    link, loss = MODELS[model]
    Z = logits(X, W, intercept)  # (n, K)
    total = float(np.sum(loss(Y, Z)))
    return summed_gradient(X, link(Z) - Y, intercept), total


def check_epoch(
    epoch: int,
    epochs: int,
    mean_loss: float,
    W: Array,
    learning_rate: float,
    callback: Callable[[int, float], None] | None = None,
) -> None:
    """End of an epoch, for every loop: stop on a non-finite loss or weights, then report.

    W is a NumPy array (an engine training on another library's arrays passes a host copy).
    """
    if not (np.isfinite(mean_loss) and np.isfinite(W).all()):
        raise DivergenceError(
            f"Training diverged in epoch {epoch + 1} of {epochs}: the mean loss became "
            f"{mean_loss} and the weights stopped being finite. Try a smaller learning_rate "
            f"than {learning_rate!r}."
        )
    if callback is not None:
        callback(epoch, float(mean_loss))


def gradient_descent_mse(
    X: Array, y: Array, w: Array, *, learning_rate: float, steps: int
) -> Array:
    """Full-batch gradient descent on the mean squared error of linear regression.

    The iterative alternative to the normal equation: w ← w - λ (2/n) Xᵀ(Xw - y).

    Parameters
    ----------
    X : ndarray, shape (n, d+1)
        Data matrix, bias column included.
    y : ndarray, shape (n,)
    w : ndarray, shape (d+1,)
        Starting weights; not modified.
    learning_rate : float
    steps : int

    Returns
    -------
    path : ndarray, shape (steps + 1, d+1)
        The weights before the first step and after every step. With too large a learning
        rate the path grows without bound; it is returned as it is (inf or NaN included)
        so that the divergence can be shown.
    """
    path = np.empty((steps + 1, np.size(w)))
    path[0] = w
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(steps):
            path[t + 1] = path[t] - learning_rate * mean_squared_error_gradient(X, y, path[t])
    return path
