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

import functools
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
    # A line of white space only is part of the run: dropped (a comprehension: a tenth faster than a for loop).
    out = [lines[0].rstrip(" \t")]
    out += [kept.rstrip(" \t") for line in lines[1:-1] if (kept := line.lstrip())]
    out.append(lines[-1].lstrip())  # the last line keeps its trailing spaces; "" when the text ends in a run
    return "\n".join(out)


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def compact_config(html: str) -> str:
    match = _CONFIG.search(html)
    if match is None:
        return html
    return html[: match.start(2)] + _compact_json(match.group(2)) + html[match.end(2) :]


# Pages at the same depth carry the same configuration text: each distinct one is rewritten once per process
# (a pure function of its text, so nothing carries over between builds but the answer).
@functools.lru_cache(maxsize=256)
def _compact_json(written: str) -> str:
    return script_safe_json(json.loads(written))


def compact(html: str) -> str:
    parts = _KEEP.split(compact_config(html))
    return "".join(part if index % 2 else collapse_breaks(part) for index, part in enumerate(parts))
