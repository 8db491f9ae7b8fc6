"""dlcourse: Lesson 1 of a deep learning course (linear, logistic and softmax regression)."""

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

__version__ = "0.1.0"

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
