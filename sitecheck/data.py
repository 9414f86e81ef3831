"""data/contacts.yml: schema, unique ids, duplicate keys, phones, e-mails, URLs, dates, statuses.

All of that is already validated by macros.contacts_data (the build uses the same code); this check
runs it without a build and turns its messages into problems with file and line. It adds one rule
the schema cannot see alone: a phone agrees with its own `region` and `free` (libphonenumber knows
that 8 800 is free to call and where +7 495 rings).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberType

from macros import CONTACTS_FILE
from macros.contacts_data import ContactBook, ContactsError, load_contacts
from macros.yaml_source import YamlDocument, YamlSourceError, read_yaml

from .context import Context
from .problems import Problem

NAME = "data"


# Several checks need the contacts; validating them costs ~80 ms of pure-Python YAML each time.
# Keyed by content, so the tests' many identical project copies validate once.
_BOOKS: dict[str, ContactBook | ContactsError] = {}
_DOCS: dict[str, YamlDocument | None] = {}


def _key(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "missing"


def _load(path: Path) -> ContactBook | ContactsError:
    key = _key(path)
    if key not in _BOOKS:
        try:
            _BOOKS[key] = load_contacts(path)
        except ContactsError as error:
            _BOOKS[key] = error
    return _BOOKS[key]


def load(ctx: Context) -> ContactBook | None:
    """The contact book, or None when the file is broken (the `data` check reports why)."""
    found = _load(ctx.project.root / CONTACTS_FILE)
    return None if isinstance(found, ContactsError) else found


def yaml_document(ctx: Context) -> YamlDocument | None:
    """The raw contacts file with its line map, or None when it does not parse."""
    path = ctx.project.root / CONTACTS_FILE
    key = _key(path)
    if key not in _DOCS:
        try:
            _DOCS[key] = read_yaml(path)
        except (YamlSourceError, FileNotFoundError):
            _DOCS[key] = None
    return _DOCS[key]


def check(ctx: Context) -> list[Problem]:
    found = _load(ctx.project.root / CONTACTS_FILE)
    if isinstance(found, ContactsError):
        # the loader names the file as the build's folder does; editors want the path in the project
        return [problem.moved(path=CONTACTS_FILE, check=NAME) for problem in found.problems]
    return _phones_match_region(ctx, found) + _chained_replacements(found)


def _chained_replacements(book: ContactBook) -> list[Problem]:
    """A warning where «replaced_by» names a contact retired too: the build sends readers on to the live one
    at the end of the chain (so retiring a contact takes one run), and the file should say so directly."""
    problems = []
    for channel in book.obsolete():
        target = book.channels.get(channel.replaced_by or "")
        if target is None or target.status != "obsolete":
            continue
        end = book.replacement(channel)
        onward = f"write replaced_by: {end.id}" if end else "point it to a current contact"
        problems.append(
            Problem(
                CONTACTS_FILE,
                book.lines.get(channel.id, 1),
                f"«{channel.id}» has replaced_by «{target.id}», which is retired too; readers are sent on to "
                f"«{end.id if end else 'no live contact'}»",
                onward,
                severity="warning",
                check=NAME,
            )
        )
    return problems


NATIONWIDE = "вся Россия"


def _phones_match_region(ctx: Context, book: ContactBook) -> list[Problem]:
    # Imported here: phonenumbers loads the place names of every country with it (about 0.3 CPU-s), which
    # every process importing the checker (each test worker) would otherwise pay whether it checks places or not.
    from phonenumbers import geocoder

    doc = yaml_document(ctx)
    problems = []
    for cid, channel in book.channels.items():
        if channel.type != "phone":
            continue
        line = _line(doc, cid, "number") or book.lines[cid]
        parsed = phonenumbers.parse(channel.number, "RU")
        toll_free = phonenumbers.number_type(parsed) == PhoneNumberType.TOLL_FREE
        if toll_free != channel.free:
            kind = "a free 8 800 number" if toll_free else "not a free 8 800 number"
            problems.append(
                Problem(
                    CONTACTS_FILE,
                    _line(doc, cid, "free") or line,
                    f"«{cid}»: {channel.number} is {kind}, but «free:» says {str(channel.free).lower()}",
                    f"write free: {str(toll_free).lower()}, or check the number",
                    check=NAME,
                )
            )
        place = geocoder.description_for_number(parsed, "ru")
        if channel.region != NATIONWIDE and place and channel.region[:4].casefold() not in place.casefold():
            problems.append(
                Problem(
                    CONTACTS_FILE,
                    _line(doc, cid, "region") or line,
                    f"«{cid}»: {channel.number} rings in «{place}», but «region:» says «{channel.region}»",
                    f"check the number, or write the region where it rings («{NATIONWIDE}» for a federal number)",
                    check=NAME,
                )
            )
    return problems


def _line(doc: YamlDocument | None, channel_id: str, key: str) -> int | None:
    """The line of `key` in the channel with this id, from the raw YAML."""
    if doc is None:
        return None
    for o_index, org in enumerate((doc.data or {}).get("organizations") or []):
        for c_index, channel in enumerate(org.get("channels") or []):
            if isinstance(channel, dict) and channel.get("id") == channel_id:
                return doc.line_of(("organizations", o_index, "channels", c_index, key))
    return None
