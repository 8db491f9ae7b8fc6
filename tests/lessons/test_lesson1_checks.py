"""The exercise checks of Lesson 1: right answers pass, typical mistakes are named."""

import ast

import numpy as np
import pytest

from dlcourse.lessons.lesson1 import check
from dlcourse.teaching.verdicts import TODO, not_done

# ------------------------------------------------------------- correct reference solutions


def normal_equation(X, y):
    return np.linalg.inv(X.T @ X) @ X.T @ y


def binary_cross_entropy(y, y_hat):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def calc_gradient(y, y_hat, x_i):
    return (y_hat - y) * x_i


def forward_pass(x_i, w):
    return 1 / (1 + np.exp(-(x_i @ w)))


def sgd_step(w, x_i, y_i, learning_rate):
    gradient = calc_gradient(y_i, forward_pass(x_i, w), x_i)
    return w - learning_rate * gradient.reshape(w.shape)


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_forward_pass(x_i, W):
    return softmax(x_i @ W)


def softmax_gradient(y, y_hat, x_i):
    return np.outer(x_i, y_hat - y)


def softmax_sgd_step(W, x_i, y_i, learning_rate):
    return W - learning_rate * softmax_gradient(y_i, softmax_forward_pass(x_i, W), x_i)


CORRECT = [
    (check.exercise_1_1_normal_equation, (normal_equation,)),
    (check.exercise_1_2_questions, (150, 4)),
    (check.exercise_1_2_binary_cross_entropy, (binary_cross_entropy,)),
    (check.exercise_1_2_gradient, (calc_gradient,)),
    (check.exercise_1_2_forward_pass, (forward_pass,)),
    (check.exercise_1_2_sgd_step, (sgd_step,)),
    (check.exercise_1_3_learning_rates, ({0.1: 100.0, 0.01: 100.0, 0.001: 87.0, 0.0001: 48.0},)),
    (check.exercise_1_4_softmax, (softmax,)),
    (check.exercise_1_4_forward_pass, (softmax_forward_pass,)),
    (check.exercise_1_4_gradient, (softmax_gradient,)),
    (check.exercise_1_4_sgd_step, (softmax_sgd_step,)),
]


@pytest.mark.parametrize(("run", "answer"), CORRECT, ids=lambda v: getattr(v, "__name__", ""))
def test_correct_solutions_pass_and_print_a_verdict(run, answer, capsys):
    result = run(*answer)
    assert result.passed, result.message
    assert "✅" in capsys.readouterr().out


def test_every_exercise_of_the_grader_has_a_check():
    assert {run for run, _ in CORRECT} == {getattr(check, e.check) for e in check.EXERCISES}


# ------------------------------------------------------------------------- not done yet


def test_stubs_are_reported_as_not_done():
    def stub_gradient(y, y_hat, x_i):
        return not_done(np.zeros_like(x_i))

    def step_using_a_stub(w, x_i, y_i, learning_rate):  # done, but relies on an unfinished piece
        return w - learning_rate * stub_gradient(y_i, 0.5, x_i).reshape(w.shape)

    for result in [
        check.exercise_1_2_gradient(stub_gradient, quiet=True),
        check.exercise_1_2_sgd_step(step_using_a_stub, quiet=True),
        check.exercise_1_2_questions(TODO, TODO, quiet=True),
        check.exercise_1_3_learning_rates(TODO, quiet=True),
    ]:
        assert result.status == "not done" and "not done yet" in result.message


# ------------------------------------------------------- each typical mistake, planted


def _fails_with(result, *words):
    assert result.status == "failed", result
    for word in words:
        assert word in result.message, result.message


def test_flipped_sign_in_the_gradient():
    result = check.exercise_1_2_gradient(lambda y, y_hat, x: (y - y_hat) * x, quiet=True)
    _fails_with(result, "sign is flipped")


def test_flipped_sign_in_the_update():
    def step(w, x_i, y_i, learning_rate):
        return w + learning_rate * calc_gradient(y_i, forward_pass(x_i, w), x_i).reshape(w.shape)

    result = check.exercise_1_2_sgd_step(step, quiet=True)
    _fails_with(result, "`w + learning_rate", "adds where the formula subtracts")
    assert result.named


def test_transposed_softmax_gradient():
    result = check.exercise_1_4_gradient(lambda y, y_hat, x: np.outer(y_hat - y, x), quiet=True)
    _fails_with(result, "transposed", "(5, 3)")


def test_extra_transpose_gives_a_column_gradient():
    result = check.exercise_1_2_gradient(lambda y, y_hat, x: ((y_hat - y) * x)[:, None], quiet=True)
    _fails_with(result, "shape (5, 1)", "should have shape (5,)")


def test_softmax_over_the_wrong_axis():
    def wrong_axis(z):
        e = np.exp(z - np.max(z))
        return e / e.sum(axis=0, keepdims=True)

    _fails_with(check.exercise_1_4_softmax(wrong_axis, quiet=True), "wrong axis", "row")


def test_softmax_that_overflows():
    def naive(z):
        return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)

    _fails_with(check.exercise_1_4_softmax(naive, quiet=True), "overflows", "subtract the largest")


def test_missing_one_minus_y_in_binary_cross_entropy():
    def missing(y, y_hat):
        return -(y * np.log(y_hat) + np.log(1 - y_hat))

    _fails_with(check.exercise_1_2_binary_cross_entropy(missing, quiet=True), "(1 - y)")


def test_log_of_zero_in_binary_cross_entropy():
    def unclipped(y, y_hat):
        return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))

    _fails_with(check.exercise_1_2_binary_cross_entropy(unclipped, quiet=True), "log(0)", "inf")


def test_gradient_from_the_updated_weights():
    def step(w, x_i, y_i, learning_rate):
        w_new = w - learning_rate * calc_gradient(y_i, forward_pass(x_i, w), x_i).reshape(w.shape)
        return w - learning_rate * calc_gradient(y_i, forward_pass(x_i, w_new), x_i).reshape(
            w.shape
        )

    _fails_with(check.exercise_1_2_sgd_step(step, quiet=True), "updated weights")


def test_update_that_changes_the_weight_shape():
    def broadcasting(w, x_i, y_i, learning_rate):  # (5, 1) - (5,) -> (5, 5)
        return w - learning_rate * calc_gradient(y_i, forward_pass(x_i, w), x_i)

    _fails_with(
        check.exercise_1_2_sgd_step(broadcasting, quiet=True), "changed the shape", "(n, n)"
    )


@pytest.mark.parametrize(
    ("power", "words"), [(2, "applied twice"), (0, "learning rate is missing")]
)
def test_learning_rate_applied_twice_or_not_at_all(power, words):
    def step(W, x_i, y_i, learning_rate):
        return W - learning_rate**power * softmax_gradient(y_i, softmax_forward_pass(x_i, W), x_i)

    _fails_with(check.exercise_1_4_sgd_step(step, quiet=True), words)


@pytest.mark.parametrize(
    ("wrong", "words"),
    [
        (lambda X, y: np.linalg.inv(X @ X.T) @ X.T @ y, "wrong order"),
        (lambda X, y: np.linalg.inv(X.T @ X) @ X @ y, "X stands where the formula has Xᵀ"),
    ],
)
def test_normal_equation_with_factors_in_the_wrong_order(wrong, words):
    _fails_with(check.exercise_1_1_normal_equation(wrong, quiet=True), words)


def test_an_exception_in_the_learners_code_is_reported_with_the_exercise(capsys):
    def crashing(y, y_hat, x_i):
        return x_i / 0 if False else undefined_name  # noqa: F821

    result = check.exercise_1_2_gradient(crashing)
    assert result.status == "error"
    assert "NameError" in result.message and "undefined_name" in result.message
    printed = capsys.readouterr().out
    assert "Exercise 1.2 gradient" in printed and "NameError" in printed


def test_shape_errors_get_a_hint():
    result = check.exercise_1_4_gradient(lambda y, y_hat, x: x @ (y_hat - y), quiet=True)
    assert result.status == "error" and "shapes" in result.message


# --------------------------------------------------------------- questions and 1.3


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ((150, 5), "bias"),
        ((100, 4), "removing one species"),
        ((4, 150), "swapped"),
        ((150, 3), "species"),
    ],
)
def test_wrong_answers_to_the_iris_questions(answers, words):
    _fails_with(check.exercise_1_2_questions(*answers, quiet=True), words)


def test_learning_rate_table_must_reach_100_percent_at_large_rates():
    result = check.exercise_1_3_learning_rates(
        {0.1: 0.98, 0.01: 1.0, 0.001: 0.9, 0.0001: 0.5}, quiet=True
    )
    _fails_with(result, "0.1 and 0.01")
    missing = check.exercise_1_3_learning_rates({0.1: 100.0}, quiet=True)
    _fails_with(missing, "0.01")


def test_the_learners_inputs_cannot_be_written_and_a_write_is_named():
    def modifying(y, y_hat, x_i):
        # the same value: still a write into the caller's array
        x_i[0] = x_i[0]
        return (y_hat - y) * x_i

    result = check.exercise_1_2_gradient(modifying, quiet=True)
    assert result.status == "failed"
    assert "changes `x_i`, the array it was given, in place at `x_i[0] = x_i[0]`" in result.message


def test_each_exercises_reference_passes_its_own_check(monkeypatch):
    # the references live in dlcourse: calls into it are not counted against them here
    monkeypatch.setattr("dlcourse.teaching.guards.reference_roots", lambda: ())
    with_reference = [e for e in check.EXERCISES if e.reference is not None]
    assert len(with_reference) == 9  # all but the two answers that are values
    for exercise in with_reference:
        result = check.CHECKS.run(exercise.id, exercise.reference, quiet=True)
        assert result.passed, (exercise.id, result.message)


def test_a_table_of_arrays_is_not_mistaken_for_a_placeholder():
    table = {rate: np.array([100.0, 100.0]) for rate in (0.1, 0.01, 0.001, 0.0001)}
    result = check.exercise_1_3_learning_rates(table, quiet=True)
    assert result.status == "failed" and "number" in result.message


def test_a_hard_coded_learning_rate_is_said_as_observed_not_as_lambda_squared():
    # 0.01 is λ² for the λ = 0.1 of one probe: a coincidence, not the cause
    def step(w, x_i, y_i, learning_rate):
        return w - 0.01 * calc_gradient(y_i, forward_pass(x_i, w), x_i).reshape(w.shape)

    result = check.exercise_1_2_sgd_step(step, quiet=True)
    assert "applied twice" not in result.message
    # the one change that makes it pass: the parameter in place of the number
    assert "uses the number 0.01 where its parameter `learning_rate` belongs" in result.message


def test_a_sign_flipped_inside_the_gradient_is_located_there_not_in_the_step():
    def flipped(y, y_hat, x_i):
        return (y - y_hat) * x_i

    def step(w, x_i, y_i, learning_rate):  # the step itself subtracts, as it should
        return w - learning_rate * flipped(y_i, forward_pass(x_i, w), x_i).reshape(w.shape)

    result = check.exercise_1_2_sgd_step(step, quiet=True)
    assert "uphill" not in result.message and "do not add" not in result.message
    # the one change that makes every check pass is in the helper, not in the step
    assert result.message.startswith("`y - y_hat` subtracts the other way round"), result.message


def test_an_exception_is_told_with_the_learners_line_and_what_it_means():
    import math

    def softmax_with_math(z):
        e = math.exp(z - np.max(z))
        return e / e.sum()

    result = check.exercise_1_4_softmax(softmax_with_math, quiet=True)
    assert result.status == "error"
    assert "at `e = math.exp(z - np.max(z))`" in result.message
    assert "math module" in result.message and "np.exp" in result.message


def test_a_forward_pass_that_ignores_its_weights_is_told_so():
    fixed = np.zeros(5)

    def forward(x_i, w):
        return 1 / (1 + np.exp(-(x_i @ fixed)))

    result = check.exercise_1_2_forward_pass(forward, quiet=True)
    # what is seen, not why: a closure's array, a floor division, a constant all look the same
    assert "ŷ stays the same whatever the weights w are" in result.message


def test_a_changed_copy_that_loops_ends_the_search_at_its_first_time_limit(monkeypatch):
    import time

    from dlcourse.teaching import verdicts as verdicts_module

    monkeypatch.setattr(verdicts_module, "CALL_TIME_LIMIT", 0.5)

    def looped(y, y_hat, x_i):
        n = 0
        while n != len(x_i):  # `n - 1` for `n + 1`, one of the changes tried, never ends
            n = n + 1
        return (y - y_hat) * x_i

    start = time.monotonic()
    result = check.exercise_1_2_gradient(looped, quiet=True)
    assert time.monotonic() - start < 3  # one limit, not one per changed copy
    # no one change is named (the search ended); the properties still tell the sign
    assert result.status == "failed" and "`" not in result.message, result.message


def test_a_changed_copy_calls_no_function_of_the_notebook_but_the_lessons_answers(tmp_path):
    cell = tmp_path / "cell.py"
    cell.write_text(
        "import numpy as np\n"
        "CALLED = []\n\n\n"
        "def save_plot(x_i, w):  # the learner's own, not an answer: it must not be called\n"
        "    CALLED.append('save_plot')\n"
        "    return np.zeros(1)\n\n\n"
        "def forward_pass(x_i, w):\n"
        "    return 1 / (1 + np.exp(-(x_i @ w)))\n\n\n"
        "def calc_gradient(y, y_hat, x_i):\n"
        "    return (y_hat - y) * x_i\n\n\n"
        "def sgd_step(w, x_i, y_i, learning_rate):\n"
        "    y_hat = forward_pass(x_i, w)\n"
        "    return w + learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)\n"
    )
    notebook = _cell(cell)
    result = check.exercise_1_2_sgd_step(notebook.sgd_step, quiet=True)
    assert "adds where the formula subtracts" in result.message
    assert notebook.CALLED == []


def test_a_step_that_goes_wrong_through_a_failing_helper_names_the_helper(tmp_path):
    cell = tmp_path / "helper_cell.py"
    cell.write_text(
        "import numpy as np\n\n\n"
        "def forward_pass(x_i, w):  # the logit, without the sigmoid\n"
        "    return x_i @ w\n\n\n"
        "def calc_gradient(y, y_hat, x_i):\n"
        "    return (y_hat - y) * x_i\n\n\n"
        "def sgd_step(w, x_i, y_i, learning_rate):\n"
        "    y_hat = forward_pass(x_i, w)\n"
        "    return w - learning_rate * calc_gradient(y_i, y_hat, x_i).reshape(w.shape)\n"
    )
    notebook = _cell(cell)
    result = check.exercise_1_2_sgd_step(notebook.sgd_step, quiet=True)
    assert "your `forward_pass` (1.2 forward pass), which does not pass" in result.message
    assert "calc_gradient" not in result.message  # it passes its own check: not blamed


def test_an_array_of_the_notebook_read_in_place_of_the_inputs_is_told(tmp_path):
    cell = tmp_path / "global_cell.py"
    cell.write_text(
        "import numpy as np\n\n"
        "X_toy = np.c_[np.ones(6), np.arange(6.0)]\n"
        "XtX_inv = np.linalg.inv(X_toy.T @ X_toy)  # made once, from the notebook's data\n\n\n"
        "def normal_equation(X, y):\n"
        "    return XtX_inv @ X.T @ y\n"
    )
    notebook = _cell(cell)
    result = check.exercise_1_1_normal_equation(notebook.normal_equation, quiet=True)
    assert not result.passed
    assert "reads the notebook's array `XtX_inv` (2, 2)" in result.message


def _cell(path):
    """The module of a notebook cell written to ``path`` (its functions have a source file)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_construct_the_changes_do_not_expect_ends_their_search_not_the_check(monkeypatch):
    from dlcourse.teaching import repairs

    def broken(node, lines):
        raise AttributeError("a construct nobody planned for")
        yield  # a generator, as the changes are

    monkeypatch.setattr(repairs, "_regroupings", broken)

    def step(w, x_i, y_i, learning_rate):  # `+`: found by the changes made before the break
        return w + learning_rate * calc_gradient(y_i, forward_pass(x_i, w), x_i).reshape(w.shape)

    result = check.exercise_1_2_sgd_step(step, quiet=True)
    assert result.status == "failed", result.message


def test_the_learners_own_text_is_quoted_whatever_characters_it_holds(tmp_path):
    # ast counts columns in UTF-8 bytes (`ŷ` is two) and lines at "\n" only (not at U+2028)
    cell = tmp_path / "unicode_cell.py"
    cell.write_text(
        "import numpy as np\n\n\n"
        "def calc_gradient(y, ŷ, x_i):\n"
        "    # the error\u2028 times the input\n"
        "    return (ŷ + ŷ - y) * x_i\n",
        encoding="utf-8",
    )
    result = check.exercise_1_2_gradient(_cell(cell).calc_gradient, quiet=True)
    assert "`ŷ + ŷ - y`" in result.message or "`ŷ + ŷ`" in result.message, result.message


def test_a_sign_change_quotes_the_expression_it_makes():
    from dlcourse.teaching.repairs.operator_changes import _signs

    line = "a + b - c"
    node = ast.parse(line).body[0].value
    said = next(d for kind, d, _, _ in _signs(node, [line]) if "other way round" in d)
    assert "`c - (a + b)` gives the right answer" in said


def test_an_attribute_named_like_a_notebook_array_is_not_that_array(tmp_path):
    cell = tmp_path / "attribute_cell.py"
    cell.write_text(
        "import numpy as np\n\n"
        "e = np.exp(np.arange(3.0))  # the notebook's own array, named e\n\n\n"
        "def forward_pass(x_i, w):\n"
        "    return 1 / (1 + np.e ** (x_i @ w))  # np.e, not the array e; a sign flipped\n"
    )
    result = check.exercise_1_2_forward_pass(_cell(cell).forward_pass, quiet=True)
    assert not result.passed and "notebook's array" not in result.message, result.message
