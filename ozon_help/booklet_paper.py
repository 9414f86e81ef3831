"""What a booklet needs on paper and nowhere else: its running chapter titles, the page-number slots of
its contents, and the name of its ready PDF.

Shared by ozon/booklet (which writes them into the built booklets) and deploy/booklet_pdf.py (which
prints each booklet to PDF, reads the running titles back with pdftotext to learn where each chapter
starts, and fills the contents' page numbers in). One module, so the two never disagree on a name.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable

# Chromium prints no `string-set`/`string()`, but it prints margin boxes of named pages: each chapter is
# a named page whose top margin box says «Глава 5. Брак или не тот товар» (one rule per chapter).
RUNNING_TITLE_WORD = "Глава"
RUNNING_TITLE = re.compile(rf"^{RUNNING_TITLE_WORD} (\d+)\. ")
CHAPTER_ATTR = "data-chapter"  # on each chapter's <section>: its number
TOC_PAGE_ATTR = "data-toc-page"  # on each contents entry's page-number slot: the chapter's number
TOC_PAGE_CLASS = "booklet-toc__page"
PDF_LINK_ATTR = "data-booklet-pdf"  # on the booklet's link to its PDF: deploy/booklet_pdf.py prints there
RUNNING_TITLES_SUFFIX = ".chapters.css"
PDF_STEM = "spravochnik-pokupatelya-ozon"


def running_title(number: int, title: str) -> str:
    return f"{RUNNING_TITLE_WORD} {number}. {title}"


def css_string(text: str) -> str:
    """`text` as a CSS string literal. Titles are untrusted: everything but letters, digits and spaces
    is written as a hex escape, so no quote, backslash, newline or `</style>` can end the string."""
    out = []
    for char in text:
        if char == " " or (char.isalnum() and unicodedata.category(char)[0] in "LN"):
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return '"' + "".join(out) + '"'


def page_name(number: int) -> str:
    return f"booklet-chapter-{number}"


def running_titles_css(chapters: Iterable[tuple[int, str]]) -> str:
    """One named page per chapter (number, title), with the chapter's title in its top margin box.

    A change of named page starts a new sheet, as each chapter already does (print.css)."""
    rules = ["/* Made by ozon/booklet for this booklet: each chapter's title at the top of its sheets. */"]
    for number, title in chapters:
        name = page_name(number)
        rules.append(
            f'@media print {{ .booklet-part[{CHAPTER_ATTR}="{number}"] {{ page: {name}; }} }}\n'
            f"@page {name} {{ @top-left {{ content: {css_string(running_title(number, title))}; }} }}"
        )
    return "\n".join(rules) + "\n"


def running_titles_path(dest_uri: str) -> str:
    """Where a booklet page's running-title stylesheet lives: `pechat/index.html` → `pechat/index.chapters.css`."""
    return posixpath.splitext(dest_uri)[0] + RUNNING_TITLES_SUFFIX


def pdf_path(dest_uri: str, section_slug: str | None) -> str:
    """The booklet's PDF, next to its page: `pechat/spravochnik-pokupatelya-ozon.pdf`, and for a section
    `pechat/zakaz-i-dostavka/spravochnik-pokupatelya-ozon-zakaz-i-dostavka.pdf` (a saved file says what it is)."""
    name = PDF_STEM + (f"-{section_slug}" if section_slug else "") + ".pdf"
    folder = posixpath.dirname(dest_uri)
    return f"{folder}/{name}" if folder else name
