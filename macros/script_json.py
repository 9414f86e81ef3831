"""The one way the project writes JSON into an HTML page's `<script>` element (claim-data, Material's config,
JSON-LD). Its values can come from untrusted files (front matter, data/contacts.yml), so `<`, `>` and `&` are
written as \\u003c, \\u003e and \\u0026 (no value can close the element or open a comment), and U+2028 and
U+2029 as escapes too (older JavaScript parsers end a line there). JSON.parse reads each back as it was.

Imports nothing from MkDocs: hooks and macros both use it.
"""

from __future__ import annotations

import json
import re

_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_safe_json(data: object, *, sort_keys: bool = False, compact: bool = True) -> str:
    """`data` as JSON that is safe inside a `<script>` element. `compact` drops the spaces after «,» and «:»."""
    text = json.dumps(
        data, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":") if compact else None
    )
    return _UNSAFE.sub(lambda found: f"\\u{ord(found.group(0)):04x}", text)
