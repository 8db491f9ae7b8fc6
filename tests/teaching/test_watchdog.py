"""The watchdog ends a kernel when a deadline passes, whatever the kernel does meanwhile."""

import threading
import time

from dlcourse.teaching.watchdog import Watchdog


def _watchdog(total_s):
    ended = threading.Event()
    return Watchdog(ended.set, total_s, "total"), ended


def test_a_block_that_overruns_its_limit_is_ended_with_its_reason():
    watchdog, ended = _watchdog(60)
    with watchdog, watchdog.limit(0.2, "cell 3"):
        assert ended.wait(5)  # the block itself never stops: only the watchdog ends it
    assert watchdog.reason == "cell 3"


def test_blocks_that_finish_in_time_end_nothing():
    watchdog, ended = _watchdog(60)
    with watchdog:
        for _ in range(5):
            with watchdog.limit(0.3, "a call"):
                time.sleep(0.05)
        time.sleep(0.5)  # past every block's deadline, after the blocks ended
    assert not ended.is_set() and watchdog.reason is None


def test_the_total_limit_holds_across_blocks():
    watchdog, ended = _watchdog(0.5)
    start = time.monotonic()
    with watchdog:
        while not ended.is_set() and time.monotonic() - start < 5:
            with watchdog.limit(10, "one short cell"):
                time.sleep(0.05)
    assert ended.is_set() and watchdog.reason == "total"
    assert time.monotonic() - start < 2
