"""Serve a built site on 127.0.0.1 and record what Chromium downloads while a reader uses it.

Shared by the weight benchmark (bench/weight.py) and the browser tests, so both count the same way;
the Chromium flags live here once (tests/conftest.py imports them).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
# Chromium's headless mode makes every new tab a browser window, and since about Chromium 149 each window
# loads the address bar's suggestion popups as web pages (chrome://omnibox-popup.top-chrome/ and its
# omnibox_popup_aim.html): two renderers nobody sees, about half of what a new window cost: 30 tabs (open,
# load a guide, close) took 35.8 CPU-s with them and 19.7 without (dev/testing.md, the sixth round).
UNUSED_BROWSER_UI = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
# Chromium keeps only the last --disable-features it is given, and Playwright passes its own list first: ours
# must repeat Playwright's (playwright 1.65). tests/test_browser_flags.py compares them with the list
# Playwright passes, and fails naming any feature Playwright disables that this list lacks.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
    "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
    "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNUSED_BROWSER_UI)]
# A guide downloads at most this much (gzip) before search is opened: tests hold it, bench/weight.py reports it.
# 60 KB from issue 17 (was 120 KB; 81.8 KB measured before it). 64 KB since 2026-12-07: the large print type
# for elderly readers (print.css) and the legally needed steps put a guide at 60.4 KB, so any sentence an
# editor added failed the test; 3.5 KB of room lets a correct edit pass while a new script or font still fails.
GUIDE_BUDGET_GZIP = 64 * 1024
SEARCH_FIELD = "input[type=search], input[role=combobox], input[name=query]"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site at http://127.0.0.1:PORT/ until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@dataclass
class Transfer:
    """Every response a page received: URL and body size, raw and gzip-compressed (level 6, as servers do).

    The event handler only keeps the response; bodies are read afterwards, once the page has settled,
    so no response is missed while an earlier one is still being read.
    """

    pending: list[Any] = field(default_factory=list)

    def record(self, response: Any) -> None:
        self.pending.append(response)

    @property
    def responses(self) -> list[tuple[str, int, int]]:
        sizes = []
        for response in self.pending:
            try:
                body = response.body()
            except Exception:  # redirects and aborted requests have no body
                body = b""
            sizes.append((response.url, len(body), len(gzip.compress(body, 6))))
        return sizes

    @property
    def requests(self) -> int:
        return len(self.pending)

    @property
    def raw_bytes(self) -> int:
        return sum(raw for _, raw, _ in self.responses)

    @property
    def gzip_bytes(self) -> int:
        return sum(packed for _, _, packed in self.responses)


def settle(page: Any) -> None:
    """Wait for the load event, then a second for anything a script asks for later.

    The site's pages ask for everything before their load event; a second more catches a change that
    breaks this. (Playwright's "networkidle" is not used: on a loaded machine it sometimes never came.)
    """
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)


def hosts(urls: list[str]) -> set[str]:
    """Hosts asked for anything, data: and blob: URLs left out (they never leave the browser)."""
    return {urlparse(url).hostname or "" for url in urls if not url.startswith(("data:", "blob:"))}


def run_search(page: Any, query: str) -> None:
    """Open search with the keyboard-free path a reader takes: click the field, type, wait for results."""
    field = page.locator(SEARCH_FIELD).first
    field.click()
    field.fill(query)
    page.keyboard.press("End")  # fill() with Cyrillic sends no keyup; search reacts to keyup
    results = page.locator("[data-md-component=search-result] a, .md-search-result a")
    results.first.wait_for(state="visible", timeout=15_000)
