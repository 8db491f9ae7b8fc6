"""Self-contained HTML reports: figures embedded as PNG data URIs, pages rendered with Jinja2.

Figures are the slow part of a report (matplotlib draws on one core), so :func:`write_figures`
keeps a manifest next to the files and draws again only when something they depend on changed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
from matplotlib.animation import AbstractMovieWriter, Animation
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

__all__ = [
    "animation_to_gif",
    "data_uri",
    "figure_bytes",
    "figure_to_png",
    "figures_key",
    "render_template",
    "save_figure",
    "write_figures",
]

MANIFEST = ".figures.json"  # in the output folder: the key the figures were drawn for


def figure_to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (light compression: most of the time of a PNG goes into zlib)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 2})
    return buffer.getvalue()


def animation_to_gif(animation: Animation, fps: int = 8) -> bytes:
    """The animation as GIF bytes, written by Pillow (no ffmpeg needed).

    Artists marked ``animated`` (matplotlib's blitting convention) are the only ones redrawn
    for each frame; everything else is drawn once. Frames are at the figure's own dpi.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "animation.gif"
        animation.save(path, writer=_BlittingGifWriter(fps=fps))
        return path.read_bytes()


class _BlittingGifWriter(AbstractMovieWriter):
    """A GIF writer that blits: a full draw for the first frame, then only the moving artists.

    matplotlib's own writers call ``savefig`` for every frame, which lays out and draws every
    tick label again (about 60 ms a frame for a small figure). Here the still part is drawn
    once, with the ``animated`` artists hidden, and kept as a background; each frame restores
    it and draws the animated artists on top. Without animated artists every frame is a full
    draw.
    """

    def setup(self, fig: Figure, outfile: str | Path, dpi: float | None = None) -> None:
        super().setup(fig, outfile, dpi)
        canvas = fig.canvas
        self._agg = FigureCanvasAgg(fig)  # attaches itself to the figure: give the old one back
        fig.set_canvas(canvas)
        self._moving: list[Artist] | None = None  # the animated artists, found at frame one
        self._background = None
        self._frames: list[Image.Image] = []

    def grab_frame(self, **savefig_kwargs: Any) -> None:
        canvas, agg = self.fig.canvas, self._agg
        self.fig.set_canvas(agg)  # only while drawing, as savefig does
        try:
            self._draw(agg)
        finally:
            self.fig.set_canvas(canvas)
        rgba = np.asarray(agg.buffer_rgba())  # (height, width, 4), not premultiplied
        rgb = rgba[..., :3]
        if rgba[..., 3].min() < 255:  # (partly) transparent: over white, as GIF has no alpha
            alpha = rgba[..., 3:] / 255
            rgb = (rgb * alpha + 255 * (1 - alpha)).round().astype(np.uint8)
        # a frame has a few hundred colours: median cut keeps them nearly exact (mapping onto
        # another frame's palette is faster, but Pillow's lookup turns white into grey)
        frame = Image.fromarray(np.ascontiguousarray(rgb))
        self._frames.append(frame.quantize(colors=256, method=Image.Quantize.MEDIANCUT))

    def _draw(self, agg: FigureCanvasAgg) -> None:
        if self._moving is None:
            self._moving = [a for a in self.fig.findobj() if a.get_animated()]
        if not self._moving:
            agg.draw()
            return
        if self._background is None:
            for artist in self._moving:
                artist.set_visible(False)
            agg.draw()
            self._background = agg.copy_from_bbox(self.fig.bbox)
            for artist in self._moving:
                artist.set_visible(True)
        else:
            agg.restore_region(self._background)
        for artist in self._moving:
            self.fig.draw_artist(artist)

    def finish(self) -> None:
        first, *rest = self._frames
        first.save(
            self.outfile,
            format="GIF",
            save_all=True,
            append_images=rest,
            duration=int(1000 / self.fps),
            loop=0,
        )


def figure_bytes(fig: Figure | Animation) -> tuple[bytes, str, str]:
    """Encode a figure as PNG or an animation as GIF: (content, suffix, MIME type)."""
    if isinstance(fig, Animation):
        return animation_to_gif(fig), "gif", "image/gif"
    return figure_to_png(fig), "png", "image/png"


def save_figure(fig: Figure | Animation, stem: str | Path) -> Path:
    """Write ``stem.png`` (or ``stem.gif`` for an animation) and return its path."""
    content, suffix, _ = figure_bytes(fig)
    path = Path(stem).with_suffix(f".{suffix}")
    path.write_bytes(content)
    return path


def data_uri(content: bytes, mime: str) -> str:
    """A ``data:`` URI, so that the page needs no file next to it and no network."""
    return f"data:{mime};base64," + base64.b64encode(content).decode("ascii")


def render_template(package: str, name: str, **context: Any) -> str:
    """Render the Jinja2 template ``name`` shipped inside ``package``, HTML-escaping values."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(package, ""),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a missing number is an error, not an empty cell
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(name).render(**context)


def figures_key(data: Any, modules: Iterable[str]) -> str:
    """A fingerprint of everything a set of figures depends on.

    Parameters
    ----------
    data : JSON-serialisable
        The numbers the figures are drawn from (floats are written exactly).
    modules : iterable of str
        Names of the (already imported) modules whose code draws them: their source counts,
        so that editing a plot function invalidates the figures even without a new version.

    Returns
    -------
    str
        A SHA-256 hex digest that also covers matplotlib's and Pillow's versions and the
        active rcParams (a style or a matplotlibrc changes the pixels too).
    """
    import matplotlib
    import PIL

    digest = hashlib.sha256(json.dumps(data, sort_keys=True, allow_nan=True).encode())
    digest.update(f"matplotlib {matplotlib.__version__} pillow {PIL.__version__}".encode())
    digest.update(repr(sorted(matplotlib.rcParams.items())).encode())
    for name in sorted(modules):
        digest.update(Path(sys.modules[name].__file__).read_bytes())
    return digest.hexdigest()


def write_figures(
    out: str | Path,
    build: Callable[[], Mapping[str, Figure | Animation]],
    key: str,
    *,
    redraw: bool = False,
) -> dict[str, tuple[Path, str]]:
    """Write each figure as ``NAME.png`` (or ``.gif``), drawing only when ``key`` changed.

    The folder keeps a manifest (``.figures.json``) with the key of the last drawing and a
    SHA-256 of every file. When the key matches and every file is still there, unchanged,
    the files are reused as they are; otherwise ``build()`` is called and everything is drawn.

    Parameters
    ----------
    out : str or Path
        The output folder (created if needed).
    build : callable
        Returns ``{name: figure or animation}``; only called when drawing.
    key : str
        What the figures depend on, e.g. from :func:`figures_key`.
    redraw : bool, default False
        Draw even if the manifest says the files are current.

    Returns
    -------
    dict
        ``{name: (path, data URI)}``, in the order ``build`` gives them.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = None if redraw else _current_files(out, key)
    if written is None:
        written = {}
        for name, fig in build().items():
            content, suffix, mime = figure_bytes(fig)
            path = out / f"{name}.{suffix}"
            path.write_bytes(content)
            written[name] = (path, content, mime)
        manifest = {
            "key": key,
            "files": [
                {"name": n, "file": p.name, "mime": m, "sha256": hashlib.sha256(c).hexdigest()}
                for n, (p, c, m) in written.items()
            ],
        }
        (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")
    return {name: (path, data_uri(c, mime)) for name, (path, c, mime) in written.items()}


def _current_files(out: Path, key: str) -> dict[str, tuple[Path, bytes, str]] | None:
    """The files the manifest lists, if it was written for ``key`` and none was touched."""
    try:
        manifest = json.loads((out / MANIFEST).read_text())
        if manifest["key"] != key:
            return None
        files = {}
        for entry in manifest["files"]:
            path = out / entry["file"]
            if path.parent != out:  # the manifest names files in this folder only
                return None
            content = path.read_bytes()
            if hashlib.sha256(content).hexdigest() != entry["sha256"]:
                return None
            files[entry["name"]] = (path, content, entry["mime"])
        return files
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no manifest, an unreadable one, or a file gone: draw again
