"""Solving the normal equation XᵀX w = Xᵀy of linear regression (Lesson 1, section 1).

Three ways to the least-squares weights, from the lesson's formula to the pseudoinverse:

- :func:`normal_equation_inverse`: w = (XᵀX)⁻¹ Xᵀy, the formula as written in the lesson;
- :func:`normal_equation_solve`: solve XᵀX w = Xᵀy by a Cholesky factorisation, no inverse;
- :func:`least_squares`: the Moore-Penrose (minimum-norm) solution w = X⁺y, from an SVD of X.

Forming XᵀX squares the condition number of X, so the first two lose accuracy on nearly
collinear columns. The default solver of ``LinearRegression``,
:func:`dlcourse.engines.gram.solve_auto`, forms XᵀX in one fast pass, measures that and falls
back to a QR factorisation when it matters.
"""

from __future__ import annotations

import warnings

import numpy as np
import scipy.linalg
from numpy.typing import NDArray
from scipy.linalg import LinAlgWarning

__all__ = ["least_squares", "normal_equation_inverse", "normal_equation_solve"]

Array = NDArray[np.floating]


def normal_equation_inverse(X: Array, y: Array) -> Array:
    """w = (XᵀX)⁻¹ Xᵀy, the lesson's formula (for teaching; prefer :func:`solve_auto`).

    Parameters
    ----------
    X : ndarray, shape (n, p)
        Data matrix, bias column included when there is a bias.
    y : ndarray, shape (n,) or (n, m)

    Returns
    -------
    w : ndarray, shape (p,) or (p, m)

    Raises
    ------
    ValueError
        If XᵀX is exactly singular. A nearly singular one gives a ``LinAlgWarning``.
    """
    G = X.T @ X  # (p, n) @ (n, p) -> (p, p)
    try:
        G_inv = np.linalg.inv(G)
    except np.linalg.LinAlgError:
        raise ValueError(_singular_message("inverse")) from None
    _, rcond = _cholesky(G)
    _warn_if_singular(rcond, G.dtype)
    return G_inv @ X.T @ y  # (p, p) @ (p, n) @ (n,) -> (p,)


def normal_equation_solve(X: Array, y: Array) -> Array:
    """Solve XᵀX w = Xᵀy by a Cholesky factorisation, without forming an inverse."""
    factor, rcond = _cholesky(X.T @ X)
    if factor is None:
        raise ValueError(_singular_message("normal"))
    _warn_if_singular(rcond, factor[0].dtype)
    return scipy.linalg.cho_solve(factor, X.T @ y, check_finite=False)


def least_squares(X: Array, y: Array) -> Array:
    """The minimum-norm w minimising ‖X w - y‖²: w = X⁺ y, X⁺ the Moore-Penrose pseudoinverse.

    Works for any X, rank-deficient or not, at the price of an SVD of X (O(n p²)).
    """
    w, *_ = scipy.linalg.lstsq(X, y, lapack_driver="gelsd", check_finite=False)
    return w


def _cholesky(G: Array) -> tuple[tuple[Array, bool] | None, float]:
    """Cholesky factor of G and its reciprocal condition number (1-norm), estimated by LAPACK's
    ?pocon in O(p²) from the factor; (None, 0.0) when G is not positive definite."""
    try:
        c, lower = scipy.linalg.cho_factor(G, check_finite=False)
    except np.linalg.LinAlgError:
        return None, 0.0
    (pocon,) = scipy.linalg.get_lapack_funcs(("pocon",), (c,))
    rcond, info = pocon(c, np.abs(G).sum(axis=0).max(), uplo="L" if lower else "U")
    return (c, lower), float(rcond) if info == 0 else 0.0


def _warn_if_singular(rcond: float, dtype: np.dtype) -> None:
    if rcond < np.finfo(dtype).eps:
        warnings.warn(
            f"XᵀX is singular to working precision (reciprocal condition number {rcond:.1e}), "
            "so these weights are mostly rounding error. Use solver='auto' or 'lstsq' for the "
            "minimum-norm least-squares answer.",
            LinAlgWarning,
            stacklevel=4,
        )


def _singular_message(solver: str) -> str:
    return (
        f"XᵀX is singular, so solver={solver!r} cannot solve the normal equation: some columns "
        "of X are linear combinations of others (a duplicated or constant column, or fewer "
        "samples than weights). Use solver='auto' or 'lstsq' for the minimum-norm solution."
    )
