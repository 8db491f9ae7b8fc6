"""Typical mistakes in the exercises of Lesson 1, each with the values it produces.

A wrong answer that equals one of these gets the most specific diagnosis; anything else is
caught by the properties of :mod:`.properties`. Each function takes the inputs of one probe
and returns ``{diagnosis: the wrong answer (or answers)}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from dlcourse.activations import sigmoid
from dlcourse.teaching.diagnosis import evaluate_mistakes


def normal_equation(X: np.ndarray, y: np.ndarray) -> dict[str, list[np.ndarray]]:
    """What slips in (XᵀX)⁻¹Xᵀy compute, for the shapes where they compute at all."""
    inv = np.linalg.inv
    return evaluate_mistakes(
        {
            "the formula's factors are in the wrong order: the matrix to invert is XᵀX "
            "(Xᵀ on the left), of shape (d+1, d+1), and Xᵀy comes after it.": [
                lambda: inv(X @ X.T) @ X.T @ y,
                lambda: inv(X.T @ X) @ X @ y,
                lambda: X.T @ inv(X.T @ X) @ y,
            ],
            "XᵀX is multiplied instead of inverted: use its inverse.": [lambda: X.T @ X @ X.T @ y],
            "Xᵀ is missing between the inverse and y.": [lambda: inv(X.T @ X) @ y],
        }
    )


def binary_cross_entropy(y: np.ndarray, y_hat: np.ndarray) -> dict[str, np.ndarray]:
    right = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    return {
        "the sign is flipped: log of a probability is negative, so the loss needs a minus "
        "in front to be positive.": -right,
        "the (1 - y) factor is missing: for samples of class 1 the second term must vanish.": -(
            y * np.log(y_hat) + np.log(1 - y_hat)
        ),
        "the term for class 0, (1 - y) log(1 - ŷ), is missing.": -(y * np.log(y_hat)),
    }


def logistic_gradient(y: float, y_hat: float, x: np.ndarray) -> dict[str, np.ndarray]:
    right = (y_hat - y) * x
    return {
        "the sign is flipped: the gradient is (ŷ - y) x, pointing uphill; "
        "the update subtracts it.": -right,
        "there is an extra factor ŷ(1 - ŷ): the sigmoid's derivative already cancels "
        "the denominator of the loss's derivative.": right * y_hat * (1 - y_hat),
        "that is ∂L/∂ŷ times x: multiply by the sigmoid's derivative ŷ(1 - ŷ), "
        "and it simplifies.": right / (y_hat * (1 - y_hat)),
    }


def logistic_forward_pass(z: float) -> dict[str, np.ndarray]:
    return {
        "it returns the logit z: apply the sigmoid to get a probability.": np.asarray(z),
        "the sign in the exponent is flipped: σ(z) = 1 / (1 + e^(-z)).": np.asarray(sigmoid(-z)),
    }


def sgd_step(
    w: np.ndarray,
    x: np.ndarray,
    y: Any,
    rate: float,
    gradient: Callable[[np.ndarray, np.ndarray, Any], np.ndarray],
    *,
    softmax: bool,
) -> dict[str, np.ndarray]:
    """Typical slips in w − λ ∇L(w): the direction, λ, the weights the gradient is taken at,
    and the logits used as the prediction."""
    g = gradient(w, x, y)
    right = w - rate * g
    z = x @ w if softmax else float(x @ w.reshape(-1))
    logit_gradient = np.outer(x, z - y) if softmax else ((z - y) * x).reshape(w.shape)
    return {
        "the weights move uphill: subtract λ times the gradient, do not add it.": w + rate * g,
        "the learning rate is applied twice (λ² instead of λ).": w - rate**2 * g,
        "the learning rate is missing: the step is the whole gradient, not λ times it.": w - g,
        "the gradient is computed from the updated weights instead of the current ones: "
        "compute ŷ and the gradient first, then update.": w - rate * gradient(right, x, y),
        f"the prediction used is the logit{'s' if softmax else ''} z, not "
        f"{'softmax(z)' if softmax else 'σ(z)'}: apply it first.": w - rate * logit_gradient,
    }


def softmax(Z: np.ndarray) -> dict[str, np.ndarray]:
    found = {
        "it returns e^z without dividing by the sum: the probabilities must add up to 1.": np.exp(
            Z
        ),
    }
    if Z.ndim == 2:
        found[
            "it normalises over the wrong axis: each row (one sample's K scores) must sum "
            "to 1, not each column."
        ] = np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True)
    return found


def softmax_forward_pass(z: np.ndarray) -> dict[str, np.ndarray]:
    return {"it returns the logits z = x W: apply the softmax to get probabilities.": z}


def softmax_gradient(y: np.ndarray, y_hat: np.ndarray, x: np.ndarray) -> dict[str, np.ndarray]:
    return {"the sign is flipped: the gradient is x (ŷ - y)ᵀ.": -np.outer(x, y_hat - y)}
