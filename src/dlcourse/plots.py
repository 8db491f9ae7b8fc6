"""The figures of the lesson, for notebooks: ``from dlcourse import plots``.

They live in :mod:`dlcourse.teaching.figures`; this module keeps the short import path.
"""

from dlcourse.teaching.figures import *  # noqa: F403
from dlcourse.teaching.figures import __all__  # noqa: F401
