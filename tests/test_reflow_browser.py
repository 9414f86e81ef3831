"""Large text on a narrow screen (issue 26; WCAG 2.2 1.4.4 «Resize text» and 1.4.10 «Reflow»).

Every page at 320 CSS px with the browser's text size at 200 % (Chromium's own font-size setting, as a
reader sets it, through the DevTools protocol): nothing scrolls sideways, no word is cut in the middle
(a word wider than its line may break only where `hyphens: auto` lets the browser hyphenate it in
Russian), every link is on the screen or in a table frame that scrolls, in the light and the dark
palette. Then the parts the issue names: the header keeps the site's name, the menu drawer fits, the
chooser is one column, «К началу» stays off the text.

One browser, one page, the pages in sequence: each page is loaded once and checked in both palettes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import BuildResult
from .site_pages import open_page, page_paths

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
# Chromium's defaults are 16 px (text) and 13 px (monospace); a reader who sets 200 % doubles them.
TEXT_200 = {"standard": 32, "fixed": 26}
REFLOW_JS = (Path(__file__).parent / "reflow.js").read_text(encoding="utf-8")
SITE_NAME_JS = """() => {
  const title = document.querySelector('.md-header__title');
  const name = title && title.querySelector('.md-header__topic .md-ellipsis');
  if (!name) return null;
  const box = name.getBoundingClientRect(), frame = title.getBoundingClientRect();
  return {text: name.innerText.trim(), left: box.left, right: box.right, top: box.top, bottom: box.bottom,
          frameLeft: frame.left, frameRight: frame.right, frameTop: frame.top, frameBottom: frame.bottom,
          clipped: name.scrollWidth > name.clientWidth + 1, view: document.documentElement.clientWidth};
}"""


@pytest.fixture
def large_text(browser):
    """A 320 px page with the browser's text at 200 %, light palette to start with."""
    context = browser.new_context(locale="ru-RU", viewport=NARROW, color_scheme="light", reduced_motion="reduce")
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": TEXT_200})
    yield page
    context.close()


def _switch_to_dark(page) -> None:
    """Material picks the palette from prefers-color-scheme at load and does not follow a later change of
    it; switch the loaded page the way its palette toggle does (a reload would double the test's cost)."""
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


@pytest.mark.long
def test_every_page_reflows_at_320px_with_200_percent_text(large_text, site_url: str, built_site: BuildResult) -> None:
    page = large_text
    failures = []
    paths = page_paths(built_site.site)
    assert len(paths) > 10, "the built site has almost no pages; the test would prove nothing"
    for path in paths:
        open_page(page, site_url + path)
        # A booklet lays out a chapter only near the screen (content-visibility): lay them all out, so its
        # chapters are checked too (set through CSSOM: the CSP forbids style attributes).
        page.evaluate(
            "document.querySelectorAll('.booklet-part').forEach(el => { el.style.contentVisibility = 'visible'; })"
        )
        for scheme in ("light", "dark"):
            if scheme == "dark":
                _switch_to_dark(page)
            found = page.evaluate(REFLOW_JS)
            if found["width"] > NARROW["width"]:
                failures.append(f"/{path} ({scheme}): the page is {found['width']} px wide, it scrolls sideways")
            failures.extend(f"/{path} ({scheme}): {problem}" for problem in found["problems"])
    assert not failures, f"{len(failures)} problems at 320 px with 200 % text:\n" + "\n".join(failures)


def test_header_keeps_the_site_name(large_text, site_url: str, built_site: BuildResult) -> None:
    with open(built_site.project / "mkdocs.yml", encoding="utf-8") as config:
        site_name = next(line.partition(":")[2].strip() for line in config if line.startswith("site_name:"))
    large_text.goto(site_url + "brak/")
    name = large_text.evaluate(SITE_NAME_JS)
    assert name, "the header has no site name"
    assert name["text"] == site_name, f"the header says {name['text']!r}, not the site's name {site_name!r}"
    assert name["left"] >= name["frameLeft"] - 1 and name["right"] <= min(name["frameRight"], name["view"]) + 1, name
    assert name["bottom"] <= name["frameBottom"] + 1 and not name["clipped"], f"the site name is cut: {name}"


def test_menu_drawer_fits_the_screen(large_text, site_url: str) -> None:
    large_text.goto(site_url + "brak/")
    large_text.locator("label.md-header__button[for='__drawer']").click()
    drawer = large_text.locator(".md-sidebar--primary")
    box = None
    for _ in range(40):  # the drawer slides in for 0.25 s
        box = drawer.bounding_box()
        if box and abs(box["x"]) < 1:
            break
        large_text.wait_for_timeout(50)
    assert box and box["x"] >= -1 and box["x"] + box["width"] <= NARROW["width"] + 1, f"the drawer: {box}"
    wide = large_text.evaluate(
        """() => { const edge = document.querySelector('.md-sidebar--primary').getBoundingClientRect().right;
          // nested sections wait beside the drawer (left >= its edge) until opened: not on the screen
          return [...document.querySelectorAll('.md-sidebar--primary a, .md-sidebar--primary label')]
            .filter(el => { const box = el.getBoundingClientRect();
                            return box.width > 0 && box.left < edge - 1 && box.right > edge + 1; })
            .map(el => el.innerText.trim()); }"""
    )
    assert not wide, f"menu entries run off the screen: {wide}"


def test_chooser_is_one_column(large_text, site_url: str) -> None:
    large_text.goto(site_url)
    boxes = [card.bounding_box() for card in large_text.locator(".situations a").all()]
    lefts = {round(box["x"]) for box in boxes if box}
    assert len(lefts) == 1, f"the «Что случилось?» cards stand in {len(lefts)} columns at 320 px with 200 % text"


def test_back_to_top_stays_off_the_text(large_text, site_url: str) -> None:
    """«К началу» appears when the reader scrolls back up; it is a small button in a corner, and at the
    end of the page the last text lies above it."""
    page = large_text
    page.goto(site_url + "pretenziya/")
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    button = page.locator(".md-top")
    button.wait_for(state="visible")
    page.wait_for_timeout(300)
    box = button.bounding_box()
    assert box, "«К началу» did not appear"
    assert box["width"] * box["height"] <= 56 * 56, f"«К началу» is {box['width']:.0f}×{box['height']:.0f} px"
    assert box["x"] + box["width"] >= NARROW["width"] - 24 and box["y"] + box["height"] >= NARROW["height"] - 24, (
        f"«К началу» is not in the bottom corner: {box}"
    )
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    page.wait_for_timeout(200)
    last = page.evaluate(
        """() => {
          const blocks = [...document.querySelectorAll('.md-content article > *')].filter(el => el.innerText.trim());
          const box = blocks[blocks.length - 1].getBoundingClientRect();
          return {top: box.top, bottom: box.bottom};
        }"""
    )
    if button.is_visible():
        top = button.bounding_box()
        assert top and last["bottom"] <= top["y"], f"the page's last text ({last}) ends under «К началу» ({top})"
