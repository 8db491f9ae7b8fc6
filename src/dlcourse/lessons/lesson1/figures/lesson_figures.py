"""Figures of the lesson's own exercises."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from numpy.typing import ArrayLike

from dlcourse.activations import sigmoid

__all__ = [
    "learning_rate_accuracy",
    "line_fit_progress",
    "loss_curve",
    "regression_fit",
    "sigmoid_with_data",
]

TRUE_COLOR, FIT_COLOR = "#2a9d8f", "#e63946"


def regression_fit(x: ArrayLike, y: ArrayLike, w_real: ArrayLike, w_predicted: ArrayLike) -> Figure:
    """Exercise 1.1: the data, the line that generated it and the line the normal equation found.

    Parameters
    ----------
    x, y : array_like, shape (n,)
        The single feature (without the bias column) and the targets.
    w_real, w_predicted : array_like, shape (2,)
        Bias and slope of the true and of the recovered line.
    """
    x, y = np.asarray(x), np.asarray(y)
    fig = Figure(figsize=(6.4, 4.2), layout="constrained")
    ax = fig.add_subplot()
    ax.scatter(x, y, color="#457b9d", label="data", zorder=3)
    grid = np.linspace(x.min(), x.max(), 100)
    ax.plot(
        grid,
        w_real[0] + w_real[1] * grid,
        color=TRUE_COLOR,
        lw=4,
        alpha=0.6,
        label=f"real line  y = {w_real[0]:.3g} + {w_real[1]:.3g} x",
    )
    ax.plot(
        grid,
        w_predicted[0] + w_predicted[1] * grid,
        color=FIT_COLOR,
        ls="--",
        lw=2,
        label=f"predicted  y = {w_predicted[0]:.3g} + {w_predicted[1]:.3g} x",
    )
    ax.set(xlabel="x", ylabel="y", title="Toy data, real and predicted line")
    ax.legend()
    ax.grid(True, alpha=0.3)
    return fig


def sigmoid_with_data(z: ArrayLike, classes: ArrayLike) -> Figure:
    """The sigmoid curve with data points placed at (z_i, σ(z_i)), coloured by their class."""
    z, classes = np.asarray(z), np.asarray(classes)
    fig = Figure(figsize=(6.4, 4.2), layout="constrained")
    ax = fig.add_subplot()
    grid = np.linspace(-7.5, 7.5, 200)
    ax.plot(grid, sigmoid(grid), color="#f4a261", lw=2, label=r"$\sigma(z)$")
    for c, color in ((0, "#264653"), (1, "#e9c46a")):
        mask = classes == c
        ax.scatter(
            z[mask], sigmoid(z[mask]), color=color, edgecolor="k", zorder=3, label=f"class {c}"
        )
    ax.axhline(0.5, color="grey", ls="--", label="cut-off 0.5")
    ax.set(
        xlabel="z = x w (logit)",
        ylabel=r"$\hat{y} = \sigma(z)$",
        title="The sigmoid squashes logits into probabilities",
    )
    ax.legend()
    ax.grid(True, alpha=0.3)
    return fig


def loss_curve(
    loss_history: ArrayLike, ylabel: str = "mean loss", title: str = "Training loss"
) -> Figure:
    """The mean loss of every epoch."""
    loss_history = np.asarray(loss_history)
    fig = Figure(figsize=(6.4, 4.0), layout="constrained")
    ax = fig.add_subplot()
    ax.plot(np.arange(1, loss_history.size + 1), loss_history, color="#1d3557", lw=2)
    ax.set(xlabel="epoch", ylabel=ylabel, title=title)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(True, alpha=0.3)
    return fig


def learning_rate_accuracy(learning_rates: Sequence[float], accuracies: Sequence[float]) -> Figure:
    """Exercise 1.3: training accuracy (in %) for each learning rate, one bar each."""
    fig = Figure(figsize=(6.4, 4.0), layout="constrained")
    ax = fig.add_subplot()
    labels = [f"{lr:g}" for lr in learning_rates]
    bars = ax.bar(labels, accuracies, color="#457b9d")
    ax.bar_label(bars, fmt="%.0f%%")
    ax.set(
        xlabel="learning rate λ",
        ylabel="training accuracy (%)",
        ylim=(0, 110),
        title="Accuracy after 20 epochs of SGD",
    )
    ax.grid(True, axis="y", alpha=0.3)
    return fig


def line_fit_progress(x: ArrayLike, y: ArrayLike, path: ArrayLike, n_lines: int = 8) -> Figure:
    """The fitted line at several steps of gradient descent, from pale (early) to dark (late).

    Parameters
    ----------
    x, y : array_like, shape (n,)
        The single feature and the targets.
    path : array_like, shape (steps + 1, 2)
        Bias and slope after every step, e.g. from :func:`dlcourse.training.gradient_descent_mse`.
    n_lines : int, default 8
        How many of the steps to draw, evenly spaced, the first and the last included.
    """
    x, y, path = np.asarray(x), np.asarray(y), np.asarray(path)
    fig = Figure(figsize=(6.4, 4.2), layout="constrained")
    ax = fig.add_subplot()
    ax.scatter(x, y, color="#457b9d", zorder=3, label="data")
    grid = np.linspace(x.min(), x.max(), 100)
    steps = np.unique(np.linspace(0, len(path) - 1, n_lines).round().astype(int))
    for rank, step in enumerate(steps):
        bias, slope = path[step]
        ax.plot(
            grid,
            bias + slope * grid,
            color=FIT_COLOR,
            alpha=0.15 + 0.85 * rank / max(1, len(steps) - 1),
            label=f"step {step}" if step in (steps[0], steps[-1]) else None,
        )
    ax.set(xlabel="x", ylabel="y", title="Gradient descent moves the line onto the data")
    ax.legend()
    ax.grid(True, alpha=0.3)
    return fig
