"""What logistic and softmax regression share: a linear model trained by the lesson's SGD loop.

Weights are kept in the lesson's layout, ``weights_`` of shape (d+1,) or (d+1, K) with the
bias in row 0; ``coef_`` and ``intercept_`` present the same numbers the scikit-learn way.

Which loop trains them, the lesson's NumPy loop or an engine (numba, PyTorch/CuPy arrays, Dask
chunks), is decided in one place, :meth:`SGDClassifierBase._train`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted

from dlcourse.array_namespace import (
    device,
    get_namespace,
    like,
    numpy_dtype,
    to_numpy,
    weights_as,
)
from dlcourse.engines import compiled
from dlcourse.engines.array_api_training import array_api_sgd
from dlcourse.engines.chunked import full_batch_descent_chunked, is_dask_array
from dlcourse.engines.compiled_training import compiled_gradient_sum, compiled_sgd
from dlcourse.metrics import accuracy
from dlcourse.models.chunked_fit import chunked_problem
from dlcourse.models.class_labels import ClassLabels
from dlcourse.models.initial_weights import initial_weights
from dlcourse.models.progress import EpochProgress
from dlcourse.training import gradient_sum, sgd
from dlcourse.validation import (
    RandomState,
    check_bool,
    check_fit_data,
    check_positive_int,
    check_positive_number,
    check_predict_data,
    check_random_state,
)

Array = NDArray[np.floating]


class SGDClassifierBase(ClassLabels, ClassifierMixin, BaseEstimator):
    """Base class; use :class:`LogisticRegression` or :class:`SoftmaxRegression`."""

    # Set by each subclass: the model's name in dlcourse.training.MODELS, and the parts that
    # differ (target encoding, weight shape, predictions).
    _model: str

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
        settings = self._settings()
        epochs = check_positive_int("epochs", self.epochs)
        rng = check_random_state(self.random_state)
        problem = chunked_problem if is_dask_array(X) else _in_memory_problem
        X, Y, W = problem(self, X, y, init_weights, rng)  # W drawn first, then the orders
        with EpochProgress(self.verbose, epochs, type(self).__name__) as callback:
            W, loss_history = self._train(X, Y, W, epochs, rng, callback, **settings)
        self.weights_ = W
        self.loss_history_ = _history_like(loss_history, X)
        self._order_rng = rng  # a later partial_fit goes on with the same stream
        return self

    def partial_fit(self, X: ArrayLike, y: ArrayLike, classes: ArrayLike | None = None):
        """One pass of SGD over a chunk of the data, continuing from the current weights.

        For data that arrive in chunks (a stream, or the blocks of an array too large for
        memory), as scikit-learn's ``partial_fit``. Each call is one epoch over the chunk
        (shuffled within it when ``shuffle``); calls over consecutive chunks with
        ``shuffle=False`` make the same updates as one ``fit`` epoch over all of them
        (with mini-batches: when each chunk's length is a multiple of ``batch_size``).

        Parameters
        ----------
        X : array_like, shape (n_chunk, d)
        y : array_like, shape (n_chunk,)
        classes : array_like, shape (K,)
            Every label of the whole data set. Required on the first call (a chunk may lack
            some classes); later calls may omit it or repeat it.

        Returns
        -------
        self
        """
        settings = self._settings()
        first = not hasattr(self, "weights_")
        if first and classes is None:
            raise ValueError(
                "classes must be passed on the first call to partial_fit: every label of the "
                "whole data set, e.g. classes=np.unique(y_all), since one chunk may lack some."
            )
        X, y = check_fit_data(self, X, y, y_numeric=False, reset=first)
        if first:
            self._set_classes(
                to_numpy(classes) if hasattr(classes, "shape") else np.asarray(classes)
            )
            self._order_rng = check_random_state(self.random_state)
            shape = self._weights_shape(X.shape[1] + settings["intercept"], len(self.classes_))
            self.weights_ = initial_weights(
                None, shape, self._order_rng, numpy_dtype(X), settings["intercept"]
            )
            self.loss_history_ = np.empty(0)
        elif classes is not None and not np.array_equal(np.unique(classes), self.classes_):
            raise ValueError(
                f"classes={np.unique(classes)!r} differs from the classes of the first call "
                f"to partial_fit, {self.classes_!r}."
            )
        Y = self._encode_targets(self._class_indices(to_numpy(y)), len(self.classes_))
        W = weights_as(self.weights_, X)
        W, loss_history = self._train(X, like(Y, X), W, 1, self._order_rng, None, **settings)
        self.weights_ = W
        history = np.append(to_numpy(self.loss_history_), loss_history)
        self.loss_history_ = _history_like(history, X)
        return self

    def _train(
        self,
        X: Any,
        Y: Any,
        W: Any,
        epochs: int,
        rng: np.random.Generator,
        callback: Callable[[int, float], None] | None,
        **settings: Any,
    ) -> tuple[Any, np.ndarray]:
        """Run the training loop that suits X: the one place where an engine is chosen.

        Every branch makes the lesson's updates, with the same seeded orders, loss history and
        divergence check; X: (n, d), Y: (n,) or (n, K), W: (d+1,) or (d+1, K).
        """
        run = dict(settings, epochs=epochs, rng=rng, callback=callback)
        if is_dask_array(X):  # row chunks, never gathered: full batch, a tree sum per epoch
            sums = partial(compiled_gradient_sum, threads=1) if compiled.AVAILABLE else gradient_sum
            return full_batch_descent_chunked(X, Y, W, gradient_sum=sums, **run)
        if get_namespace(X) is not np:  # PyTorch, CuPy, ...: the loop in their library
            return array_api_sgd(X, Y, W, **run)
        if compiled.AVAILABLE and type(X) is np.ndarray:  # numba: the epochs compiled
            return compiled_sgd(X, Y, W, **run)
        return sgd(X, Y, W, **run)  # the lesson's loop, NumPy

    def _settings(self) -> dict[str, Any]:
        """The hyperparameters every loop takes, checked (``epochs`` apart: one in partial_fit)."""
        return {
            "model": self._model,
            "learning_rate": check_positive_number("learning_rate", self.learning_rate),
            "batch_size": check_positive_int("batch_size", self.batch_size, allow_none=True),
            "shuffle": check_bool("shuffle", self.shuffle),
            "intercept": check_bool("fit_intercept", self.fit_intercept),
        }

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.array_api_support = True  # PyTorch, CuPy, ... under array_api_dispatch
        return tags

    # ------------------------------------------------------------------------ prediction

    def _logits(self, X: ArrayLike, method: str) -> Array:
        """z = x W for every row of X, without building the bias column."""
        check_is_fitted(self)
        X = check_predict_data(self, X, method)
        W = weights_as(self.weights_, X)
        if self.fit_intercept:
            return X @ W[1:, ...] + W[0, ...]  # (n, d) @ (d, K) + (K,) -> (n, K)
        return X @ W

    def predict(self, X: ArrayLike) -> np.ndarray:
        """The most probable class of each row of X, shape (n,)."""
        index = self._class_index(
            self._logits(X, "predict")
        )  # (n,); checks that the model is fitted
        if is_dask_array(index):  # lazy in, lazy out
            return index.map_blocks(self.classes_.__getitem__, dtype=self.classes_.dtype)
        xp = get_namespace(index)
        if xp is np:
            return self.classes_[index]
        if self.classes_.dtype.kind in "biuf":  # labels as numbers: in the tensors' library
            return xp.take(xp.asarray(self.classes_, device=device(index)), index, axis=0)
        return self.classes_[to_numpy(index)]  # strings exist in NumPy only

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy of ``predict(X)`` against ``y`` (Exercise 1.3)."""
        return accuracy(to_numpy(y), to_numpy(self.predict(X)))

    @property
    def coef_(self) -> Array:
        """Feature weights the scikit-learn way, shape (1, d) or (K, d)."""
        check_is_fitted(self)
        xp = get_namespace(self.weights_)
        W = xp.reshape(self.weights_, (self.weights_.shape[0], -1))  # (d+1, K)
        return W[1:, ...].T if self.fit_intercept else W.T

    @property
    def intercept_(self) -> Array:
        """Biases the scikit-learn way, shape (1,) or (K,); zeros when ``fit_intercept=False``."""
        check_is_fitted(self)
        xp = get_namespace(self.weights_)
        W = xp.reshape(self.weights_, (self.weights_.shape[0], -1))  # (d+1, K)
        return xp.asarray(W[0, ...], copy=True) if self.fit_intercept else xp.zeros_like(W[0, ...])

    # --------------------------------------------------------------- set by the subclass

    def _encode_targets(self, y_index: np.ndarray, n_classes: int) -> np.ndarray:
        raise NotImplementedError

    def _weights_shape(self, n_inputs: int, n_classes: int) -> tuple[int, ...]:
        raise NotImplementedError

    def _class_index(self, Z: Array) -> np.ndarray:
        raise NotImplementedError


def _in_memory_problem(
    model: SGDClassifierBase, X: Any, y: Any, init_weights: Any, rng: np.random.Generator
) -> tuple[Any, Any, Any]:
    """(X, Y, W) for ``model.fit`` on arrays in memory: checked data, the targets Y (n,) or
    (n, K) and the starting weights W (d+1,) or (d+1, K), all in X's library and dtype."""
    X, y = check_fit_data(model, X, y, y_numeric=False)
    classes, y_index = model._set_classes(to_numpy(y))  # labels are sorted on the host
    Y = model._encode_targets(y_index, len(classes))  # (n,) or (n, K)
    intercept = check_bool("fit_intercept", model.fit_intercept)
    shape = model._weights_shape(X.shape[1] + intercept, len(classes))
    W = initial_weights(init_weights, shape, rng, numpy_dtype(X), intercept)  # draws first
    return X, like(Y, X), like(W, X)


def _history_like(loss_history: np.ndarray, X: Any) -> Any:
    """The loss history as an array of X's library on X's device (NumPy for NumPy and Dask)."""
    xp = get_namespace(X)
    return loss_history if xp is np else xp.asarray(loss_history, device=device(X))
