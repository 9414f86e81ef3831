"""Which pages a built site has, and how to load one in a given colour scheme (for browser tests)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from sitebuild import ROOT

# axe-core as package-lock.json pins it (a direct devDependency; `make test` runs `npm ci` first). Its 4.14
# runs the colour rules 2.3x cheaper than the 4.12 axe-playwright-python shipped (dev/testing.md).
AXE_FILE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

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


# The reader's palette toggle: Material's header form (partials/palette.html; on the booklets the same form,
# switched by assets/booklet-palette.js). Each palette has a radio input; the one label shown checks the
# other palette's input, and its change handler sets data-md-color-* on <body>, the colour meta tags and
# the stored choice, without a reload. Clicked as a tap would (no mouse left hovering over the header).
SWITCH_PALETTE_JS = """scheme => {
  const input = [...document.querySelectorAll('input[name=__palette]')]
    .find(input => input.getAttribute('data-md-color-scheme') === scheme);
  const label = input && [...document.querySelectorAll('label[for]')]
    .find(label => label.htmlFor === input.id && !label.hidden);
  if (!label) return false;
  label.click();
  return true;
}"""
PALETTE_SETTLED_JS = """scheme => document.body.getAttribute('data-md-color-scheme') === scheme
  && !document.body.hasAttribute('data-md-color-switching')"""
# The choice the toggle stored (Material's __md_set: the site's path, then the key): removed, the next page
# opens in the palette prefers-color-scheme picks, as on a reader's first visit.
FORGET_PALETTE_JS = "() => localStorage.removeItem(__md_scope.pathname + '.__palette')"


def switch_palette(page: Any, scheme: str) -> None:
    """Switch the loaded page to `scheme` (a value of SCHEMES) with its palette toggle, as a reader does, and
    wait until Material has applied it. tests/test_accessibility.py shows the result equals a page opened in
    that palette."""
    assert page.evaluate(SWITCH_PALETTE_JS, scheme), f"{page.url}: the palette toggle offers no {scheme!r}"
    page.wait_for_function(PALETTE_SETTLED_JS, arg=scheme)
    page.evaluate("() => { if (document.activeElement && document.activeElement.name === '__palette')"
                  " document.activeElement.blur(); }")


def forget_palette(page: Any) -> None:
    page.evaluate(FORGET_PALETTE_JS)


@cache
def axe_script() -> str:
    """axe-core's script, read once per test process."""
    if not AXE_FILE.is_file():
        raise FileNotFoundError(f"{AXE_FILE} is missing: run `make node_modules/.installed` (npm ci)")
    return AXE_FILE.read_text(encoding="utf-8")


def axe_violations(page: Any, exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Run axe-core (node_modules/axe-core, pinned by package-lock.json; no CDN) on the loaded page, every
    rule of WCAG_TAGS; `exclude`: CSS selectors of parts audited elsewhere (page-level rules still run)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script())
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
