"""One walk through the site on a phone for two tests: each page is loaded once at 360 px (no page scrolls
sideways, wide tables say so: tests/test_phone_browser.py), then resized to 320 px with the browser's text
at 200 % and checked in the light and the dark palette (reflow: tests/test_reflow_browser.py).

The page reflows without a reload, as it does when a reader turns the phone or changes the text size:
test_reflow_browser.py's test_a_resized_page_is_laid_out_as_a_page_opened_at_that_size shows that every
element's box equals the box it has on a page opened at that size. Both tests carry the xdist_group
PHONE_WALK_GROUP, so one worker walks once for both (the walk is kept per test process, like a session fixture).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .site_pages import forget_palette, open_page, page_paths, switch_palette

PHONE_WALK_GROUP = "phone-walk"

NARROW_360 = {"width": 360, "height": 800}
NARROW_320 = {"width": 320, "height": 640}
# Chromium's defaults are 16 px (text) and 13 px (monospace); a reader who sets 200 % doubles them.
TEXT_100 = {"standard": 16, "fixed": 13}
TEXT_200 = {"standard": 32, "fixed": 26}

REFLOW_JS = (Path(__file__).parent / "reflow.js").read_text(encoding="utf-8")

# Tables that still scroll inside their frame, and whether the hint above says so.
WIDE_TABLES_JS = """() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
  .filter(wrap => wrap.scrollWidth > wrap.clientWidth + 1)
  .map(wrap => {
    const hint = wrap.previousElementSibling;
    const shown = !!hint && hint.classList.contains('wide-table-hint') && hint.offsetHeight > 0;
    return {width: wrap.scrollWidth, hint: shown, focusable: wrap.tabIndex === 0};
  })"""

# The booklets lay out a chapter only near the screen (content-visibility), and wide-tables.js marks its
# tables then: scroll to each table as a reader would. Any other page's tables are marked in its load event,
# which goto waits for (wide-tables.js): nothing to scroll to, nothing to wait for (a pause of 100 ms a page).
SCROLL_TO_TABLES_JS = """async () => {
  const wraps = document.querySelectorAll('.booklet-part .md-typeset__scrollwrap');
  if (!wraps.length) return;
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const wrap of wraps) {
    wrap.scrollIntoView();
    await frames();
  }
  await new Promise(done => setTimeout(done, 100));
  window.scrollTo(0, 0);
}"""

# For the reflow check, every chapter of a booklet is laid out (set through CSSOM: the CSP forbids style
# attributes), so its chapters are checked too.
LAY_OUT_CHAPTERS_JS = (
    "document.querySelectorAll('.booklet-part').forEach(el => { el.style.contentVisibility = 'visible'; })"
)


@dataclass
class PhoneWalk:
    pages: list[str]
    wide_at_360: list[str] = field(default_factory=list)  # "/page: N px"
    unexplained_tables: list[str] = field(default_factory=list)  # at 360 px, no hint or no keyboard access
    reflow_problems: list[str] = field(default_factory=list)  # at 320 px with 200 % text, either palette
    measured: list[tuple[str, int, str]] = field(default_factory=list)  # (page, width, palette) checked


class TextSize:
    """The browser's own text size setting (Chromium's font-size preference, through the DevTools protocol)."""

    def __init__(self, page: Any) -> None:
        self.session = page.context.new_cdp_session(page)
        self.session.send("Page.enable")

    def set(self, sizes: dict[str, int]) -> None:
        self.session.send("Page.setFontSizes", {"fontSizes": sizes})


def at_360(page: Any, path: str, walk: PhoneWalk) -> None:
    page.evaluate(SCROLL_TO_TABLES_JS)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    if width > NARROW_360["width"]:
        walk.wide_at_360.append(f"/{path}: {width} px")
    for table in page.evaluate(WIDE_TABLES_JS):
        if not (table["hint"] and table["focusable"]):
            walk.unexplained_tables.append(
                f"/{path}: a {table['width']} px table scrolls with no hint or no keyboard access")
    walk.measured.append((path, NARROW_360["width"], "light"))


def at_320_with_large_text(page: Any, path: str, walk: PhoneWalk) -> None:
    for scheme, palette in (("light", "default"), ("dark", "slate")):
        if scheme == "dark":
            switch_palette(page, palette)
        found = page.evaluate(REFLOW_JS)
        if found["width"] > NARROW_320["width"]:
            walk.reflow_problems.append(
                f"/{path} ({scheme}): the page is {found['width']} px wide, it scrolls sideways")
        walk.reflow_problems.extend(f"/{path} ({scheme}): {problem}" for problem in found["problems"])
        walk.measured.append((path, NARROW_320["width"], scheme))


# What a look at a stage of the walk sees: called with the page, its path and "360" or "320" once the page
# is in the state that stage's checks read (test_reflow_browser.py compares it with a page opened so).
Look = Callable[[Any, str, str], None]


def walk_on_a_phone(browser: Any, site_url: str, paths: list[str], look: Look | None = None) -> PhoneWalk:
    """Every page: opened at 360 px with the browser's text at 100 %, checked, then at 320 px and 200 %."""
    walk = PhoneWalk(paths)
    context = browser.new_context(locale="ru-RU", viewport=NARROW_360, color_scheme="light", reduced_motion="reduce")
    try:
        page = context.new_page()
        text = TextSize(page)
        for path in walk.pages:
            open_page(page, site_url + path)
            at_360(page, path, walk)
            if look:
                look(page, path, "360")
            page.set_viewport_size(NARROW_320)
            text.set(TEXT_200)
            page.evaluate(LAY_OUT_CHAPTERS_JS)
            if look:
                look(page, path, "320")
            at_320_with_large_text(page, path, walk)
            forget_palette(page)
            # Back to the phone's first state on an empty page, not on this one (which would lay it out again).
            page.goto("about:blank")
            page.set_viewport_size(NARROW_360)
            text.set(TEXT_100)
    finally:
        context.close()
    return walk


_WALKS: dict[tuple[str, str], PhoneWalk] = {}


def phone_walk(browser: Any, site_url: str, site: Path) -> PhoneWalk:
    """The walk, once per test process for the site (both tests' worker: PHONE_WALK_GROUP)."""
    key = (site_url, str(site))
    if key not in _WALKS:
        _WALKS[key] = walk_on_a_phone(browser, site_url, page_paths(site))
    return _WALKS[key]
