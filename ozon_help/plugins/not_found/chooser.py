"""ozon/not_found: the 404 page offers the home page's «Что случилось?» chooser.

The chooser is written once, in docs/index.md (`<div class="grid cards situations" markdown>`).
MkDocs renders every page's content before it renders the theme's 404.html, so the plugin reads the
links out of the home page's HTML and hands them to the template (`not_found_situations`) as
addresses from the site's root. The template turns them into links with MkDocs' `url` filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from ozon_help.plugins.urls import site_path

CHOOSER_CLASS = "situations"
TEMPLATE_VARIABLE = "not_found_situations"


@dataclass(frozen=True)
class Situation:
    title: str
    url: str  # from the site's root, e.g. `vozvrat-tovara/#esli-otkazali`


class _ChooserLinks(HTMLParser):
    """The links inside the first element whose class list has `situations`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 while inside the chooser
        self.href: str | None = None
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.depth:
            self.depth += tag not in ("br", "img", "hr", "input", "wbr")
            if tag == "a":
                self.href, self.text = values.get("href") or "", []
        elif CHOOSER_CLASS in (values.get("class") or "").split() and not self.links:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        if tag == "a" and self.href is not None:
            self.links.append((" ".join("".join(self.text).split()).replace("\u00ad", ""), self.href))
            self.href = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.href is not None:
            self.text.append(data)


def chooser_links(html: str, page_url: str) -> list[Situation]:
    """The chooser's links on the page at `page_url`, as addresses from the site's root."""
    parser = _ChooserLinks()
    parser.feed(html)
    situations = []
    for title, href in parser.links:
        path, hash_, anchor = href.partition("#")
        situations.append(Situation(title, site_path(path, page_url) + hash_ + anchor))
    return situations
