"""Shared fixtures: the project root, a built copy of the real site, and broken copies of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from deploy.preview import Preview

ROOT = Path(__file__).resolve().parent.parent
SITE_PARTS = ("docs", "data", "macros", "overrides", "schemas", "mkdocs.yml", "hooks")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path
    project: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(dest: Path) -> Path:
    """A throwaway copy of everything the build reads, to break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, site: Path | None = None, config: str = "mkdocs.yml") -> BuildResult:
    """Run a strict build exactly as `make build` does (never with -q)."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(project / config), "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site, project)


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


# --- Browser fixtures (Playwright driving Debian's Chromium; never `playwright install`) ----------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def served_site(built_site: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """The real site as readers get it: `make dist`'s files (with .gz/.br twins) behind nginx, configured
    by deploy/headers.py exactly as deploy/nginx.conf, on a free port of 127.0.0.1; stopped after the session.
    """
    from deploy.dist import compress_twins
    from deploy.preview import MISSING_NGINX, PreviewError, nginx_available, running_preview

    if not nginx_available():
        pytest.fail(MISSING_NGINX)
    site = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(built_site.site, site)
    compress_twins(site)
    try:
        with running_preview(site) as preview:
            yield preview
    except PreviewError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def site_url(served_site: Preview) -> str:
    """Base URL of the real site served by nginx (search and instant loading need http, not file://)."""
    return served_site.url


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    """A plain file server for fixture sites (tests/test_print_browser.py); the real site is served by nginx."""

    def log_message(self, *args) -> None:  # keep pytest output readable
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
    new_page.requests = []  # type: ignore[attr-defined]
    new_page.on("request", lambda request: new_page.requests.append(request.url))  # type: ignore[attr-defined]
    yield new_page
    context.close()
