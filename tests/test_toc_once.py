"""overrides/partials/toc.html renders a page's table of contents once and writes it in both of its places.

Every page but a booklet shows the same list in the drawer (Material's partials/nav-item.html includes the
partial) and in the sidebar (base.html): the second include writes the first one's text (`toc_once`, made
new for each page by overrides/main.html). Checked against Material's own partials/toc.html on every page
of docs/ and on synthetic guides (the same text as the partial rendered alone, and Material's own list but
for the override's indentation), with the second include reading no heading of the page; a booklet's two
lists differ (the drawer's is shorter), so there both are rendered as before. The real site and 1000
synthetic guides built before and after the change were byte-identical (diff -r, dev/quality.md).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import markdown
import pytest
from jinja2 import Environment
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.toc import TableOfContents, get_toc

import material
from macros.front_matter import front_matter_block
from sitebuild.synthetic import _guide

from .conftest import ROOT

pytestmark = pytest.mark.machinery

MATERIAL_TOC = Path(material.__file__).parent / "templates" / "partials" / "toc.html"
# The two places, as base.html and nav-item.html reach the partial: Material's language macros imported
# with the page's context, the drawer's copy inside the navigation (where `nav_item` is defined).
BOTH_PLACES = (
    '{% import "partials/language.html" as lang with context %}'
    "{% set toc_once = namespace(html=none) %}"
    '{% set nav_item = page %}{% include "partials/toc.html" %}\x00'
    '{% set nav_item = undefined_name %}{% include "partials/toc.html" %}'
)
ONE_PLACE = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'
MATERIAL_ONE_PLACE = '{% import "partials/language.html" as lang with context %}' + MATERIAL_TOC.read_text(
    encoding="utf-8"
)


class CountingPage:
    """What the partial reads of a page, counting how often it asks for the headings."""

    def __init__(self, toc: TableOfContents, is_booklet: bool = False) -> None:
        self._toc = toc
        self.meta = {"is_booklet": is_booklet}
        self.toc_reads = 0

    @property
    def toc(self) -> TableOfContents:
        self.toc_reads += 1
        return self._toc


@pytest.fixture(scope="module")
def theme() -> tuple[Environment, MkDocsConfig]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.theme.get_env(), config


def _tocs(config: MkDocsConfig) -> list[TableOfContents]:
    texts = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        found = front_matter_block(text)
        texts.append(text[found[1]:] if found else text)
    rng = random.Random(28)
    ids = {"PHONE": "p", "CHAT": "c", "FORM": "f", "ADDRESS": "a"}
    texts += [_guide(number, rng, ids)[1].split("---\n", 2)[2] for number in range(1, 6)]
    tocs = []
    for text in texts:
        converter = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
        converter.convert(text)
        tocs.append(get_toc(converter.toc_tokens))
    return tocs


def _render(env: Environment, source: str, config: MkDocsConfig, page: Any) -> str:
    return env.from_string(source).render(config=config, page=page)


def test_both_places_show_materials_list_rendered_once(theme: tuple[Environment, MkDocsConfig]) -> None:
    env, config = theme
    tocs = _tocs(config)
    assert sum(1 for toc in tocs if list(toc)) > 30  # pages with headings: the comparison compares lists
    for toc in tocs:
        page = CountingPage(toc)
        drawer, sidebar = _render(env, BOTH_PLACES, config, page).split("\x00")
        assert drawer == sidebar == _render(env, ONE_PLACE, config, CountingPage(toc))  # as before toc_once
        material_list = _render(env, MATERIAL_ONE_PLACE, config, CountingPage(toc))
        assert drawer.split() == material_list.split()  # Material's list; the override indents it differently
        assert page.toc_reads == 1  # the sidebar's copy is the drawer's text, not a second rendering


def test_a_booklets_two_lists_are_each_rendered(theme: tuple[Environment, MkDocsConfig]) -> None:
    env, config = theme
    toc = next(toc for toc in _tocs(config) if any(item.children for item in toc))  # a list with inner headings
    page = CountingPage(toc, is_booklet=True)
    drawer, sidebar = _render(env, BOTH_PLACES, config, page).split("\x00")
    assert page.toc_reads == 2
    assert sidebar == _render(env, ONE_PLACE, config, CountingPage(toc, is_booklet=True))
    assert drawer != sidebar  # the drawer lists the chapters without their inner headings


def test_a_template_without_a_page_renders_as_before(theme: tuple[Environment, MkDocsConfig]) -> None:
    env, config = theme
    assert _render(env, BOTH_PLACES, config, None).split("\x00") == [_render(env, ONE_PLACE, config, None)] * 2
