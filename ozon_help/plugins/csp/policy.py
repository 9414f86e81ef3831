"""The site's one Content-Security-Policy: the `<meta>` in every page and the server's header.

One base policy (`BASE_POLICY`) and one rule for inline scripts serve both:

- An inline script is trusted only when it is one the theme's templates ship (Material's scope,
  palette and tab scripts, `shipped_scripts()`): its text must match a `<script>` of a template file,
  where a template expression (`{{ base_url }}`) may stand only for a short run of URL characters
  inside the script's own quotes, and only when it reads `base_url` or `config` (never `page`: front
  matter is untrusted). Its hash then goes into the policy. An inline script found anywhere else (a
  page's raw HTML, a comment trick the checker read otherwise) is never hashed, so the browser blocks
  it even if every check missed it.
- Pages are read with Lexbor (selectolax), an HTML5 parser: `<!--><script>` is a script here exactly as
  it is in Chromium (`make bench-html-parsers`: 9.5x the standard library's parser on the whole site).
- The header (`site_policy`, for `deploy/headers.py`) is the base policy plus every trusted hash of
  the built pages plus `frame-ancestors 'none'` (a meta tag cannot carry it). No `<meta>` policy a page
  carries is ever read: nothing in docs/ can widen the site-wide policy.

What each directive allows, and why nothing wider:
- script-src 'self' + hashes: Material's bundle, our files, the trusted inline scripts above;
  JSON blocks (`type="application/json"`) are data and need no hash.
- img-src 'self' data: Material's icons are data: SVGs in its stylesheet (mask-image).
- connect-src and worker-src 'self': the search index request and the search worker.
- In the offline copy (file://) the iframe-worker shim writes one inline script into its frame;
  its hash is added there and only there (`_shim_hashes`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[3]  # the project folder: ozon_help/plugins/csp/ is in it

# Script types a browser runs; JSON and JSON-LD blocks are data and need no hash.
JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Directives that fall back to default-src when a policy omits them (CSP Level 3, «fetch directives»).
FETCH_DIRECTIVES = ("script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src",
                    "manifest-src", "media-src", "object-src", "frame-src", "child-src")

Policy = dict[str, tuple[str, ...]]

# What every page needs: its own files, Material's data: icons, the search index and worker.
# Nothing else, no 'unsafe-inline' anywhere.
BASE_POLICY: Policy = {
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
HEADER_ONLY: Policy = {"frame-ancestors": ("'none'",)}

_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.I)


# --- Scripts the theme ships ---------------------------------------------------------------------

_TEMPLATE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TEMPLATE_HOLE = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)
_ATTR_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_ATTR_SRC = re.compile(r"\bsrc\s*=", re.I)
# What a template expression may read: the page's way back to the site root, or mkdocs.yml (whose
# strings ozon/config_guard holds to plain text). Never `page`: front matter is untrusted.
_TRUSTED_EXPRESSION = re.compile(r"^(base_url|config(\.\w+)+)(\s*\|\s*(d|default|url)(\(\s*base_url\s*\))?)*$")
# What such an expression may become inside the script: a relative or absolute URL, no quote,
# backslash, space or angle bracket, so it cannot leave the string literal it stands in.
_HOLE_VALUE = r"[\w./:~%-]{0,200}"


@dataclass(frozen=True)
class ShippedScript:
    template: str  # where it comes from, for messages
    pattern: re.Pattern[str]


def _script_pattern(body: str) -> re.Pattern[str] | None:
    if "{%" in body or "{#" in body:
        return None  # a block inside a script could write anything: not trusted
    parts: list[str] = []
    at = 0
    for hole in _TEMPLATE_HOLE.finditer(body):
        if not _TRUSTED_EXPRESSION.match(hole.group(1)):
            return None
        parts += [re.escape(body[at : hole.start()]), _HOLE_VALUE]
        at = hole.end()
    parts.append(re.escape(body[at:]))
    return re.compile("".join(parts), re.S)


def shipped_scripts(template_dirs: list[Path]) -> list[ShippedScript]:
    """Every inline JavaScript `<script>` in the theme's template files, as a pattern over its text."""
    found: list[ShippedScript] = []
    for folder in template_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            for match in _TEMPLATE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
                attrs, body = match.group(1), match.group(2)
                kind = _ATTR_TYPE.search(attrs)
                if _ATTR_SRC.search(attrs) or (kind and kind.group(1).lower() not in JS_TYPES):
                    continue
                pattern = _script_pattern(body)
                if pattern is not None:
                    found.append(ShippedScript(str(path), pattern))
    return found


def default_template_dirs(root: Path = ROOT) -> list[Path]:
    """The theme folders of this project: overrides/ first, then Material's templates."""
    import material

    return [root / "overrides", Path(material.__file__).resolve().parent / "templates"]


# --- Reading a page as a browser does ------------------------------------------------------------


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, found by an HTML5 parser."""
    scripts = []
    for node in LexborHTMLParser(html).css("script"):
        attrs = node.attributes
        if "src" in attrs or (attrs.get("type") or "").strip().lower() not in JS_TYPES:
            continue
        scripts.append(node.text(deep=True))
    return scripts


def is_shipped(script: str, shipped: list[ShippedScript]) -> bool:
    return any(s.pattern.fullmatch(script) for s in shipped)


def script_hash(text: str) -> str:
    """The CSP source for an inline script: sha256 of its exact text, base64."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def trusted_script_hashes(html: str, shipped: list[ShippedScript]) -> list[str]:
    """The hashes of the page's inline scripts that the theme ships; every other one stays blocked."""
    return list(dict.fromkeys(script_hash(s) for s in inline_scripts(html) if is_shipped(s, shipped)))


def untrusted_scripts(html: str, shipped: list[ShippedScript]) -> list[str]:
    """Inline scripts of a page that no template ships (sitecheck's raw-html reports them)."""
    return [s for s in inline_scripts(html) if not is_shipped(s, shipped)]


# --- Policies ------------------------------------------------------------------------------------


def with_scripts(hashes: list[str], base: Policy = BASE_POLICY) -> Policy:
    policy = dict(base)
    policy["script-src"] = tuple(dict.fromkeys(policy["script-src"] + tuple(hashes)))
    return policy


def render(policy: Policy) -> str:
    return "; ".join(" ".join((name,) + sources) for name, sources in policy.items())


def parse_policy(text: str) -> Policy:
    """`a b c; d e` -> {a: (b, c), d: (e,)}; directive names are case-insensitive, the first one wins."""
    policy: Policy = {}
    for part in text.split(";"):
        words = part.split()
        if words and words[0].lower() not in policy:
            policy[words[0].lower()] = tuple(words[1:])
    return policy


def with_policy(html: str, policy: Policy) -> str:
    """The page with its policy as the first thing in <head> after the charset, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{render(policy)}">'
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("the page has no <head>: nowhere to put its Content-Security-Policy")
    return html[: head.end()] + meta + html[head.end() :]


def site_policy(site: Path, template_dirs: list[Path] | None = None) -> Policy:
    """The header for the whole site: the base policy, every trusted hash of its pages, frame-ancestors."""
    shipped = shipped_scripts(template_dirs or default_template_dirs())
    hashes: list[str] = []
    for path in sorted(Path(site).rglob("*.html")):
        hashes += trusted_script_hashes(path.read_text(encoding="utf-8", errors="replace"), shipped)
    return with_scripts(hashes) | HEADER_ONLY


# --- The offline copy: Material's iframe-worker shim -------------------------------------------

_SHIM = ROOT / "overrides" / "assets" / "javascripts" / "iframe-worker-shim.js"
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
    return [script_hash(script)]
