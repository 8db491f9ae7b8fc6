"""The three estimators of Lesson 1, with scikit-learn's conventions."""

from dlcourse.models.linear_regression import LinearRegression
from dlcourse.models.logistic_regression import LogisticRegression
from dlcourse.models.softmax_regression import SoftmaxRegression

__all__ = ["LinearRegression", "LogisticRegression", "SoftmaxRegression"]
