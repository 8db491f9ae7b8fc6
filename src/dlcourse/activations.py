"""Output functions of Lesson 1: the sigmoid (section 2) and the softmax (section 3).

Each derivative sits right below its function; the derivations are in the lesson's appendix.
The functions take NumPy arrays, or PyTorch tensors and CuPy arrays (computed on their device).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dlcourse.array_namespace import get_namespace

__all__ = [
    "identity",
    "log_softmax",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_jacobian",
]


def identity(z: ArrayLike) -> NDArray[np.floating]:
    """ŷ = z: the output function of linear regression."""
    return _as_float(z, get_namespace(z))


def sigmoid(z: ArrayLike) -> NDArray[np.floating]:
    """σ(z) = 1 / (1 + e^-z), element-wise, without overflow.

    Parameters
    ----------
    z : array_like, any shape
        Logits.

    Returns
    -------
    ndarray, same shape as ``z``
        Probabilities in [0, 1]. ``sigmoid(-1000)`` is exactly 0 and raises no warning.
    """
    xp = get_namespace(z)
    z = _as_float(z, xp)
    # e^-|z| never overflows; pick the algebraically equal form that divides by 1 + (small).
    e = xp.exp(-xp.abs(z))
    return xp.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(z: ArrayLike) -> NDArray[np.floating]:
    """dσ/dz = σ(z) (1 - σ(z))  (Lesson 1, appendix: derivative of the sigmoid)."""
    s = sigmoid(z)
    return s * (1.0 - s)


def softmax(Z: ArrayLike, axis: int = -1) -> NDArray[np.floating]:
    """ŷ_c = e^{z_c} / Σ_j e^{z_j} along ``axis`` (the classes).

    Parameters
    ----------
    Z : array_like, shape (K,) or (n, K)
        Logits of one sample, or a batch of samples in rows.
    axis : int, default -1
        The class axis. For a batch of shape (n, K) this is the last axis, so that
        every row sums to one.

    Returns
    -------
    ndarray, same shape as ``Z``
        Probabilities. ``softmax([1000, 0])`` is ``[1, 0]``, never NaN.
    """
    xp = get_namespace(Z)
    Z = _as_float(Z, xp)
    Z = Z - xp.max(Z, axis=axis, keepdims=True)  # shift-invariant; this avoids exp overflow
    E = xp.exp(Z)
    return E / xp.sum(E, axis=axis, keepdims=True)


def softmax_jacobian(z: ArrayLike) -> NDArray[np.floating]:
    """∂ŷ_j/∂z_c = ŷ_j (δ_jc - ŷ_c)  (Lesson 1, appendix: derivative of the softmax).

    Parameters
    ----------
    z : array_like, shape (K,) or (n, K)
        Logits of one sample or of a batch.

    Returns
    -------
    ndarray, shape (K, K) or (n, K, K)
        ``J[..., j, c]`` is the derivative of output ``j`` with respect to logit ``c``:
        ŷ_c (1 - ŷ_c) on the diagonal and -ŷ_j ŷ_c off it.
    """
    y_hat = softmax(z)  # (..., K)
    diagonal = y_hat[..., :, None] * np.eye(y_hat.shape[-1])  # (..., K, K)
    return diagonal - y_hat[..., :, None] * y_hat[..., None, :]


def log_softmax(Z: ArrayLike, axis: int = -1) -> NDArray[np.floating]:
    """log ŷ_c = z_c - log Σ_j e^{z_j}, without forming ŷ (so never log 0)."""
    xp = get_namespace(Z)
    Z = _as_float(Z, xp)
    Z = Z - xp.max(Z, axis=axis, keepdims=True)
    return Z - xp.log(xp.sum(xp.exp(Z), axis=axis, keepdims=True))


def _as_float(a: ArrayLike, xp: Any = np) -> NDArray[np.floating]:
    """Return ``a`` as a float array (float32 stays float32; integers become float64)."""
    if xp is np:
        a = np.asarray(a)
        return a if np.issubdtype(a.dtype, np.floating) else a.astype(np.float64)
    return a if xp.isdtype(a.dtype, "real floating") else xp.astype(a, xp.float64)
