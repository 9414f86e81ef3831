"""data/search-synonyms.yml: the model (ozon_help/plugins/search_ru/synonyms.py) and its sitecheck check."""

from __future__ import annotations

from pathlib import Path

import pytest

from ozon_help.plugins.search_ru.synonyms import SYNONYMS_FILE, SynonymsError, fold, load_synonyms
from sitecheck import search_synonyms

from .conftest import ROOT
from .sitecheck_support import run_check

NAME = search_synonyms.NAME


def _write(project: Path, text: str) -> Path:
    path = project / SYNONYMS_FILE
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _guide(project: Path, words: str) -> None:
    """A guide of our own (in the nav through its short answer), so the tests need no real wording."""
    page = f"---\nshort: {words}\n---\n\n# Тест\n\n{words}\n"
    (project / "docs" / "test-guide.md").write_text(page, encoding="utf-8")


def test_the_projects_file_is_valid() -> None:
    problems = [p for p in run_check(NAME, ROOT) if p.severity == "error"]
    assert problems == [], "\n".join(map(str, problems))


def test_folding_matches_the_engine() -> None:
    assert fold("Пришёл ЭКРАН") == "пришел екран"


def test_entries_are_cleaned_and_misspellings_folded(tmp_path: Path) -> None:
    path = _write(tmp_path, "groups:\n  - [ПВЗ,  пункт   выдачи]\nmisspellings:\n  Пришол: пришёл\n")
    synonyms, _ = load_synonyms(path)
    assert synonyms.groups == [["ПВЗ", "пункт выдачи"]]
    assert synonyms.misspellings == {"пришол": "пришел"}
    assert load_synonyms(tmp_path / "missing.yml")[0].groups == []


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("groups:\n  - [пвз, пункт выдачи]\n  - [одно]\n", 3, "at least two phrases"),
        ("groups:\n  - [пвз, пункт выдачи]\n  - [постамат, «»]\n", 3, "at least one word"),
        ("groups:\n  - [пвз, 5]\n", 2, "groups[0][5]: «5» is not text. Fix: write the text"),
        ("misspellings:\n  денги: деньги\n  два слова: одно\n", 3, "write one misspelt word"),
        ("groups: []\nsynonyms: []\n", 2, "synonyms"),
        ("groups:\n  - [a, b]\ngroups: []\n", 3, "appears twice"),
        ("groups: [\n", 2, "not valid YAML"),
    ],
)
def test_a_bad_entry_is_an_error_with_its_line(tmp_path: Path, text: str, line: int, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(SynonymsError) as caught:
        load_synonyms(path)
    problems = caught.value.problems  # as data (macros/problems.py), each printed as «path:line: …»
    assert any(str(p).startswith(f"{path}:{line}:") and expected in str(p) for p in problems), problems


def test_the_check_reports_errors_with_file_and_line(project_copy: Path) -> None:
    _write(project_copy, "groups:\n  - [пвз, пункт выдачи]\n  - [одно]\n")
    problems = run_check(NAME, project_copy)
    assert [(p.path, p.line, p.severity) for p in problems] == [(SYNONYMS_FILE, 3, "error")], problems
    assert "at least two phrases" in str(problems[0]) and "Traceback" not in str(problems[0])


def test_a_group_no_guide_contains_is_a_warning(project_copy: Path) -> None:
    _guide(project_copy, "Посылку отдадут в постамате.")
    _write(project_copy, (
        "groups:\n"
        "  - [постамат, почтомат]\n"          # «постамате» in the test guide: found in another form
        "  - [квазимодо, абракадабра]\n"      # nowhere
        "misspellings:\n"
        "  пасылка: посылка\n"                # «посылку» is there
        "  зюзя: зюзюка\n"                    # nowhere
    ))
    problems = run_check(NAME, project_copy)
    assert all(p.severity == "warning" for p in problems)
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [(3, "no"), (6, "«зюзя»")], problems
    assert "квазимодо" in str(problems[0]) and "delete the group" in str(problems[0])
