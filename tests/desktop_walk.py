"""One desktop walk through a part of the site's pages for two test modules: each page is loaded once at
1366×900 and everything a reader's desktop visit must hold is read from that load.

- tests/test_site_walk.py: the Content-Security-Policy header, no policy violation (an init script listens
  before any of the page's own scripts run), no request to another host, no sidebar link cut in half by
  the sidebar's top edge; then the page is prepared for print, as Ctrl+P does, under the same listener;
- tests/test_accessibility.py: axe-core in the light palette, then in the dark one after the reader's
  palette toggle (one load for both palettes: that module's proof shows the toggled page is the page opened
  dark), with what its audit plan leaves out of each page.

The pages are split in the accessibility module's shards; the tests of a shard carry its xdist_group
(`shard_params`), so one worker walks each part once for both modules (the walk is kept per test process,
like a session fixture). Before, the site walk loaded every page once more, on one worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from .shared_context import SharedContexts
from .site_pages import SCHEMES, axe_violations, describe, forget_palette, open_page, switch_palette

DESKTOP = {"width": 1366, "height": 900}
FIRST, SECOND = "light", "dark"

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} `
  + `in ${e.sourceFile || location.pathname}:${e.lineNumber}`));
"""

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


def shard_params(shards: int) -> list[Any]:
    """pytest parameters for the shards, each with its walk's xdist_group."""
    return [
        pytest.param(n, id=f"pages-{n + 1}-of-{shards}", marks=pytest.mark.xdist_group(f"desktop-walk-{n + 1}"))
        for n in range(shards)
    ]


def violations(page: Any) -> list[str]:
    return page.evaluate("window.__cspViolations")


def record_violations(recorded: dict[str, list[str]], where: str, page: Any) -> None:
    """The violations LISTEN saw on `page` so far, under `where` (none: nothing recorded)."""
    found = violations(page)
    if found:
        recorded.setdefault(where, []).extend(found)


def prepare_for_print(page: Any) -> None:
    """What Ctrl+P does: print media and the `beforeprint` event (print.js opens folded parts then)."""
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


@dataclass
class DesktopWalk:
    pages: list[str]
    measured: list[str] = field(default_factory=list)  # the pages walked to the end, in order
    requests: list[str] = field(default_factory=list)  # every URL the tab and its workers asked for
    violations: dict[str, list[str]] = field(default_factory=dict)  # where → violations recorded there
    without_policy: list[str] = field(default_factory=list)  # pages served with no CSP header
    console: list[str] = field(default_factory=list)
    cut_sidebar_links: list[str] = field(default_factory=list)  # "/page: [links]"
    audit_failures: list[str] = field(default_factory=list)  # axe's violations and what stopped an audit
    audits: list[tuple[str, str]] = field(default_factory=list)  # (page, palette) audited

    def record(self, where: str, page: Any) -> None:
        record_violations(self.violations, where, page)


def _audit(page: Any, path: str, left_out: tuple[str, ...], walk: DesktopWalk) -> None:
    if page.locator("html").get_attribute("lang") != "ru":
        walk.audit_failures.append(f"/{path}: <html> has no lang=ru")
    for scheme in (FIRST, SECOND):
        if scheme == SECOND:
            switch_palette(page, SCHEMES[scheme])
        shown = page.locator("body").get_attribute("data-md-color-scheme")
        if shown != SCHEMES[scheme]:
            walk.audit_failures.append(f"/{path}: palette {shown!r}, expected {SCHEMES[scheme]!r}")
            continue
        found = axe_violations(page, exclude=left_out)
        if found:
            walk.audit_failures.append(f"/{path} ({shown}):\n{describe(found)}")
        walk.audits.append((path, scheme))
    forget_palette(page)


def walk_on_a_desktop(contexts: SharedContexts, site_url: str, plan: dict[str, tuple[str, ...]]) -> DesktopWalk:
    """Every page of `plan` (page → what axe leaves out there) in a tab of the shared context at 1366×900,
    light palette and reduced motion: the policy's header, the sidebar, axe in both palettes, then print."""
    walk = DesktopWalk(sorted(plan))
    shared = contexts.get()

    def record_request(request: Any) -> None:
        walk.requests.append(request.url)

    with shared.tab() as page:
        page.set_viewport_size(DESKTOP)
        page.emulate_media(color_scheme=FIRST, reduced_motion="reduce")
        page.add_init_script(LISTEN)
        # On the context, as a context of its own would record them: the page's workers' requests too.
        shared.context.on("request", record_request)
        page.on("console", lambda message: walk.console.append(message.text))
        try:
            _walk_pages(page, site_url, plan, walk)
        finally:
            shared.context.remove_listener("request", record_request)
    return walk


def _walk_pages(page: Any, site_url: str, plan: dict[str, tuple[str, ...]], walk: DesktopWalk) -> None:
    for path in walk.pages:
        # goto waits for the load event: every request these pages make comes before it
        response = open_page(page, site_url + path)
        if response is None or "content-security-policy" not in response.headers:
            walk.without_policy.append(path)
        if path != "404.html":  # the 404 page has no sidebar
            page.wait_for_timeout(100)  # Material scrolls the sidebar to the current page after load
            cut = page.evaluate(CUT_NAV_LINKS_JS)
            if cut:
                walk.cut_sidebar_links.append(f"/{path}: {cut}")
        _audit(page, path, plan[path], walk)  # before print: print.js opens folded parts for paper
        prepare_for_print(page)
        page.emulate_media(media="screen")
        walk.record(path, page)
        walk.measured.append(path)


_WALKS: dict[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], DesktopWalk] = {}


def desktop_walk(contexts: SharedContexts, site_url: str, plan: dict[str, tuple[str, ...]]) -> DesktopWalk:
    """The walk of these pages, once per test process (the shard's tests share its xdist_group)."""
    key = (site_url, tuple(sorted(plan.items())))
    if key not in _WALKS:
        _WALKS[key] = walk_on_a_desktop(contexts, site_url, plan)
    return _WALKS[key]
