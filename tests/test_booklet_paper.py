"""The booklet on paper, at its pure functions: running titles, their CSS, the PDF's address, the sheet's
margins, reading chapter starts and near-empty pages back (ozon_help/booklet_paper.py, deploy/booklet_pdf.py).
The PDFs themselves are printed and read in tests/test_booklet_pdf.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tinycss2

from deploy.booklet_pdf import (
    BookletPdf,
    BookletPdfError,
    PdfPage,
    chapter_starts,
    find_booklets,
    page_margins,
)
from ozon_help.booklet_paper import (
    PDF_LINK_ATTR,
    RUNNING_TITLE,
    css_string,
    pdf_path,
    running_title,
    running_titles_css,
    running_titles_path,
)

from .conftest import ROOT

HOSTILE_TITLES = [
    'Кавычка " и обратная косая \\',
    "Перевод\nстроки и ; } @page x { }",
    "</style><script>alert(1)</script>",
    "Ёлочки «» — тире, 100 %",
    "\u202e справа налево и \x00 нуль",
]


def _string_value(literal: str) -> str:
    """What a CSS parser reads from the literal (tinycss2, as a browser would)."""
    tokens = [t for t in tinycss2.parse_component_value_list(literal) if t.type != "whitespace"]
    assert len(tokens) == 1 and tokens[0].type == "string", f"{literal!r} is not one CSS string"
    return str(tokens[0].value)


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_a_title_is_one_css_string_with_its_own_text(title: str) -> None:
    literal = css_string(title)
    assert _string_value(literal) == title.replace("\x00", "\ufffd")  # CSS reads NUL as U+FFFD
    assert re.fullmatch(r'"[\w \\]*"', literal), "only letters, digits, spaces and escapes inside the quotes"


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_the_running_titles_stylesheet_has_one_page_rule_per_chapter(title: str) -> None:
    css = running_titles_css([(1, "Первая глава"), (2, title)])
    rules = [r for r in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)]
    assert [r.type for r in rules] == ["at-rule"] * 4, "a title broke out of its rule"
    pages = [r for r in rules if r.lower_at_keyword == "page"]
    assert [tinycss2.serialize(p.prelude).strip() for p in pages] == ["booklet-chapter-1", "booklet-chapter-2"]
    content = tinycss2.parse_blocks_contents(pages[1].content)
    box = next(item for item in content if item.type == "at-rule")
    declaration = next(d for d in tinycss2.parse_blocks_contents(box.content) if d.type == "declaration")
    assert _string_value(tinycss2.serialize(declaration.value).strip()) == running_title(2, title).replace(
        "\x00", "\ufffd")


def test_a_running_title_is_found_again_by_its_number() -> None:
    found = RUNNING_TITLE.match(running_title(12, "Брак или не тот товар"))
    assert found and found.group(1) == "12"
    assert RUNNING_TITLE.match("Глава без номера") is None


def test_each_booklet_has_files_of_its_own_next_to_it() -> None:
    assert running_titles_path("pechat/index.html") == "pechat/index.chapters.css"
    assert running_titles_path("pechat/zakaz/index.html") == "pechat/zakaz/index.chapters.css"
    assert running_titles_path("pechat.html") == "pechat.chapters.css"  # use_directory_urls: false
    assert pdf_path("pechat/index.html", None).startswith("pechat/")
    section = pdf_path("pechat/zakaz/index.html", "zakaz")
    assert section.startswith("pechat/zakaz/") and section.endswith("-zakaz.pdf")
    assert pdf_path("pechat.html", None) != pdf_path("pechat/zakaz.html", "zakaz")


def test_the_sheet_margins_come_from_print_css() -> None:
    css = (ROOT / "docs" / "assets" / "print.css").read_text(encoding="utf-8")
    margins = page_margins(css)
    declared = re.search(r"@page\s*\{[^}]*?margin:\s*([\d.]+)mm\s+[\d.]+mm\s+([\d.]+)mm", css)
    assert declared, "print.css's unnamed @page has a margin in mm"
    assert margins.top == pytest.approx(float(declared.group(1)) * 72 / 25.4)
    assert margins.bottom == pytest.approx(float(declared.group(2)) * 72 / 25.4)


@pytest.mark.parametrize(
    "css, top, bottom",
    [
        ("@page { margin: 10mm }", 10, 10),
        ("@page named { margin: 1mm } @page { size: A4; margin: 12mm 5mm 20mm }", 12, 20),
        ("@page{margin:8mm 1mm 9mm 2mm}", 8, 9),  # minified, as the site ships it
    ],
)
def test_margins_are_read_from_the_unnamed_page_rule(css: str, top: float, bottom: float) -> None:
    margins = page_margins(css)
    assert (margins.top, margins.bottom) == pytest.approx((top * 72 / 25.4, bottom * 72 / 25.4))


@pytest.mark.parametrize("css", ["", "@page { margin: 1in }", "@page named { margin: 5mm }"])
def test_margins_that_cannot_be_read_stop_with_the_file(css: str) -> None:
    with pytest.raises(BookletPdfError, match="print.css"):
        page_margins(css)


def _pages(*titles_and_fullness: tuple[str, float]) -> tuple[PdfPage, ...]:
    return tuple(PdfPage(n, title, full, "") for n, (title, full) in enumerate(titles_and_fullness, 1))


def test_chapter_starts_and_the_near_empty_pages_that_do_not_end_a_chapter() -> None:
    pages = _pages(
        ("", 1.0), ("", 0.1),  # title and contents: their last sheet may be short
        (running_title(1, "Один"), 1.0), (running_title(1, "Один"), 0.05), (running_title(1, "Один"), 0.5),
        (running_title(2, "Два"), 0.15),  # the last page of the booklet
    )
    starts = chapter_starts(pages)
    assert starts == {1: 3, 2: 6}
    booklet = BookletPdf("pechat/", Path("x.pdf"), pages, starts, 2, 0.0)
    assert booklet.chapter_ends() == {2, 5, 6}
    assert [p.number for p in booklet.near_empty()] == [4]


def _site(tmp_path: Path, href: str) -> Path:
    (tmp_path / "pechat").mkdir()
    (tmp_path / "index.html").write_text("<p>no booklet here</p>", encoding="utf-8")
    (tmp_path / "pechat" / "index.html").write_text(f'<a {PDF_LINK_ATTR} href="{href}">PDF</a>', encoding="utf-8")
    return tmp_path


def test_the_booklets_are_the_pages_that_link_their_pdf(tmp_path: Path) -> None:
    assert find_booklets(_site(tmp_path, "kniga.pdf")) == [("pechat/index.html", "pechat/kniga.pdf")]


@pytest.mark.parametrize("href", ["../../etc/x.pdf", "/abs.pdf", "https://example.org/x.pdf", "kniga.html"])
def test_a_pdf_link_outside_the_site_or_not_a_pdf_stops(tmp_path: Path, href: str) -> None:
    with pytest.raises(BookletPdfError, match="pechat/index.html"):
        find_booklets(_site(tmp_path, href))
