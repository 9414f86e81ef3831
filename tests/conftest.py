"""Shared fixtures: the project root, a built copy of the real site, and broken copies of it."""

from __future__ import annotations

import atexit
import http.server
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from sitebuild import ROOT, BuildResult, BuildServer, copy_project
from sitebuild.browse import CHROMIUM, CHROMIUM_ARGS

from .collect_by_mark import module_left_out
from .shared_context import SharedContext, SharedContexts, fresh_tab

if TYPE_CHECKING:
    from deploy.preview import Preview

    from .accepted_copy import AcceptedCopy
    from .broken_links_copy import BrokenLinks
    from .editors_copy import EditorsCopy
    from .refused_front_matter_copy import RefusedFrontMatter
    from .wrong_calls_copy import WrongCalls

# The shared copies' modules are imported by the fixtures that make them, not here: every process that
# loads this file (pytest-xdist's controller, which runs no test, and each worker) would otherwise import
# the contacts' models, the checker and phonenumbers' place names (about 0.8 CPU-s each) at start-up.

# The project copy and the strict build live in sitebuild/, shared with bench/ (neither imports the other).
__all__ = ["ROOT", "BuildResult", "BuildServer", "build", "copy_project", "CHROMIUM", "CHROMIUM_ARGS"]

# One build server per test session: builds fork from a process that has MkDocs and its plugins imported,
# instead of starting Python again (sitebuild/build_server.py). Under pytest-xdist the controller, which runs
# no test, starts it and every worker sends its builds there (pytest_configure_node, pytest_configure): MkDocs'
# imports and Material's compiled templates are then paid once a run, not once per worker.
_BUILD_SERVER = BuildServer()
atexit.register(_BUILD_SERVER.close)
_SHARED_SERVER = "build_server"  # the key of its address in a worker's workerinput


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: run in the controller for each worker it starts
def pytest_configure_node(node: Any) -> None:
    address = _BUILD_SERVER.listen()
    if address is not None:
        node.workerinput[_SHARED_SERVER] = address


def pytest_configure(config: pytest.Config) -> None:
    address = getattr(config, "workerinput", {}).get(_SHARED_SERVER)
    if address:
        _BUILD_SERVER.use(address)


def build(project: Path, site: Path | None = None, config: str = "mkdocs.yml") -> BuildResult:
    """A strict build exactly as `make build` does it (sitebuild.build), forked from the build server."""
    return _BUILD_SERVER.build(project, site, config)


@pytest.fixture(scope="session")
def build_server() -> BuildServer:
    """The server `build` forks from (tests/test_build_server.py shows it builds as a new process does)."""
    return _BUILD_SERVER


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Skip a test module that `-m` would leave out whole (tests/collect_by_mark.py): `make check` then never
    imports the browser modules and Playwright in its workers. None: pytest's own rules decide."""
    markexpr = config.option.markexpr
    if not markexpr or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    try:
        source = collection_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return True if module_left_out(source, markexpr) else None


def pytest_sessionfinish() -> None:
    # Stop the server while this process still waits for it (test workers may leave without atexit),
    # so its builds count in the CPU time of whoever ran the tests. A worker only leaves the controller's
    # server; the controller's session ends after every worker's.
    _BUILD_SERVER.close()


_UNGROUPED = pytest.StashKey[set[str]]()


# Fixtures that build a copy of the project: a test that asks for one costs seconds, not milliseconds.
_BUILDING = {"project_copy", "accepted_copy", "wrong_calls", "broken_links", "editors_copy", "configured",
             "offline_site", "nested_project", "build_server", "print_site_url", "refused_front_matter"}


def _start_order(item: pytest.Item) -> int:
    """Long tests first, so that no worker is left running one while the others have nothing to do."""
    if item.get_closest_marker("long"):
        return 0
    if item.get_closest_marker("browser"):
        return 1
    return 2 if _BUILDING.intersection(getattr(item, "fixturenames", ())) else 3


@pytest.hookimpl(trylast=True)  # after pytest-xdist's worker has added the group to each test's id
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start long tests first; note the tests `--dist loadgroup` failed to group (it did, silently, with
    pytest 9.2).

    pytest-xdist hands out groups first, then single tests in this order (the same on every worker, as
    it must be). Tests marked xdist_group share an expensive session fixture (the site walk, nginx for
    dist); spread over workers, each worker pays for it again and `make test` only gets slower.
    `_grouped` fails them.
    """
    items.sort(key=_start_order)  # stable: a group's tests keep their order
    if getattr(config.option, "loadgroup", False):  # set on xdist workers under --dist loadgroup
        config.stash[_UNGROUPED] = {
            item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
        }


@pytest.fixture(autouse=True)
def _grouped(request: pytest.FixtureRequest) -> None:
    if request.node.nodeid in request.config.stash.get(_UNGROUPED, set()):
        pytest.fail(
            "pytest-xdist --dist loadgroup did not group this test by its xdist_group mark: keep pytest at "
            "the version requirements.in allows (pytest-dev/pytest-xdist#1386: pytest 9.2 with xdist 3.8)",
            pytrace=False,
        )


# How long a test waits for the strict build `make check` runs beside it; it takes seconds on an idle machine.
SITE_READY_TIMEOUT = 600.0


def prebuilt_site() -> Path | None:
    """The strict build of this tree that `make check` and `make test` make into site/ (PREBUILT_SITE).

    They run `make sitecheck` beside pytest and write its exit status to the file SITE_READY when it ends;
    until then the site is half written, so this waits for that file. None without PREBUILT_SITE.
    """
    prebuilt = os.environ.get("PREBUILT_SITE")
    if not prebuilt:
        return None
    ready = os.environ.get("SITE_READY")
    if ready:
        deadline = time.monotonic() + SITE_READY_TIMEOUT
        while not os.path.exists(ready):
            if time.monotonic() > deadline:
                pytest.fail(f"`make sitecheck` has not finished in {SITE_READY_TIMEOUT:.0f} s ({ready})", pytrace=False)
            time.sleep(0.05)
        if Path(ready).read_text(encoding="utf-8").strip() != "0":
            pytest.fail("the strict build or sitecheck of the real site failed: make shows why", pytrace=False)
    site = Path(prebuilt)
    return site if (site / "index.html").exists() else None


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real site, built once per test session, or the build `make check` has made of it (prebuilt_site)."""
    prebuilt = prebuilt_site()
    if prebuilt is not None:
        return BuildResult(0, "", prebuilt, ROOT)
    result = build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert result.ok, f"the real site does not build:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The copy `make offline` makes (OFFLINE=true), built once; its tests carry xdist_group("offline")."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OFFLINE", "true")  # what `make offline` sets
        result = build(ROOT, tmp_path_factory.mktemp("offline") / "site-offline")
    assert result.ok, f"the offline copy does not build:\n{result.output}"
    return result


@pytest.fixture(scope="session")
def accepted_copy(tmp_path_factory: pytest.TempPathFactory) -> AcceptedCopy:
    """tests/accepted_copy.py: odd input the strict build must accept, built once; users carry its xdist_group."""
    from .accepted_copy import make_accepted_copy

    return make_accepted_copy(tmp_path_factory.mktemp("accepted") / "project", build)


@pytest.fixture(scope="session")
def broken_links(tmp_path_factory: pytest.TempPathFactory) -> BrokenLinks:
    """tests/broken_links_copy.py: broken links, a page missing from the nav and wrong macro calls, built once;
    users carry its xdist_group."""
    from .broken_links_copy import make_broken_links

    return make_broken_links(tmp_path_factory.mktemp("broken-links") / "project", build)


@pytest.fixture(scope="session")
def editors_copy(tmp_path_factory: pytest.TempPathFactory) -> EditorsCopy:
    """tests/editors_copy.py: a changed contact, a retired one and a new guide, built and checked once;
    users carry its xdist_group."""
    from .editors_copy import make_editors_copy

    return make_editors_copy(tmp_path_factory.mktemp("editors") / "project", build)


@pytest.fixture(scope="session")
def refused_front_matter(tmp_path_factory: pytest.TempPathFactory) -> RefusedFrontMatter:
    """tests/refused_front_matter_copy.py: guides whose front matter the build refuses before MkDocs reads it,
    built once; users carry its xdist_group."""
    from .refused_front_matter_copy import make_refused_front_matter

    return make_refused_front_matter(tmp_path_factory.mktemp("refused-front-matter") / "project", build)


@pytest.fixture(scope="session")
def wrong_calls(broken_links: BrokenLinks) -> WrongCalls:
    """tests/wrong_calls_copy.py: pages that call macros wrongly, in the broken-links copy's build; users carry
    its xdist_group."""
    return broken_links.wrong_calls


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def linkable_site(built_site: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site on the file system of the tests' scratch folders, so copies of it can be hard links.

    `make check` keeps that scratch on tmpfs (Makefile, TEST_TMPDIR) while site/ stays in the project:
    then the site is copied there once per test process instead of once per test.
    """
    base = tmp_path_factory.getbasetemp()
    if os.stat(built_site.site).st_dev == os.stat(base).st_dev:
        return built_site.site
    return Path(shutil.copytree(built_site.site, tmp_path_factory.mktemp("linkable") / "site"))


@pytest.fixture
def built_copy(linkable_site: Path, tmp_path: Path) -> Path:
    """A copy of the real built site (hard links, so it is cheap) to break on purpose."""
    dest = tmp_path / "site"
    shutil.copytree(linkable_site, dest, copy_function=_link_or_copy)
    return dest


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system
        shutil.copy2(src, dst)


# --- Browser fixtures (Playwright driving Debian's Chromium; never `playwright install`) ----------

# Chromium flags: sitebuild/browse.py (one list for the browser tests and the benchmarks).


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A plain file server for fixture sites (tests/test_print_browser.py); the real site is served by nginx."""

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


@pytest.fixture(scope="session")
def shared_contexts(browser) -> Iterator[SharedContexts]:
    """One context per settings per test process (tests/shared_context.py says why sharing is safe)."""
    contexts = SharedContexts(browser)
    yield contexts
    contexts.close()


@pytest.fixture(scope="session")
def shared_context(shared_contexts: SharedContexts) -> SharedContext:
    """The context of the `page` fixture: the default settings."""
    return shared_contexts.get()


@pytest.fixture
def page(shared_context: SharedContext) -> Iterator[Any]:
    """A fresh tab with nothing stored; `page.requests` lists every URL it asked for, to prove no third party
    is called. The context is shared and reset after each test (tests/shared_context.py); a test that needs
    a size, emulated media or an init script sets them on this tab, other context settings come from
    `shared_contexts`."""
    yield from fresh_tab(shared_context)


@pytest.fixture
def clocked_page(request: pytest.FixtureRequest, shared_contexts: SharedContexts) -> Iterator[Any]:
    """Like `page`, in a context whose clock is fixed at the test module's TODAY (so dates are exact)."""
    yield from fresh_tab(shared_contexts.get(fixed_time=request.module.TODAY))
