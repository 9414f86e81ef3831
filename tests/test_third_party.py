"""No request leaves 127.0.0.1 while pages load, a search runs and a page prints; a guide stays light."""

from __future__ import annotations

import pytest

from sitebuild.browse import GUIDE_BUDGET_GZIP, Transfer, hosts, run_search, settle

from .conftest import BuildResult
from .site_pages import page_paths

pytestmark = pytest.mark.browser

GUIDE = "zakaz-poteryalsya/"
BOOKLET = "pechat/"


def test_no_request_to_another_host(browser, site_url: str, built_site: BuildResult) -> None:
    context = browser.new_context(locale="ru-RU")
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))  # pages and their workers
    page = context.new_page()
    paths = page_paths(built_site.site)
    for path in paths:
        page.goto(site_url + path, wait_until="networkidle")
    run_search(page, "претензия")
    printed = [GUIDE] + ([BOOKLET] if BOOKLET in paths else [])
    for path in printed:
        page.goto(site_url + path, wait_until="networkidle")
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert page.pdf()[:4] == b"%PDF"
        page.emulate_media(media="screen")
    context.close()
    assert len(asked) > len(paths), "too few requests recorded: the recorder is not working"
    assert hosts(asked) == {"127.0.0.1"}, f"requests to other hosts: {sorted(u for u in asked if '127.0.0.1' not in u)}"


def test_guide_within_weight_budget(page, site_url: str) -> None:
    transfer = Transfer()
    page.on("response", transfer.record)
    page.goto(site_url + GUIDE, wait_until="networkidle")
    settle(page)
    assert transfer.requests > 3
    assert not any("search_index" in r.url for r in transfer.pending), "the search index loads before search is opened"
    assert transfer.gzip_bytes <= GUIDE_BUDGET_GZIP, (
        f"/{GUIDE} downloads {transfer.gzip_bytes / 1024:.1f} KB gzip before search is opened "
        f"(budget {GUIDE_BUDGET_GZIP // 1024} KB); run `make bench-weight` for the list"
    )
