"""Contacts for tests: a frozen fixture file for exact values, and picks from the live data by kind.

Tests never hard-code today's values of data/contacts.yml (EDITING.md, «change a contact»). A test that
needs exact values reads tests/fixtures/contacts/; a test of the real site asks the live data for
«a live phone with hours» and reads the values from what it gets.
"""

from __future__ import annotations

from pathlib import Path

from macros.contacts_data import ContactBook, load_contacts
from macros.contacts_schema import Channel
from sitebuild import ROOT

LIVE_CONTACTS = ROOT / "data" / "contacts.yml"
FIXTURE_ROOT = ROOT / "tests" / "fixtures" / "contacts"  # a project root: data/contacts.yml only
FIXTURE_CONTACTS = FIXTURE_ROOT / "data" / "contacts.yml"


def live_book(root: Path = ROOT) -> ContactBook:
    return load_contacts(root / "data" / "contacts.yml")


def pick(book: ContactBook, *types: str, live: bool = True, has: str | None = None, replaced: bool = False) -> Channel:
    """The first channel of one of `types` (any type when none), live or obsolete, that has field `has`.

    The order is the file's, so a test picks the same channel on every run of the same data.
    """
    pool = book.live() if live else book.obsolete()
    for channel in pool:
        if types and channel.type not in types:
            continue
        if has and not getattr(channel, has, None):
            continue
        if replaced and not channel.replaced_by:
            continue
        return channel
    wanted = f"{'live' if live else 'obsolete'} {'/'.join(types) or 'contact'}{f' with {has}' if has else ''}"
    raise LookupError(f"data/contacts.yml has no {wanted}; the test needs one")


def install_fixture_contacts(project: Path) -> Path:
    """Put the fixture contacts into a project copy (for checks that read only the contacts file)."""
    target = project / "data" / "contacts.yml"
    target.write_text(FIXTURE_CONTACTS.read_text(encoding="utf-8"), encoding="utf-8")
    return target
