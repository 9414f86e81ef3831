"""Problems as data, from the readers of the data files and pages to the checker and `make serve`'s error page.

A reader (contacts, the legal register, the checker's policy files, front matter, search synonyms) finds
problems as `Problem` values and raises them in a `ProblemsError`; sitecheck reports the same values, and
`make serve` shows them. Each is turned into text once, at the edge (`str(problem)`), never parsed back.

`pydantic_problems` is the one place where pydantic's validation errors become problems: the line comes
from the YAML node, an entry is named by its id (editors search the file for ids, not list indexes), and
each kind of error gets a message and a fix in the project's words. A reader adds only what is its own
(`Wording`: its schema, its id example, what its patterned fields want).

This module imports nothing from MkDocs: the checker and the tests use it without a build.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError
from pydantic_core import ErrorDetails

Severity = Literal["error", "warning"]
Location = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as the editor names the file, relative to the project: "docs/brak.md", "data/contacts.yml"
    line: int  # 1-based; 0 when no line is known (then the file alone is named)
    message: str  # what is wrong, without a final full stop
    fix: str = ""  # what to do about it; empty when `message` already says it
    severity: Severity = "error"
    check: str = ""  # the check that found it, for --only and for tests

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        place = f"{self.path}:{self.line}" if self.line else self.path
        return with_fix(f"{place}: {label}{self.message.rstrip('.')}.", self.fix)

    def moved(self, path: str | None = None, check: str | None = None, offset: int = 0) -> Problem:
        """The same problem named from elsewhere: another file name, another check, lines shifted by `offset`."""
        return dataclasses.replace(
            self,
            path=self.path if path is None else path,
            check=self.check if check is None else check,
            line=self.line + offset,
        )


def with_fix(text: str, fix: str) -> str:
    """`text`, then «Fix: …» when there is a fix: how a problem and an error say both."""
    return f"{text.rstrip('.')}. Fix: {fix}" if fix else text


class FixableError(ValueError):
    """An error that keeps what is wrong (`detail`) and what to do (`fix`) apart, so the Problem made from it
    carries them apart; str() says both."""

    def __init__(self, detail: str, fix: str = "") -> None:
        super().__init__(with_fix(detail, fix))
        self.detail = detail
        self.fix = fix


def id_fix(data_file: str, suggestion: str) -> str:
    """The fix for an id a data file lacks, with the close ids it has («Did you mean …?») when there are any."""
    close = suggestion.strip()
    return f"write an id that {data_file} has. {close}" if close else f"write an id that {data_file} has"


class ProblemsError(ValueError):
    """A file the build cannot use: every problem of it at once, as data (`problems`); str() is the report."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def problems_in(error: BaseException | None) -> tuple[Problem, ...]:
    """The problems an exception carries, itself or through what it was raised from (a PluginError raised
    `from` a ProblemsError); () when none does."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        found = getattr(error, "problems", None)
        if isinstance(found, tuple) and all(isinstance(item, Problem) for item in found):
            return found
        error = error.__cause__ or error.__context__
    return ()


def by_line(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, in the order of the file."""
    return sorted(set(problems), key=lambda problem: (problem.path, problem.line, problem.message))


@dataclass(frozen=True)
class Wording:
    """What one file's messages say beyond the shared ones."""

    spelling_fix: str = "delete it or check its spelling against the comment at the top of the file"
    id_fields: frozenset[str] = frozenset({"id"})
    id_example: str = "pp-612"
    date_example: str = "2026-11-22"
    # A patterned field other than an id: its name → (what the value is not, what to write instead).
    patterns: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    any_pattern: tuple[str, str] | None = None  # the same for every other patterned field
    # A field whose value is one of a few words (a union's tag): its name → the words.
    choices: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # A field's own fix, used instead of the shared one (front matter says what each key wants).
    fixes: Mapping[str, str] = field(default_factory=dict)
    quoted_names: bool = False  # «booklet», «search».boost: as pages' messages name a front-matter key


def pydantic_problems(
    error: ValidationError,
    data: object,
    line_of: Callable[[Location], int],
    where: str,
    wording: Wording = Wording(),
    check: str = "",
    prefix: Location = (),
) -> list[Problem]:
    """One problem per pydantic error, at the line of the value (or of its entry, when the value is missing).

    `data` is the whole file and `line_of` its line map; `prefix` is where in it the validated value sits
    (("errors", 3) when one entry of a list was validated alone)."""
    problems = []
    for detail in error.errors(include_url=False):
        real, name = located(prefix + tuple(detail["loc"]), data)
        message, fix = worded(detail, wording)
        named = [part for part in reversed(detail["loc"]) if isinstance(part, str) and part in wording.fixes]
        fix = wording.fixes[named[0]] if named else fix  # the most specific field that has a fix of its own
        shown = _quoted(name, real) if wording.quoted_names else name
        problems.append(Problem(where, line_of(real), f"{shown}: {message}", fix, check=check))
    return by_line(problems)


def located(loc: Location, data: object) -> tuple[Location, str]:
    """pydantic's `loc` as a path that exists in the file, and that path named by ids: rules[zozpp-23].act.

    pydantic adds parts that are not keys of the file: a discriminated union's tag (`phone` in
    `channels.2.phone.number`, a value of the entry's `type:`) and `[key]` for a bad mapping key.
    """
    real: list[str | int] = []
    node = data
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(node, dict) and part not in node and isinstance(part, str) and part in _scalars(node):
            continue  # a union's tag
        real.append(part)
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    return tuple(real), _named(tuple(real), data)


def _quoted(name: str, path: Location) -> str:
    """«search».boost: the top key quoted, as pages' messages name a front-matter key."""
    top = str(path[0]) if path else ""
    return f"«{top}»{name[len(top):]}" if top and name.startswith(top) else f"«{name}»"


def _scalars(node: dict[Any, Any]) -> set[str]:
    return {value for value in node.values() if isinstance(value, str)}


MAX_LABEL = 40  # characters of an entry's name in a message


def _named(path: Location, data: object) -> str:
    parts: list[str] = []
    node = data
    for part in path:
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            parts.append(f"[{_label(node, part)}]")
        else:
            node = node.get(part) if isinstance(node, dict) else None
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts) or "the file"


def _label(entry: object, index: int) -> str:
    """An entry's id, else its first value when that is a short text or number, else its index."""
    label: object = entry
    if isinstance(entry, dict):
        label = entry.get("id") if "id" in entry else next(iter(entry.values()), None)
    if isinstance(label, bool) or not isinstance(label, (str, int)) or label == "":
        return str(index)
    text = str(label)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _field(detail: ErrorDetails) -> str:
    names = [part for part in detail["loc"] if isinstance(part, str) and part != "[key]"]
    return names[-1] if names else ""


def worded(detail: ErrorDetails, wording: Wording) -> tuple[str, str]:
    """(what is wrong, the fix) for one pydantic error."""
    kind = detail["type"]
    name = _field(detail)
    value = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "missing":
        return f"required field «{name}» is missing", "add it"
    if kind == "extra_forbidden":
        return f"unknown field «{name}»", wording.spelling_fix
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = str(context.get("discriminator", "type")).strip("'")
        words = wording.choices.get(tag) or [w.strip(" '") for w in str(context.get("expected_tags", "")).split(",")]
        named = [w for w in words if w]
        fix = f"write one of: {', '.join(named)}" if named else "add it, like the entries above it"
        if kind == "union_tag_not_found":
            return f"«{tag}:» is missing", fix
        return f"unknown {tag} «{context.get('tag', '')}»", fix
    if kind == "value_error" and "email address" in str(detail["msg"]):
        return f"«{value}» is not a valid e-mail address", "write it like help@example.ru"
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, "), ""
    if kind == "string_pattern_mismatch":
        if name in wording.id_fields or detail["loc"][-1:] == ("[key]",):  # a mapping's keys are names, like ids
            return f"«{value}» is not a valid id", (
                f"use Latin lower-case words joined by «-», like {wording.id_example}"
            )
        wanted = wording.patterns.get(name) or wording.any_pattern
        if wanted:
            return f"«{value}» is not {wanted[0]}", wanted[1]
    if kind == "literal_error":
        return f"«{value}» is not allowed here", str(detail["msg"]).replace("Input should be", "write", 1)
    if kind.startswith("date"):
        return f"«{value}» is not a date", f"write it as YYYY-MM-DD, like {wording.date_example}"
    if kind.startswith("url"):
        return f"«{value}» is not a web address", "write the full https:// address"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"this should be «key: value» lines (got {shown_value(value)})", "write it like the entries above it"
    if kind == "list_type":
        return f"this should be a list, one entry after each «  - » (got {shown_value(value)})", ""
    if kind in ("string_type", "int_type", "int_parsing", "float_type", "float_parsing", "bool_type", "bool_parsing"):
        wanted = _KINDS[kind.split("_")[0]]
        return f"{shown_value(value)} is not {wanted[0]}", wanted[1]
    if kind in ("string_too_short", "too_short"):
        return f"{shown_value(value)} is too short ({detail['msg'].lower()})", "write it out in full"
    if kind in ("string_too_long", "too_long"):
        return f"{shown_value(value)} is too long ({detail['msg'].lower()})", "shorten it"
    return f"{detail['msg']} (got {shown_value(value)})", ""


# What a value of each plain type looks like, and how to write one.
_KINDS = {
    "string": ("text", "write the text (in quotes if it looks like a number, a date, yes or no)"),
    "int": ("a whole number", "write digits only, like 12"),
    "float": ("a number", "write digits, with a point for a fraction, like 0.5"),
    "bool": ("true or false", "write true or false"),
}

MAX_SHOWN = 60  # characters of a wrong value quoted in a message


def shown_value(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return f"«{text[:MAX_SHOWN]}…»" if len(text) > MAX_SHOWN else f"«{text}»"


def log_problems(logger: logging.Logger, level: int, problems: Iterable[Problem]) -> None:
    """Each problem as one record, carrying the problem for ozon/serve_errors. The level is the logger's
    choice, not the problem's severity: under `--strict` a warning stops the build, and a warning's
    Problem would print «warning:» a second time after MkDocs' «WARNING -»."""
    for problem in problems:
        logger.log(level, str(problem), extra={"problems": (problem,)})
