"""Figures in the output folder are reused only when nothing they depend on changed."""

import hashlib
import json
import shutil
import sys

import pytest
from matplotlib.figure import Figure

from dlcourse import report
from dlcourse.report import figure_bytes, figures_key, write_figures


def _figure(height: float) -> Figure:
    fig = Figure(figsize=(2, 1.5), dpi=50)
    fig.add_subplot().plot([0, 1], [0, height])
    return fig


class _Builds:
    """A ``build`` callable that counts its calls and draws lines of the given heights."""

    def __init__(self, heights: dict[str, float]) -> None:
        self.heights, self.calls = heights, 0

    def __call__(self) -> dict[str, Figure]:
        self.calls += 1
        return {name: _figure(h) for name, h in self.heights.items()}


def test_second_call_with_the_same_key_reuses_the_files(tmp_path):
    build = _Builds({"a": 1.0, "b": 2.0})
    first = write_figures(tmp_path, build, "key-1")
    second = write_figures(tmp_path, build, "key-1")
    assert build.calls == 1
    assert second == first
    assert list(second) == ["a", "b"]
    # what is reused is what a fresh drawing gives, byte for byte
    content, _, _ = figure_bytes(_figure(2.0))
    assert (tmp_path / "b.png").read_bytes() == content
    assert second["b"][1] == report.data_uri(content, "image/png")


@pytest.mark.parametrize(
    "change", ["key", "redraw", "edited file", "deleted file", "manifest", "file elsewhere"]
)
def test_anything_changed_means_drawing_again(tmp_path, change):
    build = _Builds({"a": 1.0, "b": 2.0})
    write_figures(tmp_path, build, "key-1")
    key, redraw = "key-1", False
    if change == "key":
        key = "key-2"
    elif change == "redraw":
        redraw = True
    elif change == "edited file":
        (tmp_path / "a.png").write_bytes(b"not the figure")
    elif change == "deleted file":
        (tmp_path / "b.png").unlink()
    elif change == "manifest":
        (tmp_path / report.MANIFEST).write_text("{not json")
    else:  # a manifest may only name files in its own folder
        manifest = json.loads((tmp_path / report.MANIFEST).read_text())
        outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
        outside.write_bytes((tmp_path / "a.png").read_bytes())  # same bytes, same SHA-256
        manifest["files"][0]["file"] = f"../{outside.name}"
        (tmp_path / report.MANIFEST).write_text(json.dumps(manifest))
    written = write_figures(tmp_path, build, key, redraw=redraw)
    assert build.calls == 2
    assert (tmp_path / "a.png").read_bytes() == figure_bytes(_figure(1.0))[0]
    assert written["b"][0].is_file()
    manifest = json.loads((tmp_path / report.MANIFEST).read_text())
    assert manifest["key"] == key
    assert (
        manifest["files"][0]["sha256"]
        == hashlib.sha256((tmp_path / "a.png").read_bytes()).hexdigest()
    )


def test_figures_key_follows_the_data_the_code_and_the_style():
    import dlcourse.plots  # noqa: F401  (the key reads the source of imported modules)

    modules = ["dlcourse.report"]
    data = {"loss": [0.5, 0.25], "seed": 0}
    key = figures_key(data, modules)
    assert figures_key({"seed": 0, "loss": [0.5, 0.25]}, modules) == key  # order is not data
    assert figures_key({"loss": [0.5, 0.25 + 1e-16], "seed": 0}, modules) != key
    assert figures_key(data, [*modules, "dlcourse.plots.lesson"]) != key
    import matplotlib

    with matplotlib.rc_context({"lines.linewidth": 7}):
        assert figures_key(data, modules) != key


def test_figures_key_reads_the_modules_source(tmp_path, monkeypatch):
    source = tmp_path / "drawing_module.py"
    source.write_text("COLOR = 'red'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import drawing_module  # noqa: F401

    key = figures_key({}, ["drawing_module"])
    source.write_text("COLOR = 'blue'\n")  # edited after import: the figures would change
    assert figures_key({}, ["drawing_module"]) != key
    del sys.modules["drawing_module"]


def test_lesson_run_again_reuses_its_figures_and_writes_the_same_report(
    tmp_path, lesson1_output, monkeypatch
):
    from dlcourse.cli import main
    from dlcourse.lessons.lesson1 import report as lesson_report

    _, first = lesson1_output
    out = tmp_path / "out"
    shutil.copytree(first, out)

    def no_drawing(results):
        raise AssertionError("the figures were drawn again")

    monkeypatch.setattr(lesson_report, "figures", no_drawing)
    assert main(["lesson1", "--out", str(out), "--seed", "3", "--quiet"]) == 0
    for path in first.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    with pytest.raises(AssertionError, match="drawn again"):
        main(["lesson1", "--out", str(out), "--seed", "3", "--quiet", "--redraw"])
    with pytest.raises(AssertionError, match="drawn again"):  # other numbers, other figures
        main(["lesson1", "--out", str(out), "--seed", "4", "--quiet", "--exercises-only"])
