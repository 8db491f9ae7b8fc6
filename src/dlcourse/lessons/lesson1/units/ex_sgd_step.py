"""One SGD step, for logistic regression (Exercise 1.2) and softmax regression (1.4): the
shape kept, a step in proportion to λ and downhill, along x (ŷ − y)ᵀ, from the model's own
prediction, and the lesson's values."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np

from dlcourse.lessons.lesson1.probes import (
    OVERFLOW_900,
    bce,
    checks_rng,
    design,
    sigmoid,
    softmax_of,
)
from dlcourse.teaching.diagnosis import compare_each, numbers, require
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property, call

LOGISTIC_SUCCESS = "correct: one SGD step, and w keeps its shape."
SOFTMAX_SUCCESS = "correct: one SGD step, and W keeps its shape."
LOGISTIC_HINTS = (
    "Predict with the current weights, compute the gradient, then take one step downhill.",
    "The step is the learning rate times the gradient, subtracted; the gradient "
    "must have the weights' shape before the subtraction.",
    "w_new = w_old − λ (ŷ − y) xᵢ, with ŷ = σ(xᵢ · w_old).",
)
SOFTMAX_HINTS = (
    "The same update as before, now for a matrix of weights.",
    "Predict with the current W, form the (d+1, K) gradient, and subtract λ times it.",
    "W_new = W_old − λ xᵢ (ŷ − y)ᵀ, with ŷ = softmax(xᵢ W_old).",
)


def sgd_step(f: Callable, *, softmax: bool) -> list[Property]:
    rng = checks_rng()
    d, K = 4, 3
    x = design(rng, 1, d)[0]
    w = rng.normal(size=(d + 1, K) if softmax else (d + 1, 1))
    y = np.eye(K)[1] if softmax else 1.0

    def predict(w_: np.ndarray) -> Any:
        return softmax_of(x @ w_) if softmax else sigmoid(float(x @ w_.reshape(-1)))

    def loss(w_: np.ndarray) -> float:
        p = predict(w_)
        return float(-np.sum(y * np.log(p)) if softmax else bce(y, p))

    def gradient(w_: np.ndarray, x_: np.ndarray, y_: Any) -> np.ndarray:
        if softmax:
            return np.outer(x_, softmax_of(x_ @ w_) - y_)
        return ((sigmoid(x_ @ w_.reshape(-1)) - y_) * x_).reshape(w_.shape)

    def step(w_: np.ndarray, rate: float) -> np.ndarray:
        got = numbers(call(f, w_, x, y, rate), "the new weights")
        if got.shape != w_.shape:
            broadcast = got.ndim == 2 and got.shape[0] == got.shape[1] == w_.shape[0]
            raise Mistake(
                f"the update changed the shape of the weights from {w_.shape} to {got.shape}. "
                + (
                    "An (n, 1) array minus an (n,) array broadcasts to (n, n): give the gradient "
                    "the shape of the weights before subtracting."
                    if broadcast
                    else "The weights must keep their shape from step to step."
                )
            )
        return got

    def keeps_shape() -> None:
        step(w, 0.1)
        if not softmax:
            step(w.reshape(-1), 0.1)

    def proportional() -> None:
        big, small = step(w, 0.1) - w, step(w, 0.01) - w
        if np.allclose(big, 10 * small, rtol=1e-5, atol=1e-12):
            return
        if np.allclose(big, small, rtol=1e-5, atol=1e-12):  # what it observed, nothing more
            raise Mistake(
                "the weights change by the same amount for λ = 0.1 and for λ = 0.01: the step "
                "does not depend on the learning_rate it is given (is a number written in its "
                "place, or is it not used?)."
            )
        ratio = np.abs(big).max() / max(np.abs(small).max(), 1e-300)
        raise Mistake(
            f"ten times the learning rate changes the weights {ratio:.3g} times as much, where "
            "the lesson's update changes them 10 times as much: new weights minus old are "
            "−λ ∇L."
        )

    def descends() -> None:
        require(
            loss(step(w, 1e-3)) < loss(w),
            "a small step makes this sample's loss larger, not smaller: the weights must move "
            "against the gradient, downhill.",
        )

    def structure() -> None:
        change = step(w, 0.1) - w
        if softmax:
            require(
                np.allclose(change.sum(axis=1), 0, atol=1e-12),
                "the rows of the change do not sum to zero: the gradient x (ŷ − y)ᵀ has rows "
                "that sum to 0, because ŷ and y both sum to 1.",
            )
        else:
            c = float(change.reshape(-1) @ x) / float(x @ x)
            require(
                np.allclose(change.reshape(-1), c * x),
                "the change of the weights is not a multiple of x: the gradient (ŷ − y) x is.",
            )

    def implied_prediction() -> None:
        rate = 0.1
        change = step(w, rate) - w  # -λ x (ŷ - y)ᵀ: it tells which ŷ the step used
        used = y - (x @ change.reshape(x.size, -1)) / (rate * (x @ x))  # (K,) or (1,)
        right = np.atleast_1d(predict(w))
        require(
            np.allclose(used, right, rtol=1e-5, atol=1e-9),
            f"the step behaves as if the prediction were ŷ = {np.round(used, 4)}, but the model "
            f"predicts {np.round(right, 4)} for this sample: the forward pass inside the step is "
            f"not the lesson's {'softmax(x W)' if softmax else 'σ(x · w)'} at the current "
            "weights.",
        )

    def notebook_inputs() -> None:
        """What the notebook itself passes: an integer label (Iris's targets), and for softmax
        regression logits far beyond where e^z overflows (|z| = 900)."""
        w_ = np.zeros_like(w)
        w_[0] = [900.0, 0.0, -900.0] if softmax else 3.0  # x[0] = 1: the logits are w_[0]
        y_ = np.eye(K)[2] if softmax else np.int64(0)
        got = numbers(call(f, w_, x, y_, 0.1), "the new weights")
        if got.shape != w_.shape:
            return  # the shape has its own property
        what = "logits of ±900" if softmax else "an integer label y = 0 (as Iris's targets are)"
        if not np.all(np.isfinite(got)):
            ordinary = numbers(call(f, w, x, y, 0.1), "the new weights")
            right = ordinary.shape == w.shape and np.allclose(ordinary, w - 0.1 * gradient(w, x, y))
            raise (NamedMistake if right and softmax else Mistake)(
                f"for {what} the new weights hold inf or NaN"
                + (f": {OVERFLOW_900}" if right and softmax else ".")
            )
        require(
            np.allclose(got, w_ - 0.1 * gradient(w_, x, y_), rtol=1e-6, atol=1e-9),
            f"for {what} the new weights are not w − λ ∇L, though they are finite.",
        )

    def values() -> None:
        cases = []
        for dims, rate in [((4, 0.1)), ((2, 0.5)), ((4, 0.01))]:
            x_ = design(rng, 1, dims)[0]
            w_ = rng.normal(size=(dims + 1, K) if softmax else (dims + 1, 1))
            y_ = np.eye(K)[rng.integers(K)] if softmax else float(rng.integers(2))
            got = call(f, w_, x_, y_, rate)
            step_mistakes = typical_mistakes(w_, x_, y_, rate, gradient, softmax=softmax)
            cases.append((got, w_ - rate * gradient(w_, x_, y_), step_mistakes, "the new weights"))
        compare_each(cases)

    return [
        Property("keeps the shape of the weights", keeps_shape),
        Property("moves the weights in proportion to λ", proportional),
        Property("lowers the sample's loss for a small λ", descends),
        Property(
            "changes the weights along x (ŷ − y)ᵀ" if softmax else "changes the weights along x",
            structure,
        ),
        Property("uses the model's prediction at the current weights", implied_prediction),
        Property(
            "right for large logits" if softmax else "right for an integer label",
            notebook_inputs,
        ),
        Property("w − λ ∇L on random inputs", values),
    ]


def typical_mistakes(
    w: np.ndarray,
    x: np.ndarray,
    y: Any,
    rate: float,
    gradient: Callable[[np.ndarray, np.ndarray, Any], np.ndarray],
    *,
    softmax: bool,
) -> dict[str, np.ndarray]:
    """Typical slips in w − λ ∇L(w): the direction, λ, the weights the gradient is taken at,
    and the logits used as the prediction."""
    g = gradient(w, x, y)
    right = w - rate * g
    z = x @ w if softmax else float(x @ w.reshape(-1))
    logit_gradient = np.outer(x, z - y) if softmax else ((z - y) * x).reshape(w.shape)
    return {
        "the weights move uphill: subtract λ times the gradient, do not add it.": w + rate * g,
        "the learning rate is applied twice (λ² instead of λ).": w - rate**2 * g,
        "the learning rate is missing: the step is the whole gradient, not λ times it.": w - g,
        "the gradient is computed from the updated weights instead of the current ones: "
        "compute ŷ and the gradient first, then update.": w - rate * gradient(right, x, y),
        f"the prediction used is the logit{'s' if softmax else ''} z, not "
        f"{'softmax(z)' if softmax else 'σ(z)'}: apply it first.": w - rate * logit_gradient,
    }


def logistic_reference(
    w: np.ndarray, x_i: np.ndarray, y_i: float, learning_rate: float
) -> np.ndarray:
    z = x_i @ np.ravel(w)  # a number: z = xᵢ · w
    y_hat = sigmoid(z)  # ŷ = σ(z)
    error = y_hat - y_i  # ŷ − y
    gradient = error * x_i  # (d+1,): ∂L/∂w = (ŷ − y) xᵢ
    step = learning_rate * gradient  # λ ∇L
    return w - step.reshape(np.shape(w))  # w − λ (ŷ − y) xᵢ, shaped like w


def softmax_reference(
    W: np.ndarray, x_i: np.ndarray, y_i: np.ndarray, learning_rate: float
) -> np.ndarray:
    z = x_i @ W  # (K,): z = xᵢ W
    y_hat = softmax_of(z)  # (K,)
    error = y_hat - y_i  # (K,): ŷ − y
    gradient = np.outer(x_i, error)  # (d+1, K): xᵢ (ŷ − y)ᵀ
    step = learning_rate * gradient  # λ ∇L
    return W - step


def _probe(softmax: bool) -> tuple[np.ndarray, np.ndarray, Any, float]:
    """One step's input where no two quantities coincide: λ = 0.37, and a target y strictly
    between 0 and 1 (with y = 1, ŷ − y would be −(1 − ŷ), and 1 − ŷ a quantity of its own)."""
    rng = np.random.default_rng(7)
    x = design(rng, 1, 4)[0]
    if softmax:
        return rng.normal(size=(5, 3)), x, np.array([0.1, 0.2, 0.7]), 0.37
    return rng.normal(size=(5, 1)), x, 0.3, 0.37


def _steps(prediction: str, error: str, gradient: str) -> tuple[tuple[str, str], ...]:
    return (
        ("z", "z = xᵢ · w" if prediction == "σ" else "z = xᵢ W"),
        ("y_hat", f"prediction ŷ = {prediction}(z)"),
        ("error", f"error {error}"),
        ("gradient", f"gradient {gradient}"),
        ("step", "step λ ∇L"),
    )


LOGISTIC = Exercise(
    id="1.2 SGD update",
    check="exercise_1_2_sgd_step",
    names=("sgd_step",),
    properties=partial(sgd_step, softmax=False),
    success=LOGISTIC_SUCCESS,
    hints=LOGISTIC_HINTS,
    reference=logistic_reference,
    quantities=_steps("σ", "ŷ − y", "(ŷ − y) xᵢ"),
    probe=partial(_probe, False),
    summary="``sgd_step(w, x_i, y_i, learning_rate)`` must return w - λ (ŷ - y) xᵢ, shaped like w.",
)
SOFTMAX = Exercise(
    id="1.4 SGD update",
    check="exercise_1_4_sgd_step",
    names=("softmax_sgd_step",),
    properties=partial(sgd_step, softmax=True),
    success=SOFTMAX_SUCCESS,
    hints=SOFTMAX_HINTS,
    reference=softmax_reference,
    quantities=_steps("softmax", "ŷ − y", "xᵢ (ŷ − y)ᵀ"),
    probe=partial(_probe, True),
    summary="``sgd_step(W, x_i, y_i, learning_rate)`` must return W - λ x (ŷ - y)ᵀ, shaped like W.",
)
