"""The shared context behind the `page` fixture (tests/shared_context.py): a tab after the reset sees what a
tab of a new context sees, and a clock a test leaves behind is refused, not carried into the next test."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from .phone_walk import NARROW_320 as NARROW, TEXT_200, TextSize
from .shared_context import ContextChanged, SharedContext

pytestmark = pytest.mark.browser

# What a test can leave in a context or its tab and a page can read: every storage, cookies, a permission, the
# clock, and what the tab fixtures set on their tab (size, the browser's text size, emulated media).
SNAPSHOT = """async () => ({
  local: Object.entries(localStorage).sort(),
  session: Object.entries(sessionStorage).sort(),
  cookies: document.cookie,
  databases: (await indexedDB.databases()).map(db => db.name).sort(),
  caches: (await caches.keys()).sort(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  clipboard: (await navigator.permissions.query({name: 'clipboard-read'})).state,
  clock: '__pwClock' in window,
  width: innerWidth,
  fontSize: getComputedStyle(document.documentElement).fontSize,
  reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  dark: matchMedia('(prefers-color-scheme: dark)').matches,
})"""

# Everything above, written as a test might, on the site's own origin.
DIRTY = """async () => {
  localStorage.setItem('left-behind', '1');
  sessionStorage.setItem('left-behind', '1');
  document.cookie = 'left-behind=1; path=/; max-age=3600';
  await new Promise((done, fail) => {
    const open = indexedDB.open('left-behind');
    open.onupgradeneeded = () => open.result.createObjectStore('things');
    open.onsuccess = () => { open.result.close(); done(); };
    open.onerror = () => fail(open.error);
  });
  await (await caches.open('left-behind')).put('/left-behind', new Response('1'));
}"""


def without_nonces(urls: list[str]) -> list[str]:
    """The URLs sorted, with the search worker's per-load `turn=` nonce blanked (it differs every load)."""
    return sorted(re.sub(r"([?&]turn=)[^&#]*", r"\1…", url) for url in urls)


def load(page: Any, url: str) -> dict[str, Any]:
    page.goto(url)
    snapshot: dict[str, Any] = page.evaluate(SNAPSHOT)
    return snapshot


def fresh_context_view(browser: Any, url: str) -> tuple[dict[str, Any], list[str]]:
    context = browser.new_context(locale="ru-RU")
    try:
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        return load(page, url), without_nonces(asked)
    finally:
        context.close()


def test_a_tab_after_the_reset_sees_what_a_new_context_sees(browser: Any, site_url: str) -> None:
    expected, expected_requests = fresh_context_view(browser, site_url)
    shared = SharedContext(browser)
    try:
        dirty = shared.new_page()
        dirty.goto(site_url)
        dirty.evaluate(DIRTY)
        with dirty.expect_popup():
            dirty.evaluate("url => { window.open(url); }", site_url)
        shared.context.grant_permissions(["clipboard-read"], origin=site_url.rstrip("/"))
        dirty.set_viewport_size(NARROW)
        dirty.emulate_media(color_scheme="dark", reduced_motion="reduce")
        TextSize(dirty).set(TEXT_200)
        assert load(dirty, site_url) != expected, "the test's writes did not show: the comparison proves nothing"
        shared.check_left_alone(dirty)
        dirty.close()
        shared.reset()

        assert shared.context.pages == [shared.keeper], "a tab the test opened is still open"
        tab = shared.new_page()
        assert load(tab, site_url) == expected
        # Nothing came from a cache a new context would not have: the same requests, so a test counting
        # them (or checking their hosts) sees all of them.
        assert without_nonces(tab.requests) == expected_requests
    finally:
        shared.close()


def test_a_clock_installed_on_the_shared_context_is_refused_and_not_kept(browser: Any, site_url: str) -> None:
    shared = SharedContext(browser)
    try:
        tab = shared.new_page()
        tab.clock.set_fixed_time(dt.datetime(2024, 3, 15, 12, 0))
        tab.goto(site_url)
        with pytest.raises(ContextChanged, match="clock"):
            shared.check_left_alone(tab)
        shared.reset()
        assert load(shared.new_page(), site_url)["clock"] is False, "the next tab still has the clock"
    finally:
        shared.close()


def test_a_clocked_context_refuses_a_moved_clock_and_keeps_its_own_time(browser: Any, site_url: str) -> None:
    today = dt.datetime(2024, 3, 15, 12, 0)
    shared = SharedContext(browser, fixed_time=today)
    try:
        tab = shared.new_page()
        tab.goto(site_url)
        shared.check_left_alone(tab)  # its own time: accepted
        tab.clock.set_fixed_time(today + dt.timedelta(days=1))
        with pytest.raises(ContextChanged, match="moved"):
            shared.check_left_alone(tab)
        shared.reset()
        later = shared.new_page()
        later.goto(site_url)
        assert later.evaluate("Date.now()") == int(today.timestamp() * 1000)
    finally:
        shared.close()
