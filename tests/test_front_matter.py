"""One model of a page's front matter (macros/front_matter.py): read by the build, the checker and search.

A guide is a page with «short:»; a front matter YAML cannot read, or a key of the wrong type, stops
the build with docs/X.md:LINE and the fix, and no traceback.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.utils import meta as mkdocs_meta

from ozon_help.plugins.search_ru import page_text as search_page
from ozon_help.plugins.serve_dirty import dirty as serve_dirty
from macros import front_matter
from macros.front_matter import FrontMatterError, front_matter_block, is_guide, parse, read
from sitecheck import html_links, structure
from sitecheck.project import Project

from .conftest import ROOT, build
from .page_picks import first_guide
from .refused_front_matter_copy import ALIAS_BOMB, IMPOSSIBLE_DATE, RefusedFrontMatter
from .refused_front_matter_copy import GROUP as REFUSED_GROUP
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
    assert search_page.page_info("x/", meta).is_guide is guide
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


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
@pytest.mark.xdist_group(REFUSED_GROUP)
def test_impossible_date_stops_the_build_with_the_line(refused_front_matter: RefusedFrontMatter) -> None:
    result, page = refused_front_matter.result, refused_front_matter.impossible_date
    assert not result.ok
    line = _line_of(refused_front_matter.project / page, IMPOSSIBLE_DATE)  # 2: the guide's title is its first key
    assert f"{page}:{line}: «2026-02-30» is not a real date" in result.output
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


def _line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


# --- one reader, on MkDocs' own delimiters ------------------------------------------------------------

# What MkDocs may meet at the top of a page: every way to close the block, spaces after a delimiter, a
# closing line that is not one, no front matter at all.
TOPS = [
    "---\ntitle: X\n---\n\nТекст.\n",
    "---\ntitle: X\n...\n\nТекст.\n",
    "--- \t\ntitle: X\n... \nТекст.\n",
    "---\ntitle: X\n----\nТекст.\n---\n",
    "---\ntitle: X\n. . .\nТекст.\n",
    "----\ntitle: X\n---\n",
    "\n---\ntitle: X\n---\n",
    "# Заголовок\n\nТекст.\n",
]


def test_the_pattern_is_mkdocs_own() -> None:
    assert front_matter.FRONT_MATTER.pattern == mkdocs_meta.YAML_RE.pattern
    assert front_matter.FRONT_MATTER.flags == mkdocs_meta.YAML_RE.flags


@pytest.mark.parametrize("text", TOPS)
def test_the_block_is_found_where_mkdocs_finds_it(text: str) -> None:
    body, meta = mkdocs_meta.get_data(text)
    found = front_matter_block(text)
    if meta:
        assert found is not None and read(text, "docs/x.md") == meta
        assert text[found[1] :].lstrip("\n") == body
    elif found is not None:  # a block MkDocs drops in silence: the build says what is wrong, or reads nothing
        try:
            assert read(text, "docs/x.md") == {}
        except FrontMatterError as error:
            assert str(error).startswith("docs/x.md:") and "Fix: " in str(error)


@pytest.mark.parametrize("closing", ["---", "..."])
def test_alias_bomb_is_refused_whatever_closes_the_block(closing: str) -> None:
    from .test_safety import ALIAS_BOMB

    started = time.perf_counter()
    with pytest.raises(FrontMatterError, match=r"^docs/x.md:2: «&a» marks an entry to repeat"):
        read(f"---\n{ALIAS_BOMB}{closing}\n\nТекст.\n", "docs/x.md")
    assert time.perf_counter() - started < 1, "the bomb was expanded"


@pytest.mark.parametrize("closing", ["---", "..."])
def test_types_are_checked_whatever_closes_the_block(closing: str) -> None:
    with pytest.raises(FrontMatterError, match=r"^docs/x.md:3: «booklet»"):
        read(f"---\ntitle: X\nbooklet: да\n{closing}\n\nТекст.\n", "docs/x.md")


def test_a_dirty_serve_sees_a_front_matter_closed_with_dots(tmp_path: Path) -> None:
    page = tmp_path / "x.md"
    page.write_text("---\ntitle: X\n...\n\nТекст.\n", encoding="utf-8")
    assert serve_dirty._front_matter(SimpleNamespace(abs_src_path=str(page))) == "title: X\n"


def test_each_page_text_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = front_matter._parse_block

    def counted(text: str, where: str) -> dict[str, object]:
        parsed.append(text)
        return real(text, where)

    monkeypatch.setattr(front_matter, "_parse_block", counted)
    text = "---\ntitle: Один раз\nasked: [фраза]\n---\n\nТекст.\n"
    first = read(text, "docs/once.md")
    first["asked"].append("чужая правка")  # a caller's change must not reach the next caller
    assert read(text, "docs/once.md") == {"title": "Один раз", "asked": ["фраза"]}
    assert read(text, "/abs/docs/once.md") == {"title": "Один раз", "asked": ["фраза"]}  # hooks name it two ways
    assert parsed == [text]
    bad = "---\nbooklet: да\n...\n"
    for where in ("docs/bad.md", "docs/bad.md", "/abs/docs/bad.md"):
        with pytest.raises(FrontMatterError) as refused:
            read(bad, where)
        assert str(refused.value).startswith(f"{where}:2: «booklet»"), refused.value
        assert "\0" not in str(refused.value)
    assert parsed == [text, bad]


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
@pytest.mark.xdist_group(REFUSED_GROUP)
def test_alias_bomb_closed_with_dots_stops_the_build_with_the_line(refused_front_matter: RefusedFrontMatter) -> None:
    result, page = refused_front_matter.result, refused_front_matter.bomb_closed_with_dots
    assert (refused_front_matter.project / page).read_text(encoding="utf-8").startswith("---\n" + ALIAS_BOMB)
    assert not result.ok
    assert f"{page}:2: «&a» marks an entry to repeat" in result.output and "Traceback" not in result.output
