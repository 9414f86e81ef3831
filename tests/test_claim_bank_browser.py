"""The claim builder's documents for a card operation in Chromium (issue 27): the statement to Ozon Bank,
the text for the Bank of Russia and the application to the financial ombudsman, one test per kind.

Each is filled on a 360 px phone, read on screen, printed to A4 and read back with pdftotext (the
signature never alone on a sheet), and checked with axe; where each is sent comes from data/contacts.yml.
The browser's clock is fixed at 15.03.2024 so the terms are exact.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from macros.contacts_data import load_contacts

from .conftest import ROOT
from .site_pages import axe_violations, describe
from .test_claim_builder_browser import CHROME, cite, fill, flat, squash

pytestmark = pytest.mark.browser

TODAY = dt.datetime(2024, 3, 15, 12, 0)
BOOK = load_contacts(ROOT / "data" / "contacts.yml")
BANK_CHAT = BOOK.channels["ozon-bank-chat"]
CBR = BOOK.channels["cbr-reception"]
OMBUDSMAN = BOOK.channels["finombudsman-site"]

OPERATION = {
    "case": "bank_operation",
    "operationDate": "14.03.2024",
    "noticeDate": "14.03.2024",
    "operationAmount": "5 000",
    "cardDigits": "1234",
    "fullName": "Иванова Мария Петровна",
    "address": "620000, г. Екатеринбург, ул. Ленина, д. 1, кв. 2",
    "contact": "+7 900 000-00-00",
}
KINDS = {
    "bank_statement": (
        {"doc": "bank_statement", "docDate": "15.03.2024"},
        [
            "ЗАЯВЛЕНИЕ", "о несогласии с операцией по карте", f"Куда: {BANK_CHAT.label}",
            cite("fz161-report"), cite("fz123-claim-first"),
        ],
        ["Последний день, чтобы сообщить банку, — 15.03.2024", "по 15.04.2024"],
    ),
    "cbr": (
        {"doc": "cbr", "bankClaimDate": "15.03.2024", "bankReply": "refused", "docDate": "15.03.2024"},
        ["ОБРАЩЕНИЕ", "о действиях Ozon Банка", str(CBR.url), "Банк отказал вернуть деньги."],
        ["Сохраните номер обращения", "деньги вам не взыщет"],
    ),
    "ombudsman": (
        {"doc": "ombudsman", "bankClaimDate": "15.03.2024", "bankReply": "refused", "docDate": "15.03.2024"},
        ["к финансовому уполномоченному", "Дата и место рождения:", str(OMBUDSMAN.url), cite("fz123-limit")],
        ["не подтверждено", "почтой"],
    ),
}


def fill_bank(page, answers: dict[str, str | bool]) -> None:
    """fill() of the builder's test, with this case's radios (doc, bankReply) checked by value."""
    for name, value in answers.items():
        if name in {"doc", "bankReply"}:
            page.check(f"#claim-{name}-{value}")
        else:
            fill(page, {name: value})


@pytest.mark.parametrize("kind", KINDS, ids=list(KINDS))
def test_bank_document_on_a_phone_prints_alone_and_passes_axe(
    clocked_page, site_url: str, tmp_path: Path, kind: str
) -> None:
    answers, in_letter, in_notes = KINDS[kind]
    page = clocked_page  # a tab of the shared context at TODAY, reset after the test (tests/shared_context.py)
    page.set_viewport_size({"width": 360, "height": 740})
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "konstruktor-pretenzii/")
    page.wait_for_selector("#claim-print")
    loaded = len(asked)
    assert {urlparse(url).hostname for url in asked if not url.startswith("data:")} == {"127.0.0.1"}
    fill_bank(page, {**OPERATION, **answers})
    assert page.locator("#claim-builder").get_attribute("data-valid") == "true", page.inner_text("#claim-status")
    # The seller's questions are not asked for a card operation.
    assert page.locator('[data-section="order"]').is_hidden()
    assert page.locator('[data-section="to"]').is_hidden()
    on_screen = flat(page.inner_text("#claim-letter"))
    notes = flat(page.inner_text("#claim-summary"))
    for text in in_letter:
        assert flat(text) in on_screen, f"{kind} on screen lacks «{text}»:\n{on_screen}"
    for text in in_notes:
        assert flat(text) in notes, f"{kind}'s notes lack «{text}»:\n{notes}"
    for junk in ("null", "undefined", "NaN", "[object"):
        assert junk not in on_screen and junk not in notes, f"«{junk}» in the {kind}"
    wide = page.evaluate("document.scrollingElement.scrollWidth")
    assert wide <= 360, f"the page with the {kind} is {wide} px wide on a 360 px phone"

    pdf = tmp_path / f"{kind}.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    sheets = [flat(sheet) for sheet in text.split("\f") if sheet.strip()]
    printed = " ".join(sheets)
    for line in in_letter:
        assert squash(line) in squash(printed), f"printed {kind} lacks «{line}»:\n{printed}"
    for line in CHROME:
        assert line not in printed, f"«{line}» (form or site chrome) got into the printed {kind}"
    signed = next(sheet for sheet in sheets if "Подпись:" in sheet)
    assert "прошу направить" in signed, f"the signature's sheet has no text of the {kind}: {signed!r}"

    violations = axe_violations(page)
    assert not violations, f"axe on the {kind}:\n" + describe(violations)
    assert asked[loaded:] == [], f"requests after the page loaded: {asked[loaded:]}"
