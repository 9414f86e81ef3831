"""`python -m sitecheck.staleness`: contacts whose `checked` date is older than 180 days.

Not part of `make check`: the answer changes with today's date, not with the files, so it would
make CI fail on a day nobody changed anything. Run it with `make report` and re-check what it lists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from macros import CONTACTS_FILE
from macros.contacts_data import ContactBook, ContactsError, load_contacts
from macros.contacts_schema import today

MAX_AGE_DAYS = 180


@dataclass(frozen=True)
class Stale:
    channel_id: str
    line: int
    checked: dt.date
    age_days: int
    source: str
    status: str

    def __str__(self) -> str:
        return (
            f"{CONTACTS_FILE}:{self.line}: «{self.channel_id}» ({self.status}) was last checked "
            f"{self.checked.isoformat()}, {self.age_days} days ago. Fix: look at its source ({self.source}) again "
            "and update «checked:» (and the value if it changed)"
        )


def stale_contacts(book: ContactBook, on: dt.date, max_age_days: int = MAX_AGE_DAYS) -> list[Stale]:
    """Live contacts checked more than `max_age_days` before `on`, oldest first. Obsolete ones need no re-check."""
    found = [
        Stale(c.id, book.lines[c.id], c.checked, (on - c.checked).days, c.source, c.status)
        for c in book.live()
        if (on - c.checked).days > max_age_days
    ]
    return sorted(found, key=lambda s: (s.checked, s.line))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitecheck.staleness", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--days", type=int, default=MAX_AGE_DAYS, help=f"maximum age in days (default {MAX_AGE_DAYS})")
    args = parser.parse_args(argv)
    try:
        book = load_contacts(args.root / CONTACTS_FILE)
    except ContactsError as error:
        print(error, file=sys.stderr)
        return 2
    on = today()
    stale = stale_contacts(book, on, args.days)
    for item in stale:
        print(item)
    live = len(book.live())
    print(
        f"report: {len(stale)} of {live} live contacts checked more than {args.days} days before {on.isoformat()}",
        file=sys.stderr,
    )
    return 0  # a report, not a gate


if __name__ == "__main__":
    sys.exit(main())
