"""Exercise 1.4: the forward pass of softmax regression for one sample, ŷ = softmax(xᵢ W)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1.probes import OVERFLOW_900, checks_rng, design, softmax_of
from dlcourse.teaching.diagnosis import compare_each, require, shaped
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property, call

SUCCESS = "correct: ŷ = softmax(x W), one probability per class."
HINTS = (
    "The same two steps as for logistic regression, with K outputs instead of one.",
    "x W gives one logit per class; the softmax turns them into K probabilities.",
    "ŷ = softmax(xᵢ W), a vector of length K.",
)


def softmax_forward_pass(f: Callable) -> list[Property]:
    rng = checks_rng()
    d, K = 4, 3
    x, W = design(rng, 1, d)[0], rng.normal(size=(d + 1, K))

    def y_hat(W_: np.ndarray, x_: np.ndarray = x) -> np.ndarray:
        return shaped(call(f, x_, W_), (W_.shape[1],), "ŷ")

    def sums_to_one() -> None:
        p = y_hat(W)
        require(
            np.all((p >= 0) & (p <= 1)) and np.isclose(p.sum(), 1),
            f"ŷ runs from {p.min():.4g} to {p.max():.4g} and sums to {p.sum():.4g}: it must be "
            "K probabilities between 0 and 1 that add up to 1, so the softmax belongs at the end.",
        )

    def uniform_at_zero() -> None:
        got = y_hat(np.zeros((d + 1, K)))
        require(
            np.allclose(got, 1 / K),
            f"with all weights 0 every class should get 1/K = {1 / K:.4g}, got {np.round(got, 4)}.",
        )

    def common_bias() -> None:
        shifted = W.copy()
        shifted[0] += 2.0  # the same bias added to every class
        require(
            np.allclose(y_hat(shifted), y_hat(W)),
            "adding the same number to every class's bias changes ŷ: it adds the same number "
            "to every logit, which the softmax ignores.",
        )

    def odds() -> None:
        p, z = y_hat(W), x @ W
        require(
            np.isclose(p[0] / p[1], np.exp(z[0] - z[1]), rtol=1e-6),
            f"the ratio of two classes' probabilities is {p[0] / p[1]:.4g}, not e^(z₁ − z₂) = "
            f"{np.exp(z[0] - z[1]):.4g} for the logits z = x W: the exponential must be e^z.",
        )

    def large_logits() -> None:
        W_ = np.zeros((d + 1, K))
        W_[0] = [900.0, 0.0, -900.0]  # x[0] = 1: the logits are ±900, where e^z overflows
        got = y_hat(W_)
        if not np.all(np.isfinite(got)):
            if not np.allclose(y_hat(W), softmax_of(x @ W), rtol=1e-6):
                raise Mistake(
                    "for logits of ±900 ŷ holds inf or NaN, and for ordinary ones it is not "
                    "softmax(x W) either."
                )
            raise NamedMistake(f"for logits of ±900 ŷ holds inf or NaN: {OVERFLOW_900}")
        compare_each([(got, softmax_of(x @ W_), None, "ŷ for logits of ±900")])

    def values() -> None:
        cases = []
        for d_, K_ in [(4, 3), (2, 5)]:
            x_ = design(rng, 1, d_)[0]
            W_ = rng.normal(size=(d_ + 1, K_))
            z = x_ @ W_
            cases.append((y_hat(W_, x_), softmax_of(z), typical_mistakes(z), "ŷ"))
        compare_each(cases)

    return [
        Property("one probability per class", lambda: y_hat(W)),
        Property("probabilities that sum to 1", sums_to_one),
        Property("1/K for every class when all weights are 0", uniform_at_zero),
        Property("unchanged when every class's bias moves together", common_bias),
        Property("the odds of two classes are e^(z₁ − z₂)", odds),
        Property("finite for large logits", large_logits),
        Property("softmax(x W) on random inputs", values),
    ]


def typical_mistakes(z: np.ndarray) -> dict[str, np.ndarray]:
    return {"it returns the logits z = x W: apply the softmax to get probabilities.": z}


def reference(x_i: np.ndarray, W: np.ndarray) -> np.ndarray:
    z = x_i @ W  # (K,): z = xᵢ W
    y_hat = softmax_of(z)  # (K,): ŷ = softmax(z)
    return y_hat


def probe() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    return np.array([1.0, 0.5, -1.2, 2.0]), rng.normal(size=(4, 3))


EXERCISE = Exercise(
    id="1.4 forward pass",
    check="exercise_1_4_forward_pass",
    names=("softmax_forward_pass",),
    properties=softmax_forward_pass,
    success=SUCCESS,
    hints=HINTS,
    reference=reference,
    quantities=(("z", "z = xᵢ W"), ("y_hat", "prediction ŷ = softmax(z)")),
    probe=probe,
    summary="``forward_pass(x_i, W)`` must return ŷ = softmax(xᵢ W), shape (K,).",
)
