"""The one gradient-descent loop of Lesson 1 (section 2, "Update Equations for SGD").

    w_new = w_old - λ ∇L

Per-sample SGD (the lesson's loop), mini-batch SGD and full-batch gradient descent are the
same loop with batch sizes 1, b and n. Logistic and softmax regression share it: both are a
linear model z = x W followed by an output function whose loss gives the gradient x (ŷ - y)ᵀ.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from dlcourse.activations import identity, sigmoid, softmax
from dlcourse.engines import compiled as _compiled
from dlcourse.engines.array_api import device, get_namespace
from dlcourse.engines.shuffling import epoch_orders
from dlcourse.losses import (
    _bce_with_logits,
    _ce_with_logits,
    _half_squared_error,
    _linear_gradient,
    _softmax_cross_entropy_and_error,
    mean_squared_error_gradient,
)

__all__ = ["DivergenceError", "gradient_descent_mse", "gradient_sum", "sgd"]

Array = NDArray[np.floating]


# The output function + loss pairs that the compiled epoch knows.
_KERNELS = {
    (sigmoid, _bce_with_logits): _compiled.LOGISTIC,
    (softmax, _ce_with_logits): _compiled.SOFTMAX,
    (identity, _half_squared_error): _compiled.LINEAR,
}


class DivergenceError(FloatingPointError):
    """Training produced a non-finite loss or weights: the learning rate is too large."""


def sgd(
    X: Array,
    Y: Array,
    W: Array,
    *,
    link: Callable[[Array], Array],
    loss: Callable[[Array, Array], Array],
    learning_rate: float,
    epochs: int,
    batch_size: int | None = 1,
    shuffle: bool = True,
    rng: np.random.Generator | None = None,
    callback: Callable[[int, float], None] | None = None,
    on_update: Callable[[Array], None] | None = None,
    compiled: bool | None = None,
    intercept: bool = False,
) -> tuple[Array, Array]:
    """Train a linear model z = x W by (stochastic) gradient descent.

    Parameters
    ----------
    X : ndarray, shape (n, d+1)
        Data matrix, bias column included (or without it, shape (n, d), when ``intercept``).
        Not modified, and never copied.
    Y : ndarray, shape (n,) or (n, K)
        Targets: 0/1 for logistic regression, one-hot rows for softmax regression.
    W : ndarray, shape (d+1,) or (d+1, K)
        Initial weights. Not modified; the trained weights are a new array.
    link : callable
        Output function, logits -> probabilities (sigmoid or softmax).
    loss : callable
        ``loss(Y, Z)``: each sample's loss from its targets and logits, shape (b,).
    learning_rate : float
        λ.
    epochs : int
        Passes over the data.
    batch_size : int or None, default 1
        1 is the lesson's per-sample SGD; b averages the gradient over b samples;
        None (or any b >= n) is full-batch gradient descent.
    shuffle : bool, default True
        Visit the samples in a new random order every epoch (the order of ``X`` otherwise).
    rng : numpy Generator, optional
        Source of the shuffling order.
    callback : callable, optional
        Called as ``callback(epoch, mean_loss)`` after every epoch.
    on_update : callable, optional
        Called with the weights after every update (to record the path); NumPy loop only.
    compiled : bool, optional
        Use the numba-compiled epoch (with the sigmoid, softmax or identity output and its
        loss). By default it is used when numba is installed and applicable. Both give the
        same updates in the same order. A compiled full-batch step splits the samples between
        numba's threads and reads each row of X once; NumPy's reads X twice.
    intercept : bool, default False
        X has no column of ones and row 0 of W is the bias: the same model as with the
        column, without copying X to add it.

    Returns
    -------
    W : ndarray, same shape as the initial weights
    loss_history : ndarray, shape (epochs,)
        Per epoch, the mean over the samples of each sample's loss, computed from the
        prediction made just before the update that used it.

    Raises
    ------
    DivergenceError
        When the loss or the weights stop being finite; the message names the epoch.
    """
    n = X.shape[0]
    b = n if batch_size is None else min(batch_size, n)
    xp = get_namespace(X, Y, W)
    W = xp.asarray(W, copy=True)  # on X's device when X is a tensor: the caller's W stays
    loss_history = np.empty(epochs)
    rng = np.random.default_rng() if rng is None else rng
    epoch_step = _choose_epoch(
        X, Y, W, link, loss, learning_rate, b, on_update, compiled, intercept
    )
    if getattr(epoch_step, "all_epochs", None) and callback is None and epochs * n <= 1 << 22:
        # Small data: every epoch's order drawn first (the same as one permutation(n) per
        # epoch, in sequence), then all epochs in one compiled call.
        if shuffle:
            orders = epoch_orders(rng, epochs, n)  # (epochs, n)
        else:
            orders = np.empty((epochs, n), dtype=np.intp)  # np.tile: 4 us of reshapes
            orders[...] = np.arange(n)
        diverged = epoch_step.all_epochs(orders, loss_history)
        loss_history /= n
        if diverged >= 0:
            raise divergence_error(diverged, epochs, loss_history[diverged], learning_rate)
        return W, loss_history
    order = np.arange(n)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # checked once an epoch
        for epoch in range(epochs):
            if shuffle and b < n:  # a full batch is the same sum in any order
                order = rng.permutation(n)  # permute indices, never the data
            loss_history[epoch] = epoch_step(order) / n
            if not (np.isfinite(loss_history[epoch]) and bool(xp.all(xp.isfinite(W)))):
                raise divergence_error(epoch, epochs, loss_history[epoch], learning_rate)
            if callback is not None:
                callback(epoch, float(loss_history[epoch]))
    return W, loss_history


def divergence_error(epoch: int, epochs: int, loss: float, learning_rate: float) -> DivergenceError:
    return DivergenceError(
        f"Training diverged in epoch {epoch + 1} of {epochs}: the mean loss became {loss} and "
        f"the weights stopped being finite. Try a smaller learning_rate than {learning_rate!r}."
    )


def gradient_sum(
    X: Array,
    Y: Array,
    W: Array,
    *,
    link: Callable[[Array], Array],
    loss: Callable[[Array, Array], Array],
    intercept: bool = False,
    compiled: bool | None = None,
    threads: int | None = None,
) -> tuple[Array, float]:
    """One pass of full-batch gradient descent: Σ_i x̃_i (ŷ_i - y_i)ᵀ and Σ_i loss_i.

    Sums, not means, so that the sums of row blocks (chunks of a Dask array, say) add up to
    the sum over all rows. Compiled (threaded, one read of X) when numba knows the pair.

    Parameters
    ----------
    X : ndarray, shape (n, d)
    Y : ndarray, shape (n,) or (n, K)
    W : ndarray, shape (d+1,) / (d+1, K) with the bias in row 0 when ``intercept``
    link, loss, intercept, compiled : as in :func:`sgd`
    threads : int, optional
        Threads of the compiled pass. By default numba's count when called from the main
        thread, else 1: numba's default thread pool must not be entered from two threads at
        once (Dask's tasks, a thread pool of fits), so there the pass runs in the caller's.

    Returns
    -------
    G : ndarray, the shape of W
    total : float
    """
    kind = _KERNELS.get((link, loss))
    if _compiled.AVAILABLE and kind is not None and compiled is not False and type(X) is np.ndarray:
        n = X.shape[0]
        W_c = np.ascontiguousarray(W.reshape(W.shape[0], -1), dtype=X.dtype)  # (d+1, K)
        Y_c = np.ascontiguousarray(Y.reshape(n, -1), dtype=X.dtype)  # (n, K)
        G = np.empty_like(W_c)
        X_c = np.ascontiguousarray(X)
        if threads is None:  # numba's default pool may not be entered from two threads at once
            main = threading.current_thread() is threading.main_thread()
            threads = _compiled.get_num_threads() if main else 1
        if threads > 1:
            total = _compiled.full_batch_gradient(X_c, Y_c, W_c, kind, intercept, G, threads)
        else:
            total = _compiled.full_batch_gradient_serial(X_c, Y_c, W_c, kind, intercept, G)
        return G.reshape(W.shape), float(total)
    if compiled:
        raise ValueError(
            "compiled=True needs numba, NumPy arrays and one of the lesson's output/loss pairs."
        )
    xp = get_namespace(X, Y, W)
    Z = W[0, ...] + X @ W[1:, ...] if intercept else X @ W  # (n, K) or (n,)
    losses, R = _loss_and_error(link, loss, Y, Z)
    XtR = X.T @ R  # (d, K)
    G = xp.concat([xp.sum(R, axis=0)[None, ...], XtR]) if intercept else XtR
    return G, float(xp.sum(losses))


def _loss_and_error(link, loss, Y: Array, Z: Array) -> tuple[Array, Array]:
    """Each sample's loss and its error ŷ - y from the logits (Z may be overwritten)."""
    if link is softmax and loss is _ce_with_logits:
        return _softmax_cross_entropy_and_error(Y, Z)
    return loss(Y, Z), link(Z) - Y


def _choose_epoch(X, Y, W, link, loss, learning_rate, b, on_update, compiled, intercept):
    """A function ``epoch(order) -> summed loss`` that updates W in place, compiled if possible.

    A full batch is :func:`gradient_sum` and one step; smaller batches run the loop.
    """
    n = X.shape[0]
    xp = get_namespace(X, Y, W)
    if b == n:  # full batch: one pass for the summed gradient, then one step

        def full_batch_epoch(order: np.ndarray) -> float:  # the order does not matter
            G, total = gradient_sum(
                X, Y, W, link=link, loss=loss, intercept=intercept, compiled=compiled
            )
            W[...] -= learning_rate * (G / n)
            if on_update is not None:
                on_update(xp.asarray(W, copy=True))
            return total

        return full_batch_epoch

    kind = _KERNELS.get((link, loss))
    usable = _compiled.AVAILABLE and kind is not None and on_update is None and xp is np
    if compiled and not usable:
        raise ValueError(
            "compiled=True needs numba, NumPy arrays, no on_update, and one of the lesson's "
            "output/loss pairs (sigmoid, softmax or identity)."
        )
    if usable and compiled is not False:
        X_c = np.ascontiguousarray(X)
        Y_c = np.ascontiguousarray(Y.reshape(n, -1), dtype=X.dtype)  # (n, K), K = 1 for one output
        W_c = W.reshape(W.shape[0], -1)  # (d+1, K), a view: updates land in W
        lr = X.dtype.type(learning_rate)

        def compiled_epoch(order: np.ndarray) -> float:
            return _compiled.sgd_epoch(X_c, Y_c, W_c, order, lr, b, kind, intercept)

        def all_epochs(orders: np.ndarray, loss_sums: np.ndarray) -> int:
            return _compiled.sgd_epochs(X_c, Y_c, W_c, orders, lr, b, kind, intercept, loss_sums)

        compiled_epoch.all_epochs = all_epochs
        return compiled_epoch

    def numpy_epoch(order: np.ndarray) -> float:
        """The loop written with array API calls: NumPy, or the tensors' own library."""
        total = 0.0
        if xp is not np:
            order = xp.asarray(order, device=device(X))  # indices where the data are
        for start in range(0, n, b):
            idx = order[start : min(start + b, n)]
            Xb, Yb = xp.take(X, idx, axis=0), xp.take(Y, idx, axis=0)  # (b, d), (b, K)
            if intercept:
                Z = W[0, ...] + Xb @ W[1:, ...]  # (b, d) @ (d, K) + (K,) -> (b, K)
                losses, R = _loss_and_error(link, loss, Yb, Z)  # R (b, K): ŷ - y
                total += xp.sum(losses)  # from the weights before this update
                W[0, ...] -= learning_rate * xp.mean(R, axis=0)  # the bias's input is always 1
                W[1:, ...] -= learning_rate * (Xb.T @ R / Xb.shape[0])
            else:
                Z = Xb @ W  # (b, d+1) @ (d+1, K) -> (b, K)
                total += xp.sum(loss(Yb, Z))
                W[...] -= learning_rate * _linear_gradient(Xb, Yb, link(Z))
            if on_update is not None:
                on_update(xp.asarray(W, copy=True))
        return float(total)  # on a GPU, one wait per epoch rather than one per step

    return numpy_epoch


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
