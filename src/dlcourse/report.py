"""Self-contained HTML reports: figures embedded as PNG data URIs, pages rendered with Jinja2."""

from __future__ import annotations

import base64
import io
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from matplotlib.animation import Animation, PillowWriter
from matplotlib.figure import Figure

__all__ = [
    "animation_to_gif",
    "data_uri",
    "figure_bytes",
    "figure_to_png",
    "render_template",
    "save_figure",
]


def figure_to_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (light compression: most of the time of a PNG goes into zlib)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 2})
    return buffer.getvalue()


def animation_to_gif(animation: Animation, fps: int = 8) -> bytes:
    """The animation as GIF bytes, written by Pillow (no ffmpeg needed)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "animation.gif"
        animation.save(path, writer=PillowWriter(fps=fps))
        return path.read_bytes()


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
