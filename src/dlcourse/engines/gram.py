"""The normal equation at the speed of the hardware: :func:`solve_auto`.

One pass over X, in cache-sized row blocks split between threads, forms XᵀX and Xᵀy; Cholesky
solves them when they are well-conditioned, and a blocked QR (a sequential TSQR, Q never
formed) takes over when they are not. X is never copied. The lesson's own solvers are in
:mod:`dlcourse.normal_equation`.
"""

from __future__ import annotations

import functools
import operator
import threading
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TypeVar

import numpy as np
import scipy.linalg
import threadpoolctl
from numpy.typing import NDArray
from scipy.linalg import LinAlgWarning

from dlcourse.array_namespace import device, get_namespace, to_numpy
from dlcourse.normal_equation import _cholesky

__all__ = ["gram", "min_norm_from_r", "solve_auto", "solve_gram"]

Array = NDArray[np.floating]
T = TypeVar("T")


def solve_auto(X: Array, y: Array, *, intercept: bool = False) -> Array:
    """The least-squares weights at the speed of the hardware, accurate on any data.

    1. One pass over X, in row blocks that stay in cache, forms XᵀX and Xᵀy (of the
       centred data when ``intercept``); X is never copied.
    2. Cholesky of XᵀX, and its reciprocal condition number from the factor (O(d²)).
    3. If that is below √eps (about 1.5e-8), the normal equations would keep fewer than half of
       the significant digits: a second pass computes the R of a QR factorisation of
       [1 | X | y] block by block (never all of X at once) and solves from it, taking the
       minimum-norm answer when X is rank-deficient. A ``LinAlgWarning`` says so.

    Parameters
    ----------
    X : ndarray, shape (n, d)
    y : ndarray, shape (n,) or (n, m)
    intercept : bool, default False
        Also fit a bias, as with a column of ones in front of X (without adding it).

    Returns
    -------
    w : ndarray, shape (d+1,) or (d+1, m) with the bias first when ``intercept``, else (d,) / (d, m)
    """
    xp = get_namespace(X, y)
    n = X.shape[0]
    moments = gram(X, y, center=intercept)  # on X's device; then d×d numbers to the host
    w = solve_gram(*(to_numpy(m) for m in moments), n=n, intercept=intercept)
    if w is None:
        # On the data as given (a column of ones for the bias, no centring): subtracting
        # rounded means would perturb an ill-conditioned problem by more than QR's own error.
        if xp is np:
            return _least_squares_qr(X, y, intercept)
        w = min_norm_from_r(
            to_numpy(_qr_r_blocks(X, y, intercept)), X.shape[1] + intercept, n, y.ndim
        )
    return w if xp is np else xp.asarray(w, device=device(X))


def _qr_r_blocks(X: Array, y: Array, intercept: bool) -> Array:
    """R of the QR of [1 | X | y] for arrays of any library, block by block on their device
    (the LAPACK version, :func:`_least_squares_qr`, does the same in place for NumPy)."""
    xp = get_namespace(X, y)
    n = X.shape[0]
    rows = 8 * _block_rows(X.shape[1] + intercept + 1)
    R = None
    for start in range(0, n, rows):
        B, t = X[start : min(start + rows, n), ...], y[start : min(start + rows, n), ...]
        columns = [B, xp.reshape(t, (B.shape[0], -1))]
        if intercept:
            columns.insert(0, xp.ones((B.shape[0], 1), dtype=X.dtype, device=device(X)))
        block = xp.concat(columns, axis=1)  # (rows, p)
        stacked = block if R is None else xp.concat([R, block], axis=0)
        R = xp.linalg.qr(stacked, mode="reduced")[1]  # (p, p) once p rows are in
    return R


def solve_gram(
    G: Array, c: Array, x_mean: Array, y_mean: Array, *, n: int, intercept: bool
) -> Array | None:
    """The weights from XᵀX and Xᵀy (centred when ``intercept``) by Cholesky, or None.

    None, with a ``LinAlgWarning``, when the reciprocal condition number of G is below √eps:
    the normal equations would keep fewer than half of the significant digits, and the caller
    should solve by QR instead. Shared by :func:`solve_auto` and the chunked (Dask) fit.
    """
    threshold = np.sqrt(np.finfo(G.dtype).eps)
    factor, rcond = _cholesky(G)
    if rcond < threshold:
        warnings.warn(
            f"X is ill-conditioned: the reciprocal condition number of XᵀX is about {rcond:.1e} "
            f"(below {threshold:.1e}), as happens with duplicated or nearly collinear columns. "
            "Solved by a QR factorisation of [X | y] instead, which returns the minimum-norm "
            "weights.",
            LinAlgWarning,
            stacklevel=4,
        )
        return None
    w = scipy.linalg.cho_solve(factor, c, check_finite=False)
    if not intercept:
        return w
    b = y_mean - x_mean @ w  # the bias that puts the fit through the means
    return np.concatenate([np.asarray(b, dtype=w.dtype)[None], w])


def gram(
    X: Array, y: Array, *, center: bool = False, block_rows: int | None = None
) -> tuple[Array, Array, Array, Array]:
    """XᵀX and Xᵀy in one pass over X, block by block, optionally of the centred data.

    Centring subtracts the means; to avoid the cancellation of Σxxᵀ - n x̄x̄ᵀ each block is
    first shifted by the mean of the first block (a close estimate), and only the small
    remaining offset is corrected at the end.

    Returns
    -------
    G : ndarray, shape (d, d)
    c : ndarray, shape (d,) or (d, m)
    x_mean, y_mean : the means (zeros when not ``center``)
    """
    xp = get_namespace(X, y)
    n, d = X.shape
    rows = block_rows or _block_rows(d)
    y_shape = tuple(y.shape[1:])
    zeros = partial(xp.zeros, dtype=X.dtype, device=device(X))
    first, first_y = X[: min(rows, n), ...], y[: min(rows, n), ...]
    shift_x = xp.mean(first, axis=0) if center else zeros(d)
    shift_y = xp.mean(first_y, axis=0) if center else zeros(y_shape)
    if center and bool(xp.all(shift_x**2 <= 100 * xp.var(first, axis=0))):
        # Means small against the spread: Σxxᵀ - n x̄x̄ᵀ loses at most two digits, and the
        # blocks need no shifted copy (the condition estimate below still guards the solve).
        shift_x, shift_y = zeros(d), zeros(y_shape)
    shifted = bool(xp.any(shift_x != 0) or xp.any(shift_y != 0))
    if xp is not np:
        # A GPU wants few, large products: all of X at once, or ~256 MB shifted copies.
        rows = max(1, (1 << 25) // d) if shifted and block_rows is None else block_rows or n
    parts = _map_row_ranges(
        lambda start, stop: _gram_rows(X, y, start, stop, rows, shift_x, shift_y, shifted),
        n,
        rows,
        threaded=xp is np,
    )
    G, c, sum_x, sum_y = (functools.reduce(operator.add, sums) for sums in zip(*parts, strict=True))
    mean_x, mean_y = sum_x / n, sum_y / n  # the means of the shifted data: small
    if center:
        G -= n * _outer(mean_x, mean_x)
        c -= n * _outer(mean_x, mean_y)
    return G, c, shift_x + mean_x, shift_y + mean_y


def _gram_rows(
    X: Array,
    y: Array,
    start: int,
    stop: int,
    rows: int,
    shift_x: Array,
    shift_y: Array,
    shifted: bool,
) -> tuple[Array, Array, Array, Array]:
    """Σ BᵀB, Σ Bᵀt, Σ B and Σ t over rows start..stop, one block B of ``rows`` rows at a time
    (a view, or shifted by the given means); shapes (d, d), (d, *m), (d,), (*m)."""
    xp = get_namespace(X, y)
    d = X.shape[1]
    zeros = partial(xp.zeros, dtype=X.dtype, device=device(X))
    G, c = zeros((d, d)), zeros((d, *y.shape[1:]))
    sum_x, sum_y = zeros(d), zeros(y.shape[1:])
    for lo in range(start, stop, rows):
        B, t = X[lo : min(lo + rows, stop), ...], y[lo : min(lo + rows, stop), ...]  # (b, d)
        if shifted:
            B, t = B - shift_x, t - shift_y
        # BᵀB: NumPy sees the transposed pair and calls BLAS syrk; other libraries their own
        G += B.T @ B
        # Bᵀ [t | 1]: Bᵀt and the column sums in one more read of the block, not two
        ones = xp.ones((B.shape[0], 1), dtype=X.dtype, device=device(X))
        P = B.T @ xp.concat([xp.reshape(t, (B.shape[0], -1)), ones], axis=1)  # (d, m+1)
        c += xp.reshape(P[:, :-1], c.shape)
        sum_x += P[:, -1]
        sum_y += xp.sum(t, axis=0)
    return G, c, sum_x, sum_y


def _map_row_ranges(
    function: Callable[[int, int], T], n: int, rows: int, *, threaded: bool = True
) -> list[T]:
    """``function(start, stop)`` over contiguous ranges of the n rows, in order.

    With ``threaded`` (NumPy arrays), called from the main thread, and at least two blocks of
    ``rows`` per range, there is one range per BLAS thread, each run in a thread of its own
    with BLAS held to one thread. For the thin products of a Gram matrix (d×d out of n×d with
    n ≫ d) OpenBLAS barely gains from its own threads (it splits the small d×d output), while
    splitting the rows gains nearly the full factor. Elsewhere, one range and no threads:
    inside Dask's tasks or a user's thread pool the cores are already busy.
    """
    threads = min(_blas_threads(), n // (2 * rows)) if threaded and n >= 4 * rows else 1
    if threads <= 1 or threading.current_thread() is not threading.main_thread():
        return [function(0, n)]
    size = -(-n // threads)
    bounds = [(start, min(start + size, n)) for start in range(0, n, size)]
    with (
        threadpoolctl.threadpool_limits(limits=1, user_api="blas"),
        ThreadPoolExecutor(len(bounds)) as pool,
    ):
        return list(pool.map(lambda b: function(*b), bounds))


def _blas_threads() -> int:
    """The threads BLAS uses (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS and the like respected)."""
    libraries = threadpoolctl.threadpool_info()
    return max((lib["num_threads"] for lib in libraries if lib["user_api"] == "blas"), default=1)


def _outer(a: Array, b: Array) -> Array:
    """a ⊗ b for a vector a and a scalar or vector b (NumPy's multiply.outer)."""
    xp = get_namespace(a, b)
    return xp.reshape(a, (-1, *(1,) * b.ndim)) * b


def _least_squares_qr(X: Array, y: Array, intercept: bool) -> Array:
    """Minimum-norm least squares from R of the QR of [1 | X | y], built block by block.

    Factoring the R of the blocks seen so far stacked on the next block gives the R of all of
    them (a sequential TSQR; Q is never formed, X is never copied whole). With A = [1 | X] =
    Q R₁₁ and Qᵀy = r₁₂, :func:`min_norm_from_r` finishes. The column of ones is left out
    without ``intercept``.
    """
    n, d = X.shape
    m = 1 if y.ndim == 1 else y.shape[1]
    a = d + intercept  # columns of A
    p = a + m
    rows = 8 * _block_rows(p)
    # Fortran order, as LAPACK wants it: R in the top p rows, the next block below it.
    buffer = np.zeros((rows + p, p), dtype=X.dtype, order="F")
    (geqrf,) = scipy.linalg.get_lapack_funcs(("geqrf",), (buffer,))
    filled = 0  # rows of R at the top (p once the first block is in)
    for start in range(0, n, rows):
        block = slice(start, min(start + rows, n))
        b = block.stop - block.start
        buffer[filled : filled + b, :intercept] = 1.0
        buffer[filled : filled + b, intercept:a] = X[block]
        buffer[filled : filled + b, a:] = y[block].reshape(b, m)
        buffer[filled + b :] = 0.0  # rows of zeros leave R unchanged; the buffer stays whole,
        qr, *_ = geqrf(buffer, overwrite_a=True)  # so LAPACK works in place, without a copy
        filled = p
        buffer[:p] = np.triu(qr[:p])
    return min_norm_from_r(buffer[:p].copy(), a, n, y.ndim)


def min_norm_from_r(R: Array, a: int, n: int, y_ndim: int) -> Array:
    """Minimum-norm least squares from the R (p, p) of a QR of [A | y], A with a columns.

    With A = Q R₁₁ and Qᵀy = r₁₂, ‖A w - y‖ is ‖R₁₁ w - r₁₂‖ plus a constant, so the
    minimum-norm w comes from the SVD of the small R₁₁; singular values below
    s₀ · eps · max(n, a) count as zero.
    """
    U, s, Vt = scipy.linalg.svd(R[:a, :a], check_finite=False)
    cutoff = s[0] * np.finfo(R.dtype).eps * max(n, a) if s.size else 0.0
    s_inv = np.divide(1.0, s, out=np.zeros_like(s), where=s > cutoff)
    w = Vt.T @ (s_inv[:, None] * (U.T @ R[:a, a:]))  # (a, m)
    return w[:, 0] if y_ndim == 1 else w


def _block_rows(columns: int) -> int:
    """Rows per block: about 2 MB of float64, so that a block stays in a core's cache (the
    Gram pass measured 15 % slower with 4 MB blocks on a machine with 2 MB of L2 per core)."""
    return max(256, (1 << 18) // max(columns, 1))
