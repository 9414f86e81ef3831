"""A broken link is the error of the page that has it: a guide's bad anchor is reported against the guide's
file and line (issue 14), never against the booklet that includes the guide."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import BuildResult, build, copy_project

# Both tests read one build of one broken copy: one worker runs them (pytest-xdist --dist loadgroup).
pytestmark = pytest.mark.xdist_group("broken-links")


def _inject(project: Path, guide: str, after: str, line: str) -> int:
    """Put `line` into docs/<guide> after the first line starting with `after`; return its line number."""
    path = project / "docs" / guide
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines) if text.startswith(after)) + 1
    lines[at:at] = ["", line, ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 2  # 1-based, after the blank line


def _append(project: Path, page: str, line: str) -> None:
    """Add `line` at the end of docs/<page>, after a blank line."""
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n", encoding="utf-8")


@dataclass
class BrokenLinks:
    """One copy with three bad anchors and a link to a missing page, built once: the build reports each."""

    result: BuildResult
    other_guide_line: int  # docs/brak.md: a link to a heading docs/vozvrat-tovara.md does not have
    same_page_line: int  # docs/zakaz-poteryalsya.md: a link to a heading of its own that does not exist
    # and docs/index.md (not a guide) links to a heading docs/zakaz-poteryalsya.md does not have,
    # and docs/slovar.md to a page that does not exist


@pytest.fixture(scope="module")
def broken_links(tmp_path_factory: pytest.TempPathFactory) -> BrokenLinks:
    project = copy_project(tmp_path_factory.mktemp("anchors") / "project")
    bad_link = "См. [сроки возврата](vozvrat-tovara.md#net-takogo-zagolovka)."
    other_guide_line = _inject(project, "brak.md", "## Подробно", bad_link)
    same_page_line = _inject(project, "zakaz-poteryalsya.md", "## Подробно", "Вернитесь [к началу](#net-takogo).")
    _append(project, "index.md", "[x](zakaz-poteryalsya.md#net-takoy-glavy)")
    _append(project, "slovar.md", "[нет такой страницы](net-takoy-stranicy.md)")
    return BrokenLinks(build(project), other_guide_line, same_page_line)


def test_bad_anchor_to_another_guide_names_the_guide_line_and_heading(broken_links: BrokenLinks) -> None:
    result, line = broken_links.result, broken_links.other_guide_line
    assert not result.ok, "a broken anchor must fail the strict build"
    assert f"docs/brak.md:{line}:" in result.output, result.output[-3000:]
    assert "#net-takogo-zagolovka" in result.output and "docs/vozvrat-tovara.md does not have" in result.output
    # MkDocs' own message is not hidden by the booklet hook, and the booklet is not blamed
    assert "Doc file 'brak.md' contains a link 'vozvrat-tovara.md#net-takogo-zagolovka'" in result.output
    assert "docs/pechat.md" not in result.output, result.output[-3000:]


def test_bad_anchor_on_the_same_page_names_the_guide_and_line(broken_links: BrokenLinks) -> None:
    result, line = broken_links.result, broken_links.same_page_line
    assert not result.ok
    assert f"docs/zakaz-poteryalsya.md:{line}:" in result.output and "«#net-takogo»" in result.output
    assert "this page does not have" in result.output
    assert "docs/pechat.md" not in result.output, result.output[-3000:]


def test_bad_anchor_on_a_page_that_is_not_a_guide_stops_the_build(broken_links: BrokenLinks) -> None:
    result = broken_links.result
    assert not result.ok
    assert "#net-takoy-glavy" in result.output, result.output[-3000:]
    assert "Doc file 'index.md' contains a link 'zakaz-poteryalsya.md#net-takoy-glavy'" in result.output


def test_strict_build_refuses_markdown_link_to_missing_page(broken_links: BrokenLinks) -> None:
    """Markdown links are the build's job (validation: in mkdocs.yml); prove it does it."""
    result = broken_links.result
    assert not result.ok
    assert "slovar.md" in result.output and "net-takoy-stranicy.md" in result.output
