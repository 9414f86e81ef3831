"""The site as readers use it on a desktop, and what it must never do on the way.

Every page is loaded once in the desktop walk that the accessibility audits share (tests/desktop_walk.py,
one part of the pages a shard): the tests below read, for each part, every page's Content-Security-Policy
header, every `securitypolicyviolation` event (an init script listens before any of the page's own scripts
run) and the console's policy messages on the page and once it is prepared for print, every request, and
the links of the desktop sidebar cut in half by its top edge.

The journeys between pages are walked once more, in a context of their own at the same size: a search from
the home page and a guide, a result opened, the guide and the booklet printed to PDF, the claim builder
filled and printed; the same listener, the requests of the pages and of their workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from sitebuild.browse import hosts, run_search

from .conftest import BuildResult
from .desktop_walk import DESKTOP, LISTEN, DesktopWalk, prepare_for_print, record_violations
from .shared_context import SharedContexts
from .test_accessibility import SHARD_PARAMS, shard_walk
from .test_claim_builder_browser import BUYER, fill

pytestmark = pytest.mark.browser

GUIDE = "zakaz-poteryalsya/"
BOOKLET = "pechat/"
SEARCH_RESULT = "[data-md-component=search-result] a, .md-search-result a"
JOURNEYS_GROUP = "site-journeys"


def _assert_no_policy_violation(violations: dict[str, list[str]], console: list[str]) -> None:
    refused = [text for text in console if "Content Security Policy" in text]
    assert not violations and not refused, f"Content-Security-Policy violations: {violations} {refused}"


def _assert_only_this_host(requests: list[str]) -> None:
    foreign = sorted(url for url in requests if hosts([url]) - {"127.0.0.1"})
    assert hosts(requests) == {"127.0.0.1"}, f"requests to other hosts: {foreign}"


# ---- every page, one part of them per shard (the accessibility audits' walk) ----------------------------

@pytest.fixture
def desktop(request: pytest.FixtureRequest, shared_contexts: SharedContexts, site_url: str,
            built_site: BuildResult) -> DesktopWalk:
    return shard_walk(shared_contexts, site_url, built_site, request.param)


@pytest.mark.parametrize("desktop", SHARD_PARAMS, indirect=True)
def test_the_walk_covers_every_page(desktop: DesktopWalk) -> None:
    assert desktop.measured == desktop.pages and desktop.pages, f"walked {desktop.measured} of {desktop.pages}"
    assert len(desktop.requests) > len(desktop.pages), "too few requests recorded: the recorder is not working"


@pytest.mark.parametrize("desktop", SHARD_PARAMS, indirect=True)
def test_every_page_comes_with_the_content_security_policy(desktop: DesktopWalk) -> None:
    assert not desktop.without_policy, f"pages served with no Content-Security-Policy header: {desktop.without_policy}"


@pytest.mark.parametrize("desktop", SHARD_PARAMS, indirect=True)
def test_no_violation_on_any_page_on_screen_or_in_print(desktop: DesktopWalk) -> None:
    _assert_no_policy_violation(desktop.violations, desktop.console)


@pytest.mark.parametrize("desktop", SHARD_PARAMS, indirect=True)
def test_desktop_sidebar_shows_no_clipped_link(desktop: DesktopWalk) -> None:
    cut = desktop.cut_sidebar_links
    assert not cut, "sidebar links cut in half under the title:\n" + "\n".join(cut)


@pytest.mark.parametrize("desktop", SHARD_PARAMS, indirect=True)
def test_no_page_asks_another_host(desktop: DesktopWalk) -> None:
    _assert_only_this_host(desktop.requests)


# ---- the journeys between pages -------------------------------------------------------------------------

@dataclass
class Journeys:
    requests: list[str] = field(default_factory=list)  # every URL asked for, by pages and their workers
    violations: dict[str, list[str]] = field(default_factory=dict)  # where → violations recorded there
    console: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)

    def record(self, where: str, page) -> None:
        record_violations(self.violations, where, page)
        self.done.append(where)


# Session scope: pytest tears a module's fixture down whenever a worker turns to another module's test,
# and xdist interleaves modules, so a module-scoped fixture would run more than once.
@pytest.fixture(scope="session")
def journeys(browser, site_url: str, built_site: BuildResult) -> Journeys:
    record = Journeys()
    context = browser.new_context(locale="ru-RU", viewport=DESKTOP, reduced_motion="reduce")
    context.add_init_script(LISTEN)
    context.on("request", lambda request: record.requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda message: record.console.append(message.text))
    for start in ("", GUIDE):  # the search worker and its index load under the same policy
        page.goto(site_url + start)
        run_search(page, "претензия")
        record.record(f"search from /{start}", page)
    page.locator(SEARCH_RESULT).first.click()
    page.wait_for_load_state("load")
    record.record("a search result", page)
    for path in (GUIDE, BOOKLET):
        page.goto(site_url + path)
        prepare_for_print(page)
        assert page.pdf()[:4] == b"%PDF"
        page.emulate_media(media="screen")
        record.record(f"/{path} printed", page)
    page.goto(site_url + "konstruktor-pretenzii/")
    page.wait_for_selector("#claim-print")
    fill(page, {**BUYER, "case": "not_delivered"})
    assert page.pdf()[:4] == b"%PDF"
    record.record("the claim builder, filled and printed", page)
    context.close()
    return record


@pytest.mark.xdist_group(JOURNEYS_GROUP)
def test_no_violation_in_search_in_the_builder_or_in_print(journeys: Journeys) -> None:
    assert len(journeys.done) == 6 and len(journeys.requests) > 6, "the journeys stopped or were not recorded"
    _assert_no_policy_violation(journeys.violations, journeys.console)


@pytest.mark.xdist_group(JOURNEYS_GROUP)
def test_no_request_to_another_host_in_search_in_the_builder_or_in_print(journeys: Journeys) -> None:
    _assert_only_this_host(journeys.requests)


@pytest.fixture
def csp_page(page):
    """A tab of the shared context (conftest `page`) that listens for policy violations before any script of
    the page runs (the tab's own init script: closed with the tab)."""
    page.add_init_script(LISTEN)
    return page


def test_a_script_injected_without_a_hash_is_blocked(csp_page, site_url: str) -> None:
    """The listener works: an inline script the policy does not list is refused and counted."""
    page = csp_page
    page.goto(site_url)
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; "
        "document.head.append(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.ran") is None
