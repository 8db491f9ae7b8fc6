"""Exercise 1.2: the binary cross-entropy, one loss per sample."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1.probes import bce, checks_rng
from dlcourse.teaching.diagnosis import compare, numbers, require, shaped
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property, call

SUCCESS = "correct: one finite loss per sample, also for ŷ = 0 or 1."
HINTS = (
    "The loss has one term for class 1 and one for class 0; for each sample only "
    "one of them is switched on.",
    "The factors y and 1 − y switch the terms; the logarithms are natural ones; "
    "the result is one number per sample, and ŷ must never be exactly 0 or 1 "
    "inside a logarithm.",
    "L = −( y log ŷ + (1 − y) log(1 − ŷ) ), with ŷ kept a little away from 0 and 1.",
)


def binary_cross_entropy(f: Callable) -> list[Property]:
    rng = checks_rng()
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    y_hat = rng.uniform(0.05, 0.95, size=y.size)

    def losses(y_: np.ndarray, y_hat_: np.ndarray, what: str = "the loss") -> np.ndarray:
        got = numbers(call(f, y_, y_hat_), what)
        if got.size == 1 and y_.size > 1:
            raise Mistake(
                f"for {y_.size} samples it returns one number: return one loss per sample, "
                "without summing or averaging."
            )
        return shaped(got, y_.shape, what)

    def not_finite(seen: str, cause: str) -> None:
        """Raise what the edges show: the cause only where ordinary ŷ give the lesson's loss
        (else the edges are not the only thing wrong, and the cause is not singled out)."""
        if np.allclose(losses(y, y_hat), bce(y, y_hat), rtol=1e-6):
            raise NamedMistake(f"{seen}: {cause}")
        raise Mistake(f"{seen}, and for ŷ between 0 and 1 it is not the lesson's loss either.")

    def never_negative() -> None:
        got = losses(y, y_hat)
        require(
            np.all(got >= -1e-12),
            f"some losses are negative ({got.min():.3g}): −log of a probability is never "
            "negative, so a sign is flipped or a term has the wrong sign.",
        )

    def certain_and_right() -> None:
        got = losses(np.array([1.0, 0.0]), np.array([1.0, 0.0]), "the loss for ŷ = y")
        if not np.all(np.isfinite(got)):
            not_finite(
                "for a certain, right prediction (ŷ = y = 1 or 0) the loss is NaN or inf",
                "log(0) is -inf, and 0 · log 0 is NaN in floating point. Keep ŷ away from exactly "
                "0 and 1 before the logarithm.",
            )
        kept = 1 - np.exp(-got.max())  # the loss −log(1 − ε) of ŷ held ε away from y
        require(
            np.all(np.abs(got) < 1e-4),
            f"a certain, right prediction (ŷ = y) costs {got.max():.3g} instead of 0"
            + (
                f": that is −log(1 − {kept:.3g}), the loss of ŷ held {kept:.3g} away from 0 "
                "and 1. Keeping ŷ off exactly 0 and 1 needs only a tiny margin (1e-12 is "
                "common); a large one changes the loss of every confident prediction."
                if 0 < kept < 0.2 and np.all(got >= 0) and _round(kept)
                else "."
            ),
        )

    def natural_log() -> None:
        got = float(losses(np.array([1.0]), np.array([np.exp(-1.0)]))[0])
        for base, name in ((np.log(10), "log10"), (np.log(2), "log2")):
            require(
                not np.isclose(got, 1 / base),
                f"L(y = 1, ŷ = 1/e) is {got:.4g}, not 1: that is {name}; use the natural "
                "logarithm, np.log.",
            )
        require(np.isclose(got, 1.0), f"L(y = 1, ŷ = 1/e) should be exactly 1, got {got:.4g}.")

    def symmetric() -> None:
        require(
            np.allclose(losses(y, y_hat), losses(1 - y, 1 - y_hat)),
            "swapping the classes (y → 1 − y and ŷ → 1 − ŷ) changes the loss: the two terms, "
            "for y = 1 and for y = 0, must have the same form.",
        )

    def extremes() -> None:
        got = losses(np.array([1.0, 0.0, 1.0]), np.array([0.0, 1.0, 1.0]))
        if not np.all(np.isfinite(got)):
            not_finite(
                "for ŷ exactly 0 or 1 the loss is inf or NaN",
                "log(0) is -inf (and 0 · log 0 is NaN). The sigmoid does reach 0 and 1 in "
                "floating point; keep ŷ away from 0 and 1 before taking the logarithm.",
            )
        require(
            got[0] > 10 and got[1] > 10,
            "a confident wrong prediction must cost a large loss (over 10 for ŷ at 0 or 1).",
        )

    def integer_labels() -> None:
        """What the notebook passes: Iris's targets are integers, 0 and 1."""
        labels = np.array([1, 0, 1, 0])
        got = losses(labels, y_hat[:4], "the loss for integer labels")
        expected = losses(labels.astype(float), y_hat[:4], "the loss for the same labels as floats")
        require(
            np.allclose(got, expected, rtol=1e-6, atol=1e-9),
            f"for integer labels y = {labels.tolist()} (Iris's targets are integers) the losses "
            f"are {np.round(got, 4).tolist()}, but {np.round(expected, 4).tolist()} for the same "
            "labels written as floats.",
        )

    def values() -> None:
        compare(
            losses(y, y_hat),
            bce(y, y_hat),
            typical_mistakes(y, y_hat),
            what="the loss",
        )
        compare(call(f, 1.0, 0.8), np.asarray(-np.log(0.8)), what="the loss of one sample")

    return [
        Property("one loss per sample", lambda: losses(y, y_hat)),
        Property("never negative", never_negative),
        Property("no loss for a certain, right prediction", certain_and_right),
        Property("uses the natural logarithm: L(1, 1/e) = 1", natural_log),
        Property("the same for y = 0 as for y = 1, mirrored", symmetric),
        Property("−(y log ŷ + (1 − y) log(1 − ŷ)) on random inputs", values),
        Property("finite for ŷ = 0 or 1, and large when confidently wrong", extremes),
        Property("the same for integer labels (as Iris's targets are)", integer_labels),
    ]


def typical_mistakes(y: np.ndarray, y_hat: np.ndarray) -> dict[str, np.ndarray]:
    right = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    return {
        "the sign is flipped: log of a probability is negative, so the loss needs a minus "
        "in front to be positive.": -right,
        "the (1 - y) factor is missing: for samples of class 1 the second term must vanish.": -(
            y * np.log(y_hat) + np.log(1 - y_hat)
        ),
        "the term for class 0, (1 - y) log(1 - ŷ), is missing.": -(y * np.log(y_hat)),
        "it is the squared error (y − ŷ)² of linear regression, not the cross-entropy: the "
        "loss of logistic regression takes the logarithm of the probability given to the "
        "right class.": (y - y_hat) ** 2,
    }


def reference(y: np.ndarray, y_hat: np.ndarray) -> np.ndarray:
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)  # (n,): away from 0 and 1, where log is −inf
    log_p = np.log(y_hat)  # log ŷ
    log_q = np.log(1 - y_hat)  # log(1 − ŷ)
    loss = -(y * log_p + (1 - y) * log_q)  # (n,): one loss per sample
    return loss


def probe() -> tuple[np.ndarray, np.ndarray]:
    return np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.3, 0.6, 0.85, 0.2])


def _round(value: float) -> bool:
    """Whether ``value`` is a number someone would type (0.01, 0.05, 1e-3): a margin chosen,
    not a loss that only happens to be −log(1 − value)."""
    return bool(np.isclose(value, float(f"{value:.1g}"), rtol=1e-6, atol=0))


EXERCISE = Exercise(
    id="1.2 binary cross-entropy",
    check="exercise_1_2_binary_cross_entropy",
    names=("binary_cross_entropy",),
    properties=binary_cross_entropy,
    success=SUCCESS,
    hints=HINTS,
    reference=reference,
    quantities=(("log_p", "log ŷ"), ("log_q", "log(1 − ŷ)"), ("loss", "the loss")),
    probe=probe,
    summary="``binary_cross_entropy(y, y_hat)``: one loss per sample, finite even for ŷ = 0 or 1.",
)
