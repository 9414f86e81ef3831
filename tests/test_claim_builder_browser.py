"""The claim builder in Chromium: fill the form for each case, read the letter, print it to PDF.

The browser's clock is fixed at 15.03.2024 so deadlines and penalties are exact figures. Every
test asserts that, once the page has loaded, the browser asks nobody for anything: the answers
never leave it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from macros.contacts_data import load_contacts
from macros.law_data import load_law

from .conftest import ROOT

pytestmark = pytest.mark.browser

TODAY = dt.datetime(2024, 3, 15, 12, 0)
BOOK = load_contacts(ROOT / "data" / "contacts.yml")
OZON = BOOK.channels["ozon-address"]
RPN = BOOK.channels["rpn-reception-address"]
# The letters cite and count what the real register says today: read it, never type it here.
LAW = load_law(ROOT / "data" / "law.yml")


def cite(rule_id: str) -> str:
    """The citation as the builder prints it (with «не подтверждено» for an unconfirmed rule)."""
    rule = LAW.builder_json([rule_id])[rule_id]
    return rule["cite"] if rule["status"] == "confirmed" else f"{rule['cite']}, не подтверждено"


def figure(rule_id: str, name: str) -> str:
    """A figure as the register writes it: «0,5 %», «не больше суммы предоплаты»."""
    return str(LAW.builder_json([rule_id])[rule_id]["figures"][name]["text"])


def rubles(kopecks: float) -> str:
    """«7 200 ₽», «840,50 ₽»: as money.js formats it (spaces flattened)."""
    whole, rest = divmod(round(kopecks), 100)
    return f"{whole:,}".replace(",", " ") + (f",{rest:02d}" if rest else "") + " ₽"


def penalty(base: int, rule_id: str, days: int) -> str:
    """«12 000 ₽ × 0,5 % × 14 дней = 840 ₽» with the register's rate (days' word as the letters use it)."""
    rate = LAW.builder_json([rule_id])[rule_id]["figures"]["rate"]["value"]
    if days % 100 in (11, 12, 13, 14) or days % 10 in (0, 5, 6, 7, 8, 9):
        word = "дней"
    else:
        word = "день" if days % 10 == 1 else "дня"
    amount = rubles(base * 100 * rate / 100 * days)
    return flat(f"{rubles(base * 100)} × {figure(rule_id, 'rate')} × {days} {word} = {amount}")


LATE = "zozpp-23-1-penalty"
QUALITY = "zozpp-23-penalty"

BUYER = {
    "recipient": "ozon",  # not preselected while Ozon's address is unconfirmed
    "fullName": "Иванова Мария Петровна",
    "address": "620000, г. Екатеринбург, ул. Ленина, д. 1, кв. 2",
    "contact": "+7 900 000-00-00",
    "orderNumber": "12345678-0001",
    "orderDate": "2024-02-20",
    "product": "Чайник электрический",
    "price": "12 000",
}
# Text that is on the page but must never reach the printed letter.
CHROME = [
    "Конструктор претензии",
    "Фамилия, имя, отчество",
    "Распечатать",
    "Запомнить ответы",
    "Справочник покупателя",
    "Как написать претензию",
    "Поиск",
]


def flat(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) collapsed: the PDF wraps lines where it likes."""
    return " ".join(text.split())


def fill(page, answers: Any) -> None:
    """Fill fields in the given order; radios and checkboxes by value, text through fill()."""
    for name, value in answers.items():
        if value is True:
            page.check(f"#claim-{name}")
        elif isinstance(value, list):
            for item in value:
                page.check(f"#claim-{name}-{item}")
        elif name in {"doc", "recipient", "case", "ndDemand", "qDemand", "refundBasis", "sellerReply", "refundTo"}:
            page.check(f"#claim-{name}-{value}")
        else:
            page.fill(f"#claim-{name}", value)


@pytest.fixture
def page(clocked_page):
    """Every tab here reads the clock at TODAY: a tab of the shared context with that clock (setting it again
    would add one more script to the context's init scripts for every later page)."""
    return clocked_page


def dom_text(page, selector: str) -> str:
    """A text of the form as the DOM holds it. Not innerText: the form's sections are laid out only near the
    screen (claim.css, content-visibility: auto), and innerText of a section the browser has not laid out yet
    is empty. Right after «Печать» moves the focus up, or after a reload, a section further down can still be
    unrendered on a loaded machine: that made this module's message checks fail at random."""
    return page.text_content(selector) or ""


def message(page, name: str) -> str:
    """The message next to field `name` (see `dom_text`)."""
    return dom_text(page, f"#claim-{name}-error")


def open_builder(page, site_url: str) -> int:
    """The builder's page in `page` (this module's: a tab of the context whose clock is at TODAY)."""
    # Every request of the builder's page is made before its load event (goto waits for it); networkidle
    # would add half a second and, on a loaded machine, sometimes never came (a 30 s timeout in CI).
    page.goto(site_url + "konstruktor-pretenzii/")
    page.wait_for_selector("#claim-print")
    hosts = {urlparse(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, f"requests to other hosts: {hosts}"
    return len(page.requests)


def stub_print(page) -> None:
    """Count window.print() calls instead of opening the dialog.

    The arrow wrapper stops Playwright calling the stub.
    """
    page.evaluate("() => { window.print = () => { window.printCalls = (window.printCalls || 0) + 1; }; }")


def squash(text: str) -> str:
    """All whitespace removed: pdftotext sometimes drops the space around one-letter words (5 и 7)."""
    return "".join(text.split())


def pdf_text(page, tmp_path: Path) -> str:
    pdf = tmp_path / "letter.pdf"
    page.pdf(path=str(pdf), format="A4")
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


CASES: dict[str, tuple[dict[str, Any], list[str]]] = {
    "not-delivered-refund": (
        {
            **BUYER,
            "case": "not_delivered",
            "prepaid": "12000",
            "promisedDate": "2024-03-01",
            "ndDemand": "refund",
            "attachments": ["order", "receipt"],
            "refundTo": "card",
        },
        [
            "ПРЕТЕНЗИЯ",
            f"Кому: {OZON.recipient}",
            OZON.display,
            "От: Иванова Мария Петровна",
            cite("zozpp-23-1-choice"),
            cite(LATE),
            f"({cite('zozpp-23-1-refund')})",
            cite("zozpp-12-marketplace-refund"),
            "Вернуть мне сумму предварительной оплаты 12 000 ₽",
            "Деньги прошу вернуть на банковскую карту, с которой оплачен заказ.",
            f"с 02.03.2024 по 15.03.2024: {penalty(12000, LATE, 14)}",
            "последний день срока — 25.03.2024",
            "Скриншот страницы заказа № 12345678-0001",
            "Копия кассового (электронного) чека",
            "Дата: 15.03.2024",
            "Иванова М. П.",
        ],
    ),
    "not-delivered-capped-partial": (
        {
            **BUYER,
            "orderDate": "2023-05-20",
            "case": "not_delivered",
            "prepaid": "5 000",
            "promisedDate": "2023-06-01",
            "ndDemand": "new_deadline",
            "newDeadline": "2024-03-29",
        },
        [
            "Передать мне оплаченный товар в новый срок — не позднее 29.03.2024",
            f"{penalty(5000, LATE, 288)}; неустойка {figure(LATE, 'cap')}, поэтому 5 000 ₽",
            "Срок для всех требований этой претензии — 29.03.2024.",
            "просрочка составляет 288 дней",
        ],
    ),
    "defective-late-replacement": (
        {
            **BUYER,
            "recipient": "seller",
            "sellerName": "ООО «Ромашка»",
            "sellerIds": "ОГРН 1027700132195",
            "sellerAddress": "190000, г. Санкт-Петербург, Невский пр., д. 1",
            "case": "defective",
            "receivedDate": "2024-02-25",
            "defect": "не включается, индикатор не горит",
            "qDemand": "replace",
            "firstDemandDate": "2024-03-01",
            "attachments": ["photos"],
        },
        [
            "Кому: ООО «Ромашка»",
            "ОГРН 1027700132195",
            cite("zozpp-18-rights"),
            "не включается, индикатор не горит",
            "Заменить товар на товар этой же марки (модели, артикула) надлежащего качества в течение 7 дней",
            cite("zozpp-21"),
            "истёк 11.03.2024 (08.03.2024 — нерабочий день",
            f"с 12.03.2024 по 15.03.2024: {penalty(12000, QUALITY, 4)} ({cite(QUALITY)})",
            "последний день срока — 22.03.2024",
            "Фотографии товара и недостатка",
        ],
    ),
    "not-as-described-reduce": (
        {
            **BUYER,
            "case": "not_as_described",
            "receivedDate": "2024-03-10",
            "defect": "объём 1 л вместо 1,7 л",
            "qDemand": "reduce",
            "reduceBy": "2000",
            "refundTo": "account",
            "refundAccount": "ПАО Банк, БИК 044525000, счёт 40817810000000000001",
        },
        [
            "о несоответствии товара описанию",
            "преамбула ЗоЗПП",
            cite("zozpp-26-1-refusal"),
            "Соразмерно уменьшить покупную цену товара на 2 000 ₽",
            f"в день, но всего {figure(QUALITY, 'cap')} ({cite(QUALITY)})",
            "перечислить на мой банковский счёт: ПАО Банк, БИК 044525000, счёт 40817810000000000001.",
            "последний день срока — 25.03.2024",
        ],
    ),
    "refund-missing-defect": (
        {
            **BUYER,
            "case": "refund_missing",
            "refundBasis": "defect",
            "refundDemandDate": "2024-03-01",
            "refundAmount": "12 000",
            "attachments": ["return"],
            "refundTo": "card",
        },
        [
            "о невозврате денег за товар",
            cite("zozpp-22"),
            "истёк 11.03.2024",
            f"с 12.03.2024 по 15.03.2024: {penalty(12000, QUALITY, 4)}",
            "Документ о возврате товара",
        ],
    ),
    "refusal-three-months": (
        {
            **BUYER,
            "orderDate": "2024-01-05",
            "case": "refusal",
            "receivedDate": "2024-01-10",
            "noReturnInfo": True,
            "keptIntact": True,
            "refundTo": "card",
        },
        [
            "об отказе от товара, купленного дистанционно",
            cite("zozpp-26-1-refusal"),
            "3 месяца с момента передачи товара, по 10.04.2024",
            "вернуть уплаченную за него сумму 12 000 ₽",
            "последний день срока — 25.03.2024",
        ],
    ),
    "complaint-to-rospotrebnadzor": (
        {
            **BUYER,
            "doc": "complaint",
            "case": "not_delivered",
            "prepaid": "12000",
            "promisedDate": "2024-03-01",
            "ndDemand": "refund",
            "claimSentDate": "2024-03-02",
            "sellerReply": "none",
        },
        [
            "ЖАЛОБА",
            "на нарушение прав потребителя",
            f"Кому: {RPN.recipient}",
            RPN.display,
            "02.03.2024 продавец",
            "получил мою претензию",
            "Срок ответа истёк 12.03.2024.",
            "Ответа на претензию нет",
            f"{cite('zozpp-23-1-choice')}, {cite(LATE)}",
            penalty(12000, LATE, 14),
            cite("fz59-answer"),
            "Копия претензии от 02.03.2024",
        ],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_case_builds_and_prints_the_letter_alone(page, site_url: str, tmp_path: Path, case: str) -> None:
    answers, expected = CASES[case]
    loaded = open_builder(page, site_url)
    fill(page, answers)
    assert page.locator("#claim-builder").get_attribute("data-valid") == "true", page.inner_text("#claim-status")
    on_screen = flat(page.inner_text("#claim-letter"))
    printed = flat(pdf_text(page, tmp_path))
    for text in expected:
        assert flat(text) in on_screen, f"letter on screen lacks «{text}»:\n{on_screen}"
        assert squash(text) in squash(printed), f"printed letter lacks «{text}»:\n{printed}"
    for text in CHROME:
        assert text not in printed, f"«{text}» (form or site chrome) got into the printed letter"
    assert "не подтверждён" not in printed
    for junk in ("null", "undefined", "NaN", "[object"):
        assert junk not in on_screen and junk not in printed, f"«{junk}» in the letter"
    assert page.requests[loaded:] == [], f"requests after the page loaded: {page.requests[loaded:]}"


def test_half_filled_letter_never_prints(page, site_url: str, tmp_path: Path) -> None:
    loaded = open_builder(page, site_url)
    fill(page, {"case": "not_delivered", "prepaid": "-5", "fullName": BUYER["fullName"]})
    assert page.locator("#claim-builder").get_attribute("data-valid") == "false"
    assert page.locator("#claim-letter").inner_text() == ""
    # Ctrl+P: the page hears beforeprint and shows every error next to its field.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert message(page, "prepaid") == "Сумма не может быть отрицательной."
    assert "Укажите номер заказа" in message(page, "orderNumber")
    printed = flat(pdf_text(page, tmp_path))
    assert "Письмо не готово" in printed
    assert "ПРЕТЕНЗИЯ" not in printed and "Иванова" not in printed
    for text in CHROME:
        assert text not in printed
    # The button does not open the print dialog either; it sends the buyer to the first bad field.
    stub_print(page)
    page.click("#claim-print")
    assert page.evaluate("window.printCalls || 0") == 0
    assert page.evaluate("document.activeElement.id") == "claim-prepaid", "the first wrong field, in the form's order"
    assert "Печатать пока нечего" in page.inner_text("#claim-status")
    assert page.requests[loaded:] == []


def test_print_button_prints_a_valid_letter(page, site_url: str) -> None:
    open_builder(page, site_url)
    fill(page, CASES["not-delivered-refund"][0])
    stub_print(page)
    page.click("#claim-print")
    assert page.evaluate("window.printCalls || 0") == 1


def test_messages_appear_next_to_the_wrong_fields(page, site_url: str) -> None:
    open_builder(page, site_url)
    fill(
        page,
        {
            **BUYER,
            "orderDate": "2024-03-20",
            "price": "999999999",
            "case": "not_delivered",
            "prepaid": "12000",
            "promisedDate": "2024-03-10",
        },
    )
    page.click("#claim-print")
    assert "ещё не наступила" in message(page, "orderDate")
    assert "лишних нулей" in message(page, "price")
    assert page.locator("#claim-orderDate").get_attribute("aria-invalid") == "true"
    fill(page, {"orderDate": "2024-03-12"})
    assert message(page, "orderDate") == ""
    assert "раньше даты заказа" in message(page, "promisedDate")
    fill(page, {"promisedDate": "2024-03-15"})
    assert "ещё не прошёл" in message(page, "promisedDate")


def test_the_address_is_marked_in_the_form_exactly_when_the_data_leaves_it_unconfirmed(page, site_url: str) -> None:
    """The mark follows data/contacts.yml's status of Ozon's address, whichever it is today."""
    open_builder(page, site_url)
    field = page.locator('[data-field="recipient"]')
    field.scroll_into_view_if_needed()  # laid out only near the screen (see `message`)
    note = field.locator(f'[data-unconfirmed="{OZON.id}"]')
    if OZON.status == "unconfirmed":
        expect(note).to_be_visible()
        expect(note).to_contain_text("Адрес не подтверждён", use_inner_text=True)
        expect(note).to_contain_text("ЕГРЮЛ", use_inner_text=True)
    else:
        assert note.count() == 0
    expect(field).to_contain_text(OZON.display, use_inner_text=True)


def test_answers_are_stored_only_on_request_and_erased_by_the_button(page, site_url: str) -> None:
    loaded = open_builder(page, site_url)
    fill(page, BUYER)
    # Material keeps its colour scheme in localStorage; only the builder's key matters here.
    assert page.evaluate("localStorage.getItem('ozon-claim-builder:v1')") is None, "stored without the buyer asking"
    assert BUYER["fullName"] not in page.evaluate("JSON.stringify(localStorage)")
    page.check("#claim-remember")
    stored = page.evaluate("JSON.parse(localStorage.getItem('ozon-claim-builder:v1'))")
    assert stored["fullName"] == BUYER["fullName"] and stored["price"] == BUYER["price"]
    fill(page, {"contact": "buyer@example.org"})
    assert page.evaluate("JSON.parse(localStorage.getItem('ozon-claim-builder:v1')).contact") == "buyer@example.org"
    page.reload()
    page.wait_for_selector("#claim-print")
    assert page.input_value("#claim-fullName") == BUYER["fullName"]
    assert page.is_checked("#claim-remember")
    page.click("#claim-erase")
    assert page.evaluate("localStorage.getItem('ozon-claim-builder:v1')") is None
    assert page.input_value("#claim-fullName") == ""
    assert not page.is_checked("#claim-remember")
    assert dom_text(page, "#claim-storage-status") == "Ничего не сохранено."
    page.reload()
    page.wait_for_selector("#claim-print")
    assert page.input_value("#claim-fullName") == ""
    # Unticking forgets too.
    fill(page, {"fullName": "Петров Пётр"})
    page.check("#claim-remember")
    page.uncheck("#claim-remember")
    assert page.evaluate("localStorage.getItem('ozon-claim-builder:v1')") is None
    hosts = {urlparse(url).hostname for url in page.requests[loaded:]}
    assert hosts <= {"127.0.0.1"}, hosts


def test_restored_answers_never_bring_back_an_old_date_silently(page, site_url: str) -> None:
    open_builder(page, site_url)
    fill(page, {**BUYER, "docDate": "2024-03-10"})
    page.check("#claim-remember")
    page.reload()
    page.wait_for_selector("#claim-print")
    assert page.input_value("#claim-fullName") == BUYER["fullName"]
    assert page.input_value("#claim-docDate") == "15.03.2024", "today's date, not the saved one"
    notice = page.locator("#claim-docDate-notice")
    assert notice.is_visible() and "10.03.2024" in notice.text_content() and "15.03.2024" in notice.text_content()


BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


def test_blocked_storage_starts_with_defaults_and_logs_no_errors(page, site_url: str) -> None:
    """A private window or cookies off: reading localStorage throws. The builder must still work.

    Material's own inline head script (`__md_get`, the palette) throws too, on every page; that is
    the theme's, so the test compares with a guide: the builder must add no error of its own.
    """
    # On this tab, every page it opens (tests/test_shared_context.py: a tab's init script runs as a context's)
    page.add_init_script(BLOCK_STORAGE)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error.message} {error.stack or ''}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text} {message.location.get('url', '')}")
            if message.type in {"error", "warning"}
            else None
        ),
    )
    page.goto(site_url + "pretenziya/")
    theme_errors = len(problems)
    problems.clear()
    page.goto(site_url + "konstruktor-pretenzii/")
    page.wait_for_selector("#claim-print")
    assert page.is_checked("#claim-doc-claim"), "the defaults are set"
    assert page.input_value("#claim-docDate") == "15.03.2024"
    assert page.is_disabled("#claim-remember")
    # read as a reader does, once scrolled to: the browser lays out only the form's parts near the
    # screen (claim.css, content-visibility), and innerText of a part not laid out yet is empty
    status = page.locator("#claim-storage-status")
    status.scroll_into_view_if_needed()
    expect(status).to_contain_text("не даёт сохранять", use_inner_text=True)  # waits for that frame
    fill(page, CASES["not-delivered-refund"][0])
    assert page.locator("#claim-builder").get_attribute("data-valid") == "true"
    assert penalty(12000, LATE, 14) in flat(page.inner_text("#claim-letter"))
    assert [p for p in problems if "/assets/claim/" in p] == [], problems
    assert len(problems) == theme_errors, f"the builder added errors with storage blocked: {problems}"


def test_date_hint_is_russian_whatever_the_browser_language(browser, site_url: str) -> None:
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    try:
        page.clock.set_fixed_time(TODAY)
        page.goto(site_url + "konstruktor-pretenzii/")
        page.wait_for_selector("#claim-print")
        assert page.get_attribute("#claim-orderDate", "type") == "text"
        assert page.get_attribute("#claim-orderDate", "placeholder") == "ДД.ММ.ГГГГ"
        assert "ДД.ММ.ГГГГ" in dom_text(page, 'label[for="claim-orderDate"]')
        page.fill("#claim-orderDate", "20.02.2024")
        page.fill("#claim-orderDate", "02/30/2024")
        page.click("#claim-print")
        assert "нет в календаре" in message(page, "orderDate")
        page.fill("#claim-orderDate", "вчера")
        assert "ДД.ММ.ГГГГ" in message(page, "orderDate")
    finally:
        context.close()


def test_no_unconfirmed_recipient_is_preselected(page, site_url: str) -> None:
    open_builder(page, site_url)
    checked = page.evaluate("document.querySelector('input[name=recipient]:checked')?.value ?? null")
    assert checked == ("ozon" if OZON.status == "current" else None)


def test_letters_to_the_seller_and_to_ozon_from_the_same_answers(page, site_url: str, tmp_path: Path) -> None:
    open_builder(page, site_url)
    fill(
        page,
        {
            **BUYER,
            "recipient": "seller",
            "sellerName": "ООО «Ромашка»",
            "sellerIds": "7707083893",
            "sellerAddress": "190000, г. Санкт-Петербург, Невский пр., д. 1",
            "case": "not_delivered",
            "prepaid": "12000",
            "promisedDate": "2024-03-01",
            "ndDemand": "refund",
            "alsoOzon": True,
            "refundTo": "card",
        },
    )
    assert page.locator("#claim-builder").get_attribute("data-valid") == "true", page.inner_text("#claim-status")
    seller = flat(page.inner_text("#claim-letter"))
    ozon = flat(page.inner_text("#claim-letter-ozon"))
    assert "Кому: ООО «Ромашка»" in seller and "ИНН 7707083893" in seller and "Я отказываюсь от этого товара" in seller
    assert f"Кому: {OZON.recipient}" in ozon and "Товар продаёт ООО «Ромашка»" in ozon
    assert cite("zozpp-12-marketplace-refund") in ozon
    printed = flat(pdf_text(page, tmp_path))
    assert squash("Кому: ООО «Ромашка»") in squash(printed) and squash(f"Кому: {OZON.recipient}") in squash(printed)
    page.uncheck("#claim-alsoOzon")
    assert page.inner_text("#claim-letter-ozon") == ""


def tab_to(page, selector: str, limit: int = 250) -> None:
    """Press Tab until the element matching `selector` has focus: proves the keyboard reaches it."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def choose(page, name: str, value: str) -> None:
    """A radio group by keyboard: Tab into the group, arrow keys to the option, Space to pick it."""
    tab_to(page, f'input[name="{name}"]')
    for _ in range(10):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.is_checked(f"#claim-{name}-{value}")


def type_into(page, name: str, text: str) -> None:
    tab_to(page, f"#claim-{name}")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


@pytest.mark.long
def test_keyboard_alone_on_a_phone_completes_the_claim_and_gets_the_ics(browser, site_url: str) -> None:
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, accept_downloads=True
    )
    page = context.new_page()
    try:
        page.clock.set_fixed_time(TODAY)
        page.goto(site_url + "konstruktor-pretenzii/")
        page.wait_for_selector("#claim-print")
        first_section = page.evaluate("document.querySelector('.claim-section legend').textContent")
        assert first_section == "Что случилось", "on a phone the form asks what happened first"
        choose(page, "case", "not_delivered")
        type_into(page, "prepaid", "12000")
        type_into(page, "promisedDate", "01.03.2024")
        choose(page, "ndDemand", "refund")
        choose(page, "refundTo", "card")
        type_into(page, "orderNumber", BUYER["orderNumber"])
        type_into(page, "orderDate", "20.02.2024")
        type_into(page, "product", BUYER["product"])
        type_into(page, "price", "12 000")
        choose(page, "recipient", "ozon")
        type_into(page, "fullName", BUYER["fullName"])
        type_into(page, "address", BUYER["address"])
        type_into(page, "contact", BUYER["contact"])
        tab_to(page, "#claim-print")
        assert page.locator("#claim-builder").get_attribute("data-valid") == "true", page.inner_text("#claim-status")
        tab_to(page, "#claim-ics")
        with page.expect_download() as download_info:
            page.keyboard.press("Enter")
        download = download_info.value
        assert download.suggested_filename.endswith(".ics")
        text = Path(download.path()).read_bytes().decode("utf-8")
        assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
        # 15.03.2024 + 10 days = 25.03.2024 (Monday); Роспотребнадзор from 26.03.2024.
        assert "DTSTART;VALUE=DATE:20240325" in text and "DTSTART;VALUE=DATE:20240326" in text
        assert penalty(12000, LATE, 14) in flat(page.inner_text("#claim-letter"))
    finally:
        context.close()


def test_signature_never_prints_alone_on_the_second_sheet(page, site_url: str, tmp_path: Path) -> None:
    """Wherever the sheet ends, the letter's last paragraph, attachments and signature print together.

    The refusal letter (one sheet and a bit) grows one attachment line at a time, so the sheet's end
    falls at several places near the signature; without the rule in claim.css the signature printed
    alone on the second sheet.
    """
    open_builder(page, site_url)
    fill(page, CASES["refusal-three-months"][0])
    sheets_seen = set()
    for count in range(0, 6):
        lines = [f"Фото № {n}: упаковка, товар и недостаток" for n in range(1, count + 1)]
        fill(page, {"attachmentsOther": "\n".join(lines)})
        assert page.locator("#claim-builder").get_attribute("data-valid") == "true", page.inner_text("#claim-status")
        pdf = tmp_path / f"letter-{count}.pdf"
        page.pdf(path=str(pdf), format="A4")
        text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        pages = [flat(sheet) for sheet in text.split("\f") if sheet.strip()]
        sheets_seen.add(len(pages))
        signed = next(sheet for sheet in pages if "Подпись:" in sheet)
        assert "Ответ прошу направить" in signed, f"{count} attachment lines: the signature's sheet is {signed!r}"
    assert max(sheets_seen) >= 2, f"the letter never reached a second sheet: {sheets_seen}"


def test_phone_dates_and_remembered_personal_details(page, site_url: str) -> None:
    """Dates typed on a phone keypad are read; the buyer's own details come back only with consent,
    and a tampered store brings back nothing it should not (issue 26)."""
    open_builder(page, site_url)
    answers = CASES["not-delivered-refund"][0]
    fill(page, {**answers, "orderDate": "20,02,2024", "promisedDate": "01032024"})
    assert page.locator("#claim-builder").get_attribute("data-valid") == "true", page.inner_text("#claim-status")
    fill(page, {"orderDate": "2024"})
    page.click("#claim-print")
    assert "например 15.03.2024" in message(page, "orderDate"), "the example is today's date"
    fill(page, {"orderDate": "20 02 24"})
    assert page.locator("#claim-builder").get_attribute("data-valid") == "true"
    page.check("#claim-remember-me")
    stored = page.evaluate("JSON.parse(localStorage.getItem('ozon-claim-builder:me:v1'))")
    assert stored == {"fullName": BUYER["fullName"], "address": BUYER["address"], "contact": BUYER["contact"]}
    assert page.evaluate("localStorage.getItem('ozon-claim-builder:v1')") is None, "the answers were not asked for"
    # Tamper with the answers' store: unknown fields, wrong types, a choice that is not an option.
    page.evaluate(
        """localStorage.setItem('ozon-claim-builder:v1', JSON.stringify({case: 'hack', price: 12,
        keptIntact: 'yes', orderNumber: '777', attachments: ['order', '<img>'], extra: 'x'}))"""
    )
    page.reload()
    page.wait_for_selector("#claim-print")
    assert page.input_value("#claim-fullName") == BUYER["fullName"]
    assert page.input_value("#claim-orderNumber") == "777", "a well-formed saved answer comes back"
    assert page.input_value("#claim-price") == "", "a number where text belongs does not"
    assert page.evaluate("document.querySelector('input[name=case]:checked')") is None
    assert page.is_checked("#claim-remember-me")
    page.click("#claim-erase")
    assert page.evaluate("localStorage.getItem('ozon-claim-builder:me:v1')") is None
    assert page.input_value("#claim-fullName") == ""


def test_lawsuit_from_the_same_answers_prints_with_its_arithmetic(page, site_url: str, tmp_path: Path) -> None:
    """The claim's answers, then «Исковое заявление»: court, parties, the price of the claim, no fee (issue 27)."""
    open_builder(page, site_url)
    answers = {**CASES["not-as-described-reduce"][0], "qDemand": "refund"}
    answers.pop("reduceBy")
    fill(page, {**answers, "doc": "lawsuit", "claimSentDate": "2024-03-01", "sellerReply": "refused"})
    fill(page, {"moral": "5000"})
    assert page.locator("#claim-builder").get_attribute("data-valid") == "true", page.inner_text("#claim-status")
    printed = flat(pdf_text(page, tmp_path))
    # Claim received 01.03.2024, 10 days → 11.03 (Mon); filed 15.03: 12.03–15.03 = 4 days of the ст. 23 penalty.
    expected = [
        "ИСКОВОЕ ЗАЯВЛЕНИЕ",
        "Истец: Иванова Мария Петровна",
        f"Ответчик: {OZON.recipient}",
        penalty(12000, QUALITY, 4),
        "Прошу суд:",
        "Взыскать с ответчика 12 000 ₽",
        "компенсацию морального вреда 5 000 ₽",
        cite("nk-333-36-consumer"),
    ]
    for text in expected:
        assert squash(text) in squash(printed), f"the printed lawsuit lacks «{text}»"
    assert "Иск готов" in page.inner_text("#claim-status")
    assert "мировой судья" in flat(page.inner_text("#claim-summary"))
