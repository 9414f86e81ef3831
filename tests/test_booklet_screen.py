"""The booklets on screen: the light/dark switch (assets/booklet-palette.js) works as Material's does on
other pages and shares the reader's choice with them; a chapter not yet laid out is never shown shorter
than it is (booklet.css, data-length)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT
from sitecheck.project import Project
from tests.page_picks import first_guide
from tests.site_pages import SCHEMES

pytestmark = pytest.mark.browser

_PROJECT = Project(ROOT)


def _url_path(src: str) -> str:
    """A page's address below the site root (Project.built_page's folder): «pechat/»."""
    return _PROJECT.built_page(Path(), src).parent.as_posix() + "/"


# The whole booklet (`booklet: true`) and a guide, read from the project.
BOOKLET = _url_path(next(src for src, page in _PROJECT.pages.items() if page.meta.get("booklet") is True))
GUIDE = _url_path(first_guide(ROOT).removeprefix(_PROJECT.docs_prefix + "/"))


def _scheme(page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def _visible_toggles(page) -> list[str]:
    return [label.get_attribute("for") or "" for label in page.locator("form.md-header__option label").all()
            if label.is_visible()]


# A tab of the shared context (conftest `page`) with the reader's system palette emulated, as a context made
# with color_scheme emulates it for its tabs; nothing is stored in it before the test (the reset after each).
@pytest.mark.parametrize("preference", sorted(SCHEMES))
def test_the_booklet_opens_in_the_readers_system_palette_with_one_toggle(page, site_url: str,
                                                                         preference: str) -> None:
    page.emulate_media(color_scheme=preference)
    page.goto(site_url + BOOKLET)
    assert page.locator('[data-md-component="palette"]').count() == 0, "Material would mount it too"
    assert _scheme(page) == SCHEMES[preference]
    assert len(_visible_toggles(page)) == 1
    # Same as Material on a guide: the same palette and the same toggle showing.
    page.goto(site_url + GUIDE)
    assert _scheme(page) == SCHEMES[preference]
    guide_toggles = _visible_toggles(page)
    page.goto(site_url + BOOKLET)
    assert _visible_toggles(page) == guide_toggles


def test_switching_on_the_booklet_changes_it_and_every_other_page(page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url + BOOKLET)
    assert _scheme(page) == "default"
    page.locator("form.md-header__option label:visible").click()
    assert _scheme(page) == "slate"
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") == "dark"
    page.goto(site_url + GUIDE)
    assert _scheme(page) == "slate", "the guide did not take the palette chosen on the booklet"
    page.locator("form.md-header__option label:visible").click()  # Material's own switch
    assert _scheme(page) == "default"
    page.goto(site_url + BOOKLET)
    assert _scheme(page) == "default", "the booklet did not take the palette chosen on the guide"
    page.locator("form.md-header__option label:visible").click()
    page.reload()
    assert _scheme(page) == "slate", "the booklet forgot the reader's choice"


@pytest.mark.parametrize("width", [320, 360, 1366])
def test_a_chapter_not_laid_out_is_never_shorter_than_it_will_be(page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})  # a tab of the shared context, sized before loading
    page.goto(site_url + BOOKLET)
    too_short = page.evaluate("""() => {
      const parts = [...document.querySelectorAll('.booklet-part')];
      // The size booklet.css gives a chapter the browser skips: «auto 6806.25px».
      const estimates = parts.map(
        part => parseFloat(getComputedStyle(part).containIntrinsicBlockSize.split(' ').pop()));
      parts.forEach(part => { part.style.contentVisibility = 'visible'; });
      return parts
        .map((part, i) => [part.querySelector('h2').id, estimates[i], part.getBoundingClientRect().height])
        .filter(([, estimate, height]) => !(height <= estimate));
    }""")
    assert page.locator(".booklet-part").count() > 5
    assert not too_short, (
        f"at {width} px, chapters taller than booklet.css estimates (id, estimate, height): {too_short}")
