"""ozon/print_links: mark the links whose address a printed page must show after their text.

On paper a link is only its text. print.css prints `data-print-href` after every link that has it
(`a[data-print-href]::after`). CSS cannot compare a link's text with its address, so this plugin does:

- an external link (http/https) gets its address, unless its text already is the address;
- a tel: or mailto: link gets its number or e-mail, unless its text already shows it
  (the contact macros write the number itself as the text, so usually nothing is added);
- a link to another page of the site gets that page's address on the site (`site_url` + its URL,
  without the `#heading`: a reader types it). In the booklet, ozon/booklet replaces it with the
  chapter that holds the page.
"""

from __future__ import annotations

import re

from ozon_help.html_source import EndTag, LastPage, StartTag, Text, add_attributes, scan
from ozon_help.plugins.urls import is_elsewhere, site_path, split_link

PRINT_HREF = "data-print-href"


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


def page_address(href: str, page_url: str, site_url: str) -> str | None:
    """The site address of another page this link leads to, or None (same page, file, external)."""
    if not site_url or not href or href.startswith(("#", "/")) or is_elsewhere(href):
        return None
    path, _ = split_link(href)
    if not path:
        return None
    target = site_path(path, page_url)
    last = target.rstrip("/").rsplit("/", 1)[-1]
    if target == page_url or ("." in last and not last.endswith(".html")):
        return None  # the page itself, or a file (image, stylesheet)
    return site_url.rstrip("/") + "/" + target


def mark_links(html: str, page_url: str = "", site_url: str = "", last_page: LastPage | None = None) -> str:
    """Add `data-print-href` to each link whose address print must show, leaving every other byte as it is."""
    added: dict[int, tuple[str, str]] = {}  # the link's index among the tokens → the attribute
    link: StartTag | None = None
    link_index = 0
    text: list[str] = []
    tokens = last_page.scan(html) if last_page is not None else scan(html)
    for index, token in enumerate(tokens):
        if isinstance(token, StartTag) and token.name == "a":
            link, link_index, text = token, index, []
        elif isinstance(token, Text) and link is not None:
            text.append(token.text)
        elif isinstance(token, EndTag) and token.name == "a" and link is not None:
            shown = _shown_address(link, " ".join("".join(text).split()), page_url, site_url)
            if shown is not None:
                added[link_index] = (PRINT_HREF, shown)
            link = None
    # The marked page's tokens go into `last_page`: ozon/booklet reads the same text next (ozon_help/html_source.py).
    return add_attributes(html, tokens, added, last_page)


def _shown_address(link: StartTag, text: str, page_url: str, site_url: str) -> str | None:
    href = link.attribute("href")
    if href is None or href.value is None or link.attribute(PRINT_HREF) is not None:
        return None
    classes = link.attribute("class")
    if classes is not None and "headerlink" in (classes.value or "").split():
        return None  # the ¶ after a heading: nothing to print
    return print_address(href.value, text) or page_address(href.value, page_url, site_url)
