"""Exercise 1.4: the softmax, along the last axis."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1.probes import checks_rng, softmax_of
from dlcourse.teaching.diagnosis import compare, numbers, require, shaped
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property, call

SUCCESS = "correct: rows sum to 1, and large logits do not overflow."
HINTS = (
    "Exponentiate, then normalise so that each sample's values add up to 1.",
    "Normalise along the class axis (the last one), and subtract each sample's "
    "largest z first so that e^z cannot overflow.",
    "ŷ_c = e^(z_c − max z) / Σ_j e^(z_j − max z), along the last axis.",
)


def softmax(f: Callable) -> list[Property]:
    rng = checks_rng()
    z = rng.normal(size=3)
    Z = rng.normal(size=(4, 3))  # 4 samples, 3 classes

    def probabilities(z_: np.ndarray, what: str = "softmax of one sample") -> np.ndarray:
        return shaped(call(f, z_), z_.shape, what)

    def sums_to_one() -> None:
        p = probabilities(z)
        require(
            np.all((p >= 0) & (p <= 1)),
            f"some outputs lie outside [0, 1] (from {p.min():.4g} to {p.max():.4g}): "
            "probabilities come from e^z, which is never negative.",
        )
        if np.allclose(p, np.exp(z)):
            raise Mistake(
                f"for one sample the outputs are e^z themselves, summing to {p.sum():.4g}: the "
                "probabilities are each e^z divided by the sum over the sample's scores."
            )
        if np.allclose(p, 1):
            raise Mistake(
                f"for one sample (a 1-D z of {z.size} scores) every output is 1: each e^z was "
                "divided by itself, not by the sum over the sample's scores. One sample is a "
                "1-D array; only a batch has rows."
            )
        require(
            np.isclose(p.sum(), 1),
            f"for one sample the outputs sum to {p.sum():.4g}: each sample's probabilities "
            "must add up to 1.",
        )

    def rows_sum_to_one() -> None:
        P = probabilities(Z, "softmax of a batch")
        require(
            np.allclose(P.sum(axis=1), 1),
            f"for a batch of 4 samples × 3 classes the rows sum to {np.round(P.sum(axis=1), 3)}: "
            "each sample's K scores (a row) must sum to 1, whatever the batch size.",
        )

    def shift_invariant() -> None:
        require(
            np.allclose(probabilities(z + 7.0), probabilities(z)),
            "adding the same number to every z of a sample changes the result: e^(z+c) / Σ "
            "e^(z+c) = e^z / Σ e^z, so softmax cannot depend on it.",
        )

    def large_logits() -> None:
        got = numbers(call(f, np.array([1000.0, 0.0])), "softmax([1000, 0])")
        if not np.all(np.isfinite(got)):
            if not np.allclose(probabilities(z), softmax_of(z), rtol=1e-6):
                raise Mistake(  # not only large logits: the cause is not singled out
                    "softmax([1000, 0]) is not finite, and for ordinary logits the result is "
                    "not e^z / Σ e^z either."
                )
            raise NamedMistake(
                "softmax([1000, 0]) gives NaN: e^1000 overflows to inf. Softmax does not change "
                "when the same number is subtracted from every z, so subtract the largest first."
            )
        compare(got, np.array([1.0, 0.0]), what="softmax([1000, 0])")

    def odds() -> None:
        p = probabilities(z)
        require(
            np.isclose(p[0] / p[1], np.exp(z[0] - z[1]), rtol=1e-6),
            f"the ratio of two probabilities is {p[0] / p[1]:.4g}, not e^(z₁ − z₂) = "
            f"{np.exp(z[0] - z[1]):.4g}: the exponential must be e^z, with nothing else "
            "scaling z.",
        )

    def rows_alone() -> None:
        far = np.array([[1000.0, 999.0, 998.0], [0.0, 1.0, 2.0]])  # rows of very different scale
        for batch in (Z, far):
            P = probabilities(batch, "softmax of a batch")
            alone = np.array([probabilities(row) for row in batch])
            require(
                np.allclose(P, alone, equal_nan=False),
                "a row of a batch gets other values than the same row on its own"
                + (" (rows 1000 apart)" if batch is far else "")
                + ": each sample is normalised by itself, so every max and sum must run along "
                "the last axis (one row).",
            )

    def integer_logits() -> None:
        whole = np.array([1, 2, 3])
        got = probabilities(whole, "softmax of integer logits")
        require(
            np.allclose(got, softmax_of(whole.astype(float)), rtol=1e-6),
            f"for integer logits {whole.tolist()} it gives {np.round(got, 4).tolist()}, not the "
            f"{np.round(softmax_of(whole.astype(float)), 4).tolist()} that the same logits "
            "written as floats give.",
        )

    def order() -> None:
        p = probabilities(np.array([0.5, -1.0, 2.0]))
        require(
            p[2] > p[0] > p[1],
            "a larger logit does not get a larger probability: e^z grows with z.",
        )

    def values() -> None:
        compare(call(f, z), softmax_of(z), typical_mistakes(z), what="softmax of one sample")
        compare(call(f, Z), softmax_of(Z), typical_mistakes(Z), what="softmax of a batch (4 × 3)")

    return [
        Property("one probability per class", lambda: probabilities(z)),
        Property("probabilities that sum to 1", sums_to_one),
        Property("each row of a batch sums to 1", rows_sum_to_one),
        Property("unchanged when a constant is added to every z", shift_invariant),
        Property("finite for large logits", large_logits),
        Property("a larger logit, a larger probability", order),
        Property("the odds of two classes are e^(z₁ − z₂)", odds),
        Property("each row of a batch as if alone, also for rows far apart", rows_alone),
        Property("the same for integer logits", integer_logits),
        Property("e^z / Σ e^z on random inputs", values),
    ]


def typical_mistakes(Z: np.ndarray) -> dict[str, np.ndarray]:
    found = {
        "it returns e^z without dividing by the sum: the probabilities must add up to 1.": np.exp(
            Z
        ),
    }
    if Z.ndim == 2:
        found[
            "it normalises over the wrong axis: each row (one sample's K scores) must sum "
            "to 1, not each column."
        ] = np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True)
    return found


def reference(z: np.ndarray) -> np.ndarray:
    return softmax_of(z)  # (K,) or (n, K), along the last axis


def probe() -> tuple[np.ndarray]:
    """A first quick test of a changed copy of the learner's code (no steps to localise: the
    right answers, with or without a shift, share no intermediate value): a batch, whose rows
    a one-sample softmax would also have to handle."""
    return (np.array([[0.3, -1.2, 2.0], [1.0, 0.5, -0.7]]),)


EXERCISE = Exercise(
    id="1.4 softmax",
    check="exercise_1_4_softmax",
    names=("softmax",),
    properties=softmax,
    success=SUCCESS,
    hints=HINTS,
    reference=reference,
    probe=probe,
    summary=(
        "``softmax(z)``: probabilities along the last axis, for one sample (K,) or a batch (n, K)."
    ),
)
