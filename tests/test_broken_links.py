"""A broken link is the error of the page that has it: a guide's bad anchor is reported against the guide's
file and line (issue 14), never against the booklet that includes the guide."""

from __future__ import annotations

import pytest

from .broken_links_copy import GROUP, BrokenLinks

# Every test reads one build of one broken copy (tests/broken_links_copy.py): one worker makes it.
pytestmark = pytest.mark.xdist_group(GROUP)


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
