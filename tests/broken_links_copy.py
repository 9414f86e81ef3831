"""One copy of the project with broken links, a page missing from the nav and wrong macro calls, built once.

The build reads every page and then reports all of these together, so they fit in one copy and one strict
build (two to three seconds): the tests of the project's link messages (tests/test_broken_links.py), of
MkDocs' own warnings with file and line (tests/test_serve_errors.py) and of wrong macro calls
(tests/wrong_calls_copy.py says which) read it. That the build names each of them in one run is what an
editor needs too (issue 28, «every mistake, at once»). They carry `pytest.mark.xdist_group(GROUP)`, so one
worker builds it (dev/testing.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sitebuild import BuildResult, copy_project

from .wrong_calls_copy import WrongCalls, add_wrong_calls

GROUP = "broken-links"
MISSING_PAGE_LINK = "[нет такой страницы](net-takoy-stranicy.md)"
NOT_IN_NAV = "docs/lishnyaya.md"


@dataclass(frozen=True)
class BrokenLinks:
    """Three bad anchors, a link to a missing page and a page missing from the nav; the build reports each."""

    project: Path
    result: BuildResult
    other_guide_line: int  # docs/brak.md: a link to a heading docs/vozvrat-tovara.md does not have
    same_page_line: int  # docs/zakaz-poteryalsya.md: a link to a heading of its own that does not exist
    missing_page_line: int  # docs/slovar.md: MISSING_PAGE_LINK
    # and docs/index.md (not a guide) links to a heading docs/zakaz-poteryalsya.md does not have,
    # and NOT_IN_NAV is a page that mkdocs.yml's nav does not list
    wrong_calls: WrongCalls  # the macro calls of tests/wrong_calls_copy.py, in the same build


def make_broken_links(dest: Path, build: Callable[[Path], BuildResult]) -> BrokenLinks:
    project = copy_project(dest)
    bad_link = "См. [сроки возврата](vozvrat-tovara.md#net-takogo-zagolovka)."
    other_guide_line = _inject(project, "brak.md", "## Подробно", bad_link)
    same_page_line = _inject(project, "zakaz-poteryalsya.md", "## Подробно", "Вернитесь [к началу](#net-takogo).")
    _append(project, "index.md", "[x](zakaz-poteryalsya.md#net-takoy-glavy)")
    missing_page_line = _append(project, "slovar.md", MISSING_PAGE_LINK)
    (project / NOT_IN_NAV).write_text("---\ntitle: Лишняя\n---\n\nТекст.\n", encoding="utf-8")
    calls = add_wrong_calls(project)
    result = build(project)
    return BrokenLinks(
        project, result, other_guide_line, same_page_line, missing_page_line, calls.built(project, result)
    )


def _inject(project: Path, guide: str, after: str, line: str) -> int:
    """Put `line` into docs/<guide> after the first line starting with `after`; return its line number."""
    path = project / "docs" / guide
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines) if text.startswith(after)) + 1
    lines[at:at] = ["", line, ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 2  # 1-based, after the blank line


def _append(project: Path, page: str, line: str) -> int:
    """Add `line` at the end of docs/<page>, after a blank line; return its line number."""
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")
