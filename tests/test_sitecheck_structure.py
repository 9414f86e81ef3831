"""Structure: guides have both variants and a description; every page is in the nav; titles differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import structure
from sitecheck.project import Project

from .conftest import ROOT, BuildResult
from .sitecheck_support import errors_about, only_one, replace_in, run_check

NAME = structure.NAME
GUIDE = "docs/zakaz-poteryalsya.md"


def test_real_site_passes(built_site: BuildResult) -> None:
    problems = run_check(NAME, ROOT, built_site.site)
    assert problems == [], "\n".join(map(str, problems))


def test_real_site_navigation_and_titles_pass() -> None:
    problems = [p for p in run_check(NAME, ROOT) if "guide" not in p.message]
    assert problems == [], "\n".join(map(str, problems))


def test_every_nav_page_but_the_listed_ones_is_a_guide() -> None:
    project = Project(ROOT)
    assert "zakaz-poteryalsya.md" in project.guides and "brak.md" in project.guides
    for page in (
        "index.md",
        "kontakty.md",
        "ustarevshie-kontakty.md",
        "slovar.md",
        "konstruktor-pretenzii.md",
        "pechat.md",
    ):
        assert page in project.not_guides and page not in project.guides


def test_sample_guide_passes(built_site: BuildResult) -> None:
    problems = [p for p in run_check(NAME, ROOT, built_site.site) if p.path == GUIDE]
    assert problems == [], "\n".join(map(str, problems))


def test_guide_without_detailed_variant_in_html(built_copy: Path) -> None:
    replace_in(built_copy / "zakaz-poteryalsya" / "index.html", 'id="podrobno"', 'id="drugoe"')
    problem = only_one(run_check(NAME, ROOT, built_copy), GUIDE, "no detailed variant")
    assert "{ #podrobno }" in problem.fix


def test_guide_without_short_variant_in_html(built_copy: Path) -> None:
    replace_in(built_copy / "zakaz-poteryalsya" / "index.html", 'id="korotko"', 'id="drugoe"')
    assert "short_answer()" in only_one(run_check(NAME, ROOT, built_copy), GUIDE, "no short variant").fix


def test_guide_without_description_in_html(built_copy: Path) -> None:
    html = built_copy / "zakaz-poteryalsya" / "index.html"
    text = html.read_text(encoding="utf-8")
    start = text.index('<meta name="description" content="') + len('<meta name="description" content="')
    end = text.index('"', start)
    replace_in(
        html,
        text[start - len('<meta name="description" content="') : end + 1],
        '<meta name="description" content="Что делать покупателю, если с заказом на Ozon что-то пошло не так"',
    )
    assert only_one(run_check(NAME, ROOT, built_copy), GUIDE, "no description of its own")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("## Подробно { #podrobno }", "## Подробно", "no detailed variant (#podrobno)"),
        ("{{ short_answer() }}", "", "no short variant (#korotko)"),
    ],
)
def test_guide_variants_in_markdown(project_copy: Path, old: str, new: str, expected: str) -> None:
    replace_in(project_copy / GUIDE, old, new)
    assert only_one(run_check(NAME, project_copy), GUIDE, expected)


def test_guide_without_short(project_copy: Path) -> None:
    guide = project_copy / GUIDE
    text = guide.read_text(encoding="utf-8")
    start, end = text.index("short: >-"), text.index("asked:")
    replace_in(guide, text[start:end], "")
    assert only_one(run_check(NAME, project_copy), GUIDE, "has no «short:»")


def test_page_not_in_nav(project_copy: Path) -> None:
    (project_copy / "docs" / "zabytaya.md").write_text(
        "---\ntitle: Забытая страница\n---\n\nТекст.\n", encoding="utf-8"
    )
    problem = only_one(run_check(NAME, project_copy), "docs/zabytaya.md", "not in the navigation")
    assert "mkdocs.yml" in problem.fix


def test_nav_names_missing_page(project_copy: Path) -> None:
    replace_in(project_copy / "mkdocs.yml", "      - dostavka.md\n", "      - dostavka.md\n      - net-takoy.md\n")
    problem = only_one(run_check(NAME, project_copy), "net-takoy.md", "does not exist")
    assert problem.path == "mkdocs.yml" and problem.line > 1


def test_two_pages_share_a_title(project_copy: Path) -> None:
    replace_in(project_copy / "docs" / "slovar.md", "title: Словарь", "title: Заказ  потерялся")
    problem = only_one(run_check(NAME, project_copy), "docs/slovar.md", "also the title of docs/zakaz-poteryalsya.md")
    assert problem.line == 2


def test_non_guide_list_is_what_exempts_a_page(project_copy: Path) -> None:
    replace_in(project_copy / "data" / "not-guides.yml", "  - page: slovar.md\n    why: the glossary\n", "")
    assert errors_about(run_check(NAME, project_copy), "docs/slovar.md", "has no «short:»")


def test_page_without_title(project_copy: Path) -> None:
    replace_in(
        project_copy / "mkdocs.yml", "      - slovar.md\n", "      - Словарь: slovar.md\n      - bez-nazvaniya.md\n"
    )
    (project_copy / "docs" / "bez-nazvaniya.md").write_text("Текст без заголовка.\n", encoding="utf-8")
    assert only_one(run_check(NAME, project_copy), "docs/bez-nazvaniya.md", "has no title")
