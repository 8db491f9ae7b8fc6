"""Showing the lesson's media in a notebook, without ever stopping the notebook."""

from __future__ import annotations

import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["show_video"]


def show_video(
    filename: str | os.PathLike[str],
    url: str | None = None,
    fallback: Callable[[], Any] | None = None,
    *,
    timeout: float = 5.0,
    display: Callable[[Any], Any] | None = None,
) -> Any:
    """Show a local video; download it from ``url`` first if it is missing and a URL is given.

    Never raises for a missing file or an unreachable URL: it prints what happened and, if
    ``fallback`` is given, shows what ``fallback()`` returns instead (for example a figure).

    Parameters
    ----------
    filename : path
        Where the video is, or where to save it.
    url : str, optional
        Where to download it from when ``filename`` does not exist.
    fallback : callable, optional
        Makes a replacement to show when there is no video.
    timeout : float, default 5
        Seconds to wait for the network.
    display : callable, optional
        How to show things; IPython's ``display`` by default.

    Returns
    -------
    The ``IPython.display.Video`` shown, the fallback's result, or None.
    """
    if display is None:
        from IPython.display import display
    path = Path(filename)
    if not path.exists() and url:
        _download(url, path, timeout)
    if path.exists():
        from IPython.display import Video

        video = Video(str(path), embed=False)
        display(video)
        return video
    if not url:
        print(f"No video file at {path}; the lesson continues without it.")
    if fallback is None:
        return None
    replacement = fallback()
    display(replacement)
    return replacement


def _download(url: str, path: Path, timeout: float) -> None:
    """Download to a temporary file next to ``path`` and rename, so no half file is left."""
    print(f"Downloading {path.name} from {url} ...")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        print(f"Could not download the video ({reason}); the lesson continues without it.")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".part") as part:
        part.write(data)
    os.replace(part.name, path)
    print(f"Saved {path}.")
