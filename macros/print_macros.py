"""Glue between mkdocs-macros and the print header: the dates a page's contacts were checked.

The booklet (docs/pechat.md) is assembled by ozon/booklet from the guides' rendered pages; it
merges the dates set here for each guide.
"""

from __future__ import annotations

import re
from typing import Any

from .contacts_data import ContactBook
from .printing import CHECKED_META, CHECKED_RANGE_META, checked_range
from .safe_html import STASH

_DATA_CONTACT = re.compile(r'data-contact="([a-z0-9-]+)"')


def set_print_meta(env: Any, book: ContactBook) -> None:
    """After the macros ran: the dates the page's contacts were checked, for the print header.

    The contacts are those the macros recorded in `contacts_used` and every `data-contact` the
    rendered page carries (contacts_directory() renders whole organizations without recording).
    """
    shown = list(env.page.meta.get("contacts_used", [])) + _DATA_CONTACT.findall(STASH.expand(env.markdown))
    found = checked_range(book, shown)
    if found:
        env.page.meta[CHECKED_RANGE_META] = found.as_meta()
        env.page.meta[CHECKED_META] = found.text()
