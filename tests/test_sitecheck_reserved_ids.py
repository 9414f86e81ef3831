"""Issue 25, class 4: ids the theme and the site's scripts read cannot be taken by page content."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import reserved_ids
from sitecheck.project import Page

from .conftest import ROOT, BuildResult
from .sitecheck_support import replace_in, run_check

RESERVED = reserved_ids.reserved_ids(ROOT.resolve())


def test_the_reserved_set_is_read_from_the_theme_the_macros_and_the_scripts() -> None:
    # Each source adds its own: Material's template, the claim data macro, the builder's script.
    assert {"__config", "__search", "claim-data", "claim-builder"} <= RESERVED


def test_the_real_site_passes(built_site: BuildResult) -> None:
    assert run_check(reserved_ids.NAME, ROOT, built_site.site) == []


def _page(body: str) -> Page:
    text = f"---\ntitle: T\n---\n\n{body}\n"
    return Page("t.md", "docs/t.md", text, {"title": "T"}, 4)


@pytest.mark.parametrize(
    "body",
    [
        '<div id="__config">{"features": ["content.tooltips"]}</div>',
        '<div id="__palette_0"></div>',
        '<script type="application/json" id="claim-data">{"recipients": {}}</script>',
        '<span id="claim-builder"></span>',
        '<input type="checkbox" name="__search">',
        "## Данные { #claim-data }",
        '## Данные { id="__config" }',
        "- пункт {: #__toc }",
        '<div data-md-component="announce">x</div>',
    ],
)
def test_content_may_not_take_a_reserved_id(body: str) -> None:
    problems = reserved_ids.source_problems(_page(body), RESERVED)
    assert [p.line for p in problems] == [5], problems
    assert problems[0].fix


def test_ordinary_ids_pass() -> None:
    assert reserved_ids.source_problems(_page('## Сроки { #sroki }\n\n<div id="sroki-tablica"></div>'), RESERVED) == []


def test_a_page_owns_the_box_its_script_fills_once() -> None:
    page = _page('<div id="claim-builder" class="claim-builder"></div>')
    assert reserved_ids.source_problems(page, RESERVED, frozenset({"claim-builder"})) == []


def test_a_second_element_with_a_read_id_in_the_built_page() -> None:
    """A heading whose slug is a reserved id, beside the macro's block (what only the build makes)."""
    html = ('<h2 id="claim-data">Данные</h2><script type="application/json" id="claim-data">{}</script>'
            '<div id="__config"></div><script id="__config" type="application/json">{}</script><p id="x"></p>')
    assert reserved_ids.duplicate_problems(html, RESERVED) == [("__config", 2), ("claim-data", 2)]


def test_a_clobbering_element_is_reported_at_its_source_line(project_copy: Path) -> None:
    page = project_copy / "docs" / "konstruktor-pretenzii.md"
    replace_in(page, "{{ claim_data(", '<div id="claim-data" data-x="1"></div>\n\n{{ claim_data(')
    line = page.read_text(encoding="utf-8").split("\n").index('<div id="claim-data" data-x="1"></div>') + 1
    problems = run_check(reserved_ids.NAME, project_copy)
    assert [(p.path, p.line) for p in problems] == [("docs/konstruktor-pretenzii.md", line)], problems
