"""ozon/compact_html: drop the blank lines and indentation Material's templates leave between tags.

A guide's HTML is about a quarter whitespace (the navigation alone is 21 KB of indented template
output). Every run of whitespace that contains a line break becomes one line break: the browser
renders both the same way (a run of whitespace is one space in normal flow), gzip saves about 1 KB
per page, and the reader's phone parses less. Content whose whitespace is meaningful is left
exactly as it is: <pre>, <textarea>, <script> and <style>, and so the hashes ozon/csp takes of
inline scripts stay valid.

Material's page configuration (`<script id="__config" type="application/json">`, data, not code)
is written with every Cyrillic letter as a «\\uXXXX» escape; it is written again as UTF-8 without
spaces, with `<`, `>` and `&` still escaped so the block cannot end early or be read as markup.
"""

from __future__ import annotations

import json
import re

from macros.script_json import script_safe_json

# Blocks kept byte for byte; re.split with one group returns them at the odd indexes.
_KEEP = re.compile(r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)\s*>)", re.S | re.I)


def collapse_breaks(text: str) -> str:
    """Each run of whitespace that holds a line break, as one line break: what `re.sub(r"[ \\t]*\\n\\s*",
    "\\n", text)` gives (str.lstrip() strips what `\\s` matches), three times as fast with 1000 guides,
    where that expression was the most of this plugin's time. Spaces and tabs before a break go; after it, every
    kind of white space, across the blank lines that follow."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    out = [lines[0].rstrip(" \t")]
    last = len(lines) - 1
    ends_with_text = False
    for index in range(1, len(lines)):
        line = lines[index].lstrip()
        if line:  # a line of white space only is part of the run
            out.append(line if index == last else line.rstrip(" \t"))
            ends_with_text = index == last
    if not ends_with_text:
        out.append("")  # the text ends in a run: one break
    return "\n".join(out)


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def compact_config(html: str) -> str:
    match = _CONFIG.search(html)
    if match is None:
        return html
    data = json.loads(match.group(2))
    return html[: match.start(2)] + script_safe_json(data) + html[match.end(2) :]


def compact(html: str) -> str:
    parts = _KEEP.split(compact_config(html))
    return "".join(part if index % 2 else collapse_breaks(part) for index, part in enumerate(parts))
