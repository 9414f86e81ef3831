"""EDITING.md's «change a contact» and «retire a contact», done to every contact at once, keep the site green.

sitebuild/contact_edits.py rewrites every value of data/contacts.yml in a copy of the project (new
numbers that still ring where their region says, e-mails, addresses, hours, labels, sources,
re-dated `checked:`) and retires the most used contact with `replaced_by:`. The copy must then
build strictly and pass every check. `make check-contact-edits` goes further and runs the whole
non-browser test suite inside such a copy: a test that hard-codes today's data fails there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.contacts_data import ContactBook
from macros.contacts_schema import AddressChannel, EmailChannel, PhoneChannel
from sitebuild.contact_edits import pages_using, rewrite_every_contact, switch_pages
from sitecheck.__main__ import main as sitecheck_main
from sitecheck.project import Project

from .conftest import BuildResult, build, copy_project
from .contact_picks import live_book

# The tests of the built copy share one build: one worker runs them (pytest-xdist --dist loadgroup).
pytestmark = pytest.mark.xdist_group("contact-edits")

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


@dataclass
class EveryContactChanged:
    """The copy after EDITING.md's «change a contact» for every contact and «retire a contact» for one, built."""

    project: Path
    before: ContactBook
    after: ContactBook
    result: BuildResult


@pytest.fixture(scope="module")
def every_contact_changed(tmp_path_factory: pytest.TempPathFactory) -> EveryContactChanged:
    project = copy_project(tmp_path_factory.mktemp("contact-edits") / "project")
    before = live_book(project)
    retirement = rewrite_every_contact(project, CHECKED)
    # That the build stops on the retired contact's pages first is test_sitecheck_references' job.
    switch_pages(project / "docs", retirement.retired, retirement.replacement)
    return EveryContactChanged(project, before, live_book(project), build(project))


def test_site_with_every_contact_changed_builds_and_passes_every_check(
    every_contact_changed: EveryContactChanged, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = every_contact_changed
    project, before, after, result = changed.project, changed.before, changed.after, changed.result
    assert result.ok, result.output
    assert "Found local Python module" not in result.output, "ozon/quiet_macros keeps the build output short"
    assert sitecheck_main(["--root", str(project), "--site", str(result.site)]) == 0, capsys.readouterr().out
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


def test_a_new_number_reaches_every_page_that_shows_it(every_contact_changed: EveryContactChanged) -> None:
    """README, «change a contact»: one edit in data/contacts.yml changes every page; the old number is gone."""
    changed = every_contact_changed
    before, after, result = changed.before, changed.after, changed.result
    assert result.ok, result.output
    project = Project(changed.project)
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



def test_site_with_every_contact_changed_keeps_its_search_quality(every_contact_changed: EveryContactChanged) -> None:
    """Retiring the most used contact and switching its pages passes make check's search quality the first
    time: the guides' asked phrases still find them, and no clear drop against the accepted run."""
    import subprocess
    import sys

    changed = every_contact_changed
    assert changed.result.ok, changed.result.output
    copy_project(changed.project, ("bench", "tests/js"))  # the check and its engine loader (sitecheck is there)
    done = subprocess.run(
        [sys.executable, "-m", "bench.search_quality", "--site", str(changed.result.site)],
        cwd=changed.project, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "held-out" in done.stdout
