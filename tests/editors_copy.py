"""One copy of the project after an editor's everyday edits, built once and checked once as `make check` does.

EDITING.md's «change a contact» for every contact and «retire a contact» for the most used one (its pages
switched to the replacement: sitebuild/contact_edits.py), and «Add a guide»: a correct new guide whose
words overlap other guides' (tests/fixtures/new-guide/), in the nav, with a buyer's query for it. Each
edit must pass the strict build, sitecheck and search quality the first time, and together they must too:
an editor adds a guide on the day a contact changes. A build, sitecheck and search quality cost some five
seconds, so the tests of both edits (tests/test_contact_edits.py, tests/test_search_quality.py) read this
one run. They carry `pytest.mark.xdist_group(GROUP)`, so one worker makes it (dev/testing.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from macros.contacts_data import ContactBook
from sitebuild import SITE_PARTS, BuildResult, copy_project
from sitebuild.contact_edits import Retirement, rewrite_every_contact, switch_pages
from sitecheck.__main__ import main as sitecheck_main

from .contact_picks import live_book

GROUP = "editors-copy"
CHECKED = dt.date(2026, 11, 1)  # any past day
NEW_GUIDE = Path(__file__).parent / "fixtures" / "new-guide" / "povrezhdennaya-posylka.md"
NEW_QUERY = "привезли мятую коробку с вмятинами"
QUALITY_TIMEOUT = 300  # seconds


@dataclass(frozen=True)
class Checked:
    """What one of `make check`'s steps said: its exit code and output."""

    returncode: int
    output: str


@dataclass(frozen=True)
class EditorsCopy:
    project: Path
    before: ContactBook  # the contacts before the edit
    after: ContactBook
    retirement: Retirement
    new_guide: str  # docs/<name>.md
    result: BuildResult
    sitecheck: Checked  # python -m sitecheck --site <the build>
    quality: Checked  # python -m bench.search_quality --site <the build>, in the copy (its own queries)


def make_editors_copy(dest: Path, build: Callable[[Path], BuildResult]) -> EditorsCopy:
    """Copy the project to `dest`, make both edits, build it with `build` (tests/conftest.py's), check it."""
    project = copy_project(dest, SITE_PARTS + ("bench", "sitebuild"))
    copy_project(project, ("tests/js",))  # the engine's loader, which bench/search_rank.mjs imports
    new_guide = _add_the_guide(project)
    before = live_book(project)
    retirement = rewrite_every_contact(project, CHECKED)
    # That the build stops on the retired contact's pages first is test_sitecheck_references' job.
    switch_pages(project / "docs", retirement.retired, retirement.replacement)
    result = build(project)
    if not result.ok:  # the tests show the build's output; the checks would only repeat it
        skipped = Checked(1, "not run: the build failed")
        return EditorsCopy(project, before, live_book(project), retirement, new_guide, result, skipped, skipped)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = sitecheck_main(["--root", str(project), "--site", str(result.site)])
    quality = subprocess.run(
        [sys.executable, "-m", "bench.search_quality", "--site", str(result.site)],
        cwd=project, capture_output=True, text=True, timeout=QUALITY_TIMEOUT, check=False,
    )
    return EditorsCopy(
        project, before, live_book(project), retirement, new_guide, result, Checked(status, out.getvalue()),
        Checked(quality.returncode, quality.stdout + quality.stderr),
    )


def _add_the_guide(project: Path) -> str:
    """EDITING.md «Add a guide»: the file, a line in the nav after a guide's, a buyer's query in the tuned set."""
    slug = NEW_GUIDE.stem
    (project / "docs" / NEW_GUIDE.name).write_text(NEW_GUIDE.read_text(encoding="utf-8"), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = next(line for line in text.splitlines() if line.strip() == "- brak.md")
    config.write_text(text.replace(anchor, f"{anchor}\n{anchor.replace('brak', slug)}", 1), encoding="utf-8")
    with (project / "bench" / "search_queries.yml").open("a", encoding="utf-8") as queries:
        queries.write(f"- {{q: {NEW_QUERY}, slug: {slug}}}\n")
    return f"docs/{NEW_GUIDE.name}"
