"""Exercise 1.3: the training accuracy after 20 epochs for each learning rate."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any

from dlcourse.teaching.diagnosis import require
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property

RATES = (0.1, 0.01, 0.001, 0.0001)  # the four rates the exercise compares
SUCCESS = (
    "correct: every sample right at λ = 0.1 and 0.01; smaller rates have not gone far enough yet."
)
HINTS = (
    "Train one fresh model per learning rate, each for the same 20 epochs.",
    "Start every run from new weights, and compute the accuracy with the trained "
    "weights on the same two species.",
    "accuracy = 100 × (number of samples with (ŷ > 0.5) equal to y) / n, for λ in"
    " 0.1, 0.01, 0.001, 0.0001.",
)


def learning_rates(accuracies: Any) -> list[Property]:
    def percent() -> dict[float, float]:
        if not isinstance(accuracies, Mapping):
            raise Mistake(
                f"expected a dict {{learning_rate: accuracy}}, got {type(accuracies).__name__}."
            )
        if any(isinstance(key, str) for key in accuracies):
            raise Mistake(
                f"the keys are strings ({next(k for k in accuracies if isinstance(k, str))!r}): "
                "use the learning rates themselves, as numbers, for keys."
            )
        keys = {rate: _key(accuracies, rate) for rate in RATES}
        missing = [rate for rate, key in keys.items() if key is None]
        if missing == list(RATES[:-1]):
            raise Mistake(
                f"the table holds only λ = {RATES[-1]:g}, the last rate of the loop: is the "
                "dict made anew (reset) inside the loop, so that every run replaces the one "
                "before?"
            )
        if missing:
            raise Mistake(f"no accuracy for the learning rate(s) {missing}; try all four.")
        inexact = {rate: key for rate, key in keys.items() if key != rate}
        if inexact:
            rate, key = next(iter(inexact.items()))
            raise NamedMistake(
                f"the key for λ = {rate:g} is {key!r}, not {rate!r}: computed rates such as "
                "0.1 ** 2 carry a rounding error, so accuracies[0.01] finds nothing. Use the "
                "rates as the exercise writes them."
            )
        try:
            values = {rate: float(accuracies[key]) for rate, key in keys.items()}
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
        if got[0.1] >= 100 and got[0.01] >= 100:
            return
        seen = ", ".join(f"{value:.4g}% at λ = {rate:g}" for rate, value in got.items())
        told = f"the table gives {seen}"
        if got[0.1] == got[0.01] == 0:
            raise Mistake(
                f"{told}: 0 where training went furthest, where every prediction is right: "
                "the table holds the share of wrong predictions (an error rate), where the "
                "exercise asks for the share of right ones."
            )
        if got[0.1] < got[0.0001]:
            raise Mistake(
                f"{told}: the values are smallest where training went furthest (λ = 0.1), as "
                "a loss falls with training; the share of right predictions rises instead. At "
                "0.1 and 0.01, 20 epochs separate setosa from versicolor perfectly: 100%."
            )
        if len(set(got.values())) == 1:
            raise Mistake(
                f"{told}: the same value for every learning rate. At 0.1 and 0.01, 20 epochs "
                "separate setosa from versicolor perfectly, whatever the start: 100%. Check "
                "that every run trains its own fresh model, at its own rate, for 20 epochs."
            )
        raise Mistake(
            f"{told}. At 0.1 and 0.01, 20 epochs separate setosa from versicolor perfectly, "
            "whatever the start: 100%. Check that every run trains for 20 epochs from a fresh "
            "start, and that the table holds the share of right predictions of the trained "
            "weights."
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


def _key(accuracies: Mapping, rate: float) -> Any:
    """The key of ``accuracies`` that is the number ``rate``, up to rounding, or None."""
    for key in accuracies:
        if isinstance(key, numbers.Real) and not isinstance(key, bool):
            if abs(float(key) - rate) <= 1e-9 * rate:
                return key
    return None


EXERCISE = Exercise(
    id="1.3 learning rates",
    check="exercise_1_3_learning_rates",
    names=("accuracies",),
    properties=learning_rates,
    success=SUCCESS,
    hints=HINTS,
    answer=True,
    summary=(
        "``accuracies`` maps each learning rate 0.1, 0.01, 0.001, 0.0001 to the training accuracy."
    ),
)
