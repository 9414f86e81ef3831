"""Search quality (bench/search_quality.py): a guide's own `asked:` phrases find it first, and the hit rate
over every buyer's query is compared with the accepted run, failing only on a clear drop.

The rules are checked on made-up runs (pure functions); one project copy (tests/editors_copy.py) proves that
a correct new guide whose words overlap other guides' passes the build, sitecheck and search quality the
first time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import search_quality as quality
from bench.search import HELD_OUT, QUERIES, load_queries
from sitebuild import copy_project

from .conftest import ROOT
from .editors_copy import GROUP as EDITORS_GROUP
from .editors_copy import NEW_GUIDE, NEW_QUERY, EditorsCopy
EDITING_GUIDE = ROOT / "EDITING.md"  # the editors' manual: «Add a guide» and «Search» (README links it)


def ranked(part: str, text: str, rank: int, slug: str = "brak", first: str = "dostavka") -> quality.Ranked:
    return quality.Ranked(part, text, slug, rank, slug if rank == 1 else first)


def run_of(ranks: list[int]) -> list[quality.Ranked]:
    return [ranked("tuned", f"запрос {n}", rank) for n, rank in enumerate(ranks)]


def accepted_of(run: list[quality.Ranked]) -> dict[tuple[str, str, str], int]:
    return {o.key: o.rank for o in run}


# --- the accepted run and what changed since ------------------------------------------------------


def test_a_new_miss_says_where_the_query_was_and_is() -> None:
    before = accepted_of([ranked("tuned", "пришел брак", 1), ranked("held-out", "вещь сломана", 3)])
    now = [ranked("tuned", "пришел брак", 2), ranked("held-out", "вещь сломана", 1)]
    lines = quality.changes(before, now)
    assert lines == [
        "новый промах: «пришел брак» → docs/brak.md: был 1-м, стал 2-м; первым теперь docs/dostavka.md",
        "исправлено: «вещь сломана» → docs/brak.md: был 3-м, стал 1-м",
    ]


def test_unchanged_new_and_removed_queries() -> None:
    before = accepted_of([ranked("tuned", "как было", 2), ranked("tuned", "убрали", 1)])
    now = [ranked("tuned", "как было", 2), ranked("tuned", "добавили", 0)]
    assert quality.changes(before, now) == [
        "новый запрос: «добавили» → docs/brak.md: не найден; первым теперь docs/dostavka.md",
        "запрос убран: «убрали» → docs/brak.md (tuned)",
    ]


@pytest.mark.parametrize("size", [10, 34, 165, 1000])
def test_one_query_moving_one_place_never_fails(size: int) -> None:
    before = run_of([1] * size)
    now = run_of([2] + [1] * (size - 1))  # the worst case: the one query that drops off the top
    assert quality.drops(accepted_of(before), now) == []
    assert quality.drops(accepted_of(before), run_of([1] * size)) == []


def test_a_clear_drop_fails_and_says_what_to_do() -> None:
    before = run_of([1] * 100)
    now = run_of([2] * 4 + [1] * 96)  # 4 points of hit@1, hit@3 unchanged
    found = quality.drops(accepted_of(before), now)
    assert len(found) == 1 and "hit@1 of all queries fell from 100.0 % (the accepted run) to 96.0 %" in found[0]
    assert "новый промах" in found[0] and "make accept-search" in found[0]
    assert quality.drops(accepted_of(before), run_of([2] * 3 + [1] * 97)) == []  # exactly the limit: not clear


def test_the_drop_is_measured_over_both_parts() -> None:
    before = [ranked("tuned", str(n), 1) for n in range(50)] + [ranked("held-out", str(n), 1) for n in range(50)]
    now = [ranked("tuned", str(n), 1) for n in range(50)] + [ranked("held-out", str(n), 4) for n in range(50)]
    assert len(quality.drops(accepted_of(before), now)) == 2  # hit@1 and hit@3


def test_report_gives_both_parts_and_the_limit() -> None:
    now = [ranked("tuned", "а", 1), ranked("tuned", "б", 2), ranked("held-out", "в", 1)]
    lines = quality.report(accepted_of(now), now)
    assert f"more than {quality.DROP_LIMIT:g} points" in lines[0]
    assert [line.split()[0] for line in lines[1:4]] == ["tuned", "held-out", "all"]
    assert "hit@1  50.0 %, hit@3 100.0 %" in lines[1] and "accepted:  50.0 %, 100.0 %" in lines[1]
    assert len(lines) == 4  # nothing moved


def test_accepted_run_round_trips_and_a_bad_one_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "accepted.json"
    now = [ranked("held-out", "вещь «сломана»", 0), ranked("tuned", "пришел брак", 1)]
    quality.write_accepted(now, path)
    assert quality.read_accepted(path) == accepted_of(now)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 4  # one query a line
    path.write_text('{"ranks": [{"q": 1}]}', encoding="utf-8")
    with pytest.raises(ValueError, match=r":1: not an accepted run .*make accept-search"):
        quality.read_accepted(path)
    path.write_text(" " * (quality.MAX_ACCEPTED_BYTES + 1), encoding="utf-8")
    with pytest.raises(ValueError, match="larger than"):
        quality.read_accepted(path)


# --- asked: phrases, the editor's part ---------------------------------------------------------------


def test_an_asked_phrase_that_finds_another_page_first_is_an_error_at_its_line() -> None:
    phrases = [
        quality.AskedPhrase("docs/brak.md", 9, "пришел брак", "brak"),
        quality.AskedPhrase("docs/brak.md", 10, "отказали в возврате", "brak"),
        quality.AskedPhrase("docs/brak.md", 11, "ничего", "brak"),
    ]
    pages = [["brak", "dostavka"], ["prodavec", "brak"], []]
    problems = quality.asked_problems(phrases, pages, {"prodavec": "Продавец отказал"})
    assert len(problems) == 2
    assert problems[0].startswith("docs/brak.md:10: the asked phrase «отказали в возврате» finds docs/prodavec.md")
    assert "«Продавец отказал»" in problems[0] and "number 2" in problems[0] and "Fix: " in problems[0]
    assert problems[1].startswith("docs/brak.md:11: ") and "finds no page first" in problems[1]


def test_asked_phrases_carry_their_lines(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", ("docs", "mkdocs.yml", "data"))
    phrases, titles = quality.asked_phrases(project)
    assert phrases and titles
    for phrase in phrases:
        lines = (project / phrase.where).read_text(encoding="utf-8").splitlines()
        assert phrase.phrase in lines[phrase.line - 1]


# --- the query files ---------------------------------------------------------------------------------


def test_both_query_parts_lead_to_pages_that_exist() -> None:
    for path in (QUERIES, HELD_OUT):
        for query in load_queries(path):
            assert (ROOT / "docs" / f"{query.slug}.md").is_file(), f"{path.name}: no docs/{query.slug}.md"


def test_query_files_refuse_aliases_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_text("- &a {q: брак, slug: brak}\n- *a\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"q.yml:1: «&a»"):
        load_queries(path)


def test_editing_guide_states_the_limit_and_the_figures_the_check_uses() -> None:
    editing = " ".join(EDITING_GUIDE.read_text(encoding="utf-8").split())
    assert f"more than {quality.DROP_LIMIT:g} points below the accepted run" in editing
    assert "make accept-search" in editing and quality.ACCEPTED.name in editing
    accepted = quality.read_accepted()
    share = {
        (part, within): quality.hit_share([rank for (got, _, _), rank in accepted.items() if got == part], within)
        for part in quality.PARTS
        for within in (1, 3)
    }
    figures = (
        f"tuned hit@1 {share['tuned', 1]:.1f} %, hit@3 {share['tuned', 3]:.1f} %; "
        f"held-out {share['held-out', 1]:.1f} % and {share['held-out', 3]:.1f} %"
    )
    assert figures in editing, f"EDITING.md «Search» must quote the accepted run after make accept-search: {figures}"


def test_editing_guide_example_guide_is_one_the_site_does_not_have() -> None:
    editing = EDITING_GUIDE.read_text(encoding="utf-8")
    assert f"(`{NEW_GUIDE.name}`" in editing and f"slug: {NEW_GUIDE.stem}}}" in editing
    assert not (ROOT / "docs" / NEW_GUIDE.name).exists(), f"docs/{NEW_GUIDE.name} exists: pick another example"


# --- a correct guide passes the first time -----------------------------------------------------------


@pytest.mark.xdist_group(EDITORS_GROUP)
def test_a_correct_guide_whose_words_overlap_others_passes_make_check(editors_copy: EditorsCopy) -> None:
    """What an editor does by EDITING.md «Add a guide» (the file, nav, queries; tests/editors_copy.py, which also
    changes every contact that day), then what make check runs on it: the build, sitecheck, search quality."""
    assert NEW_GUIDE.name == Path(editors_copy.new_guide).name
    result = editors_copy.result
    assert result.ok, result.output[-3000:]
    assert (result.site / NEW_GUIDE.stem / "index.html").is_file()
    for name, run in (("sitecheck", editors_copy.sitecheck), ("bench.search_quality", editors_copy.quality)):
        assert run.returncode == 0, f"python -m {name}:\n{run.output[-6000:]}"
    assert f"новый запрос: «{NEW_QUERY}»" in editors_copy.quality.output
    accepted = json.loads((editors_copy.project / "bench" / quality.ACCEPTED.name).read_text(encoding="utf-8"))
    assert accepted == json.loads(quality.ACCEPTED.read_text(encoding="utf-8"))  # nothing was re-accepted
