"""Helpers for the sitecheck tests: run one check on a broken copy and find its problem."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import ROOT, copy_project
from sitecheck.checks import CHECKS
from sitecheck.context import Context
from sitecheck.problems import Problem
from sitecheck.project import Project


def run_check(name: str, project: Path, site: Path | None = None) -> list[Problem]:
    return CHECKS[name](Context(Project(project), site))


def copy_with_pages(dest: Path, *pages: str) -> Path:
    """A copy of the project whose docs/ holds only `pages` (paths from the root; mkdocs.yml and data/ whole).

    For the checks that judge each page on its own (content: the short variant, citations, known errors):
    they then read one page instead of the site's forty, a tenth of the time. Whether a rule holds on every
    page is the real site's run (test_real_docs_pass); a check that compares pages needs a whole copy.
    """
    copy_project(dest, ("mkdocs.yml", "data"))
    for page in pages:
        (dest / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / page, dest / page)
    return dest


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Inject a defect: replace text that must be there (a vanished fixture text fails loudly)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}: {old!r}"
    _rewrite(path, text.replace(old, new, count))


def append_to(path: Path, extra: str) -> None:
    _rewrite(path, path.read_text(encoding="utf-8") + extra)


def _rewrite(path: Path, text: str) -> None:
    # Built copies are hard links to the session's build: unlink first so only the copy changes.
    path.unlink()
    path.write_text(text, encoding="utf-8")


def errors_about(problems: list[Problem], *needles: str) -> list[Problem]:
    """Errors whose text contains every needle."""
    return [p for p in problems if p.severity == "error" and all(n in str(p) for n in needles)]


def only_one(problems: list[Problem], *needles: str) -> Problem:
    found = errors_about(problems, *needles)
    assert len(found) == 1, f"expected one error with {needles}, got:\n" + "\n".join(map(str, problems))
    return found[0]
