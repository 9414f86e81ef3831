"""The built site: pages agree with data/contacts.yml, and misuse stops the build."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest

from macros.contacts_data import load_contacts
from macros.guide_index import read_front_matter
from sitebuild.contact_edits import set_channel_fields

from .conftest import ROOT, BuildResult, build
from .contact_picks import live_book, pick
from .wrong_calls_copy import GROUP as WRONG_CALLS_GROUP
from .wrong_calls_copy import HOME, WrongCalls

BOOK = load_contacts(ROOT / "data" / "contacts.yml")


def _html(result: BuildResult, page: str) -> str:
    return (result.site / page / "index.html").read_text(encoding="utf-8")


def test_contacts_page_shows_every_live_channel_once(built_site: BuildResult) -> None:
    html = _html(built_site, "kontakty")
    shown = re.findall(r'<tr data-contact="([a-z0-9-]+)"', html)
    live = [c.id for c in BOOK.live()]
    assert sorted(shown) == sorted(live)
    for cid in live:
        channel = BOOK.channels[cid]
        row = re.search(rf'<tr data-contact="{cid}">(.*?)</tr>', html, re.S).group(1)
        assert channel.checked.strftime("%d.%m.%Y") in row
        assert ("не подтверждён" in row.lower()) == (channel.status == "unconfirmed")
        if channel.type == "phone":
            assert f'href="tel:{channel.e164}"' in row and channel.display in row


def test_contacts_page_groups_by_organization(built_site: BuildResult) -> None:
    html = _html(built_site, "kontakty")
    for org in BOOK.organizations:
        if BOOK.live(org):
            assert f'id="{org.id}"' in html


def test_obsolete_contacts_only_on_their_page(built_site: BuildResult) -> None:
    obsolete = BOOK.obsolete()
    page = _html(built_site, "ustarevshie-kontakty")
    for channel in obsolete:
        assert f'data-contact="{channel.id}"' in page
    numbers = [c.display for c in obsolete if c.type == "phone"]
    assert numbers
    for html_file in built_site.site.rglob("*.html"):
        if html_file.parent.name == "ustarevshie-kontakty":
            continue
        text = html_file.read_text(encoding="utf-8")
        for number in numbers:
            assert number not in text, f"obsolete number {number} on {html_file}"
    table = re.search(r'<table class="contacts-table contacts-table--obsolete">.*?</table>', page, re.S).group(0)
    assert "tel:" not in table.split("Куда обращаться теперь")[0]


def test_guide_has_both_variants_and_description(built_site: BuildResult) -> None:
    html = _html(built_site, "zakaz-poteryalsya")
    assert 'id="korotko"' in html and 'id="podrobno"' in html
    # the description is the guide's short answer, read from its front matter (never typed here)
    short = " ".join(str(read_front_matter(ROOT / "docs" / "zakaz-poteryalsya.md")["short"]).split())
    opening = escape(" ".join(short.split()[:6]), quote=True)
    assert f'<meta name="description" content="{opening}' in html


def test_no_google_fonts(built_site: BuildResult) -> None:
    for html_file in built_site.site.rglob("*.html"):
        assert "fonts.googleapis" not in html_file.read_text(encoding="utf-8")


# A wrong macro call does not stop the build at once (every page's wrong calls are reported in one run), so
# these tests read the one build of tests/wrong_calls_copy.py (one worker builds it: its xdist_group).
WRONG_CALLS = pytest.mark.xdist_group(WRONG_CALLS_GROUP)


@WRONG_CALLS
def test_unknown_contact_id_stops_build(wrong_calls: WrongCalls) -> None:
    result = wrong_calls.result
    assert not result.ok
    assert any(wrong_calls.guide in line and "no-such-contact" in line for line in result.output.splitlines()), (
        result.output
    )


@WRONG_CALLS
def test_undefined_macro_stops_build(wrong_calls: WrongCalls) -> None:
    result = wrong_calls.result
    assert not result.ok
    assert any(HOME in line and "telephone" in line for line in result.output.splitlines()), (
        result.output
    )


def test_broken_contacts_file_stops_build_with_line(project_copy: Path) -> None:
    book = live_book(project_copy)
    email = pick(book, "email")
    set_channel_fields(project_copy / "data" / "contacts.yml", email.id, email="help")
    result = build(project_copy)
    assert not result.ok
    where = rf"organizations\[{book.owner[email.id].id}\]\.channels\[{email.id}\]\.email"
    assert re.search(rf"data/contacts\.yml:\d+: {where}", result.output), result.output
