"""Training you can watch: the fitted line moving, update by update."""

from __future__ import annotations

import numpy as np
from matplotlib.animation import FuncAnimation
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from dlcourse.lessons.lesson1.figures.lesson_figures import FIT_COLOR

__all__ = ["line_fit_animation"]


def line_fit_animation(
    x: ArrayLike, y: ArrayLike, path: ArrayLike, n_frames: int = 40
) -> FuncAnimation:
    """An animation of the line y = w₀ + w₁x after successive SGD updates.

    Parameters
    ----------
    x, y : array_like, shape (n,)
    path : array_like, shape (updates + 1, 2)
        Bias and slope after every update, e.g. from
        :func:`dlcourse.lessons.lesson1.descent_experiments.sgd_line_path`.
    n_frames : int, default 40
        Frames, evenly spread over the updates.

    Returns
    -------
    matplotlib.animation.FuncAnimation
        Save it as a GIF with Pillow: ``anim.save("fit.gif", writer="pillow")``.
    """
    x, y, path = np.asarray(x), np.asarray(y), np.asarray(path)
    fig = Figure(figsize=(5.2, 3.6), layout="constrained", dpi=80)
    ax = fig.add_subplot()
    ax.scatter(x, y, color="#457b9d", s=18)
    grid = np.array([x.min(), x.max()])
    # the line and its label are the only artists that move: marked animated, they are the
    # only ones redrawn for each frame (matplotlib's blitting convention)
    (line,) = ax.plot(grid, path[0, 0] + path[0, 1] * grid, color=FIT_COLOR, lw=2.5, animated=True)
    label = ax.text(0.02, 0.95, "", transform=ax.transAxes, va="top", animated=True)
    ax.set(
        xlabel="x", ylabel="y", ylim=(y.min() - 1, y.max() + 1), title="SGD, one sample at a time"
    )
    ax.grid(True, alpha=0.3)
    steps = np.unique(np.linspace(0, len(path) - 1, n_frames).round().astype(int))

    def draw(step: int):
        line.set_ydata(path[step, 0] + path[step, 1] * grid)
        label.set_text(f"update {step}:  y = {path[step, 0]:.2f} + {path[step, 1]:.2f} x")
        return line, label

    return FuncAnimation(fig, draw, frames=steps, interval=120, blit=True)
