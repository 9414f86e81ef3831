"""A guide stays light: what it downloads before the reader turns to search (no request to another host:
tests/test_site_walk.py)."""

from __future__ import annotations

import pytest

from sitebuild.browse import GUIDE_BUDGET_GZIP, Transfer, settle


pytestmark = pytest.mark.browser

GUIDE = "zakaz-poteryalsya/"
BOOKLET = "pechat/"


def test_guide_within_weight_budget(page, site_url: str) -> None:
    transfer = Transfer()
    page.on("response", transfer.record)
    page.goto(site_url + GUIDE)
    settle(page)
    assert transfer.requests > 3
    assert not any("search_index" in r.url for r in transfer.pending), "the search index loads before search is opened"
    assert transfer.gzip_bytes <= GUIDE_BUDGET_GZIP, (
        f"/{GUIDE} downloads {transfer.gzip_bytes / 1024:.1f} KB gzip before search is opened "
        f"(budget {GUIDE_BUDGET_GZIP // 1024} KB); run `make bench-weight` for the list"
    )
