"""Front matter and titles are plain text: nothing in them may act as HTML, an entity or a template.

Material writes `page.meta.description`, `page.meta.title` and page titles into the head, the
header and the navigation without escaping (MkDocs' Jinja does not autoescape), and its
`striptags` filter even turns `&lt;` back into `<`. So these values are refused at the source,
with file:line and what to write instead, rather than escaped once and unescaped later.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import Any

# Markup, entities, attribute breakers and template syntax.
_UNSAFE = re.compile(r"[<>\"`&]|\{\{|\{%|\{#")
# Front-matter keys that make Material pick a template or run a page's value as code.
REFUSED_KEYS = {"template": "Material would render the page with another template (e.g. a redirect)"}
FIX = 'write plain text: «ёлочки» instead of "quotes", «и» instead of «&», no <tags>, no {{ }}'


# Characters a reader does not see that change what is shown or how it reads: controls, soft hyphen,
# zero-width and bidi marks (two nav entries that read alike, a title that reads backwards, a number
# a search for it never finds). Used for front matter, mkdocs.yml and data files alike.
INVISIBLE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
FIX_INVISIBLE = "delete it (retype the text if you copied it from elsewhere)"


def invisible_part(value: str) -> str | None:
    """`U+200B` for the first invisible or direction-changing character, or None."""
    match = INVISIBLE.search(value)
    return f"U+{ord(match.group(0)):04X}" if match else None


def unsafe_part(value: str) -> str | None:
    """The first character sequence that could act as markup, or None for plain text."""
    match = _UNSAFE.search(value)
    return match.group(0) if match else None


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, where)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")


def key_line(source: str, key: str) -> int:
    """The line of a top-level front-matter key in the page file (1 when not found)."""
    match = re.search(rf"^{re.escape(key)}\s*:", source, re.M)
    return source.count("\n", 0, match.start()) + 1 if match else 1


def front_matter_problems(meta: dict[str, Any], source: str | Callable[[], str]) -> list[tuple[int, str, str]]:
    """(line, what is wrong, fix) for every unsafe key or value of a page's front matter. `source` is the
    page file's text, or what reads it: it is read only when there is a problem to place (build speed)."""
    problems: list[tuple[int, str, str]] = []

    @functools.cache
    def line_of(key: str) -> int:
        return key_line(page_text(), key)

    @functools.cache
    def page_text() -> str:
        return source if isinstance(source, str) else source()

    for key, value in meta.items():
        if key in REFUSED_KEYS:
            problems.append(
                (line_of(str(key)), f"«{key}:» is not allowed in front matter: {REFUSED_KEYS[key]}", "delete it")
            )
            continue
        for where, text in _strings(value, str(key)):
            found = unsafe_part(text)
            if found:
                problems.append(
                    (line_of(str(key)), f"«{where}:» contains «{found}», which could act as HTML or code", FIX)
                )
            hidden = invisible_part(text)
            if hidden:
                problems.append(
                    (line_of(str(key)), f"«{where}:» contains the invisible character {hidden}", FIX_INVISIBLE)
                )
    return problems
