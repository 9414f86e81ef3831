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
from html import escape
from html.parser import HTMLParser
from typing import Any


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


class _LinkMarker(HTMLParser):
    """Finds every <a> with a real HTML parser and notes where its start tag ends in the source.

    The page is then changed only by inserting the attribute at those offsets, so everything else
    stays byte for byte as MkDocs wrote it (re-serialising a parsed tree would not: lxml and
    selectolax both rewrite quotes, entities and whitespace; see bench/html_parsers.py).
    """

    def __init__(self, html: str, page_url: str = "", site_url: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.page_url, self.site_url = page_url, site_url
        self.line_starts = [0]
        for line in html.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.inserts: list[tuple[int, str]] = []
        self._open: tuple[int, dict[str, str | None]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        line, column = self.getpos()
        raw = self.get_starttag_text() or ""
        self._open = (self.line_starts[line - 1] + column + len(raw) - 1, dict(attrs))  # offset of its «>»
        self._text = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "a" or self._open is None:
            return
        tag_end, attrs = self._open
        self._open = None
        href = attrs.get("href")
        if href is None or "data-print-href" in attrs or "headerlink" in (attrs.get("class") or ""):
            return
        text = " ".join("".join(self._text).split())
        shown = print_address(href, text) or page_address(href, self.page_url, self.site_url)
        if shown is not None:
            self.inserts.append((tag_end, f' data-print-href="{escape(shown)}"'))


def mark_links(html: str, page_url: str = "", site_url: str = "") -> str:
    marker = _LinkMarker(html, page_url, site_url)
    marker.feed(html)
    marker.close()
    parts, done = [], 0
    for offset, attribute in marker.inserts:
        parts += [html[done:offset], attribute]
        done = offset
    return "".join(parts) + html[done:]


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return mark_links(html, page.url, config.site_url or "")
