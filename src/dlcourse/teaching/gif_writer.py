"""A GIF writer for matplotlib animations that redraws only what moves (used by
:func:`dlcourse.teaching.rendering.animation_to_gif`; a module of its own so that importing
:mod:`dlcourse.teaching.rendering` does not import matplotlib's drawing stack)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.animation import AbstractMovieWriter
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image


class BlittingGifWriter(AbstractMovieWriter):
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
