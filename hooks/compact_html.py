"""MkDocs hook: drop the blank lines and indentation Material's templates leave between tags.

A guide's HTML is about a quarter whitespace (the navigation alone is 21 KB of indented template
output). Every run of whitespace that contains a line break becomes one line break: the browser
renders both the same way (a run of whitespace is one space in normal flow), gzip saves about 1 KB
per page, and the reader's phone parses less. Content whose whitespace is meaningful is left
exactly as it is: <pre>, <textarea>, <script> and <style>, and so the hashes hooks/csp.py takes of
inline scripts stay valid.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.plugins import event_priority

# Blocks kept byte for byte; re.split with one group returns them at the odd indexes.
_KEEP = re.compile(r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)\s*>)", re.S | re.I)
_BREAK_RUN = re.compile(r"[ \t]*\n\s*")


def compact(html: str) -> str:
    parts = _KEEP.split(html)
    return "".join(part if index % 2 else _BREAK_RUN.sub("\n", part) for index, part in enumerate(parts))


@event_priority(100)  # before the hooks that read or hash the finished page (hooks/csp.py)
def on_post_page(output: str, page: Any, config: Any) -> str:
    return compact(output)
