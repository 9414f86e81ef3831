"""Recipient details for the claim builder (docs/konstruktor-pretenzii.md), read from data/contacts.yml.

The builder's JavaScript never holds a contact of its own: the page embeds this JSON in a
`<script type="application/json" id="claim-data">` block, so a change in the data file reaches the
generated letters on the next build, and an unconfirmed address reaches the form with its status.
The same block carries the production calendar (macros/claim_calendar.py), generated on each build.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping, Sequence

from pathlib import Path

from .claim_calendar import calendar_data
from .contacts_data import ContactBook
from .contacts_schema import AddressChannel, ChatChannel, WebChannel
from .law_data import LawRegister, rule_ids_in
from .problems import FixableError, id_fix
from .script_json import script_safe_json

MAX_SCRIPT_BYTES = 500_000  # a builder script larger than this is not one a person wrote

ELEMENT_ID = "claim-data"


class ClaimDataError(FixableError):
    """A recipient the builder asks for cannot be used: `detail` names the id, `fix` says what to do."""


def recipient(book: ContactBook, channel_id: str) -> dict[str, str | None]:
    """One recipient as plain JSON-ready data, with its status for the form's warning: a postal address,
    or the web form or chat a document is sent through (the Bank of Russia's reception, a bank's chat)."""
    found = book.channels.get(channel_id)
    if found is None:
        raise ClaimDataError(f"no contact «{channel_id}» in {book.path}",
                             id_fix(str(book.path), book.suggest(channel_id)))
    if not isinstance(found, (AddressChannel, WebChannel, ChatChannel)):
        raise ClaimDataError(
            f"«{channel_id}» is a {found.type}; the claim builder needs an address, a web form or a chat",
            "name a contact of type address, web or chat",
        )
    if found.status == "obsolete":
        raise ClaimDataError(
            f"«{channel_id}» is obsolete ({book.path}, line {book.lines.get(channel_id, '?')})",
            f"use «{found.replaced_by}» instead" if found.replaced_by else "name a current contact",
        )
    org = book.owner[channel_id]
    if not isinstance(found, AddressChannel):
        # A document sent online: where it goes, never typed in the scripts.
        return {
            "id": channel_id,
            "type": found.type,
            "organization": org.name,
            "recipient": org.legal_name or org.name,
            "label": found.label,
            "url": str(found.url) if found.url else None,
            "where": getattr(found, "where", None),
            "status": found.status,
            "checked": found.checked.isoformat(),
            "seen": found.seen,
        }
    return {
        "id": channel_id,
        "type": "address",
        "organization": org.name,
        "recipient": found.recipient or org.legal_name or org.name,
        "postal_code": found.postal_code,
        "address": found.address,
        "display": found.display,
        "status": found.status,
        "checked": found.checked.isoformat(),
        "seen": found.seen,
    }


def builder_rule_ids(law: LawRegister, scripts: Path | Sequence[Path]) -> list[str]:
    """The rules the builder's scripts (and «Моё дело»'s, which imports them) name in string literals,
    sorted: what a page with the claim-data block must carry."""
    ids: set[str] = set()
    folders = [scripts] if isinstance(scripts, Path) else list(scripts)
    for script in sorted(path for folder in folders for path in folder.glob("*.js")):
        if script.is_symlink() or not script.is_file() or script.stat().st_size > MAX_SCRIPT_BYTES:
            continue
        ids.update(rule_id for rule_id, _ in rule_ids_in(script.read_text(encoding="utf-8"), law))
    return sorted(ids)


def claim_data(
    book: ContactBook,
    recipients: Mapping[str, str],
    today: dt.date | None = None,
    law: LawRegister | None = None,
    scripts: Path | Sequence[Path] | None = None,
) -> dict[str, object]:
    """{"recipients": {role: recipient}, "calendar": …, "law": {rule id: rule}}; roles as the page names them,
    e.g. {"ozon": "ozon-address"}; the rules are those the builder's scripts name (data/law.yml)."""
    data: dict[str, object] = {
        "recipients": {role: recipient(book, channel_id) for role, channel_id in recipients.items()},
        "calendar": calendar_data(today or dt.date.today()),
    }
    if law is not None:
        data["law"] = law.builder_json(builder_rule_ids(law, scripts) if scripts is not None else [])
    return data


def script_block(data: object) -> str:
    """The data as a JSON script element; `<`, `>` and `&` are escaped so no value can close the tag."""
    text = script_safe_json(data, sort_keys=True, compact=False)  # macros/script_json.py
    return f'<script type="application/json" id="{ELEMENT_ID}">{text}</script>'
