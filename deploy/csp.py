"""The Content-Security-Policy header: the union of what every built page needs, and nothing more.

A page may carry its own policy in `<meta http-equiv="Content-Security-Policy">` (with the hashes of
its inline scripts). A browser enforces the header *and* the meta tag, so the header must allow
everything any page's meta allows, or it would block what the page's own policy permits: the header
is the union of the pages' policies. A page without a meta tag gets the strictest policy its own
HTML passes: `'self'` for files, a sha256 hash for each inline script, nothing else.

The pages are read with the standard library's HTML parser (a tokenizer that handles attributes,
entities and raw-text script elements), never with regular expressions.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser runs; JSON and JSON-LD blocks are data and need no hash.
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Directives that fall back to default-src when a policy omits them (CSP Level 3, «fetch directives»).
FETCH_DIRECTIVES = ("script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src",
                    "manifest-src", "media-src", "object-src", "frame-src", "child-src")

# What a page of this site needs when it says nothing itself: its own files, SVG icons that Material
# puts into its CSS as data: URIs, the search index (fetch), the search worker. Nothing else, no
# 'unsafe-inline' anywhere.
BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "object-src": ("'none'",),
}
# Only a header can carry these (a meta tag's frame-ancestors is ignored): no site may frame ours.
HEADER_ONLY: dict[str, tuple[str, ...]] = {"frame-ancestors": ("'none'",)}

Policy = dict[str, tuple[str, ...]]


@dataclass
class PageScan:
    """What one built page says about scripts and policy."""

    meta_policies: list[str] = field(default_factory=list)
    inline_script_hashes: list[str] = field(default_factory=list)
    has_style_attribute: bool = False
    has_style_element: bool = False


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "style" in values:
            self.scan.has_style_attribute = True
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.scan.meta_policies.append(values.get("content", ""))
        elif tag == "style":
            self.scan.has_style_element = True
        elif tag == "script" and "src" not in values and values.get("type", "").lower() in _JS_TYPES:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.inline_script_hashes.append(script_hash("".join(self._script)))
            self._script = None


def script_hash(text: str) -> str:
    """The CSP source for an inline script: sha256 of its exact text, base64."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def scan_page(html: str) -> PageScan:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.scan


def parse_policy(text: str) -> Policy:
    """`a b c; d e` -> {a: (b, c), d: (e,)}; directive names are case-insensitive, the first one wins."""
    policy: Policy = {}
    for part in text.split(";"):
        words = part.split()
        if words and words[0].lower() not in policy:
            policy[words[0].lower()] = tuple(words[1:])
    return policy


def effective(policy: Policy) -> Policy:
    """The same policy with every omitted fetch directive spelled out from default-src."""
    full = dict(policy)
    default = policy.get("default-src")
    if default is not None:
        for directive in FETCH_DIRECTIVES:
            full.setdefault(directive, default)
    return full


def page_policy(scan: PageScan) -> Policy:
    """The page's own meta policy, or the strictest policy its HTML passes."""
    if scan.meta_policies:
        # Several meta tags are all enforced: the page needs what the first allows at most.
        return effective(parse_policy(scan.meta_policies[0]))
    policy = dict(BASE_POLICY)
    if scan.inline_script_hashes:
        policy["script-src"] = policy["script-src"] + tuple(dict.fromkeys(scan.inline_script_hashes))
    if scan.has_style_attribute or scan.has_style_element:
        policy["style-src"] = policy["style-src"] + ("'unsafe-inline'",)
    return effective(policy)


def union(policies: list[Policy]) -> Policy:
    """A policy that allows whatever any of the given policies allows.

    A directive missing from one page's (effective) policy means «anything» for that page, so the
    union leaves it out too; `'none'` disappears as soon as another page names a source.
    """
    if not policies:
        return {}
    names = [name for name in policies[0] if all(name in p for p in policies)]
    merged: Policy = {}
    for name in names:
        sources: dict[str, None] = {}
        for policy in policies:
            sources.update(dict.fromkeys(policy[name]))
        if len(sources) > 1:
            sources.pop("'none'", None)
        merged[name] = tuple(sources)
    return merged


def site_policy(site: Path) -> Policy:
    """The union over every HTML page of a built site, plus the header-only directives."""
    policies = [page_policy(scan_page(path.read_text(encoding="utf-8"))) for path in sorted(site.rglob("*.html"))]
    merged = union(policies)
    # Fetch directives equal to default-src are implied by it: leave them out to keep the header short.
    default = merged.get("default-src")
    compact = {k: v for k, v in merged.items() if k == "default-src" or k not in FETCH_DIRECTIVES or v != default}
    compact.update(HEADER_ONLY)
    return compact


def render(policy: Policy) -> str:
    return "; ".join(" ".join((name,) + sources) for name, sources in policy.items())
