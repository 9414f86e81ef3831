"""Chromium prints pages to PDF; pdftotext reads them back. What a reader gets on paper is checked here.

The real site covers the guides; a copy of it with one extra guide from tests/fixtures/print/
(a template letter, a closed <details>, content tabs) covers what no real guide has yet.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.contacts_data import load_contacts
from macros.guide_index import guides

from .conftest import ROOT, _QuietHandler, build, copy_project

pytestmark = pytest.mark.browser

BOOK = load_contacts(ROOT / "data" / "contacts.yml")
FIXTURE = ROOT / "tests" / "fixtures" / "print" / "obrazets-pechati.md"
FIXTURE_PAGE = "obrazets-pechati/"
PDF_DIR_ENV = "PRINT_PDF_DIR"  # set it to keep the PDFs for a look: PRINT_PDF_DIR=/tmp/pdf make test

# Text that only the site's chrome carries: navigation sections, search, footer, buttons.
CHROME = (
    "Заказ и доставка",
    "Товар, возврат и деньги",
    "Защитить свои права",
    "Поиск",
    "Не связан с Ozon",
    "Material for MkDocs",
    "Перейти к содержанию",
    "Распечатать страницу",
    "Распечатать только письмо",
    "Наверх",
)


# A letter's text as paper shows it: the screen's text with list numbers (innerText drops them)
# and without the «не подтверждён» marks, which letter-only print leaves out.
LETTER_TEXT_JS = """el => {
  const copy = el.cloneNode(true);
  copy.querySelectorAll('.contact-mark').forEach(mark => mark.remove());
  copy.querySelectorAll('ol').forEach(list => [...list.children].forEach((item, i) =>
    item.prepend(`${(list.start || 1) + i}. `)));
  document.body.append(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


# ---- helpers ----------------------------------------------------------------------------------


def normalize(text: str) -> str:
    """One space between words; words that print broke at a hyphen are joined again."""
    text = text.replace("\u00ad", "")
    text = re.sub(r"-\s*\n\s*", "-", text)
    return " ".join(text.split())


def print_pdf(page, url: str, out: Path) -> str:
    """Open `url`, print it as Chromium does for paper (A4, print media) and return the text."""
    page.emulate_media(media="print")
    page.goto(url)
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=False)
    return pdf_text(out)


PAGE_NUMBER = re.compile(r"^(\d+) из (\d+)$")  # print.css: @page { @bottom-center { … } }


def pdf_sheets(pdf: Path, layout: bool = False) -> list[str]:
    """The text of each sheet, as pdftotext reads it (sheets end with a form feed); `layout`: pdftotext's
    -layout, which keeps a line's words where the sheet has them (two columns side by side).

    pdftotext reads the whole document, so a test that reads sheets one by one asks for them here: one run
    per PDF and mode, not one per sheet (test_booklet_pdf.py read a booklet's 285 sheets with 285 runs).
    Kept per file as written: a PDF printed again to the same path is read again. A sheet read alone
    (`-f N -l N`) is the same text: test_booklet_pdf.py's test_a_sheet_reads_the_same_alone_and_in_the_whole.
    """
    return list(_read_sheets(file_version(pdf), layout))


def file_version(path: Path) -> tuple[str, int, int]:
    """A file as written: its path, modification time and size; a cache key that writing the file changes."""
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=32)
def _read_sheets(version: tuple[str, int, int], layout: bool) -> tuple[str, ...]:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [version[0], "-"]
    sheets = subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout.split("\f")
    return tuple(sheets[:-1] if sheets and not sheets[-1].strip() else sheets)


def sheet_number(sheet: str) -> tuple[int, int] | None:
    """(page, pages) from the sheet's «3 из 5» line, or None when it has none or several.

    The number is at the foot of the sheet, but pdftotext may read a table cell's last line after it.
    """
    found = [PAGE_NUMBER.match(line.strip()) for line in sheet.splitlines()]
    numbers = [(int(m.group(1)), int(m.group(2))) for m in found if m]
    return numbers[0] if len(numbers) == 1 else None


def pdf_text(pdf: Path) -> str:
    """The printed text without the page numbers, so a paragraph split over two sheets reads whole."""
    lines = (line for sheet in pdf_sheets(pdf) for line in sheet.splitlines())
    return "\n".join(line for line in lines if not PAGE_NUMBER.match(line.strip()))


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def screen_texts(page, selector: str) -> list[str]:
    """The text of every element matching `selector`, as the screen shows it."""
    return [normalize(t) for t in page.locator(selector).all_inner_texts() if t.strip()]


def without_print_additions(text: str) -> str:
    """Printed text minus what print adds, to compare it with the screen's text."""
    # An address may wrap inside (print.css: overflow-wrap), and a line break reads as a space.
    text = re.sub(r" \((?:https?://|mailto:|\+7)[^)]*\)", "", text)
    # An address is one box on paper (print.css), so a full line can push the stop after it to the next.
    text = re.sub(r" ([.,;:])", r"\1", text)
    return text.replace("(не подтверждён)", "не подтверждён")


@pytest.fixture
def pdf_path(request, tmp_path: Path):
    """Where a test writes its PDF; kept in $PRINT_PDF_DIR when set, for looking at it."""
    import os

    keep = os.environ.get(PDF_DIR_ENV)
    target = Path(keep) if keep else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    return lambda name: target / f"{request.node.name}-{name}.pdf"


# The tests on the fixture site run on one worker (pytest-xdist --dist loadgroup), which builds it once.
PRINT_SITE = pytest.mark.xdist_group("print-site")


@pytest.fixture(scope="session")
def print_site_url(tmp_path_factory: pytest.TempPathFactory):
    """The site plus the fixture guide (in the navigation after «Заказ потерялся»), served on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("print") / "project")
    shutil.copy2(FIXTURE, project / "docs" / FIXTURE.name)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      - zakaz-poteryalsya.md\n" in text
    config.write_text(
        text.replace("      - zakaz-poteryalsya.md\n", f"      - zakaz-poteryalsya.md\n      - {FIXTURE.name}\n"),
        encoding="utf-8",
    )
    result = build(project)
    assert result.ok, result.output
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(result.site))
    )
    # shutdown() waits for the loop's next poll: half a second at the default interval
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


# The page's own text without its buttons: a chrome label may print only as often as it is there
# (the booklet's contents name the sections; the claim guide names the letter button).
CONTENT_TEXT_JS = """() => {
  const copy = document.querySelector('.md-content').cloneNode(true);
  copy.querySelectorAll('button, .print-actions, .headerlink').forEach(el => el.remove());
  document.body.append(copy);
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


def assert_no_chrome(printed: str, content: str = "") -> None:
    """No label of the site's chrome in `printed`, beyond the times the page's own `content` has it."""
    content = normalize(content)
    found = [label for label in CHROME if printed.count(label) > content.count(label)]
    assert not found, f"site chrome printed: {found}"


# ---- a guide on paper --------------------------------------------------------------------------


def test_guide_prints_both_variants_contacts_and_addresses(page, site_url: str, pdf_path) -> None:
    url = urljoin(site_url, "zakaz-poteryalsya/")
    page.goto(url)
    content = page.evaluate(CONTENT_TEXT_JS)
    short = screen_texts(page, "#korotko + p")
    # (the «Нашли ошибку?» link under a guide is for the screen only: site.css hides it in print)
    steps = screen_texts(page, ".md-content .md-typeset li, .md-content .md-typeset p:not(.feedback p)")
    external = page.eval_on_selector_all(
        "a[data-print-href]", "links => links.map(a => a.getAttribute('data-print-href'))"
    )
    phones = page.eval_on_selector_all("a[href^='tel:']", "links => links.map(a => a.textContent.trim())")

    out = pdf_path("guide")
    printed = normalize(print_pdf(page, url, out))
    plain = without_print_additions(printed)

    assert short and short[0] in plain, "the short answer is not printed in full"
    missing = [s for s in steps if s not in plain]
    assert not missing, f"not printed: {missing[:3]}"
    assert "Подробно" in printed and "Что сохранить" in printed

    # every phone in full, in the national format data/contacts.yml gives
    assert phones, "the sample guide shows no phone"
    for number in phones:
        assert number in printed
    assert BOOK.channels["rpn-ekc-phone"].display in printed

    # every external address after its link text
    assert external
    flat = printed.replace("-", "")  # pdftotext drops a hyphen where a long address breaks a line
    for address in external:
        assert f"({address.replace('-', '')})" in flat, f"address not printed: {address}"

    # where the sheet comes from, and how fresh its contacts are
    assert "https://problema-s-ozon.ru/zakaz-poteryalsya/" in printed
    assert re.search(r"Контакты на странице проверены (с )?\d\d\.\d\d\.\d{4}", printed)
    assert printed.index("Заказ потерялся") < printed.index("Коротко")
    assert_no_chrome(printed, content)
    assert pdf_pages(out) >= 1


def test_unconfirmed_mark_prints_as_text(page, site_url: str, pdf_path) -> None:
    printed = normalize(print_pdf(page, urljoin(site_url, "kontakty/"), pdf_path("contacts")))
    content = page.evaluate(CONTENT_TEXT_JS)
    # Every unconfirmed contact of any kind, as the page shows it: the number or address itself, else its label.
    unconfirmed = [c for c in BOOK.channels.values() if c.status == "unconfirmed"]
    if not unconfirmed:
        pytest.skip("data/contacts.yml has no unconfirmed contact, so no page shows the mark")
    for channel in unconfirmed:
        shown = channel.display if channel.type in ("phone", "address") else channel.label
        assert shown in printed, f"{channel.id}: «{shown}» is not on the printed sheet"
    assert printed.count("(не подтверждён)") >= len(unconfirmed)
    assert_no_chrome(printed, content)


@PRINT_SITE
def test_closed_details_and_tabs_print_without_javascript(browser, print_site_url: str, pdf_path) -> None:
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    try:
        page = context.new_page()
        url = urljoin(print_site_url, FIXTURE_PAGE)
        page.goto(url)
        assert page.locator("details:not([open])").count() == 1, "the fixture should have a closed block"
        assert not page.get_by_text("скрытая-строка-для-печати").is_visible()
        printed = normalize(print_pdf(page, url, pdf_path("nojs")))
        content = page.evaluate(CONTENT_TEXT_JS)
    finally:
        context.close()
    assert "скрытая-строка-для-печати" in printed
    assert "Текст первой вкладки." in printed and "вторая-вкладка-для-печати" in printed
    assert "(https://www.rospotrebnadzor.ru/)" in printed
    # a link whose text is its address (the fixture's <…> autolink) prints it once
    autolink = re.search(r"<(https://[^>\s]+)>", FIXTURE.read_text(encoding="utf-8"))
    assert autolink, f"{FIXTURE} has no <https://…> autolink to print"
    assert printed.count(autolink.group(1)) == 1
    assert_no_chrome(printed, content)


@PRINT_SITE
def test_letter_prints_alone(page, print_site_url: str, pdf_path) -> None:
    url = urljoin(print_site_url, FIXTURE_PAGE)
    page.goto(url)
    # the letter as the screen shows it, less the «не подтверждён» marks meant for the reader
    letter_text = normalize(page.locator(".letter").evaluate(LETTER_TEXT_JS))
    # window.print() opens a dialog; the test prints to PDF itself instead.
    page.evaluate("window.print = () => { window.printCalled = true; }")
    page.get_by_role("button", name="Распечатать только письмо").click()
    assert page.evaluate("window.printCalled") is True
    page.emulate_media(media="print")
    out = pdf_path("letter")
    page.pdf(path=str(out), prefer_css_page_size=True)
    printed = normalize(pdf_text(out))

    assert printed == letter_text, f"letter-only print differs from the letter:\n{printed}\n---\n{letter_text}"
    assert [sheet_number(sheet) for sheet in pdf_sheets(out)] == [None], "a letter printed alone has no page number"
    assert "ПРЕТЕНЗИЯ" in printed and BOOK.channels["ozon-address"].display.split(",")[0] in printed
    for outside in ("хвостовик", "Коротко", "Подробно", "problema-s-ozon.ru", "Проверка печати"):
        assert outside not in printed
    assert_no_chrome(printed)
    assert pdf_pages(out) == 1

    # after printing, the page prints whole again
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    again = normalize(print_pdf(page, url, pdf_path("after-letter")))
    assert "хвостовик" in again and "ПРЕТЕНЗИЯ" in again


def test_print_button_on_guides_only(page, site_url: str) -> None:
    page.goto(urljoin(site_url, "zakaz-poteryalsya/"))
    page.evaluate("window.print = () => { window.printCalled = true; }")
    page.get_by_role("button", name="Распечатать страницу").click()
    assert page.evaluate("window.printCalled") is True
    page.goto(urljoin(site_url, "kontakty/"))
    assert page.get_by_role("button", name="Распечатать страницу").count() == 0


# ---- the booklet -----------------------------------------------------------------------------------


@PRINT_SITE
def test_booklet_prints_every_guide(page, print_site_url: str, pdf_path) -> None:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
        real_guides = guides(ROOT / "docs", yaml_load(config)["nav"])
    out = pdf_path("booklet")
    printed = normalize(print_pdf(page, urljoin(print_site_url, "pechat/"), out))
    content = page.evaluate(CONTENT_TEXT_JS)
    plain = without_print_additions(printed)

    assert "Весь справочник для печати" in printed and "Содержание" in printed
    expected = [(g.title, normalize(g.short)) for g in real_guides] + [("Проверка печати", None)]
    for title, short in expected:
        assert printed.count(title) >= 2, f"«{title}» is missing from the contents or the chapters"
        if short:
            assert short in plain, f"the short answer of «{title}» is not printed in full"
    assert "скрытая-строка-для-печати" in printed and "ПРЕТЕНЗИЯ" in printed
    assert_no_chrome(printed, content)
    # every chapter starts on a new sheet: at least one page per guide plus the contents
    assert pdf_pages(out) >= len(expected) + 1


@PRINT_SITE
def test_booklet_links_lead_inside_the_booklet(page, print_site_url: str) -> None:
    page.goto(urljoin(print_site_url, "pechat/"))
    hrefs = page.eval_on_selector_all(".md-content a[href^='#']", "links => links.map(a => a.getAttribute('href'))")
    assert "#obrazets-pechati--shag-s-pismom" in hrefs and "#zakaz-poteryalsya--podrobno" in hrefs
    for href in set(hrefs):
        assert page.locator(f"[id='{href[1:]}']").count() == 1, f"{href} leads nowhere"


def _letter_pages(built: Path) -> list[str]:
    return sorted(
        p.parent.name
        for p in built.rglob("index.html")
        if 'class="letter"' in p.read_text(encoding="utf-8") and p.parent.name != "pechat"
    )


def test_every_real_letter_prints_alone(page, built_site, site_url: str, pdf_path) -> None:
    """The templates in the guides (claim, complaint): each prints alone, on as few sheets as it needs."""
    pages = _letter_pages(built_site.site)
    if not pages:
        pytest.skip("no guide has a .letter yet; test_letter_prints_alone covers the fixture")
    report = []
    for name in pages:
        url = urljoin(site_url, f"{name}/")
        page.emulate_media(media="screen")
        page.goto(url)
        letters = page.locator(".md-content .letter")
        for index in range(letters.count()):
            page.goto(url)
            letter = page.locator(".md-content .letter").nth(index)
            expected = normalize(letter.evaluate(LETTER_TEXT_JS))
            page.evaluate("window.print = () => {}")
            page.get_by_role("button", name="Распечатать только письмо").nth(index).click()
            page.emulate_media(media="print")
            out = pdf_path(f"{name}-{index}")
            page.pdf(path=str(out), prefer_css_page_size=True)
            printed = normalize(pdf_text(out))
            assert printed == expected, f"{name}: letter {index + 1} does not print alone"
            assert not any(sheet_number(sheet) for sheet in pdf_sheets(out)), f"{name}: a page number on a letter"
            report.append(f"{name}#{index + 1}: {pdf_pages(out)} page(s)")
    print("letter-only printouts:", ", ".join(report))


# ---- paper that works (issue 15): page numbers, where links lead, no screen-only words ---------------

# Words that only make sense on a screen: they must never reach paper.
SCREEN_ONLY = (
    "Как ещё спрашивают",
    "в подсказке",
    "Ctrl+P",
    "скопируйте ссылку",
    "Таблица шире экрана",
    "Распечатать только письмо",
    "Скопировать",
    "Только один раздел",
)


def assert_numbered(pdf: Path) -> int:
    """Every sheet ends with «N из M», N counting up from 1, M the PDF's page count."""
    sheets = pdf_sheets(pdf)
    pages = pdf_pages(pdf)
    assert len(sheets) == pages
    numbers = [sheet_number(sheet) for sheet in sheets]
    assert numbers == [(n, pages) for n in range(1, pages + 1)], f"{pdf.name}: sheet numbers {numbers}"
    return pages


# The whole booklet and the section booklets on paper: tests/test_booklet_pdf.py reads the PDFs `make dist`
# ships (printed once a test run), instead of printing the whole booklet here a second time.


def test_single_guide_on_paper(page, site_url: str, pdf_path) -> None:
    # a single guide: a link to another guide prints that guide's address on the site
    url = urljoin(site_url, "goryachaya-liniya/")
    page.emulate_media(media="screen")
    page.goto(url)
    addresses = page.eval_on_selector_all(
        ".md-content a[data-print-href^='https://problema-s-ozon.ru/']", "links => links.map(a => a.dataset.printHref)"
    )
    out = pdf_path("guide")
    printed = normalize(print_pdf(page, url, out))
    assert_numbered(out)
    assert addresses, "the guide links to no other page of the site"
    flat = printed.replace("-", "")  # pdftotext drops a hyphen where a long address breaks a line
    for address in addresses:
        assert f"({address.replace('-', '')})" in flat, f"not printed after its link: {address}"
    found = [words for words in SCREEN_ONLY if words in printed]
    assert not found, f"screen-only words printed: {found}"
