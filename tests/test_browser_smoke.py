"""The built site opens in Chromium, shows the guides and asks no other host for anything."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def test_home_lists_guides_and_stays_local(page, site_url: str) -> None:
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("link", name="Заказ потерялся").first.is_visible()
    page.locator('a[href="zakaz-poteryalsya/#podrobno"]').first.click()
    page.wait_for_url("**/zakaz-poteryalsya/#podrobno")
    assert page.locator("#korotko").is_visible()
    hosts = {urlparse(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, f"requests to other hosts: {hosts}"
