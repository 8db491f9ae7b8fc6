"""Loss functions of Lesson 1 and their derivatives.

- mean squared error (section 1, linear regression),
- binary cross-entropy (section 2, logistic regression),
- cross-entropy (section 3, softmax regression).

Each loss has its derivative with respect to the prediction right below it (the lesson's
appendix), and the combined gradient with respect to the weights that the chain rule gives
for a linear model followed by the matching output function: (ŷ - y) x for the sigmoid with
binary cross-entropy, x (ŷ - y)ᵀ for the softmax with cross-entropy.

Losses from probabilities clip them to the open interval (0, 1) that the dtype can represent,
so a confident wrong prediction costs a large finite loss instead of inf. The ``*_with_logits``
forms take the logits z instead and are exact for any z; the models train with those.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dlcourse.activations import _as_float, log_softmax
from dlcourse.array_namespace import get_namespace

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_derivative",
    "binary_cross_entropy_gradient",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "cross_entropy_derivative",
    "cross_entropy_gradient",
    "cross_entropy_with_logits",
    "half_squared_error",
    "mean_squared_error",
    "mean_squared_error_gradient",
]

Array = NDArray[np.floating]


# ---------------------------------------------------------------- mean squared error (section 1)


def mean_squared_error(y: ArrayLike, y_hat: ArrayLike) -> float:
    """MSE = (1/n) Σ_i (y_i - ŷ_i)².

    Parameters
    ----------
    y, y_hat : array_like, shape (n,) or (n, m)
        Targets and predictions, of the same shape.
    """
    y, y_hat = _same_shape(y, y_hat, "y", "y_hat")
    return float(get_namespace(y_hat).mean((y - y_hat) ** 2))


def mean_squared_error_gradient(X: ArrayLike, y: ArrayLike, w: ArrayLike) -> Array:
    """∂MSE/∂w = (2/n) Xᵀ (X w - y); setting it to zero gives the normal equation.

    Parameters
    ----------
    X : array_like, shape (n, d+1)
        Data matrix, bias column included.
    y : array_like, shape (n,)
        Targets.
    w : array_like, shape (d+1,)
        Weights.

    Returns
    -------
    ndarray, shape (d+1,)
    """
    X, y, w = (np.asarray(a, dtype=float) for a in (X, y, w))
    residual = X @ w - y  # (n,)
    _same_shape(residual, y, "X @ w", "y")
    return 2.0 / X.shape[0] * (X.T @ residual)  # (d+1, n) @ (n,) -> (d+1,)


def half_squared_error(y: ArrayLike, y_hat: ArrayLike) -> Array:
    """L = ½ Σ_k (ŷ_k - y_k)², one value per sample: the loss linear regression trains with by
    SGD. The ½ cancels the 2 of the derivative, so its gradient is x (ŷ - y)ᵀ like the others.

    Parameters
    ----------
    y, y_hat : array_like, shape (n,) or (n, K)
        Targets and predictions (ŷ = z, the identity output).

    Returns
    -------
    ndarray, shape (n,)
    """
    y, y_hat = _same_shape(y, y_hat, "y", "y_hat")
    xp = get_namespace(y_hat)
    squared = (y_hat - y) ** 2
    return 0.5 * (xp.sum(squared, axis=-1) if squared.ndim > 1 else squared)


# ---------------------------------------------------------- binary cross-entropy (section 2)


def binary_cross_entropy(y: ArrayLike, y_hat: ArrayLike) -> Array:
    """L = -(y log ŷ + (1 - y) log(1 - ŷ)), one value per sample.

    Parameters
    ----------
    y : array_like, shape (n,) or scalar
        True classes, 0 or 1.
    y_hat : array_like, same shape as ``y``
        Predicted probability of class 1.

    Returns
    -------
    ndarray, same shape as ``y``
        Finite even for ŷ = 0 or 1: probabilities are clipped into the open interval (0, 1).
    """
    y, y_hat = _same_shape(y, y_hat, "y", "y_hat")
    y_hat = _clip_probability(y_hat)
    xp = get_namespace(y_hat)
    return -(y * xp.log(y_hat) + (1.0 - y) * xp.log1p(-y_hat))


def binary_cross_entropy_derivative(y: ArrayLike, y_hat: ArrayLike) -> Array:
    """∂L/∂ŷ = (ŷ - y) / (ŷ (1 - ŷ))  (Lesson 1, appendix)."""
    y, y_hat = _same_shape(y, y_hat, "y", "y_hat")
    y_hat = _clip_probability(y_hat)
    return (y_hat - y) / (y_hat * (1.0 - y_hat))


def binary_cross_entropy_with_logits(y: ArrayLike, z: ArrayLike) -> Array:
    """The same loss from the logits z, with ŷ = σ(z): what logistic regression trains with.

    -(y log σ(z) + (1 - y) log(1 - σ(z))) = log(1 + e^z) - y z, and
    log(1 + e^z) = logaddexp(0, z) never overflows: exact for every z, no clipping needed.

    Parameters
    ----------
    y : array_like, shape (n,)
        True classes, 0 or 1.
    z : array_like, same shape as ``y``
        Logits z = x w.

    Returns
    -------
    ndarray, same shape as ``y``
    """
    y, z = _same_shape(y, z, "y", "z")
    return get_namespace(z).logaddexp(0.0, z) - y * z


def binary_cross_entropy_gradient(X: ArrayLike, y: ArrayLike, y_hat: ArrayLike) -> Array:
    """∂L/∂w = (ŷ - y) xᵀ for one sample; the mean over the rows for a batch.

    This is the chain rule ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂w of the lesson, where the sigmoid's
    derivative ŷ(1 - ŷ) cancels the denominator of the loss's derivative.

    Parameters
    ----------
    X : array_like, shape (d+1,) or (n, d+1)
        One sample or a batch, bias column included.
    y, y_hat : array_like, shape () or (n,)
        True classes and predicted probabilities.

    Returns
    -------
    ndarray, shape (d+1,)
    """
    X, y, y_hat = _gradient_inputs(X, y, y_hat, y_ndim=0)
    return _linear_gradient(X, y, y_hat)


# ------------------------------------------------------------------ cross-entropy (section 3)


def cross_entropy(Y: ArrayLike, Y_hat: ArrayLike) -> Array:
    """L = -Σ_c y_c log ŷ_c, one value per sample.

    Parameters
    ----------
    Y : array_like, shape (K,) or (n, K)
        One-hot true classes.
    Y_hat : array_like, same shape as ``Y``
        Predicted class probabilities.

    Returns
    -------
    ndarray, shape () or (n,)
        Finite even where ŷ_c = 0: probabilities are clipped away from 0.
    """
    Y, Y_hat = _same_shape(Y, Y_hat, "Y", "Y_hat")
    xp = get_namespace(Y_hat)
    return -xp.sum(Y * xp.log(_clip_probability(Y_hat)), axis=-1)


def cross_entropy_derivative(Y: ArrayLike, Y_hat: ArrayLike) -> Array:
    """∂L/∂ŷ_c = -y_c / ŷ_c  (Lesson 1, appendix)."""
    Y, Y_hat = _same_shape(Y, Y_hat, "Y", "Y_hat")
    return -Y / _clip_probability(Y_hat)


def cross_entropy_with_logits(Y: ArrayLike, Z: ArrayLike) -> Array:
    """The same loss from the logits Z, with Ŷ = softmax(Z): what softmax regression trains with.

    L = -Σ_c y_c log_softmax(z)_c, and log_softmax never takes the log of 0.

    Parameters
    ----------
    Y : array_like, shape (K,) or (n, K)
        One-hot true classes.
    Z : array_like, same shape as ``Y``
        Logits z = x W.

    Returns
    -------
    ndarray, shape () or (n,)
    """
    Y, Z = _same_shape(Y, Z, "Y", "Z")
    return -get_namespace(Z).sum(Y * log_softmax(Z), axis=-1)


def cross_entropy_gradient(X: ArrayLike, Y: ArrayLike, Y_hat: ArrayLike) -> Array:
    """∂L/∂W = x (ŷ - y)ᵀ for one sample; the mean over the rows for a batch.

    Column c is the lesson's (ŷ_c - y_c) x: the softmax Jacobian and -y/ŷ combine
    to ŷ - y (appendix, Kronecker-delta form).

    Parameters
    ----------
    X : array_like, shape (d+1,) or (n, d+1)
        One sample or a batch, bias column included.
    Y, Y_hat : array_like, shape (K,) or (n, K)
        One-hot true classes and predicted probabilities.

    Returns
    -------
    ndarray, shape (d+1, K)
        The shape of the weight matrix W.
    """
    X, Y, Y_hat = _gradient_inputs(X, Y, Y_hat, y_ndim=1)
    return _linear_gradient(X, Y, Y_hat)


# ------------------------------------------------------------------------- shared kernels
# The training loop calls these directly: its inputs are validated once per fit, not per step.


def _linear_gradient(X: Array, Y: Array, Y_hat: Array) -> Array:
    """Mean over the batch of x (ŷ - y)ᵀ: a linear model whose output function matches its loss."""
    R = Y_hat - Y  # (n,) or (n, K): the error of each prediction
    if X.ndim == 1:  # one sample: the outer product x (ŷ - y)ᵀ
        return np.multiply.outer(X, R)  # (d+1,) or (d+1, K)
    return X.T @ R / X.shape[0]  # (d+1, n) @ (n, K) -> (d+1, K)


# ---------------------------------------------------------------------------- validation


def _same_shape(a: ArrayLike, b: ArrayLike, name_a: str, name_b: str) -> tuple[Array, Array]:
    xp = get_namespace(a, b)
    a, b = _as_float(a, xp), _as_float(b, xp)  # float32 stays float32; tensors stay tensors
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} has shape {a.shape} but {name_b} has shape {b.shape}; they must match "
            "(an (n, 1) array minus an (n,) array would silently broadcast to (n, n))."
        )
    return a, b


def _gradient_inputs(
    X: ArrayLike, y: ArrayLike, y_hat: ArrayLike, y_ndim: int
) -> tuple[Array, Array, Array]:
    X = np.asarray(X, dtype=float)
    y, y_hat = _same_shape(y, y_hat, "y", "y_hat")
    if X.ndim not in (1, 2):
        raise ValueError(f"X must be one sample (d+1,) or a batch (n, d+1), got shape {X.shape}.")
    expected = y_ndim + (X.ndim - 1)
    if y.ndim != expected or (X.ndim == 2 and y.shape[0] != X.shape[0]):
        raise ValueError(
            f"X has shape {X.shape}, so y must have {expected} dimension(s)"
            f"{f' and {X.shape[0]} rows' if X.ndim == 2 else ''}; got y of shape {y.shape}."
        )
    return X, y, y_hat


def _clip_probability(p: Array) -> Array:
    """Clip into [tiny, 1 - eps/2]: the closest representable values to 0 and to 1."""
    xp = get_namespace(p)
    info = xp.finfo(p.dtype)
    return xp.clip(p, info.smallest_normal, 1.0 - info.eps / 2)
