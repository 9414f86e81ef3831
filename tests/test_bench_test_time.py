"""bench/test_time.py counts the CPU of every process a run starts, orphans (Chromium's helpers) included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.test_time import busy_seconds

from .conftest import ROOT

pytestmark = pytest.mark.machinery

# A run that starts a process and leaves without waiting for it; the orphan burns CPU_SECONDS of CPU.
CPU_SECONDS = 0.3
BURN = f"import time\nstart = time.process_time()\nwhile time.process_time() - start < {CPU_SECONDS}: pass"
LEAVE_AN_ORPHAN = f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {BURN!r}])"


def _timed_in_a_new_process(tmp_path: Path, subreaper: bool) -> dict[str, float]:
    """run_once of LEAVE_AN_ORPHAN in a process of its own (becoming a subreaper is for life)."""
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from bench.test_time import become_subreaper, run_once\n"
        f"counted = become_subreaper() if {subreaper} else False\n"
        f"run = run_once([sys.executable, '-c', {LEAVE_AN_ORPHAN!r}], Path({str(tmp_path / 'log')!r}), grace=60)\n"
        "print(json.dumps({'counted': counted, 'cpu': run.cpu, 'left': run.left_running, 'ok': run.ok}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_an_orphans_cpu_counts(tmp_path: Path) -> None:
    run = _timed_in_a_new_process(tmp_path, subreaper=True)
    assert run["counted"], "prctl(PR_SET_CHILD_SUBREAPER) failed on this Linux"
    assert run["ok"] and run["left"] == 0
    assert run["cpu"] >= CPU_SECONDS * 0.9, f"the orphan's {CPU_SECONDS} CPU-s were not counted: {run}"


def test_without_the_subreaper_the_orphan_is_missed(tmp_path: Path) -> None:
    """What the subreaper is for: getrusage alone never sees a process its parent did not wait for."""
    run = _timed_in_a_new_process(tmp_path, subreaper=False)
    assert run["cpu"] < CPU_SECONDS * 0.5, run


def test_busy_seconds_leave_idle_and_iowait_out() -> None:
    # user nice system idle iowait irq softirq steal guest guest_nice, in ticks
    stat = "cpu  100 20 30 400 50 6 7 8 0 0\ncpu0 50 10 15 200 25 3 3 4 0 0\n"
    assert busy_seconds(stat, 100) == pytest.approx(1.71)
    with pytest.raises(AssertionError, match="not /proc/stat"):
        busy_seconds("intr 1 2 3\n", 100)
