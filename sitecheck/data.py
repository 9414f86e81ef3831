"""data/contacts.yml: schema, unique ids, duplicate keys, phones, e-mails, URLs, dates, statuses.

All of it is already validated by macros.contacts_data (the build uses the same code); this check
only runs it without a build and turns its messages into problems with file and line.
"""

from __future__ import annotations

import re

from macros import CONTACTS_FILE
from macros.contacts_data import ContactBook, ContactsError, load_contacts

from .context import Context
from .problems import Problem

NAME = "data"
# "path:12: message" from validation, "path: line 12: message" from the strict YAML reader.
_LINE = re.compile(r"^(?P<path>[^:\n]+?):\s*(?:line\s+)?(?P<line>\d+):\s*(?P<message>.*)$")


def load(ctx: Context) -> ContactBook | None:
    """The contact book, or None when the file is broken (the `data` check reports why)."""
    try:
        return load_contacts(ctx.project.root / CONTACTS_FILE)
    except ContactsError:
        return None


def check(ctx: Context) -> list[Problem]:
    try:
        load_contacts(ctx.project.root / CONTACTS_FILE)
    except ContactsError as error:
        return [_problem(ctx, line) for line in str(error).strip().splitlines() if line.strip()]
    return []


def _problem(ctx: Context, text: str) -> Problem:
    match = _LINE.match(text.strip())
    if not match:
        return Problem(CONTACTS_FILE, 1, text.strip(), check=NAME)
    # The loader names the file by its absolute path; editors want the path in the project.
    return Problem(CONTACTS_FILE, int(match["line"]), match["message"], check=NAME)
