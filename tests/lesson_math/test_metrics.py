import numpy as np
import pytest
from sklearn.metrics import accuracy_score

from dlcourse.metrics import accuracy


def test_accuracy_matches_sklearn(rng):
    y, y_pred = rng.integers(0, 3, 50), rng.integers(0, 3, 50)
    assert accuracy(y, y_pred) == pytest.approx(accuracy_score(y, y_pred))


def test_accuracy_hand_value_with_string_labels():
    assert accuracy(["a", "b", "b", "a"], ["a", "b", "a", "a"]) == 0.75


def test_accuracy_refuses_probabilities_and_mismatched_shapes():
    with pytest.raises(ValueError, match="argmax"):
        accuracy(np.zeros((4, 3)), np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"\(3,\) and \(4,\)"):
        accuracy(np.zeros(3), np.zeros(4))
    with pytest.raises(ValueError, match="empty"):
        accuracy([], [])
