"""EDITING.md's «change a contact» and «retire a contact», done to every contact at once, keep the site green.

sitebuild/contact_edits.py rewrites every value of data/contacts.yml in a copy of the project (new
numbers that still ring where their region says, e-mails, addresses, hours, labels, sources,
re-dated `checked:`) and retires the most used contact with `replaced_by:`. The copy must then
build strictly and pass every check. `make check-contact-edits` goes further and runs the whole
non-browser test suite inside such a copy: a test that hard-codes today's data fails there.
"""

from __future__ import annotations

import pytest

from macros.contacts_schema import AddressChannel, EmailChannel, PhoneChannel
from sitebuild.contact_edits import pages_using
from sitecheck.project import Project

from .editors_copy import CHECKED, EditorsCopy
from .editors_copy import GROUP as EDITORS_GROUP

# The tests of the built copy share one build with tests/test_search_quality.py's new guide
# (tests/editors_copy.py): one worker runs them (pytest-xdist --dist loadgroup).
pytestmark = pytest.mark.xdist_group(EDITORS_GROUP)

COMMON_FIELDS = ("label", "source", "hours", "seen", "note")
VALUE_FIELDS: tuple[str, ...] = COMMON_FIELDS + ("number", "email", "address", "postal_code", "recipient", "url")


def test_every_value_changes_and_one_contact_is_retired(editors_copy: EditorsCopy) -> None:
    """rewrite_every_contact, as the editors' copy ran it (tests/editors_copy.py: that copy's contacts before
    and after; read whether or not its build passed)."""
    before, after, retirement = editors_copy.before, editors_copy.after, editors_copy.retirement
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


def test_site_with_every_contact_changed_builds_and_passes_every_check(editors_copy: EditorsCopy) -> None:
    before, after, result = editors_copy.before, editors_copy.after, editors_copy.result
    assert result.ok, result.output
    assert "Found local Python module" not in result.output, "ozon/quiet_macros keeps the build output short"
    assert editors_copy.sitecheck.returncode == 0, editors_copy.sitecheck.output
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


def test_a_new_number_reaches_every_page_that_shows_it(editors_copy: EditorsCopy) -> None:
    """README, «change a contact»: one edit in data/contacts.yml changes every page; the old number is gone."""
    before, after, result = editors_copy.before, editors_copy.after, editors_copy.result
    assert result.ok, result.output
    project = Project(editors_copy.project)
    pages = {path: path.read_text(encoding="utf-8") for path in result.site.rglob("*.html")}
    checked = 0
    for channel in after.live():
        old = before.channels[channel.id]
        if not (isinstance(channel, PhoneChannel) and isinstance(old, PhoneChannel)):
            continue
        for source in pages_using(project.docs_dir, channel.id):
            html = pages[project.built_page(result.site, source.relative_to(project.docs_dir).as_posix())]
            assert f"tel:{channel.e164}" in html, f"{source.name}: no link to the new number of {channel.id}"
            checked += 1
        stale = [str(path) for path, html in pages.items() if f"tel:{old.e164}" in html or old.display in html]
        assert not stale, f"{channel.id}: the old number {old.display} is still on {stale[:3]}"
    assert checked > 5, "too few pages call a phone macro: is this the real site?"


def test_site_with_every_contact_changed_keeps_its_search_quality(editors_copy: EditorsCopy) -> None:
    """Retiring the most used contact and switching its pages passes make check's search quality the first
    time: the guides' asked phrases still find them, and no clear drop against the accepted run."""
    assert editors_copy.result.ok, editors_copy.result.output
    assert editors_copy.quality.returncode == 0, editors_copy.quality.output[-6000:]
    assert "held-out" in editors_copy.quality.output
