"""Shared fixtures: the project root, a built copy of the real site, and broken copies of it."""

from __future__ import annotations

import http.server
import os
import shutil
from pathlib import Path

import pytest

from sitebuild import ROOT, BuildResult, build, copy_project
from sitebuild.browse import CHROMIUM, CHROMIUM_ARGS

# The project copy and the strict build live in sitebuild/, shared with bench/ (neither imports the other).
__all__ = ["ROOT", "BuildResult", "build", "copy_project", "CHROMIUM", "CHROMIUM_ARGS"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built once per test session.

    `make check` has just built this tree strictly into site/ and says so in PREBUILT_SITE;
    reusing that build saves one full build per run.
    """
    prebuilt = os.environ.get("PREBUILT_SITE")
    if prebuilt and (Path(prebuilt) / "index.html").exists():
        return BuildResult(0, "", Path(prebuilt), ROOT)
    result = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.ok, f"the real site does not build:\n{result.output}"
    return result


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def built_copy(built_site: BuildResult, tmp_path: Path) -> Path:
    """A copy of the real built site (hard links, so it is cheap) to break on purpose."""
    dest = tmp_path / "site"
    shutil.copytree(built_site.site, dest, copy_function=_link_or_copy)
    return dest


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system
        shutil.copy2(src, dst)


# --- Browser fixtures (Playwright driving Debian's Chromium; never `playwright install`) ----------

# Chromium flags: sitebuild/browse.py (one list for the browser tests and the benchmarks).


@pytest.fixture(scope="session")
def site_url(built_site: BuildResult):
    """The real site served over HTTP on 127.0.0.1 (search and instant loading need http, not file://)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does this)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page; `page.requests` lists every URL it asked for, to prove no third party is called."""
    context = browser.new_context(locale="ru-RU")
    new_page = context.new_page()
    new_page.requests = []
    new_page.on("request", lambda request: new_page.requests.append(request.url))
    yield new_page
    context.close()
