"""ozon/booklet: the printable booklets, every guide's rendered page copied into one page.

A page whose front matter says `booklet: true` (docs/pechat.md) gets, after its own text, a list of
contents and every chapter in navigation order. A chapter is a guide (a page with `short:`) or a
reference page whose front matter says `booklet_chapter: true` (contacts, glossary). The plugin also
makes one booklet per navigation section (`pechat/<section>.md`, generated from `nav:` at
`on_files`, not in the navigation and not in search), so a reader prints only the pages they need.
The chapters are the guides' HTML as MkDocs already rendered it for their own pages, so no guide is
converted from Markdown twice (with 1000 guides converting them again took a third of the build).
MkDocs renders every page's content before it renders any template, so at `on_page_context` all
guides are ready.

Three rewrites keep each copy valid on the booklet page. They are found with an HTML parser and
spliced into the guide's HTML at the parser's offsets (ozon_help/html_source.py), so nothing else changes
and nothing inside a comment, <script> or <style> is touched:

- every id gets the guide's slug as a prefix (`podrobno` → `brak--podrobno`), with the attributes
  that point at ids (`href="#…"`, `for`, `aria-*`) and radio-group names of content tabs, because
  all guides share ids like `korotko` and `podrobno`;
- headings go one level down, so the guide's title can head its chapter as `<h2>`;
- a link into a guide that is in the booklet points to its chapter (`../brak/#podrobno` →
  `#brak--podrobno`); a link to any other page is re-based to the booklet's address.

On paper a link to another chapter says which one (`data-print-href`, printed by print.css).

A guide's own link to a heading that does not exist is the guide's error, not the booklet's: the
plugin reports it against the guide's file and line with the missing heading (MkDocs reports it too,
after this plugin has run) and leaves it out of the booklet's own check. That check then stops the
build on any other `#anchor` of the finished booklet that leads nowhere, which only a fault of
the rewriting can cause.

This module makes a booklet's HTML and contents from its chapters; sections.py says which pages are
chapters and which section booklets there are; broken_links.py reports a guide's own broken anchor links.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from typing import Iterable, Iterator

from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ozon_help.booklet_paper import CHAPTER_ATTR, TOC_PAGE_ATTR, TOC_PAGE_CLASS
from ozon_help.html_source import (
    Attribute, Edit, EndTag, LastPage, StartTag, Token, remove, scan, set_value, splice,
)
from ozon_help.plugins.urls import get_relative_url, is_elsewhere, site_path

SEPARATOR = "--"
CONTENTS_ID = "soderzhanie"
PART_CLASS = "booklet-part"  # the <section> around each chapter (print.css)

# Attributes whose value is one id or a space-separated list of them: prefixed with the chapter's slug.
_ID_ATTRIBUTES = frozenset({"id", "for", "name", "aria-controls", "aria-labelledby", "aria-describedby"})
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_PRINT_HREF = "data-print-href"  # ozon/print_links
# Material mounts a tab set (`data-tabs`) at start-up and measures it; measuring one inside a chapter the
# browser has not laid out yet (booklet.css: content-visibility) laid out that whole chapter in the page's
# longest task (issue 17). In the booklet the attribute is renamed: the tabs still switch (pymdownx's radio
# buttons; assets/booklet.css marks the open one) and all of them print; only Material's sliding underline
# and the tabs' links are gone.
_LIVE_TABS, _BOOKLET_TABS = "data-tabs", "data-booklet-tabs"
_PLAIN_ANCHOR = re.compile(r"[\w.-]+", re.ASCII)  # nothing an HTML parser would decode or end an attribute at


@dataclass(frozen=True)
class Chapter:
    slug: str  # the chapter's id, and the prefix of every id inside it
    title: str
    section: str
    url: str  # the guide's own page, as MkDocs gives it (`brak/` or `brak.html`)
    html: str  # the guide's rendered content
    toc: TableOfContents
    number: int = 0  # its place in the booklet, from 1; 0 when not numbered


def slug_of(src_path: str) -> str:
    """`zakaz-poteryalsya.md` → `zakaz-poteryalsya`; a guide in a folder keeps the folder: `a/b.md` → `a-b`."""
    return posixpath.splitext(src_path)[0].replace("/", "-")


def chapter_anchor(slug: str, anchor: str = "") -> str:
    return slug + (SEPARATOR + anchor if anchor else "")


def rewrite_target(target: str, chapter: Chapter, booklet_url: str, slug_by_url: dict[str, str]) -> str:
    """Where a link in `chapter` should lead once the chapter is part of the booklet."""
    if target.startswith("#") or is_elsewhere(target) or target.startswith("/"):
        return target  # same-chapter anchors are prefixed by prefix_ids
    path, hash_, anchor = target.partition("#")
    url = site_path(path, chapter.url)
    if url in slug_by_url:
        return "#" + chapter_anchor(slug_by_url[url], anchor)
    return get_relative_url(url or "./", booklet_url) + (hash_ + anchor)


def chapter_label(number: int) -> str:
    """Where a link leads on paper, in the booklet: «глава 5»."""
    return f"глава {number}"


def _demoted(tag: str) -> str:
    """`h2` → `h3`, down to `h6`: the guide's title is the chapter's `<h2>`."""
    return f"h{min(int(tag[1]) + 1, 6)}"


def _new_value(attribute: Attribute, chapter: Chapter, booklet_url: str, slug_by_url: dict[str, str]) -> str | None:
    """What the attribute says in the booklet, or None when the booklet leaves it alone."""
    value = attribute.value
    if value is None:
        return None
    if attribute.name in _ID_ATTRIBUTES:
        return " ".join(chapter_anchor(chapter.slug, name) for name in value.split())
    if attribute.name == "href" and value.startswith("#"):
        return "#" + chapter_anchor(chapter.slug, value[1:])
    if attribute.name in ("href", "src"):
        target = rewrite_target(value, chapter, booklet_url, slug_by_url)
        if attribute.name == "src" and target.startswith("#"):
            target = get_relative_url(site_path(value, chapter.url), booklet_url)  # an image is a file
        return target
    return None


def _print_label(tag: StartTag, href: str | None, own_slug: str, number_by_slug: dict[str, int]) -> Iterator[Edit]:
    """A link to another chapter prints that chapter's number instead of the page's site address;
    a link inside its own chapter prints nothing (the reader is already there)."""
    if href is None or not href.startswith("#"):
        return  # another page of the site or the web: it keeps the address print_links gave it
    slug = href[1:].split(SEPARATOR, 1)[0]
    label = chapter_label(number_by_slug[slug]) if slug != own_slug and slug in number_by_slug else None
    marked = tag.attribute(_PRINT_HREF)
    if label is None:
        if marked is not None:
            yield remove(marked)
    elif marked is not None:
        yield set_value(marked, label)
    else:
        yield (tag.close, tag.close, f' {_PRINT_HREF}="{escape(label)}"')


@dataclass
class Anchors:
    """The ids of the finished booklet and its `#anchor` links, gathered while the chapters are rewritten
    (parsing the whole booklet again would cost as much as all the chapters together)."""

    ids: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)

    def note(self, name: str, value: str | None) -> None:
        if name == "id" and value:
            self.ids.add(value)
        elif name == "href" and value and value.startswith("#") and len(value) > 1:
            self.links.add(value[1:])

    def read(self, html: str) -> None:
        for token in scan(html):
            if isinstance(token, StartTag):
                for attribute in token.attributes:
                    self.note(attribute.name, attribute.value)

    def read_heading(self, html: str, anchor: str) -> None:
        """read() of a heading _heading() wrote for `anchor`: its only id and `#` link are the anchor, so a
        plain anchor (letters, digits, «_», «.», «-») is noted without a parse (two thousand of them with
        1000 guides); any other goes through the parser, which decodes it as the browser will."""
        if _PLAIN_ANCHOR.fullmatch(anchor):
            self.note("id", anchor)
            self.note("href", "#" + anchor)
        else:
            self.read(html)

    def dangling(self) -> list[str]:
        """`#anchor` links that lead to no id on the page."""
        return sorted(self.links - self.ids)


# A chapter's HTML → its tags (chapter_edits reads no text). The plugin keeps one per build: the whole booklet
# and its section booklet get the same HTML (on_page_content), parsed once. Kept for that build only: the
# tags take about nine times the memory of the HTML.
TagCache = dict[str, tuple[Token, ...]]


def tags_of(html: str, cache: TagCache, last_page: LastPage | None = None) -> tuple[Token, ...]:
    """The tags of a chapter's HTML, parsed once (or taken from `last_page`, which has just parsed it)."""
    found = cache.get(html)
    if found is None:
        tokens = last_page.scan(html) if last_page is not None else scan(html)
        found = cache[html] = tuple(t for t in tokens if isinstance(t, (StartTag, EndTag)))
    return found


def chapter_edits(
    chapter: Chapter,
    booklet_url: str,
    slug_by_url: dict[str, str],
    number_by_slug: dict[str, int] | None = None,
    anchors: Anchors | None = None,
    tags: TagCache | None = None,
) -> Iterator[Edit]:
    """What changes in a guide's HTML to make it a chapter, found with an HTML parser (ozon_help/html_source.py):
    headings one level down; every id, and every attribute that names one, prefixed with the chapter's slug
    (so ids stay unique across chapters); links to other pages re-based to the booklet, or pointed at the
    chapter that holds them; with `number_by_slug`, links between chapters print the chapter's number."""
    for token in tags_of(chapter.html, {} if tags is None else tags):
        if isinstance(token, EndTag):
            if token.name in _HEADINGS:
                yield (token.name_start, token.name_start + 2, _demoted(token.name))
            continue
        if not isinstance(token, StartTag):
            continue
        if token.name in _HEADINGS:
            yield (token.start + 1, token.start + 3, _demoted(token.name))
        href = None
        for attribute in token.attributes:
            if attribute.name == _LIVE_TABS:
                yield (attribute.start, attribute.start + len(_LIVE_TABS), _BOOKLET_TABS)
            new = _new_value(attribute, chapter, booklet_url, slug_by_url)
            if attribute.name == "href":
                href = new
            if anchors is not None:
                anchors.note(attribute.name, attribute.value if new is None else new)
            if new is not None and new != attribute.value:
                yield set_value(attribute, new)
        if number_by_slug and token.name == "a":
            yield from _print_label(token, href, chapter.slug, number_by_slug)


def chapter_html(
    chapter: Chapter,
    booklet_url: str,
    slug_by_url: dict[str, str],
    number_by_slug: dict[str, int] | None = None,
    anchors: Anchors | None = None,
    tags: TagCache | None = None,
) -> str:
    body = splice(chapter.html, chapter_edits(chapter, booklet_url, slug_by_url, number_by_slug, anchors, tags))
    heading = _heading(2, chapter.title, chapter.slug, 'class="booklet-chapter" ', chapter.number)
    if anchors is not None:
        anchors.read_heading(heading, chapter.slug)
    # One <section> per chapter: booklet.css lets the browser skip the layout and paint of the chapters
    # far from the screen (content-visibility), which on the whole booklet is most of its elements.
    # Until a chapter is laid out it is as tall as booklet.css estimates from its length in characters
    # (data-length): a chapter shown shorter than it is would overlap the next one for tools that
    # measure it unrendered (Lighthouse's axe reported colours and tap targets of the wrong elements).
    # data-chapter: its named page on paper, whose top margin box carries its title (ozon_help/booklet_paper.py).
    inner = f"{heading}\n{body.strip()}"
    number = f' {CHAPTER_ATTR}="{chapter.number}"' if chapter.number else ""
    return f'<section class="{PART_CLASS}"{number} data-length="{len(inner)}">\n{inner}\n</section>\n'


def _heading(level: int, title: str, anchor: str, attributes: str = "", number: int = 0) -> str:
    """A heading with its permalink, in the markup the `toc` extension writes for the guides."""
    numbered = f'<span class="booklet-chapter__number">{number}.</span> ' if number else ""
    return (
        f'<h{level} {attributes}id="{anchor}">{numbered}{escape(title)}'
        f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h{level}>'
    )


def contents_html(chapters: Iterable[Chapter]) -> str:
    lines, section = [_heading(2, "Содержание", CONTENTS_ID), '<nav class="booklet-toc">'], None
    for chapter in chapters:
        if chapter.section != section:
            if section is not None:
                lines.append("</ul>")
            section = chapter.section
            lines += [f"<p><strong>{escape(section)}</strong></p>" if section else "", "<ul>"]
        number = f"{chapter.number}. " if chapter.number else ""
        # An empty slot for the chapter's page number: deploy/booklet_pdf.py fills it in the PDF, and print.css
        # gives it its width from the start, so filling it moves no line of the contents to another sheet.
        slot = f'<span class="{TOC_PAGE_CLASS}" {TOC_PAGE_ATTR}="{chapter.number}"></span>' if chapter.number else ""
        lines.append(f'<li>{number}<a href="#{chapter.slug}">{escape(chapter.title)}</a>{slot}</li>')
    lines += ["</ul>" if section is not None else "", "</nav>"]
    return "\n".join(line for line in lines if line)


def _demoted_toc(links: Iterable[AnchorLink], slug: str) -> list[AnchorLink]:
    out = []
    for link in links:
        copy = AnchorLink(link.title, chapter_anchor(slug, link.id), min(link.level + 1, 6))
        copy.children = _demoted_toc(link.children, slug)
        out.append(copy)
    return out


def booklet_toc(own: TableOfContents, chapters: Iterable[Chapter]) -> TableOfContents:
    """The page's own headings, the contents, then each chapter with the guide's headings under it."""
    items = list(own) + [AnchorLink("Содержание", CONTENTS_ID, 2)]
    for chapter in chapters:
        entry = AnchorLink(chapter.title, chapter.slug, 2)
        entry.children = _demoted_toc(chapter.toc, chapter.slug)
        items.append(entry)
    return TableOfContents(items)


def build(
    own_html: str, chapters: list[Chapter], booklet_url: str, src_path: str, known_broken: Iterable[str] = (),
    tags: TagCache | None = None,
) -> str:
    """The booklet page: its own text, the contents, the chapters. `known_broken`: anchors of the
    finished booklet that come from a guide's own broken link, already reported against the guide."""
    slugs = [c.slug for c in chapters]
    if len(slugs) != len(set(slugs)):
        twice = sorted({s for s in slugs if slugs.count(s) > 1})
        raise PluginError(f"docs/{src_path}: two guides give the booklet the same chapter id {twice}; rename one file")
    slug_by_url = {c.url: c.slug for c in chapters}
    number_by_slug = {c.slug: c.number for c in chapters if c.number}
    parts = [own_html, contents_html(chapters)]
    anchors = Anchors()
    for part in parts:
        anchors.read(part)
    parts += [chapter_html(c, booklet_url, slug_by_url, number_by_slug, anchors, tags) for c in chapters]
    html = "\n".join(parts)
    dangling = sorted(set(anchors.dangling()) - set(known_broken))
    if dangling:
        raise PluginError(
            f"docs/{src_path}: the booklet has links to anchors that are not on it: "
            + ", ".join("#" + a for a in dangling[:10])
            + ". The guides' own links to these headings are valid, so rewriting them for the booklet went"
            " wrong: report it with the guide that links to them (ozon/booklet)."
        )
    return html
