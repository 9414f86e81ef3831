"""No phone, e-mail or postal address typed by hand into docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import hand_typed

from .conftest import ROOT
from .sitecheck_support import append_to, only_one, run_check

NAME = hand_typed.NAME


def test_real_docs_pass() -> None:
    problems = run_check(NAME, ROOT)
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize(
    "typed",
    ["8 800 555-49-43", "8 (800) 555-49-43", "+7 495 009-70-70", "88005554943", "+7(812)494-06-06"],
)
def test_phone_typed_by_hand(project_copy: Path, typed: str) -> None:
    append_to(project_copy / "docs" / "slovar.md", f"\nЗвоните по номеру {typed} в любое время.\n")
    problem = only_one(run_check(NAME, project_copy), "phone number", "typed by hand")
    assert problem.path == "docs/slovar.md" and 'phone("its-id")' in problem.fix


def test_phone_in_front_matter_short_is_found(project_copy: Path) -> None:
    guide = project_copy / "docs" / "zakaz-poteryalsya.md"
    text = guide.read_text(encoding="utf-8").replace("short: >-\n", "short: >-\n  Звоните 8 800 234-70-00.\n", 1)
    guide.write_text(text, encoding="utf-8")
    assert only_one(run_check(NAME, project_copy), "8 800 234-70-00").line == 4


def test_email_typed_by_hand(project_copy: Path) -> None:
    append_to(project_copy / "docs" / "slovar.md", "\nПишите на help@ozon.ru.\n")
    assert 'email("its-id")' in only_one(run_check(NAME, project_copy), "e-mail «help@ozon.ru»").fix


@pytest.mark.parametrize(
    ("typed", "what"),
    [
        ("123112, г. Москва", "a postcode followed by a city"),
        ("127994 Москва", "a postcode followed by a city"),
        ("офис на ул. Заставской", "a street name"),
        ("Пресненская наб., д. 10", "a house number"),
    ],
)
def test_address_typed_by_hand(project_copy: Path, typed: str, what: str) -> None:
    append_to(project_copy / "docs" / "slovar.md", f"\nАдрес: {typed}.\n")
    assert only_one(run_check(NAME, project_copy), "postal address", what)


def test_macros_and_legal_numbers_are_not_contacts(project_copy: Path) -> None:
    append_to(
        project_copy / "docs" / "slovar.md",
        '\nЗвоните {{ phone("rpn-ekc-phone") }}. До 1 000 000 ₽ пошлины нет (пп. 4 п. 2 ст. 333.36 НК РФ).'
        "\nПП РФ № 2463 от 31.12.2020 действует с 01.01.2021. Заказ № 12345678-0001.\n",
    )
    problems = run_check(NAME, project_copy)
    assert problems == [], "\n".join(map(str, problems))
