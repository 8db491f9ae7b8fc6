"""The lesson's videos in a notebook: ``from dlcourse.media import show_video``.

It lives in :mod:`dlcourse.teaching.video`; this module keeps the short import path.
"""

from dlcourse.teaching.video import show_video

__all__ = ["show_video"]
