"""Hints for the exercises of Lesson 1, three levels each: a nudge, a more specific pointer,
then the formula in the lesson's symbols. Never code."""

from __future__ import annotations

HINTS: dict[str, tuple[str, str, str]] = {
    "1.1 normal equation": (
        "Start from the condition for the best weights: the derivative of the squared error "
        "with respect to w is zero.",
        "Setting −2 Xᵀ(y − Xw) to zero gives a linear system for w whose matrix is d+1 by d+1.",
        "w = (XᵀX)⁻¹ Xᵀ y: the inverse of XᵀX, times Xᵀ, times y, in that order.",
    ),
    "1.2 Iris questions": (
        "Look at the shape of X: what does a row stand for, and what does a column?",
        "Each row is one flower; each column one measurement, and each measurement gets one "
        "weight.",
        "data points = number of rows of X; weights without the bias = number of columns of X.",
    ),
    "1.2 binary cross-entropy": (
        "The loss has one term for class 1 and one for class 0; for each sample only one of "
        "them is switched on.",
        "The factors y and 1 − y switch the terms; the logarithms are natural ones; the result "
        "is one number per sample, and ŷ must never be exactly 0 or 1 inside a logarithm.",
        "L = −( y log ŷ + (1 − y) log(1 − ŷ) ), with ŷ kept a little away from 0 and 1.",
    ),
    "1.2 gradient": (
        "Chain the three derivatives of the lesson: loss by ŷ, ŷ by z, z by w.",
        "The sigmoid's derivative ŷ(1 − ŷ) cancels the denominator of ∂L/∂ŷ; what is left is "
        "the error times the input.",
        "∂L/∂w = (ŷ − y) xᵢ, one entry per weight.",
    ),
    "1.2 forward pass": (
        "First the linear part, then the squashing function.",
        "z is a single number for one sample: the dot product of the sample with the weights. "
        "The sigmoid turns it into a probability.",
        "ŷ = σ(xᵢ · w) = 1 / (1 + e^(−xᵢ · w)).",
    ),
    "1.2 SGD update": (
        "Predict with the current weights, compute the gradient, then take one step downhill.",
        "The step is the learning rate times the gradient, subtracted; the gradient must have "
        "the weights' shape before the subtraction.",
        "w_new = w_old − λ (ŷ − y) xᵢ, with ŷ = σ(xᵢ · w_old).",
    ),
    "1.3 learning rates": (
        "Train one fresh model per learning rate, each for the same 20 epochs.",
        "Start every run from new weights, and compute the accuracy with the trained weights "
        "on the same two species.",
        "accuracy = 100 × (number of samples with (ŷ > 0.5) equal to y) / n, for λ in "
        "0.1, 0.01, 0.001, 0.0001.",
    ),
    "1.4 softmax": (
        "Exponentiate, then normalise so that each sample's values add up to 1.",
        "Normalise along the class axis (the last one), and subtract each sample's largest z "
        "first so that e^z cannot overflow.",
        "ŷ_c = e^(z_c − max z) / Σ_j e^(z_j − max z), along the last axis.",
    ),
    "1.4 forward pass": (
        "The same two steps as for logistic regression, with K outputs instead of one.",
        "x W gives one logit per class; the softmax turns them into K probabilities.",
        "ŷ = softmax(xᵢ W), a vector of length K.",
    ),
    "1.4 gradient": (
        "The result must have the shape of W: one row per input, one column per class.",
        "It is an outer product of the input with the error vector, not a dot product.",
        "∂L/∂W = xᵢ (ŷ − y)ᵀ, of shape (d+1, K).",
    ),
    "1.4 SGD update": (
        "The same update as before, now for a matrix of weights.",
        "Predict with the current W, form the (d+1, K) gradient, and subtract λ times it.",
        "W_new = W_old − λ xᵢ (ŷ − y)ᵀ, with ŷ = softmax(xᵢ W_old).",
    ),
}
