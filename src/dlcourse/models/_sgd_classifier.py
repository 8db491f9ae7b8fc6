"""What logistic and softmax regression share: a linear model trained by the lesson's SGD loop.

Weights are kept in the lesson's layout, ``weights_`` of shape (d+1,) or (d+1, K) with the
bias in row 0; ``coef_`` and ``intercept_`` present the same numbers the scikit-learn way.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted

from dlcourse._validation import (
    RandomState,
    check_bool,
    check_finite,
    check_fit_data,
    check_positive_int,
    check_positive_number,
    check_predict_data,
    check_random_state,
)
from dlcourse.metrics import accuracy
from dlcourse.training import sgd

Array = NDArray[np.floating]


class SGDClassifierBase(ClassifierMixin, BaseEstimator):
    """Base class; use :class:`LogisticRegression` or :class:`SoftmaxRegression`."""

    # Set by each subclass: the output function, each sample's loss from logits, and
    # the gradient-free part that differs (target encoding, weight shape, predictions).
    _link: Any
    _loss: Any

    def __init__(
        self,
        learning_rate: float = 0.01,
        epochs: int = 20,
        batch_size: int | None = 1,
        shuffle: bool = True,
        random_state: RandomState = None,
        fit_intercept: bool = True,
        verbose: int = 0,
    ) -> None:
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.random_state = random_state
        self.fit_intercept = fit_intercept
        self.verbose = verbose

    # ------------------------------------------------------------------------------- fit

    def fit(self, X: ArrayLike, y: ArrayLike, init_weights: ArrayLike | None = None):
        """Train by SGD for ``epochs`` passes over the data.

        Parameters
        ----------
        X : array_like, shape (n, d)
            Features, without a bias column: ``fit_intercept`` adds it.
        y : array_like, shape (n,)
            Class labels of any kind (ints, strings, ...).
        init_weights : array_like, shape (d+1,) / (d+1, K), optional
            Starting weights in the lesson's layout (bias first; (d,) / (d, K) when
            ``fit_intercept=False``). By default drawn from a standard normal
            distribution, as in the lesson, using ``random_state``.

        Returns
        -------
        self
        """
        learning_rate = check_positive_number("learning_rate", self.learning_rate)
        epochs = check_positive_int("epochs", self.epochs)
        batch_size = check_positive_int("batch_size", self.batch_size, allow_none=True)
        shuffle = check_bool("shuffle", self.shuffle)
        fit_intercept = check_bool("fit_intercept", self.fit_intercept)
        rng = check_random_state(self.random_state)

        X, y = check_fit_data(self, X, y, y_numeric=False)
        if y.dtype.kind not in "biu":  # integer labels are always valid classes
            check_classification_targets(y)
        classes, y_index = _encode_labels(y)
        self._check_classes(classes)
        Y = self._encode_targets(y_index, len(classes)).astype(X.dtype)  # (n,) or (n, K)

        # Two independent streams, so that fixing init_weights leaves the order unchanged.
        init_rng, order_rng = rng.spawn(2)
        shape = self._weights_shape(X.shape[1] + fit_intercept, len(classes))
        W = self._initial_weights(init_weights, shape, init_rng, X.dtype)

        with _EpochProgress(self.verbose, epochs, type(self).__name__) as callback:
            W, loss_history = sgd(
                X,  # no column of ones is added: intercept=True keeps the bias in W's row 0
                Y,
                W,
                link=self._link,
                loss=self._loss,
                learning_rate=learning_rate,
                epochs=epochs,
                batch_size=batch_size,
                shuffle=shuffle,
                rng=order_rng,
                callback=callback,
                intercept=fit_intercept,
            )
        self.classes_ = classes
        self.weights_ = W
        self.loss_history_ = loss_history
        return self

    def _initial_weights(
        self,
        init_weights: ArrayLike | None,
        shape: tuple[int, ...],
        rng: np.random.Generator,
        dtype: np.dtype,
    ) -> Array:
        if init_weights is None:
            return rng.standard_normal(shape).astype(dtype, copy=False)  # the lesson's randn
        W = np.array(init_weights, dtype=dtype)  # a copy: the caller's array is never changed
        if W.shape != shape and W.shape == (*shape, 1):  # the lesson's (d+1, 1) column
            W = W.reshape(shape)
        if W.shape != shape:
            layout = (
                "bias in row 0, then one row per feature"
                if self.fit_intercept
                else ("one row per feature (fit_intercept=False: no bias row)")
            )
            raise ValueError(
                f"init_weights must have shape {shape} ({layout}), got shape {W.shape}."
            )
        check_finite("init_weights", W)
        return W

    # ------------------------------------------------------------------------ prediction

    def _logits(self, X: ArrayLike) -> Array:
        """z = x W for every row of X, without building the bias column."""
        check_is_fitted(self)
        X = check_predict_data(self, X)
        W = self.weights_.astype(X.dtype, copy=False)
        if self.fit_intercept:
            return X @ W[1:] + W[0]  # (n, d) @ (d, K) + (K,) -> (n, K)
        return X @ W

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most probable class of each row of X, shape (n,)."""
        index = self._class_index(self._logits(X))  # (n,); checks that the model is fitted
        return self.classes_[index]

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy of ``predict(X)`` against ``y`` (Exercise 1.3)."""
        return accuracy(np.asarray(y), self.predict(X))

    @property
    def coef_(self) -> Array:
        """Feature weights the scikit-learn way, shape (1, d) or (K, d)."""
        check_is_fitted(self)
        W = self.weights_.reshape(self.weights_.shape[0], -1)  # (d+1, K)
        return W[1:].T if self.fit_intercept else W.T

    @property
    def intercept_(self) -> Array:
        """Biases the scikit-learn way, shape (1,) or (K,); zeros when ``fit_intercept=False``."""
        check_is_fitted(self)
        W = self.weights_.reshape(self.weights_.shape[0], -1)  # (d+1, K)
        return W[0].copy() if self.fit_intercept else np.zeros(W.shape[1], W.dtype)

    # --------------------------------------------------------------- set by the subclass

    def _check_classes(self, classes: np.ndarray) -> None:
        if len(classes) < 2:
            raise ValueError(
                f"y contains only one class ({classes[0]}); a classifier needs at least 2 "
                "classes to learn to tell apart."
            )

    def _encode_targets(self, y_index: np.ndarray, n_classes: int) -> np.ndarray:
        raise NotImplementedError

    def _weights_shape(self, n_inputs: int, n_classes: int) -> tuple[int, ...]:
        raise NotImplementedError

    def _class_index(self, Z: Array) -> np.ndarray:
        raise NotImplementedError


def _encode_labels(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sorted distinct labels and each sample's index into them (like np.unique)."""
    if y.dtype.kind in "iu" and y.size and 0 <= y.min() and y.max() < 4 * y.size + 16:
        present = np.bincount(y) > 0  # small non-negative integers: no sort needed
        classes = np.flatnonzero(present).astype(y.dtype)
        return classes, (np.cumsum(present) - 1)[y]
    return np.unique(y, return_inverse=True)


class _EpochProgress:
    """A tqdm bar over epochs showing the loss when ``verbose``; a no-op callback otherwise."""

    def __init__(self, verbose: int, epochs: int, name: str) -> None:
        self.bar = None
        if verbose:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=epochs, desc=name, unit="epoch")

    def __enter__(self):
        return None if self.bar is None else self._update

    def _update(self, epoch: int, loss: float) -> None:
        self.bar.set_postfix(loss=f"{loss:.4f}", refresh=False)
        self.bar.update()

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
