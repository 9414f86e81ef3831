"""How long `make check` and `make test` take: wall seconds and CPU seconds, medians of several runs.

Issue 14's budgets are 30 s for `make check` and 2 min for `make test` on a 2-core machine. A shared
machine is noisy, so each run also prints the load average before it and the CPU seconds the run's
processes used (getrusage of the finished children): when another job slows a run down, its wall time
grows much more than its CPU time. The first run of a target warms caches (compiled modules, the
build server's templates) like an editor's first run after a pull; the median leaves it in.

    python -m bench.test_time --targets check test --runs 3
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = {"check": 30.0, "test": 120.0}


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + system seconds of every process the run waited for
    load: float  # 1-minute load average just before the run
    ok: bool


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(target: str, log: Path) -> Run:
    load = os.getloadavg()[0]
    cpu_before = _children_cpu()
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.run(["make", target], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
    return Run(time.perf_counter() - start, _children_cpu() - cpu_before, load, proc.returncode == 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.test_time", description=__doc__.splitlines()[0])
    parser.add_argument("--targets", nargs="+", default=["check"], choices=sorted(BUDGET_SECONDS))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    logs = ROOT / ".cache" / "bench-test-time"
    logs.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores; logs in {logs.relative_to(ROOT)}/")
    for target in args.targets:
        runs = []
        for n in range(1, args.runs + 1):
            run = run_once(target, logs / f"{target}-{n}.log")
            runs.append(run)
            status = "passed" if run.ok else "FAILED"
            print(f"make {target} #{n}: {run.wall:6.1f} s wall, {run.cpu:6.1f} CPU-s, load {run.load:4.1f}, {status}")
        wall = statistics.median(r.wall for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        budget = BUDGET_SECONDS[target]
        print(
            f"make {target}: median {wall:.1f} s wall ({wall / budget:.2f} of the {budget:.0f} s budget), "
            f"{cpu:.1f} CPU-s; {sum(r.ok for r in runs)} of {len(runs)} passed"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
