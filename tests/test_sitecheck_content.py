"""Content rules: short variants are short and plain; laws are cited in the recognised forms.

The content check judges each page on its own: the real site's run checks every page, and the tests of one
rule run it on a copy that holds only the page they change (sitecheck_support.copy_with_pages).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import content

from .conftest import ROOT
from .sitecheck_support import append_to, copy_with_pages, errors_about, only_one, replace_in, run_check

NAME = content.NAME
GUIDE = "docs/zakaz-poteryalsya.md"
GLOSSARY = "docs/slovar.md"


@pytest.fixture
def page_copy(tmp_path: Path) -> Path:
    """The project with only GUIDE and GLOSSARY in docs/, the two pages these tests change."""
    return copy_with_pages(tmp_path / "project", GUIDE, GLOSSARY)


def test_real_docs_pass() -> None:
    problems = run_check(NAME, ROOT)
    assert problems == [], "\n".join(map(str, problems))


def test_short_over_sixty_words(page_copy: Path) -> None:
    replace_in(page_copy / GUIDE, "short: >-\n", "short: >-\n  " + "Слово " * 30 + "\n", 1)
    problem = only_one(run_check(NAME, page_copy), GUIDE, "words, more than 60")
    assert problem.line == 3


def test_word_count_counts_numbers_as_words_and_skips_punctuation() -> None:
    assert content.word_count("Неустойка 0,5 % в день — по п. 3 ст. 23.1 ЗоЗПП.") == 10
    assert content.word_count("[Чат](kontakty.md) **сразу**") == 2


def test_short_with_a_macro(page_copy: Path) -> None:
    replace_in(page_copy / GUIDE, "short: >-\n", '''short: >-\n  Звоните {{ phone("rpn-ekc-phone") }}.\n''', 1)
    assert only_one(run_check(NAME, page_copy), GUIDE, "contains a macro")


RECOGNISED = [
    "ст. 23.1 ЗоЗПП",
    "п. 3 ст. 23.1 ЗоЗПП",
    "ст. 18 ЗоЗПП",
    "ст. 18, 20–23 ЗоЗПП",
    "ст. 20 и 21 ЗоЗПП",
    "п. 2.2 ст. 12 ЗоЗПП",
    "ст. 23 ГПК РФ",
    "ст. 45 ГПК РФ",
    "пп. 4 п. 2 ст. 333.36 НК РФ",
    "ст. 12 Закона № 59-ФЗ",
    "ч. 2 ст. 8 Закона № 59-ФЗ",
    "ст. 497 ГК РФ",
    "ПП РФ № 2463",
    "ПП РФ № 924",
    "п. 2 ст. 108 ВК РФ",
    "Закон № 59-ФЗ",
    "п. 15 Постановления Пленума ВС РФ № 17",
    "по п. 3 ст. 23.1\nЗоЗПП",  # Markdown wraps lines inside citations
    "ст. 22, п. 4 ст. 26.1 ЗоЗПП",  # a list shares the act at its end
    "ст. 10 и ст. 12 ЗоЗПП",
    "ст. 18 ЗоЗПП, п. 3 ст. 23.1 ЗоЗПП",
    "ст. 21 Закона № 152-ФЗ",
    "ст. 9 Закона № 161-ФЗ",
]


@pytest.mark.parametrize("citation", RECOGNISED)
def test_recognised_citation(page_copy: Path, citation: str) -> None:
    append_to(page_copy / GLOSSARY, f"\nСм. {citation}.\n")
    problems = run_check(NAME, page_copy)
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        ("статья 23.1 ЗоЗПП", "written out as a word"),
        ("по статье 18 ЗоЗПП", "written out as a word"),
        ("ст.23.1 ЗоЗПП", "no space after «ст.»"),
        ("ст. 23.1", "does not name its act"),
        ("ст. 22, п. 4 ст. 26.1", "does not name its act"),
        ("ст. 23 ГПК", "does not name its act"),
        ("ЗоЗПП ст. 18", "the act comes before the article"),
        ("ГПК РФ, ст. 23", "the act comes before the article"),
        ("ст. 8 ч. 2 Закона № 59-ФЗ", "comes after the article"),
        ("ФЗ-59", "not named as recognised"),
        ("по 59-ФЗ", "without «№»"),
        ("ПП № 2463", "form not recognised"),
        ("ПП № 924", "form not recognised"),
    ],
)
def test_unrecognised_citation(page_copy: Path, citation: str, expected: str) -> None:
    page = page_copy / GLOSSARY
    append_to(page, f"\nСм. {citation}.\n")
    line = page.read_text(encoding="utf-8").count("\n")
    found = errors_about(run_check(NAME, page_copy), "docs/slovar.md", expected)
    assert found, f"{citation!r} was not flagged"
    assert all(p.line == line and "legal citation" in p.message for p in found), found


@pytest.mark.parametrize(
    ("citation", "quoted"),
    [
        ("статья 23.1 ЗоЗПП", "«статья 23.1 ЗоЗПП»"),
        ("по статье 26.1", "«статье 26.1»"),
        ("ст.23.1 ЗоЗПП", "«ст.23.1 ЗоЗПП»"),
        ("ст.18, 20–23", "«ст.18, 20–23»"),
    ],
)
def test_message_quotes_the_whole_citation(page_copy: Path, citation: str, quoted: str) -> None:
    """The editor searches the page for the quoted text: «статья 2» would not find «статья 23.1»."""
    append_to(page_copy / GLOSSARY, f"\nСм. {citation}.\n")
    found = errors_about(run_check(NAME, page_copy), "docs/slovar.md", "legal citation")
    assert any(quoted in p.message for p in found), "\n".join(map(str, found))
