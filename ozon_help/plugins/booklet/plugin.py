"""ozon/booklet: the printable booklets (chapters.py), one per navigation section too (sections.py).

State of one build on `self.state`: the section booklets and their URLs, each chapter's HTML as
ozon/print_links left it, the chapters' parsed tags, the running-title stylesheets to write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from macros.guide_index import nav_sections, read_front_matter
from macros.problems import Problem
from macros.printing import CHECKED_META, CHECKED_RANGE_META, CheckedRange
from ozon_help.booklet_paper import pdf_path, running_titles_css, running_titles_path
from ozon_help.html_source import LastPage
from ozon_help.plugins.booklet.broken_links import report_broken_links
from ozon_help.plugins.booklet.chapters import Chapter, TagCache, booklet_toc, build, slug_of, tags_of
from ozon_help.plugins.booklet.config import BookletConfig
from ozon_help.plugins.problems import BuildProblems
from ozon_help.plugins.booklet.sections import (
    BOOKLET_META,
    IS_BOOKLET_META,
    SECTION_META,
    SectionBooklet,
    is_booklet,
    is_chapter,
    section_booklets,
    section_slug,
    sections_html,
)
from ozon_help.plugins.serve_dirty.dirty import keep_as_built, partial_build
from ozon_help.plugins.serve_mode import ServeAware

# Template values (overrides/main.html, partials/print-actions.html): where the running titles and the PDF are.
RUNNING_TITLES_META = "booklet_running_titles"
PDF_META = "booklet_pdf"
PRINT_LINKS = "ozon/print_links"  # its `last_page` holds the tokens of the chapter it marked just before


@dataclass
class BuildState:
    sections: list[SectionBooklet] = field(default_factory=list)
    url_by_src: dict[str, str] = field(default_factory=dict)  # the section booklets' URLs
    reported: set[tuple[str, str, str]] = field(default_factory=set)  # (guide, link, anchor) already logged
    chapter_html: dict[str, str] = field(default_factory=dict)  # src_uri → the chapter's HTML (on_page_content)
    tags: TagCache = field(default_factory=dict)  # a chapter's HTML → its tags (chapters.tags_of)
    running_titles: dict[str, str] = field(default_factory=dict)  # site path → a booklet's chapter titles (CSS)
    # The navigation's chapters, found at the first booklet (every page's front matter is read by then): each of
    # the 40 section booklets of 1000 guides would otherwise test every page of the navigation again.
    nav_chapters: list[Page] | None = None


def _section_title(page: Page) -> str:
    return page.parent.title if page.parent is not None else ""


def _chapters(nav_chapters: list[Page], booklet: Page) -> list[Page]:
    """The booklet's pages in navigation order: all chapters, or one section's (`booklet_section:`)."""
    wanted = booklet.meta.get(SECTION_META)
    pages = [p for p in nav_chapters if p is not booklet]
    if isinstance(wanted, str):
        pages = [p for p in pages if _section_title(p) == wanted]
    return pages


def _merge_checked_dates(booklet: Page, guides: list[Page]) -> None:
    """The print header of the booklet dates the contacts of every guide in it."""
    # The dates and their wording belong to macros/printing.py.

    merged = CheckedRange.merged(p.meta[CHECKED_RANGE_META] for p in guides if p.meta.get(CHECKED_RANGE_META))
    if merged:
        booklet.meta[CHECKED_RANGE_META] = merged.as_meta()
        booklet.meta[CHECKED_META] = merged.text()


def _whole_booklet_src(config: MkDocsConfig, docs_dir: Path) -> str | None:
    for _, src in nav_sections(config.nav or []):
        path = docs_dir / src
        if src.endswith(".md") and path.is_file() and read_front_matter(path).get(BOOKLET_META) is True:
            return src
    return None


class BookletPlugin(ServeAware, BasePlugin[BookletConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.state = BuildState()

    def _paper(self, page: Page, chapters: list[Chapter]) -> None:
        """The booklet's running titles (a stylesheet of its own) and the address of its PDF (`make dist`)."""
        css_path = running_titles_path(page.file.dest_uri)
        self.state.running_titles[css_path] = running_titles_css((c.number, c.title) for c in chapters if c.number)
        page.meta[RUNNING_TITLES_META] = css_path
        section = page.meta.get(SECTION_META)
        page.meta[PDF_META] = pdf_path(page.file.dest_uri, section_slug(section) if isinstance(section, str) else None)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.state = BuildState()
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.state.tags.clear()  # every booklet is written; `mkdocs serve` keeps the process between builds
        # Each booklet's running titles, next to it. A partial `make serve` build renders no booklet and writes
        # none, so the files of the last full build stay with the pages they belong to.
        site = Path(config.site_dir)
        for path, css in self.state.running_titles.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(css, encoding="utf-8")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add one booklet page per navigation section, next to the whole booklet (`booklet: true`)."""
        docs_dir = Path(config.docs_dir)
        whole = _whole_booklet_src(config, docs_dir)
        if whole is None:
            return files
        self.state.sections = section_booklets(config.nav or [], docs_dir, whole)
        # A save in a dirty `make serve` re-renders only the saved guide: a booklet rendered then would have no
        # other chapter. Like the whole booklet, the section booklets keep what the last full build made.
        keep = partial_build(config.site_dir, self.dirty_serve)
        for booklet in self.state.sections:
            if files.get_file_from_path(booklet.src_uri) is not None:
                raise BuildProblems([Problem(f"docs/{booklet.src_uri}", 0, "this name is kept for the section booklet",
                                             "rename the file", check="booklet")])
            generated = File.generated(
                config, booklet.src_uri, content=booklet.markdown(whole), inclusion=InclusionLevel.NOT_IN_NAV
            )
            if keep:
                keep_as_built(generated)
            files.append(generated)
            self.state.url_by_src[booklet.src_uri] = generated.url
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Keep each chapter's HTML as it is now, after ozon/print_links marked it: the whole booklet and the
        section booklets then get the same text, which ozon_help/html_source.py parses once (later plugins
        and Material's search plugin change a guide's content again, at different times for different pages)."""
        if is_chapter(page.meta):
            self.state.chapter_html[page.file.src_uri] = html
            last_page = getattr(config.plugins.get(PRINT_LINKS), "last_page", None)
            if isinstance(last_page, LastPage) and last_page.scanned(html) is not None:
                tags_of(html, self.state.tags, last_page)  # ozon/print_links parsed this very text: keep its tags
        return html

    # Before Material's search plugin: it strips the `data-search-*` attributes ozon/search_ru adds
    # to guides from every page's content at this event, the booklet's copies included.
    @event_priority(50)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        page.meta[IS_BOOKLET_META] = is_booklet(page.meta)  # always written: front matter cannot set it
        if not page.meta[IS_BOOKLET_META]:
            return context
        if self.state.nav_chapters is None:
            self.state.nav_chapters = [p for p in nav.pages if is_chapter(p.meta)]
        pages = _chapters(self.state.nav_chapters, page)
        chapters = [
            Chapter(
                slug_of(p.file.src_path),
                p.title or p.file.src_path,
                _section_title(p),
                p.url,
                self.state.chapter_html.get(p.file.src_uri, p.content or ""),
                p.toc,
                n,
            )
            for n, p in enumerate(pages, 1)  # numbered from 1: «глава 5» on paper
        ]
        slug_by_src = {p.file.src_uri: c.slug for p, c in zip(pages, chapters, strict=True)}
        known_broken = report_broken_links(pages, slug_by_src, self.state.reported)
        own = page.content or ""
        if page.meta.get(BOOKLET_META) is True:
            own += "\n" + sections_html(self.state.sections, self.state.url_by_src, page.url)
        page.content = build(own, chapters, page.url, page.file.src_path, known_broken, self.state.tags)
        page.toc = booklet_toc(page.toc, chapters)
        _merge_checked_dates(page, pages)
        self._paper(page, chapters)
        return context
