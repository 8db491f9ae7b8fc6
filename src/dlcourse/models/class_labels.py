"""A classifier's labels: ``classes_``, and each label's column in the lesson's targets."""

from __future__ import annotations

import numpy as np
from sklearn.utils.multiclass import check_classification_targets

__all__ = ["ClassLabels"]


class ClassLabels:
    """Mixin of the SGD classifiers: labels of any kind (ints, strings, ...) as indices 0..K-1.

    ``classes_`` holds the sorted labels; class ``classes_[k]`` is output k of the model.
    """

    classes_: np.ndarray

    def _set_classes(self, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Check the labels, set ``classes_``; return it and each label's index into it."""
        if y.dtype.kind not in "biu":  # integer labels are always valid classes
            check_classification_targets(y)
        classes, y_index = np.unique(y, return_inverse=True)  # sorted labels, indices
        self._check_classes(classes)
        self.classes_ = classes
        return classes, y_index

    def _class_indices(self, y: np.ndarray) -> np.ndarray:
        """Each label's index into ``classes_``; an unknown label is an error."""
        index = np.searchsorted(self.classes_, y)
        index = np.minimum(index, len(self.classes_) - 1)
        unknown = self.classes_[index] != y
        if np.any(unknown):
            raise ValueError(
                f"y contains the label {y[np.argmax(unknown)].tolist()!r}, which is not one of the "
                f"classes {self.classes_!r} given to the first call of partial_fit."
            )
        return index

    def _check_classes(self, classes: np.ndarray) -> None:
        """Refuse fewer than two classes (a subclass may refuse more)."""
        if len(classes) < 2:
            raise ValueError(
                f"y contains only one class ({classes[0]}); a classifier needs at least 2 "
                "classes to learn to tell apart."
            )
