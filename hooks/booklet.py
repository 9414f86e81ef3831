"""MkDocs hook: the printable booklets, every guide's rendered page copied into one page.

A page whose front matter says `booklet: true` (docs/pechat.md) gets, after its own text, a list of
contents and every chapter in navigation order. A chapter is a guide (a page with `short:`) or a
reference page whose front matter says `booklet_chapter: true` (contacts, glossary). The hook also
makes one booklet per navigation section (`pechat/<section>.md`, generated from `nav:` at
`on_files`, not in the navigation and not in search), so a reader prints only the pages they need.
The chapters are the guides' HTML as MkDocs already rendered it for their own pages, so no guide is
converted from Markdown twice (with 1000 guides converting them again took a third of the build).
MkDocs renders every page's content before it renders any template, so at `on_page_context` all
guides are ready.

Three rewrites keep each copy valid on the booklet page. They are found with an HTML parser and
spliced into the guide's HTML at the parser's offsets (hooks/html_source.py), so nothing else changes
and nothing inside a comment, <script> or <style> is touched:

- every id gets the guide's slug as a prefix (`podrobno` → `brak--podrobno`), with the attributes
  that point at ids (`href="#…"`, `for`, `aria-*`) and radio-group names of content tabs, because
  all guides share ids like `korotko` and `podrobno`;
- headings go one level down, so the guide's title can head its chapter as `<h2>`;
- a link into a guide that is in the booklet points to its chapter (`../brak/#podrobno` →
  `#brak--podrobno`); a link to any other page is re-based to the booklet's address.

On paper a link to another chapter says which one (`data-print-href`, printed by print.css).

A guide's own link to a heading that does not exist is the guide's error, not the booklet's: the
hook reports it against the guide's file and line with the missing heading (MkDocs reports it too,
after this hook has run) and leaves it out of the booklet's own check. That check then stops the
build on any other `#anchor` of the finished booklet that leads nowhere, which only a fault of
the rewriting can cause.
"""

from __future__ import annotations

import logging
import posixpath
import re
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Iterable, Iterator

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import get_relative_url

# MkDocs loads hooks by file path; the project folder must be importable for `hooks.html_source` and `macros`.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from hooks.booklet_paper import (  # noqa: E402
    CHAPTER_ATTR,
    TOC_PAGE_ATTR,
    TOC_PAGE_CLASS,
    pdf_path,
    running_titles_css,
    running_titles_path,
)
from hooks.html_source import (  # noqa: E402
    Attribute,
    Edit,
    EndTag,
    StartTag,
    Token,
    remove,
    scan,
    scanned,
    set_value,
    splice,
)
from hooks.serve_dirty import keep_as_built, partial_build  # noqa: E402
from macros.front_matter import is_guide  # noqa: E402
from macros.guide_index import nav_sections, read_front_matter  # noqa: E402
from macros.printing import CHECKED_META, CHECKED_RANGE_META, CheckedRange  # noqa: E402

log = logging.getLogger("mkdocs.hooks.booklet")  # under «mkdocs»: a strict build counts its warnings

BOOKLET_META = "booklet"  # true: the whole booklet, every chapter
SECTION_META = "booklet_section"  # a section's title: that section's booklet (generated, see on_files)
IS_BOOKLET_META = "is_booklet"  # set on every page for the templates (overrides/main.html, partials/toc.html)
CHAPTER_META = "booklet_chapter"  # a page that is no guide but belongs in the booklet
SECTIONS_ID = "razdely"
SEPARATOR = "--"
CONTENTS_ID = "soderzhanie"
PART_CLASS = "booklet-part"  # the <section> around each chapter (print.css)

# Attributes whose value is one id or a space-separated list of them: prefixed with the chapter's slug.
_ID_ATTRIBUTES = frozenset({"id", "for", "name", "aria-controls", "aria-labelledby", "aria-describedby"})
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_PRINT_HREF = "data-print-href"  # hooks/print_links.py
# Material mounts a tab set (`data-tabs`) at start-up and measures it; measuring one inside a chapter the
# browser has not laid out yet (booklet.css: content-visibility) laid out that whole chapter in the page's
# longest task (issue 17). In the booklet the attribute is renamed: the tabs still switch (pymdownx's radio
# buttons; assets/booklet.css marks the open one) and all of them print; only Material's sliding underline
# and the tabs' links are gone.
_LIVE_TABS, _BOOKLET_TABS = "data-tabs", "data-booklet-tabs"
_PLAIN_ANCHOR = re.compile(r"[\w.-]+", re.ASCII)  # nothing an HTML parser would decode or end an attribute at
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # https:, mailto:, tel:, data:, //host


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
            target = get_relative_url(resolve(value, chapter.url), booklet_url)  # an image is a file
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


def _tags(html: str) -> tuple[Token, ...]:
    """A chapter's tags (chapter_edits reads no text), parsed once per build: the whole booklet and its
    section booklet get the same HTML (on_page_content). Kept for this build only: the tags take about
    nine times the memory of the HTML."""
    found = _state.tags.get(html)
    if found is None:
        found = _state.tags[html] = tuple(t for t in scan(html) if isinstance(t, (StartTag, EndTag)))
    return found


def chapter_edits(
    chapter: Chapter,
    booklet_url: str,
    slug_by_url: dict[str, str],
    number_by_slug: dict[str, int] | None = None,
    anchors: Anchors | None = None,
) -> Iterator[Edit]:
    """What changes in a guide's HTML to make it a chapter, found with an HTML parser (hooks/html_source.py):
    headings one level down; every id, and every attribute that names one, prefixed with the chapter's slug
    (so ids stay unique across chapters); links to other pages re-based to the booklet, or pointed at the
    chapter that holds them; with `number_by_slug`, links between chapters print the chapter's number."""
    for token in _tags(chapter.html):
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
) -> str:
    body = splice(chapter.html, chapter_edits(chapter, booklet_url, slug_by_url, number_by_slug, anchors))
    heading = _heading(2, chapter.title, chapter.slug, 'class="booklet-chapter" ', chapter.number)
    if anchors is not None:
        anchors.read_heading(heading, chapter.slug)
    # One <section> per chapter: booklet.css lets the browser skip the layout and paint of the chapters
    # far from the screen (content-visibility), which on the whole booklet is most of its elements.
    # Until a chapter is laid out it is as tall as booklet.css estimates from its length in characters
    # (data-length): a chapter shown shorter than it is would overlap the next one for tools that
    # measure it unrendered (Lighthouse's axe reported colours and tap targets of the wrong elements).
    # data-chapter: its named page on paper, whose top margin box carries its title (hooks/booklet_paper.py).
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
    own_html: str, chapters: list[Chapter], booklet_url: str, src_path: str, known_broken: Iterable[str] = ()
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
    parts += [chapter_html(c, booklet_url, slug_by_url, number_by_slug, anchors) for c in chapters]
    html = "\n".join(parts)
    dangling = sorted(set(anchors.dangling()) - set(known_broken))
    if dangling:
        raise PluginError(
            f"docs/{src_path}: the booklet has links to anchors that are not on it: "
            + ", ".join("#" + a for a in dangling[:10])
            + ". The guides' own links to these headings are valid, so rewriting them for the booklet went"
            " wrong: report it with the guide that links to them (hooks/booklet.py)."
        )
    return html


# ---- which pages, which sections ------------------------------------------------------------------


def is_chapter(meta: Mapping[str, Any]) -> bool:
    """A guide (macros/front_matter.is_guide) or a page that asks to be a chapter."""
    return (is_guide(meta) or bool(meta.get(CHAPTER_META))) and not _is_booklet(meta)


def _is_booklet(meta: Mapping[str, Any]) -> bool:
    return bool(meta.get(BOOKLET_META) or meta.get(SECTION_META))


_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def section_slug(title: str) -> str:
    """«Заказ и доставка» → `zakaz-i-dostavka`, in the style of the guides' file names."""
    latin = "".join(_TRANSLIT.get(ch, ch) for ch in title.lower()).replace("_", "")
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "razdel"


@dataclass(frozen=True)
class SectionBooklet:
    section: str
    src_uri: str  # pechat/zakaz-i-dostavka.md, next to the whole booklet
    chapters: int

    def markdown(self, whole_booklet_src: str) -> str:
        front = {
            "title": f"Для печати: {self.section}",
            SECTION_META: self.section,
            "search": {"exclude": True},
            "description": f"Все инструкции раздела «{self.section}» на одной странице, чтобы распечатать только их.",
        }
        back = posixpath.relpath(whole_booklet_src, posixpath.dirname(self.src_uri))
        return (
            "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n"
            f"Здесь инструкции только из раздела «{self.section}», по порядку. "
            "Каждая начнётся с новой страницы.\n\n"
            '<div class="screen-only" markdown>\n\n'
            "Чтобы распечатать их, нажмите «Открыть PDF для печати» выше: это готовый файл с номерами страниц "
            "в содержании. Его можно распечатать и с телефона. "
            f"Все разделы сразу — в [полном справочнике для печати]({back}).\n\n</div>\n"
        )


def section_booklets(nav: Any, docs_dir: Path, whole_booklet_src: str) -> list[SectionBooklet]:
    """One booklet per section of `nav:` that has at least one chapter, next to the whole booklet."""

    counts: dict[str, int] = {}
    for section, src in nav_sections(nav):
        if section and src.endswith(".md") and "://" not in src and (docs_dir / src).is_file():
            counts.setdefault(section, 0)
            counts[section] += is_chapter(read_front_matter(docs_dir / src))
    folder = posixpath.splitext(whole_booklet_src)[0]
    return [
        SectionBooklet(section, f"{folder}/{section_slug(section)}.md", count)
        for section, count in counts.items()
        if count
    ]


def sections_html(booklets: list[SectionBooklet], url_by_src: dict[str, str], booklet_url: str) -> str:
    """On the whole booklet: links to each section's booklet (screen only; paper has them all)."""
    items = []
    for booklet in booklets:
        if booklet.src_uri not in url_by_src:
            continue
        href = get_relative_url(url_by_src[booklet.src_uri], booklet_url)
        items.append(f'<li><a href="{escape(href)}">{escape(booklet.section)}</a> ({booklet.chapters})</li>')
    if not items:
        return ""
    return (
        f'<div class="screen-only booklet-sections">{_heading(2, "Только один раздел", SECTIONS_ID)}\n'
        "<p>Нужны не все инструкции? Откройте раздел и распечатайте только его. "
        "В скобках — сколько в нём глав.</p>\n<ul>\n" + "\n".join(items) + "\n</ul></div>"
    )


# ---- a guide's own broken links -------------------------------------------------------------------


@dataclass
class BuildState:
    sections: list[SectionBooklet] = field(default_factory=list)
    url_by_src: dict[str, str] = field(default_factory=dict)  # the section booklets' URLs
    reported: set[tuple[str, str, str]] = field(default_factory=set)  # (guide, link, anchor) already logged
    chapter_html: dict[str, str] = field(default_factory=dict)  # src_uri → the chapter's HTML (on_page_content)
    tags: dict[str, tuple[Token, ...]] = field(default_factory=dict)  # a chapter's HTML → its tags (_tags)
    running_titles: dict[str, str] = field(default_factory=dict)  # site path → a booklet's chapter titles (CSS)


_state = BuildState()


def source_line(page: Page, link: str) -> int:
    """The line of the guide's file (front matter counted, as the editor sees it) that holds `link`."""
    path = page.file.abs_src_path
    if not path or not Path(path).is_file():
        return 1
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if link in line:
            return number
    anchor = "#" + link.partition("#")[2]
    for number, line in enumerate(lines, 1):
        if re.search(re.escape(anchor) + r"(?![\w-])", line):
            return number
    return 1


def broken_links(page: Page) -> Iterator[tuple[File, str, str]]:
    """(target file, anchor, link as written) for each of the page's links to a heading that is not there.

    The same facts MkDocs' own anchor validation reads (`links_to_anchors`, `present_anchor_ids`).
    """
    for to_file, links in (page.links_to_anchors or {}).items():
        target = to_file.page
        if target is None or target.present_anchor_ids is None:
            continue
        for anchor, original in links.items():
            if anchor not in target.present_anchor_ids:
                yield to_file, anchor, original


def report_broken_links(guides: list[Page], slug_by_src: dict[str, str]) -> set[str]:
    """Log each guide's broken anchor link against the guide; return their anchors in booklet form."""
    in_booklet = set()
    for page in guides:
        for to_file, anchor, original in broken_links(page):
            if to_file.src_uri in slug_by_src:
                in_booklet.add(chapter_anchor(slug_by_src[to_file.src_uri], anchor))
            key = (page.file.src_uri, original, anchor)
            if key in _state.reported:
                continue
            _state.reported.add(key)
            target = "this page" if to_file is page.file else f"docs/{to_file.src_uri}"
            log.warning(
                f"docs/{page.file.src_uri}:{source_line(page, original)}: the link «{original}» leads to "
                f"«#{anchor}», a heading that {target} does not have. Fix: link to one of its headings' ids, "
                "or give the heading that id: `## Заголовок { #" + anchor + " }`."
            )
    return in_booklet


# ---- MkDocs events ---------------------------------------------------------------------------------


def _section_title(page: Page) -> str:
    return page.parent.title if page.parent is not None else ""


def _chapters(nav: Any, booklet: Page) -> list[Page]:
    """The booklet's pages in navigation order: all chapters, or one section's (`booklet_section:`)."""
    wanted = booklet.meta.get(SECTION_META)
    pages = [p for p in nav.pages if p is not booklet and is_chapter(p.meta)]
    if isinstance(wanted, str):
        pages = [p for p in pages if _section_title(p) == wanted]
    return pages


def _merge_checked_dates(booklet: Page, guides: list[Page], config: Any) -> None:
    """The print header of the booklet dates the contacts of every guide in it."""
    # The dates and their wording belong to macros/printing.py.

    merged = CheckedRange.merged(p.meta[CHECKED_RANGE_META] for p in guides if p.meta.get(CHECKED_RANGE_META))
    if merged:
        booklet.meta[CHECKED_RANGE_META] = merged.as_meta()
        booklet.meta[CHECKED_META] = merged.text()


# Template values (overrides/main.html, partials/print-actions.html): where the running titles and the PDF are.
RUNNING_TITLES_META = "booklet_running_titles"
PDF_META = "booklet_pdf"


def _paper(page: Page, chapters: list[Chapter]) -> None:
    """The booklet's running titles (a stylesheet of its own) and the address of its PDF (made by `make dist`)."""
    css_path = running_titles_path(page.file.dest_uri)
    _state.running_titles[css_path] = running_titles_css((c.number, c.title) for c in chapters if c.number)
    page.meta[RUNNING_TITLES_META] = css_path
    section = page.meta.get(SECTION_META)
    page.meta[PDF_META] = pdf_path(page.file.dest_uri, section_slug(section) if isinstance(section, str) else None)


def on_config(config: Any) -> Any:
    global _state
    _state = BuildState()
    return config


def on_post_build(config: Any) -> None:
    _state.tags.clear()  # every booklet is written; `mkdocs serve` keeps the process between builds
    # Each booklet's running titles, next to it. A partial `make serve` build renders no booklet and writes
    # none, so the files of the last full build stay with the pages they belong to.
    site = Path(config.site_dir)
    for path, css in _state.running_titles.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(css, encoding="utf-8")


def _whole_booklet_src(config: Any, docs_dir: Path) -> str | None:

    for _, src in nav_sections(config.nav or []):
        path = docs_dir / src
        if src.endswith(".md") and path.is_file() and read_front_matter(path).get(BOOKLET_META) is True:
            return src
    return None


def on_files(files: Files, config: Any) -> Files:
    """Add one booklet page per navigation section, next to the whole booklet (`booklet: true`)."""
    docs_dir = Path(config.docs_dir)
    whole = _whole_booklet_src(config, docs_dir)
    if whole is None:
        return files
    _state.sections = section_booklets(config.nav or [], docs_dir, whole)
    # A save in a dirty `make serve` re-renders only the saved guide: a booklet rendered then would have no
    # other chapter. Like the whole booklet, the section booklets keep what the last full build made.
    keep = partial_build(config.site_dir)
    for booklet in _state.sections:
        if files.get_file_from_path(booklet.src_uri) is not None:
            raise PluginError(f"docs/{booklet.src_uri}: this name is kept for the section booklet; rename the file")
        generated = File.generated(
            config, booklet.src_uri, content=booklet.markdown(whole), inclusion=InclusionLevel.NOT_IN_NAV
        )
        if keep:
            keep_as_built(generated)
        files.append(generated)
        _state.url_by_src[booklet.src_uri] = generated.url
    return files


def on_page_content(html: str, page: Page, config: Any, files: Files) -> str:
    """Keep each chapter's HTML as it is now, after print_links marked it: the whole booklet and the
    section booklets then get the same text, which hooks/html_source.py parses once (later hooks and
    Material's search plugin change a guide's content again, at different times for different pages)."""
    if is_chapter(page.meta):
        _state.chapter_html[page.file.src_uri] = html
        if scanned(html) is not None:  # hooks/print_links.py parsed this very text: keep its tags now
            _tags(html)
    return html


# Before Material's search plugin: it strips the `data-search-*` attributes hooks/search_ru.py adds
# to guides from every page's content at this event, the booklet's copies included.
@event_priority(50)
def on_page_context(context: dict[str, Any], page: Page, config: Any, nav: Any) -> dict[str, Any]:
    page.meta[IS_BOOKLET_META] = _is_booklet(page.meta)  # always written: front matter cannot set it
    if not page.meta[IS_BOOKLET_META]:
        return context
    pages = _chapters(nav, page)
    chapters = [
        Chapter(
            slug_of(p.file.src_path),
            p.title or p.file.src_path,
            _section_title(p),
            p.url,
            _state.chapter_html.get(p.file.src_uri, p.content or ""),
            p.toc,
            n,
        )
        for n, p in enumerate(pages, 1)  # numbered from 1: «глава 5» on paper
    ]
    known_broken = report_broken_links(pages, {p.file.src_uri: c.slug for p, c in zip(pages, chapters, strict=True)})
    own = page.content or ""
    if page.meta.get(BOOKLET_META) is True:
        own += "\n" + sections_html(_state.sections, _state.url_by_src, page.url)
    page.content = build(own, chapters, page.url, page.file.src_path, known_broken)
    page.toc = booklet_toc(page.toc, chapters)
    _merge_checked_dates(page, pages, config)
    _paper(page, chapters)
    return context
