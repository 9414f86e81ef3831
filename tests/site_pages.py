"""Which pages a built site has, and how to load one in a given colour scheme (for browser tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from axe_playwright_python.base import AXE_SCRIPT

# The WCAG 2.0 and 2.1 level A and AA rules of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Material's palettes in mkdocs.yml: «default» follows prefers-color-scheme: light, «slate» dark.
SCHEMES = {"light": "default", "dark": "slate"}


def page_paths(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to its root ('' is the home page)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths


def open_page(page: Any, url: str) -> Any:
    """`page.goto(url)` as a reader sees the page once it is ready: on the claim builder's page, form.js
    builds the form in slices after the load event and puts it in whole, #claim-print last; wait for it,
    or a check would read the placeholder instead of the form. Returns goto's response."""
    response = page.goto(url)
    if page.locator("#claim-builder").count():
        page.wait_for_selector("#claim-print")
    return response


def axe_violations(page: Any, exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Run axe-core (shipped inside axe-playwright-python, no CDN) on the loaded page, every rule of
    WCAG_TAGS; `exclude`: CSS selectors of parts audited elsewhere (page-level rules still run)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    # A booklet lays out only the chapters near the screen (content-visibility in booklet.css): a chapter
    # takes its real height when axe scrolls to it, the text moves under the point axe reads the
    # background at, and axe reports the colour of whatever is there now. Lay them all out first;
    # colours and markup are the same either way. (Set through CSSOM: the CSP forbids style attributes.)
    page.evaluate(
        "document.querySelectorAll('.booklet-part').forEach(el => { el.style.contentVisibility = 'visible'; })"
    )
    result = page.evaluate(
        """([tags, exclude]) => axe.run(exclude.length ? {exclude: exclude.map(s => [s])} : document,
                                        {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [WCAG_TAGS, list(exclude)],
    )
    return result["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        count = len(violation["nodes"])
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} — {count} × {targets}")
    return "\n".join(lines)
