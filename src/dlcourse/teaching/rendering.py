"""Self-contained HTML reports: figures embedded as PNG data URIs, pages rendered with Jinja2.

Figures are the slow part of a report (matplotlib draws on one core), so :func:`write_figures`
keeps a manifest next to the files and draws again only when something they depend on changed.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:  # matplotlib's drawing stack is imported only when something is drawn
    from matplotlib.animation import Animation
    from matplotlib.figure import Figure

__all__ = [
    "animation_to_gif",
    "data_uri",
    "figure_bytes",
    "figure_to_png",
    "figures_key",
    "imported_sources",
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
    from dlcourse.teaching.gif_writer import BlittingGifWriter

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "animation.gif"
        animation.save(path, writer=BlittingGifWriter(fps=fps))
        return path.read_bytes()


def figure_bytes(fig: Figure | Animation) -> tuple[bytes, str, str]:
    """Encode a figure as PNG or an animation as GIF: (content, suffix, MIME type)."""
    from matplotlib.animation import Animation

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


def figures_key(data: Any, sources: Iterable[str | os.PathLike[str]]) -> str:
    """A fingerprint of everything a set of figures depends on.

    Parameters
    ----------
    data : JSON-serialisable
        The numbers the figures are drawn from (floats are written exactly).
    sources : iterable of paths
        The source files of the code that draws them: their content counts, so that editing a
        plot function invalidates the figures even without a new version. Files, not modules,
        so that the drawing code need not be imported to know whether it must run.

    Returns
    -------
    str
        A SHA-256 hex digest that also covers matplotlib's and Pillow's versions and the
        active rcParams (a style or a matplotlibrc changes the pixels too).
    """
    import matplotlib  # the package alone, for its version and rcParams: no drawing code
    import PIL

    digest = hashlib.sha256(json.dumps(data, sort_keys=True, allow_nan=True).encode())
    digest.update(f"matplotlib {matplotlib.__version__} pillow {PIL.__version__}".encode())
    rc = matplotlib.rcParams  # all but the backend: reading it would import pyplot, and the
    style = sorted((name, rc[name]) for name in rc if name != "backend")  # pixels are Agg's
    digest.update(repr(style).encode())
    for path in sorted(map(Path, sources)):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def imported_sources(module: str) -> list[Path]:
    """The source files of ``module`` and of every module of its package that it imports,
    directly or through others, found by reading the code (nothing is imported).

    Every ``import`` statement counts, also one inside a function, and so does a string that
    names a module of the package (``importlib.import_module("dlcourse.x")``). A figure key
    built from these files changes whenever code that the drawing can run changes.
    """
    top = module.split(".")[0]
    root = Path(__import__(top).__file__).parent  # the package itself is already imported
    seen: dict[str, Path] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        path = _module_file(root, top, name)
        if path is None or name in seen:
            continue
        seen[name] = path
        parts = name.split(".")
        todo += [".".join(parts[:k]) for k in range(1, len(parts))]  # its packages' __init__
        todo += _imported_names(path, name, top)
    return sorted(set(seen.values()))


def _module_file(root: Path, top: str, name: str) -> Path | None:
    parts = name.split(".")
    if parts[0] != top:
        return None
    base = root.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_names(path: Path, name: str, top: str) -> list[str]:
    """The module names that the file's imports and strings could refer to."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1 more
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names += [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names += re.findall(rf"\b{top}(?:\.\w+)+", node.value)
    return names


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
