"""Figures: the only package that draws with matplotlib (rendering.py only encodes them).

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot (or, for the
animation, a :class:`matplotlib.animation.FuncAnimation`), so nothing opens a window or
touches global state; the caller decides where it goes (``fig.savefig(path)``, a notebook,
the report).
"""

from dlcourse.lessons.lesson1.figures.animation import line_fit_animation
from dlcourse.lessons.lesson1.figures.experiment_figures import (
    capacity_curves,
    decision_boundaries,
    digits_confusion,
    digits_weights,
    digits_wrong,
    generalisation_accuracy,
    learning_rate_losses,
    optimiser_paths,
    seed_spread,
)
from dlcourse.lessons.lesson1.figures.lesson_figures import (
    learning_rate_accuracy,
    line_fit_progress,
    loss_curve,
    regression_fit,
    sigmoid_with_data,
)

__all__ = [
    "capacity_curves",
    "decision_boundaries",
    "digits_confusion",
    "digits_weights",
    "digits_wrong",
    "generalisation_accuracy",
    "learning_rate_accuracy",
    "learning_rate_losses",
    "line_fit_animation",
    "line_fit_progress",
    "loss_curve",
    "optimiser_paths",
    "regression_fit",
    "seed_spread",
    "sigmoid_with_data",
]
