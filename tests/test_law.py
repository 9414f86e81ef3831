"""The legal rule register (data/law.yml): its loader, citations, figures, and the check that a change in
the law reaches every page line and builder script that relies on it, in one run.

Mechanism tests use the frozen register in tests/fixtures/contacts/data/law.yml or registers written here; tests
of the real site read what they expect from data/law.yml and the pages (no rule, figure or page is
named by hand here).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from macros import law_schema
from macros.law_citations import expand
from macros.law_data import LAW_FILE, LawError, LawRegister, figure_text, load_law
from macros.law_schema import Figure
from sitecheck import law as law_check
from sitecheck.problems import Problem

from .conftest import ROOT
from .sitecheck_support import append_to, run_check

FIXTURE = ROOT / "tests" / "fixtures" / "contacts" / "data" / "law.yml"  # the fixture project's register


@pytest.fixture(scope="module")
def fixture_register() -> LawRegister:
    return load_law(FIXTURE)


# --- pure functions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "numbers"),
    [
        ("18", ("18",)),
        ("18, 20–23", ("18", "20", "21", "22", "23")),
        ("2.1–2.2", ("2.1", "2.2")),
        ("5 и 6", ("5", "6")),
        ("5-6", ("5", "6")),
        ("1–400", ("1", "400")),  # not a range of 400 articles: a typo shows as two numbers
    ],
)
def test_expand_lists_and_ranges(written: str, numbers: tuple[str, ...]) -> None:
    assert expand(written) == numbers


@pytest.mark.parametrize(
    ("figure", "text"),
    [
        (Figure(value=1, unit="percent"), "1\u00a0%"),
        (Figure(value=0.5, unit="percent"), "0,5\u00a0%"),
        (Figure(value=1, unit="days"), "1\u00a0день"),
        (Figure(value=3, unit="days"), "3\u00a0дня"),
        (Figure(value=11, unit="days"), "11\u00a0дней"),
        (Figure(value=21, unit="days"), "21\u00a0день"),
        (Figure(value=15, unit="working-days"), "15\u00a0рабочих дней"),
        (Figure(value=3, unit="months"), "3\u00a0месяца"),
        (Figure(value=2, unit="years"), "2\u00a0года"),
        (Figure(value=10, unit="years"), "10\u00a0лет"),
        (Figure(value=1000000, unit="rubles"), "1\u00a0000\u00a0000\u00a0₽"),
        (Figure(text="не больше цены"), "не больше цены"),
    ],
)
def test_figures_read_as_russian_sentences_write_them(figure: Figure, text: str) -> None:
    assert figure_text(figure) == text


def test_citation_forms_resolve_to_rules(fixture_register: LawRegister) -> None:
    reg = fixture_register
    # Each rule of the fixture, cited the way the site writes it, finds that rule and nothing unrelated.
    for rule in reg.rules.values():
        written = reg.cite(rule).replace("\u00a0", " ")
        found = reg.find(f"Смотрите {written}, это важно.")
        assert len(found) == 1, (written, found)
        assert rule in reg.rules_for(found[0]), (written, [r.id for r in reg.rules_for(found[0])])


def test_a_list_of_citations_shares_the_act_at_its_end(fixture_register: LawRegister) -> None:
    reg = fixture_register
    articles = sorted({r.article for r in reg.rules.values() if r.act == "zozpp" and r.article and not r.point})
    first = next(r for r in reg.rules.values() if r.act == "zozpp" and r.point)
    text = f"по ст. {articles[0]}, п. {first.point[0]} ст. {first.article} и ст. {articles[-1]}\nЗоЗПП"
    found = reg.find(text)
    assert [c.article for c in found] == [articles[0], first.article, articles[-1]]
    assert all(c.act == "zozpp" for c in found)


def test_a_wrong_point_names_no_rule_and_gets_the_nearest(fixture_register: LawRegister) -> None:
    reg = fixture_register
    rule = next(r for r in reg.rules.values() if r.point and r.article)
    wrong = str(max(int(float(p)) for r in reg.rules.values() for p in r.point) + 7)
    citation = reg.find(f"п. {wrong} ст. {rule.article} {reg.acts[rule.act].cite}")[0]
    assert reg.rules_for(citation) == []
    assert rule in reg.nearest(citation)


# --- the loader -----------------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "law.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _fixture_with(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text, old
    return _write(tmp_path, text.replace(old, new, count))


def test_every_problem_of_the_file_is_reported_at_once_with_its_line(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    lines = text.splitlines()
    # Break three different rules in three different ways; each must be named at its own line.
    status_lines = [i for i, line in enumerate(lines) if line.strip() == "status: confirmed"][:3]
    checked_lines = [i for i, line in enumerate(lines) if line.strip().startswith("checked:")]
    act_lines = [i for i, line in enumerate(lines) if line.startswith("    act: ")]
    lines[status_lines[0]] = lines[status_lines[0]].replace("confirmed", "maybe")
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    lines[checked_lines[-1]] = re.sub(r"\d{4}-\d{2}-\d{2}", tomorrow, lines[checked_lines[-1]])
    lines[act_lines[1]] = "    act: zozp"
    with pytest.raises(LawError) as raised:
        load_law(_write(tmp_path, "\n".join(lines) + "\n"))
    message = str(raised.value)
    assert f":{status_lines[0] + 1}:" in message and "maybe" in message
    assert f":{checked_lines[-1] + 1}:" in message and "in the future" in message
    # An unknown act is a cross-file problem: reported once the fields are valid, with «did you mean».
    lines[status_lines[0]] = lines[status_lines[0]].replace("maybe", "confirmed")
    lines[checked_lines[-1]] = lines[checked_lines[-1]].replace(tomorrow, "2026-01-01")
    with pytest.raises(LawError) as raised:
        load_law(_write(tmp_path, "\n".join(lines) + "\n"))
    assert f":{act_lines[1] + 1}:" in str(raised.value) and "did you mean «zozpp»" in str(raised.value)


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("status: confirmed", "status: unconfirmed", "needs «unconfirmed:»"),
        ("source: https://", "source: http://", "not https"),
        ("gives: >-\n", "gives: <script>x</script>\n    x: >-\n", "unknown field"),
    ],
)
def test_bad_values_are_refused_with_the_fix(tmp_path: Path, old: str, new: str, said: str) -> None:
    with pytest.raises(LawError, match=re.escape(said)):
        load_law(_fixture_with(tmp_path, old, new))


def test_markup_in_a_sentence_is_refused(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    first_title = re.search(r"^    title: .*$", text, re.M)
    assert first_title
    broken = text.replace(first_title.group(0), '    title: "<img src=x onerror=alert(1)>"', 1)
    with pytest.raises(LawError, match="plain text"):
        load_law(_write(tmp_path, broken))


def test_aliases_and_oversized_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(LawError, match="anchor"):
        load_law(_write(tmp_path, "acts: &a [1]\nrules: *a\n"))
    with pytest.raises(LawError, match="more than"):
        load_law(_write(tmp_path, "# " + "x" * 1_100_000 + "\n"))


def test_committed_schema_is_generated_from_the_model() -> None:
    committed = json.loads((ROOT / "schemas" / "law.schema.json").read_text(encoding="utf-8"))
    assert committed == law_schema.json_schema(), "run `make schema` and commit schemas/law.schema.json"


def test_real_register_loads() -> None:
    register = load_law(ROOT / LAW_FILE)
    assert register.rules and register.acts


# --- the check on pages ---------------------------------------------------------------------------------


def _law_problems(project: Path) -> list[Problem]:
    return [p for p in run_check(law_check.NAME, project) if p.severity == "error"]


def _first_guide(project: Path) -> Path:
    return next(p for p in sorted((project / "docs").glob("*.md")) if "reviewed:" in p.read_text(encoding="utf-8"))


def test_the_real_site_passes() -> None:
    problems = _law_problems(ROOT)
    assert problems == [], "\n".join(map(str, problems))


def test_a_figure_next_to_the_wrong_citation_is_refused(project_copy: Path) -> None:
    register = load_law(project_copy / LAW_FILE)
    # Two rules of the register with day figures that differ: the first's figure, cited as the second.
    with_days = [r for r in register.rules.values() if any(f.unit == "days" for f in r.figures.values())]
    first = with_days[0]
    days = next(f for f in first.figures.values() if f.unit == "days")
    second = next(r for r in with_days if all(f.value != days.value for f in r.figures.values()))
    cite = register.cite(second).replace("\u00a0", " ")
    page = _first_guide(project_copy)
    append_to(page, f"\nДеньги вернут за {int(days.value or 0)} дней ({cite}).\n")
    line = page.read_text(encoding="utf-8").count("\n")
    found = [p for p in _law_problems(project_copy) if p.line == line]
    assert len(found) == 1 and second.id in found[0].message and "law_figure" in found[0].fix, found
    # The same figure next to its own rule passes.
    append_to(page, f"\nДеньги вернут за {int(days.value or 0)} дней ({register.cite(first)}).\n")
    assert [p for p in _law_problems(project_copy) if p.line > line] == []


def test_a_citation_of_no_rule_names_the_nearest(project_copy: Path) -> None:
    page = _first_guide(project_copy)
    append_to(page, "\nЭто написано в п. 99 ст. 23.1 ЗоЗПП.\n")
    line = page.read_text(encoding="utf-8").count("\n")
    found = [p for p in _law_problems(project_copy) if p.line == line]
    assert len(found) == 1 and "names no rule" in found[0].message and "nearest:" in found[0].fix


def test_an_unknown_rule_in_a_macro_is_named(project_copy: Path) -> None:
    page = _first_guide(project_copy)
    append_to(page, '\nСм. {{ law("zozpp-23-penalt") }}.\n')
    found = [p for p in _law_problems(project_copy) if "zozpp-23-penalt" in p.message]
    assert len(found) == 1 and "Did you mean" in found[0].fix


def test_a_change_in_the_law_lists_every_use_in_one_run(project_copy: Path) -> None:
    """Give the most-cited rule a new edition from tomorrow: every line that relies on it, on every page,
    and every builder script that names it, is listed in one run; nothing else is."""
    register = load_law(project_copy / LAW_FILE)
    pages = sorted((project_copy / "docs").glob("*.md"))
    uses: dict[str, set[tuple[str, int]]] = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        plain = law_check.blank_jinja(text)
        for citation in register.find(plain):
            for rule in register.rules_for(citation):
                uses.setdefault(rule.id, set()).add(
                    (page.relative_to(project_copy).as_posix(), plain.count("\n", 0, citation.start) + 1)
                )
    rule_id = max(uses, key=lambda r: len(uses[r]))
    pages_touched = {path for path, _ in uses[rule_id]}
    assert len(pages_touched) >= 2, "the test needs a rule cited on two pages"
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    line = register.lines[rule_id]
    law_path = project_copy / LAW_FILE
    lines = law_path.read_text(encoding="utf-8").splitlines()
    end = next((i for i in range(line, len(lines)) if lines[i].startswith("  - id: ")), len(lines))
    block = "\n".join(lines[line - 1 : end])
    item = (
        f"      - by: Федеральный закон от 01.01.2099 № 1-ФЗ\n        in_force: {tomorrow}\n"
        "        what: Правило изменилось, и покупателю нужно знать новое.\n"
    )
    # The newest edition goes last (oldest first), right before «source:», which follows «editions:».
    added = item if "    editions:\n" in block else "    editions:\n" + item
    new_block = block.replace("    source:", added + "    source:", 1)
    law_path.write_text(law_path.read_text(encoding="utf-8").replace(block, new_block, 1), encoding="utf-8")
    found = [p for p in _law_problems(project_copy) if rule_id in p.message and "changed from" in p.message]
    listed = {(p.path, p.line) for p in found if p.path.endswith(".md")}
    assert listed == uses[rule_id], (sorted(uses[rule_id] - listed), sorted(listed - uses[rule_id]))
    assert all("reviewed" in p.fix for p in found)
    scripts = [
        s.relative_to(project_copy).as_posix()
        for folder in law_check.BUILDER_DIRS  # the claim builder's scripts and «Моё дело»'s
        for s in sorted((project_copy / "docs" / folder).glob("*.js"))
        if f'"{rule_id}"' in s.read_text(encoding="utf-8") or f"'{rule_id}'" in s.read_text(encoding="utf-8")
    ]
    assert {p.path for p in found if p.path.endswith(".js")} == set(scripts)


def test_a_page_without_a_review_date_is_told_to_add_one(project_copy: Path) -> None:
    page = _first_guide(project_copy)
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"^reviewed: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    found = [p for p in _law_problems(project_copy) if p.path.endswith(page.name) and "reviewed" in p.message]
    assert len(found) == 1 and "reviewed: YYYY-MM-DD" in found[0].fix


def test_a_broken_register_is_reported_by_the_check_at_its_line(project_copy: Path) -> None:
    path = project_copy / LAW_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: confirmed", "status: sure", 1), encoding="utf-8")
    found = _law_problems(project_copy)
    assert found and all(p.path == LAW_FILE for p in found)
    assert any("sure" in p.message for p in found)


# --- the macros -----------------------------------------------------------------------------------------


@pytest.fixture
def law_env():
    """define_env over the fixture project (tests/fixtures/contacts/: its contacts and its register)."""
    import macros

    from .contact_picks import FIXTURE_ROOT
    from .test_macros import FakeEnv

    fake = FakeEnv(FIXTURE_ROOT)
    macros.define_env(fake)
    return fake


def test_law_macro_cites_the_rule_and_marks_an_unconfirmed_one(law_env, fixture_register: LawRegister) -> None:
    confirmed = next(r for r in fixture_register.rules.values() if r.status == "confirmed")
    html = law_env.macros["law"](confirmed.id)
    assert fixture_register.cite(confirmed) in html and "не подтверждено" not in html
    unconfirmed = next(r for r in fixture_register.rules.values() if r.status == "unconfirmed")
    html = law_env.macros["law"](unconfirmed.id)
    assert "не подтверждено" in html and "title=" not in html
    assert law_env.page.meta["rules_used"] == [confirmed.id, unconfirmed.id]


def test_law_figure_renders_from_the_register(law_env, fixture_register: LawRegister) -> None:
    import macros

    rule = next(r for r in fixture_register.rules.values() if r.figures)
    name, figure = next(iter(rule.figures.items()))
    assert law_env.macros["law_figure"](rule.id, name) == figure_text(figure)
    with pytest.raises(macros.MacroUsageError, match="has no figure «nope».*its figures"):
        law_env.macros["law_figure"](rule.id, "nope")
    with pytest.raises(macros.MacroUsageError, match="no rule with this id.*Did you mean"):
        law_env.macros["law"](rule.id[:-1])


def test_law_changes_lists_each_edition_of_the_year(law_env, fixture_register: LawRegister) -> None:
    editions = [(r, e) for r in fixture_register.rules.values() for e in r.editions]
    rule, edition = editions[0]
    html = law_env.macros["law_changes"](str(edition.in_force.year))
    assert html.count("<li>") == sum(1 for _, e in editions if e.in_force.year == edition.in_force.year)
    assert fixture_register.cite(rule) in html
    assert "не записано" in law_env.macros["law_changes"]("1999")


def test_the_builder_gets_the_rules_its_scripts_name(tmp_path: Path, fixture_register: LawRegister) -> None:
    from macros.claim_data import claim_data
    from macros.contacts_data import load_contacts

    from .contact_picks import FIXTURE_CONTACTS

    named = sorted(fixture_register.rules)[:2]
    (tmp_path / "a.js").write_text(f"// reviewed: 2026-12-07\nconst A = \"{named[0]}\";\nconst B = '{named[1]}';\n")
    (tmp_path / "b.js").write_text('const other = "not-a-rule-id";\n')
    data = claim_data(load_contacts(FIXTURE_CONTACTS), {}, dt.date(2026, 12, 7), fixture_register, tmp_path)
    law = data["law"]
    assert isinstance(law, dict) and sorted(law) == named
    rule = fixture_register.rules[named[0]]
    assert law[named[0]]["cite"] == fixture_register.cite(rule).replace("\u00a0", " ")
    assert law[named[0]]["status"] == rule.status


def test_law_edition_names_the_newest_change(law_env, fixture_register: LawRegister) -> None:
    import macros

    changed = next(r for r in fixture_register.rules.values() if r.editions)
    html = law_env.macros["law_edition"](changed.id)
    newest = changed.editions[-1]
    assert html.startswith("в ред. ") and newest.in_force.strftime("%d.%m.%Y") in html
    assert newest.by.split(" от ", 1)[1] in html  # «от 28.12.2025 № 500-ФЗ», whatever the law
    unchanged = next(r for r in fixture_register.rules.values() if not r.editions)
    with pytest.raises(macros.MacroUsageError, match="records no edition"):
        law_env.macros["law_edition"](unchanged.id)


def test_unconfirmed_rules_cited_by_hand_are_one_warning_each(project_copy: Path) -> None:
    register = load_law(project_copy / LAW_FILE)
    rule = next(r for r in register.rules.values() if r.status == "confirmed" and r.article)
    page = _first_guide(project_copy)
    cite = register.cite(rule).replace("\u00a0", " ")
    append_to(page, f"\nСм. {cite}.\n\nЕщё раз: {cite}.\n")
    path = project_copy / LAW_FILE
    line = register.lines[rule.id]
    lines = path.read_text(encoding="utf-8").splitlines()
    end = next((i for i in range(line, len(lines)) if lines[i].startswith("  - id: ")), len(lines))
    status = next(i for i in range(line, end) if lines[i].strip() == "status: confirmed")
    lines[status] = '    status: unconfirmed\n    unconfirmed: "Проверка теста."'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warned = [p for p in run_check(law_check.NAME, project_copy) if p.severity == "warning" and rule.id in p.message]
    assert len(warned) == 1 and warned[0].path == LAW_FILE and warned[0].line == line
    assert page.name in warned[0].message and f'law("{rule.id}")' in warned[0].fix


def test_a_citation_of_an_act_the_register_lacks_is_named(project_copy: Path) -> None:
    """Every citation form the content check accepts is held to the register, acts it lacks included."""
    page = _first_guide(project_copy)
    register = load_law(project_copy / LAW_FILE)
    absent = [
        name
        for name in ("АПК РФ", "Закона № 999-ФЗ", "КоАП РФ")
        if name not in {a.cite for a in register.acts.values()}
    ]
    known = register.cite(next(r for r in register.rules.values() if r.article)).replace("\u00a0", " ")
    append_to(page, f"\nЭто и {known}, " + ", ".join(f"и ч. 1 ст. 3 {name}" for name in absent) + ".\n")
    line = page.read_text(encoding="utf-8").count("\n")
    found = [p for p in _law_problems(project_copy) if p.line == line]
    assert len(found) == len(absent) >= 2 and all("does not list" in p.message for p in found), found
    assert all("acts:" in p.fix for p in found)


def test_days_next_to_a_rule_that_is_a_rate_are_refused(project_copy: Path) -> None:
    """The issue's own case, as a class: a figure of a kind the cited rule does not have («10 дней» next to a
    penalty rate) is refused; next to a rule with no numbers at all (how to count days) it is not judged."""
    register = load_law(project_copy / LAW_FILE)
    rate_only = next(
        r
        for r in register.rules.values()
        if r.figures and {f.unit for f in r.figures.values() if f.value} == {"percent"}
    )
    no_numbers = next(r for r in register.rules.values() if r.article and not r.figures)
    page = _first_guide(project_copy)
    append_to(page, f"\nДеньги вернут за 10 дней ({register.cite(rate_only)}).\n")
    wrong = page.read_text(encoding="utf-8").count("\n")
    append_to(page, f"\nСчитайте 10 дней со следующего дня ({register.cite(no_numbers)}).\n")
    found = [p for p in _law_problems(project_copy) if p.path.endswith(page.name) and p.line >= wrong]
    assert [p.line for p in found] == [wrong] and rate_only.id in found[0].message


def test_the_build_stops_on_register_errors_so_make_serve_shows_them(project_copy: Path) -> None:
    """ozon/law_check runs the same check at the end of every build (serve shows a failed build's problems)."""
    from mkdocs.exceptions import PluginError

    from ozon_help.plugins.law_check.plugin import LawCheckPlugin

    hook = LawCheckPlugin()
    config = {"config_file_path": str(project_copy / "mkdocs.yml")}
    hook.on_post_build(config=config)  # type: ignore[arg-type]  # the real project: nothing to report
    page = _first_guide(project_copy)
    append_to(page, "\nЭто написано в п. 99 ст. 23.1 ЗоЗПП.\n")
    line = page.read_text(encoding="utf-8").count("\n")
    with pytest.raises(PluginError, match=rf"docs/{page.name}:{line}: «п\. 99 ст\. 23\.1 ЗоЗПП» names no rule"):
        hook.on_post_build(config=config)  # type: ignore[arg-type]
