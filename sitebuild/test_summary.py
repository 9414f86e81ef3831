"""One closing line for `make test` and `make check`: node's and pytest's results added together.

Node's test runner writes TAP (`--test-reporter=tap`), pytest a JUnit XML file (`--junitxml`);
this reads both and prints what a person (and CI) reads last:

    node --test: 29 passed, 0 failed · pytest: 253 passed, 0 failed, 1 skipped
    282 passed, 0 failed
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Counts:
    passed: int = 0
    failed: int = 0
    skipped: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.passed + other.passed, self.failed + other.failed, self.skipped + other.skipped)

    def __str__(self) -> str:
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return f"{self.passed} passed, {self.failed} failed{skipped}"


def node_counts(tap: str) -> Counts:
    """From the closing comments of node's TAP output (# pass N, # fail N, # cancelled N, # skipped N)."""
    found = re.findall(r"^# (pass|fail|cancelled|skipped|todo) (\d+)$", tap, re.M)
    numbers = {key: int(value) for key, value in found}
    failed = numbers.get("fail", 0) + numbers.get("cancelled", 0)
    return Counts(numbers.get("pass", 0), failed, numbers.get("skipped", 0))


def pytest_counts(junit_xml: str) -> Counts:
    """From pytest's JUnit XML: tests − failures − errors − skipped passed."""
    root = ElementTree.fromstring(junit_xml)
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = failed = skipped = 0
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return Counts(total - failed - skipped, failed, skipped)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitebuild.test_summary", description=__doc__.splitlines()[0])
    parser.add_argument("--node-tap", type=Path, nargs="*", default=[], help="TAP files, one per `node --test` target")
    parser.add_argument("--pytest-xml", type=Path, required=True)
    args = parser.parse_args(argv)
    parts, total = [], Counts()
    sources: list[tuple[str, Path, Callable[[str], Counts]]]
    sources = [("node --test", path, node_counts) for path in args.node_tap]
    sources.append(("pytest", args.pytest_xml, pytest_counts))
    node_total = Counts()
    for label, path, read in sources:
        if not path.exists():
            parts.append(f"{label}: no results ({path} is missing)")
            total += Counts(failed=1)
            continue
        counts = read(path.read_text(encoding="utf-8"))
        if read is node_counts:
            node_total += counts
        else:
            parts.append(f"{label}: {counts}")
        total += counts
    if args.node_tap:
        parts.insert(0, f"node --test: {node_total}")
    print(" · ".join(parts))
    print(total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
