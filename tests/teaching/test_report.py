"""Figures in the output folder are reused only when nothing they depend on changed."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from dlcourse.teaching import rendering as report
from dlcourse.teaching.rendering import figure_bytes, figures_key, write_figures


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
    sources = [report.__file__]
    data = {"loss": [0.5, 0.25], "seed": 0}
    key = figures_key(data, sources)
    assert figures_key({"seed": 0, "loss": [0.5, 0.25]}, sources) == key  # order is not data
    assert figures_key({"loss": [0.5, 0.25 + 1e-16], "seed": 0}, sources) != key
    plots_lesson = (
        Path(report.__file__).parents[1] / "lessons" / "lesson1" / "figures" / "lesson_figures.py"
    )
    assert figures_key(data, [*sources, plots_lesson]) != key
    import matplotlib

    with matplotlib.rc_context({"lines.linewidth": 7}):
        assert figures_key(data, sources) != key


def test_figures_key_reads_the_source_files(tmp_path):
    source = tmp_path / "drawing_module.py"
    source.write_text("COLOR = 'red'\n")
    key = figures_key({}, [source])
    source.write_text("COLOR = 'blue'\n")  # the code that draws changed: so would the figures
    assert figures_key({}, [source]) != key


def test_imported_sources_follow_every_import_without_importing(tmp_path, monkeypatch):
    # a package of four modules: a imports b at the top, b imports c inside a function, and
    # a names d in a string (as importlib.import_module would); e is imported by nobody
    package = tmp_path / "toy_drawing"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from toy_drawing import b\nLAZY = 'toy_drawing.d'\n")
    (package / "b.py").write_text("def f():\n    from .c import TITLE\n    return TITLE\n")
    (package / "c.py").write_text("TITLE = 'loss'\n")
    (package / "d.py").write_text("COLOR = 'red'\n")
    (package / "e.py").write_text("UNUSED = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import toy_drawing  # noqa: F401 - only the package itself: the modules are read, not run

    sources = report.imported_sources("toy_drawing.a")
    assert {p.name for p in sources} == {"__init__.py", "a.py", "b.py", "c.py", "d.py"}
    assert "toy_drawing.c" not in sys.modules
    key = figures_key({}, sources)
    (package / "c.py").write_text("TITLE = 'mean loss'\n")  # a title drawn two imports away
    assert figures_key({}, report.imported_sources("toy_drawing.a")) != key


def test_the_lesson_report_keys_its_figures_on_the_code_that_draws_them():
    # the titles of the experiments and the sigmoid figure come from these two files; a
    # hand-kept list once missed both, so that editing them left stale figures behind
    from dlcourse.lessons.lesson1 import report as lesson_report

    names = {
        str(p.relative_to(Path(report.__file__).parents[1]))
        for p in lesson_report._drawing_sources()
    }
    assert {"lessons/lesson1/experiments.py", "activations.py"} <= names
    assert {"lessons/lesson1/figures/lesson_figures.py", "teaching/gif_writer.py"} <= names


def test_a_run_with_current_figures_does_not_import_the_drawing_code(tmp_path):
    # matplotlib's drawing stack and Lesson 1's figures cost 0.4 s of a 2.6 s run: a run whose
    # figures are reused must not import them (a fresh interpreter, as the command has)
    script = (
        "import sys\n"
        "from dlcourse.cli import main\n"
        f"main(['lesson1', '--out', {str(tmp_path)!r}, '--quiet', '--exercises-only'])\n"
        "drawing = ('matplotlib.figure', 'matplotlib.pyplot', 'dlcourse.lessons.lesson1.figures')\n"
        "print(sorted(m for m in drawing if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1] != "[]"  # the first run draws, so it imports them
    assert runs[1].stdout.splitlines()[-1] == "[]"


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
