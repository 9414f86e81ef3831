"""Macro calls name existing macros and live ids; unused contacts are a warning, not a failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import references
from sitecheck.__main__ import main

from .conftest import ROOT
from .sitecheck_support import append_to, errors_about, only_one, replace_in, run_check

NAME = references.NAME


def test_real_docs_have_no_reference_error() -> None:
    problems = run_check(NAME, ROOT)
    assert errors_about(problems) == [], "\n".join(map(str, problems))


def test_macro_names_come_from_define_env() -> None:
    assert {"phone", "email", "address", "link", "hours", "contact", "contacts_table", "org_name", "short_answer"} <= references.macro_names(ROOT)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ('{{ telephone("rpn-ekc-phone") }}', "is not one of the site's macros"),
        ('{{ phone("rpn-ekc-phon") }}', "no contact «rpn-ekc-phon»"),
        ('{{ contacts_table("ozonn") }}', "no organization «ozonn»"),
        ('{{ phone("ozon-chat") }}', "is a chat, which phone() cannot show"),
        ('{{ hours("ozon-email") }}', "has no «hours:»"),
        ('{{ link("o-courier-form") }}', "uses an obsolete contact"),
        ('{% if true %}{{ link("ozon-chat") }}{% endif %}', "{% if %} is not allowed in a page"),
        ('{{ claim_data(ozon="ozon-chat") }}', "is a chat, which claim_data() cannot show"),
        ('{{ claim_data(ozon="ozon-address", courier="o-courier-office-moscow") }}', "uses an obsolete contact"),
        ('{{ claim_data(ozon="ozon-adress") }}', "no contact «ozon-adress»"),
    ],
)
def test_bad_macro_call(project_copy: Path, call: str, expected: str) -> None:
    append_to(project_copy / "docs" / "slovar.md", f"\n\n{call}\n")
    lines = (project_copy / "docs" / "slovar.md").read_text(encoding="utf-8").count("\n")
    problem = only_one(run_check(NAME, project_copy), expected)
    assert problem.path == "docs/slovar.md" and problem.line == lines


def test_obsolete_contact_in_a_guide_names_the_replacement(project_copy: Path) -> None:
    replace_in(project_copy / "docs" / "zakaz-poteryalsya.md", 'link("ozon-chat")', 'phone("ozon-phone-old-free")')
    problem = only_one(run_check(NAME, project_copy), "obsolete contact")
    assert 'phone("ozon-chat")' in problem.fix or "ozon-chat" in problem.fix


def test_broken_jinja_is_reported_with_line(project_copy: Path) -> None:
    append_to(project_copy / "docs" / "slovar.md", '\n{{ phone("rpn-ekc-phone") \n')
    assert only_one(run_check(NAME, project_copy), "cannot be read").path == "docs/slovar.md"


SPARE_CONTACT = (
    "      - id: rpn-spare-form\n        type: web\n        label: Запасная форма\n        url: https://petition.rospotrebnadzor.ru/spare\n"
    "        status: current\n        source: https://petition.rospotrebnadzor.ru/\n        checked: 2026-11-01\n\n"
)


def add_unused_contact(project: Path) -> None:
    replace_in(project / "data" / "contacts.yml", "      - id: rpn-petition\n", SPARE_CONTACT + "      - id: rpn-petition\n")


def test_unused_contact_is_a_warning_only(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_unused_contact(project_copy)
    problems = run_check(NAME, project_copy)
    unused = [p for p in problems if "«rpn-spare-form» is used by no page" in p.message]
    assert len(unused) == 1 and unused[0].severity == "warning" and unused[0].path == "data/contacts.yml"
    assert main(["--root", str(project_copy), "--only", NAME]) == 0, "warnings alone do not fail"
    assert "warning: contact «rpn-spare-form» is used by no page" in capsys.readouterr().out


def test_contacts_table_counts_as_use(project_copy: Path) -> None:
    append_to(project_copy / "docs" / "slovar.md", '\n{{ contacts_table("pochta") }}\n')
    warned = {p.message for p in run_check(NAME, project_copy) if p.severity == "warning"}
    assert not any("pochta-phone" in m for m in warned)


def test_id_from_a_variable_is_refused(project_copy: Path) -> None:
    append_to(project_copy / "docs" / "slovar.md", '\n{% set chosen = "rpn-ekc-phone" %}{{ phone(chosen) }}\n')
    problems = run_check(NAME, project_copy)
    assert only_one(problems, "{% set %} is not allowed").path == "docs/slovar.md"
    assert only_one(problems, "an argument is not quoted text").severity == "error"
