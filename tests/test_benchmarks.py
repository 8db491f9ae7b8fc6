"""The GPU benchmark script still runs (on the CPU, small data), so a GPU session can use it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")


def test_gpu_benchmark_script_runs_on_the_cpu():
    script = Path(__file__).parents[1] / "benchmarks" / "gpu.py"
    out = subprocess.run(
        [sys.executable, str(script), "--device", "cpu", "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "SCIPY_ARRAY_API": "1"},
    )
    assert out.returncode == 0, out.stderr
    for workload in ("full-batch GD step", "mini-batch SGD epoch", "Gram pass"):
        assert workload in out.stdout
    assert "device: CPU" in out.stdout
