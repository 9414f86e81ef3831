"""A strict Content-Security-Policy in every page, with the hashes of the inline scripts it keeps.

No script runs unless it is a file of the site ('self') or an inline script written by Material
whose SHA-256 is listed; data, front matter and page bodies can never add one. The policy goes into
each page as a `<meta http-equiv>` before any script (it works on any static host);
`site_policy(site_dir)` gives the union of all pages' policies for a server that sends it as a
header (the publish helper reads it there).

What each directive allows, and why nothing wider:
- script-src 'self' + hashes: Material's bundle, our files, Material's three inline scripts
  (scope, palette, anchor); JSON blocks (`type="application/json"`) are data and need no hash.
- img-src 'self' data: Material's icons are data: SVGs in its stylesheet (mask-image).
- default-src 'self' covers styles, fonts, the search worker and the search index request.
- In the offline copy (file://) the iframe-worker shim writes one inline script into its frame;
  its hash is added there and only there (`_shim_hashes`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.I)
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

BASE_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """The hash of every inline script a browser would run (not src=, not JSON or other data)."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        found = sha256_source(body)
        if found not in hashes:
            hashes.append(found)
    return hashes


def policy_text(policy: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def page_policy(html: str, extra_script_hashes: list[str] = []) -> str:  # noqa: B006 - never mutated
    policy = {name: list(values) for name, values in BASE_POLICY.items()}
    policy["script-src"] += inline_script_hashes(html) + [
        h for h in extra_script_hashes if h not in policy["script-src"]
    ]
    return policy_text(policy)


def with_policy(html: str, extra_script_hashes: list[str] = []) -> str:  # noqa: B006 - never mutated
    """The page with its policy as the first thing in <head> after the charset, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(html, extra_script_hashes)}">'
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("the page has no <head>: nowhere to put its Content-Security-Policy")
    return html[: head.end()] + meta + html[head.end() :]


def site_policy(site_dir: Path) -> str:
    """The union of every built page's policy: one header a server can send for the whole site."""
    policy = {name: list(values) for name, values in BASE_POLICY.items()}
    for path in sorted(Path(site_dir).rglob("*.html")):
        match = _META.search(path.read_text(encoding="utf-8"))
        if not match:
            continue
        for directive in match.group(1).split(";"):
            name, *values = directive.split()
            known = policy.setdefault(name, [])
            known.extend(v for v in values if v not in known)
    return policy_text(policy)


# --- The offline copy: Material's iframe-worker shim -------------------------------------------

_SHIM = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "iframe-worker-shim.js"
_SHIM_FUNCTIONS = re.compile(
    r"function c\(s,n\)\{.*?\}(?=function d)|function d\(\.\.\.s\)\{.*?\}\)\),Promise\.resolve\(\)\)\}"
)
_WORKER_ATTR = re.compile(r'data-worker="([^"]*)"')


def _shim_hashes(html: str) -> list[str]:
    """The hash of the inline script the shim writes into its frame for this page's search worker.

    The shim builds it from two of its own functions' source and the worker URL (see the shim,
    `this.w.document.write(...)`); a different shim version fails test_offline.py's CSP check.
    """
    worker = _WORKER_ATTR.search(html)
    parts = _SHIM_FUNCTIONS.findall(_SHIM.read_text(encoding="utf-8")) if _SHIM.exists() else []
    if not worker or len(parts) != 2:
        return []
    url = worker.group(1).replace("&amp;", "&")
    script = (
        f'postMessage={parts[0]};importScripts={parts[1]};addEventListener("error",({{error}})=>'
        f'{{parent.dispatchEvent(new ErrorEvent("error",{{filename:"{url}",error}}))}})'
    )
    return [sha256_source(script)]


def _offline(config: Any) -> bool:
    offline = config.plugins.get("material/offline")
    return bool(offline is not None and offline.config.enabled)


@event_priority(-100)  # last: after every hook and plugin that edits the page
def on_post_page(output: str, page: Any, config: Any) -> str:
    extra = _shim_hashes(output) if _offline(config) else []
    return with_policy(output, extra)


def on_post_build(config: Any) -> None:
    """Pages MkDocs writes without on_post_page (404.html) get the policy too."""
    site = Path(config.site_dir)
    for name in ("404.html",):
        path = site / name
        if path.exists():
            html = path.read_text(encoding="utf-8")
            if not _META.search(html):
                path.write_text(with_policy(html), encoding="utf-8")
