"""`make report`: contacts whose `checked` date is older than 180 days."""

from __future__ import annotations

import datetime as dt

import pytest

from macros import contacts_schema
from macros.contacts_data import load_contacts
from sitecheck import staleness

from .conftest import ROOT

BOOK = load_contacts(ROOT / "data" / "contacts.yml")


def test_nothing_is_stale_the_day_it_was_checked() -> None:
    newest = max(c.checked for c in BOOK.channels.values())
    assert staleness.stale_contacts(BOOK, newest) == []


def test_contacts_older_than_180_days_are_listed() -> None:
    oldest = min(BOOK.live(), key=lambda c: c.checked)
    assert staleness.stale_contacts(BOOK, oldest.checked + dt.timedelta(days=180)) == []
    newest = max(BOOK.live(), key=lambda c: c.checked)  # nothing else is checked later
    checked = newest.checked
    stale = staleness.stale_contacts(BOOK, checked + dt.timedelta(days=181))
    ids = {s.channel_id for s in stale}
    assert newest.id in ids
    assert not ids & {c.id for c in BOOK.obsolete()}, "obsolete contacts need no re-check"
    line = next(str(s) for s in stale if s.channel_id == newest.id)
    assert line.startswith(f"data/contacts.yml:{BOOK.lines[newest.id]}: «{newest.id}»") and "181 days ago" in line


def test_report_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    later = max(c.checked for c in BOOK.channels.values()) + dt.timedelta(days=400)
    monkeypatch.setattr(staleness, "today", lambda: later)
    assert staleness.main(["--root", str(ROOT)]) == 0
    out = capsys.readouterr()
    live = BOOK.live()
    assert len(out.out.splitlines()) == len(live)
    assert f"{len(live)} of {len(live)} live contacts" in out.err
    assert contacts_schema.today() != later  # the report moved its own clock only
