"""The experiments beyond Lesson 1, as the report and ``dlcourse experiment`` use them.

Each entry says how to run the experiment for a seed, which figures to draw from its result
and how to sum it up in a few lines of text.
"""

from __future__ import annotations

from typing import Any

from dlcourse.teaching.syllabus import Experiment

# The experiments' code and the figures are imported when an experiment runs or is drawn, not
# when the list is read (the command line reads it for its help).


def _experiments() -> Any:
    from dlcourse.lessons.lesson1 import experiments

    return experiments


def _descent() -> Any:
    from dlcourse.lessons.lesson1 import descent_experiments

    return descent_experiments


def _plots() -> Any:
    from dlcourse.lessons.lesson1 import figures

    return figures


def _seeds_summary(r: dict[str, Any]) -> list[str]:
    lines = ["learning rate   mean ± std  [min, max]   runs at 100%   (20 seeds)"]
    for mode, spread in r.items():
        lines.append(f"  {_experiments().VARY_TITLES[mode]}:")
        lines += [
            f"    {lr:<8g}  {m:5.1f} ± {s:4.1f}  [{lo:5.1f}, {hi:5.1f}]   {100 * f:3.0f}%"
            for lr, m, s, lo, hi, f in zip(
                spread["learning_rates"],
                spread["mean"],
                spread["std"],
                spread["min"],
                spread["max"],
                spread["fraction_perfect"],
                strict=True,
            )
        ]
    return lines


def _generalisation_summary(r: dict[str, Any]) -> list[str]:
    return [
        f"{p['name']:<24} training {p['train_mean']:5.1f}%  held out {p['test_mean']:5.1f}% "
        f"(lowest {p['test_min']:.1f}%), 100% held out in {100 * p['test_fraction_perfect']:.0f}% "
        "of the splits"
        for p in r["pairs"]
    ]


def _capacity_summary(r: dict[str, Any]) -> list[str]:
    return [
        f"lowest validation error at degree {r['best_degree']}",
        *(
            f"  degree {d:2d}: training MSE {t:.4f}, validation MSE {v:.4g}"
            for d, t, v in zip(r["degrees"], r["train_mse"], r["validation_mse"], strict=True)
        ),
    ]


def _optimiser_summary(r: dict[str, Any]) -> list[str]:
    return [
        f"{m['name']:<18} {len(m['path']) - 1:4d} updates, final loss {m['loss'][-1]:.4f} "
        f"(optimum {r['loss_best']:.4f})"
        for m in r["methods"]
    ]


def _learning_rate_summary(r: dict[str, Any]) -> list[str]:
    return [f"critical learning rate 2/λ_max = {r['critical_learning_rate']:.4g}"] + [
        f"  λ = {run['learning_rate']:.4g}: "
        + (
            f"diverged, stopped at step {run['stopped_at_step']}"
            if run["diverged"]
            else f"MSE {run['loss'][0]:.3g} -> {run['loss'][-1]:.3g}"
        )
        for run in r["runs"]
    ]


def _digits_summary(r: dict[str, Any]) -> list[str]:
    return [
        f"test accuracy {100 * r['accuracy']:.1f}% (scikit-learn's LogisticRegression on the "
        f"same split: {100 * r['sklearn_accuracy']:.1f}%), {r['n_train']} training and "
        f"{r['n_test']} test images",
        "most confidently wrong: "
        + ", ".join(
            f"{w['true']} read as {w['predicted']} ({100 * w['confidence']:.0f}%)"
            for w in r["wrong"][:4]
        ),
    ]


def _boundaries_summary(r: dict[str, Any]) -> list[str]:
    return [
        f"logistic, versicolor vs virginica: training accuracy {100 * r['logistic_accuracy']:.1f}%",
        f"softmax, three species: training accuracy {100 * r['softmax_accuracy']:.1f}%",
    ]


EXPERIMENTS: dict[str, Experiment] = {
    "seeds": Experiment(
        "Why do runs differ?",
        lambda seed: _experiments().randomness_sources(seeds=range(seed, seed + 20)),
        lambda r: {"beyond_seeds": _plots().seed_spread(r)},
        _seeds_summary,
    ),
    "generalisation": Experiment(
        "Does 100% hold on unseen data?",
        lambda seed: _experiments().generalisation(random_state=seed),
        lambda r: {"beyond_generalisation": _plots().generalisation_accuracy(r)},
        _generalisation_summary,
    ),
    "capacity": Experiment(
        "Underfitting and overfitting",
        lambda seed: _experiments().polynomial_capacity(random_state=seed),
        lambda r: {"beyond_capacity": _plots().capacity_curves(r)},
        _capacity_summary,
    ),
    "optimisers": Experiment(
        "Gradient descent, SGD and mini-batches",
        lambda seed: _descent().optimiser_paths(random_state=seed),
        lambda r: {"beyond_optimisers": _plots().optimiser_paths(r)},
        _optimiser_summary,
    ),
    "learning-rates": Experiment(
        "Learning rates too small and too large",
        lambda seed: _descent().learning_rate_range(random_state=seed),
        lambda r: {"beyond_learning_rates": _plots().learning_rate_losses(r)},
        _learning_rate_summary,
    ),
    "digits": Experiment(
        "Images: handwritten digits",
        lambda seed: _experiments().digits(random_state=seed),
        lambda r: {
            "beyond_digits_confusion": _plots().digits_confusion(r),
            "beyond_digits_weights": _plots().digits_weights(r),
            "beyond_digits_wrong": _plots().digits_wrong(r),
        },
        _digits_summary,
    ),
    "boundaries": Experiment(
        "Decision boundaries",
        lambda seed: _experiments().decision_boundaries(random_state=seed),
        lambda r: {"beyond_boundaries": _plots().decision_boundaries(r)},
        _boundaries_summary,
    ),
    "animation": Experiment(
        "Training you can watch",
        lambda seed: _descent().sgd_line_path(random_state=seed),
        lambda r: {
            "beyond_animation": _plots().line_fit_animation(r["x"], r["y"], r["path"], n_frames=30)
        },
        lambda r: [
            f"{len(r['path']) - 1} SGD updates, from w = {r['path'][0]} to "
            f"[{r['path'][-1][0]:.3f}, {r['path'][-1][1]:.3f}]"
        ],
    ),
}
