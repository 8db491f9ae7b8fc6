"""The lesson's training loop with its epochs run by the numba kernels of
:mod:`dlcourse.engines.compiled`: the same updates as :func:`dlcourse.training.sgd`, for NumPy
arrays, without the per-update Python overhead.

- :func:`compiled_sgd`: :func:`~dlcourse.training.sgd`'s arguments (less ``on_update``) and
  results, each epoch one call into the compiled code;
- :func:`compiled_gradient_sum`: :func:`~dlcourse.training.gradient_sum`'s sums, the rows split
  between threads (the kernel releases the GIL), each row read once.

The seeded visiting orders, the loss history and the divergence check are the ones of
:mod:`dlcourse.training`; only the arithmetic inside an epoch is compiled.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numpy.typing import NDArray

from dlcourse.engines import compiled
from dlcourse.training import check_epoch

__all__ = ["compiled_gradient_sum", "compiled_sgd", "default_threads", "full_batch_gradient"]

Array = NDArray[np.floating]


@np.errstate(over="ignore", invalid="ignore", divide="ignore")  # check_epoch catches it
def compiled_sgd(
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
    intercept: bool = False,
) -> tuple[Array, Array]:
    """:func:`dlcourse.training.sgd` for NumPy arrays, each epoch in compiled code.

    Parameters and results are those of :func:`~dlcourse.training.sgd` (there is no
    ``on_update``: the weights are not seen between the updates of an epoch). Needs numba
    (:data:`dlcourse.engines.compiled.AVAILABLE`).
    """
    n = X.shape[0]
    b = n if batch_size is None else min(batch_size, n)
    rng = np.random.default_rng() if rng is None else rng
    W = np.asarray(W, copy=True)
    X = np.ascontiguousarray(X)  # one compiled version serves every call
    W2, Y2 = _as_columns(X, Y, W)  # W2: (d+1, K), a view, so the updates land in W
    kind, threads, lr = compiled.KINDS[model], default_threads(), X.dtype.type(learning_rate)
    loss_history = np.empty(epochs)
    for epoch in range(epochs):
        order = rng.permutation(n) if shuffle and b < n else np.arange(n)
        if b == n:  # full batch: the order does not matter
            G, total = full_batch_gradient(X, Y2, W2, kind, intercept, threads)
            W2 -= learning_rate * (G / n)
        else:
            total = compiled.sgd_epoch(X, Y2, W2, order, lr, b, kind, intercept)
        loss_history[epoch] = float(total) / n
        check_epoch(epoch, epochs, loss_history[epoch], W, learning_rate, callback)
    return W, loss_history


def compiled_gradient_sum(
    X: Array,
    Y: Array,
    W: Array,
    *,
    model: str,
    intercept: bool = False,
    threads: int | None = None,
) -> tuple[Array, float]:
    """:func:`dlcourse.training.gradient_sum` in compiled code: Σ_i x_i (ŷ_i - y_i)ᵀ (W's shape)
    and Σ_i loss_i.

    ``threads``: by default :func:`default_threads`; a Dask task passes 1 (Dask already runs
    the chunks in parallel).
    """
    threads = default_threads() if threads is None else threads
    X = np.ascontiguousarray(X)
    W2, Y2 = _as_columns(X, Y, W)
    G, total = full_batch_gradient(X, Y2, W2, compiled.KINDS[model], intercept, threads)
    return G.reshape(W.shape), float(total)


def full_batch_gradient(
    X: Array, Y: Array, W: Array, kind: int, intercept: bool, threads: int
) -> tuple[Array, float]:
    """G = Σ_i x_i (ŷ_i - y_i)ᵀ, shape (d+1, K), and Σ_i loss_i, over all rows of X (n, d).

    ``threads`` > 1 splits the rows into that many ranges, each summed in a thread of its own
    (the compiled code releases the GIL), and adds the parts.
    """
    n = X.shape[0]
    threads = max(1, min(threads, n // 4096))  # small data: one thread costs less than two
    if threads == 1:
        return compiled.full_batch_rows(X, Y, W, kind, intercept, 0, n)
    size = -(-n // threads)
    with ThreadPoolExecutor(threads) as pool:
        parts = list(
            pool.map(
                lambda start: compiled.full_batch_rows(
                    X, Y, W, kind, intercept, start, min(start + size, n)
                ),
                range(0, n, size),
            )
        )
    return sum(G for G, _ in parts), sum(loss for _, loss in parts)


def default_threads() -> int:
    """The cores this process may use, from the main thread; 1 from any other thread (a Dask
    task or a user's thread pool: there the cores are already busy)."""
    if threading.current_thread() is not threading.main_thread():
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def _as_columns(X: Array, Y: Array, W: Array) -> tuple[Array, Array]:
    """W as (d+1, K) (a view) and Y as (n, K), contiguous in X's dtype, for the kernels."""
    n = X.shape[0]
    return W.reshape(W.shape[0], -1), np.ascontiguousarray(Y.reshape(n, -1), dtype=X.dtype)
