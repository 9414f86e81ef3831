"""What to write instead of a call that shows an obsolete contact: only a call that works.

The build (macros/__init__.py) and the checker (sitecheck/references.py) both give this advice.
A replacement is suggested in the same macro only when that macro can show it (its type, and
«hours:» for hours()); otherwise the advice names the macro that shows the replacement's type.
"""

from __future__ import annotations

from typing import get_args

from .contacts_data import ContactBook
from .contacts_schema import CHANNEL_TYPES, Channel

# The macro that shows a contact of each type inline; contact() shows any type as a card.
SHOWN_BY = {"phone": "phone", "email": "email", "address": "address", "web": "link", "social": "link", "chat": "link"}
assert set(SHOWN_BY) == set(CHANNEL_TYPES), "every contact type needs a macro that shows it"


def type_name(model: type) -> str:
    """The `type:` value a channel model accepts (PhoneChannel → "phone"), read from the model itself."""
    return str(get_args(model.model_fields["type"].annotation)[0])  # type: ignore[attr-defined]


def instead(
    macro: str, accepted: tuple[str, ...] | None, obsolete: Channel, book: ContactBook, prefix: str = ""
) -> str:
    """The fix for {{ macro(prefix"obsolete-id") }}, e.g. «use {{ phone("new-id") }}»."""
    if not obsolete.replaced_by or obsolete.replaced_by not in book.channels:
        return "use a current contact instead (docs/kontakty.md lists them)"
    new = book.channels[obsolete.replaced_by]
    if (accepted is None or new.type in accepted) and (macro != "hours" or new.hours):
        return f'use {{{{ {macro}({prefix}"{new.id}") }}}} instead'
    if macro == "hours":
        return f"its replacement «{new.id}» has no «hours:»; drop the call or add hours to it in data/contacts.yml"
    return (
        f"its replacement «{new.id}» is a {new.type}, which {macro}() cannot show; "
        f'use {{{{ {SHOWN_BY[new.type]}("{new.id}") }}}} or {{{{ contact("{new.id}") }}}} instead'
    )
