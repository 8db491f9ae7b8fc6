"""Linear regression by the normal equation (Lesson 1, section 1 and Exercise 1.1)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.utils.validation import check_is_fitted

from dlcourse.array_namespace import get_namespace, weights_as
from dlcourse.data import add_bias
from dlcourse.engines.chunked import is_dask_array, solve_auto_chunked
from dlcourse.engines.gram import solve_auto
from dlcourse.normal_equation import least_squares, normal_equation_inverse, normal_equation_solve
from dlcourse.validation import (
    check_bool,
    check_choice,
    check_fit_data,
    check_predict_data,
    forget_features,
)

__all__ = ["LinearRegression"]

SOLVERS = {
    "auto": solve_auto,
    "inverse": normal_equation_inverse,
    "normal": normal_equation_solve,
    "lstsq": least_squares,
}


class LinearRegression(RegressorMixin, BaseEstimator):
    """ŷ = X w with w from the normal equation XᵀX w = Xᵀy.

    Parameters
    ----------
    solver : {"auto", "inverse", "normal", "lstsq"}, default "auto"
        - "inverse": w = (XᵀX)⁻¹ Xᵀy, the lesson's formula as written;
        - "normal": solve XᵀX w = Xᵀy by Cholesky, no inverse formed;
        - "lstsq": the Moore-Penrose (minimum-norm least-squares) solution, via an SVD of X;
        - "auto": one pass over X forms XᵀX and Xᵀy of the centred data, solved by Cholesky
          when well-conditioned; on singular or ill-conditioned data a QR factorisation of
          [X | y] gives the minimum-norm least-squares answer, with a
          ``scipy.linalg.LinAlgWarning`` that says why. Never raises ``LinAlgError``, never
          copies X (see :func:`dlcourse.engines.gram.solve_auto`). The only solver for a
          Dask array: XᵀX and Xᵀy by a tree reduction over its chunks, X never gathered.
    fit_intercept : bool, default True
        Learn a bias w_0 (the lesson's column of ones). "auto" centres X and y instead of
        adding the column, which is equivalent and better conditioned; for rank-deficient X
        its minimum norm is then taken over the feature weights only, as in scikit-learn.

    Attributes
    ----------
    weights_ : ndarray, shape (d+1,) or (d+1, m)
        The lesson's w: the bias first, then one weight per feature ((d,) without intercept).
    coef_ : ndarray, shape (d,) or (m, d)
    intercept_ : float or ndarray of shape (m,)
    n_features_in_ : int
    """

    def __init__(self, solver: str = "auto", fit_intercept: bool = True) -> None:
        self.solver = solver
        self.fit_intercept = fit_intercept

    def fit(self, X: ArrayLike, y: ArrayLike):
        """Solve for the weights.

        Parameters
        ----------
        X : array_like, shape (n, d)
            Features, without a bias column: ``fit_intercept`` adds it.
        y : array_like, shape (n,) or (n, m)
            Targets.

        Returns
        -------
        self
        """
        solve = SOLVERS[check_choice("solver", self.solver, tuple(SOLVERS))]
        fit_intercept = check_bool("fit_intercept", self.fit_intercept)
        if is_dask_array(X):  # chunk by chunk: X is never gathered in memory
            if self.solver != "auto":
                raise ValueError(
                    f"solver={self.solver!r} needs all of X in memory; on a Dask array use "
                    "solver='auto' (XᵀX and Xᵀy by a tree reduction over the chunks)."
                )
            self.weights_ = solve_auto_chunked(X, y, intercept=fit_intercept)
            forget_features(self, X.shape[1])
            return self
        X, y = check_fit_data(self, X, y, y_numeric=True, multi_output=True)
        if get_namespace(X) is not np and self.solver != "auto":
            raise ValueError(
                f"solver={self.solver!r} is for NumPy arrays; on {type(X).__name__} input "
                "(array_api_dispatch) use solver='auto', which works on the array's device."
            )
        if self.solver == "auto":
            self.weights_ = solve_auto(X, y, intercept=fit_intercept)  # never copies X
        else:
            self.weights_ = solve(add_bias(X) if fit_intercept else X, y)  # the lesson's X
        return self

    def predict(self, X: ArrayLike) -> NDArray[np.floating]:
        """ŷ = X w, shape (n,) or (n, m)."""
        check_is_fitted(self)
        X = check_predict_data(self, X)  # a Dask array stays one: the answer is lazy
        W = weights_as(self.weights_, X)
        return X @ W[1:, ...] + W[0, ...] if self.fit_intercept else X @ W

    @property
    def coef_(self) -> NDArray[np.floating]:
        """Feature weights the scikit-learn way, shape (d,) or (m, d)."""
        check_is_fitted(self)
        W = self.weights_[1:, ...] if self.fit_intercept else self.weights_
        return W.T if W.ndim == 2 else W

    @property
    def intercept_(self) -> float | NDArray[np.floating]:
        """The bias w_0 (0.0 when ``fit_intercept=False``); shape (m,) for 2-D y."""
        check_is_fitted(self)
        if self.fit_intercept:
            return (
                self.weights_[0, ...] if self.weights_.ndim == 2 else float(self.weights_[0, ...])
            )
        W = self.weights_
        return get_namespace(W).zeros_like(W[0, ...]) if W.ndim == 2 else 0.0

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        tags.array_api_support = True  # PyTorch, CuPy, ... under array_api_dispatch
        return tags
