"""The offline copy (`make offline`) works from a folder over file://: navigation and search."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from sitebuild.browse import run_search

from .conftest import BuildResult
from .desktop_walk import LISTEN, violations

# One test worker builds the module's offline copy once (`--dist loadgroup` in the Makefile).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline")]


def test_offline_copy_navigates_and_searches_from_file_urls(page, offline_site: BuildResult) -> None:
    # The Content-Security-Policy holds over file:// too (ozon/csp). The tab's init script runs in every page
    # it opens, as a context's would (tests/test_shared_context.py); the tab opens no other.
    page.add_init_script(LISTEN)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site.site / "index.html").as_uri())
    page.locator("a[href='zakaz-poteryalsya.html']:visible").first.click()
    page.wait_for_url("**/zakaz-poteryalsya.html")
    assert page.locator("#korotko").is_visible()
    run_search(page, "претензия")
    blocked_in_search = violations(page)
    result = page.locator("[data-md-component=search-result] a, .md-search-result a").first
    target = result.get_attribute("href")
    assert target and not target.startswith("http"), f"search result links to {target!r}"
    result.click()
    page.wait_for_load_state()
    opened = urlparse(page.url)
    assert opened.scheme == "file" and opened.path.endswith(".html"), page.url
    assert page.locator("article h1").first.is_visible()
    blocked = blocked_in_search + violations(page)
    assert not blocked, f"Content-Security-Policy violations: {blocked}"
    assert not errors, f"JavaScript errors: {errors}"
    outside = [url for url in page.requests if not url.startswith(("file://", "data:", "blob:"))]
    assert not outside, f"the offline copy asked the network for: {outside}"


def test_offline_booklet_links_lead_to_files_and_chapters(offline_site: BuildResult) -> None:
    """Without directory URLs (the offline copy) the booklet's links still resolve (ozon/booklet)."""
    html = (offline_site.site / "pechat.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    ids = set(re.findall(r'\sid="([^"]+)"', article))
    anchors = re.findall(r'href="#([^"]+)"', article)
    assert "zakaz-poteryalsya--podrobno" in anchors
    assert not [a for a in anchors if a not in ids], "a booklet anchor leads nowhere"
    pages = {p for p in re.findall(r'href="([^"#:]+\.html)(?:#[^"]*)?"', article)}
    assert pages, "the booklet links to no other page"
    missing = sorted(p for p in pages if not (offline_site.site / p).is_file())
    assert not missing, missing
    assert "zakaz-poteryalsya.html" not in pages  # a guide in the booklet is linked as its chapter
