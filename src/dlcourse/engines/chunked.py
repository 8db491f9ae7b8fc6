"""The lesson's models on data held in row chunks: Dask arrays, out of core or on a cluster.

Dask schedules the work; what is ours is the math of combining chunks:

- :func:`gram_chunked`: XᵀX and Xᵀy of the centred data, for the normal equation. Each chunk
  gives its count, means and centred sums of products; pairs of chunks merge exactly
  (Chan, Golub and LeVeque's update), in a tree of Dask tasks. Only d×d results ever meet.
- :func:`gradient_sum_chunked`: full-batch gradient descent's sums Σ x̃ (ŷ - y)ᵀ and Σ loss,
  added up over chunks in the same kind of tree.
- :func:`qr_r_chunked`: the R of a QR factorisation of [1 | X | y] by Dask's tall-and-skinny
  QR, for ill-conditioned problems.

X is never gathered: each task holds one chunk. ``dask`` is imported only when a Dask array
is passed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from array_api_compat import is_dask_array

from dlcourse.engines.gram import gram, min_norm_from_r, solve_gram
from dlcourse.training import check_epoch
from dlcourse.validation import FLOAT_DTYPES, check_finite

__all__ = [
    "full_batch_descent_chunked",
    "gradient_sum_chunked",
    "gram_chunked",
    "is_dask_array",
    "qr_r_chunked",
    "solve_auto_chunked",
]

Array = np.ndarray
GradientSum = Callable[..., tuple[Array, float]]  # (X, Y, W, *, model, intercept) -> G, Σ loss
SPLIT_EVERY = 8  # chunks (or partial results) merged by one task of the tree


def row_chunks(X: Any, y: Any) -> tuple[list[Any], list[Any], Any, Any]:
    """X and y as matching lists of delayed row blocks, plus the (rechunked) arrays.

    X is rechunked to a single chunk across its columns; y (a Dask or NumPy array) is cut
    at the same rows as X.
    """
    import dask.array as da

    if X.ndim != 2:
        raise ValueError(f"X must be a 2-D Dask array (n_samples, n_features), got {X.ndim}-D.")
    for name, a in (("X", X), ("y", y)):
        if is_dask_array(a) and any(np.isnan(size) for size in a.chunks[0]):
            raise ValueError(
                f"{name} is a Dask array whose chunk sizes are unknown (as after a Dask "
                f"DataFrame's to_dask_array()); call {name}.compute_chunk_sizes() first, or "
                "to_dask_array(lengths=True)."
            )
    if X.numblocks[1] > 1:
        X = X.rechunk({1: -1})
    y = da.asarray(y)
    if y.shape[0] != X.shape[0]:
        raise ValueError(
            f"X has {X.shape[0]} rows but y has {y.shape[0]}; every row (sample) of X needs "
            "exactly one target in y."
        )
    y = y.rechunk({0: X.chunks[0], **({1: -1} if y.ndim == 2 else {})})
    X_blocks = list(X.to_delayed()[:, 0])
    y_blocks = list(y.to_delayed()[:, 0] if y.ndim == 2 else y.to_delayed())
    return X_blocks, y_blocks, X, y


def tree_reduce(parts: Sequence[Any], merge: Callable[[list[Any]], Any]) -> Any:
    """Merge delayed results ``SPLIT_EVERY`` at a time, level by level, and compute the root."""
    import dask

    parts = list(parts)
    while len(parts) > 1:
        parts = [
            dask.delayed(merge)(parts[i : i + SPLIT_EVERY])
            for i in range(0, len(parts), SPLIT_EVERY)
        ]
    (result,) = dask.compute(parts[0])
    return result


def _float_block(B: Any) -> Array:
    """A chunk of X as float32 (if it is) or float64, checked for NaN and inf."""
    B = np.asarray(B)
    B = B.astype(B.dtype if B.dtype in FLOAT_DTYPES else np.float64, copy=False)
    check_finite("X", B)
    return B


# ------------------------------------------------------------------- normal equation


def _chunk_moments(B: Array, t: Array, center: bool) -> tuple[int, Array, Array, Array, Array]:
    """(n, x̄, ȳ, Σ(x-x̄)(x-x̄)ᵀ, Σ(x-x̄)(y-ȳ)ᵀ) of one chunk (uncentred sums without ``center``)."""
    B = _float_block(B)
    t = np.asarray(t, dtype=B.dtype)
    check_finite("y", t)
    G, c, x_mean, y_mean = gram(B, t, center=center)
    if not center:  # plain sums, which add: merged as if the means were zero
        x_mean, y_mean = np.zeros_like(x_mean), np.zeros_like(y_mean)
    return B.shape[0], x_mean, y_mean, G, c


def _merge_moments(parts: list[tuple]) -> tuple[int, Array, Array, Array, Array]:
    """Merge chunk moments pairwise: the scatter of a union is the two scatters plus
    (n_a n_b / n) δ δᵀ, δ the difference of the means (exact; no cancellation)."""
    n, x_mean, y_mean, G, c = parts[0]
    G, c = G.copy(), c.copy()
    for n_b, x_b, y_b, G_b, c_b in parts[1:]:
        total = n + n_b
        dx, dy = x_b - x_mean, y_b - y_mean
        f = n * n_b / total
        G += G_b + f * np.outer(dx, dx)
        c += c_b + f * np.multiply.outer(dx, dy)
        x_mean = x_mean + dx * (n_b / total)
        y_mean = y_mean + dy * (n_b / total)
        n = total
    return n, x_mean, y_mean, G, c


def gram_chunked(X: Any, y: Any, *, center: bool) -> tuple[Array, Array, Array, Array, int]:
    """XᵀX and Xᵀy of a row-chunked Dask array, as a tree reduction.

    Parameters
    ----------
    X : dask.array.Array, shape (n, d)
    y : dask.array.Array or ndarray, shape (n,) or (n, m)
    center : bool
        Of the centred data (for a model with a bias), as :func:`dlcourse.engines.gram.gram`.

    Returns
    -------
    G : ndarray, shape (d, d)
    c : ndarray, shape (d,) or (d, m)
    x_mean, y_mean : ndarray (zeros without ``center``)
    n : int

    Without ``center`` the means merged are zeros, so the sums simply add.
    """
    import dask

    X_blocks, y_blocks, _, _ = row_chunks(X, y)
    parts = [
        dask.delayed(_chunk_moments)(B, t, center) for B, t in zip(X_blocks, y_blocks, strict=True)
    ]
    n, x_mean, y_mean, G, c = tree_reduce(parts, _merge_moments)
    return G, c, x_mean, y_mean, n


def qr_r_chunked(X: Any, y: Any, *, intercept: bool) -> Array:
    """R (p, p) of the QR factorisation of [1 | X | y] by Dask's tall-and-skinny QR.

    Only R is computed (Q's tasks are never run); the chunks are factored separately and their
    R factors stacked and factored again, as in :func:`dlcourse.engines.gram.solve_auto`'s
    in-memory fallback.
    """
    import dask.array as da

    _, _, X, y = row_chunks(X, y)
    columns = [X, y.reshape(y.shape[0], -1).astype(X.dtype)]
    if intercept:
        columns.insert(0, da.ones((X.shape[0], 1), dtype=X.dtype, chunks=(X.chunks[0], 1)))
    A = da.concatenate(columns, axis=1).rechunk({1: -1})
    _, R = da.linalg.tsqr(A)
    return np.asarray(R.compute())


def solve_auto_chunked(X: Any, y: Any, *, intercept: bool) -> Array:
    """:func:`dlcourse.engines.gram.solve_auto` for a row-chunked Dask array.

    One tree reduction gives XᵀX and Xᵀy; the d×d system is solved here by Cholesky. When it
    is ill-conditioned, Dask's TSQR of [1 | X | y] gives R and the minimum-norm weights.
    """
    G, c, x_mean, y_mean, n = gram_chunked(X, y, center=intercept)
    w = solve_gram(G, c, x_mean, y_mean, n=n, intercept=intercept)
    if w is None:
        R = qr_r_chunked(X, y, intercept=intercept)
        w = min_norm_from_r(R, X.shape[1] + intercept, n, y.ndim)
    return w


# ------------------------------------------------------------ full-batch gradient descent


def _chunk_gradient(B, T, W, gradient_sum, model, intercept) -> tuple[Array, float]:
    B = _float_block(B)
    Y = np.asarray(T).astype(B.dtype)
    return gradient_sum(B, Y, W.astype(B.dtype), model=model, intercept=intercept)


def _add(parts: list[tuple[Array, float]]) -> tuple[Array, float]:
    G = parts[0][0].copy()
    total = parts[0][1]
    for G_b, total_b in parts[1:]:
        G += G_b
        total += total_b
    return G, total


def gradient_sum_chunked(
    X_blocks: list[Any],
    Y_blocks: list[Any],
    W: Array,
    *,
    gradient_sum: GradientSum,
    model: str,
    intercept: bool,
) -> tuple[Array, float]:
    """Σ_i x_i (ŷ_i - y_i)ᵀ and Σ_i loss_i over all chunks: ``gradient_sum`` of each chunk
    (:func:`dlcourse.training.gradient_sum`, or the compiled one on one thread: Dask runs the
    chunks in parallel already), added up in a tree."""
    import dask

    task = dask.delayed(_chunk_gradient)
    parts = [
        task(B, T, W, gradient_sum, model, intercept)
        for B, T in zip(X_blocks, Y_blocks, strict=True)
    ]
    return tree_reduce(parts, _add)


def full_batch_descent_chunked(
    X: Any,
    Y: Any,
    W: Array,
    *,
    gradient_sum: GradientSum,
    model: str,
    learning_rate: float,
    epochs: int,
    batch_size: int | None = None,
    shuffle: bool = True,
    rng: np.random.Generator | None = None,
    callback: Callable[[int, float], None] | None = None,
    intercept: bool = False,
) -> tuple[Array, Array]:
    """Full-batch gradient descent over the row chunks of Dask arrays X (n, d) and Y (n, K):
    each epoch one tree reduction of the chunks' gradient sums, then the lesson's step
    w ← w - λ G / n.

    The arguments are :func:`dlcourse.training.sgd`'s, less ``on_update``; ``shuffle`` and
    ``rng`` are accepted and unused (a full batch has no order), and ``batch_size`` must be
    None. Returns the weights (NumPy) and the mean loss of every epoch.
    """
    if batch_size is not None:
        raise ValueError(
            f"batch_size={batch_size} on a Dask array: per-sample and mini-batch SGD visit "
            "the samples one by one, which a chunked array is not made for. Use "
            "batch_size=None (full-batch gradient descent, chunk by chunk) or stream the "
            "chunks through partial_fit."
        )
    X_blocks, Y_blocks, _, _ = row_chunks(X, Y)
    n = X.shape[0]
    loss_history = np.empty(epochs)
    for epoch in range(epochs):
        G, total = gradient_sum_chunked(
            X_blocks, Y_blocks, W, gradient_sum=gradient_sum, model=model, intercept=intercept
        )
        loss_history[epoch] = total / n
        W = W - W.dtype.type(learning_rate) * (G / n)
        check_epoch(epoch, epochs, loss_history[epoch], W, learning_rate, callback)
    return W, loss_history
