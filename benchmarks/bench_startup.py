"""Wall time of `dlcourse lesson1`, warm (run once before: compiled code and figures cached).

A warm run computes every number again but reuses the figures it drew last time (they depend
only on the numbers and the drawing code); `--redraw` shows the time with every figure drawn.
"""

from __future__ import annotations

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


def run(quick: bool = False) -> list[Row]:
    full = _wall([])
    exercises = _wall(["--exercises-only"])
    redraw = _wall(["--redraw"])
    help_time = min(_timed([sys.executable, "-m", "dlcourse", "--help"]) for _ in range(3))
    return [
        Row(
            "dlcourse lesson1 (exercises and experiments), warm",
            full,
            "-",
            None,
            "<=3 s",
            full <= 3,
        ),
        Row(
            "dlcourse lesson1 --exercises-only, warm", exercises, "-", None, "<=3 s", exercises <= 3
        ),
        Row("dlcourse lesson1 --redraw (every figure drawn)", redraw, "-", None, "-", True),
        Row("dlcourse --help", help_time, "-", None, "-", True),
    ]


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    print(format_table(run()))
