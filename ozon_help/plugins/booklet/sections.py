"""ozon/booklet: which pages are a booklet's chapters, and the booklet of each navigation section."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import get_relative_url

from macros.front_matter import is_guide
from macros.guide_index import nav_sections, read_front_matter
from ozon_help.plugins.booklet.chapters import _heading

BOOKLET_META = "booklet"  # true: the whole booklet, every chapter
SECTION_META = "booklet_section"  # a section's title: that section's booklet (generated, see on_files)
IS_BOOKLET_META = "is_booklet"  # set on every page for the templates (overrides/main.html, partials/toc.html)
CHAPTER_META = "booklet_chapter"  # a page that is no guide but belongs in the booklet
SECTIONS_ID = "razdely"


def is_chapter(meta: Mapping[str, Any]) -> bool:
    """A guide (macros/front_matter.is_guide) or a page that asks to be a chapter."""
    return (is_guide(meta) or bool(meta.get(CHAPTER_META))) and not is_booklet(meta)


def is_booklet(meta: Mapping[str, Any]) -> bool:
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
