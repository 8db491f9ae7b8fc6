"""Binary logistic regression trained by SGD (Lesson 1, section 2 and Exercise 1.2)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dlcourse.activations import sigmoid
from dlcourse.array_namespace import get_namespace
from dlcourse.models.sgd_base import SGDClassifierBase

__all__ = ["LogisticRegression"]


class LogisticRegression(SGDClassifierBase):
    """ŷ = σ(x w), trained on binary cross-entropy by w ← w - λ (ŷ - y) x.

    Parameters
    ----------
    learning_rate : float, default 0.01
        λ, the step size.
    epochs : int, default 20
        Passes over the training data.
    batch_size : int or None, default 1
        1 is the lesson's per-sample SGD; b averages the gradient over b samples (mini-batch);
        None is full-batch gradient descent.
    shuffle : bool, default True
        Visit the samples in a new random order every epoch.
    random_state : None, int or numpy Generator
        Seeds the initial weights and the shuffling; same seed, same result, bit for bit.
    fit_intercept : bool, default True
        Learn a bias w_0 (the lesson's column of ones).
    verbose : int, default 0
        Show a progress bar with the loss per epoch.

    Attributes
    ----------
    weights_ : ndarray, shape (d+1,)
        The lesson's w: the bias first, then one weight per feature.
    coef_ : ndarray, shape (1, d)
    intercept_ : ndarray, shape (1,)
    classes_ : ndarray, shape (2,)
        The two labels; ``classes_[1]`` is the positive class, ŷ = P(y = classes_[1]).
    loss_history_ : ndarray, shape (epochs,)
        The mean loss of every epoch, each sample's loss taken just before its update.
    n_features_in_ : int
    """

    _model = "logistic"  # sigmoid and binary cross-entropy (dlcourse.training.MODELS)
    # __init__ is SGDClassifierBase's: the parameters above, with these defaults

    def decision_function(self, X: ArrayLike) -> NDArray[np.floating]:
        """The logits z = x w, shape (n,); positive means ``classes_[1]``."""
        return self._logits(X, "decision_function")

    def predict_proba(self, X: ArrayLike) -> NDArray[np.floating]:
        """Columns P(classes_[0]) and P(classes_[1]) = σ(z), shape (n, 2)."""
        y_hat = sigmoid(self._logits(X, "predict_proba"))  # (n,)
        xp = get_namespace(y_hat)
        return xp.stack([1.0 - y_hat, y_hat], axis=1)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.classifier_tags.multi_class = False
        return tags

    def _check_classes(self, classes: np.ndarray) -> None:
        super()._check_classes(classes)
        if len(classes) > 2:
            raise ValueError(
                f"Only binary classification is supported. y has {len(classes)} classes "
                f"({', '.join(map(str, classes))}), LogisticRegression expects exactly 2; "
                "use SoftmaxRegression for more."
            )

    def _encode_targets(self, y_index: np.ndarray, n_classes: int) -> np.ndarray:
        return y_index  # (n,) of 0/1

    def _weights_shape(self, n_inputs: int, n_classes: int) -> tuple[int, ...]:
        return (n_inputs,)

    def _class_index(self, z: NDArray[np.floating]) -> np.ndarray:
        xp = get_namespace(z)  # σ(z) > 0.5, the lesson's threshold
        return (z > 0).astype(np.intp) if xp is np else xp.astype(z > 0, xp.int64)  # NumPy, Dask
