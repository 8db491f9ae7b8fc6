"""Each figure function returns a Figure with the expected axes, labels and artists."""

import numpy as np
from matplotlib.figure import Figure

from dlcourse import plots


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
