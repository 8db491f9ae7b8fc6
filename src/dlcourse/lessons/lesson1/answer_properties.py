"""The properties of the answers of Lesson 1 that are values, not functions: the two Iris
questions of Exercise 1.2 and the learning-rate table of Exercise 1.3."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dlcourse.lessons.lesson1.probes import require
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property

RATES = (0.1, 0.01, 0.001, 0.0001)


def iris_questions(n_datapoints: Any, n_weights: Any) -> list[Property]:
    swapped = n_datapoints == 4 and n_weights == 150

    def datapoints() -> None:
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


def learning_rates(accuracies: Any) -> list[Property]:
    def percent() -> dict[float, float]:
        if not isinstance(accuracies, Mapping):
            raise Mistake(
                f"expected a dict {{learning_rate: accuracy}}, got {type(accuracies).__name__}."
            )
        missing = [rate for rate in RATES if rate not in accuracies]
        if missing:
            raise Mistake(f"no accuracy for the learning rate(s) {missing}; try all four.")
        try:
            values = {rate: float(accuracies[rate]) for rate in RATES}
        except (TypeError, ValueError):
            raise Mistake("each accuracy must be a number.") from None
        scale = 100.0 if max(values.values()) <= 1.0 else 1.0  # fractions or percentages
        return {rate: scale * value for rate, value in values.items()}

    def in_range() -> None:
        got = percent()
        require(
            all(0 <= value <= 100 for value in got.values()),
            f"accuracies must lie between 0 and 100% (or 0 and 1), got {dict(accuracies)}.",
        )

    def trained() -> None:
        got = percent()
        if all(35 <= value <= 65 for value in got.values()):
            raise Mistake(
                "every accuracy is near 50%, what weights that were never trained give: check "
                "that each run trains for 20 epochs and that the accuracy uses the trained "
                "weights."
            )
        require(
            got[0.1] >= 100 and got[0.01] >= 100,
            "at learning rates 0.1 and 0.01, 20 epochs separate setosa from versicolor "
            "perfectly, whatever the start. Check that every run trains for 20 epochs from "
            "fresh weights and that the accuracy uses the trained weights.",
        )

    def ordered() -> None:
        got = percent()
        require(
            got[0.0001] <= got[0.1],
            "the smallest learning rate does better than the largest after the same 20 epochs: "
            "with steps 1,000 times smaller the weights cannot have gone further.",
        )

    return [
        Property("an accuracy for each of the four learning rates", percent),
        Property("accuracies between 0 and 100% (or fractions of 1)", in_range),
        Property("100% at λ = 0.1 and 0.01, as 20 epochs of training give", trained),
        Property("the smallest rate no better than the largest", ordered),
    ]
