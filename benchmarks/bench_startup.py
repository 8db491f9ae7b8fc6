"""Wall time of `dlcourse lesson1`: the first run on a machine, and warm.

The first run has an empty numba cache (a new NUMBA_CACHE_DIR) and no figures: it compiles the
engine and draws everything. A warm run (run once before: compiled code and figures cached)
computes every number again but reuses the figures it drew last time (they depend only on the
numbers and the drawing code); `--redraw` shows the time with every figure drawn.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from _harness import Row, format_table


def _wall(args: list[str], repeats: int = 3) -> float:
    times = []
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "dlcourse", "lesson1", "--quiet", "--out", out, *args]
        subprocess.run(command, check=True, capture_output=True)  # warm-up
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def _first_run() -> float:
    """`dlcourse lesson1` with an empty numba cache and an empty output folder."""
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache)
        command = [sys.executable, "-m", "dlcourse", "lesson1", "--quiet", "--out", out]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        return time.perf_counter() - start


def run(quick: bool = False) -> list[Row]:
    first = _first_run()
    full = _wall([])
    exercises = _wall(["--exercises-only"])
    redraw = _wall(["--redraw"])
    help_time = min(_timed([sys.executable, "-m", "dlcourse", "--help"]) for _ in range(3))
    return [
        Row(
            "dlcourse lesson1, first run (empty numba cache, no figures)",
            first,
            "-",
            None,
            "<=20 s",
            first <= 20,
        ),
        Row(
            "dlcourse lesson1 (exercises and experiments), warm",
            full,
            "-",
            None,
            "<=2.5 s",
            full <= 2.5,
        ),
        Row("dlcourse lesson1 --exercises-only, warm", exercises, "-", None, "-", True),
        Row("dlcourse lesson1 --redraw (every figure drawn)", redraw, "-", None, "-", True),
        Row("dlcourse --help", help_time, "-", None, "-", True),
    ]


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    print(format_table(run()))
