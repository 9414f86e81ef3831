"""The CLI: `path:line: problem. Fix: …` lines, exit 1 on errors, and every check registered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitecheck.__main__ import main
from sitecheck.checks import CHECKS
from sitecheck.problems import Problem

from .conftest import ROOT
from .sitecheck_support import append_to, replace_in
from .test_sitecheck_references import add_unused_contact

LINE = re.compile(r"^[^:\s]+:\d+: (warning: )?.+\.( Fix: .+)?$")


def test_problem_format() -> None:
    assert str(Problem("docs/a.md", 3, "link is broken", "fix it")) == "docs/a.md:3: link is broken. Fix: fix it"
    assert str(Problem("data/c.yml", 9, "unused.", severity="warning")) == "data/c.yml:9: warning: unused."


def test_every_check_module_is_registered() -> None:
    not_checks = {
        "__init__", "__main__", "checks", "context", "problems", "project", "staleness", "linkcheck", "known_errors",
        "policy_files", "contact_claims",
    }
    modules = {p.stem for p in (ROOT / "sitecheck").glob("*.py")} - not_checks
    registered = {check.__module__.rsplit(".", 1)[1] for check in CHECKS.values()}
    assert modules == registered


def test_cli_reports_every_broken_thing_at_once_and_fails(
    project_copy: Path, built_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make sitecheck` runs this as `python -m sitecheck` (__main__ exits with what main returns)."""
    append_to(project_copy / "docs" / "slovar.md", '\nЗвоните 8 800 555-49-43, см. статья 18.\n{{ phonee("x") }}\n')
    replace_in(built_copy / "slovar" / "index.html", "</article>", '<a href="nope/">x</a></article>')
    code = main(["--root", str(project_copy), "--site", str(built_copy)])
    out, err = capsys.readouterr()
    assert code == 1, out + err
    lines = out.splitlines()
    assert all(LINE.match(line) for line in lines), "\n".join(lines)
    for needle in ("typed by hand", "written out as a word", "phonee", 'href="nope/"'):
        assert any(needle in line for line in lines), needle
    assert "error(s)" in err


def test_cli_passes_when_only_warnings(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_unused_contact(project_copy)
    only = ["references", "data", "content", "hand-typed-contacts", "external-links"]
    assert main(["--root", str(project_copy), "--only", *only]) == 0
    assert "warning:" in capsys.readouterr().out


def test_cli_without_site_says_what_it_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "--only", "html-links"]) == 0
    assert "skipped html-links" in capsys.readouterr().err


def test_cli_refuses_a_missing_site(tmp_path: Path) -> None:
    assert main(["--root", str(ROOT), "--site", str(tmp_path)]) == 2
