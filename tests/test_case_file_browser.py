"""«Моё дело» in Chromium: one case walked from the first letter to the lawsuit.

Create a case, add its steps, see the deadlines and an overdue one, open the claim builder pre-filled,
save the cases to a file, clear them, open the file again and advance the case to the court. The
browser's clock is fixed at 15.03.2024; every expected date is counted here from the page's own
claim-data block (its production calendar and the register's figures), never typed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from playwright.sync_api import expect

from .conftest import BuildResult
from .site_pages import axe_violations, describe

pytestmark = pytest.mark.browser

TODAY = dt.datetime(2024, 3, 15, 12, 0)
SENT, RECEIVED, COMPLAINED, SUED = "26.02.2024", "01.03.2024", "12.03.2024", "15.03.2024"


def claim_data(page: Any) -> dict[str, Any]:
    return json.loads(page.locator("#claim-data").text_content())


def term_end(data: dict[str, Any], event: dt.date, days: int) -> dt.date:
    """ст. 191 and 193 ГК РФ on the page's calendar: `days` after the event, then past days off."""
    off = set(data["calendar"]["nonWorking"])
    end = event + dt.timedelta(days=days)
    while end.isoformat() in off:
        end += dt.timedelta(days=1)
    return end


def ru(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def iso(ru_date: str) -> dt.date:
    return dt.datetime.strptime(ru_date, "%d.%m.%Y").date()


def open_cases(page: Any, site_url: str) -> None:
    page.goto(site_url + "moe-delo/")
    page.wait_for_selector("#case-app[data-ready='true']")


def add_step(page: Any, card: Any, kind: str, date: str, note: str = "") -> None:
    card.locator("select[id$='-step-kind']").select_option(kind)
    card.locator("input[id$='-step-date']").fill(date)
    if note:
        card.locator("textarea[id$='-step-note']").fill(note)
    card.get_by_role("button", name="Добавить шаг").click()
    expect(page.locator(f"[data-step='{kind}']")).to_have_count(1)


def create_case_by_keyboard(page: Any) -> None:
    """The new-case form with the keyboard alone: Tab between fields, Enter submits."""
    page.locator("#case-new-title").focus()
    page.keyboard.type("Чайник не привезли")
    page.keyboard.press("Tab")  # the situation: «not delivered» is the first
    page.keyboard.press("Tab")  # the demand: «refund» is the first
    for text in ["Чайник электрический", "12 000", "12345678-0001", "20.02.2024", "20.02.2024"]:
        page.keyboard.press("Tab")
        page.keyboard.type(text)
    page.keyboard.press("Tab")
    page.keyboard.type("ООО «Ромашка»")
    page.keyboard.press("Enter")


def test_a_case_from_the_first_letter_to_the_lawsuit(clocked_page, site_url: str, tmp_path: Path) -> None:
    # A tab of the shared context at TODAY (downloads are accepted there, as in any new context), sized before it
    # loads anything (tests/test_shared_context.py: a sized tab sees what a context of that size sees).
    page = clocked_page
    page.set_viewport_size({"width": 390, "height": 844})
    asked: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_cases(page, site_url)
    data = claim_data(page)
    law = data["law"]

    create_case_by_keyboard(page)
    card = page.locator("article.case-card")
    expect(card).to_have_count(1)
    expect(card.locator("h2")).to_have_text("Чайник не привезли")
    expect(card.locator("[data-next]")).to_have_attribute("data-next", "claim")
    builder = card.locator("a.case-next__link").first
    assert "#prefill&" in (builder.get_attribute("href") or "")

    # The claim, its receipt: the seller's term runs from receipt and is over by 15.03.
    add_step(page, card, "claim_sent", SENT, "Почта России, трек 12345678901234")
    expect(card.locator("[data-next]")).to_have_attribute("data-next", "receipt")
    expect(card.locator("[data-deadline='seller']")).to_have_attribute("data-state", "not-started")
    add_step(page, card, "claim_received", RECEIVED)
    refund = law["zozpp-23-1-refund"]
    end = term_end(data, iso(RECEIVED), refund["figures"]["refund"]["value"])
    seller = card.locator("[data-deadline='seller']")
    expect(seller).to_have_attribute("data-state", "overdue")
    expect(seller).to_contain_text(f"по {ru(end)}")
    expect(seller).to_contain_text(refund["cite"])
    expect(seller).to_have_attribute("data-days-left", str((end - TODAY.date()).days))
    expect(card.locator(".case-overdue")).to_be_visible()
    ics = card.locator("a[data-ics]").get_attribute("href") or ""
    assert f"DTSTART;VALUE=DATE:{end:%Y%m%d}" in unquote(ics)

    # The next step is the complaint: the builder opens with the order, the demand and the claim's date.
    expect(card.locator("[data-next]")).to_have_attribute("data-next", "complaint")
    card.get_by_role("link", name="Составить жалобу в конструкторе").click()
    page.wait_for_selector("#claim-print")
    expect(page.locator("#claim-product")).to_have_value("Чайник электрический")
    expect(page.locator("#claim-case-not_delivered")).to_be_checked()
    expect(page.locator("#claim-ndDemand-refund")).to_be_checked()
    expect(page.locator("#claim-doc-complaint")).to_be_checked()
    expect(page.locator("#claim-sellerReply-none")).to_be_checked()
    expect(page.locator("#claim-claimSentDate")).to_have_value(SENT)
    expect(page.locator("#claim-fullName")).to_have_value("")
    assert "#" not in page.url, "the pre-fill stays out of the address once read"
    open_cases(page, site_url)
    card = page.locator("article.case-card")

    add_step(page, card, "complaint_sent", COMPLAINED)
    register, answer = law["fz59-register"], law["fz59-answer"]
    registered = term_end(data, iso(COMPLAINED), register["figures"]["register"]["value"])
    authority = card.locator("[data-deadline='authority']")
    expect(authority).to_contain_text(f"по {ru(term_end(data, registered, answer['figures']['answer']['value']))}")
    expect(authority).to_contain_text(answer["cite"])
    expect(card.locator("[data-next]")).to_have_attribute("data-next", "wait_authority")
    # The court step opens the builder's lawsuit with the claim's date and the seller's answer (issue 27).
    sue = card.get_by_role("link", name="Составить иск в конструкторе")
    assert "doc=lawsuit" in (sue.get_attribute("href") or "")
    assert f"claimSentDate={iso(SENT)}" in (sue.get_attribute("href") or "")
    expect(card.locator(".case-warning")).to_have_count(0)  # complained after the seller's term, not before

    violations = axe_violations(page)
    assert not violations, "axe on a drawn case:\n" + describe(violations)

    # Save to a file, clear everything (with a confirmation), and open the file again.
    with page.expect_download() as download:
        page.locator("#case-save").click()
    saved = tmp_path / "moe-delo.json"
    download.value.save_as(saved)
    assert [s["kind"] for s in json.loads(saved.read_text(encoding="utf-8"))["cases"][0]["steps"]] == [
        "claim_sent", "claim_received", "complaint_sent"
    ]
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#case-clear").click()
    expect(page.locator("article.case-card")).to_have_count(0)
    open_cases(page, site_url)
    expect(page.locator("article.case-card")).to_have_count(0)
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('ozon-moe-delo'))") == []

    page.locator("#case-open").set_input_files(str(saved))
    card = page.locator("article.case-card")
    expect(card).to_have_count(1)
    expect(card.locator("[data-step]")).to_have_count(3)
    expect(card.locator("[data-step='claim_sent']")).to_contain_text("трек 12345678901234")

    # Advance to the court; the case survives a reload from storage.
    add_step(page, card, "lawsuit_filed", SUED)
    expect(card.locator("[data-next]")).to_have_attribute("data-next", "in_court")
    open_cases(page, site_url)
    expect(page.locator("[data-next]")).to_have_attribute("data-next", "in_court")

    hosts = {urlparse(url).hostname for url in asked if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, f"requests to other hosts: {hosts}"
    assert not errors, f"JavaScript errors: {errors}"


def test_a_step_out_of_order_or_in_the_future_is_refused_with_the_reason(clocked_page, site_url: str) -> None:
    page = clocked_page  # the shared context whose clock is fixed at TODAY
    open_cases(page, site_url)
    page.fill("#case-new-title", "Сломанный пылесос")
    page.select_option("#case-new-kind", "defective")
    page.select_option("#case-new-demand", "repair")
    page.click("#case-create")
    card = page.locator("article.case-card")
    card.locator("select[id$='-step-kind']").select_option("claim_received")
    card.locator("input[id$='-step-date']").fill("01.03.2024")
    card.get_by_role("button", name="Добавить шаг").click()
    expect(card.locator(".case-error")).to_contain_text("не может быть раньше шага «Претензия отправлена или вручена»")
    card.locator("select[id$='-step-kind']").select_option("claim_sent")
    card.locator("input[id$='-step-date']").fill("16.03.2024")
    card.get_by_role("button", name="Добавить шаг").click()
    expect(card.locator(".case-error")).to_contain_text("ещё не наступила")
    expect(card.locator("[data-step]")).to_have_count(0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "это не JSON"),
        (
            json.dumps({"format": "ozon-moe-delo", "version": 1, "cases": [{"id": "x"}]}),
            "Дело 1, название: не заполнено",
        ),
        ("x" * (200 * 1024 + 1), "больше 200 КБ"),
    ],
    ids=["not-json", "bad-case", "too-large"],
)
def test_a_bad_file_is_refused_with_a_clear_message(
    page, site_url: str, tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    open_cases(page, site_url)
    page.locator("#case-open").set_input_files(str(bad))
    expect(page.locator("#case-status")).to_contain_text("Файл не открыт")
    expect(page.locator("#case-status")).to_contain_text(message)
    expect(page.locator("article.case-card")).to_have_count(0)


def test_a_broken_stored_entry_is_not_shown_and_the_page_says_so(page, site_url: str) -> None:
    open_cases(page, site_url)
    broken = {"format": "ozon-moe-delo", "version": 1, "cases": [{"id": "<img>"}]}
    page.evaluate("entry => localStorage.setItem('ozon-moe-delo:v1', JSON.stringify(entry))", broken)
    open_cases(page, site_url)
    expect(page.locator("#case-status")).to_contain_text("не прочитаны")
    expect(page.locator("article.case-card")).to_have_count(0)


def test_cases_fit_a_360px_phone_with_text_at_200_percent(clocked_page, site_url: str) -> None:
    page = clocked_page  # a tab of the shared context at TODAY, reset after the test (tests/shared_context.py)
    page.set_viewport_size({"width": 360, "height": 800})
    open_cases(page, site_url)
    for title in ["Первое дело с очень длинным названием, которое не помещается в одну строку", "Второе"]:
        page.fill("#case-new-title", title)
        page.click("#case-create")
    card = page.locator("article.case-card").first
    add_step(page, card, "claim_sent", SENT)
    # 200 % text: the root font size doubled (WCAG 1.4.4), set through CSSOM (the CSP forbids style attributes).
    page.evaluate("(root => { root.style.fontSize = parseFloat(getComputedStyle(root).fontSize) * 2 + 'px'; })"
                  "(document.documentElement)")
    wide = page.evaluate("document.scrollingElement.scrollWidth")
    assert wide <= 360, f"the page is {wide} px wide at 360 px with text at 200 %"



@pytest.mark.xdist_group("offline")  # shares the offline copy with tests/test_offline.py
def test_the_offline_copy_keeps_a_case_and_opens_the_builder_pre_filled(
    clocked_page, offline_site: BuildResult
) -> None:
    """Over file://, where Chromium refuses modules: the page and the builder run (ozon/offline)."""
    page = clocked_page  # the case it keeps in file://'s storage is cleared after the test (tests/shared_context.py)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site.site / "moe-delo.html").as_uri())
    page.wait_for_selector("#case-app[data-ready='true']")
    page.fill("#case-new-title", "Дело без интернета")
    page.fill("#case-new-product", "Утюг")
    page.click("#case-create")
    expect(page.locator("article.case-card")).to_have_count(1)
    page.get_by_role("link", name="Составить претензию в конструкторе").click()
    page.wait_for_selector("#claim-print")
    expect(page.locator("#claim-product")).to_have_value("Утюг")
    assert not errors, f"JavaScript errors: {errors}"
