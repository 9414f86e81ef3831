"""MkDocs hook: the printable booklet, every guide's rendered page copied into one page.

A page whose front matter says `booklet: true` (docs/pechat.md) gets, after its own text, a list of
contents and every guide in navigation order. The chapters are the guides' HTML as MkDocs already
rendered it for their own pages, so no guide is converted from Markdown twice (with 1000 guides
converting them again took a third of the build). MkDocs renders every page's content before it
renders any template, so at `on_page_context` all guides are ready.

Three rewrites keep each copy valid on the booklet page:

- every id gets the guide's slug as a prefix (`podrobno` → `brak--podrobno`), with the attributes
  that point at ids (`href="#…"`, `for`, `aria-*`) and radio-group names of content tabs, because
  all guides share ids like `korotko` and `podrobno`;
- headings go one level down, so the guide's title can head its chapter as `<h2>`;
- a link into a guide that is in the booklet points to its chapter (`../brak/#podrobno` →
  `#brak--podrobno`); a link to any other page is re-based to the booklet's address.

MkDocs validated the guides' links before this hook runs; the hook then checks every `#anchor` of
the finished booklet and stops the build if one leads nowhere.
"""

from __future__ import annotations

import posixpath
import re
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Iterable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

BOOKLET_META = "booklet"
SEPARATOR = "--"
CONTENTS_ID = "soderzhanie"

_ID_REFERENCE = re.compile(r'(\s(?:id|for|name|aria-controls|aria-labelledby|aria-describedby)=")([^"]*)(")')
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_ID = re.compile(r'\sid="([^"]+)"')
_FRAGMENT_LINK = re.compile(r'\shref="#([^"]*)"')
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # https:, mailto:, tel:, data:, //host


@dataclass(frozen=True)
class Chapter:
    slug: str  # the chapter's id, and the prefix of every id inside it
    title: str
    section: str
    url: str  # the guide's own page, as MkDocs gives it (`brak/` or `brak.html`)
    html: str  # the guide's rendered content
    toc: TableOfContents


def slug_of(src_path: str) -> str:
    """`zakaz-poteryalsya.md` → `zakaz-poteryalsya`; a guide in a folder keeps the folder: `a/b.md` → `a-b`."""
    return posixpath.splitext(src_path)[0].replace("/", "-")


def chapter_anchor(slug: str, anchor: str = "") -> str:
    return slug + (SEPARATOR + anchor if anchor else "")


def prefix_ids(html: str, slug: str) -> str:
    """Prefix every id, and every attribute that names one, with the chapter's slug."""

    def prefixed(match: re.Match[str]) -> str:
        names = " ".join(chapter_anchor(slug, name) for name in match.group(2).split())
        return match.group(1) + names + match.group(3)

    html = _ID_REFERENCE.sub(prefixed, html)
    return _FRAGMENT_LINK.sub(lambda m: f' href="#{chapter_anchor(slug, m.group(1))}"', html)


def demote_headings(html: str) -> str:
    """`<h2>` → `<h3>`, down to `<h6>`: the guide's title is the chapter's `<h2>`."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html)


def _page_folder(url: str) -> str:
    """The folder a page's relative links start from: `brak/` for `brak/`, `a/` for `a/b.html`."""
    if url == "" or url.endswith("/"):
        return url
    folder = posixpath.dirname(url)
    return folder + "/" if folder else ""


def resolve(href: str, page_url: str) -> str:
    """A link as written on the page at `page_url`, as a URL from the site's root."""
    path = posixpath.normpath(posixpath.join(_page_folder(page_url), href)) if href else page_url
    if path == ".":
        return ""
    if href.endswith("/") and not path.endswith("/"):
        path += "/"
    return path


def rewrite_target(target: str, chapter: Chapter, booklet_url: str, slug_by_url: dict[str, str]) -> str:
    """Where a link in `chapter` should lead once the chapter is part of the booklet."""
    if target.startswith("#") or _EXTERNAL.match(target) or target.startswith("/"):
        return target  # same-chapter anchors are prefixed by prefix_ids
    path, hash_, anchor = target.partition("#")
    url = resolve(path, chapter.url)
    if url in slug_by_url:
        return "#" + chapter_anchor(slug_by_url[url], anchor)
    return get_relative_url(url or "./", booklet_url) + (hash_ + anchor)


def rebase_links(html: str, chapter: Chapter, booklet_url: str, slug_by_url: dict[str, str]) -> str:
    """Links to other pages, re-based to the booklet; `#same-page` links are left to prefix_ids."""

    def fix(match: re.Match[str]) -> str:
        target = rewrite_target(match.group(2), chapter, booklet_url, slug_by_url)
        if match.group(1).strip().startswith("src") and target.startswith("#"):
            target = get_relative_url(resolve(match.group(2), chapter.url), booklet_url)  # an image is a file
        return match.group(1) + target + match.group(3)

    return _URL_ATTRIBUTE.sub(fix, html)


def chapter_html(chapter: Chapter, booklet_url: str, slug_by_url: dict[str, str]) -> str:
    # ids first: rebase_links writes `#other-guide--id` links that must not get this chapter's prefix
    body = rebase_links(prefix_ids(demote_headings(chapter.html), chapter.slug), chapter, booklet_url, slug_by_url)
    return _heading(2, chapter.title, chapter.slug, 'class="booklet-chapter" ') + "\n" + body.strip() + "\n"


def _heading(level: int, title: str, anchor: str, attributes: str = "") -> str:
    """A heading with its permalink, in the markup the `toc` extension writes for the guides."""
    return (
        f'<h{level} {attributes}id="{anchor}">{escape(title)}'
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
        lines.append(f'<li><a href="#{chapter.slug}">{escape(chapter.title)}</a></li>')
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


def dangling_anchors(html: str) -> list[str]:
    ids = set(_ID.findall(html))
    return sorted({a for a in _FRAGMENT_LINK.findall(html) if a and a not in ids})


def build(own_html: str, chapters: list[Chapter], booklet_url: str, src_path: str) -> str:
    slugs = [c.slug for c in chapters]
    if len(slugs) != len(set(slugs)):
        twice = sorted({s for s in slugs if slugs.count(s) > 1})
        raise PluginError(f"docs/{src_path}: two guides give the booklet the same chapter id {twice}; rename one file")
    slug_by_url = {c.url: c.slug for c in chapters}
    parts = [own_html, contents_html(chapters)] + [chapter_html(c, booklet_url, slug_by_url) for c in chapters]
    html = "\n".join(parts)
    dangling = dangling_anchors(html)
    if dangling:
        raise PluginError(
            f"docs/{src_path}: the booklet has links to anchors that are not on it: "
            + ", ".join("#" + a for a in dangling[:10])
            + ". A guide links to a heading that has no explicit id; give it one: `## Заголовок { #id }`."
        )
    return html


def _section_title(page: Page) -> str:
    return page.parent.title if page.parent is not None else ""


def _guides(nav: Any, booklet: Page) -> list[Page]:
    # A guide is a page with a short answer in its front matter: hooks/front_matter.py sets this
    # flag from macros/front_matter.is_guide on every page before any page is rendered to HTML.
    return [p for p in nav.pages if p is not booklet and p.meta.get("is_guide")]


def _merge_checked_dates(booklet: Page, guides: list[Page], config: Any) -> None:
    """The print header of the booklet dates the contacts of every guide in it."""
    # The dates and their wording belong to macros/printing.py. MkDocs loads hooks by file path, so
    # the project folder is put on the import path the way mkdocs-macros does for its module.
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from macros.printing import CHECKED_META, CHECKED_RANGE_META, CheckedRange

    merged = CheckedRange.merged(p.meta[CHECKED_RANGE_META] for p in guides if p.meta.get(CHECKED_RANGE_META))
    if merged:
        booklet.meta[CHECKED_RANGE_META] = merged.as_meta()
        booklet.meta[CHECKED_META] = merged.text()


# Before Material's search plugin: it strips the `data-search-*` attributes hooks/search_ru.py adds
# to guides from every page's content at this event, the booklet's copies included.
@event_priority(50)
def on_page_context(context: dict[str, Any], page: Page, config: Any, nav: Any) -> dict[str, Any]:
    if not page.meta.get(BOOKLET_META):
        return context
    guides = _guides(nav, page)
    chapters = [
        Chapter(slug_of(p.file.src_path), p.title or p.file.src_path, _section_title(p), p.url, p.content or "", p.toc)
        for p in guides
    ]
    page.content = build(page.content or "", chapters, page.url, page.file.src_path)
    page.toc = booklet_toc(page.toc, chapters)
    _merge_checked_dates(page, guides, config)
    return context
