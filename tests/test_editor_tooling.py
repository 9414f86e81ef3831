"""Editors' commands: `make help` lists every target; `make test` ends with one summary line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from sitebuild.test_summary import Counts, main, node_counts, pytest_counts

from .conftest import ROOT

# A rule line: `name: prerequisites` (not `name := value`, not .PHONY, not a pattern or variable target).
_RULE = re.compile(r"^(?P<name>[a-zA-Z0-9][a-zA-Z0-9_.-]*):(?![:=])(?P<rest>.*)$")


def _makefiles() -> list[Path]:
    return [ROOT / "Makefile", *sorted((ROOT / "mk").glob("*.mk"))]


def _targets_with_recipes() -> dict[str, Path]:
    """Every target that has a recipe (a rule line followed by a tab-indented line)."""
    found: dict[str, Path] = {}
    for path in _makefiles():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = _RULE.match(line)
            has_recipe = number + 1 < len(lines) and lines[number + 1].startswith("\t")
            if match and has_recipe and "=" not in match["rest"].split("##")[0]:
                found.setdefault(match["name"], path)
    return found


def test_every_target_has_a_description() -> None:
    described = set()
    for path in _makefiles():
        described |= {m["name"] for line in path.read_text(encoding="utf-8").splitlines()
                      if (m := _RULE.match(line)) and "## " in m["rest"]}
    missing = {name: path.name for name, path in _targets_with_recipes().items() if name not in described}
    assert not missing, f"add a `## what it does` comment on the target's line: {missing}"


def test_make_help_lists_every_target() -> None:
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    listed = {line.split()[1] for line in out.splitlines() if line.strip().startswith("make ")}
    assert set(_targets_with_recipes()) <= listed
    assert all(len(line.split(None, 2)) == 3 for line in out.splitlines()), "every target with its description"


TAP = """TAP version 13
ok 1 - adds
not ok 2 - rounds
1..2
# tests 3
# pass 1
# fail 1
# cancelled 1
# skipped 0
"""
JUNIT = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" errors="1" failures="2"
 skipped="3" tests="20" time="1.0"></testsuite></testsuites>"""


def test_counts_from_node_and_pytest() -> None:
    assert node_counts(TAP) == Counts(passed=1, failed=2)
    assert pytest_counts(JUNIT) == Counts(passed=14, failed=3, skipped=3)
    assert str(Counts(15, 5, 3)) == "15 passed, 5 failed, 3 skipped"


def test_summary_ends_with_one_plain_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "claim.tap").write_text(TAP, encoding="utf-8")
    (tmp_path / "pytest.xml").write_text(JUNIT, encoding="utf-8")
    main(["--node-tap", str(tmp_path / "claim.tap"), "--pytest-xml", str(tmp_path / "pytest.xml")])
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2] == "node --test: 1 passed, 2 failed · pytest: 14 passed, 3 failed, 3 skipped"
    assert lines[-1] == "15 passed, 5 failed, 3 skipped"


def test_missing_results_count_as_a_failure(tmp_path: Path, capsys) -> None:
    main(["--pytest-xml", str(tmp_path / "none.xml")])
    assert capsys.readouterr().out.splitlines()[-1] == "0 passed, 1 failed"


def test_make_schema_prints_the_committed_schema_without_warnings() -> None:
    """`make schema` once printed runpy's RuntimeWarning (python -m on a module its package imports)."""
    dry_run = ["make", "-n", "-s", "schema", f"PY={sys.executable}"]  # this interpreter, in a copy without .venv too
    command = subprocess.run(dry_run, cwd=ROOT, capture_output=True, text=True, check=True)
    recipes = [line for line in command.stdout.strip().splitlines() if " > schemas/" in line]
    assert len(recipes) >= 2, command.stdout  # contacts and the legal rule register
    for line in recipes:
        recipe, target = line.split(" > ")
        done = subprocess.run(["bash", "-c", recipe], cwd=ROOT, capture_output=True, text=True, check=True)
        assert done.stderr == ""
        assert done.stdout == (ROOT / target.strip()).read_text(encoding="utf-8"), target

