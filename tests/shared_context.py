"""One browser context per test process and per set of settings, a fresh tab in it per test, and the reset
that makes it safe.

Why: a new context with its first page load costs Chromium about 1.0–1.1 CPU-s, a new tab in a kept
context about 0.5 (dev/testing.md, «the context cost»). A shared context would carry a test's state into
the next one, so after every test `SharedContext.reset` removes what a test can leave there (cookies,
permissions, context routes, every origin's storage, `file://` pages' included, service workers and the
HTTP cache), and `SharedContext.check_left_alone` refuses what cannot be removed: Playwright's clock (it
stays installed in the context) at another time than the context's own. `SharedContexts` keeps one
context per settings (a fixed clock, a phone's touch), so tests that need the same settings share it.
Settings a tab has of its own (its size, emulated media, its init scripts) are set on the test's tab
instead of on a context: the tab is closed after the test. tests/test_shared_context.py proves the reset
and that such a tab sees what a context opened with those settings sees. A test that needs other context
settings (locale, JavaScript off, permissions granted at start, touch) takes them from `SharedContexts`
or, used once, makes its own with `browser.new_context`.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urlsplit

# The renderer of a context lives as long as one of its pages: this tab stays open on a blank page so the
# next test's tab does not start a renderer again (a tab that is the context's only one costs twice as much).
KEEPER_URL = "about:blank"

# Whether Playwright's clock is installed in the page, and the time the page reads.
CLOCK_STATE = "() => ({installed: '__pwClock' in window, now: Date.now()})"


class ContextChanged(Exception):
    """The test changed the shared context in a way the reset cannot undo."""


def origin_of(url: str) -> str | None:
    """The key Chromium keeps an origin's storage under: scheme://host[:port] of an http(s) URL, «file://» for
    every local file (Chromium gives them all one localStorage, which the offline copy's pages use)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file://"
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class SharedContext:
    """A browser context kept for the whole test process, optionally with its clock fixed at `fixed_time`."""

    browser: Any
    fixed_time: dt.datetime | None = None
    options: dict[str, Any] = field(default_factory=dict)  # browser.new_context's, beside the locale
    context: Any = None
    keeper: Any = None
    session: Any = None
    origins: set[str] = field(default_factory=set)

    def open(self) -> None:
        self.context = self.browser.new_context(locale="ru-RU", **self.options)
        if self.fixed_time is not None:
            self.context.clock.set_fixed_time(self.fixed_time)
        # Every origin any tab of the context asks for (popups too): the reset clears their storage.
        self.context.on("request", self._remember_origin)
        self.keeper = self.context.new_page()
        self.keeper.goto(KEEPER_URL)
        self.session = self.context.new_cdp_session(self.keeper)
        self.origins = set()

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        self.context = self.keeper = self.session = None

    def new_page(self) -> Any:
        """A new tab; `page.requests` lists every URL it asks for."""
        if self.context is None:
            self.open()
        page = self.context.new_page()
        page.requests = []

        page.on("request", lambda request: page.requests.append(request.url))
        return page

    def _remember_origin(self, request: Any) -> None:
        origin = origin_of(request.url)
        if origin:
            self.origins.add(origin)

    def check_left_alone(self, page: Any) -> None:
        """Refuse a clock the test installed or moved: it would stay in the context for every later test."""
        try:
            state = page.evaluate(CLOCK_STATE) if not page.is_closed() else None
        except Exception:  # a page the test left mid-navigation or crashed: start the next test afresh
            self.close()
            return
        if state is None:
            return
        if self.fixed_time is None and state["installed"]:
            self.close()
            raise ContextChanged(
                "this test installed Playwright's clock on the shared context; ask for `clocked_page` "
                "(tests/conftest.py) or open your own context with browser.new_context"
            )
        if self.fixed_time is not None and state["now"] != int(self.fixed_time.timestamp() * 1000):
            self.close()
            raise ContextChanged(
                f"this test moved the shared context's clock from {self.fixed_time:%d.%m.%Y %H:%M}; "
                "open your own context with browser.new_context for another time"
            )

    def reset(self) -> None:
        """Remove what a test can leave in the context: open tabs, cookies, permissions, routes, storage, cache."""
        if self.context is None:
            return
        for left_open in self.context.pages:  # tabs the test's page opened (window.open, target=_blank)
            if left_open != self.keeper:
                left_open.close()
        self.context.clear_cookies()
        self.context.clear_permissions()
        self.context.unroute_all(behavior="ignoreErrors")
        for origin in sorted(self.origins):
            # localStorage, IndexedDB, Cache Storage, service workers, cookies of that origin
            self.session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()
        self.session.send("Network.clearBrowserCache")

    @contextmanager
    def tab(self) -> Iterator[Any]:
        """A new tab, checked, closed and the context reset when the block ends: a test that needs two clean
        tabs one after the other (one per palette) takes each from here."""
        tab = self.new_page()
        try:
            yield tab
            self.check_left_alone(tab)
        finally:
            if not tab.is_closed():
                tab.close()
            self.reset()


def fresh_tab(shared: SharedContext) -> Iterator[Any]:
    """A fixture's body: a new tab of `shared`, checked, closed and the context reset after the test."""
    with shared.tab() as tab:
        yield tab


@dataclass
class SharedContexts:
    """One `SharedContext` per settings for the whole test process: tests that need the same context settings
    (a clock fixed at the same time, a phone with touch) share one context instead of opening one each."""

    browser: Any
    contexts: dict[str, SharedContext] = field(default_factory=dict)

    def get(self, fixed_time: dt.datetime | None = None, **options: Any) -> SharedContext:
        """The context with this clock and these `browser.new_context` options (the locale is always ru-RU)."""
        key = repr((fixed_time, sorted(options.items())))
        shared = self.contexts.get(key)
        if shared is None:
            shared = self.contexts[key] = SharedContext(self.browser, fixed_time=fixed_time, options=options)
        return shared

    def close(self) -> None:
        for shared in self.contexts.values():
            shared.close()
        self.contexts.clear()
