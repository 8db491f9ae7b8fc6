"""Exercise 1.2, the two questions on Iris: how many data points, and how many weights
without the bias."""

from __future__ import annotations

from typing import Any

from dlcourse.teaching.diagnosis import require
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import NamedMistake, Property

SUCCESS = "correct: 150 flowers, 4 weights (one per measurement) plus the bias."
HINTS = (
    "Look at the shape of X: what does a row stand for, and what does a column?",
    "Each row is one flower; each column one measurement, and each measurement gets one weight.",
    "data points = number of rows of X; weights without the bias = number of columns of X.",
)


def iris_questions(n_datapoints: Any, n_weights: Any) -> list[Property]:
    swapped = n_datapoints == 4 and n_weights == 150

    def datapoints() -> None:
        _a_number(n_datapoints, "the number of data points")
        if swapped:
            raise NamedMistake(
                "the two answers are swapped: rows of X are data points, columns features."
            )
        if n_datapoints == 100:
            raise NamedMistake(
                "100 is the count after removing one species; the question is about all of Iris."
            )
        if n_datapoints == 600:
            raise NamedMistake("600 counts every number in X; count the rows instead.")
        require(
            n_datapoints == 150,
            f"{n_datapoints!r} is not the number of data points: count the rows of X (X.shape).",
        )

    def weights() -> None:
        _a_number(n_weights, "the number of weights")
        if n_weights == 5:
            raise NamedMistake(
                "5 includes the bias weight; the question asks for the weights without it."
            )
        if n_weights == 3:
            raise NamedMistake("3 is the number of species (classes), not of features.")
        require(
            swapped or n_weights == 4,
            f"{n_weights!r} weights is not right: one weight per feature (column of X).",
        )
        require(not swapped, "the number of weights is the number of columns of X.")

    return [
        Property("the number of data points: the rows of X", datapoints),
        Property("the number of weights without the bias: the columns of X", weights),
    ]


def _a_number(answer: Any, what: str) -> None:
    """A count given as text, or as several values, is named as such, whatever its value."""
    if isinstance(answer, str):
        raise NamedMistake(
            f"{what} is the text {answer!r}: give the number itself, without quotes."
        )
    if isinstance(answer, tuple | list):
        raise NamedMistake(f"{what} is {answer!r}, several values: give one count.")


EXERCISE = Exercise(
    id="1.2 Iris questions",
    check="exercise_1_2_questions",
    names=("n_datapoints", "n_weights"),
    properties=iris_questions,
    success=SUCCESS,
    hints=HINTS,
    answer=True,
    summary="The two Iris questions: how many data points, how many weights without the bias.",
)
