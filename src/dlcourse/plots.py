"""The figures of the lesson, for notebooks: ``from dlcourse import plots``.

They live in :mod:`dlcourse.lessons.lesson1.figures`; this module keeps the short import path.
"""

from dlcourse.lessons.lesson1.figures import *  # noqa: F403
from dlcourse.lessons.lesson1.figures import __all__  # noqa: F401
