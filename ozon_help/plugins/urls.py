"""The one reader of a link written on a built page: where it leads on the site, as MkDocs names pages.

MkDocs gives every page its URL from the site's root (`Page.url`: `brak/`, or `brak.html` without directory
URLs, `` for the home page) and writes links between pages relative to the page that holds them. The
plugins that read links in a page's HTML (ozon/print_links, ozon/booklet, ozon/search_ru, ozon/not_found)
turn such a link back into a `Page.url` here, and MkDocs' own `get_relative_url` writes one relative to
another page again; nothing else resolves a link by hand.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.utils import get_relative_url

__all__ = ["get_relative_url", "is_elsewhere", "page_folder", "site_path", "split_link"]

_ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # https:, mailto:, tel:, data:, //host


def is_elsewhere(href: str) -> bool:
    """A link with a scheme or a host of its own (another site, mail, phone, data), not a path on this site."""
    return bool(_ELSEWHERE.match(href))


def split_link(href: str) -> tuple[str, str]:
    """A link's path, and what follows it (`?query` and `#fragment`, as written)."""
    for index, char in enumerate(href):
        if char in "?#":
            return href[:index], href[index:]
    return href, ""


def page_folder(page_url: str) -> str:
    """The folder a page's relative links start from: `brak/` for `brak/`, `a/` for `a/b.html`, `` at the root."""
    if page_url == "" or page_url.endswith("/"):
        return page_url
    folder = posixpath.dirname(page_url)
    return folder + "/" if folder else ""


def site_path(path: str, page_url: str) -> str:
    """A link's path (without `?` or `#`) as written on the page at `page_url`, as a URL from the site's root.

    An empty path is the page itself; a path from the root (`/x/`) stays there; a folder keeps its slash.
    """
    if not path:
        return page_url
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(page_folder(page_url), path)
    resolved = posixpath.normpath(joined) if joined else "."
    if resolved == ".":
        return ""
    return resolved + "/" if path.endswith("/") and not resolved.endswith("/") else resolved
