"""dlcourse: Lesson 1 of a deep learning course (linear, logistic and softmax regression).

The names below are imported from their modules on first use (SPEC 1 lazy loading), so that
``dlcourse --help`` and small scripts do not pay for importing scikit-learn and matplotlib.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "DivergenceError": "dlcourse.training",
    "LinearRegression": "dlcourse.models",
    "LogisticRegression": "dlcourse.models",
    "SoftmaxRegression": "dlcourse.models",
    "accuracy": "dlcourse.metrics",
    "add_bias": "dlcourse.data",
    "binary_cross_entropy": "dlcourse.losses",
    "binary_cross_entropy_gradient": "dlcourse.losses",
    "cross_entropy": "dlcourse.losses",
    "cross_entropy_gradient": "dlcourse.losses",
    "load_iris_binary": "dlcourse.data",
    "load_iris_one_hot": "dlcourse.data",
    "make_toy_regression": "dlcourse.data",
    "mean_squared_error": "dlcourse.losses",
    "one_hot": "dlcourse.data",
    "sigmoid": "dlcourse.activations",
    "sigmoid_derivative": "dlcourse.activations",
    "softmax": "dlcourse.activations",
    "softmax_jacobian": "dlcourse.activations",
    "stratified_split": "dlcourse.data",
}
__all__ = [
    "DivergenceError",
    "LinearRegression",
    "LogisticRegression",
    "SoftmaxRegression",
    "accuracy",
    "add_bias",
    "binary_cross_entropy",
    "binary_cross_entropy_gradient",
    "cross_entropy",
    "cross_entropy_gradient",
    "load_iris_binary",
    "load_iris_one_hot",
    "make_toy_regression",
    "mean_squared_error",
    "one_hot",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_jacobian",
    "stratified_split",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'dlcourse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if TYPE_CHECKING:  # for type checkers and IDEs: the same names, imported eagerly
    from dlcourse.activations import sigmoid, sigmoid_derivative, softmax, softmax_jacobian
    from dlcourse.data import (
        add_bias,
        load_iris_binary,
        load_iris_one_hot,
        make_toy_regression,
        one_hot,
        stratified_split,
    )
    from dlcourse.losses import (
        binary_cross_entropy,
        binary_cross_entropy_gradient,
        cross_entropy,
        cross_entropy_gradient,
        mean_squared_error,
    )
    from dlcourse.metrics import accuracy
    from dlcourse.models import LinearRegression, LogisticRegression, SoftmaxRegression
    from dlcourse.training import DivergenceError
