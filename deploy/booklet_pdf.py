"""`make dist`: a ready PDF of every booklet, with the page of each chapter in its contents.

    python -m deploy.booklet_pdf --site dist/site

Each booklet page links its PDF (`<a data-booklet-pdf href=…>`, ozon_help/booklet_paper.py chose the name);
this prints every page that has such a link to that address, so no link is left without its file.

Chromium prints the booklet twice. Every chapter is a named page whose top margin says
«Глава 5. Брак или не тот товар» (ozon_help/booklet_paper.py): pdftotext reads those lines back from the first
print, which gives the sheet each chapter starts on; the numbers go into the contents' empty slots (print.css
keeps their width, so no line moves) and the second print is read again to prove every number right.
Chosen over WeasyPrint, which lays out `target-counter()` in one pass, by measurement (EDITING.md «Printing and
the booklet»): the whole booklet took Chromium 1.7 s, WeasyPrint 70.0 17 s, with the same pages.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from xml.etree import ElementTree

import tinycss2
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ozon_help.booklet_paper import PDF_LINK_ATTR, RUNNING_TITLE, TOC_PAGE_ATTR  # noqa: E402

PRINT_CSS = "assets/print.css"
MM_TO_PT = 72 / 25.4
MAX_PASSES = 4  # the numbers settle on the second print; a third or fourth only if a slot was too narrow
TIMEOUT_S = 120  # one booklet's load or print; the whole booklet prints in about 2 s
PDFTOTEXT_TIMEOUT_S = 60
XHTML = "{http://www.w3.org/1999/xhtml}"
MISSING_TOOLS = (
    "booklet PDFs need Chromium and pdftotext: apt-get install chromium poppler-utils "
    "(EDITING.md «Printing and the booklet»)"
)


class BookletPdfError(RuntimeError):
    pass


@dataclass(frozen=True)
class Margins:
    """The @page margins of print.css, in points (PDF units)."""

    top: float
    bottom: float


@dataclass(frozen=True)
class PdfPage:
    number: int  # from 1
    running_title: str  # the text in the top margin ("" on sheets that have none)
    fullness: float  # how far down the text area the page's text reaches: 0 empty, 1 full
    text: str  # the text between the margins, words joined by spaces


@dataclass(frozen=True)
class BookletPdf:
    page_url: str  # the booklet's page, from the site's root
    pdf: Path
    pages: tuple[PdfPage, ...]
    starts: dict[int, int]  # chapter number → the page it starts on, as the contents say
    passes: int
    seconds: float

    def chapter_ends(self) -> set[int]:
        """The last page of each chapter, and of the front part (title and contents) before chapter 1."""
        firsts = sorted(self.starts.values())
        return {first - 1 for first in firsts if first > 1} | {len(self.pages)}

    def near_empty(self, least: float = 0.2) -> list[PdfPage]:
        """Pages under `least` full that do not end a chapter: a box stranded on a sheet of its own."""
        ends = self.chapter_ends()
        return [p for p in self.pages if p.fullness < least and p.number not in ends]


def page_margins(print_css: str) -> Margins:
    """The `margin` of print.css's unnamed `@page` rule (one to four lengths in mm), the one source."""
    for rule in tinycss2.parse_stylesheet(print_css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "page" or rule.content is None:
            continue
        if any(token.type not in ("whitespace", "comment") for token in rule.prelude):
            continue  # a named page (`@page letter-only`)
        for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if item.type == "declaration" and item.lower_name == "margin":
                values = [t for t in item.value if t.type == "dimension"]
                if not values or any(t.lower_unit != "mm" for t in values):
                    break
                mm = [float(t.value) for t in values]
                top = mm[0]
                bottom = mm[2] if len(mm) > 2 else mm[0]
                return Margins(top * MM_TO_PT, bottom * MM_TO_PT)
    raise BookletPdfError(f"{PRINT_CSS}: no `@page {{ margin: … }}` in mm: the sheet's margins are read there")


def read_pages(pdf: Path, margins: Margins) -> tuple[PdfPage, ...]:
    """Every page of `pdf` as pdftotext reads it: the running title above the top margin, and how full it is."""
    try:
        result = subprocess.run(
            ["pdftotext", "-bbox", str(pdf), "-"],
            capture_output=True,
            check=True,
            timeout=PDFTOTEXT_TIMEOUT_S,
        )
    except FileNotFoundError as error:
        raise BookletPdfError(MISSING_TOOLS) from error
    # pdftotext writes XHTML with a DOCTYPE; ElementTree reads it without fetching anything.
    root = ElementTree.fromstring(result.stdout.decode("utf-8"))
    pages = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), 1):
        height = float(page.get("height", "0"))
        area_bottom = height - margins.bottom
        title, body, lowest = [], [], margins.top
        for word in page.iter(f"{XHTML}word"):
            top, bottom, text = float(word.get("yMin", "0")), float(word.get("yMax", "0")), word.text or ""
            if bottom <= margins.top + 1:
                title.append(text)
            elif top < area_bottom - 1:
                body.append(text)
                lowest = max(lowest, min(bottom, area_bottom))
        fullness = (lowest - margins.top) / (area_bottom - margins.top) if area_bottom > margins.top else 0.0
        pages.append(PdfPage(number, " ".join(title), round(fullness, 3), " ".join(body)))
    return tuple(pages)


def chapter_starts(pages: tuple[PdfPage, ...]) -> dict[int, int]:
    """Chapter number → the first page whose running title names it."""
    starts: dict[int, int] = {}
    for page in pages:
        found = RUNNING_TITLE.match(page.running_title)
        if found:
            starts.setdefault(int(found.group(1)), page.number)
    return starts


def find_booklets(site: Path) -> list[tuple[str, str]]:
    """(page URL, PDF URL), both from the site's root, for every page that links its booklet PDF."""
    found = []
    marker = PDF_LINK_ATTR.encode()
    for path in sorted(site.rglob("*.html")):
        data = path.read_bytes()
        if marker not in data:
            continue  # a plain substring search first: only the booklets are parsed
        page_url = path.relative_to(site).as_posix()
        for link in lxml_html.fromstring(data).xpath(f"//a[@{PDF_LINK_ATTR}]"):
            href = (link.get("href") or "").split("#")[0]
            if not href or "://" in href or href.startswith("/") or not href.endswith(".pdf"):
                raise BookletPdfError(f"{page_url}: the booklet's PDF link «{href}» is not a relative .pdf address")
            target = (path.parent / href).resolve()
            if not target.is_relative_to(site.resolve()):
                raise BookletPdfError(f"{page_url}: the booklet's PDF link «{href}» leads out of the site")
            found.append((page_url, target.relative_to(site.resolve()).as_posix()))
    return found


_FILL_JS = f"""numbers => {{
  for (const slot of document.querySelectorAll('[{TOC_PAGE_ATTR}]'))
    slot.textContent = numbers[slot.getAttribute('{TOC_PAGE_ATTR}')] ?? '';
}}"""
_WANTED_JS = f"""() => [...document.querySelectorAll('[{TOC_PAGE_ATTR}]')]
  .map(slot => Number(slot.getAttribute('{TOC_PAGE_ATTR}')))"""


def print_booklet(page: Any, url: str, out: Path, margins: Margins, page_url: str) -> BookletPdf:
    """Print the booklet at `url` to `out` until the contents' page numbers are the pages the chapters
    start on (usually twice); raise if a chapter has no running title or the numbers never settle."""
    started = time.perf_counter()
    page.goto(url, wait_until="load")
    wanted: list[int] = page.evaluate(_WANTED_JS)
    filled: dict[int, int] = {}
    for passes in range(1, MAX_PASSES + 1):
        page.pdf(path=str(out), prefer_css_page_size=True, outline=True, tagged=True)
        pages = read_pages(out, margins)
        starts = chapter_starts(pages)
        missing = [n for n in wanted if n not in starts]
        if missing:
            raise BookletPdfError(
                f"{page_url}: no sheet of the PDF carries the running title of chapter(s) {missing} "
                "(ozon_help/booklet_paper.py writes them; is its stylesheet linked?)"
            )
        if passes > 1 and all(filled.get(n) == starts[n] for n in wanted):
            return BookletPdf(page_url, out, pages, {n: starts[n] for n in wanted}, passes,
                              time.perf_counter() - started)
        filled = {n: starts[n] for n in wanted}
        page.evaluate(_FILL_JS, {str(n): str(p) for n, p in filled.items()})
    raise BookletPdfError(f"{page_url}: the contents' page numbers did not settle in {MAX_PASSES} prints")


def make_booklet_pdfs(site: Path, log: Any = print, browser: Any = None) -> list[BookletPdf]:
    """Print every booklet of the built `site` to the PDF its page links. Returns what each one holds.

    `browser`: a running Playwright Chromium to print with (the tests pass theirs: Playwright's sync API
    refuses to start a second time in a process whose event loop already runs); without it one is launched.
    """
    booklets = find_booklets(site)
    if not booklets:
        return []
    from sitebuild.browse import CHROMIUM

    if not Path(CHROMIUM).exists() or shutil.which("pdftotext") is None:
        raise BookletPdfError(MISSING_TOOLS)
    margins = page_margins((site / PRINT_CSS).read_text(encoding="utf-8"))
    if browser is not None:
        return _print_booklets(site, booklets, margins, browser, log)
    with _launched_chromium() as launched:
        return _print_booklets(site, booklets, margins, launched, log)


@contextlib.contextmanager
def _launched_chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from sitebuild.browse import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _print_booklets(site: Path, booklets: list[tuple[str, str]], margins: Margins, browser: Any,
                    log: Any) -> list[BookletPdf]:
    from playwright.sync_api import Error as PlaywrightError

    from sitebuild.browse import serve

    made = []
    # bypass_csp: the contents' numbers are written by the page script this module runs.
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_S * 1000)
        with serve(site) as base:
            for page_url, pdf_url in booklets:
                target = site / pdf_url
                with tempfile.TemporaryDirectory() as scratch:
                    part = Path(scratch) / target.name
                    try:
                        result = print_booklet(page, base + page_url, part, margins, page_url)
                    except PlaywrightError as error:
                        raise BookletPdfError(f"{page_url}: Chromium could not print it: {error}") from error
                    shutil.move(part, target)
                result = BookletPdf(result.page_url, target, result.pages, result.starts, result.passes,
                                    result.seconds)
                made.append(result)
                log(
                    f"{pdf_url}: {len(result.pages)} pages, {target.stat().st_size / 1024:.0f} KB, "
                    f"{result.passes} prints, {result.seconds:.1f} s"
                )
    finally:
        context.close()
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    try:
        made = make_booklet_pdfs(args.site)
    except BookletPdfError as error:
        raise SystemExit(f"booklet PDF: {error}") from error
    for booklet in made:
        for page in booklet.near_empty():
            print(f"{booklet.pdf.name}: page {page.number} is only {page.fullness:.0%} full")


if __name__ == "__main__":
    main()
