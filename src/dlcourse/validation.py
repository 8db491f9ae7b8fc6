"""Input checks shared by every estimator.

Every error names the parameter, what was received and what was expected. Data arrays go
through scikit-learn's ``validate_data`` (which records ``n_features_in_`` and converts
lists and DataFrames), preceded by our own checks where its messages would not say which
parameter is wrong or how to fix it.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
from array_api_compat import is_dask_array
from sklearn.utils.validation import validate_data

from dlcourse.array_namespace import (
    device,
    dispatch_namespace,
    get_namespace,
    move_to,
    same_namespace,
    to_numpy,
)

RandomState = int | np.random.Generator | None
FLOAT_DTYPES = (np.float64, np.float32)  # float32 stays float32; everything else becomes float64


def check_random_state(random_state: RandomState) -> np.random.Generator:
    """Return a NumPy Generator for ``random_state`` (None, a non-negative int, or a Generator).

    An int gives ``np.random.default_rng(random_state)``'s generator, a new one each call.
    """
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None:
        return np.random.default_rng()
    if _is_int(random_state) and random_state >= 0:
        return np.random.default_rng(int(random_state))
    raise ValueError(
        f"random_state must be None, a non-negative int or a numpy.random.Generator, "
        f"got {random_state!r}."
    )


# ------------------------------------------------------------------------ hyperparameters


def check_positive_number(name: str, value: Any) -> float:
    if type(value) is float and 0 < value < np.inf:  # the common case, without the ABC checks
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value > 0:
        raise ValueError(f"{name} must be a number > 0, got {value!r}.")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}.")
    return float(value)


def check_positive_int(name: str, value: Any, *, allow_none: bool = False) -> int | None:
    if value is None and allow_none:
        return None
    if not _is_int(value) or value < 1:
        extra = " or None" if allow_none else ""
        raise ValueError(f"{name} must be an int >= 1{extra}, got {value!r}.")
    return int(value)


def check_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be True or False, got {value!r}.")
    return bool(value)


def check_choice(name: str, value: Any, choices: Sequence[str]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}.")
    return value


# ----------------------------------------------------------------------------------- data


def check_fit_data(
    estimator: Any,
    X: Any,
    y: Any,
    *,
    y_numeric: bool,
    multi_output: bool = False,
    reset: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Validate the training data: X becomes (n, d) float, y becomes (n,) (or (n, m)).

    ``reset=False`` (``partial_fit`` after the first call) checks X's features against the
    ones seen before instead of recording them.
    """
    if y is None:
        raise ValueError(
            f"{type(estimator).__name__} requires y to be passed, but the target y is None."
        )
    shape_X = _check_X_shape(X)
    shape_y = _shape(y)
    xp = dispatch_namespace(X)  # y follows X, as in scikit-learn
    if shape_y is not None:
        if len(shape_y) == 0:
            raise ValueError(f"y must be an array of shape (n_samples,), got the scalar {y!r}.")
        if shape_X is not None and shape_X[0] != shape_y[0]:
            raise ValueError(
                f"X has {shape_X[0]} rows but y has {shape_y[0]}; every row (sample) of X "
                "needs exactly one target in y."
            )
    if xp is not np:  # PyTorch, CuPy, ...: checked in their library, on their device
        X = _float_array(X, xp)
        _record_or_check_features(estimator, X, reset)
        if y_numeric:
            y = _float_array(move_to(y, X), xp, X.dtype)
            check_finite("y", y)
        check_finite("X", X)
        return X, y
    if _plain_array(X) and isinstance(y, np.ndarray) and y.ndim == 1 and y.dtype.kind in "biuf":
        # The common case, checked directly: scikit-learn's general path costs more than a
        # whole SGD fit on Iris. The result is the same: nothing to convert, nothing copied.
        _record_or_check_features(estimator, X, reset)
    else:
        X, y = validate_data(
            estimator,
            X,
            y,
            dtype=FLOAT_DTYPES,
            ensure_all_finite=False,
            y_numeric=y_numeric,
            multi_output=multi_output,
            reset=reset,
        )
    check_finite("X", X)
    if y_numeric:
        y = y.astype(X.dtype, copy=False)
    check_finite("y", y)
    return X, y


def check_predict_data(estimator: Any, X: Any, method: str = "predict") -> np.ndarray:
    """Validate data to predict on: 2-D, finite, with as many features as seen in ``fit``.

    Under ``array_api_dispatch``, X must also come from the library and device the model was
    fitted on (scikit-learn's rule); outside it, everything is NumPy.
    """
    _check_X_shape(X)
    if is_dask_array(X):  # checked chunk by chunk when computed, never gathered here
        _check_n_features(estimator, X)
        return X
    xp = dispatch_namespace(X)
    if xp is not np:
        X = _float_array(X, xp)
        _check_n_features(estimator, X)
        check_finite("X", X)
    if hasattr(estimator, "weights_") and dispatch_namespace(estimator.weights_) is not np:
        check_same_namespace(estimator, X, method)
    if xp is not np:
        return X
    if _plain_array(X) and not hasattr(estimator, "feature_names_in_"):
        _check_n_features(estimator, X)
    else:
        X = validate_data(estimator, X, reset=False, dtype=FLOAT_DTYPES, ensure_all_finite=False)
    check_finite("X", X)
    return X


def check_same_namespace(estimator: Any, X: Any, method: str) -> None:
    """Refuse X from another library or device than the fitted weights (array API dispatch)."""
    if same_namespace(X, estimator.weights_):
        return
    fitted = get_namespace(estimator.weights_)
    raise ValueError(
        f"Inputs passed to {type(estimator).__name__}.{method}() must use the same namespace "
        f"and the same device as those passed to fit(): the model was fitted on "
        f"{fitted.__name__} arrays (device {device(estimator.weights_)}), X is "
        f"{type(X).__module__}.{type(X).__name__}. Move X there first."
    )


def _record_or_check_features(estimator: Any, X: Any, reset: bool) -> None:
    if reset:
        forget_features(estimator, X.shape[1])
    else:
        _check_n_features(estimator, X)


def _float_array(a: Any, xp: Any, dtype: Any = None) -> Any:
    """An array of another library as float32 (kept) or float64 (anything else), or ``dtype``."""
    if dtype is None:
        dtype = a.dtype if a.dtype in (xp.float32, xp.float64) else xp.float64
    return a if a.dtype == dtype else xp.astype(a, dtype)


def forget_features(estimator: Any, n_features: int) -> None:
    """Record the number of features seen in ``fit``, and drop names from an earlier fit."""
    estimator.n_features_in_ = n_features
    if hasattr(estimator, "feature_names_in_"):
        del estimator.feature_names_in_  # refitted on an array: no names any more


def _check_n_features(estimator: Any, X: Any) -> None:
    if X.shape[1] != estimator.n_features_in_:
        raise ValueError(
            f"X has {X.shape[1]} features, but {type(estimator).__name__} is expecting "
            f"{estimator.n_features_in_} features as input."
        )


def _plain_array(X: Any) -> bool:
    """A 2-D float64/float32 NumPy array (not a subclass): nothing to convert."""
    return type(X) is np.ndarray and X.ndim == 2 and X.dtype in FLOAT_DTYPES


def check_finite(name: str, a: Any) -> None:
    """Refuse NaN and ±inf, saying how many there are and where the first one is."""
    xp = np if type(a) is np.ndarray else get_namespace(a)
    if xp is not np:  # another library: the test runs on its device, the count on the host
        if not xp.isdtype(a.dtype, ("real floating", "complex floating")):
            return
        if bool(xp.all(xp.isfinite(a))):
            return
        a = to_numpy(a)
    if a.dtype.kind not in "fc":
        return
    if a.size <= 1 << 16:
        if np.isfinite(a).all():  # small: the direct test is the cheapest
            return
    else:
        with np.errstate(over="ignore", invalid="ignore"):
            if np.isfinite(np.sum(a)):  # one pass, no temporary; a non-finite sum needs a look
                return
    bad = ~np.isfinite(a)
    if not bad.any():  # the sum overflowed, the values are fine
        return
    n_nan = int(np.isnan(a).sum())
    n_inf = int(bad.sum()) - n_nan
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    raise ValueError(
        f"{name} contains {n_nan} NaN and {n_inf} infinite (inf) value(s), the first at index "
        f"{first}; only finite numbers can be learned from. Drop or impute them first."
    )


def _check_X_shape(X: Any) -> tuple[int, ...] | None:
    shape = _shape(X)
    if shape is None:
        return None
    if len(shape) == 1:
        raise ValueError(
            f"X must be 2-D, of shape (n_samples, n_features), but got a 1-D array of shape "
            f"{shape}. Reshape your data: X.reshape(-1, 1) if it holds a single feature, "
            "X.reshape(1, -1) if it holds a single sample."
        )
    if len(shape) != 2:
        raise ValueError(f"X must be 2-D, of shape (n_samples, n_features), got shape {shape}.")
    if shape[0] == 0:
        raise ValueError(f"X is empty: got shape {shape}, but at least 1 sample is required.")
    if shape[1] == 0:
        raise ValueError(f"X has 0 feature(s) (shape={shape}) while a minimum of 1 is required.")
    return shape


def _shape(a: Any) -> tuple[int, ...] | None:
    """The shape of an array-like, or None when NumPy cannot tell (ragged lists, sparse)."""
    if hasattr(a, "shape") and isinstance(a.shape, tuple):
        return a.shape
    try:
        return np.shape(a)
    except (ValueError, TypeError):
        return None


def _is_int(value: Any) -> bool:
    if type(value) is int:  # the common case, without the ABC checks
        return True
    return isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)
