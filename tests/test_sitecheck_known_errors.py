"""Known errors (data/known-errors.yml): every entry is refused where it appears, at its line, with
why and the fix; a bad entry in the file is reported at its own line.

The per-entry tests read the entries from the real file, so a new entry is tested by adding it:
its `examples` must be refused in a guide and its `fine` texts must pass. The mechanism itself
(`{near}`, `unless`, line numbers, file errors) is tested with fixture files written here.

Each entry's examples and fine texts go to the function the content check runs on each page
(`content.check_known_errors`), on the real glossary's front matter with the text as its body; the
mechanism tests run the check on a copy that holds only that page (`page_copy`: the check judges each page
on its own); one test runs it through the command line on a whole copy, and tests/test_sitecheck_content.py
over the real site.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest

from macros.front_matter import front_matter_block
from sitecheck import content, known_errors
from sitecheck.__main__ import main
from sitecheck.problems import Problem
from sitecheck.project import Page, Project

from .conftest import ROOT
from .sitecheck_support import append_to, copy_with_pages, run_check

PAGE = "docs/slovar.md"
ENTRIES, FILE_PROBLEMS = known_errors.load(ROOT)


@functools.cache
def _real_page() -> Page:
    return next(page for page in Project(ROOT).pages.values() if page.path == PAGE)


def _page_with(text: str) -> tuple[Page, int]:
    """The real PAGE as the checks read it, its front matter followed by `text` as its only paragraph; and
    the line of `text`. The page's own body is left out: the check judges each entry's hits on its own line
    and sentence, and the body is checked as it is by the real site's run (test_sitecheck_content's
    test_real_docs_pass); searching it again for each of some seventy texts cost most of this module's time."""
    page = _real_page()
    found = front_matter_block(page.text)
    head = page.text[: found[1]] if found else ""
    changed = dataclasses.replace(page, text=f"{head}\n{text}\n")
    return changed, changed.text.count("\n")


@pytest.fixture
def page_copy(tmp_path: Path) -> Path:
    """The project with only PAGE in docs/ (sitecheck_support.copy_with_pages)."""
    return copy_with_pages(tmp_path / "project", PAGE)


def _inject(project: Path, text: str) -> int:
    """Append `text` to a guide on a line of its own; return that line."""
    page = project / PAGE
    append_to(page, f"\n{text}\n")
    return page.read_text(encoding="utf-8").count("\n")


def _known(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.message.startswith("known error")]


def _write_known_errors(project: Path, yaml_text: str) -> None:
    (project / known_errors.KNOWN_ERRORS_FILE).write_text(yaml_text, encoding="utf-8")


def test_real_file_is_valid_and_not_empty() -> None:
    assert FILE_PROBLEMS == [], "\n".join(map(str, FILE_PROBLEMS))
    assert ENTRIES, "data/known-errors.yml lists no errors"


CASES = [pytest.param(entry, text, id=f"{entry.id}-{n}") for entry in ENTRIES for n, text in enumerate(entry.examples)]
FINE = [pytest.param(entry, text, id=f"{entry.id}-fine-{n}") for entry in ENTRIES for n, text in enumerate(entry.fine)]


@pytest.mark.parametrize(("entry", "example"), CASES)
def test_every_known_error_is_refused_with_line_and_fix(entry: known_errors.KnownError, example: str) -> None:
    page, line = _page_with(example)
    found = [p for p in _known(content.check_known_errors(page, ENTRIES)) if p.path == PAGE and p.line == line]
    assert len(found) == 1, f"{example!r} was not refused once at {PAGE}:{line}: {found}"
    shown = str(found[0])
    assert shown.startswith(f"{PAGE}:{line}: known error «")
    assert f"({known_errors.KNOWN_ERRORS_FILE}, entry «{entry.id}»)" in shown  # the entry that fired
    quoted = shown.split("«", 1)[1].split("» (", 1)[0]
    assert quoted and quoted in " ".join(example.split()), quoted
    assert entry.why.rstrip(".") in shown
    assert shown.endswith(f"Fix: {entry.fix}")


@pytest.mark.parametrize(("entry", "text"), FINE)
def test_fine_texts_pass(entry: known_errors.KnownError, text: str) -> None:
    page, _ = _page_with(text)
    assert not [p for p in _known(content.check_known_errors(page, ENTRIES)) if p.path == PAGE]


FIXTURE = """\
errors:
  - id: green-elephant
    pattern: 'зел[её]ный\\s+слон{near}летает'
    unless: 'во\\s+сне'
    why: elephants do not fly
    fix: write that the elephant walks
    examples:
      - Зелёный слон летает
"""


@pytest.mark.parametrize(
    ("text", "flagged_on_first_line"),
    [
        ("Наш зелёный слон\nвысоко летает над полем.", True),  # Markdown wraps lines inside a sentence
        ("Зеленый слон, если верить сказке, летает.", True),
        ("Зелёный слон летает только во сне.", False),  # `unless` in the same sentence
        ("Зелёный слон стоит. Летает ли он? Нет.", False),  # not across a sentence end
        ("Зелёный слон стоит.\n\nЛетает птица.", False),  # not across a paragraph
        ("| Зелёный слон | стоит |\n| летает | птица |", False),  # not across a table row
    ],
)
def test_near_and_unless(page_copy: Path, text: str, flagged_on_first_line: bool) -> None:
    _write_known_errors(page_copy, FIXTURE)
    page = page_copy / PAGE
    append_to(page, "\n")
    first_line = page.read_text(encoding="utf-8").count("\n") + 1
    append_to(page, text + "\n")
    found = _known(run_check(content.NAME, page_copy))
    if flagged_on_first_line:
        assert [(p.path, p.line) for p in found] == [(PAGE, first_line)], found
        assert found[0].fix == "write that the elephant walks"
    else:
        assert found == []


def test_cli_names_file_line_text_and_fix(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_known_errors(project_copy, FIXTURE)
    line = _inject(project_copy, "Говорят, зелёный слон летает.")
    assert main(["--root", str(project_copy), "--only", "content"]) == 1
    out = capsys.readouterr().out
    expected = (
        "known error «зелёный слон летает» (data/known-errors.yml, entry «green-elephant»): elephants do not fly. "
        "Fix: write that the elephant walks"
    )
    assert f"{PAGE}:{line}: {expected}" in out


def test_macros_are_not_read_as_text(page_copy: Path) -> None:
    _write_known_errors(page_copy, FIXTURE)
    _inject(page_copy, '{{ link("ozon-chat", "зелёный слон летает") }}')
    assert _known(run_check(content.NAME, page_copy)) == []


BROKEN = {
    # what to break: (the file, the line of the problem, words in the message)
    "invalid regex": (
        FIXTURE.replace("летает'", "летает('"), 3, ["[green-elephant].pattern", "not a valid regular expression"]
    ),
    "missing fix": (
        FIXTURE.replace("    fix: write that the elephant walks\n", ""), 2, ["[green-elephant]", "«fix» is missing"]
    ),
    "unknown field": (
        FIXTURE.replace("    why:", "    source: somewhere\n    why:"),
        5,
        ["[green-elephant].source", "unknown field «source»"],
    ),
    "bad id": (
        FIXTURE.replace("id: green-elephant", "id: Green Elephant"), 2, ["[Green Elephant].id", "not a valid id"]
    ),
    "example not caught": (
        FIXTURE.replace("Зелёный слон летает", "Серый слон летает"),
        2,
        ["[green-elephant]", "does not catch its own example «Серый слон летает»"],
    ),
    "fine text caught": (
        FIXTURE + "    fine:\n      - Зелёный слон летает высоко\n",
        2,
        ["[green-elephant]", "catches the text listed as fine"],
    ),
    "duplicate id": (
        FIXTURE + FIXTURE.removeprefix("errors:\n"), 9, ["id «green-elephant» is used twice (also line 2)"]
    ),
    "duplicate key": (
        FIXTURE.replace("    why:", "    fix: again\n    why:"), 7, ["key «fix» appears twice (first on line 5)"]
    ),
    "not YAML": (FIXTURE.replace("    why: elephants do not fly", "    why: [elephants"), 6, ["not valid YAML"]),
    "pattern matches the empty string": (
        FIXTURE.replace("летает'", "летает|'"), 3, ["[green-elephant].pattern", "matches the empty string", "Fix: "]
    ),
    "pattern optional throughout": (
        FIXTURE.replace("'зел[её]ный\\s+слон{near}летает'", "'(?:зел[её]ный\\s+слон{near}летает)?'"),
        3,
        ["[green-elephant].pattern", "matches the empty string"],
    ),
    "unless is a bare word boundary": (
        FIXTURE.replace("'во\\s+сне'", "'\\b'"), 4, ["[green-elephant].unless", "matches the empty string"]
    ),
    "catastrophic backtracking": (
        FIXTURE.replace("'зел[её]ный\\s+слон{near}летает'", "'зел[её]ный(\\s*\\w+\\s*)+\\.'"),
        3,
        ["[green-elephant].pattern", "backtracks without end", "Fix: "],
    ),
}


@pytest.fixture
def quick_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A runaway pattern spins until the limit stops it: 0.05 CPU-s instead of 0.5 shows the same stop, and
    stays far above what a sound pattern needs on a probe (well under a millisecond)."""
    monkeypatch.setattr(known_errors, "SEARCH_SECONDS", 0.05)


@pytest.mark.parametrize("broken", list(BROKEN))
def test_bad_entry_is_reported_at_its_line(page_copy: Path, broken: str, request: pytest.FixtureRequest) -> None:
    yaml_text, line, needles = BROKEN[broken]
    if "backtracks without end" in needles:
        request.getfixturevalue("quick_time_limit")
    _write_known_errors(page_copy, yaml_text)
    problems = [p for p in run_check(content.NAME, page_copy) if p.path == known_errors.KNOWN_ERRORS_FILE]
    assert problems, f"{broken}: no problem reported"
    assert all(p.severity == "error" for p in problems)
    assert any(p.line == line and all(n in str(p) for n in needles) for p in problems), "\n".join(map(str, problems))


@pytest.mark.usefixtures("quick_time_limit")
def test_a_runaway_pattern_is_stopped_on_a_page_and_named_at_its_entry() -> None:
    """A pattern the probes at load let through still cannot stall a run: each page search has a time limit."""
    entry = ENTRIES[0]
    entry_line = entry.line
    runaway = entry.model_copy(update={"pattern": "(x+x+)+y"})  # no probe of the load check has a run of «x»s…
    runaway._line = entry_line
    page = content.Page("slovar.md", PAGE, "---\ntitle: Т\n---\n" + "x" * 40 + "\n", {}, 4)
    problems = content.check_known_errors(page, [runaway])
    assert [(p.path, p.line) for p in problems] == [(known_errors.KNOWN_ERRORS_FILE, entry_line)]
    assert f"[{entry.id}]" in problems[0].message and "backtracks without end" in problems[0].message
    assert problems[0].fix
