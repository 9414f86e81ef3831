"""data/contacts.yml through sitecheck: the build's own validation, reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import data

from .conftest import ROOT
from .contact_picks import install_fixture_contacts
from .sitecheck_support import copy_with_pages, only_one, replace_in, run_check

NAME = data.NAME
CONTACTS = "data/contacts.yml"


def test_real_data_passes() -> None:
    problems = run_check(NAME, ROOT)
    assert problems == [], "\n".join(map(str, problems))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """mkdocs.yml and data/ without the pages (sitecheck_support.copy_with_pages): this check reads only the
    contacts file."""
    return copy_with_pages(tmp_path / "project")


def test_fixture_data_passes(data_copy: Path) -> None:
    install_fixture_contacts(data_copy)
    problems = run_check(NAME, data_copy)
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "        type: phone\n        label: Горячая линия Ozon\n",
            "        type: phone\n        type: phone\n        label: Горячая линия Ozon\n",
            "appears twice",
        ),
        ('number: "+7 800 555-49-43"', 'number: "+7 800 555-49"', "is not a valid phone number"),
        ("email: help@ozon.ru", "email: help@", "is not a valid e-mail address"),
        ("url: https://sudrf.ru/", "url: sudrf", "is not a web address"),
        ("url: https://sudrf.ru/", "url: http://sudrf.ru/", "is not https"),
        ("checked: 2026-11-22", "checked: 2999-01-01", "is in the future"),
        ("status: current", "status: verified", "status"),
        ("id: ozon-email", "id: ozon-chat", "is used twice"),
        ("replaced_by: ozon-chat", "replaced_by: ozon-chatt", "names no channel"),
    ],
)
def test_broken_contacts_file(data_copy: Path, old: str, new: str, expected: str) -> None:
    path = install_fixture_contacts(data_copy)  # frozen values: the live file may change
    changed_line = path.read_text(encoding="utf-8").split(old, 1)[0].count("\n") + 1
    replace_in(path, old, new)
    problem = only_one(run_check(NAME, data_copy), expected)
    assert problem.path == CONTACTS
    # The line of the defect, or of the key the defect belongs to (a missing or enum field).
    assert changed_line - 12 <= problem.line <= changed_line + 1, problem


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'number: "+7 495 009-70-70"\n        region: Москва',
            'number: "+7 812 494-06-07"\n        region: Москва',
            "rings in «г. Санкт-Петербург», but «region:» says «Москва»",
        ),
        (
            'number: "+7 800 555-49-43"\n        region: вся Россия\n        free: true',
            'number: "+7 800 555-49-43"\n        region: вся Россия\n        free: false',
            "is a free 8 800 number, but «free:» says false",
        ),
        (
            'number: "+7 495 009-70-70"\n        region: Москва\n        free: false',
            'number: "+7 495 009-70-70"\n        region: Москва\n        free: true',
            "is not a free 8 800 number",
        ),
    ],
)
def test_phone_disagrees_with_its_region(data_copy: Path, old: str, new: str, expected: str) -> None:
    path = install_fixture_contacts(data_copy)  # frozen values: the live file may change
    defect_line = path.read_text(encoding="utf-8").split(old, 1)[0].count("\n") + 1
    replace_in(path, old, new)
    problem = only_one(run_check(NAME, data_copy), expected)
    assert problem.path == CONTACTS and defect_line <= problem.line <= defect_line + 2
