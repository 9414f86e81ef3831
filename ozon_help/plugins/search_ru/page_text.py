"""ozon/search_ru: what one page gives the index, read from its rendered content and front matter.

Repeated blocks (contact cards' facts, contact tables) are marked for Material's search plugin to skip;
blockquotes (sample messages, scam texts) are kept apart; the pages a page links to are counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from collections.abc import Mapping
from typing import Any

from macros.front_matter import parse
from ozon_help.plugins.urls import is_elsewhere, site_path, split_link

# Classes of repeated blocks rendered by macros/contact_html.py. On guide pages they add the same
# words («проверен», «часы работы», «все покупатели») to every guide and drown the real text.
BOILERPLATE_CLASSES = ("contact-card__facts", "contact-card__status", "contacts-table", "contact-mark")
_BOILERPLATE_TAG = re.compile(
    r"<(?P<tag>[a-z0-9]+)(?P<attrs>[^>]*\bclass=\"(?:[^\"]*\s)?(?:"
    + "|".join(re.escape(c) for c in BOILERPLATE_CLASSES)
    + r")(?:\s[^\"]*)?\"[^>]*)>"
)
# Material's search plugin skips elements with this attribute and strips it from the page afterwards.
EXCLUDE_ATTR = ' data-search-exclude="boilerplate"'


@dataclass
class PageInfo:
    url: str
    is_guide: bool
    asked: list[str] = field(default_factory=list)
    boost: float | None = None
    title: str = ""
    quoted: dict[str, list[str]] = field(default_factory=dict)  # section anchor ("" = article) -> quotes



def mark_boilerplate(html: str) -> str:
    """Add Material's exclude attribute to every opening tag of a boilerplate block."""

    def add(match: re.Match[str]) -> str:
        if "data-search-exclude" in match.group("attrs"):
            return match.group(0)
        return f"<{match.group('tag')}{match.group('attrs')}{EXCLUDE_ATTR}>"

    return _BOILERPLATE_TAG.sub(add, html)


class _Quotes(HTMLParser):
    """Text of each outermost blockquote, by the id of the heading it stands under."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchor = ""
        self.depth = 0
        self.current: list[str] = []
        self.found: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag) and not self.depth:
            ident = dict(attrs).get("id")
            if ident:
                self.anchor = ident
        elif tag == "blockquote":
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote" and self.depth:
            self.depth -= 1
            if not self.depth:
                text = " ".join(" ".join(self.current).split())
                if text:
                    self.found.setdefault(self.anchor, []).append(text)
                self.current = []

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.current.append(data)


_BLOCKQUOTE = re.compile(r"<blockquote\b(?![^>]*data-search-exclude)")
_ANY_BLOCKQUOTE = re.compile(r"<blockquote", re.I)
QUOTE_EXCLUDE_ATTR = ' data-search-exclude="quoted"'


def take_quotes(html: str) -> tuple[str, dict[str, list[str]]]:
    """Keep blockquotes out of Material's index text; return their text by section anchor instead."""
    if not _ANY_BLOCKQUOTE.search(html):
        return html, {}  # most pages: no quote to find, so no parse (html.parser reads tag names in any case)
    parser = _Quotes()
    parser.feed(html)
    parser.close()
    return _BLOCKQUOTE.sub("<blockquote" + QUOTE_EXCLUDE_ATTR, html), parser.found


def page_info(url: str, meta: Mapping[str, Any]) -> PageInfo:
    """What the index needs to know about one page, from its front matter (macros/front_matter.py's
    model; ozon/front_matter has checked it before any page is built)."""
    page = parse(meta)
    return PageInfo(
        url=url,
        is_guide=page.is_guide,
        asked=[" ".join(phrase.split()) for phrase in page.asked if phrase.strip()],
        boost=page.search_boost,
    )


_TAG = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """Text of an index entry without markup: the worker shows its own snippet and escapes it."""
    return " ".join(unescape(_TAG.sub(" ", html)).split())



_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')


def linked_pages(html: str, url: str) -> set[str]:
    """The site's pages a page's text links to, as page URLs (no anchors, not the page itself)."""
    found = set()
    for href in _HREF.findall(html):
        link = unescape(href)
        if is_elsewhere(link):
            continue  # another site, mail or phone
        path = site_path(split_link(link)[0], url)
        if path != url:
            found.add(path)
    return found
