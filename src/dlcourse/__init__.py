"""dlcourse: Lesson 1 of a deep learning course (linear, logistic and softmax regression).

The names below are imported from their modules on first use (SPEC 1 lazy loading), so that
``dlcourse --help`` and small scripts do not pay for importing scikit-learn and matplotlib.
"""

from __future__ import annotations

import importlib
from typing import Any

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
    "binary_cross_entropy_with_logits": "dlcourse.losses",
    "cross_entropy": "dlcourse.losses",
    "cross_entropy_gradient": "dlcourse.losses",
    "cross_entropy_with_logits": "dlcourse.losses",
    "half_squared_error": "dlcourse.losses",
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
__all__ = list(_EXPORTS)  # the one list of what `from dlcourse import ...` offers


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'dlcourse' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
