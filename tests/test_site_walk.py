"""One walk through the site as readers use it, and what it must never do on the way.

The walk loads every page (as nginx serves it), prepares each one for print, runs a search from the
home page and a guide and opens a result, fills the claim builder and prints the guide, the booklet
and the letter to PDF. Along the way it records every request the pages and their workers make, every
`securitypolicyviolation` event (an init script listens before any of the page's own scripts run), the
console's policy messages, each page's Content-Security-Policy header, and the links of the desktop
sidebar cut in half by its top edge. The tests below read that record: one walk, so the pages load
once, not once per check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import pytest

from sitebuild.browse import hosts, run_search

from .conftest import BuildResult
from .site_pages import open_page, page_paths
from .test_claim_builder_browser import BUYER, fill

# The tests share the module's walk: one worker runs them all (pytest-xdist --dist loadgroup).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("site-walk")]

GUIDE = "zakaz-poteryalsya/"
DESKTOP = {"width": 1366, "height": 900}
# Links of the left sidebar cut by the top of its visible area (just under the sticky site title).
CUT_NAV_LINKS_JS = """() => {
  const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
  const title = wrap.querySelector('.md-nav--primary > .md-nav__title');
  const top = Math.max(wrap.getBoundingClientRect().top, title ? title.getBoundingClientRect().bottom : 0);
  return [...wrap.querySelectorAll('.md-nav__link')].filter(link => {
    const box = link.getBoundingClientRect();
    return box.height > 0 && box.top < top - 1 && box.bottom > top + 1;
  }).map(link => link.innerText.trim());
}"""
BOOKLET = "pechat/"
SEARCH_RESULT = "[data-md-component=search-result] a, .md-search-result a"

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} `
  + `in ${e.sourceFile || location.pathname}:${e.lineNumber}`));
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


@dataclass
class Walk:
    pages: list[str]
    requests: list[str] = field(default_factory=list)  # every URL asked for, by pages and their workers
    violations: dict[str, list[str]] = field(default_factory=dict)  # where → violations recorded there
    without_policy: list[str] = field(default_factory=list)  # pages served with no CSP header
    console: list[str] = field(default_factory=list)
    cut_sidebar_links: list[str] = field(default_factory=list)  # "/page: [links]" at 1366×900

    def record(self, where: str, page) -> None:
        found = violations(page)
        if found:
            self.violations.setdefault(where, []).extend(found)


def _print(page) -> None:
    """What Ctrl+P does: print media and the `beforeprint` event (print.js opens folded parts then)."""
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


# Session scope: pytest tears a module's fixture down whenever a worker turns to another module's test,
# and xdist interleaves modules, so a module-scoped walk would run more than once.
@pytest.fixture(scope="session")
def walk(browser, site_url: str, built_site: BuildResult) -> Walk:
    record = Walk(page_paths(built_site.site))
    context = browser.new_context(locale="ru-RU", viewport=DESKTOP, reduced_motion="reduce")
    context.add_init_script(LISTEN)
    context.on("request", lambda request: record.requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda message: record.console.append(message.text))
    for path in record.pages:
        # goto waits for the load event: every request these pages make comes before it
        response = open_page(page, site_url + path)
        if response is None or "content-security-policy" not in response.headers:
            record.without_policy.append(path)
        if path != "404.html":  # the 404 page has no sidebar
            page.wait_for_timeout(100)  # Material scrolls the sidebar to the current page after load
            cut = page.evaluate(CUT_NAV_LINKS_JS)
            if cut:
                record.cut_sidebar_links.append(f"/{path}: {cut}")
        _print(page)
        page.emulate_media(media="screen")
        record.record(path, page)
    for start in ("", GUIDE):  # the search worker and its index load under the same policy
        page.goto(site_url + start)
        run_search(page, "претензия")
        record.record(f"search from /{start}", page)
    page.locator(SEARCH_RESULT).first.click()
    page.wait_for_load_state("load")
    record.record("a search result", page)
    for path in (GUIDE, BOOKLET):
        page.goto(site_url + path)
        _print(page)
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


def test_the_walk_covers_every_page(walk: Walk) -> None:
    assert len(walk.pages) >= 10, f"too few pages found: {walk.pages}"
    assert len(walk.requests) > len(walk.pages), "too few requests recorded: the recorder is not working"


def test_every_page_comes_with_the_content_security_policy(walk: Walk) -> None:
    assert not walk.without_policy, f"pages served with no Content-Security-Policy header: {walk.without_policy}"


def test_no_violation_on_any_page_in_search_in_the_builder_or_in_print(walk: Walk) -> None:
    refused = [text for text in walk.console if "Content Security Policy" in text]
    assert not walk.violations and not refused, f"Content-Security-Policy violations: {walk.violations} {refused}"


def test_desktop_sidebar_shows_no_clipped_link(walk: Walk) -> None:
    cut = walk.cut_sidebar_links
    assert not cut, "sidebar links cut in half under the title:\n" + "\n".join(cut)


def test_no_request_to_another_host(walk: Walk) -> None:
    foreign = sorted(url for url in walk.requests if hosts([url]) - {"127.0.0.1"})
    assert hosts(walk.requests) == {"127.0.0.1"}, f"requests to other hosts: {foreign}"


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
