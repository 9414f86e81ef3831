"""The booklets as `make dist` ships them: PDFs printed by Chromium (deploy/booklet_pdf.py), read back with
pdftotext independently of the module that made them; and the booklet's type sizes on paper, from the
styles Chromium applies in print.

What each test expects comes from the built site (its contents and chapter titles), never typed here.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from deploy.booklet_pdf import BookletPdf, make_booklet_pdfs
from ozon_help.booklet_paper import PDF_LINK_ATTR, TOC_PAGE_ATTR, running_title
from sitebuild.project import BuildResult

from .conftest import ROOT
from .test_print_browser import BOOK, SCREEN_ONLY, assert_numbered, file_version, normalize, pdf_sheets, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("booklet-pdf")]

LEAST_FULL = 0.2  # no sheet but a chapter's last under a fifth full (issue 26)
PT = 96 / 72  # CSS px per pt
BODY_PT, SMALLEST_PT = 12, 11


@dataclass(frozen=True)
class Entry:
    number: int
    title: str


@pytest.fixture(scope="session")
def booklet_pdfs(
    built_site: BuildResult, tmp_path_factory: pytest.TempPathFactory, browser: Any
) -> tuple[Path, list[BookletPdf]]:
    """Every booklet of the real site printed once, as `make dist` does, into a copy of the site, with this
    process's browser: a second Playwright would refuse to start once another browser test has run here."""
    site = tmp_path_factory.mktemp("booklet-pdf") / "site"
    shutil.copytree(built_site.site, site)
    return site, make_booklet_pdfs(site, log=lambda _: None, browser=browser)


def _contents(page_html: Path) -> list[Entry]:
    """The booklet's contents as its HTML lists them: chapter number and title."""
    root = lxml_html.fromstring(page_html.read_bytes())
    entries = []
    for slot in root.xpath(f"//*[@{TOC_PAGE_ATTR}]"):
        item = slot.getparent()
        entries.append(Entry(int(slot.get(TOC_PAGE_ATTR)), " ".join(item.xpath("string(./a)").split())))
    return entries


def _pdf_text(pdf: Path, page: int, layout: bool = True) -> str:
    """Sheet `page` (from 1) as pdftotext reads it, from one read of the whole PDF (pdf_sheets)."""
    return pdf_sheets(pdf, layout=layout)[page - 1]


def _lines(pdf: Path, page: int) -> list[list[str]]:
    """The page's words line by line, left to right, from their boxes (pdftotext -bbox): the contents are
    two columns, and a line holds an entry of each."""
    boxes = _bbox_pages(pdf, CONTENTS_SHEETS)
    words = [
        (round(float(m.group(2))), float(m.group(1)), unescape(m.group(3)))
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', boxes[page - 1])
    ]
    lines: dict[int, list[tuple[float, str]]] = {}
    for y, x, text in words:
        lines.setdefault(y, []).append((x, text))
    return [[text for _, text in sorted(line)] for _, line in sorted(lines.items())]


# The contents take the first sheets; their page numbers are looked for on this many at most.
CONTENTS_SHEETS = 10


def _bbox_pages(pdf: Path, last: int) -> tuple[str, ...]:
    """pdftotext -bbox of sheets 1..last in one run (one per sheet before), split at each <page>; read again
    when the PDF is written again, as pdf_sheets is."""
    return _read_bbox(file_version(pdf), last)


@functools.lru_cache(maxsize=16)
def _read_bbox(version: tuple[str, int, int], last: int) -> tuple[str, ...]:
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", str(last), version[0], "-"],
        capture_output=True,
        check=True,
        text=True,
        timeout=60,
    ).stdout
    return tuple(out.split("<page ")[1:])


def _printed_page_numbers(pdf: Path, entries: list[Entry]) -> dict[int, int]:
    """Chapter number → the page number the PDF's contents print next to it: the last number on the line
    where the entry («5.») starts, before the next entry on that line (the other column)."""
    wanted = {e.number for e in entries}
    found: dict[int, int] = {}
    page = 1
    while wanted - found.keys() and page <= min(CONTENTS_SHEETS, len(_bbox_pages(pdf, CONTENTS_SHEETS))):
        for line in _lines(pdf, page):
            current: int | None = None
            last: int | None = None
            for word in line + ["0."]:  # a last entry mark closes the line's last entry
                entry = re.fullmatch(r"(\d+)\.", word)
                if entry:
                    if current is not None and current in wanted and last is not None:
                        found.setdefault(current, last)
                    current, last = int(entry.group(1)), None
                elif current is not None and word.isdigit():
                    last = int(word)
        page += 1
    return found


def _heading_lines(text: str) -> str:
    return " ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _one_sheet(pdf: Path, page: int, *mode: str) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *mode, "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, check=True, text=True, timeout=60).stdout


def test_a_sheet_reads_the_same_alone_and_in_the_whole(booklet_pdfs: tuple[Path, list[BookletPdf]]) -> None:
    """The checks read each sheet from one pdftotext run over the whole PDF (pdf_sheets, _bbox_pages), not
    from a run per sheet: on the whole booklet's first, middle and last sheet, both ways give the same text,
    with -layout and without, and the same word boxes."""
    whole = _whole_and_sections(booklet_pdfs[1])[0]
    count = len(whole.pages)
    assert count > 3, f"{whole.pdf.name}: {count} sheets"
    for page in sorted({1, count // 2, count}):
        for mode, layout in (((), False), (("-layout",), True)):
            alone = _one_sheet(whole.pdf, page, *mode)
            assert alone.endswith("\f"), (page, mode, alone[-20:])
            assert pdf_sheets(whole.pdf, layout=layout)[page - 1] == alone[:-1], (whole.pdf.name, page, mode)
    for page in (1, 2):
        alone = _one_sheet(whole.pdf, page, "-bbox")
        assert alone.count("<page ") == 1
        assert _bbox_pages(whole.pdf, CONTENTS_SHEETS)[page - 1].split("</page>")[0] == (
            alone.split("<page ", 1)[1].split("</page>")[0]), (whole.pdf.name, page)


def test_every_booklet_link_has_its_pdf(booklet_pdfs: tuple[Path, list[BookletPdf]]) -> None:
    site, made = booklet_pdfs
    linked = set()
    for page in site.rglob("*.html"):
        for link in lxml_html.fromstring(page.read_bytes()).xpath(f"//a[@{PDF_LINK_ATTR}]"):
            linked.add((page.parent / link.get("href")).resolve())
    assert linked, "no booklet links its PDF"
    assert linked == {b.pdf.resolve() for b in made}
    for pdf in linked:
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf


def test_the_contents_give_the_page_each_chapter_title_is_on(booklet_pdfs: tuple[Path, list[BookletPdf]]) -> None:
    site, made = booklet_pdfs
    for booklet in made:
        entries = _contents(site / booklet.page_url)
        assert entries, booklet.page_url
        printed = _printed_page_numbers(booklet.pdf, entries)
        assert sorted(printed) == [e.number for e in entries], f"{booklet.pdf.name}: contents without page numbers"
        for entry in entries:
            page = printed[entry.number]
            text = _pdf_text(booklet.pdf, page)
            heading = f"{entry.number}. {entry.title}"
            lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
            # The sheet's first line is the running title, its next ones the chapter's heading.
            assert lines and lines[0] == running_title(entry.number, entry.title), (booklet.pdf.name, page, lines[:2])
            assert " ".join(lines[1:]).startswith(heading), (booklet.pdf.name, page, heading, lines[1:3])
            if page > 1:
                before = _heading_lines(_pdf_text(booklet.pdf, page - 1))
                assert running_title(entry.number, entry.title) not in before, (booklet.pdf.name, page)


def test_every_sheet_of_a_chapter_names_the_chapter(booklet_pdfs: tuple[Path, list[BookletPdf]]) -> None:
    site, made = booklet_pdfs
    for booklet in made:
        entries = _contents(site / booklet.page_url)
        firsts = sorted((booklet.starts[e.number], e) for e in entries)
        pages = len(booklet.pages)
        for (first, entry), following in zip(firsts, firsts[1:] + [(pages + 1, None)], strict=True):
            for page in range(first, following[0]):
                top = _pdf_text(booklet.pdf, page, layout=False).splitlines()[0]
                assert " ".join(top.split()) == running_title(entry.number, entry.title), (booklet.pdf.name, page)


def _letter_headings(page_html: Path) -> set[str]:
    """Headings right before a template letter: print.css keeps a letter whole on a sheet, so the sheet before
    one ends where the text before it ends (a form to fill in is not split to fill that sheet)."""
    root = lxml_html.fromstring(page_html.read_bytes())
    return {
        " ".join(h.text_content().replace("¶", "").split())
        for h in root.xpath(
            "//*[self::h2 or self::h3 or self::h4]"
            "[following-sibling::*[1][contains(concat(' ', @class, ' '), ' letter ')]]"
        )
    }


def _starts_with_letter(pdf: Path, page: int, headings: set[str]) -> bool:
    lines = [" ".join(line.split()) for line in _pdf_text(pdf, page, layout=False).splitlines() if line.strip()]
    return len(lines) > 1 and lines[1] in headings  # line 0 is the running title


def test_no_sheet_but_a_chapters_last_is_nearly_empty(booklet_pdfs: tuple[Path, list[BookletPdf]]) -> None:
    site, made = booklet_pdfs
    stranded = []
    for b in made:
        headings = _letter_headings(site / b.page_url)
        for p in b.near_empty(LEAST_FULL):
            if p.number < len(b.pages) and _starts_with_letter(b.pdf, p.number + 1, headings):
                continue
            stranded.append(f"{b.pdf.name}: page {p.number} is {p.fullness:.0%} full")
    assert not stranded


# Every element's own text, in print, with its computed size; and the address print adds after a link.
_SIZES_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('article *')) {
    if (el.closest('.screen-only, .print-actions, .headerlink, .md-source-file')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (own && style.display !== 'none' && style.visibility !== 'hidden')
      out.push({what: el.tagName.toLowerCase() + '.' + el.className, px: parseFloat(style.fontSize),
                body: !!el.closest('p, li') && !el.closest('table, .booklet-toc, .letter, .print-header'),
                text: el.textContent.trim().slice(0, 40)});
    if (el.matches('a[data-print-href]'))
      out.push({what: 'a::after', px: parseFloat(getComputedStyle(el, '::after').fontSize), body: false,
                text: el.getAttribute('data-print-href')});
  }
  return out;
}"""


def test_the_booklet_prints_at_12_pt_and_nothing_below_11(
    page, site_url: str, booklet_pdfs: tuple[Path, list[BookletPdf]]
) -> None:
    _, made = booklet_pdfs
    page.emulate_media(media="print")
    page.goto(site_url + made[0].page_url.removesuffix("index.html"))
    sizes = page.evaluate(_SIZES_JS)
    assert len(sizes) > 1000, "the booklet's text was not found"
    small = {f"{s['what']} {s['px'] / PT:.1f} pt «{s['text']}»" for s in sizes if s["px"] < SMALLEST_PT * PT - 0.01}
    assert not small, sorted(small)[:20]
    small_body = {
        f"{s['what']} {s['px'] / PT:.1f} pt «{s['text']}»" for s in sizes if s["body"] and s["px"] < BODY_PT * PT - 0.01
    }
    assert not small_body, sorted(small_body)[:20]
    assert any(s["what"] == "a::after" for s in sizes), "no link address printed"


# ---- the booklets on paper, as readers get them (they used to be printed again for these checks) ---------


def _chapter_titles(html_path: Path) -> list[str]:
    html = html_path.read_text(encoding="utf-8")
    return [
        normalize(unescape(re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", t)))
        for t in re.findall(r'<h2 class="booklet-chapter"[^>]*>(.*?)</h2>', html, re.S)
    ]


def _whole_and_sections(made: list[BookletPdf]) -> tuple[BookletPdf, list[BookletPdf]]:
    whole = [b for b in made if b.page_url == "pechat/index.html"]
    assert len(whole) == 1, [b.page_url for b in made]
    return whole[0], [b for b in made if b is not whole[0]]


@pytest.mark.long
def test_whole_booklet_on_paper(booklet_pdfs: tuple[Path, list[BookletPdf]]) -> None:
    site, made = booklet_pdfs
    out = _whole_and_sections(made)[0].pdf
    printed = normalize(pdf_text(out))
    pages = assert_numbered(out)
    titles = _chapter_titles(site / "pechat" / "index.html")
    assert titles, "the booklet has no chapters"
    # the contents fit the first sheet: sheet 2 starts with chapter 1, no sheet holds a tail of the contents
    sheets = [normalize(sheet) for sheet in pdf_sheets(out)]
    number, name = titles[0].split(". ", 1)  # the chapter's running title first (ozon_help/booklet_paper.py)
    first = f"{running_title(int(number), name)} {titles[0]}"
    assert sheets[1].startswith(first), f"sheet 2 starts with «{sheets[1][:60]}», not chapter 1"
    for title in titles:
        assert title.split(". ", 1)[1] in sheets[0], f"«{title}» is not in the contents on the first sheet"
    # the contacts directory and the glossary are chapters, with their content
    contacts = [c for c in BOOK.channels.values() if c.status != "obsolete" and c.type == "phone"]
    assert any(t.endswith(". Все контакты") for t in titles) and any(t.endswith(". Словарь") for t in titles)
    assert all(c.display in printed for c in contacts), "a live phone is missing from the printed directory"
    glossary = re.findall(r"^### (.+?) \{ #", (ROOT / "docs" / "slovar.md").read_text(encoding="utf-8"), re.M)
    assert glossary and all(term in printed for term in glossary)
    # a link to another chapter says which chapter; nothing meant only for a screen is printed
    assert re.search(r"\(глава \d+\)", printed)
    found = [words for words in SCREEN_ONLY if words in printed]
    assert not found, f"screen-only words in the printed booklet: {found}"
    print(f"whole booklet: {len(titles)} chapters on {pages} sheets")


def test_section_booklets_on_paper(booklet_pdfs: tuple[Path, list[BookletPdf]]) -> None:
    site, made = booklet_pdfs
    sections = _whole_and_sections(made)[1]
    assert sections, "no section booklet was printed"
    for booklet in sections:
        assert_numbered(booklet.pdf)
        printed = normalize(pdf_text(booklet.pdf))
        titles = _chapter_titles(site / booklet.page_url)
        assert titles, f"{booklet.page_url}: no chapters"
        for title in titles:
            assert title in printed, f"{booklet.page_url}: «{title}» is not printed"
        found = [words for words in SCREEN_ONLY if words in printed]
        assert not found, f"{booklet.page_url}: screen-only words printed: {found}"
