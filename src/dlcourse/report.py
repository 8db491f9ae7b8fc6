"""Self-contained HTML reports: figures embedded as PNG data URIs, pages rendered with Jinja2."""

from __future__ import annotations

import base64
import io
from typing import Any

import jinja2
from matplotlib.figure import Figure

__all__ = ["figure_to_png", "png_data_uri", "render_template"]


def figure_to_png(fig: Figure, dpi: int = 110) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def png_data_uri(png: bytes) -> str:
    """A ``data:`` URI, so that the page needs no file next to it and no network."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


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
