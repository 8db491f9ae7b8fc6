"""Softmax regression trained by SGD (Lesson 1, section 3 and Exercise 1.4)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dlcourse.activations import softmax
from dlcourse.array_namespace import get_namespace
from dlcourse.data import one_hot
from dlcourse.models.sgd_base import SGDClassifierBase
from dlcourse.validation import RandomState

__all__ = ["SoftmaxRegression"]


class SoftmaxRegression(SGDClassifierBase):
    """ŷ = softmax(x W), trained on cross-entropy by W ← W - λ x (ŷ - y)ᵀ.

    Parameters
    ----------
    learning_rate : float, default 0.01
        λ, the step size.
    epochs : int, default 100
        Passes over the training data.
    batch_size : int or None, default 1
        1 is the lesson's per-sample SGD; b averages the gradient over b samples (mini-batch);
        None is full-batch gradient descent.
    shuffle : bool, default True
        Visit the samples in a new random order every epoch.
    random_state : None, int or numpy Generator
        Seeds the initial weights and the shuffling; same seed, same result, bit for bit.
    fit_intercept : bool, default True
        Learn a bias per class (the lesson's column of ones).
    verbose : int, default 0
        Show a progress bar with the loss per epoch.

    Attributes
    ----------
    weights_ : ndarray, shape (d+1, K)
        The lesson's W: one column per class, the biases in row 0.
    coef_ : ndarray, shape (K, d)
    intercept_ : ndarray, shape (K,)
    classes_ : ndarray, shape (K,)
        The labels; column c of ``weights_`` and of ``predict_proba`` is ``classes_[c]``.
    loss_history_ : ndarray, shape (epochs,)
        The mean loss of every epoch, each sample's loss taken just before its update.
    n_features_in_ : int
    """

    _model = "softmax"  # softmax and cross-entropy (dlcourse.training.MODELS)

    def __init__(
        self,
        learning_rate: float = 0.01,
        epochs: int = 100,
        batch_size: int | None = 1,
        shuffle: bool = True,
        random_state: RandomState = None,
        fit_intercept: bool = True,
        verbose: int = 0,
    ) -> None:
        super().__init__(
            learning_rate, epochs, batch_size, shuffle, random_state, fit_intercept, verbose
        )

    def decision_function(self, X: ArrayLike) -> NDArray[np.floating]:
        """The logits Z = X W, shape (n, K).

        With two classes, scikit-learn's convention applies: one column z_1 - z_0, shape (n,),
        positive meaning ``classes_[1]``.
        """
        Z = self._logits(X, "decision_function")  # (n, K)
        return Z[:, 1] - Z[:, 0] if Z.shape[1] == 2 else Z

    def predict_proba(self, X: ArrayLike) -> NDArray[np.floating]:
        """Ŷ = softmax(Z), one row per sample summing to 1, shape (n, K)."""
        return softmax(self._logits(X, "predict_proba"))

    def _encode_targets(self, y_index: np.ndarray, n_classes: int) -> np.ndarray:
        return one_hot(y_index, n_classes)  # (n, K)

    def _weights_shape(self, n_inputs: int, n_classes: int) -> tuple[int, ...]:
        return (n_inputs, n_classes)

    def _class_index(self, Z: NDArray[np.floating]) -> np.ndarray:
        return get_namespace(Z).argmax(Z, axis=1)
