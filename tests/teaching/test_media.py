"""The video helper never stops the notebook."""

import numpy as np
from IPython.display import Video

from dlcourse.lessons.lesson1 import figures as plots
from dlcourse.teaching.video import show_video
from dlcourse.training import gradient_descent_mse


def test_a_local_file_is_shown(tmp_path):
    video_file = tmp_path / "clip.mp4"
    video_file.write_bytes(b"\x00\x00\x00 ftypisom")
    shown = []
    result = show_video(video_file, url="http://127.0.0.1:9/never-used.mp4", display=shown.append)
    assert isinstance(result, Video) and shown == [result]
    assert str(video_file) in result._repr_html_()


def test_an_unreachable_url_prints_a_message_and_uses_the_fallback(tmp_path, capsys):
    shown = []
    result = show_video(
        tmp_path / "clip.mp4",
        url="http://127.0.0.1:9/clip.mp4",  # the discard port: refused at once
        fallback=lambda: "replacement figure",
        timeout=2,
        display=shown.append,
    )
    assert result == "replacement figure" and shown == ["replacement figure"]
    assert "Could not download the video" in capsys.readouterr().out
    assert not (tmp_path / "clip.mp4").exists() and not list(tmp_path.iterdir())


def test_no_file_and_no_url(tmp_path, capsys):
    shown = []
    assert show_video(tmp_path / "clip.mp4", display=shown.append) is None
    assert shown == []
    assert "No video file" in capsys.readouterr().out


def test_the_fallback_figure_shows_the_line_moving():
    x = np.linspace(-1, 1, 10)
    X = np.column_stack([np.ones(10), x])
    path = gradient_descent_mse(X, 1 + 2 * x, np.zeros(2), learning_rate=0.2, steps=40)
    np.testing.assert_allclose(path[-1], [1, 2], atol=0.05)  # GD approaches the true line
    fig = plots.line_fit_progress(x, 1 + 2 * x, path, n_lines=5)
    (ax,) = fig.axes
    assert len(ax.lines) == 5
    alphas = [line.get_alpha() for line in ax.lines]
    assert alphas == sorted(alphas)  # later steps drawn darker
