"""Issue 25, classes 7 and 8: values the build takes from elsewhere are bounded, and odd text never
ends in a traceback.

- git commit dates and file times after the build's date become the build's date (ozon/page_dates);
- private-use characters a page holds never name (or overrun) a macro's HTML fragment (macros/safe_html.py).
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import markdown
import pytest

from ozon_help.plugins.page_dates.dates import FileDates, page_dates
from macros.safe_html import STASH, FinalHtmlExtension, final_html

BUILD_DAY = date(2026, 12, 7)


def test_a_commit_dated_in_the_future_shows_the_build_date(tmp_path: Path) -> None:
    page = tmp_path / "brak.md"
    page.write_text("# x\n", encoding="utf-8")
    dates = FileDates(last={page.resolve(): date(2099, 1, 1)}, first={page.resolve(): date(2098, 1, 1)},
                      from_git=True)
    found = page_dates(page, dates, today=BUILD_DAY)
    assert (found.updated, found.published) == (BUILD_DAY, BUILD_DAY)


def test_a_file_time_in_the_future_shows_the_build_date(tmp_path: Path) -> None:
    page = tmp_path / "brak.md"
    page.write_text("# x\n", encoding="utf-8")
    future = 4102444800  # 2100-01-01
    os.utime(page, (future, future))
    assert page_dates(page, FileDates(), today=BUILD_DAY).updated == BUILD_DAY


def test_past_dates_are_kept(tmp_path: Path) -> None:
    page = tmp_path / "brak.md"
    page.write_text("# x\n", encoding="utf-8")
    dates = FileDates(last={page.resolve(): date(2026, 11, 30)}, first={page.resolve(): date(2026, 1, 5)},
                      from_git=True)
    found = page_dates(page, dates, today=BUILD_DAY)
    assert (found.updated, found.published) == (date(2026, 11, 30), date(2026, 1, 5))


@pytest.fixture
def active_stash():
    was = STASH.active
    STASH.active = True
    yield STASH
    STASH.active = was


@pytest.mark.parametrize("text", ["\ue0000\ue001", "\ue000999999\ue001", "\ue000\ue001", "\ue001\ue000", "\uf8ff"])
def test_private_use_characters_in_a_page_stay_text(active_stash, text: str) -> None:
    token = final_html('<a href="tel:+78005554943">8 800 555-49-43</a>')
    html = markdown.Markdown(extensions=[FinalHtmlExtension()]).convert(f"Текст {text} и {token}.")
    assert text in html and '<a href="tel:+78005554943">' in html
    assert html.count("tel:") == 1, "the page's characters named the macro's fragment"


def test_every_install_in_the_make_files_is_pinned_and_hashed() -> None:
    """`make lock` installed an unpinned uv before it pinned the rest; no target may install anything so."""
    from .conftest import ROOT

    installs = [
        (path.name, line.strip())
        for path in [ROOT / "Makefile", *sorted((ROOT / "mk").glob("*.mk"))]
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\bpip\b.*\binstall\b", line)
    ]
    assert installs, "no pip install found: has the Makefile moved?"
    for name, line in installs:
        if re.search(r"\s--no-deps\s(?:.*\s)?--no-build-isolation\s-e \.$", line):
            continue  # the project's own package (ozon_help/) from this folder: nothing is downloaded or built
        lock = re.search(r"--require-hashes\b.*\s-r\s+(\S+\.lock)\b", line)
        assert lock, f"{name}: «{line}» installs without --require-hashes -r <file>.lock"
        text = (ROOT / lock.group(1)).read_text(encoding="utf-8")
        pins = [entry for entry in re.split(r"\n(?=\S)", text) if entry.strip() and not entry.startswith("#")]
        assert all(re.match(r"^[\w.\[\],-]+==\S+", e) and "--hash=sha256:" in e for e in pins), lock.group(1)
