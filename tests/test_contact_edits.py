"""README's «change a contact» and «retire a contact», done to every contact at once, keep the site green.

sitebuild/contact_edits.py rewrites every value of data/contacts.yml in a copy of the project (new
numbers that still ring where their region says, e-mails, addresses, hours, labels, sources,
re-dated `checked:`) and retires the most used contact with `replaced_by:`. The copy must then
build strictly and pass every check. `make check-contact-edits` goes further and runs the whole
non-browser test suite inside such a copy: a test that hard-codes today's data fails there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from macros.contacts_schema import AddressChannel, EmailChannel, PhoneChannel
from sitebuild.contact_edits import rewrite_every_contact, switch_pages
from sitecheck.__main__ import main as sitecheck_main

from .conftest import build
from .contact_picks import live_book

COMMON_FIELDS = ("label", "source", "hours", "seen", "note")
VALUE_FIELDS: tuple[str, ...] = COMMON_FIELDS + ("number", "email", "address", "postal_code", "recipient", "url")
CHECKED = dt.date(2026, 11, 1)  # any past day


def test_every_value_changes_and_one_contact_is_retired(project_copy: Path) -> None:
    before = live_book(project_copy)
    retirement = rewrite_every_contact(project_copy, CHECKED)
    after = live_book(project_copy)
    assert set(after.channels) == set(before.channels), "ids stay: pages call them"
    for channel_id, old in before.channels.items():
        new = after.channels[channel_id]
        for name in VALUE_FIELDS:
            if getattr(old, name, None) is not None:
                assert getattr(new, name) != getattr(old, name), f"{channel_id}.{name} did not change"
        assert new.checked == CHECKED
        if isinstance(new, PhoneChannel):
            assert isinstance(old, PhoneChannel) and (new.region, new.free) == (old.region, old.free)
    retired = after.channels[retirement.retired]
    assert before.channels[retirement.retired].status != "obsolete"
    assert retired.status == "obsolete" and retired.replaced_by == retirement.replacement
    assert after.channels[retirement.replacement].status != "obsolete"
    assert len(retirement.pages) > 1


def test_site_with_every_contact_changed_builds_and_passes_every_check(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = live_book(project_copy)
    retirement = rewrite_every_contact(project_copy, CHECKED)
    # That the build stops on the retired contact's pages first is test_sitecheck_references' job.
    switch_pages(project_copy / "docs", retirement.retired, retirement.replacement)
    result = build(project_copy)
    assert result.ok, result.output
    assert "Found local Python module" not in result.output, "hooks/quiet_macros.py keeps the build output short"
    assert sitecheck_main(["--root", str(project_copy), "--site", str(result.site)]) == 0, capsys.readouterr().out
    after = live_book(project_copy)
    directory = (result.site / "kontakty" / "index.html").read_text(encoding="utf-8")
    for channel in after.live():
        old = before.channels[channel.id]
        if isinstance(channel, PhoneChannel) and isinstance(old, PhoneChannel):
            assert f'href="tel:{channel.e164}"' in directory and f'href="tel:{old.e164}"' not in directory
        if isinstance(channel, EmailChannel):
            assert f"mailto:{channel.email}" in directory
        if isinstance(channel, AddressChannel):
            assert channel.address.split(",")[-1].strip() in directory
        assert CHECKED.strftime("%d.%m.%Y") in directory
