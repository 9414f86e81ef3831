"""MkDocs hook: mark the links whose address a printed page must show after their text.

On paper a link is only its text. print.css prints `data-print-href` after every link that has it
(`a[data-print-href]::after`). CSS cannot compare a link's text with its address, so this hook does:

- an external link (http/https) gets its address, unless its text already is the address;
- a tel: or mailto: link gets its number or e-mail, unless its text already shows it
  (the contact macros write the number itself as the text, so usually nothing is added);
- a link to another page of the site gets that page's address on the site (`site_url` + its URL,
  without the `#heading`: a reader types it). In the booklet, hooks/booklet.py replaces it with the
  chapter that holds the page.
"""

from __future__ import annotations

import re
import posixpath
from html import escape, unescape
from typing import Any

_ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
_HREF = re.compile(r'\shref="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def _bare(address: str) -> str:
    """An address without scheme, «www.» and trailing slash, for comparing with a link's text."""
    address = re.sub(r"^(https?://|mailto:)", "", address.strip().lower())
    return address.removeprefix("www.").rstrip("/")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)[-10:]


def print_address(href: str, text: str) -> str | None:
    """What print should add after a link, or None when the text already says it."""
    if href.startswith(("http://", "https://")):
        return None if _bare(text) == _bare(href) else href
    if href.startswith("mailto:"):
        email = href.removeprefix("mailto:")
        return None if email.lower() in text.lower() else email
    if href.startswith("tel:"):
        number = href.removeprefix("tel:")
        return None if _digits(number) and _digits(number) in re.sub(r"\D", "", text) else number
    return None


_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def page_address(href: str, page_url: str, site_url: str) -> str | None:
    """The site address of another page this link leads to, or None (same page, file, external)."""
    if not site_url or not href or href.startswith(("#", "/")) or _SCHEME.match(href):
        return None
    path = href.partition("#")[0].partition("?")[0]
    if not path:
        return None
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    target = posixpath.normpath(posixpath.join(folder.lstrip("/"), path))
    if path.endswith("/") and target != ".":
        target += "/"
    target = "" if target == "." else target
    last = target.rstrip("/").rsplit("/", 1)[-1]
    if target == page_url or ("." in last and not last.endswith(".html")):
        return None  # the page itself, or a file (image, stylesheet)
    return site_url.rstrip("/") + "/" + target


def mark_links(html: str, page_url: str = "", site_url: str = "") -> str:
    def mark(match: re.Match[str]) -> str:
        attrs, inner = match.group(1), match.group(2)
        href = _HREF.search(attrs)
        if not href or "data-print-href" in attrs or "headerlink" in attrs:
            return match.group(0)
        text = " ".join(unescape(_TAG.sub("", inner)).split())
        target = unescape(href.group(1))
        shown = print_address(target, text) or page_address(target, page_url, site_url)
        if shown is None:
            return match.group(0)
        return f'<a{attrs} data-print-href="{escape(shown)}">{inner}</a>'

    return _ANCHOR.sub(mark, html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return mark_links(html, page.url, config.site_url or "")
