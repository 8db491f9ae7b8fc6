"""Describing a wrong answer: hand-computed cases for each helper of teaching/diagnosis.py."""

import numpy as np
import pytest

from dlcourse.teaching.diagnosis import (
    central_difference,
    compare,
    evaluate_mistakes,
    explain_difference,
    numbers,
    shape_message,
)
from dlcourse.teaching.verdicts import Mistake, NamedMistake

RIGHT = np.array([1.0, -2.0, 4.0])


@pytest.mark.parametrize(
    ("got", "words"),
    [
        (-RIGHT, "opposite sign"),
        (2 * RIGHT, "twice the right value"),
        (0.5 * RIGHT, "half the right value"),
        (RIGHT / np.log(10), "log10 instead of the natural logarithm"),
        (RIGHT / np.log(2), "log2"),
        (3.7 * RIGHT, "3.7 times the right value"),
        (0 * RIGHT, "zero everywhere"),
        (RIGHT + 0.25, "off by the same amount, 0.25"),
        (np.array([9.0, -2.0, 4.0]), "Only the first entry, the bias weight's"),
        (np.array([1.0, -2.0, 5.0]), "1 of its 3 entries are wrong"),
    ],
)
def test_explain_difference_names_the_pattern(got, words):
    assert words in explain_difference(got, RIGHT, "the gradient")


def test_explain_difference_gives_the_size_of_an_unpatterned_difference():
    # largest difference 2 against a largest right value of 4: 50%
    text = explain_difference(np.array([3.0, -3.0, 4.5]), RIGHT, "w")
    assert "different values" in text and "50%" in text


@pytest.mark.parametrize(
    ("got", "words"),
    [
        (None, "None"),
        ("1.5", "a string"),
        ([1.0, 2.0], "Python list"),
        ((1.0,), "Python tuple"),
        (True, "truth value"),
        (np.array([1, 2]), "integers"),
        (np.array([True]), "True/False"),
        (np.array([1j]), "complex"),
        (np.array(["a"], dtype=object), "dtype object"),
        ({"a": 1}, "dict, not an array"),
    ],
)
def test_numbers_names_what_came_back_instead(got, words):
    with pytest.raises(Mistake, match=words):
        numbers(got, "the loss")


def test_numbers_accepts_floats_and_float_arrays():
    assert numbers(0.5, "ŷ").shape == ()
    assert numbers(np.float32(2.0), "ŷ") == 2.0
    np.testing.assert_array_equal(numbers(np.ones(3, np.float32), "x"), np.ones(3))


@pytest.mark.parametrize(
    ("got", "expected", "words"),
    [
        ((3, 5), (5, 3), "transposed"),
        ((5, 5), (5, 1), "broadcasts to (n, n)"),
        ((5, 5), (5,), "broadcasts to (n, n)"),
        ((), (5,), "a single number"),
        ((5, 1), (5,), "extra or missing axis"),
        ((4,), (5,), "should have shape (5,)."),
    ],
)
def test_shape_message(got, expected, words):
    assert words in shape_message(got, expected, "w")


def test_compare_names_a_listed_mistake_and_describes_the_rest():
    compare(RIGHT.copy(), RIGHT)  # equal: quiet
    with pytest.raises(NamedMistake, match="the sign"):
        compare(-RIGHT, RIGHT, {"the sign": -RIGHT})
    with pytest.raises(Mistake, match="twice") as caught:
        compare(2 * RIGHT, RIGHT, {"the sign": -RIGHT})
    assert not isinstance(caught.value, NamedMistake)
    with pytest.raises(Mistake, match="inf or NaN"):
        compare(np.array([1.0, np.nan, 4.0]), RIGHT)
    compare(np.array([[0.5]]), np.asarray(0.5))  # one number in any one-element shape


def test_evaluate_mistakes_skips_those_that_cannot_be_computed():
    found = evaluate_mistakes(
        {"fits": [lambda: np.ones(2)], "does not fit": [lambda: np.ones(2) @ np.ones(3)]}
    )
    assert list(found) == ["fits"]


def test_central_difference_of_a_quadratic():
    # f(w) = w₀² + 3 w₀ w₁: the gradient at (1, 2) is (2 + 6, 3) = (8, 3)
    grad = central_difference(lambda w: w[0] ** 2 + 3 * w[0] * w[1], np.array([1.0, 2.0]))
    np.testing.assert_allclose(grad, [8.0, 3.0], rtol=1e-8)
