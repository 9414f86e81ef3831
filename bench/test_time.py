"""How long `make check` and `make test` take: wall seconds and CPU seconds, medians of several runs.

The budgets (issue 28, the owner's decision) are 20 s for `make check` and 3 min for `make test` on a 2-core
machine. A shared
machine is noisy, so each run also prints the load average before it. The CPU seconds are those of every
process the run started, Chromium's and nginx's included: this process becomes their "child subreaper"
(Linux), so a process whose parent left without waiting for it comes back here and is counted too.
Without that, getrusage misses about half of `make test` (Chromium's renderers, reaped by nobody). When
another job slows a run down, its wall time grows much more than its CPU time; the machine's busy
core-seconds (/proc/stat) beside the run's own show whether something else was running.

The first run of a target warms caches (compiled modules, the build server's templates) like an editor's
first run after a pull; the median leaves it in.

    python -m bench.test_time --targets check test --runs 3

`--modules` answers where the time goes: each test module alone, one after the other, on the site
`make sitecheck` built (--site), with its CPU seconds and share of the sum. A module alone also pays for
its own browser and nginx (a second or two), which `make test` shares between the modules of a worker.

    python -m bench.test_time --modules --site site
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = {"check": 20.0, "test": 180.0}  # issue 28: the owner's decision
_PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + system seconds of every process the run started (see become_subreaper)
    machine: float | None  # busy core-seconds of the whole machine meanwhile; None where unknown
    load: float  # 1-minute load average just before the run
    ok: bool
    left_running: int = 0  # processes the run started that still ran when it ended (not counted)


def become_subreaper() -> bool:
    """Make every orphan among this process's descendants a child of this process (Linux prctl), so that
    reap_orphans can wait for it and getrusage counts its CPU. False where the system has no such call."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap_orphans(grace: float = 3.0) -> int:
    """Wait for the orphans (a browser may still be closing when its test process has left), at most `grace`
    seconds; returns how many still run then: their CPU is not counted."""
    deadline = time.monotonic() + grace
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return 0
        if pid == 0:
            if time.monotonic() > deadline:
                return len(_own_children())
            time.sleep(0.05)


def _own_children() -> list[int]:
    """The processes whose parent is this one (from /proc)."""
    me, found = os.getpid(), []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == me:  # field 4, after the command's «(…)»
                found.append(int(entry.name))
    return found


def busy_seconds(proc_stat: str, ticks_per_second: int) -> float:
    """Core-seconds the machine spent busy since boot, from /proc/stat's «cpu» line (idle and iowait left out)."""
    fields = proc_stat.splitlines()[0].split()
    assert fields[0] == "cpu", f"not /proc/stat's first line: {fields[:1]}"
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(value) for value in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / ticks_per_second


def _machine_busy() -> float | None:
    try:
        return busy_seconds(Path("/proc/stat").read_text(encoding="ascii"), os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError):
        return None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], log: Path, env: dict[str, str] | None = None, grace: float = 3.0) -> Run:
    load = os.getloadavg()[0]
    cpu_before, busy_before = _children_cpu(), _machine_busy()
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    wall = time.perf_counter() - start
    left_running = reap_orphans(grace)
    busy_after = _machine_busy()
    machine = busy_after - busy_before if busy_before is not None and busy_after is not None else None
    return Run(wall, _children_cpu() - cpu_before, machine, load, proc.returncode == 0, left_running)


def _describe(run: Run) -> str:
    machine = f", machine busy {run.machine:6.1f} core-s" if run.machine is not None else ""
    left = f", {run.left_running} process(es) still running, not counted" if run.left_running else ""
    status = "passed" if run.ok else "FAILED"
    return f"{run.wall:6.1f} s wall, {run.cpu:6.1f} CPU-s{machine}, load {run.load:4.1f}, {status}{left}"


def time_targets(targets: list[str], runs: int, logs: Path) -> None:
    for target in targets:
        results = []
        for n in range(1, runs + 1):
            run = run_once(["make", target], logs / f"{target}-{n}.log")
            results.append(run)
            print(f"make {target} #{n}: {_describe(run)}", flush=True)
        wall = statistics.median(r.wall for r in results)
        cpu = statistics.median(r.cpu for r in results)
        budget = BUDGET_SECONDS[target]
        print(
            f"make {target}: median {wall:.1f} s wall ({wall / budget:.2f} of the {budget:.0f} s budget), "
            f"{cpu:.1f} CPU-s ({cpu / (os.cpu_count() or 1) / budget:.2f} of what {os.cpu_count()} cores give "
            f"in {budget:.0f} s); {sum(r.ok for r in results)} of {len(results)} passed"
        )


def time_modules(site: Path, modules: list[str], logs: Path) -> None:
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}: no built site; run `make sitecheck` first (make bench-test-modules does)")
    env = {**os.environ, "PREBUILT_SITE": str(site.resolve())}
    env.pop("SITE_READY", None)  # the site is already built: nothing to wait for
    env.pop("PYTEST_ADDOPTS", None)  # one process, no workers: its CPU is the module's own
    names = modules or sorted(path.name for path in (ROOT / "tests").glob("test_*.py"))
    timed: list[tuple[str, Run]] = []
    for name in names:
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"tests/{name}"]
        run = run_once(command, logs / f"module-{name}.log", env)
        timed.append((name, run))
        print(f"{name:40} {_describe(run)}", flush=True)
    total = sum(run.cpu for _, run in timed) or 1.0
    print(f"\nBy CPU ({total:.0f} CPU-s in all; each module alone, so each pays for its own browser):")
    running = 0.0
    for name, run in sorted(timed, key=lambda item: -item[1].cpu):
        running += run.cpu
        print(f"  {run.cpu:7.1f} CPU-s  {run.cpu / total:5.1%}  (first ones together {running / total:5.1%})  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.test_time", description=__doc__.splitlines()[0])
    parser.add_argument("--targets", nargs="+", default=["check"], choices=sorted(BUDGET_SECONDS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modules", nargs="*", metavar="TEST_FILE", help="time test modules alone (all if none named)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site the modules' tests read")
    args = parser.parse_args(argv)
    logs = ROOT / ".cache" / "bench-test-time"
    logs.mkdir(parents=True, exist_ok=True)
    counted = "every process of a run counted" if become_subreaper() else "CPU of orphaned processes not counted"
    print(f"{os.cpu_count()} cores; {counted}; logs in {logs.relative_to(ROOT)}/", flush=True)
    if args.modules is not None:
        time_modules(args.site, args.modules, logs)
    else:
        time_targets(args.targets, args.runs, logs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
