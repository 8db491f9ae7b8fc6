"""Lesson 1's results as a terminal summary, figures, results.json and report.html."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dlcourse.lessons.lesson1.beyond import EXPERIMENTS
from dlcourse.teaching.rendering import (
    figures_key,
    imported_sources,
    render_template,
    write_figures,
)

if TYPE_CHECKING:  # matplotlib's drawing stack is imported only when a figure is drawn
    from matplotlib.animation import FuncAnimation
    from matplotlib.figure import Figure

# What the lesson itself printed, to set beside our numbers (one run of its notebook).
LESSON_REFERENCE = {
    "logistic_final_loss": 0.0347,
    "learning_rate_accuracy": {0.1: 100.0, 0.01: 100.0, 0.001: 87.0, 0.0001: 48.0},
    "softmax_final_loss": 0.11,
}


def figures(results: dict[str, Any]) -> dict[str, Figure | FuncAnimation]:
    """One figure (or animation) per result, keyed by its file name without suffix."""
    from dlcourse.lessons.lesson1 import figures as plots

    e11, e12, e13, e14 = (results[f"exercise_1_{i}"] for i in range(1, 5))
    beyond = {}
    for name, result in results.get("beyond", {}).items():
        beyond |= EXPERIMENTS[name].figures(result)
    return {
        "exercise_1_1_regression": plots.regression_fit(
            e11["x"], e11["y"], e11["w_real"], e11["w_predicted"]
        ),
        "sigmoid": plots.sigmoid_with_data(results["sigmoid"]["z"], results["sigmoid"]["classes"]),
        "exercise_1_2_loss": plots.loss_curve(
            e12["loss_history"], "mean binary cross-entropy", "Logistic regression (SGD), Iris pair"
        ),
        "exercise_1_3_learning_rates": plots.learning_rate_accuracy(
            e13["learning_rates"], e13["accuracy_percent"]
        ),
        "exercise_1_4_loss": plots.loss_curve(
            e14["loss_history"], "mean cross-entropy", "Softmax regression (SGD), all of Iris"
        ),
        **beyond,
    }


def summary(results: dict[str, Any]) -> str:
    """A readable plain-text account of the run, for the terminal."""
    e11, e12, e13, e14 = (results[f"exercise_1_{i}"] for i in range(1, 5))
    lines = [
        f"Lesson 1: linear and logistic regression   (seed {results['seed']})",
        "",
        "Exercise 1.1  Linear regression by the normal equation",
        f"  true weights       w = {_vector(e11['w_real'])}",
        f"  recovered weights  w = {_vector(e11['w_predicted'])}"
        f"   (largest error {e11['max_abs_error']:.1e})",
        "",
        "Exercise 1.2  Logistic regression on Iris",
        f"  Q: how many data points?            {e12['n_datapoints']}",
        f"  Q: how many weights, without bias?  {e12['n_weights_without_bias']}",
        f"  trained on {e12['n_binary']} flowers ({' vs '.join(e12['species'][:2])}),"
        " 20 epochs, learning rate 0.01:",
    ]
    lines += [
        f"    epoch {epoch:2d}  loss {loss:.4f}"
        for epoch, loss in enumerate(e12["loss_history"], start=1)
    ]
    lines += [
        f"  training accuracy {100 * e12['accuracy']:.1f}%",
        "",
        "Exercise 1.3  Learning rate -> training accuracy after 20 epochs",
    ]
    lines += [
        f"  {lr:<8g} {acc:6.1f}%"
        for lr, acc in zip(e13["learning_rates"], e13["accuracy_percent"], strict=True)
    ]
    lines += [
        "",
        "Exercise 1.4  Softmax regression on all of Iris, 100 epochs",
        f"  final loss {e14['final_loss']:.4f} (the lesson: about 0.1),"
        f" training accuracy {100 * e14['accuracy']:.1f}%",
    ]
    for name, result in results.get("beyond", {}).items():
        lines += ["", f"Beyond the lesson: {EXPERIMENTS[name].title}"]
        lines += [f"  {line}" for line in EXPERIMENTS[name].summary(result)]
    return "\n".join(lines)


def write_outputs(
    results: dict[str, Any], out_dir: str | Path, *, redraw: bool = False
) -> dict[str, Path]:
    """Write results.json, one PNG per figure and a self-contained report.html into ``out_dir``.

    Figures already in ``out_dir`` are reused when they were drawn from the same results by the
    same code (see :func:`dlcourse.teaching.rendering.write_figures`); ``redraw=True`` draws
    them anyway.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {"results": out / "results.json"}
    written["results"].write_text(json.dumps(results, indent=2) + "\n")
    key = figures_key(results, _drawing_sources())
    figures_written = write_figures(out, lambda: figures(results), key, redraw=redraw)
    written |= {name: path for name, (path, _) in figures_written.items()}
    html = render_template(
        "dlcourse.lessons.lesson1",
        "report.html.j2",
        r=results,
        images={name: uri for name, (_, uri) in figures_written.items()},
        reference=LESSON_REFERENCE,
    )
    written["report"] = out / "report.html"
    written["report"].write_text(html, encoding="utf-8")
    return written


def _drawing_sources() -> list[Path]:
    """The files of all code that drawing the figures can run: this module and everything it
    imports from dlcourse, read from disk, not imported (a run whose figures are current never
    imports the drawing code)."""
    return imported_sources(__name__)


def _vector(values: list[float]) -> str:
    return "[" + ", ".join(f"{v:.6f}" for v in values) + "]"
