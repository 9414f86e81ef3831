"""The Content-Security-Policy holds in Chromium: every page, a search, the claim builder, print.

Each page gets an init script that records every `securitypolicyviolation` event before any of the
page's own scripts run; the test then reads them back. Zero is the only acceptable count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.browse import run_search

from .conftest import BuildResult
from .site_pages import page_paths
from .test_claim_builder_browser import BUYER, fill

pytestmark = pytest.mark.browser

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} `
  + `in ${e.sourceFile || location.pathname}:${e.lineNumber}`));
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


@pytest.fixture
def csp_page(browser):
    context = browser.new_context(locale="ru-RU")
    context.add_init_script(LISTEN)
    new_page = context.new_page()
    yield new_page
    context.close()


def test_no_violation_on_any_page_in_search_in_the_builder_or_in_print(
    csp_page, site_url: str, built_site: BuildResult
) -> None:
    page = csp_page
    seen: dict[str, list[str]] = {}
    for path in page_paths(built_site.site):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="screen")
        if violations(page):
            seen[path] = violations(page)
    page.goto(site_url + "zakaz-poteryalsya/")
    run_search(page, "претензия")
    page.locator("[data-md-component=search-result] a, .md-search-result a").first.click()
    page.wait_for_load_state("load")
    seen.setdefault("search", []).extend(violations(page))
    page.goto(site_url + "konstruktor-pretenzii/")
    page.wait_for_selector("#claim-print")
    fill(page, {**BUYER, "case": "not_delivered"})
    page.pdf(path=str(Path("/dev/null")))
    seen.setdefault("claim builder", []).extend(violations(page))
    found = {where: v for where, v in seen.items() if v}
    assert not found, f"Content-Security-Policy violations: {found}"


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
