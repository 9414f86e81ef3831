"""Accessibility: axe-core finds nothing in light and dark palettes; the keyboard reaches everything."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import etree as lxml_etree
from lxml import html as lxml_html

from .conftest import ROOT, BuildResult
from .desktop_walk import DESKTOP, FIRST, SECOND, DesktopWalk, desktop_walk, shard_params
from .page_picks import booklet_page, first_guide, page_calling, section_booklets, url_of
from .shared_context import SharedContexts
from .site_pages import SCHEMES, axe_violations, forget_palette, open_page, page_paths, switch_palette

pytestmark = pytest.mark.browser


# The pages are checked in SHARDS parts, so test workers share them; together the parts hold every page,
# in each palette. Each part gets about as many bytes of HTML (axe's time grows with the page; the
# booklet is as large as all guides together).
SHARDS = 6


def shard_of_pages(site: Path, paths: list[str], shard: int) -> list[str]:
    """Part `shard` of `paths`: largest page first, each to the part with the fewest bytes so far."""

    def size(path: str) -> int:
        return (site / (path + "index.html" if path == "" or path.endswith("/") else path)).stat().st_size

    loads = [0] * SHARDS
    parts: list[list[str]] = [[] for _ in range(SHARDS)]
    for path in sorted(paths, key=lambda p: (-size(p), p)):
        lightest = loads.index(min(loads))
        parts[lightest].append(path)
        loads[lightest] += size(path)
    return sorted(parts[shard])


# What is the same on every page of a kind is audited on as few pages as show every kind of it. The header
# and the navigation sidebar are Material's chrome: on every page but the ones chrome_cover() picks, axe runs
# on everything else (the page's own content, its contents sidebar, its footer; the page-level rules too).
CHROME: tuple[str, ...] = ("header.md-header", ".md-sidebar--primary")
_CHROME_XPATH = ("//header[contains(concat(' ', normalize-space(@class), ' '), ' md-header ')]",
                 "//*[contains(concat(' ', normalize-space(@class), ' '), ' md-sidebar--primary ')]")
# A section booklet's chapters are chapters of the whole booklet (ozon/booklet), audited there.
CHAPTER = ".booklet-part"
WHOLE_BOOKLET = "pechat/"

ElementKind = tuple[tuple[str, tuple[object, ...]], ...]
# Attributes whose values are the page's own words or address (a link to each page, the page's title):
# their presence counts, their text does not. Every other value counts (an open section's toggle, ids).
_OWN_TEXT = {"href", "title", "aria-label"}


def _file(site: Path, path: str) -> Path:
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def chrome_kinds(html: bytes) -> set[ElementKind]:
    """Every kind of element of the page's chrome: its tag, classes and attributes (_OWN_TEXT: their names
    only), and its ancestors' tags and classes up to the chrome's root (a link in an open section is not a
    link at the top). Text is not part of it: the navigation's words are the pages' titles."""
    kinds: set[ElementKind] = set()
    root = lxml_html.document_fromstring(html)
    for xpath in _CHROME_XPATH:
        for top in root.xpath(xpath):
            for element in top.iter(lxml_etree.Element):
                path = []
                node = element
                while node is not None:
                    path.append((str(node.tag), tuple(sorted((node.get("class") or "").split()))))
                    if node is top:
                        break
                    node = node.getparent()
                attributes = tuple(sorted((name, "" if name in _OWN_TEXT else value)
                                          for name, value in element.attrib.items()))
                kinds.add((("@", attributes), *reversed(path)))
    return kinds


def chrome_cover(site: Path, paths: list[str]) -> list[str]:
    """The fewest pages (picked greedily, in a fixed order) whose chrome holds every kind any page's has."""
    kinds = {path: chrome_kinds(_file(site, path).read_bytes()) for path in paths}
    missing = set().union(*kinds.values())
    chosen: list[str] = []
    while missing:
        best = max(sorted(paths), key=lambda path: len(kinds[path] & missing))
        chosen.append(best)
        missing -= kinds[best]
    return sorted(chosen)


def _chapter_ids(site: Path, path: str) -> set[str]:
    html = _file(site, path).read_bytes()
    return set(lxml_html.document_fromstring(html).xpath("//section[@class='booklet-part']/h2/@id"))


def audit_plan(site: Path, paths: list[str]) -> dict[str, tuple[str, ...]]:
    """Each page and what axe leaves out there: the chrome, except on chrome_cover()'s pages; a section
    booklet's chapters, each of which the whole booklet holds."""
    whole = _chapter_ids(site, WHOLE_BOOKLET) if WHOLE_BOOKLET in paths else set()
    full_chrome = set(chrome_cover(site, paths))
    plan: dict[str, tuple[str, ...]] = {}
    for path in paths:
        left_out: tuple[str, ...] = () if path in full_chrome else CHROME
        chapters = _chapter_ids(site, path) if path != WHOLE_BOOKLET else set()
        if chapters and chapters <= whole:
            left_out += (CHAPTER,)
        plan[path] = left_out
    return plan


# Each page opens in the light palette (prefers-color-scheme) and is audited, then switched to the dark one
# with its palette toggle, as a reader does, and audited again: one load for both palettes (tests/desktop_walk.py,
# FIRST and SECOND). test_the_toggled_palette_equals_a_page_opened_in_it shows the switched page is the page
# opened dark.


def in_scheme(page: Any, scheme: str) -> Any:
    """The tab opens pages in `scheme` (Material picks the palette from prefers-color-scheme), motion reduced.

    A tab of the shared context (conftest `page`, a new tab costs about half a new context), its media
    emulated as a context made with color_scheme and reduced_motion would emulate them for its tabs.
    """
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    return page


@pytest.fixture
def palette_page(page):
    """A tab that opens pages in the light palette."""
    return in_scheme(page, FIRST)


def test_the_parts_hold_every_page_once(built_site: BuildResult) -> None:
    paths = page_paths(built_site.site)
    parts = [shard_of_pages(built_site.site, paths, shard) for shard in range(SHARDS)]
    assert sorted(path for part in parts for path in part) == sorted(paths)
    assert all(parts)


def test_the_plan_audits_every_kind_of_chrome_and_every_chapter(built_site: BuildResult) -> None:
    site = built_site.site
    paths = page_paths(site)
    plan = audit_plan(site, paths)
    assert sorted(plan) == sorted(paths)
    whole_chrome = [path for path, left_out in plan.items() if CHROME[0] not in left_out]
    audited = set().union(*(chrome_kinds(_file(site, path).read_bytes()) for path in whole_chrome))
    assert audited == set().union(*(chrome_kinds(_file(site, path).read_bytes()) for path in paths))
    assert len(whole_chrome) < len(paths) / 2, f"the chrome is audited whole on {len(whole_chrome)} pages"
    sections = [path for path, left_out in plan.items() if CHAPTER in left_out]
    assert sections and WHOLE_BOOKLET not in sections and plan[WHOLE_BOOKLET] in ((), CHROME)
    for path in sections:
        assert _chapter_ids(site, path) <= _chapter_ids(site, WHOLE_BOOKLET), path


def test_a_kind_of_chrome_element_depends_on_its_place() -> None:
    def page(nav: str) -> bytes:
        sidebar = f'<div class="md-sidebar md-sidebar--primary">{nav}</div>'
        return f'<header class="md-header"><a href="/">x</a></header>{sidebar}'.encode()

    top = chrome_kinds(page('<a class="md-nav__link">a</a>'))
    nested = chrome_kinds(page('<li class="md-nav__item md-nav__item--active"><a class="md-nav__link">a</a></li>'))
    assert nested - top and chrome_kinds(page('<a class="md-nav__link">other text</a>')) == top


def shard_walk(contexts: SharedContexts, site_url: str, built_site: BuildResult, shard: int) -> DesktopWalk:
    """The desktop walk of part `shard` of the pages (tests/desktop_walk.py), each with what its audit leaves
    out: the accessibility audits and tests/test_site_walk.py's per-page checks read the same walk."""
    site = built_site.site
    paths = page_paths(site)
    assert len(paths) > 5, f"too few pages found in {site}"
    plan = audit_plan(site, paths)
    return desktop_walk(contexts, site_url, {path: plan[path] for path in shard_of_pages(site, paths, shard)})


SHARD_PARAMS = shard_params(SHARDS)


# The dark palette runs the whole rule set too, not only the colour rules (axe's cat.color: color-contrast,
# link-in-text-block): those take about 90 % of axe's time on these pages, so dropping the rest would save
# 10–15 % of the dark pass (measured, Dec 2026) and would need a check that the palette changes nothing else.
@pytest.mark.long
@pytest.mark.parametrize("shard", SHARD_PARAMS)
def test_every_page_passes_axe_in_both_palettes(
    shared_contexts: SharedContexts, site_url: str, built_site: BuildResult, shard: int
) -> None:
    walk = shard_walk(shared_contexts, site_url, built_site, shard)
    assert not walk.audit_failures, "axe-core (WCAG 2.1 A/AA) violations:\n" + "\n".join(walk.audit_failures)
    expected = sorted((path, scheme) for path in walk.pages for scheme in (FIRST, SECOND))
    assert sorted(walk.audits) == expected, f"audited {sorted(walk.audits)}, expected {expected}"


# A page with one mistake of each kind the audits rely on: an audit that finds nothing here (an empty or
# wrong axe script, a rule set that selects nothing) would pass every real page too.
BROKEN_PAGE = """<!doctype html><html lang="ru"><head><title>t</title></head><body><main>
<h1>Заголовок</h1><img src="data:," id="no-alt">
<p id="pale" style="color:#aaa;background:#fff">Бледный текст</p>
<input id="no-label" type="text"><a href="#x" id="empty-link"></a>
</main></body></html>"""


def test_the_audit_finds_known_mistakes(page) -> None:
    page.set_content(BROKEN_PAGE)
    found = {(violation["id"], node["target"][0]) for violation in axe_violations(page) for node in violation["nodes"]}
    expected = {("image-alt", "#no-alt"), ("color-contrast", "#pale"), ("label", "#no-label"),
                ("link-name", "#empty-link")}
    assert expected <= found, f"axe missed {sorted(expected - found)}; found {sorted(found)}"


# What a page's looks are made of: every element's computed colours (and what hides or dims it), <body>'s
# palette attributes and the colour meta tags the toggle rewrites.
LOOKS_JS = """() => {
  const properties = ['color', 'background-color', 'background-image', 'border-top-color', 'border-right-color',
    'border-bottom-color', 'border-left-color', 'outline-color', 'text-decoration-color', 'fill', 'stroke',
    'opacity', 'box-shadow', 'text-shadow', 'color-scheme', 'caret-color', 'accent-color', 'visibility', 'display'];
  const elements = [...document.querySelectorAll('body, body *')];
  const styles = elements.map(el => { const style = getComputedStyle(el);
    return properties.map(name => style.getPropertyValue(name)).join('|'); });
  const body = [...document.body.attributes].filter(a => a.name.startsWith('data-md-color-'))
    .map(a => `${a.name}=${a.value}`).sort();
  const metas = [...document.querySelectorAll('meta[name=color-scheme], meta[name=theme-color]')]
    .map(meta => `${meta.name}=${meta.content}`).sort();
  return {styles, body, metas};
}"""
def _looks_pages(site: Path) -> list[str]:
    """A guide, the home page, the claim builder's form, a section booklet (its own palette script), the
    404 page: picked from the project, so renaming a page changes no test."""
    return [url_of(first_guide()), "", url_of(page_calling("claim_data")), section_booklets(site)[0], "404.html"]


def test_the_toggled_palette_equals_a_page_opened_in_it(page, site_url: str, built_site: BuildResult) -> None:
    """As the audit does it: each page opened light, switched dark with its toggle, the choice forgotten
    before the next; against the same pages opened dark, each as on a first visit (Material stores the
    palette on every page it shows; a booklet opened with a stored palette sets no colour meta tags)."""
    pages = _looks_pages(built_site.site)
    assert all(_file(built_site.site, path).exists() for path in pages), pages
    page.set_viewport_size(DESKTOP)  # the audits' size (tests/desktop_walk.py)
    looks: dict[str, dict[str, dict[str, list[str]]]] = {"light": {}, "toggled": {}, "dark": {}}
    for scheme in (FIRST, SECOND):
        in_scheme(page, scheme)
        for path in pages:
            open_page(page, site_url + path)
            looks[scheme][path] = page.evaluate(LOOKS_JS)
            if scheme == FIRST:
                switch_palette(page, SCHEMES[SECOND])
                looks["toggled"][path] = page.evaluate(LOOKS_JS)
            forget_palette(page)
    for path in pages:
        opened, toggled = looks[SECOND][path], looks["toggled"][path]
        assert opened["body"] == toggled["body"], f"/{path}: <body> {toggled['body']}, opened dark {opened['body']}"
        assert opened["metas"] == toggled["metas"], f"/{path}: meta tags {toggled['metas']}, opened {opened['metas']}"
        assert len(opened["styles"]) == len(toggled["styles"]), f"/{path}: the toggle changed the page's elements"
        differ = [i for i, (a, b) in enumerate(zip(opened["styles"], toggled["styles"], strict=True)) if a != b]
        assert not differ, (f"/{path}: {len(differ)} elements look different switched to {SECOND} than opened in it, "
                            f"e.g. {opened['styles'][differ[0]]} ≠ {toggled['styles'][differ[0]]}")
        assert opened["styles"] != looks[FIRST][path]["styles"], f"/{path}: the palettes look the same"
        assert looks[FIRST][path]["body"] != opened["body"], f"/{path}: the forgotten choice still applied"


def test_a_booklet_opened_after_a_dark_choice_gives_the_browser_dark_colours(
    palette_page, site_url: str, built_site: BuildResult
) -> None:
    """A reader who chose dark on a guide, then opens the booklets: Material's head script paints <body> dark
    before booklet-palette.js runs, and the script must still write the colour meta tags (scrollbars, form
    controls and the phone's address bar follow them), as on a page that switched itself."""
    page = palette_page
    open_page(page, site_url + url_of(first_guide()))
    switch_palette(page, SCHEMES[SECOND])
    switched = page.evaluate(LOOKS_JS)["metas"]
    assert switched, "the guide's toggle wrote no colour meta tags"
    for path in (url_of(booklet_page()), section_booklets(built_site.site)[0]):
        open_page(page, site_url + path)
        looks = page.evaluate(LOOKS_JS)
        assert f"data-md-color-scheme={SCHEMES[SECOND]}" in looks["body"], (path, looks["body"])
        assert [m for m in looks["metas"] if m.startswith("color-scheme=")] == [
            m for m in switched if m.startswith("color-scheme=")], (path, looks["metas"], switched)


def _nav_pages(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [src for item in nav for src in _nav_pages(item)]
    if isinstance(nav, dict):
        return [src for value in nav.values() for src in _nav_pages(value)]
    return []


def _nav_urls() -> set[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    urls = set()
    for src in _nav_pages(config["nav"]):
        stem = posixpath.splitext(src)[0]
        urls.add("" if stem == "index" else (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/")
    return {u.lstrip("/") for u in urls if u != "/"} | ({""} if "index.md" in _nav_pages(config["nav"]) else set())


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml has !!python and !ENV tags; for the nav they do not matter."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _tab_until(page, matches: str, limit: int = 600) -> list[str]:
    """Press Tab until the focused element matches the JS predicate; returns every href focused on the way."""
    seen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(
            f"""() => {{ const el = document.activeElement;
                 return {{href: el && el.href || '', done: !!(el && ({matches}))}}; }}"""
        )
        if state["href"]:
            seen.append(state["href"])
        if state["done"]:
            return seen
    raise AssertionError(f"{limit} presses of Tab never reached an element where {matches}")


def test_keyboard_reaches_search_and_a_result(page, site_url: str) -> None:
    page.goto(site_url)
    _tab_until(page, "el.matches('input[type=search], input[role=combobox], input[name=query]')")
    page.keyboard.type("претензия")
    page.keyboard.press("End")  # Cyrillic typing sends no keyup; the search reacts to one
    results = page.locator("[data-md-component=search-result] a, .md-search-result a")
    results.first.wait_for(state="visible", timeout=10_000)
    page.keyboard.press("ArrowDown")  # Material moves focus into the results with the arrow keys
    focused = page.evaluate(
        "() => { const el = document.activeElement;"
        " return el && el.closest('[data-md-component=search-result], .md-search-result') ? el.href : '' }"
    )
    assert focused, "ArrowDown from the search field does not focus a search result"
    target = focused
    page.keyboard.press("Enter")
    page.wait_for_url(target.split("#")[0] + "**")
    assert page.locator("article h1").first.is_visible()


NAV_START = "zakaz-poteryalsya/"  # a guide: its sidebar shows the whole navigation


def test_keyboard_reaches_every_guide_from_the_navigation(page, site_url: str) -> None:
    page.goto(site_url + NAV_START)
    expected = {site_url + url for url in _nav_urls()}
    reached = set()
    for _ in range(800):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => document.activeElement && document.activeElement.closest('nav.md-nav--primary')"
            " ? document.activeElement.href || '' : ''"
        )
        reached.add(href.split("#")[0])
        if expected <= reached:
            break
    assert expected <= reached, f"not reachable with Tab from the home page navigation: {sorted(expected - reached)}"


CLAIM_BUILDER = "konstruktor-pretenzii/"


def test_keyboard_reaches_the_claim_builder_form(page, site_url: str, built_site: BuildResult) -> None:
    has_builder = (built_site.site / CLAIM_BUILDER / "index.html").exists()
    open_page(page, site_url + (CLAIM_BUILDER if has_builder else "zakaz-poteryalsya/"))
    if has_builder:
        controls = page.locator("article form :is(input, select, textarea, button):visible")
        assert controls.count() > 0, "the claim builder page has no visible form controls"
        # A radio group is one Tab stop (arrow keys move inside it), so it counts by its name.
        names = set(controls.evaluate_all("els => els.map(e => e.type === 'radio' ? e.name : e.id || e.name)"))
        reached: set[str] = set()
        _tab_until(page, "el.closest('article form')")
        for _ in range(200):
            reached.add(
                page.evaluate(
                    "() => { const e = document.activeElement; return e.type === 'radio' ? e.name : e.id || e.name; }"
                )
            )
            if names <= reached:
                break
            page.keyboard.press("Tab")
        assert names <= reached, f"form controls Tab never reaches: {sorted(names - reached)}"
    else:
        # Skip link first, then the article's own links.
        page.keyboard.press("Tab")
        assert re.search("содержани", page.evaluate("document.activeElement.textContent"), re.I)
        _tab_until(page, "el.closest('article') && el.href")
