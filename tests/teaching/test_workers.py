"""A worker that dies or hangs costs its own record, named, and nothing else."""

import os
import time

from dlcourse.teaching.workers import run_jobs


def _work(key):
    if key == "dies":
        os._exit(3)
    if key.startswith("hangs"):
        if " " in key:  # where to say who it is
            with open(key.split(" ", 1)[1], "a") as file:
                file.write(f"{os.getpid()}\n")
        time.sleep(600)
    if key == "raises":
        raise RuntimeError("a bug in the grader")
    return {"notebook": key, "fine": True}


def _failed(key, why, pid):
    return {"notebook": key, "failed": why, "pid": pid}


def test_dead_hung_and_failing_workers_are_named_and_the_others_finish():
    stopped = []
    start = time.monotonic()
    records = {
        key: record
        for key, record in run_jobs(
            ["a", "dies", "b", "hangs", "raises", "c"],
            _work,
            jobs=2,
            deadline_s=3,
            failed=_failed,
            stopped=stopped.append,
        )
    }
    assert time.monotonic() - start < 30
    assert all(records[key].get("fine") for key in "abc")
    assert records["dies"]["failed"] == "the grading process died (exit code 3)"
    assert "did not finish in time" in records["hangs"]["failed"]
    assert "without a record" in records["raises"]["failed"]
    # every worker without a record has its kernels ended, after its record was made
    assert sorted(stopped) == sorted(records[k]["pid"] for k in ("dies", "hangs", "raises"))


def test_stopping_early_leaves_no_worker_behind(tmp_path):
    pids = tmp_path / "pids"
    keys = ["a", f"hangs {pids}", f"hangs {pids} "]
    jobs = run_jobs(keys, _work, jobs=3, deadline_s=60, failed=_failed)
    assert next(jobs)[0] == "a"
    for _ in range(100):
        if pids.exists() and len(pids.read_text().split()) == 2:
            break
        time.sleep(0.1)
    hung = [int(pid) for pid in pids.read_text().split()]
    assert all(_alive(pid) for pid in hung)
    jobs.close()  # what Ctrl-C does to the loop
    assert not any(_alive(pid) for pid in hung)


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as file:
            return file.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
