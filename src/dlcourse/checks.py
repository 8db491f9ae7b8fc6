"""What a learner's notebook needs from the checks: ``from dlcourse.checks import TODO, not_done``.

The checking machinery lives in :mod:`dlcourse.teaching.verdicts`; the checks of each
exercise in ``dlcourse.lessons.<lesson>.check``.
"""

from dlcourse.teaching.verdicts import TODO, CheckResult, not_done

__all__ = ["TODO", "CheckResult", "not_done"]
