"""MkDocs hook: drop the blank lines and indentation Material's templates leave between tags.

A guide's HTML is about a quarter whitespace (the navigation alone is 21 KB of indented template
output). Every run of whitespace that contains a line break becomes one line break: the browser
renders both the same way (a run of whitespace is one space in normal flow), gzip saves about 1 KB
per page, and the reader's phone parses less. Content whose whitespace is meaningful is left
exactly as it is: <pre>, <textarea>, <script> and <style>, and so the hashes hooks/csp.py takes of
inline scripts stay valid.

Material's page configuration (`<script id="__config" type="application/json">`, data, not code)
is written with every Cyrillic letter as a «\\uXXXX» escape; it is written again as UTF-8 without
spaces, with `<`, `>` and `&` still escaped so the block cannot end early or be read as markup.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mkdocs.plugins import event_priority

# Blocks kept byte for byte; re.split with one group returns them at the odd indexes.
_KEEP = re.compile(r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)\s*>)", re.S | re.I)
_BREAK_RUN = re.compile(r"[ \t]*\n\s*")


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def compact_config(html: str) -> str:
    match = _CONFIG.search(html)
    if match is None:
        return html
    data = json.loads(match.group(2))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = re.sub("[<>&]", lambda found: _SCRIPT_SAFE[found.group(0)], text)
    return html[: match.start(2)] + text + html[match.end(2) :]


def compact(html: str) -> str:
    parts = _KEEP.split(compact_config(html))
    return "".join(part if index % 2 else _BREAK_RUN.sub("\n", part) for index, part in enumerate(parts))


@event_priority(100)  # before the hooks that read or hash the finished page (hooks/csp.py)
def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact(output)
