"""The shared context behind the `page` fixture (tests/shared_context.py): a tab after the reset sees what a
tab of a new context sees, a tab given its own size, media and init script sees what a context opened with
them sees, and a clock a test leaves behind is refused, not carried into the next test."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from .phone_walk import NARROW_320 as NARROW, TEXT_200, TextSize
from .shared_context import ContextChanged, SharedContext, SharedContexts

pytestmark = pytest.mark.browser

# What a test can leave in a context or its tab and a page can read: every storage, cookies, a permission, the
# clock, and what tests set on their tab (size, the browser's text size, emulated media, an init script), with
# what the page made of them (Material's palette from the colour scheme, the colours it painted).
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
  height: innerHeight,
  fontSize: getComputedStyle(document.documentElement).fontSize,
  reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
  dark: matchMedia('(prefers-color-scheme: dark)').matches,
  palette: document.body.getAttribute('data-md-color-scheme'),
  colours: [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color],
  initScriptRuns: window.__initScriptRuns ?? null,
})"""

# A local page (the offline copy's kind): its storage is file://'s, which the reset clears too.
FILE_PAGE = "<!doctype html><title>local</title><p>local</p>"
FILE_SNAPSHOT = "() => Object.entries(localStorage).sort()"

# An init script that leaves a trace in every document it runs in.
INIT_SCRIPT = "window.__initScriptRuns = (window.__initScriptRuns || 0) + 1;"
# The settings tests give their tab instead of opening a context with them.
TAB_SIZE = {"width": 390, "height": 844}
TAB_MEDIA = {"color_scheme": "dark", "reduced_motion": "reduce"}

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


def fresh_context_view(browser: Any, url: str, file_url: str) -> tuple[dict[str, Any], list[str], list[Any]]:
    """What a tab of a new context reads on `url` and on the local page, and the URLs it asks for on `url`."""
    context = browser.new_context(locale="ru-RU")
    try:
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        snapshot, requests = load(page, url), without_nonces(asked)
        page.goto(file_url)
        return snapshot, requests, page.evaluate(FILE_SNAPSHOT)
    finally:
        context.close()


def local_page(tmp_path: Path) -> str:
    page = tmp_path / "local.html"
    page.write_text(FILE_PAGE, encoding="utf-8")
    return page.as_uri()


def test_a_tab_after_the_reset_sees_what_a_new_context_sees(
    browser: Any, shared_context: SharedContext, site_url: str, tmp_path: Path
) -> None:
    """On the `page` fixture's own context; a failure closes it, so no later test inherits what this one left."""
    file_url = local_page(tmp_path)
    expected, expected_requests, expected_local = fresh_context_view(browser, site_url, file_url)
    shared = shared_context
    try:
        dirty = shared.new_page()
        dirty.goto(file_url)
        dirty.evaluate("localStorage.setItem('left-behind', '1')")
        assert dirty.evaluate(FILE_SNAPSHOT) != expected_local, "the local page's write did not show"
        dirty.goto(site_url)
        dirty.evaluate(DIRTY)
        with dirty.expect_popup():  # any page of the site: the reset must close it
            dirty.evaluate("url => { window.open(url); }", site_url + "robots.txt")
        shared.context.grant_permissions(["clipboard-read"], origin=site_url.rstrip("/"))
        dirty.set_viewport_size(NARROW)
        dirty.emulate_media(color_scheme="dark", reduced_motion="reduce")
        TextSize(dirty).set(TEXT_200)
        assert load(dirty, site_url) != expected, "the test's writes did not show: the comparison proves nothing"
        shared.check_left_alone(dirty)
        dirty.close()
        shared.reset()

        assert shared.context.pages == [shared.keeper], "a tab the test opened is still open"
        with shared.tab() as tab:
            assert load(tab, site_url) == expected
            # Nothing came from a cache a new context would not have: the same requests, so a test counting
            # them (or checking their hosts) sees all of them.
            assert without_nonces(tab.requests) == expected_requests
            tab.goto(file_url)
            assert tab.evaluate(FILE_SNAPSHOT) == expected_local, "the local page's storage was kept"
    except BaseException:
        shared.close()
        raise


def test_a_tab_with_its_own_settings_sees_what_a_context_with_them_sees(
    browser: Any, shared_context: SharedContext, site_url: str
) -> None:
    """Tests that need a size, a colour scheme, reduced motion or an init script set them on a tab of the shared
    context, before it loads anything, instead of opening a context with them: the page reads the same, is
    painted the same and asks for the same URLs. (That a tab's init script runs in every later page of the
    tab too is Playwright's contract; the tests that rely on it read its effect on each page they open.)"""
    context = browser.new_context(locale="ru-RU", viewport=TAB_SIZE, **TAB_MEDIA)
    try:
        context.add_init_script(INIT_SCRIPT)
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        expected, expected_requests = load(page, site_url), without_nonces(asked)
    finally:
        context.close()
    settings = [expected[key] for key in ("width", "height", "dark", "reducedMotion", "initScriptRuns")]
    assert settings == [TAB_SIZE["width"], TAB_SIZE["height"], True, True, 1], (
        f"the context's settings did not reach the page ({settings}): the comparison proves nothing"
    )
    with shared_context.tab() as tab:
        tab.set_viewport_size(TAB_SIZE)
        tab.emulate_media(**TAB_MEDIA)
        tab.add_init_script(INIT_SCRIPT)
        assert load(tab, site_url) == expected
        assert without_nonces(tab.requests) == expected_requests


def test_a_clock_installed_on_the_shared_context_is_refused_and_not_kept(
    shared_context: SharedContext, site_url: str
) -> None:
    """On the `page` fixture's own context (the refused context is replaced; the next test gets the new one)."""
    with pytest.raises(ContextChanged, match="clock"), shared_context.tab() as tab:
        tab.clock.set_fixed_time(dt.datetime(2024, 3, 15, 12, 0))
        tab.goto(site_url)
    with shared_context.tab() as tab:
        assert load(tab, site_url)["clock"] is False, "the next tab still has the clock"


def test_a_clocked_context_refuses_a_moved_clock_and_keeps_its_own_time(
    shared_contexts: SharedContexts, site_url: str
) -> None:
    """On the shared context `clocked_page` gives at that time."""
    today = dt.datetime(2024, 3, 15, 12, 0)
    shared = shared_contexts.get(fixed_time=today)
    with pytest.raises(ContextChanged, match="moved"), shared.tab() as tab:
        tab.goto(site_url)
        shared.check_left_alone(tab)  # its own time: accepted
        tab.clock.set_fixed_time(today + dt.timedelta(days=1))
    with shared.tab() as later:
        later.goto(site_url)
        assert later.evaluate("Date.now()") == int(today.timestamp() * 1000)
