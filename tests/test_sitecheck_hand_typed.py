"""No phone, e-mail or postal address typed by hand into docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import hand_typed

from .conftest import ROOT
from .sitecheck_support import append_to, copy_with_pages, only_one, run_check

NAME = hand_typed.NAME


@pytest.fixture
def pages_copy(tmp_path: Path) -> Path:
    """The project with only the files these tests change in docs/ (mkdocs.yml and data/ whole): the check
    judges each page, stylesheet and data file on its own (sitecheck_support.copy_with_pages); the loop over
    every page is test_real_docs_pass's, on the real project."""
    return copy_with_pages(
        tmp_path / "project", "docs/slovar.md", "docs/zakaz-poteryalsya.md", "docs/assets/site.css"
    )


def test_real_docs_pass() -> None:
    problems = run_check(NAME, ROOT)
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize(
    "typed",
    ["8 800 555-49-43", "8 (800) 555-49-43", "+7 495 009-70-70", "88005554943", "+7(812)494-06-06"],
)
def test_phone_typed_by_hand(pages_copy: Path, typed: str) -> None:
    append_to(pages_copy / "docs" / "slovar.md", f"\nЗвоните по номеру {typed} в любое время.\n")
    problem = only_one(run_check(NAME, pages_copy), "phone number", "typed by hand")
    assert problem.path == "docs/slovar.md" and 'phone("its-id")' in problem.fix


def test_phone_in_front_matter_short_is_found(pages_copy: Path) -> None:
    guide = pages_copy / "docs" / "zakaz-poteryalsya.md"
    text = guide.read_text(encoding="utf-8").replace("short: >-\n", "short: >-\n  Звоните 8 800 234-70-00.\n", 1)
    guide.write_text(text, encoding="utf-8")
    assert only_one(run_check(NAME, pages_copy), "8 800 234-70-00").line == 4


def test_email_typed_by_hand(pages_copy: Path) -> None:
    append_to(pages_copy / "docs" / "slovar.md", "\nПишите на help@ozon.ru.\n")
    assert 'email("its-id")' in only_one(run_check(NAME, pages_copy), "e-mail «help@ozon.ru»").fix


@pytest.mark.parametrize(
    ("typed", "what"),
    [
        ("123112, г. Москва", "a postcode followed by a city"),
        ("127994 Москва", "a postcode followed by a city"),
        ("офис на ул. Заставской", "a street name"),
        ("Пресненская наб., д. 10", "a house number"),
    ],
)
def test_address_typed_by_hand(pages_copy: Path, typed: str, what: str) -> None:
    append_to(pages_copy / "docs" / "slovar.md", f"\nАдрес: {typed}.\n")
    assert only_one(run_check(NAME, pages_copy), "postal address", what)


def test_macros_and_legal_numbers_are_not_contacts(pages_copy: Path) -> None:
    append_to(
        pages_copy / "docs" / "slovar.md",
        '\nЗвоните {{ phone("rpn-ekc-phone") }}. До 1 000 000 ₽ пошлины нет (пп. 4 п. 2 ст. 333.36 НК РФ).'
        "\nПП РФ № 2463 от 31.12.2020 действует с 01.01.2021. Заказ № 12345678-0001.\n",
    )
    problems = run_check(NAME, pages_copy)
    assert problems == [], "\n".join(map(str, problems))


# --- Issue 25, class 5: the text a reader sees, on pages, in stylesheets and in data fields ---------


@pytest.mark.parametrize(
    "typed",
    [
        "Звоните 8 800 555\n-49-43 днём.",  # a line break inside a paragraph is a space to the reader
        '<abbr title="8 800 555-49-43">ЕКЦ</abbr> отвечает днём.',
        '<a href="../kontakty/" data-print-href="8 800 555-49-43">контакты</a> на бумаге.',
        '<span aria-label="пишите help@ozon.ru">почта</span>',
        "Звоните 8&nbsp;800&#8203;555-49-43.",
    ],
)
def test_what_markup_shows_the_reader_is_checked(pages_copy: Path, typed: str) -> None:
    page = pages_copy / "docs" / "slovar.md"
    before = page.read_text(encoding="utf-8").count("\n")
    append_to(page, f"\n{typed}\n")
    problem = only_one(run_check(NAME, pages_copy), "typed by hand")
    assert problem.path == "docs/slovar.md" and problem.line == before + 2, problem


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ('.x::after { content: "Звоните 8 800 555-49-43"; }', "phone number"),
        ('.x::after { content: "\\38  800 555-49-43"; }', "phone number"),  # a CSS escape for «8»
        ('.x::before {\n  content: "8 800 " "555-49-43";\n}', "phone number"),
        (".x::after { content: 'help@ozon.ru'; }", "e-mail «help@ozon.ru»"),
    ],
)
def test_a_stylesheet_that_writes_a_contact(pages_copy: Path, css: str, expected: str) -> None:
    sheet = pages_copy / "docs" / "assets" / "site.css"
    before = sheet.read_text(encoding="utf-8").count("\n")
    append_to(sheet, "\n" + css + "\n")
    problem = only_one(run_check(NAME, pages_copy), expected)
    assert problem.path == "docs/assets/site.css" and problem.line >= before + 2, problem


def _first_field_line(contacts: Path, field: str) -> int:
    lines = contacts.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(f"{field}:"))


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("label", "Горячая линия 8 800 555-49-43", "phone number"),
        ("hours", "круглосуточно, дублирующий +7 495 123-45-67", "phone number"),
        ("note", "Пишите на help@ozon.ru", "e-mail «help@ozon.ru»"),
        ("note", "на https://evil.example/ozon", "address «https://evil.example/ozon» typed into text"),
        ("where", "Откройте www.evil.example/chat", "address «www.evil.example/chat» typed into text"),
        ("seen", "в подвале, звонили на 8 800 555-49-43", "phone number"),
        ("label", "Поддержка\u200b Ozon", "invisible character U+200B"),
        ("label", "Поддержка \u202eнозО", "invisible character U+202E"),
    ],
)
def test_contacts_typed_into_data_fields(pages_copy: Path, field: str, typed: str, expected: str) -> None:
    contacts = pages_copy / "data" / "contacts.yml"
    line = _first_field_line(contacts, field)
    lines = contacts.read_text(encoding="utf-8").split("\n")
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
    lines[line - 1] = f'{indent}{field}: "{typed}"'
    contacts.unlink()
    contacts.write_text("\n".join(lines), encoding="utf-8")
    problem = only_one(run_check(NAME, pages_copy), expected)
    assert (problem.path, problem.line) == ("data/contacts.yml", line), problem
