"""The properties behind the checks: correct alternatives pass, each property fails on a
hand-made function that breaks it, odd return values get a verdict that names them, hints
come in levels, and the verdict reads well in a notebook."""

import re
import time
from pathlib import Path

import numpy as np
import pytest
import scipy.special

from dlcourse.lessons.lesson1 import check
from dlcourse.teaching import verdicts
from dlcourse.teaching.checking import ProvidedCodeFailed
from dlcourse.teaching.credit import free_properties

# ------------------------------------------------- correct alternatives all pass


def _sgd_logistic_lesson(w, x_i, y_i, learning_rate):
    # the lesson's own form: the weights transposed, the step subtracted, transposed back
    y_hat = scipy.special.expit(x_i @ w)
    return np.subtract(w.T, learning_rate * (y_hat - y_i) * x_i).T


def _sgd_logistic_in_place(w, x_i, y_i, learning_rate):
    w -= learning_rate * ((scipy.special.expit(x_i @ w) - y_i) * x_i).reshape(w.shape)
    return w


def _sgd_logistic_on_a_copy(w, x_i, y_i, learning_rate):
    w = w.copy()
    w -= learning_rate * ((scipy.special.expit(x_i @ w) - y_i) * x_i).reshape(w.shape)
    return w


def _softmax_logsumexp(z):
    return np.exp(z - scipy.special.logsumexp(z, axis=-1, keepdims=True))


ALTERNATIVES = [
    (check.exercise_1_1_normal_equation, lambda X, y: np.linalg.solve(X.T @ X, X.T @ y)),
    (check.exercise_1_1_normal_equation, lambda X, y: np.linalg.pinv(X) @ y),
    (check.exercise_1_1_normal_equation, lambda X, y: np.linalg.lstsq(X, y, rcond=None)[0]),
    (
        check.exercise_1_2_binary_cross_entropy,  # the lesson's epsilon of 1e-8
        lambda y, p: -(y * np.log(p + 1e-8) + (1 - y) * np.log(1 - p + 1e-8)),
    ),
    (
        check.exercise_1_2_binary_cross_entropy,
        lambda y, p: (
            -(y * np.log(np.clip(p, 1e-7, 1 - 1e-7)))
            - (1 - y) * np.log(1 - np.clip(p, 1e-7, 1 - 1e-7))
        ),
    ),
    (check.exercise_1_2_gradient, lambda y, p, x: np.multiply(p - y, x)),
    (check.exercise_1_2_forward_pass, lambda x, w: scipy.special.expit(x @ w)),
    (
        check.exercise_1_2_forward_pass,
        lambda x, w: (
            scipy.special.expit(np.dot(x, w))[0]
            if np.ndim(w) == 2
            else scipy.special.expit(np.dot(x, w))
        ),
    ),
    (check.exercise_1_2_sgd_step, _sgd_logistic_lesson),
    (check.exercise_1_2_sgd_step, _sgd_logistic_on_a_copy),
    (check.exercise_1_4_softmax, lambda z: scipy.special.softmax(z, axis=-1)),
    (check.exercise_1_4_softmax, _softmax_logsumexp),
    (
        check.exercise_1_4_forward_pass,
        lambda x, W: scipy.special.softmax(np.einsum("i,ik->k", x, W)),
    ),
    (check.exercise_1_4_gradient, lambda y, p, x: x[:, None] * (p - y)[None, :]),
    (check.exercise_1_4_gradient, lambda y, p, x: np.einsum("i,k->ik", x, p - y)),
    (
        check.exercise_1_4_sgd_step,
        lambda W, x, y, lr: W - lr * np.outer(x, scipy.special.softmax(x @ W) - y),
    ),
]


@pytest.mark.parametrize(("run", "answer"), ALTERNATIVES)
def test_every_correct_alternative_passes_with_score_one(run, answer):
    result = run(answer, quiet=True)
    assert result.passed, result.message
    assert result.score == 1.0 and all(p.held for p in result.properties)


# ------------------------------------------- each property, broken by hand on its own


def _failed(result):
    return {p.name for p in result.properties if not p.held}


@pytest.mark.parametrize(
    ("run", "answer", "broken", "words"),
    [
        # log10 instead of ln: L(1, 1/e) = 0.4343 (= 1/ln 10)
        (
            check.exercise_1_2_binary_cross_entropy,
            lambda y, p: (
                -(y * np.log10(np.clip(p, 1e-12, 1)) + (1 - y) * np.log10(np.clip(1 - p, 1e-12, 1)))
            ),
            "uses the natural logarithm: L(1, 1/e) = 1",
            "log10",
        ),
        # a mean over the samples: one number instead of one per sample
        (
            check.exercise_1_2_binary_cross_entropy,
            lambda y, p: np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))),
            "one loss per sample",
            "one number",
        ),
        # the gradient with an extra y: (ŷ − y) x at ŷ = y = 1 is 0, this is x
        (
            check.exercise_1_2_gradient,
            lambda y, p, x: (p - y + y * (p == y)) * x,
            "zero when ŷ = y",
            "not zero",
        ),
        # a forward pass that forgets the bias column's weight: σ(x[1:] · w[1:])
        (
            check.exercise_1_2_forward_pass,
            lambda x, w: scipy.special.expit(x[1:] @ np.ravel(w)[1:]),
            "grows with the bias weight",
            "bias weight",
        ),
        # softmax normalised by the sum of the whole batch: rows no longer sum to 1
        (
            check.exercise_1_4_softmax,
            lambda z: np.exp(z - np.max(z)) / np.sum(np.exp(z - np.max(z))),
            "each row of a batch sums to 1",
            "each sample",
        ),
        # a softmax gradient with the error of class 0 only: rows do not sum to 0
        (
            check.exercise_1_4_gradient,
            lambda y, p, x: np.outer(x, (p - y) * (np.arange(len(p)) == 0)),
            "each row sums to zero",
            "sum to zero",
        ),
        # a step that uses the error at w = 0 (ŷ = 0.5) instead of the model's prediction
        (
            check.exercise_1_2_sgd_step,
            lambda w, x, y, lr: w - lr * ((0.5 - y) * x).reshape(w.shape),
            "uses the model's prediction at the current weights",
            "as if the prediction were",
        ),
    ],
)
def test_each_property_fails_on_a_function_that_breaks_it(run, answer, broken, words):
    result = run(answer, quiet=True)
    assert result.status == "failed"
    assert broken in _failed(result)
    assert words in result.message
    # the score counts the properties that no answer without work (zeros, a constant, the
    # input returned as it came) has
    exercise = next(e for e in check.EXERCISES if e.id == result.exercise)
    free = free_properties(exercise)
    counted = [p for p in result.properties if p.name not in free or not p.held]
    assert result.score == pytest.approx(sum(p.held for p in counted) / len(counted))
    assert result.score < 1


def test_normal_equation_properties_on_a_hand_computed_case():
    # w = (XᵀX)⁻¹Xᵀy + 1: the residual is no longer orthogonal to the columns of X, and
    # the weights of noise-free data are off by one; the shape and order still hold
    result = check.exercise_1_1_normal_equation(
        lambda X, y: np.linalg.solve(X.T @ X, X.T @ y) + 1.0, quiet=True
    )
    failed = _failed(result)
    assert "the residual y − Xw is orthogonal to every column of X" in failed
    assert "recovers the weights of noise-free data" in failed
    assert "returns one weight per column of X" not in failed
    assert "does not depend on the order of the data points" not in failed
    assert "off by the same amount" in " ".join(p.detail for p in result.properties)


# ----------------------------------------------------- what comes back instead of an array


@pytest.mark.parametrize(
    ("returned", "words"),
    [
        (lambda y, p, x: None, "None"),
        (lambda y, p, x: "(y_hat - y) * x", "a string"),
        (lambda y, p, x: list((p - y) * x), "Python list"),
        (lambda y, p, x: tuple((p - y) * x), "Python tuple"),
        (lambda y, p, x: ((p - y) * x).astype(int), "integers"),
        (lambda y, p, x: (p - y) * x > 0, "True/False"),
    ],
)
def test_a_return_value_that_is_not_an_array_is_named(returned, words):
    result = check.exercise_1_2_gradient(returned, quiet=True)
    assert result.status == "failed" and words in result.message, result.message


def test_printing_instead_of_returning_is_named(capsys):
    result = check.exercise_1_2_gradient(lambda y, p, x: print((p - y) * x), quiet=True)
    assert result.status == "failed" and "prints its result instead of returning" in result.message
    assert "[" in capsys.readouterr().out  # what the learner printed is still shown


def test_a_function_that_runs_too_long_is_stopped(monkeypatch):
    monkeypatch.setattr(verdicts, "CALL_TIME_LIMIT", 0.2)

    def endless(y, y_hat, x):
        while True:
            pass

    start = time.perf_counter()
    result = check.exercise_1_2_gradient(endless, quiet=True)
    assert time.perf_counter() - start < 2  # stopped once, the other properties not retried
    assert result.status == "failed" and "ran for more than 0.2 s" in result.message
    assert result.score == 0 and len(result.properties) == 6


def test_an_exception_is_reported_and_scored():
    result = check.exercise_1_4_gradient(lambda y, p, x: x @ (p - y), quiet=True)
    assert result.status == "error" and "shapes" in result.message and result.score == 0


# ---------------------------------------------------------------------------- hints


def _fresh_hints(monkeypatch):
    for name, value in {"checked": {}, "hinted": {}, "last_failed": []}.items():
        monkeypatch.setattr(check.CHECKS, name, value)


def test_hints_come_in_three_levels_and_climb_only_after_a_new_attempt(capsys, monkeypatch):
    _fresh_hints(monkeypatch)
    assert "no hint needed" in check.hint()

    def flipped(y, p, x):
        return (y - p) * x

    def negated(y, p, x):
        return -(p - y) * x

    def scaled(y, p, x):
        return (y - p) * x * 1.0

    def shifted(y, p, x):
        return (y - p) * (x + 0)

    result = check.exercise_1_2_gradient(flipped, quiet=True)
    assert result.hint == 'check.hint("1.2 gradient")'
    first, again = check.hint(), check.hint()
    assert first.startswith("Hint 1/3 for 1.2 gradient") and again == first  # a cell run twice
    # a changed answer, checked again, with the same cause (a sign): the next level
    check.exercise_1_2_gradient(negated, quiet=True)
    second = check.hint()
    check.exercise_1_2_gradient(scaled, quiet=True)
    third = check.hint()
    check.exercise_1_2_gradient(shifted, quiet=True)
    assert [t.split(":")[0] for t in (second, third, check.hint())] == [
        "Hint 2/3 for 1.2 gradient",
        "Hint 3/3 for 1.2 gradient",
        "Hint 3/3 for 1.2 gradient",
    ]
    assert "sign" in first and "sign" in third and "return" not in third
    assert check.hint("1.2 gradient", level=1).startswith("Hint 1/3")
    with pytest.raises(ValueError, match="exercise must be one of"):
        check.hint("1.9 nothing")
    capsys.readouterr()
    check.exercise_1_4_softmax(lambda z: np.exp(z), hint=1)
    printed = capsys.readouterr().out
    assert "❌ Exercise 1.4 softmax" in printed and "Hint 1/3 for 1.4 softmax" in printed


def test_a_hint_is_about_the_cause_the_check_found(monkeypatch, capsys):
    _fresh_hints(monkeypatch)

    def sigmoid(z):
        return 1 / 1 + np.exp(-z)

    def forward(x_i, w):
        return sigmoid(x_i @ w)

    result = check.exercise_1_2_forward_pass(forward, quiet=True)
    assert "Python reads `1 / 1 + np.exp(-z)` as `(1 / 1) + np.exp(-z)`" in result.message
    assert "which operation Python does first" in check.hint()
    # a wrong step found by the values (no one change makes it right): about that step
    check.exercise_1_2_sgd_step(_step_with_a_wrong_error, quiet=True)
    assert "look only at how your code computes error ŷ − y" in check.hint()


def _step_with_a_wrong_error(w, x_i, y_i, learning_rate):
    y_hat = 1 / (1 + np.exp(-(x_i @ w)))
    error = y_hat - 0.5 * y_i**3
    gradient = error * x_i
    return w - learning_rate * gradient.reshape(w.shape)


def test_a_hint_is_shown_once_in_jupyter():
    hint = check.hint("1.2 gradient", level=1)
    assert isinstance(hint, str) and hint._ipython_display_() is None  # no echo as Out[]


def test_every_exercise_has_three_hints():
    assert all(len(e.hints) == 3 and all(e.hints) for e in check.EXERCISES)
    assert len({e.hints for e in check.EXERCISES}) == len(check.EXERCISES)


# --------------------------------------------------------------- how a verdict reads


def test_the_verdict_is_a_compact_block_in_html_and_in_text():
    result = check.exercise_1_2_gradient(lambda y, p, x: (y - p) * x, quiet=True)
    text, html = str(result), result._repr_html_()
    assert text.splitlines()[0].startswith("❌ Exercise 1.2 gradient: the sign is flipped")
    assert f"score {result.score:.2f}" in text and "✗" in text and "✓" in text
    assert 'check.hint("1.2 gradient")' in text
    assert "<b>❌ Exercise 1.2 gradient</b>" in html and "<li" in html
    assert "check.hint(&#34;1.2 gradient&#34;)" in html  # escaped by the template
    passed = check.exercise_1_2_gradient(lambda y, p, x: (p - y) * x, quiet=True)
    assert "<li" not in passed._repr_html_() and "\n" not in str(passed)
    restored = verdicts.CheckResult.from_dict(result.to_dict())
    assert restored == result


def test_a_wild_answer_gets_a_verdict_not_a_crash():
    # dividing by λ sends the weights so far that the check's own loss meets log(0): the
    # check's arithmetic must not stop the verdict (warnings are errors in this suite)
    def step(w, x, y, learning_rate):
        return w - ((scipy.special.expit(x @ w) - y) * x).reshape(w.shape) / learning_rate

    result = check.exercise_1_2_sgd_step(step, quiet=True)
    assert result.status == "failed" and "0.1 times as much, where" in result.message


# ------------------------------------------- every property, broken by a hand-made function

sig = scipy.special.expit
soft = scipy.special.softmax


def _solve(X, y):
    return np.linalg.solve(X.T @ X, X.T @ y)


def _bce(y, p):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def _step(gradient):
    return lambda w, x, y, lr: w - lr * gradient(w, x, y).reshape(w.shape)


def _logistic_error(w, x, y):
    return (sig(x @ np.ravel(w)) - y) * x


def _softmax_error(W, x, y):
    return np.outer(x, soft(x @ W) - y)


BREAKERS = {
    check.exercise_1_1_normal_equation: {
        "returns one weight per column of X": lambda X, y: _solve(X, y)[:-1],
        "the residual y − Xw is orthogonal to every column of X": lambda X, y: _solve(X, y) + 1,
        "recovers the weights of noise-free data": lambda X, y: _solve(X, y) + 1,
        "does not depend on the order of the data points": lambda X, y: _solve(X, np.sort(y)),
        "scales with y": lambda X, y: _solve(X, y) + 1,
        "gives (XᵀX)⁻¹Xᵀy, also for a square X": lambda X, y: _solve(X, y) + 1,
    },
    check.exercise_1_2_binary_cross_entropy: {
        "one loss per sample": lambda y, p: np.sum(_bce(y, p)),
        "never negative": lambda y, p: -_bce(y, p),
        "no loss for a certain, right prediction": lambda y, p: _bce(y, p) + 1,
        "uses the natural logarithm: L(1, 1/e) = 1": lambda y, p: _bce(y, p) / np.log(10),
        "the same for y = 0 as for y = 1, mirrored": lambda y, p: -y * np.log(np.clip(p, 1e-12, 1)),
        "−(y log ŷ + (1 − y) log(1 − ŷ)) on random inputs": lambda y, p: 2 * _bce(y, p),
        "finite for ŷ = 0 or 1, and large when confidently wrong": lambda y, p: (
            -(y * np.log(p) + (1 - y) * np.log(1 - p))
        ),
        "the same for integer labels (as Iris's targets are)": lambda y, p: (
            _bce(y, p) + (np.asarray(y).dtype.kind == "i")
        ),
    },
    check.exercise_1_2_gradient: {
        "one entry per weight": lambda y, p, x: np.sum((p - y) * x),
        "zero when ŷ = y": lambda y, p, x: (p - y + 1) * x,
        "linear in x": lambda y, p, x: (p - y) * x**2,
        "proportional to the error ŷ − y": lambda y, p, x: (p - y) * p * x,
        "a multiple of x": lambda y, p, x: (p - y) * x[::-1],
        "equals the finite-difference gradient of the loss": lambda y, p, x: 2 * (p - y) * x,
    },
    check.exercise_1_2_forward_pass: {
        "one number for one sample": lambda x, w: sig(x * np.ravel(w)),
        "a probability between 0 and 1": lambda x, w: x @ w,
        "0.5 when all weights are 0": lambda x, w: sig(x @ w + 1),
        "grows with the bias weight": lambda x, w: sig(-(x @ w)),
        "σ(x · w), also for w of shape (d+1, 1)": lambda x, w: sig(2 * (x @ w)),
        "finite for large logits": lambda x, w: (
            np.exp(x @ np.ravel(w)) / (1 + np.exp(x @ np.ravel(w)))
        ),
    },
    check.exercise_1_2_sgd_step: {
        "keeps the shape of the weights": lambda w, x, y, lr: w - lr * _logistic_error(w, x, y),
        "moves the weights in proportion to λ": lambda w, x, y, lr: (
            w - lr**2 * _logistic_error(w, x, y).reshape(w.shape)
        ),
        "lowers the sample's loss for a small λ": lambda w, x, y, lr: (
            w + lr * _logistic_error(w, x, y).reshape(w.shape)
        ),
        "changes the weights along x": lambda w, x, y, lr: (
            w - lr * _logistic_error(w, x, y)[::-1].reshape(w.shape)
        ),
        "uses the model's prediction at the current weights": _step(lambda w, x, y: (0.5 - y) * x),
        "right for an integer label": lambda w, x, y, lr: (  # int 0 taken for class 1
            w
            - lr
            * ((scipy.special.expit(x @ w) - (y if isinstance(y, float) else 1)) * x).reshape(
                w.shape
            )
        ),
        "w − λ ∇L on random inputs": _step(lambda w, x, y: 2 * _logistic_error(w, x, y)),
    },
    check.exercise_1_4_softmax: {
        "one probability per class": lambda z: np.sum(soft(z, axis=-1)),
        "probabilities that sum to 1": lambda z: np.exp(z - np.max(z, axis=-1, keepdims=True)),
        "each row of a batch sums to 1": lambda z: np.exp(z) / np.sum(np.exp(z)),
        "unchanged when a constant is added to every z": lambda z: soft(z**2, axis=-1),
        "finite for large logits": lambda z: np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True),
        "a larger logit, a larger probability": lambda z: soft(-z, axis=-1),
        "the odds of two classes are e^(z₁ − z₂)": lambda z: soft(2 * z, axis=-1),
        "each row of a batch as if alone, also for rows far apart": lambda z: (
            soft(z - np.max(z, axis=0), axis=-1) * 0 + soft(z, axis=0)
        ),
        "the same for integer logits": lambda z: (
            soft(z, axis=-1) // 1 if z.dtype.kind == "i" else (soft(z, axis=-1))
        ),
        "e^z / Σ e^z on random inputs": lambda z: soft(2 * z, axis=-1),
    },
    check.exercise_1_4_forward_pass: {
        "one probability per class": lambda x, W: soft(x[:, None] * W, axis=0),
        "probabilities that sum to 1": lambda x, W: x @ W,
        "1/K for every class when all weights are 0": lambda x, W: soft(
            x @ W + np.arange(W.shape[1])
        ),
        "unchanged when every class's bias moves together": lambda x, W: soft((x @ W) ** 2),
        "the odds of two classes are e^(z₁ − z₂)": lambda x, W: soft(2 * (x @ W)),
        "finite for large logits": lambda x, W: np.exp(x @ W) / np.exp(x @ W).sum(),
        "softmax(x W) on random inputs": lambda x, W: soft(2 * (x @ W)),
    },
    check.exercise_1_4_gradient: {
        "the shape of W, (d+1, K)": lambda y, p, x: np.outer(p - y, x),
        "zero when ŷ = y": lambda y, p, x: np.outer(x, p),
        "each row sums to zero": lambda y, p, x: np.outer(x, p - y) + 1,
        "linear in x": lambda y, p, x: np.outer(x**2, p - y),
        "equals the finite-difference gradient of the loss": lambda y, p, x: 2 * np.outer(x, p - y),
    },
    check.exercise_1_4_sgd_step: {
        "keeps the shape of the weights": lambda W, x, y, lr: (W - lr * _softmax_error(W, x, y)).T,
        "moves the weights in proportion to λ": lambda W, x, y, lr: (
            W - lr**2 * _softmax_error(W, x, y)
        ),
        "lowers the sample's loss for a small λ": lambda W, x, y, lr: (
            W + lr * _softmax_error(W, x, y)
        ),
        "changes the weights along x (ŷ − y)ᵀ": lambda W, x, y, lr: (
            W - lr * np.outer(x, soft(x @ W))
        ),
        "right for large logits": lambda W, x, y, lr: (
            W - lr * np.outer(x, np.exp(x @ W) / np.exp(x @ W).sum() - y)
        ),
        "uses the model's prediction at the current weights": lambda W, x, y, lr: (
            W - lr * np.outer(x, soft(x @ (0 * W)) - y)
        ),
        "w − λ ∇L on random inputs": lambda W, x, y, lr: W - 2 * lr * _softmax_error(W, x, y),
    },
}


@pytest.mark.parametrize("run", list(BREAKERS), ids=lambda run: run.__name__)
def test_every_property_fails_on_a_function_made_to_break_it(run):
    breakers = BREAKERS[run]
    # the table covers every property of the exercise
    names = [p.name for p in run(ALTERNATIVES_BY_RUN[run], quiet=True).properties]
    assert set(breakers) == set(names)
    for name, breaker in breakers.items():
        result = run(breaker, quiet=True)
        assert name in _failed(result), (name, result.message)


ALTERNATIVES_BY_RUN = {run: answer for run, answer in reversed(ALTERNATIVES)}


# ------------------------------------------------------- the answers that are values


def test_iris_questions_score_each_answer():
    one_right = check.exercise_1_2_questions(150, 5, quiet=True)
    assert one_right.status == "failed" and "bias" in one_right.message
    assert one_right.score == 0.5
    assert check.exercise_1_2_questions(150, 4, quiet=True).score == 1.0
    assert check.exercise_1_2_questions(4, 150, quiet=True).score == 0.0


@pytest.mark.parametrize(
    ("accuracies", "score", "words"),
    [
        ({0.1: 1.0, 0.01: 1.0, 0.001: 0.87, 0.0001: 0.48}, 1.0, "correct"),  # fractions
        ({0.1: 52.0, 0.01: 47.0, 0.001: 50.0, 0.0001: 49.0}, 0.75, "never trained"),
        ({0.1: 100.0, 0.01: 100.0, 0.001: 87.0, 0.0001: 120.0}, 0.5, "between 0 and 100"),
        ({0.1: 97.0, 0.01: 100.0, 0.001: 90.0, 0.0001: 99.0}, 0.5, "0.1 and 0.01"),
        ([100, 100, 87, 48], 0.0, "expected a dict"),
        # keys computed as 0.1 ** k miss the rates by a rounding error: accuracies[0.01] fails
        (
            {0.1**k: v for k, v in zip(range(1, 5), [100.0, 100.0, 87.0, 48.0], strict=True)},
            0.0,
            "carry a rounding error",
        ),
        ({"0.1": 100.0, "0.01": 100.0, "0.001": 87.0, "0.0001": 48.0}, 0.0, "keys are strings"),
        # what is seen is said: each value, and that they are all the same
        ({0.1: 87.0, 0.01: 87.0, 0.001: 87.0, 0.0001: 87.0}, 0.75, "the same value for every"),
        ({0.1: 0.0, 0.01: 0.0, 0.001: 13.0, 0.0001: 52.0}, 0.5, "0% at λ = 0.1"),
        # 100 − accuracy: 0 where every prediction is right
        ({0.1: 0.0, 0.01: 0.0, 0.001: 13.0, 0.0001: 52.0}, 0.5, "share of wrong predictions"),
        # a loss, falling as training goes further (hand-made, not an error rate)
        ({0.1: 0.02, 0.01: 0.09, 0.001: 0.41, 0.0001: 0.69}, 0.5, "as a loss falls"),
        # the dict made anew inside the loop: only the loop's last rate is left
        ({0.0001: 52.0}, 0.0, "only λ = 0.0001, the last rate of the loop"),
        ({0.1: 100.0}, 0.0, "try all four"),
    ],
)
def test_learning_rate_table_properties(accuracies, score, words):
    result = check.exercise_1_3_learning_rates(accuracies, quiet=True)
    assert words in result.message and result.score == score, result


def test_answering_with_the_librarys_own_function_scores_zero():
    from dlcourse.activations import softmax as library_softmax

    result = check.exercise_1_4_softmax(lambda z: library_softmax(z), quiet=True)
    assert result.status == "failed" and result.score == 0
    assert "dlcourse's own implementation (dlcourse.activations.softmax" in result.message
    assert check.exercise_1_4_softmax(lambda z: soft(z, axis=-1), quiet=True).passed  # SciPy's


def test_changing_the_callers_array_in_place_is_named_with_the_argument():
    # the notebook trains every learning rate from the same starting weights: a step that
    # changes them in place starts the next run from the last one's weights
    result = check.exercise_1_2_sgd_step(_sgd_logistic_in_place, quiet=True)
    assert result.status == "failed" and "changes `w`" in result.message
    assert "in place" in result.message


# ------------------------------------------------------------------- partial credit


def _stubs_without_placeholder():
    """The notebook's own stubs with `not_done(...)` taken away: what a learner who deletes the
    placeholder and nothing else hands in."""
    source = (Path(check.__file__).parent / "lesson1.pct.py").read_text().splitlines()
    made = {}
    for number, line in enumerate(source):
        found = re.match(r"\s*# STUB: return not_done\((.*)\)$", line)
        if found:
            definition = next(d for d in reversed(source[:number]) if d.startswith("def "))
            namespace = {"np": np}
            exec(f"{definition}\n    return {found.group(1)}", namespace)
            name = definition.split("(")[0][4:]
            made[name] = namespace[name]
    return made


def test_a_stub_without_its_placeholder_scores_zero():
    stubs = _stubs_without_placeholder()
    scored = {}
    for exercise in check.EXERCISES:
        if exercise.names[0] in stubs:
            scored[exercise.id] = check.CHECKS.run(
                exercise.id, stubs[exercise.names[0]], quiet=True
            )
    assert len(scored) == 9
    assert {name: r.score for name, r in scored.items()} == dict.fromkeys(scored, 0.0)
    assert not any(r.passed for r in scored.values())


# ----------------------------------------------------------- the lesson's own code


def test_provided_code_that_fails_on_a_wrong_exercise_names_that_exercise():
    namespace = {"np": np, "check": check}
    exec(
        "def forward_pass(x_i, w):\n"
        "    return x_i * w\n"  # element by element: a (5,) array, not one probability
        "@check.provided\n"
        "def accuracy_percent(w, X, y):\n"
        "    predictions = np.array([np.asarray(forward_pass(x, w)).item() > 0.5 for x in X])\n"
        "    return float(100.0 * np.mean(predictions == y))\n",
        namespace,
    )
    X = np.ones((3, 5))
    with pytest.raises(ProvidedCodeFailed, match=r"Exercise 1.2 forward pass does not pass"):
        namespace["accuracy_percent"](np.zeros(5), X, np.ones(3))
    # when every exercise it uses passes, the error is the code's own, unchanged
    exec("def forward_pass(x_i, w):\n    return 1 / (1 + np.exp(-(x_i @ w)))\n", namespace)
    with pytest.raises(ValueError, match="size"):
        namespace["accuracy_percent"](np.zeros((5, 2)), X, np.ones(3))


def test_a_margin_too_wide_is_told_only_when_the_loss_is_that_of_a_typed_margin():
    def clipped(y, y_hat):  # a margin someone typed: the loss at ŷ = y is −log(0.99)
        p = np.clip(y_hat, 0.01, 0.99)
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    def offset(y, y_hat):  # a constant added: no margin explains it
        p = np.clip(y_hat, 1e-12, 1 - 1e-12)
        return -(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.0123

    told = check.exercise_1_2_binary_cross_entropy(clipped, quiet=True).message
    assert "held 0.01 away from 0 and 1" in told
    other = check.exercise_1_2_binary_cross_entropy(offset, quiet=True).message
    assert "held" not in other
