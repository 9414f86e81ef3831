"""Known errors: wrong legal statements the site once published, or that the seeds carry, kept in
data/known-errors.yml so they cannot come back.

Each entry has a regular expression (`pattern`), an optional `unless` that clears a match when the
same sentence says it (for example that an act is no longer in force), why the text is wrong, what
to write instead, `examples` of the wrong text and, optionally, `fine` texts that must pass.
The file checks itself when it is read: every pattern compiles, every example is caught and every
fine text passes. A bad entry is reported at its line in the file, like any other problem.

In a pattern, `{near}` stands for a short stretch of the same sentence (at most 150 characters,
not across a sentence end, a blank line or a table row), so an entry can say «these two things in
one sentence» without matching a whole page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from macros.yaml_source import YamlSourceError, read_yaml

from .problems import Problem

KNOWN_ERRORS_FILE = "data/known-errors.yml"

# One character that does not end the sentence: not before «. Capital», a blank line or a new table row.
_SAME_SENTENCE_CHAR = r"(?-i:(?!\.\s+[А-ЯЁA-Z«]|\n[ \t]*\n|\n[ \t]*\|)[\s\S])"  # case-sensitive: capitals
NEAR = _SAME_SENTENCE_CHAR + "{0,150}?"


def compile_pattern(source: str) -> re.Pattern[str]:
    """Compile an entry's pattern with `{near}` expanded; ValueError with the reason if it is not valid."""
    try:
        return re.compile(source.replace("{near}", NEAR), re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"«{source}» is not a valid regular expression ({error})") from None


class KnownError(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    pattern: str = Field(min_length=3)
    unless: str | None = None
    why: str = Field(min_length=10)
    fix: str = Field(min_length=5)
    examples: list[str] = Field(min_length=1)
    fine: list[str] = Field(default_factory=list)

    @field_validator("pattern", "unless")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            compile_pattern(value)
        return value

    @model_validator(mode="after")
    def _examples_behave(self) -> KnownError:
        for text in self.examples:
            if not find(self, text):
                raise ValueError(f"the pattern does not catch its own example «{text}»; fix `pattern` or the example")
        for text in self.fine:
            if find(self, text):
                raise ValueError(
                    f"the pattern catches the text listed as fine «{text}»; narrow `pattern` or add `unless`"
                )
        return self


class KnownErrorsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    errors: list[KnownError]


@dataclass(frozen=True)
class Hit:
    entry: KnownError
    start: int
    end: int
    text: str


def find(entry: KnownError, text: str) -> list[Hit]:
    """Every place in `text` where `entry` applies (its `unless` does not clear the sentence)."""
    return [Hit(entry, start, end, found) for start, end, found in _matches(entry.pattern, entry.unless, text)]


@functools.lru_cache(maxsize=4096)
def _matches(pattern_source: str, unless_source: str | None, text: str) -> tuple[tuple[int, int, str], ...]:
    """find()'s spans. A pure function of its arguments, so kept: `{near}` patterns cost about 0.2 s
    per run over the whole site, and the tests check dozens of copies that differ in one page."""
    pattern = compile_pattern(pattern_source)
    unless = compile_pattern(unless_source) if unless_source else None
    spans = []
    for match in pattern.finditer(text):
        if unless and unless.search(sentence_around(text, match.start(), match.end())):
            continue
        spans.append((match.start(), match.end(), match.group(0)))
    return tuple(spans)


_SENTENCE_END = re.compile(r"\.\s+(?=[А-ЯЁA-Z«])|\n[ \t]*\n|\n[ \t]*\|")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or table row, or paragraph) that holds text[start:end]."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        begin = boundary.end()
    following = _SENTENCE_END.search(text, end)
    return text[begin : following.start() if following else len(text)]


def load(root: Path) -> tuple[list[KnownError], list[Problem]]:
    """The entries of data/known-errors.yml, or the problems that make the file unusable."""
    path = root / KNOWN_ERRORS_FILE
    if not path.exists():
        return [], []
    try:
        document = read_yaml(path)
    except YamlSourceError as error:
        return [], [_file_problem(str(error))]
    try:
        entries = KnownErrorsFile.model_validate(document.data).errors
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            location = tuple(part for part in detail["loc"] if isinstance(part, (str, int)))
            where = _describe(location, document.data)
            message = _message(detail)
            line = document.line_of(location)
            problems.append(Problem(KNOWN_ERRORS_FILE, line, f"{where}: {message}", check="content"))
        return [], problems
    seen: dict[str, int] = {}
    duplicates = []
    for index, entry in enumerate(entries):
        line = document.line_of(("errors", index, "id"))
        if entry.id in seen:
            message = f"id «{entry.id}» is used twice (also line {seen[entry.id]}); rename one"
            duplicates.append(Problem(KNOWN_ERRORS_FILE, line, message, check="content"))
        seen.setdefault(entry.id, line)
    return ([], duplicates) if duplicates else (entries, [])


def _describe(location: tuple[str | int, ...], data: object) -> str:
    """Name an entry by its id, as editors search the file for ids, not for list indexes."""
    parts: list[str] = []
    node = data
    for part in location:
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            entry_id = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{entry_id or part}]")
        else:
            node = node.get(part) if isinstance(node, dict) else None
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts) or "the file"


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind == "missing":
        return f"required field «{detail['loc'][-1]}» is missing; add it"
    if kind == "extra_forbidden":
        return f"unknown field «{detail['loc'][-1]}»; the fields are id, pattern, unless, why, fix, examples, fine"
    if kind == "string_pattern_mismatch":
        return f"«{detail['input']}» is not a valid id; use Latin lower-case words joined by «-», like pp-612"
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    return f"{detail['msg']} (got «{detail.get('input')}»)"


def _file_problem(message: str) -> Problem:
    """YamlSourceError says «/abs/path:LINE: …»; report it at that line of the file."""
    match = re.match(r"^(?P<path>.*?):(?P<line>\d+): (?P<rest>.*)$", message, re.S)
    if match:
        return Problem(KNOWN_ERRORS_FILE, int(match["line"]), match["rest"], check="content")
    # «/abs/path: line 7: key «fix» appears twice …» (duplicate keys)
    match = re.match(r"^.*?: line (?P<line>\d+): (?P<rest>.*)$", message, re.S)
    if match:
        return Problem(KNOWN_ERRORS_FILE, int(match["line"]), match["rest"], check="content")
    return Problem(KNOWN_ERRORS_FILE, 1, message, check="content")
