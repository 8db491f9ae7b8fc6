"""Figures of the experiments beyond the lesson, from what
:mod:`dlcourse.lessons.lesson1.experiments` returns."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.figure import Figure

from dlcourse.lessons.lesson1.experiments import VARY_TITLES
from dlcourse.lessons.lesson1.figures.lesson_figures import FIT_COLOR, TRUE_COLOR

__all__ = [
    "capacity_curves",
    "decision_boundaries",
    "digits_confusion",
    "digits_weights",
    "digits_wrong",
    "generalisation_accuracy",
    "learning_rate_losses",
    "optimiser_paths",
    "seed_spread",
]

SPECIES_COLORS = ("#264653", "#e9c46a", "#e76f51")


def seed_spread(sources: dict[str, Any]) -> Figure:
    """Accuracy of every seed per learning rate, one panel per source of randomness.

    ``sources`` is :func:`dlcourse.lessons.lesson1.experiments.randomness_sources`' result.
    """
    fig = Figure(figsize=(11, 3.8), layout="constrained")
    axes = fig.subplots(1, len(sources), sharey=True)
    jitter = np.random.default_rng(0)  # only spreads the dots sideways, for visibility
    for ax, (mode, spread) in zip(np.atleast_1d(axes), sources.items(), strict=True):
        accuracy = np.asarray(spread["accuracy"])  # (n_learning_rates, n_seeds)
        positions = np.arange(len(spread["learning_rates"]))
        for i, row in enumerate(accuracy):
            ax.scatter(
                i + jitter.uniform(-0.15, 0.15, row.size), row, s=14, alpha=0.6, color="#457b9d"
            )
        ax.errorbar(
            positions,
            spread["mean"],
            yerr=spread["std"],
            fmt="D",
            color=FIT_COLOR,
            capsize=5,
            label="mean ± std",
        )
        ax.set_xticks(positions, [f"{lr:g}" for lr in spread["learning_rates"]])
        ax.set(title=VARY_TITLES[mode], xlabel="learning rate λ", ylim=(0, 105))
        ax.grid(True, axis="y", alpha=0.3)
    np.atleast_1d(axes)[0].set_ylabel("training accuracy after 20 epochs (%)")
    np.atleast_1d(axes)[0].legend(loc="lower left")
    return fig


def generalisation_accuracy(result: dict[str, Any]) -> Figure:
    """Training and held-out accuracy of every split, per pair of species."""
    fig = Figure(figsize=(6.4, 4.2), layout="constrained")
    ax = fig.add_subplot()
    jitter = np.random.default_rng(0)
    for i, pair in enumerate(result["pairs"]):
        for offset, key, color, label in (
            (-0.15, "train", "#457b9d", "training"),
            (0.15, "test", FIT_COLOR, "held out"),
        ):
            values = np.asarray(pair[key])
            ax.scatter(
                i + offset + jitter.uniform(-0.06, 0.06, values.size),
                values,
                s=16,
                color=color,
                alpha=0.7,
                label=label if i == 0 else None,
            )
    ax.set_xticks(range(len(result["pairs"])), [pair["name"] for pair in result["pairs"]])
    ax.axhline(100, color="grey", ls=":", lw=1)
    ax.set(ylabel="accuracy (%)", title="100% on training data is not 100% on new data")
    ax.legend(loc="lower left")
    ax.grid(True, axis="y", alpha=0.3)
    return fig


def capacity_curves(result: dict[str, Any]) -> Figure:
    """Left: training and validation error against degree. Right: three fitted curves."""
    fig = Figure(figsize=(11, 4.0), layout="constrained")
    left, right = fig.subplots(1, 2)
    degrees = result["degrees"]
    left.semilogy(degrees, result["train_mse"], "o-", color="#457b9d", label="training")
    left.semilogy(degrees, result["validation_mse"], "o-", color=FIT_COLOR, label="validation")
    left.axhline(result["noise_variance"], color="grey", ls=":", label="noise variance")
    left.axvline(result["best_degree"], color=TRUE_COLOR, ls="--", label="lowest validation error")
    left.set(
        xlabel="polynomial degree", ylabel="mean squared error", title="Error against capacity"
    )
    left.legend()
    left.grid(True, alpha=0.3)
    right.scatter(
        result["x_train"], result["y_train"], color="k", s=18, zorder=3, label="training data"
    )
    right.plot(result["x_grid"], result["y_true"], color="grey", ls=":", label="sin(πx), the truth")
    for (label, curve), color in zip(
        result["curves"].items(), ("#f4a261", TRUE_COLOR, FIT_COLOR), strict=True
    ):
        right.plot(
            result["x_grid"],
            curve["y"],
            color=color,
            lw=2,
            label=f"{label}: degree {curve['degree']}",
        )
    right.set(xlabel="x", ylabel="y", ylim=(-2, 2), title="Underfit, good fit, overfit")
    right.legend(fontsize=8)
    right.grid(True, alpha=0.3)
    return fig


def optimiser_paths(result: dict[str, Any]) -> Figure:
    """Left: each method's path on the loss contours. Right: loss against gradient evaluations."""
    fig = Figure(figsize=(11, 4.4), layout="constrained")
    left, right = fig.subplots(1, 2)
    left.contour(
        result["grid_w0"],
        result["grid_w1"],
        result["grid_loss"],
        levels=np.geomspace(result["loss_best"] * 1.02, np.max(result["grid_loss"]), 14),
        colors="#adb5bd",
        linewidths=0.8,
    )
    colors = ("#1d3557", TRUE_COLOR, FIT_COLOR)
    for method, color in zip(result["methods"], colors, strict=True):
        path = np.asarray(method["path"])
        left.plot(path[:, 0], path[:, 1], ".-", color=color, lw=1, ms=3, label=method["name"])
        right.semilogy(
            method["gradient_evaluations"], method["loss"], color=color, label=method["name"]
        )
    left.plot(*result["w_best"], "k*", ms=12, label="least-squares optimum")
    left.set(xlabel="w₀ (bias)", ylabel="w₁ (slope)", title="Paths of the weights")
    left.legend(fontsize=8)
    right.axhline(result["loss_best"], color="k", ls=":", label="optimum")
    right.set(
        xlabel="per-sample gradients computed",
        ylabel="loss (½·MSE)",
        title=f"Same budget: {result['epochs']} passes over the data",
    )
    right.legend(fontsize=8)
    right.grid(True, alpha=0.3)
    return fig


def learning_rate_losses(result: dict[str, Any]) -> Figure:
    """Loss per step of gradient descent for each learning rate; diverged runs end with a cross."""
    fig = Figure(figsize=(6.8, 4.4), layout="constrained")
    ax = fig.add_subplot()
    colors = ("#a8dadc", "#457b9d", TRUE_COLOR, "#1d3557", FIT_COLOR, "#9b2226")
    for run, color in zip(result["runs"], colors, strict=False):
        loss = np.asarray(run["loss"])
        label = f"λ = {run['learning_rate']:.3g} ({run['factor']:g} × critical)"
        if run["diverged"]:
            label += ", diverged"
        ax.semilogy(np.arange(loss.size), loss, color=color, lw=2, label=label)
        if run["stopped_at_step"] is not None:
            ax.plot(loss.size - 1, loss[-1], "x", color=color, ms=10, mew=2)
    ax.set(
        xlabel="gradient-descent step",
        ylabel="mean squared error",
        title=f"Critical learning rate 2/λ_max = {result['critical_learning_rate']:.3g}",
    )
    ax.legend(fontsize=8)
    ax.grid(True, alpha=0.3)
    return fig


def digits_confusion(result: dict[str, Any]) -> Figure:
    """The confusion matrix of the test set, counts written in the cells."""
    matrix = np.asarray(result["confusion_matrix"])
    fig = Figure(figsize=(5.6, 5.0), layout="constrained")
    ax = fig.add_subplot()
    ax.imshow(matrix, cmap="Blues")
    for (i, j), count in np.ndenumerate(matrix):
        if count:
            ax.text(
                j,
                i,
                str(count),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if count > matrix.max() / 2 else "black",
            )
    ax.set(
        xticks=range(10),
        yticks=range(10),
        xlabel="predicted digit",
        ylabel="true digit",
        title=f"Test accuracy {100 * result['accuracy']:.1f}%",
    )
    return fig


def digits_weights(result: dict[str, Any]) -> Figure:
    """The ten learned weight vectors as 8×8 images: red pixels vote for the class, blue against."""
    images = np.asarray(result["weight_images"])  # (10, 8, 8)
    fig = Figure(figsize=(9, 4), layout="constrained")
    axes = fig.subplots(2, 5)
    limit = np.abs(images).max()
    for digit, ax in enumerate(axes.ravel()):
        ax.imshow(images[digit], cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_title(f"weights of {digit}")
        ax.set_axis_off()
    return fig


def digits_wrong(result: dict[str, Any]) -> Figure:
    """The test images classified wrongly with the highest confidence."""
    wrong = result["wrong"]
    fig = Figure(figsize=(1.4 * max(1, len(wrong)), 2.0), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, max(1, len(wrong))))
    for ax, item in zip(axes, wrong, strict=False):
        ax.imshow(item["image"], cmap="gray_r")
        ax.set_title(
            f"{item['true']} → {item['predicted']}\n{100 * item['confidence']:.0f}%", fontsize=9
        )
    for ax in axes:
        ax.set_axis_off()
    return fig


def decision_boundaries(result: dict[str, Any]) -> Figure:
    """Probability shading and data for the logistic (two species) and softmax (three) models."""
    fig = Figure(figsize=(11, 4.4), layout="constrained")
    left, right = fig.subplots(1, 2, sharey=True)
    X, y = np.asarray(result["X"]), np.asarray(result["y"])
    g0, g1 = result["grid_0"], result["grid_1"]
    shade = left.contourf(
        g0,
        g1,
        result["logistic_probability"],
        levels=np.linspace(0, 1, 21),
        cmap="RdYlBu_r",
        alpha=0.55,
    )
    left.contour(g0, g1, result["logistic_probability"], levels=[0.5], colors="k", linewidths=1.5)
    fig.colorbar(shade, ax=left, label="P(virginica)")
    pair = y > 0
    for c in (1, 2):
        left.scatter(*X[pair & (y == c)].T, color=SPECIES_COLORS[c], edgecolor="k", s=20)
    left.set(
        title=f"Logistic: versicolor vs virginica ({100 * result['logistic_accuracy']:.0f}%)",
        xlabel=result["features"][0],
        ylabel=result["features"][1],
    )
    P = np.asarray(result["softmax_probability"])  # (grid, grid, 3)
    colors = np.array([[int(h[i : i + 2], 16) / 255 for i in (1, 3, 5)] for h in SPECIES_COLORS])
    rgb = (P.argmax(axis=2)[..., None] == np.arange(3)) @ colors  # the winning class's colour
    alpha = (P.max(axis=2) - 1 / 3) / (2 / 3) * 0.6  # stronger where the model is surer
    right.imshow(
        np.dstack([rgb, alpha]),
        origin="lower",
        aspect="auto",
        extent=(g0[0], g0[-1], g1[0], g1[-1]),
    )
    for c, name in enumerate(("setosa", "versicolor", "virginica")):
        right.scatter(*X[y == c].T, color=SPECIES_COLORS[c], edgecolor="k", s=20, label=name)
    right.set(
        title=f"Softmax: three species ({100 * result['softmax_accuracy']:.0f}%)",
        xlabel=result["features"][0],
    )
    right.legend(loc="upper left")
    return fig
