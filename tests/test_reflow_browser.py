"""Large text on a narrow screen (issue 26; WCAG 2.2 1.4.4 «Resize text» and 1.4.10 «Reflow»).

Every page at 320 CSS px with the browser's text size at 200 % (Chromium's own font-size setting, as a
reader sets it, through the DevTools protocol): nothing scrolls sideways, no word is cut in the middle
(a word wider than its line may break only where `hyphens: auto` lets the browser hyphenate it in
Russian), every link is on the screen or in a table frame that scrolls, in the light and the dark
palette. Then the parts the issue names: the header keeps the site's name, the menu drawer fits, the
chooser is one column, «К началу» stays off the text.

Each page is loaded once for this test and the one at 360 px (tests/phone_walk.py), and checked in both
palettes; a test below shows that the page resized to 320 px and 200 % is laid out as one opened so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import BuildResult
from .phone_walk import (
    LAY_OUT_CHAPTERS_JS,
    NARROW_320,
    NARROW_360,
    PHONE_WALK_GROUP,
    SCROLL_TO_TABLES_JS,
    TEXT_200,
    TextSize,
    phone_walk,
    walk_on_a_phone,
)
from .page_picks import page_calling, section_booklets, url_of
from .site_pages import open_page

pytestmark = pytest.mark.browser

NARROW = NARROW_320
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
def large_text(page):
    """A 320 px tab with the browser's text at 200 %, light palette to start with.

    A tab of the shared context (conftest `page`), sized before it loads anything: laid out as a context
    opened at that size (test_a_resized_page_is_laid_out_as_a_page_opened_at_that_size proves it even
    after a resize); the text size is the tab's own setting.
    """
    page.set_viewport_size(NARROW)
    page.emulate_media(color_scheme="light", reduced_motion="reduce")
    TextSize(page).set(TEXT_200)
    return page


@pytest.mark.long
@pytest.mark.xdist_group(PHONE_WALK_GROUP)
def test_every_page_reflows_at_320px_with_200_percent_text(browser, site_url: str, built_site: BuildResult) -> None:
    walk = phone_walk(browser, site_url, built_site.site)
    assert len(walk.pages) > 10, "the built site has almost no pages; the test would prove nothing"
    checked = {(page, scheme) for page, width, scheme in walk.measured if width == NARROW["width"]}
    assert checked == {(page, scheme) for page in walk.pages for scheme in ("light", "dark")}
    failures = walk.reflow_problems
    assert not failures, f"{len(failures)} problems at 320 px with 200 % text:\n" + "\n".join(failures)


# Every element's box (in the page's coordinates) and the page's width: what the phone checks measure.
BOXES_JS = """() => {
  const boxes = [...document.querySelectorAll('body, body *')].map(el => {
    const box = el.getBoundingClientRect();
    return [el.tagName, Math.round(box.left * 10) / 10, Math.round((box.top + scrollY) * 10) / 10,
            Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10].join(' ');
  });
  return {width: document.scrollingElement.scrollWidth, boxes};
}"""


def boxes(page: Any) -> Boxes:
    """BOXES_JS once Material's transitions have ended (the header's title slides back after a scroll up,
    from the next frame on)."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")
    found: Boxes = page.evaluate(BOXES_JS)
    return found


def _resized_pages(site: Path) -> list[str]:
    """The home page (the chooser), a page with stacked contact tables, a section booklet (chapters laid out
    near the screen, wide tables): picked from the project, so renaming a page changes no test."""
    return ["", url_of(page_calling("contacts_table")), section_booklets(site)[-1]]


Boxes = dict[str, Any]


def test_a_resized_page_is_laid_out_as_a_page_opened_at_that_size(
    browser, site_url: str, built_site: BuildResult
) -> None:
    """The phone walk's shortcut holds: a page opened at 360 px, then resized to 320 px with 200 % text (and
    a page opened after one so resized) has every element where a page opened at that size has it."""
    pages = _resized_pages(built_site.site)
    assert all((built_site.site / path / "index.html").exists() for path in pages), pages
    walked: dict[tuple[str, str], Boxes] = {}

    def look(page: Any, path: str, stage: str) -> None:
        walked[(path, stage)] = boxes(page)

    walk_on_a_phone(browser, site_url, pages, look=look)

    # Pages opened at each size, one after another in one page.
    opened: dict[tuple[str, str], Boxes] = {}
    for stage, viewport in (("360", NARROW_360), ("320", NARROW_320)):
        context = browser.new_context(locale="ru-RU", viewport=viewport, color_scheme="light", reduced_motion="reduce")
        try:
            page = context.new_page()
            if stage == "320":
                TextSize(page).set(TEXT_200)
            for path in pages:
                open_page(page, site_url + path)
                # scrolled through as a reader would (a booklet's wide tables get their hint near the screen)
                page.evaluate(SCROLL_TO_TABLES_JS)
                if stage == "320":
                    page.evaluate(LAY_OUT_CHAPTERS_JS)
                opened[(path, stage)] = boxes(page)
        finally:
            context.close()

    assert sorted(walked) == sorted(opened)
    for (path, stage), seen in walked.items():
        fresh = opened[(path, stage)]
        assert seen["width"] == fresh["width"], (
            f"/{path} at {stage} px: {seen['width']} px wide, opened so {fresh['width']}")
        assert len(seen["boxes"]) == len(fresh["boxes"]), f"/{path} at {stage} px: other elements than opened so"
        moved = [(a, b) for a, b in zip(seen["boxes"], fresh["boxes"], strict=True) if a != b]
        assert not moved, f"/{path} at {stage} px: {len(moved)} boxes differ from a page opened so, e.g. {moved[:3]}"


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
