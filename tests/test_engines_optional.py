"""``dlcourse lesson1`` from a cold numba cache and without numba: the same numbers."""

import json
import math
import os
import subprocess
import sys

import pytest

# ``import numba`` raises ImportError when sys.modules holds None for it: a numba-less install
BLOCK_NUMBA = "import sys; sys.modules['numba'] = None\n"


def _lesson1_in_a_new_process(out, cache, prelude=""):
    script = (
        f"{prelude}import sys\n"
        "from dlcourse.cli import main\n"
        "from dlcourse.engines import compiled\n"
        f"status = main(['lesson1', '--out', {str(out)!r}, '--seed', '3', '--quiet'])\n"
        "print('engine available:', compiled.AVAILABLE)\n"
        "sys.exit(status)\n"
    )
    env = dict(os.environ, NUMBA_CACHE_DIR=str(cache))
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.splitlines()[-1], json.loads((out / "results.json").read_text())


def _differences(a, b, path="results"):
    """Where two results.json trees differ beyond rounding (rtol 1e-9, as NumPy's loop and the
    compiled one agree to 1e-12 per fit and a run chains many fits)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{path}: keys {sorted(a.keys() ^ b.keys())}"]
        return [d for k in a for d in _differences(a[k], b[k], f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: lengths {len(a)} and {len(b)}"]
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _differences(x, y, f"{path}[{i}]")
        ]
    if isinstance(a, float) or isinstance(b, float):
        same = (
            a == b
            or (math.isnan(a) and math.isnan(b))
            or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
        )
        return [] if same else [f"{path}: {a!r} and {b!r}"]
    return [] if a == b else [f"{path}: {a!r} and {b!r}"]


def test_differences_sees_a_changed_number():
    # the comparison itself, on a planted change: a digit in the tenth place is a difference
    a = {"loss": [0.5, 0.25], "seed": 3, "name": "x"}
    assert _differences(a, json.loads(json.dumps(a))) == []
    assert _differences(a, {**a, "loss": [0.5, 0.25 * (1 + 1e-12)]}) == []
    assert _differences(a, {**a, "loss": [0.5, 0.250000001]}) != []
    assert _differences(a, {**a, "seed": 4}) == ["results.seed: 3 and 4"]


@pytest.mark.parametrize("numba", ["an empty cache", "blocked"])
def test_lesson1_gives_the_compiled_runs_numbers(numba, lesson1_output, tmp_path):
    pytest.importorskip("numba", reason="the reference run is the compiled one")
    _, compiled_out = lesson1_output
    expected = json.loads((compiled_out / "results.json").read_text())
    cache = tmp_path / "numba_cache"
    prelude = BLOCK_NUMBA if numba == "blocked" else ""
    engine, results = _lesson1_in_a_new_process(tmp_path / "out", cache, prelude)
    assert engine == f"engine available: {numba != 'blocked'}"
    compiled_files = list(cache.rglob("*.nbi")) if cache.exists() else []
    assert bool(compiled_files) == (numba != "blocked")  # compiled into the empty cache, or not
    assert _differences(results, expected) == []
