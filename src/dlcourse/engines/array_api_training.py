"""The lesson's training loop on PyTorch, CuPy or any array API library's arrays.

:func:`dlcourse.training.sgd` written with the namespace ``xp`` of the data instead of NumPy,
so that every step runs in the arrays' own library on their device (a GPU for CUDA tensors).
The visiting orders come from the same seeded NumPy generator and are moved to the device; the
loss is read to the host once per epoch. The output functions and losses are those of
:mod:`dlcourse.training`'s :data:`~dlcourse.training.MODELS`, which take any library's arrays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from dlcourse.array_namespace import device, get_namespace, to_numpy
from dlcourse.training import MODELS, check_epoch, logits

__all__ = ["array_api_gradient_sum", "array_api_sgd", "array_api_summed_gradient"]


@np.errstate(over="ignore", invalid="ignore", divide="ignore")  # check_epoch catches it
def array_api_sgd(
    X: Any,
    Y: Any,
    W: Any,
    *,
    model: str,
    learning_rate: float,
    epochs: int,
    batch_size: int | None = 1,
    shuffle: bool = True,
    rng: np.random.Generator | None = None,
    callback: Callable[[int, float], None] | None = None,
    intercept: bool = False,
) -> tuple[Any, np.ndarray]:
    """:func:`dlcourse.training.sgd` on another library's arrays, on their device.

    Parameters and results are those of :func:`~dlcourse.training.sgd` (without
    ``on_update``); the trained W is an array of X's library on X's device, the loss history
    a NumPy array.
    """
    link, loss = MODELS[model]
    xp = get_namespace(X, Y, W)
    n = X.shape[0]
    b = n if batch_size is None else min(batch_size, n)
    rng = np.random.default_rng() if rng is None else rng
    W = xp.asarray(W, copy=True)  # on X's device; the caller's W stays as it was
    loss_history = np.empty(epochs)
    for epoch in range(epochs):
        order = rng.permutation(n) if shuffle and b < n else np.arange(n)
        order = xp.asarray(order, device=device(X))  # the indices where the data are
        total = 0.0
        for start in range(0, n, b):
            i = order[start : start + b]
            Xb, Yb = (X, Y) if b == n else (xp.take(X, i, axis=0), xp.take(Y, i, axis=0))
            Z = logits(Xb, W, intercept)  # (b, d+1) @ (d+1, K) -> (b, K)
            total += xp.sum(loss(Yb, Z))
            gradient = array_api_summed_gradient(Xb, link(Z) - Yb, intercept) / Xb.shape[0]
            W -= learning_rate * gradient  # w ← w - λ ∇L
        loss_history[epoch] = float(total) / n  # a GPU waits here once an epoch
        check_epoch(epoch, epochs, loss_history[epoch], to_numpy(W), learning_rate, callback)
    return W, loss_history


def array_api_summed_gradient(X: Any, R: Any, intercept: bool = False) -> Any:
    """:func:`dlcourse.training.summed_gradient` in X's library: Σ x (ŷ - y)ᵀ in W's shape."""
    xp = get_namespace(X, R)
    G = X.T @ R  # (d+1, b) @ (b, K) -> (d+1, K)
    return xp.concat([xp.sum(R, axis=0)[None, ...], G]) if intercept else G


def array_api_gradient_sum(
    X: Any, Y: Any, W: Any, *, model: str, intercept: bool = False
) -> tuple[Any, float]:
    """:func:`dlcourse.training.gradient_sum` in X's library: Σ_i x_i (ŷ_i - y_i)ᵀ, an array of
    W's shape on X's device, and Σ_i loss_i."""
    link, loss = MODELS[model]
    Z = logits(X, W, intercept)  # (n, K)
    total = float(get_namespace(Z).sum(loss(Y, Z)))
    return array_api_summed_gradient(X, link(Z) - Y, intercept), total
