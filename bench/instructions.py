"""Build cost in instructions (valgrind callgrind): bench-build's ratios without the machine's noise.

    python -m bench.instructions --size 200

The machine is shared: the same build's CPU time moved by up to 50 % between consecutive runs here,
so a 15 % overhead cannot be read off one pair of timings. Callgrind counts the instructions the
build executes, which is the same for the same inputs however busy the machine is. It runs about
50 times slower, so this benchmark uses a smaller site (200 synthetic guides by default) and builds
the ways in parallel, one per core: this project's configuration, stock Material (no prune, no
nav cache) and the same pages pre-rendered without the macros plugin (see bench/build.py).
Zensical is left out: much of its work runs in compiled Rust on several threads, and an
instruction count compares poorly between compiled code and Python (bench-build times it).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sitebuild.synthetic import make_project

from .build import PRERENDERED, STOCK, Way, check_guides, comparison_ways

_TOTAL = re.compile(r"^==\d+== Collected : (\d+)$", re.M)


@dataclass(frozen=True)
class Count:
    instructions: int | None  # None when the build failed or its output was wrong
    problem: str = ""


def parse_total(callgrind_stderr: str) -> int | None:
    """The «Collected : N» line callgrind prints when the program ends."""
    found = _TOTAL.findall(callgrind_stderr)
    return int(found[-1]) if found else None


def count(way: Way, guides: int, out: Path) -> Count:
    # a fixed hash seed: set and dict orders, and so the work done, are the same from run to run
    env = dict(way.env, PYTHONHASHSEED="0")
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *way.command]
    proc = subprocess.run(command, cwd=way.cwd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return Count(None, f"failed (exit {proc.returncode}): " + proc.stderr.strip()[-800:])
    check = check_guides(way.site, guides)
    if check.problems:
        return Count(None, "wrong output: " + "; ".join(check.problems))
    total = parse_total(proc.stderr)
    return Count(total, "" if total else "no «Collected» line from callgrind")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200, help="synthetic guides next to the real ones")
    parser.add_argument("--keep", type=Path, default=None, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench-instructions needs valgrind: apt-get install valgrind")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-instructions-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    copy = make_project(args.size, work / f"guides-{args.size}")
    ways = comparison_ways(copy, work, env, zensical_bin=None)
    print(
        f"bench-instructions: {args.size} synthetic guides, {len(ways)} ways under callgrind, "
        f"{os.cpu_count()} at a time",
        flush=True,
    )
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = pool.map(lambda w: count(w, args.size, work / f"callgrind-{w.label.split()[0]}.out"), ways)
        counts = dict(zip((w.label for w in ways), results, strict=True))
    for label, result in counts.items():
        figure = f"{result.instructions / 1e9:8.2f} G instructions" if result.instructions else result.problem
        print(f"  {label:<40} {figure}")
    project = counts["project"].instructions
    targets = {STOCK: "<= 0.3 at 1000 guides", PRERENDERED: "<= 1.15"}
    for label, result in counts.items():
        if label != "project" and project and result.instructions:
            print(f"  {'project / ' + label:<40} {project / result.instructions:.3f}x   (target {targets[label]})")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
