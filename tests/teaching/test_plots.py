"""Each figure function returns a Figure with the expected axes, labels and artists."""

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from dlcourse.lessons.lesson1 import figures as plots


def test_regression_fit_draws_data_and_both_lines():
    x = np.linspace(-1, 1, 5)
    fig = plots.regression_fit(x, 0.5 + x, [0.5, 1.0], [0.5, 1.0])
    (ax,) = fig.axes
    assert isinstance(fig, Figure)
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "y"
    assert len(ax.lines) == 2 and len(ax.collections) == 1
    np.testing.assert_allclose(ax.lines[0].get_ydata(), 0.5 + ax.lines[0].get_xdata())


def test_sigmoid_with_data_places_points_on_the_curve():
    z = np.array([-2.0, -0.5, 1.0])
    fig = plots.sigmoid_with_data(z, (z > 0).astype(int))
    (ax,) = fig.axes
    curve = ax.lines[0]
    np.testing.assert_allclose(curve.get_ydata(), 1 / (1 + np.exp(-curve.get_xdata())))
    points = np.vstack([c.get_offsets() for c in ax.collections])
    np.testing.assert_allclose(points[:, 1], 1 / (1 + np.exp(-points[:, 0])))
    assert len(points) == 3


def test_loss_curve_has_one_point_per_epoch():
    fig = plots.loss_curve([0.9, 0.5, 0.3], ylabel="mean loss", title="t")
    (ax,) = fig.axes
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])
    assert ax.get_xlabel() == "epoch" and ax.get_title() == "t"


def test_learning_rate_accuracy_has_one_bar_per_rate():
    fig = plots.learning_rate_accuracy([0.1, 0.01], [100.0, 87.0])
    (ax,) = fig.axes
    heights = [patch.get_height() for patch in ax.patches]
    assert heights == [100.0, 87.0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0.1", "0.01"]


# ----------------------------------------------------------- figures of the experiments


@pytest.fixture(scope="module")
def results():
    from dlcourse.lessons.lesson1 import descent_experiments, experiments

    return {
        "sources": experiments.randomness_sources(seeds=range(3)),
        "generalisation": experiments.generalisation(n_splits=3),
        "capacity": experiments.polynomial_capacity(degrees=range(0, 6)),
        "optimisers": descent_experiments.optimiser_paths(epochs=2),
        "learning_rates": descent_experiments.learning_rate_range(),
        "digits": experiments.digits(epochs=5),
        "boundaries": experiments.decision_boundaries(epochs=5),
        "line": descent_experiments.sgd_line_path(),
    }


def test_seed_spread_has_one_panel_per_source(results):
    fig = plots.seed_spread(results["sources"])
    assert len(fig.axes) == 3
    for ax in fig.axes:
        assert [t.get_text() for t in ax.get_xticklabels()] == ["0.1", "0.01", "0.001", "0.0001"]
        assert len(ax.collections) >= 4  # one strip of dots per learning rate (+ error bars)
    assert "accuracy" in fig.axes[0].get_ylabel()


def test_generalisation_accuracy_shows_both_halves_of_every_pair(results):
    (ax,) = plots.generalisation_accuracy(results["generalisation"]).axes
    assert len(ax.collections) == 4  # 2 pairs × (training, held out)
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "setosa vs versicolor",
        "versicolor vs virginica",
    ]


def test_capacity_curves(results):
    left, right = plots.capacity_curves(results["capacity"]).axes
    assert left.get_xlabel() == "polynomial degree" and left.get_yscale() == "log"
    np.testing.assert_array_equal(left.lines[0].get_ydata(), results["capacity"]["train_mse"])
    assert len(right.lines) == 4  # truth + underfit, best, overfit


def test_optimiser_paths_figure(results):
    left, right = plots.optimiser_paths(results["optimisers"]).axes
    assert len(left.lines) == 4  # three paths and the optimum
    assert len(right.lines) == 4  # three loss curves and the optimum
    path = np.asarray(results["optimisers"]["methods"][0]["path"])
    np.testing.assert_array_equal(left.lines[0].get_xdata(), path[:, 0])


def test_learning_rate_losses_marks_the_diverged_run(results):
    (ax,) = plots.learning_rate_losses(results["learning_rates"]).axes
    diverged = [
        run for run in results["learning_rates"]["runs"] if run["stopped_at_step"] is not None
    ]
    assert len(ax.lines) == len(results["learning_rates"]["runs"]) + len(diverged)
    assert ax.get_yscale() == "log"


def test_digits_figures(results):
    (ax,) = plots.digits_confusion(results["digits"]).axes
    assert len(ax.images) == 1 and ax.get_xlabel() == "predicted digit"
    weights = plots.digits_weights(results["digits"])
    assert len(weights.axes) == 10 and all(len(a.images) == 1 for a in weights.axes)
    wrong = plots.digits_wrong(results["digits"])
    assert sum(len(a.images) for a in wrong.axes) == len(results["digits"]["wrong"])


def test_decision_boundaries_figure(results):
    fig = plots.decision_boundaries(results["boundaries"])
    left, right = fig.axes[:2]
    assert left.get_xlabel() == "petal length (cm)"
    assert len(right.images) == 1 and len(right.collections) == 3  # shading, three species


def test_line_fit_animation_has_one_frame_per_step():
    from matplotlib.animation import FuncAnimation

    from dlcourse.lessons.lesson1 import descent_experiments
    from dlcourse.teaching.rendering import animation_to_gif

    line = descent_experiments.sgd_line_path()
    animation = plots.line_fit_animation(line["x"], line["y"], line["path"], n_frames=5)
    assert isinstance(animation, FuncAnimation)
    gif = animation_to_gif(animation)
    with Image.open(io.BytesIO(gif)) as image:
        assert image.format == "GIF" and image.n_frames == 5


def _gif_frames(content: bytes) -> list[np.ndarray]:
    with Image.open(io.BytesIO(content)) as image:
        frames = []
        for i in range(image.n_frames):
            image.seek(i)
            frames.append(np.asarray(image.convert("RGB"), dtype=int))
    return frames


@pytest.mark.parametrize("blit", [True, False])
def test_blitted_gif_frames_equal_matplotlibs_own_writer(tmp_path, blit):
    # The writer draws the still part once and redraws only the animated artists; matplotlib's
    # PillowWriter draws every frame in full. The frames must come out the same, pixel for
    # pixel (both quantise a frame of a few hundred colours with Pillow's median cut).
    from matplotlib.animation import FuncAnimation, PillowWriter

    from dlcourse.lessons.lesson1 import descent_experiments
    from dlcourse.teaching.rendering import animation_to_gif

    line = descent_experiments.sgd_line_path()

    def animation() -> FuncAnimation:
        if blit:  # the lesson's animation: line and label are marked animated
            return plots.line_fit_animation(line["x"], line["y"], line["path"], n_frames=6)
        fig = Figure(figsize=(3, 2), dpi=60)  # nothing animated: every frame a full draw
        ax = fig.add_subplot()
        (moving,) = ax.plot([0, 1], [0, 0])
        return FuncAnimation(fig, lambda i: moving.set_ydata([0, i]), frames=range(4))

    ours = _gif_frames(animation_to_gif(animation()))
    animation().save(tmp_path / "reference.gif", writer=PillowWriter(fps=8))
    reference = _gif_frames((tmp_path / "reference.gif").read_bytes())
    assert len(ours) == len(reference) >= 4
    assert all(a.shape == b.shape for a, b in zip(ours, reference, strict=True))
    assert max(np.abs(a - b).max() for a, b in zip(ours, reference, strict=True)) <= 2
    assert np.abs(ours[0] - ours[-1]).max() > 100  # and the line did move


def test_transparent_figure_gif_frames_are_over_white():
    # GIF has no alpha channel: a transparent figure is put over white. A red line at half
    # opacity must come out pink (255, 127, 127), not red as its unblended colour.
    from matplotlib.animation import FuncAnimation

    from dlcourse.teaching.rendering import animation_to_gif

    fig = Figure(figsize=(2, 1.5), dpi=40, facecolor="none")
    ax = fig.add_subplot(facecolor="none")
    ax.set_axis_off()
    (line,) = ax.plot([0, 1], [0.5, 0.5], color="red", alpha=0.5, lw=12, animated=True)
    ax.set_ylim(0, 1)
    animation = FuncAnimation(fig, lambda i: line.set_ydata([0.5, 0.5]), frames=range(2))
    frame = _gif_frames(animation_to_gif(animation))[0]
    assert frame[0, 0].tolist() == [255, 255, 255]
    middle = frame[frame.shape[0] // 2, frame.shape[1] // 2]
    np.testing.assert_allclose(middle, [255, 127.5, 127.5], atol=3)
