"""One model of a page's front matter (macros/front_matter.py): read by the build, the checker and search.

A guide is a page with «short:»; a front matter YAML cannot read, or a key of the wrong type, stops
the build with docs/X.md:LINE and the fix, and no traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks import search_ru
from macros.front_matter import FrontMatterError, is_guide, parse, read
from sitecheck import html_links, structure
from sitecheck.project import Project

from .conftest import ROOT, build
from .page_picks import first_guide
from .sitecheck_support import errors_about, only_one, replace_in, run_check

GUIDE = first_guide(ROOT)  # the guide the build renders first: a build that stops there stops early


def test_every_real_page_has_valid_front_matter() -> None:
    for path in sorted((ROOT / "docs").rglob("*.md")):
        read(path.read_text(encoding="utf-8"), str(path))


def test_the_model_reads_what_the_project_uses() -> None:
    page = parse({"title": "Брак", "short": "Ответ.", "asked": "одна фраза", "search": {"boost": 2, "exclude": False}})
    assert page.is_guide and page.asked == ["одна фраза"] and page.search_boost == 2.0
    assert parse({"title": "Словарь", "hide": ["toc"]}).is_guide is False  # Material's keys pass through
    assert parse({"booklet": True}).booklet


@pytest.mark.parametrize(
    ("meta", "guide"),
    [
        ({"short": "Ответ."}, True),
        ({"short": "  "}, False),
        ({"short": None}, False),
        ({}, False),
        ({"title": "x"}, False),
    ],
)
def test_what_is_a_guide_is_answered_once(meta: dict[str, object], guide: bool) -> None:
    assert is_guide(meta) is guide
    assert parse(meta).is_guide is guide
    assert search_ru.page_info("x/", meta).is_guide is guide
    assert Project(ROOT).pages[GUIDE.removeprefix("docs/")].is_guide


@pytest.mark.parametrize(
    ("front", "line", "expected", "fix"),
    [
        ("title: X\nupdated: 2026-02-30\n", 3, "«2026-02-30» is not a real date", "YYYY-MM-DD"),
        ("title: X\nasked: {a: b}\n", 3, "«asked»", "one phrase a line"),
        ("title: X\nshort: Ответ.\nbooklet: да\n", 4, "«booklet»", "booklet: true"),
        ("title: X\nguide: false\n", 3, "«guide»", "delete the line"),
        ("title: [X\n", 3, "not valid YAML", "quotes"),
        ("title: X\nsearch: {boost: много}\n", 3, "«search»", "search: {boost: 0.5}"),
    ],
)
def test_bad_front_matter_names_line_and_fix(front: str, line: int, expected: str, fix: str) -> None:
    with pytest.raises(FrontMatterError) as caught:
        read(f"---\n{front}---\n\nТекст.\n", "docs/x.md")
    message = str(caught.value)
    assert message.startswith(f"docs/x.md:{line}: ") and expected in message
    assert fix in message.split(" Fix: ", 1)[1]


def test_impossible_date_stops_the_build_with_the_line(project_copy: Path) -> None:
    replace_in(project_copy / GUIDE, "title: ", "updated: 2026-02-30\ntitle: ", 1)
    result = build(project_copy)
    assert not result.ok
    assert f"{GUIDE}:2: «2026-02-30» is not a real date" in result.output
    assert "Traceback" not in result.output


def test_wrong_type_is_a_checker_problem_with_line(project_copy: Path) -> None:
    replace_in(project_copy / GUIDE, "asked:", "booklet: может быть\nasked:", 1)
    problem = only_one(run_check(structure.NAME, project_copy), GUIDE, "«booklet»")
    assert problem.line > 1 and "booklet: true" in problem.fix


def test_guide_without_detailed_variant_stops_the_build_naming_the_guide(project_copy: Path) -> None:
    replace_in(project_copy / GUIDE, "## Подробно { #podrobno }", "## Подробно")
    result = build(project_copy)
    assert not result.ok
    errors = [line for line in result.output.splitlines() if "ERROR" in line or "docs/" in line]
    assert any(GUIDE in line and "{ #podrobno }" in line for line in errors), result.output
    assert not any("index.md" in line or "pechat.md" in line for line in errors), result.output


def test_guide_without_detailed_variant_is_reported_against_the_guide_only(built_copy: Path) -> None:
    """The home page links to every guide's #podrobno; the missing heading is the guide's problem."""
    project = Project(ROOT)
    built = project.built_page(built_copy, GUIDE.removeprefix(project.docs_prefix + "/"))
    replace_in(built, 'id="podrobno"', 'id="drugoe"')
    assert only_one(run_check(structure.NAME, ROOT, built_copy), GUIDE, "no detailed variant")
    assert errors_about(run_check(html_links.NAME, ROOT, built_copy), "podrobno") == []
