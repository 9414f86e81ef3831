"""What a printed page says about itself: when the contacts on it were last checked.

A sheet of paper outlives the site. The reader holding it needs to know how fresh the phones and
addresses on it are, so every printed page carries the dates its contacts were checked. The macros
record which contacts a page shows in `page.meta["contacts_used"]`; this module turns them into one
line for the print header (see overrides/partials/print-header.html).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .contact_html import date_ru
from .contacts_data import ContactBook

CHECKED_META = "contacts_checked"  # the line overrides/partials/print-header.html prints
CHECKED_RANGE_META = "contacts_checked_range"  # the dates behind it, merged by ozon/booklet


@dataclass(frozen=True)
class CheckedRange:
    oldest: date
    newest: date

    def as_meta(self) -> dict[str, date]:
        """Plain data for page.meta, which may be written out as YAML front matter."""
        return {"oldest": self.oldest, "newest": self.newest}

    @classmethod
    def merged(cls, metas: Iterable[dict[str, date]]) -> CheckedRange | None:
        """One range over several pages' `as_meta()` values; None when there are none."""
        ranges = [cls(**m) for m in metas]
        if not ranges:
            return None
        return cls(min(r.oldest for r in ranges), max(r.newest for r in ranges))

    def text(self) -> str:
        """«Контакты проверены 22.11.2026» or, when dates differ, «… с 01.10.2026 по 22.11.2026»."""
        if self.oldest == self.newest:
            return f"Контакты на странице проверены {date_ru(self.newest)}"
        return f"Контакты на странице проверены с {date_ru(self.oldest)} по {date_ru(self.newest)}"


def checked_range(book: ContactBook, contact_ids: Iterable[str]) -> CheckedRange | None:
    """Oldest and newest `checked` date of the given contacts; None when the page shows none."""
    dates = [book.channels[cid].checked for cid in contact_ids if cid in book.channels]
    if not dates:
        return None
    return CheckedRange(min(dates), max(dates))
