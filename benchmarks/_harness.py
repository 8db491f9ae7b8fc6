"""Shared by the benchmark scripts: interleaved timing, the machine, the table."""

from __future__ import annotations

import os
import platform
import statistics
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Row:
    """One line of the table: our time against a peer's, with the target and whether it holds."""

    workload: str
    ours: float  # seconds (or a ratio for memory rows, see ``unit``)
    peer: str
    peer_time: float | None
    target: str
    holds: bool
    floor: float | None = None
    unit: str = "s"
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        return None if self.peer_time is None else self.peer_time / self.ours


def speedups(workload: str, ours: float, peers: list[tuple[str, float, float | None]]) -> list[Row]:
    """One row per (peer, its time, the speed-up targeted or None for no target), the workload
    named on the first."""
    return [
        Row(
            workload if i == 0 else "",
            ours,
            peer,
            time_,
            "-" if factor is None else f">={factor:g}x",
            factor is None or time_ / ours >= factor,
        )
        for i, (peer, time_, factor) in enumerate(peers)
    ]


def interleaved(
    candidates: dict[str, Callable[[], object]], repeats: int = 5, min_block: float = 0.05
) -> dict[str, float]:
    """Median wall time per call of each candidate, the candidates run in turn in each repeat.

    Interleaving spreads any slow patch of the machine over all candidates alike. Short calls
    are timed in blocks of several calls lasting at least ``min_block`` seconds (as timeit
    does), so that a 0.2 ms fit is not measured with the cold caches left by its neighbour.
    """
    runs = interleaved_runs(candidates, repeats, min_block)
    return {name: statistics.median(values) for name, values in runs.items()}


def interleaved_runs(
    candidates: dict[str, Callable[[], object]], repeats: int = 5, min_block: float = 0.05
) -> dict[str, list[float]]:
    """:func:`interleaved`'s times per call, one per repeat, in the order of the repeats: entry
    r of every list comes from the same round, for ratios taken round by round."""
    times: dict[str, list[float]] = {name: [] for name in candidates}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # peers' convergence warnings are not the point here
        calls = {name: _calls_per_block(run, min_block) for name, run in candidates.items()}
        for _ in range(repeats):
            for name, run in candidates.items():
                start = time.perf_counter()
                for _ in range(calls[name]):
                    run()
                times[name].append((time.perf_counter() - start) / calls[name])
    return times


def _calls_per_block(run: Callable[[], object], min_block: float) -> int:
    once = _timed(run)  # also a warm-up
    return max(1, min(1000, int(min_block / max(once, 1e-9)) + 1)) if once < min_block else 1


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def machine() -> dict[str, str]:
    """CPU, cores, BLAS and its threads, versions: what the numbers depend on."""
    from threadpoolctl import threadpool_info

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or cpu
    blas = [
        f"{p.get('internal_api')} {p.get('version')} ({p.get('num_threads')} threads)"
        for p in threadpool_info()
        if p.get("user_api") == "blas"
    ]
    import numba
    import sklearn

    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "blas": ", ".join(blas) or "unknown",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "numba": numba.__version__,
        "date": time.strftime("%Y-%m-%d"),
    }


def format_table(rows: list[Row]) -> str:
    header = (
        f"{'workload':<58} {'ours':>10} {'peer':<26} {'peer time':>10} {'ratio':>8} "
        f"{'floor':>9}  target   holds"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        ours = f"{r.ours:.3g} {r.unit}" if r.unit != "s" else _seconds(r.ours)
        peer_time = _seconds(r.peer_time) if r.peer_time is not None else "-"
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else "-"
        floor = _seconds(r.floor) if r.floor is not None else "-"
        lines.append(
            f"{r.workload:<58} {ours:>10} {r.peer:<26} {peer_time:>10} {ratio:>8} {floor:>9}  "
            f"{r.target:<8} {'yes' if r.holds else 'NO'}"
        )
        lines += [f"    {note}" for note in r.notes]
    return "\n".join(lines)


def _seconds(t: float) -> str:
    if t < 1e-3:
        return f"{t * 1e6:.0f} us"
    if t < 1:
        return f"{t * 1e3:.1f} ms"
    return f"{t:.2f} s"
