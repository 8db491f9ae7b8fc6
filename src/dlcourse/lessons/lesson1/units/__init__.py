"""The exercises of Lesson 1, one module each (the two SGD steps share one), in the order of
the notebook: the checks, the grader and the gradebook all follow this tuple."""

from dlcourse.lessons.lesson1.units import (
    ex_binary_cross_entropy,
    ex_iris_questions,
    ex_learning_rates,
    ex_logistic_forward_pass,
    ex_logistic_gradient,
    ex_normal_equation,
    ex_sgd_step,
    ex_softmax,
    ex_softmax_forward_pass,
    ex_softmax_gradient,
)

EXERCISES = (
    ex_normal_equation.EXERCISE,
    ex_iris_questions.EXERCISE,
    ex_binary_cross_entropy.EXERCISE,
    ex_logistic_gradient.EXERCISE,
    ex_logistic_forward_pass.EXERCISE,
    ex_sgd_step.LOGISTIC,
    ex_learning_rates.EXERCISE,
    ex_softmax.EXERCISE,
    ex_softmax_forward_pass.EXERCISE,
    ex_softmax_gradient.EXERCISE,
    ex_sgd_step.SOFTMAX,
)
