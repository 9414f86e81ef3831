"""The printable booklet: every guide's Markdown, copied into one page so that its links still work.

Each guide becomes one chapter of docs/pechat.md. Three rewrites keep the copy valid there:

- every explicit heading id gets the guide's slug as a prefix (`#podrobno` → `#brak--podrobno`),
  because all guides share ids like `korotko` and `podrobno`;
- headings go one level down, so the guide's title can head its chapter as `##`;
- links into a guide that is in the booklet point to its copy inside the booklet
  (`brak.md#podrobno` → `#brak--podrobno`); links to other pages stay links to those pages.

The result is ordinary Markdown rendered inside the page, so MkDocs' link and anchor validation
checks every rewritten link in the strict build: a chapter anchor that does not exist stops it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .guide_index import Guide

# `{ #id }` or `{ #id .class }` as written for attr_list; `{#` would be a Jinja comment.
_EXPLICIT_ID = re.compile(r"(\{\s*(?:[^}#]*\s)?#)([A-Za-z0-9_][A-Za-z0-9_:.-]*)")
_HEADING = re.compile(r"^(\s*)(#{1,5})(?=\s)", re.M)
_FENCE = re.compile(r"^\s*(```|~~~)")
# Inline links and images: [text](target "title"); reference definitions: [ref]: target
_INLINE_LINK = re.compile(r"(\]\()(<[^>]*>|[^)\s]+)")
_REFERENCE_DEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(\S+)", re.M)
_HTML_HREF = re.compile(r'(\shref=")([^"]+)(")')

SEPARATOR = "--"


def slug_of(src_path: str) -> str:
    """`zakaz-poteryalsya.md` → `zakaz-poteryalsya`; a guide in a folder keeps the folder: `a/b.md` → `a-b`."""
    return posixpath.splitext(src_path)[0].replace("/", "-")


def chapter_anchor(src_path: str, anchor: str = "") -> str:
    return slug_of(src_path) + (SEPARATOR + anchor if anchor else "")


def _outside_fences(markdown: str, change: Callable[[str], str]) -> str:
    """Apply `change` to every line that is not inside a fenced code block."""
    out, fenced = [], False
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
        else:
            out.append(line if fenced else change(line))
    return "".join(out)


def prefix_ids(markdown: str, src_path: str) -> str:
    """Give every explicit `{ #id }` the guide's slug as prefix, so chapters never share an id."""
    prefix = slug_of(src_path) + SEPARATOR
    return _outside_fences(markdown, lambda line: _EXPLICIT_ID.sub(lambda m: m.group(1) + prefix + m.group(2), line))


def demote_headings(markdown: str) -> str:
    """`## x` → `### x`: the guide's title is the chapter's `##`."""
    return _outside_fences(markdown, lambda line: _HEADING.sub(lambda m: m.group(1) + m.group(2) + "#", line))


def rewrite_target(target: str, guide_src: str, booklet_src: str, in_booklet: set[str]) -> str:
    """Where a link from `guide_src` should point once it is copied into `booklet_src`."""
    bracketed = target.startswith("<") and target.endswith(">")
    bare = target[1:-1] if bracketed else target
    if "://" in bare or bare.startswith(("mailto:", "tel:", "data:", "/")):
        return target
    path, _, anchor = bare.partition("#")
    if not path:  # an anchor on the same guide
        new = "#" + chapter_anchor(guide_src, anchor)
    else:
        linked = posixpath.normpath(posixpath.join(posixpath.dirname(guide_src), path))
        if linked in in_booklet:
            new = "#" + chapter_anchor(linked, anchor)
        else:  # another page: keep the link, seen from where the booklet lives
            new = posixpath.relpath(linked, posixpath.dirname(booklet_src) or ".") + ("#" + anchor if anchor else "")
    return f"<{new}>" if bracketed else new


def rewrite_links(markdown: str, guide_src: str, booklet_src: str, in_booklet: set[str]) -> str:
    def fix(match: re.Match[str]) -> str:
        return match.group(1) + rewrite_target(match.group(2), guide_src, booklet_src, in_booklet) + (
            match.group(3) if match.re is _HTML_HREF else ""
        )

    def change(line: str) -> str:
        for pattern in (_INLINE_LINK, _REFERENCE_DEF, _HTML_HREF):
            line = pattern.sub(fix, line)
        return line

    return _outside_fences(markdown, change)


def chapter(guide: Guide, body: str, booklet_src: str, in_booklet: set[str]) -> str:
    """One guide as a chapter; `body` is the guide's Markdown with its macros already rendered."""
    body = rewrite_links(prefix_ids(demote_headings(body), guide.src_path), guide.src_path, booklet_src, in_booklet)
    title = f"## {guide.title} {{ #{chapter_anchor(guide.src_path)} .booklet-chapter }}"
    return f"{title}\n\n{body.strip()}\n"


def table_of_contents(guides: Iterable[Guide]) -> str:
    lines, section = ['<nav class="booklet-toc" markdown>', ""], None
    for guide in guides:
        if guide.section != section:
            section = guide.section
            lines += ["", f"**{section}**", ""]
        lines.append(f"- [{guide.title}](#{chapter_anchor(guide.src_path)})")
    lines += ["", "</nav>"]
    return "\n".join(lines)


@dataclass(frozen=True)
class Booklet:
    markdown: str
    guides: tuple[Guide, ...]


def build_booklet(guides: list[Guide], booklet_src: str, render_body: Callable[[Guide], str]) -> Booklet:
    """The booklet's Markdown: contents, then every guide in navigation order."""
    chosen = [g for g in guides if g.src_path != booklet_src]
    in_booklet = {g.src_path for g in chosen}
    parts = ["## Содержание { #soderzhanie }", table_of_contents(chosen)]
    parts += [chapter(g, render_body(g), booklet_src, in_booklet) for g in chosen]
    return Booklet("\n\n".join(parts) + "\n", tuple(chosen))
