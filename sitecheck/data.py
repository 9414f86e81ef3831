"""data/contacts.yml: schema, unique ids, duplicate keys, phones, e-mails, URLs, dates, statuses.

All of it is already validated by macros.contacts_data (the build uses the same code); this check
only runs it without a build and turns its messages into problems with file and line.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from macros import CONTACTS_FILE
from macros.contacts_data import ContactBook, ContactsError, load_contacts
from macros.yaml_source import YamlDocument, YamlSourceError, read_yaml

from .context import Context
from .problems import Problem

NAME = "data"
# "path:12: message" from validation, "path: line 12: message" from the strict YAML reader.
_LINE = re.compile(r"^(?P<path>[^:\n]+?):\s*(?:line\s+)?(?P<line>\d+):\s*(?P<message>.*)$")


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
        return [_problem(ctx, line) for line in str(found).strip().splitlines() if line.strip()]
    return []


def _problem(ctx: Context, text: str) -> Problem:
    match = _LINE.match(text.strip())
    if not match:
        return Problem(CONTACTS_FILE, 1, text.strip(), check=NAME)
    # The loader names the file by its absolute path; editors want the path in the project.
    return Problem(CONTACTS_FILE, int(match["line"]), match["message"], check=NAME)
