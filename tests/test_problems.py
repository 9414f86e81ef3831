"""The one problem type and the one pydantic-error formatter (macros/problems.py), and the one reader of YAML
record lists (macros/yaml_records.py): pure functions, no project copy, no build."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from macros.contacts_data import ContactsError, load_contacts
from macros.law_data import LawError, load_law
from macros.problems import Problem, ProblemsError, Wording, problems_in, pydantic_problems
from macros.yaml_records import MAX_RECORDS_BYTES, Records, read_records
from macros.yaml_source import read_yaml

from .conftest import ROOT


class Phone(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["phone"]
    id: str = Field(pattern=r"^[a-z-]+$")
    number: str


class Web(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["web"]
    id: str = Field(pattern=r"^[a-z-]+$")
    url: str = Field(pattern=r"^https://")
    kind: Literal["shop", "bank"] = "shop"


class Book(BaseModel):
    model_config = ConfigDict(extra="forbid")
    channels: list[Annotated[Phone | Web, Field(discriminator="type")]]
    words: dict[str, int] = Field(default_factory=dict)


WORDING = Wording(
    id_example="ozon-chat", patterns={"url": ("a web address", "write https://…")}, choices={"type": ("phone", "web")}
)


def problems_of(text: str, tmp_path: Path) -> list[Problem]:
    path = tmp_path / "book.yml"
    path.write_text(text, encoding="utf-8")
    document = read_yaml(path)
    with pytest.raises(ValidationError) as caught:
        Book.model_validate(document.data)
    return pydantic_problems(caught.value, document.data, document.line_of, "data/book.yml", WORDING, check="x")


BOOK = """channels:
  - type: phone
    id: ozon-phone
    number: "+7 800"
  - type: web
    id: bank-site
    url: https://bank.example
"""


@pytest.mark.parametrize(
    ("change", "line", "says"),
    [
        # a discriminated union's tag («phone») is not a key of the file: the line is the field's own
        (
            ('    number: "+7 800"\n', ""),
            2,
            "channels[ozon-phone].number: required field «number» is missing. Fix: add it",
        ),
        (
            ("    id: bank-site\n", "    id: Bank_Site\n"),
            6,
            "channels[Bank_Site].id: «Bank_Site» is not a valid id. "
            "Fix: use Latin lower-case words joined by «-», like ozon-chat",
        ),
        (
            ("    url: https://bank.example\n", "    url: bank\n"),
            7,
            "channels[bank-site].url: «bank» is not a web address. Fix: write https://…",
        ),
        (
            ("    id: bank-site\n", "    id: bank-site\n    colour: red\n"),
            7,
            "channels[bank-site].colour: unknown field «colour». Fix: delete it or check its spelling",
        ),
        (
            ("    id: bank-site\n", "    id: bank-site\n    kind: cafe\n"),
            7,
            "channels[bank-site].kind: «cafe» is not allowed here. Fix: write 'shop' or 'bank'",
        ),
        (
            ("  - type: web\n", "  - type: fax\n"),
            5,
            "channels[bank-site]: unknown type «fax». Fix: write one of: phone, web",
        ),
        (
            ("  - type: web\n", "  - tipe: web\n"),
            5,
            "channels[bank-site]: «type:» is missing. Fix: write one of: phone, web",
        ),
        (
            ("channels:\n", "words: {ok: 1, bad: x}\nchannels:\n"),
            1,
            "words.bad: «x» is not a whole number. Fix: write digits",
        ),
    ],
)
def test_a_pydantic_error_is_a_problem_at_the_line_of_its_value(
    tmp_path: Path, change: tuple[str, str], line: int, says: str
) -> None:
    problems = problems_of(BOOK.replace(*change, 1), tmp_path)
    assert any(p.line == line and says in str(p) and p.path == "data/book.yml" for p in problems), problems
    assert all(p.check == "x" and p.severity == "error" for p in problems)


def test_an_entry_without_an_id_is_named_by_its_first_value_and_a_long_value_is_cut(tmp_path: Path) -> None:
    long = "a" * 100
    problems = problems_of(f"channels:\n  - {long}\n  - 5\n", tmp_path)
    shown = [str(p) for p in problems]
    assert any("channels[aaaaaaaa" in s and "…]" in s and "«key: value» lines" in s for s in shown), shown
    assert any(s.startswith("data/book.yml:3: channels[5]:") for s in shown), shown
    assert all(long not in s for s in shown)  # a wrong value is quoted in short


def test_each_problem_once_in_the_order_of_the_file(tmp_path: Path) -> None:
    problems = problems_of("channels:\n  - {type: web, id: B, url: x}\n  - {type: phone, id: C}\n", tmp_path)
    assert problems == sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


def test_a_problem_prints_once_at_the_edge_and_moves_as_data() -> None:
    problem = Problem("data/x.yml", 3, "«a» is wrong.", "write b")
    assert str(problem) == "data/x.yml:3: «a» is wrong. Fix: write b"
    assert str(Problem("a.md", 1, "odd", severity="warning")) == "a.md:1: warning: odd."
    assert str(Problem("docs/a.md", 0, "somewhere in the page")) == "docs/a.md: somewhere in the page."  # no line known
    moved = problem.moved(path="data/y.yml", check="data", offset=1)
    assert moved == Problem("data/y.yml", 4, "«a» is wrong.", "write b", check="data")


def test_the_problems_of_an_error_are_found_through_what_it_was_raised_from() -> None:
    inner = ProblemsError([Problem("data/x.yml", 2, "bad")])
    assert str(inner) == "data/x.yml:2: bad."
    try:
        try:
            raise inner
        except ProblemsError as error:
            raise RuntimeError("wrapped") from error
    except RuntimeError as outer:
        assert problems_in(outer) == inner.problems
    assert problems_in(ValueError("plain")) == ()


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        (("contacts.yml", "    channels:\n", "    channels:\n      - id: Bad_Id\n        type: fax\n"), ContactsError),
        (("law.yml", "acts:\n", "acts:\n  - id: x\n    colour: red\n"), LawError),
    ],
)
def test_the_data_loaders_raise_problems_as_data(tmp_path: Path, edit: tuple[str, str, str], error: type) -> None:
    name, old, new = edit
    path = tmp_path / name
    path.write_text((ROOT / "data" / name).read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    loader = load_contacts if error is ContactsError else load_law
    with pytest.raises(error) as caught:
        loader(path)
    problems = getattr(caught.value, "problems", ())
    assert problems and all(isinstance(p, Problem) and p.line > 1 for p in problems)
    assert str(caught.value) == "\n".join(map(str, problems))


# --- a YAML list of records ---------------------------------------------------------------------------------


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z]+$")
    why: str = Field(min_length=3)


class Entries(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: list[Entry]


def read(tmp_path: Path, text: str) -> Records[Entries]:
    path = tmp_path / "list.yml"
    path.write_text(text, encoding="utf-8")
    return read_records(path, "data/list.yml", Entries, "structure")


def test_every_bad_record_is_refused_at_its_own_line_in_one_run(tmp_path: Path) -> None:
    records = read(
        tmp_path,
        "entries:\n  - id: one\n    why: fine\n  - id: Two\n    why: ok\n  - id: one\n    why: again\nother: 1\n",
    )
    assert records.content is None
    found = {(p.line, p.message.split(":")[0]) for p in records.problems}
    assert found == {(4, "entries[Two].id"), (5, "entries[Two].why"), (6, "id «one» is used twice (also line 2)"),
                     (8, "other")}, records.problems
    assert all(p.path == "data/list.yml" and p.check == "structure" for p in records.problems)


def test_a_good_list_gives_its_records_and_their_lines(tmp_path: Path) -> None:
    records = read(tmp_path, "# a comment\nentries:\n  - id: one\n    why: fine\n\n  - {id: two, why: fine}\n")
    assert records.problems == [] and records.content is not None
    assert [entry.id for entry in records.content.entries] == ["one", "two"] and records.lines == (3, 6)


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("entries: x\n", 1, "entries: this should be a list"),
        ("- a\n", 1, "the file: this should be «key: value» lines"),
        ("entries:\n  - &a {id: a, why: abc}\n  - *a\n", 2, "«&a» marks an entry"),
        ("entries: [\n", 2, "not valid YAML"),
        ("entries: []\nentries: []\n", 2, "appears twice"),
    ],
)
def test_a_file_of_the_wrong_shape_is_a_problem_at_its_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    records = read(tmp_path, text)
    assert records.content is None
    assert any(p.line == line and says in str(p) for p in records.problems), records.problems


def test_no_file_is_no_list_and_a_huge_one_is_refused_unread(tmp_path: Path) -> None:
    assert read_records(tmp_path / "none.yml", "data/none.yml", Entries).problems == []
    records = read(tmp_path, "entries: []\n" + "#" * MAX_RECORDS_BYTES)
    assert records.content is None and "larger than" in str(records.problems[0])


def test_front_matter_problems_are_data_named_after_the_page_that_asked() -> None:
    from macros.front_matter import FrontMatterError, read

    text = "---\ntitle: X\nbooklet: да\nsearch: {boost: много}\n---\n\nТекст.\n"
    for where in ("docs/a.md", "docs/b.md"):  # one parse of the text, cached; each caller gets its own path
        with pytest.raises(FrontMatterError) as caught:
            read(text, where)
        found = {(p.path, p.line, p.message.split(":")[0]) for p in caught.value.problems}
        assert found == {(where, 3, "«booklet»"), (where, 4, "«search».boost")}, caught.value.problems
