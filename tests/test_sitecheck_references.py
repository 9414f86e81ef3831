"""Macro calls name existing macros and live ids; unused contacts are a warning, not a failure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitebuild.contact_edits import rewrite_every_contact, set_channel_fields
from sitecheck import references
from sitecheck.__main__ import main

from .conftest import ROOT, build
from .contact_picks import live_book, pick
from .page_picks import first_guide
from .sitecheck_support import append_to, errors_about, only_one, replace_in, run_check

NAME = references.NAME
# Ids come from the live data by kind, so a changed or retired contact never breaks these tests.
BOOK = live_book()
A_CHAT = pick(BOOK, "chat").id
AN_EMAIL_WITHOUT_HOURS = next(c.id for c in BOOK.live() if c.type == "email" and not c.hours)
AN_ADDRESS = pick(BOOK, "address").id
AN_OBSOLETE_LINK = pick(BOOK, "web", "social", "chat", live=False).id
AN_OBSOLETE = pick(BOOK, live=False).id


def test_real_docs_have_no_reference_error() -> None:
    problems = run_check(NAME, ROOT)
    assert errors_about(problems) == [], "\n".join(map(str, problems))


def test_macro_names_come_from_define_env() -> None:
    expected = {"phone", "email", "address", "link", "hours", "contact", "contacts_table", "org_name", "short_answer"}
    assert expected <= references.macro_names(ROOT)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ('{{ telephone("any-id") }}', "is not one of the site's macros"),
        ('{{ phone("no-such-phone") }}', "no contact «no-such-phone»"),
        ('{{ contacts_table("no-such-org") }}', "no organization «no-such-org»"),
        (f'{{{{ phone("{A_CHAT}") }}}}', "is a chat, which phone() cannot show"),
        (f'{{{{ hours("{AN_EMAIL_WITHOUT_HOURS}") }}}}', "has no «hours:»"),
        (f'{{{{ link("{AN_OBSOLETE_LINK}") }}}}', "uses an obsolete contact"),
        (f'{{% if true %}}{{{{ link("{A_CHAT}") }}}}{{% endif %}}', "{% if %} is not allowed in a page"),
        # the builder takes an address, a web form or a chat (a document is sent through it); never an e-mail
        (f'{{{{ claim_data(ozon="{AN_EMAIL_WITHOUT_HOURS}") }}}}', "is a email, which claim_data() cannot show"),
        (f'{{{{ claim_data(ozon="{AN_ADDRESS}", courier="{AN_OBSOLETE}") }}}}', "uses an obsolete contact"),
        ('{{ claim_data(ozon="no-such-address") }}', "no contact «no-such-address»"),
    ],
)
def test_bad_macro_call(project_copy: Path, call: str, expected: str) -> None:
    append_to(project_copy / "docs" / "slovar.md", f"\n\n{call}\n")
    lines = (project_copy / "docs" / "slovar.md").read_text(encoding="utf-8").count("\n")
    problem = only_one(run_check(NAME, project_copy), expected)
    assert problem.path == "docs/slovar.md" and problem.line == lines


def _retire(project: Path) -> tuple[str, str, list[str]]:
    """README, «retire a contact», on a copy: the most used live contact becomes obsolete."""
    retirement = rewrite_every_contact(project, dt.date.today())
    return retirement.retired, retirement.replacement, list(retirement.pages)


def test_retired_contact_is_reported_on_every_page_at_once(project_copy: Path) -> None:
    retired, replacement, pages = _retire(project_copy)
    assert len(pages) > 1
    problems = errors_about(run_check(NAME, project_copy), f'"{retired}"', "uses an obsolete contact")
    assert {p.path for p in problems} == set(pages)
    new = live_book(project_copy).channels[replacement]
    macro_registry = references.registry(project_copy)
    kind = new.type
    for problem in problems:
        macro = problem.message.split("(", 1)[0].removeprefix("{{ ")
        spec = macro_registry.specs[macro]
        accepted = spec.keyword_channel_types if spec.keyword_channel_types is not None else spec.channel_types
        if macro == "hours" and not new.hours:  # no call at all: the page would show the new contact twice
            assert "delete this call" in problem.fix and f'("{replacement}")' not in problem.fix, problem
        elif accepted is None or spec.accepts(kind, accepted):
            assert f'Use {{{{ {macro}("{replacement}") }}}} instead' in problem.fix, problem  # the same macro works
        else:
            assert f"«{replacement}»" in problem.fix and f'{macro}("{replacement}")' not in problem.fix, problem
            assert macro_registry.show_instead(kind, replacement) in problem.fix


def test_retired_contact_stops_the_build_naming_every_page(project_copy: Path) -> None:
    # In the same build (a whole one: every page is read before it stops), a contact obsolete before
    # the edit, newly called from a guide.
    already_obsolete = pick(live_book(project_copy), "phone", live=False)
    retired, replacement, pages = _retire(project_copy)
    guide = first_guide(project_copy)
    append_to(project_copy / guide, f'\n{{{{ phone("{already_obsolete.id}") }}}}\n')
    result = build(project_copy)
    assert not result.ok
    assert any(line.startswith(f"{guide}:") and f'("{already_obsolete.id}")' in line and "is obsolete" in line
               for line in result.output.splitlines()), result.output
    lines = result.output.splitlines()
    named = [line.split(": ")[0] for line in lines if f'("{retired}"' in line and "obsolete" in line]
    assert {where.rsplit(":", 1)[0] for where in named} == set(pages), result.output
    for where in named:  # each message points at the line of the call, front matter counted
        path, line = where.rsplit(":", 1)
        source_lines = (project_copy / path).read_text(encoding="utf-8").splitlines()
        assert f'"{retired}"' in source_lines[int(line) - 1], where
    assert "Traceback" not in result.output
    # After README's next step (change each page) the same copy builds: tests/test_contact_edits.py.


@pytest.mark.parametrize(("macro", "kind"), [("phone", "chat"), ("link", "phone"), ("hours", "web")])
def test_advice_never_suggests_a_call_that_fails(project_copy: Path, macro: str, kind: str) -> None:
    book = live_book(project_copy)
    spec = references.registry(project_copy).specs[macro]
    obsolete = next(c for c in book.obsolete() if spec.accepts(c.type, spec.channel_types))
    target = next(c for c in book.live() if c.type == kind and not (macro == "hours" and c.hours))
    set_channel_fields(project_copy / "data" / "contacts.yml", obsolete.id, replaced_by=target.id)
    append_to(project_copy / "docs" / "slovar.md", f'\n{{{{ {macro}("{obsolete.id}") }}}}\n')
    problem = only_one(run_check(NAME, project_copy), "uses an obsolete contact")
    assert f'{macro}("{target.id}")' not in problem.fix
    assert f"«{target.id}»" in problem.fix
    if macro == "hours":  # the advice never makes the page show the new contact a second time
        assert f'("{target.id}")' not in problem.fix and "delete this call" in problem.fix


def test_a_call_is_quoted_as_the_page_writes_it(project_copy: Path) -> None:
    """Single or double quotes, a second argument: the message shows the call the editor will search for."""
    book = live_book(project_copy)
    obsolete = next(c for c in book.obsolete() if c.type in ("chat", "web"))
    live = next(c for c in book.live() if c.type == "phone")
    written = [f"link('{obsolete.id}', \"чат «поддержки»\")", f'phone( "{live.id}" )', f'link("{obsolete.id}")']
    append_to(project_copy / "docs" / "slovar.md", "\n" + " и ".join(f"{{{{ {call} }}}}" for call in written) + "\n")
    problems = errors_about(run_check(NAME, project_copy), "uses an obsolete contact")
    shown = sorted(p.message.split(" uses ")[0] for p in problems if p.path == "docs/slovar.md")
    assert shown == sorted(f"{{{{ {call} }}}}" for call in (written[0], written[2]))


def test_free_words_next_to_a_paid_number_are_caught(project_copy: Path) -> None:
    book = live_book(project_copy)
    paid = next(c for c in book.live() if c.type == "phone" and getattr(c, "free", None) is False)
    free = next(c for c in book.live() if c.type == "phone" and getattr(c, "free", None) is True)
    page = project_copy / "docs" / "slovar.md"
    append_to(page, f'\nБесплатная консультация: {{{{ phone("{paid.id}") }}}}.\n')
    first = page.read_text(encoding="utf-8").count("\n")
    append_to(page, f'\nПозвоните на {{{{ phone("{paid.id}") }}}}. Звонок бесплатный.\n')
    second = page.read_text(encoding="utf-8").count("\n")
    # fine: the free word belongs to the free number of the same sentence; a paid word stays with the paid one
    append_to(page, f'\nЗвонок бесплатный: {{{{ phone("{free.id}") }}}}, платный: {{{{ phone("{paid.id}") }}}}.\n')
    append_to(page, f'\nПлатный номер: {{{{ phone("{free.id}") }}}}.\n')
    third = page.read_text(encoding="utf-8").count("\n")
    found = [p for p in run_check(NAME, project_copy) if p.path == "docs/slovar.md" and "free" in p.message]
    assert sorted(p.line for p in found) == [first, second, third], found
    expected = f'«Бесплатная» next to {{{{ phone("{paid.id}") }}}}, but a call to «{paid.id}» is not free'
    assert expected in found[0].message
    assert "free: false, data/contacts.yml:" in found[0].message and "delete «Бесплатная»" in found[0].fix
    assert f"«{free.id}» is free to call (free: true" in found[2].message


def test_broken_jinja_is_reported_with_line(project_copy: Path) -> None:
    append_to(project_copy / "docs" / "slovar.md", '\n{{ phone("rpn-ekc-phone") \n')
    assert only_one(run_check(NAME, project_copy), "cannot be read").path == "docs/slovar.md"


SPARE_CONTACT = (
    "      - id: rpn-spare-form\n        type: web\n        label: Запасная форма\n        url: https://petition.rospotrebnadzor.ru/spare\n"
    "        status: current\n        source: https://petition.rospotrebnadzor.ru/\n        checked: 2026-11-01\n\n"
)


def add_unused_contact(project: Path) -> None:
    anchor = "      - id: rpn-petition\n"
    replace_in(project / "data" / "contacts.yml", anchor, SPARE_CONTACT + anchor)


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
