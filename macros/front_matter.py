"""One model of a page's front matter, read by the macros, the hooks, the checker and search.

A guide is a page whose front matter has `short:` (is_guide, the one answer to «what is a guide»).
Everything else a page may set for this project is here too: title, asked, description, the
booklet flag and the search boost. Keys this project does not use (Material's `hide:`, `template:`,
`search: {exclude: …}`) pass through untouched.

`read()` parses the front matter of a Markdown file itself, so a value YAML cannot read (an
impossible date, `2026-02-30`) or a value of the wrong type (`asked: озон`, `booklet: да`) stops the
build with «docs/X.md:LINE: what is wrong. Fix: …» instead of a traceback or, worse, MkDocs silently
dropping the whole front matter.

`front_matter_block()` finds the block exactly where MkDocs does (its own pattern: the closing line is
`---` or `...`), and it is the one place that finds it: a block MkDocs reads but this module did not
would skip the anchor refusal and the type checks. `read()` keeps what it parsed per page text, so
the hooks, the home page's list and search parse each page once per build.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .problems import Problem, ProblemsError, Wording, pydantic_problems
from .yaml_source import SafeLoader, YamlSourceError, refuse_anchors

# MkDocs' own pattern (mkdocs/utils/meta.py YAML_RE, kept equal by tests/test_front_matter.py): a first
# line «---», then the block, then «---» or «...». Group 1 is the block with its last newline.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
GUIDE_META = "is_guide"  # page.meta key the hooks set for templates (overrides/partials/print-header.html)


class FrontMatterError(ProblemsError):
    """The front matter of a page is wrong; the message names the file, the line and the fix."""


class SearchSettings(BaseModel):
    model_config = ConfigDict(extra="allow")  # Material's own `exclude:` lives here too
    boost: float | None = Field(default=None, gt=0, description="Rank this page higher (>1) or lower (<1)")


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    title: str | None = None
    short: str | None = Field(default=None, description="Two or three sentences that answer on their own")
    asked: list[str] = Field(default_factory=list, description="How buyers phrase the question")
    description: str | None = None
    booklet: bool = Field(default=False, description="This page is the printable booklet (ozon/booklet)")
    booklet_section: str | None = Field(default=None, description="Set by ozon/booklet on a section's booklet")
    booklet_chapter: bool = Field(default=False, description="A page that is no guide but prints in the booklet")
    search: SearchSettings | None = None
    reviewed: dt.date | None = Field(
        default=None, description="When the page's legal content was last reread against data/law.yml, YYYY-MM-DD"
    )
    guide: None = Field(default=None, description="Not set by hand: a page is a guide when it has «short:»")

    @field_validator("asked", mode="before")
    @classmethod
    def _one_phrase_is_a_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @property
    def is_guide(self) -> bool:
        return bool(self.short and self.short.strip())

    @property
    def search_boost(self) -> float | None:
        return self.search.boost if self.search else None


def parse(meta: Mapping[str, Any]) -> FrontMatter:
    """The model of a meta dict MkDocs (or read()) already parsed; raises pydantic's ValidationError."""
    return FrontMatter.model_validate(dict(meta))


def is_guide(meta: Mapping[str, Any]) -> bool:
    """Whether a page is a guide: it has a non-empty `short:`. Every other place asks this function."""
    short = meta.get("short")
    return isinstance(short, str) and bool(short.strip())


# What each key wants, said after a wrong value of it (macros/problems.py words the rest).
_FIXES = {
    "title": "write the title as one line of text",
    "short": "write two or three sentences of plain text (use «short: >-» for several lines)",
    "asked": "write a list, one phrase a line, each after «  - » (or one phrase: asked: как спрашивают покупатели)",
    "description": "write one line of text",
    "booklet": "write booklet: true, or delete the line",
    "booklet_chapter": "write booklet_chapter: true, or delete the line",
    "search": "write it like: search: {boost: 0.5}",
    "guide": "delete the line: a page is a guide when it has «short:», not by a flag",
}
WORDING = Wording(spelling_fix="check its spelling", date_example="2026-12-07", fixes=_FIXES, quoted_names=True)


def front_matter_block(text: str) -> tuple[str, int] | None:
    """The front-matter block of a page (without its delimiter lines) and the offset where the body
    starts, found where MkDocs finds it; None for a page MkDocs reads without front matter."""
    match = FRONT_MATTER.match(text)
    return (match.group(1), match.end()) if match else None


def read(text: str, where: str) -> dict[str, Any]:
    """The front matter of a Markdown text as a dict, checked against FrontMatter.

    `where` is how the editor names the file (docs/brak.md). Raises FrontMatterError with its
    line on any problem; returns {} for a page without front matter. Each distinct text is parsed
    once (a page is asked for by several hooks in a build); every caller gets its own copy.
    """
    found = _read_once(text)
    if isinstance(found, FrontMatterError):
        raise FrontMatterError(problem.moved(path=where) for problem in found.problems)
    return copy.deepcopy(found)


# Stands for the file's name in a cached problem, which read() names after the page that asked.
_WHERE = "\0where\0"


# Bounded: `make serve` lives for hours and a page's text changes with every save. Keyed by the text
# alone: hooks name a page «docs/x.md» or by its path, and with 1000 guides parsing each page a second
# time for the other name was a twentieth of a build.
@functools.lru_cache(maxsize=4096)
def _read_once(text: str) -> dict[str, Any] | FrontMatterError:
    try:
        return _parse_block(text, _WHERE)
    except FrontMatterError as error:
        return error


def _parse_block(text: str, where: str) -> dict[str, Any]:
    found = front_matter_block(text)
    if found is None:
        return {}
    block = found[0]
    try:
        # This hook runs first of all (mkdocs.yml): refuse an anchor, alias or merge key before
        # compose/load could expand an alias bomb (no «&», «*» or «<» in the text: none can be there).
        if any(mark in block for mark in "&*<"):
            refuse_anchors(block)
        root = yaml.compose(block, Loader=SafeLoader)
    except YamlSourceError as error:
        raise FrontMatterError([error.problem(where, offset=1)]) from None  # after the opening ---
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + 2  # 1-based, after the opening ---
        raise FrontMatterError([Problem(
            where, line, f"the front matter is not valid YAML ({error.problem})",
            "put a value that contains «:» or «#» in quotes, and check the indentation",
        )]) from None
    lines = _key_lines(root)
    _check_dates(root, where)
    # built from the nodes already composed: the block is parsed once
    data = (SafeLoader("").construct_document(root) if root is not None else None) or {}
    if not isinstance(data, dict):
        not_keys = "the front matter is not a list of «key: value» lines"
        raise FrontMatterError([Problem(where, 2, not_keys, "write title: …")])
    try:
        parse(data)
    except ValidationError as error:
        line_of = lambda loc: lines.get(str(loc[0]), 1) if loc else 1  # noqa: E731 - the keys' lines
        raise FrontMatterError(pydantic_problems(error, data, line_of, where, WORDING)) from None
    return data


def asked_lines(text: str, where: str) -> list[tuple[int, str]]:
    """(line in the page file, phrase) for each of the page's `asked:` phrases, read after read() has
    checked the front matter (so no anchor or alias is ever composed here)."""
    phrases = read(text, where).get("asked")
    found = front_matter_block(text)
    if not phrases or found is None:
        return []
    root = yaml.compose(found[0], Loader=SafeLoader)
    node = next((value for key, value in getattr(root, "value", []) if key.value == "asked"), None)
    items = node.value if isinstance(node, yaml.SequenceNode) else [node] if node is not None else []
    return [
        (item.start_mark.line + 2, str(item.value).strip())
        for item in items
        if isinstance(item, yaml.ScalarNode) and str(item.value).strip()
    ]


def _key_lines(root: yaml.Node | None) -> dict[str, int]:
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 2 for key, _ in root.value}


def _check_dates(node: yaml.Node | None, where: str) -> None:
    """YAML reads 2026-02-30 as a date and fails with a bare ValueError; name the line instead."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        try:
            yaml.SafeLoader("").construct_yaml_timestamp(node)
        except ValueError as error:
            raise FrontMatterError([Problem(
                where, node.start_mark.line + 2, f"«{node.value}» is not a real date ({error})",
                f"write an existing day as YYYY-MM-DD, like {dt.date.today().isoformat()}",
            )]) from None
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _check_dates(key, where)
            _check_dates(value, where)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_dates(item, where)
