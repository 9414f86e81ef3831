"""One reader for «a YAML file that is a list of records, each refused at its own line».

data/not-guides.yml, data/denied-domains.yml and data/known-errors.yml have this shape: one key at the
top (`pages:`, `domains:`, `errors:`) holding a list of entries. Each entry is validated alone, so every
bad entry is reported at its line, all in one run (and a slow validator, like a known error's pattern
probes, runs once per entry); two entries with one `id` are refused too. A file with any problem is not
used at all: its readers say so through the problems, never with a traceback.

This module imports nothing from MkDocs.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from .problems import Problem, Wording, by_line, pydantic_problems
from .yaml_source import YamlDocument, YamlSourceError, read_yaml

MAX_RECORDS_BYTES = 1_000_000  # these are short hand-written lists
FileModel = TypeVar("FileModel", bound=BaseModel)


@dataclass(frozen=True)
class Records(Generic[FileModel]):
    """The file's model (None when the file is missing or has a problem), each entry's line, the problems."""

    content: FileModel | None
    lines: tuple[int, ...]
    problems: list[Problem]


def list_field(model: type[BaseModel]) -> tuple[str, type[BaseModel]]:
    """The one key of a records file's model and the model of its entries: `pages: list[NotGuide]`."""
    (key, info), *others = model.model_fields.items()
    args = typing.get_args(info.annotation)
    if others or typing.get_origin(info.annotation) is not list or not args or not issubclass(args[0], BaseModel):
        raise TypeError(f"{model.__name__} is not one list of records")
    return key, args[0]


def read_records(
    path: Path, where: str, model: type[FileModel], check: str = "", wording: Wording | None = None
) -> Records[FileModel]:
    """`path` read as `model` (one key holding a list of records), each entry refused at its own line.

    `where` names the file in the problems, as the editor knows it (data/not-guides.yml)."""
    if not path.exists():
        return Records(None, (), [])
    if path.stat().st_size > MAX_RECORDS_BYTES:
        return Records(None, (), [Problem(where, 1, f"larger than {MAX_RECORDS_BYTES} bytes", "keep it a short list",
                                          check=check)])
    try:
        document = read_yaml(path)
    except YamlSourceError as error:
        return Records(None, (), [error.problem(where, check=check)])
    wording = wording or Wording()
    key, record_model = list_field(model)
    problems: list[Problem] = []
    try:
        _shape(model.__name__, key).model_validate(document.data)
    except ValidationError as error:
        problems += pydantic_problems(error, document.data, document.line_of, where, wording, check)
    entries = document.data.get(key) if isinstance(document.data, dict) else None
    if not isinstance(entries, list):
        return Records(None, (), problems)
    records: list[BaseModel] = []
    for index, entry in enumerate(entries):
        try:
            records.append(record_model.model_validate(entry))
        except ValidationError as error:
            problems += pydantic_problems(
                error, document.data, document.line_of, where, wording, check, prefix=(key, index)
            )
    problems += _same_ids(entries, document, key, where, check)
    if problems:
        return Records(None, (), by_line(problems))
    lines = tuple(document.line_of((key, index)) for index in range(len(entries)))
    fields: dict[str, Any] = {key: records}  # validated one by one above
    return Records(model.model_construct(**fields), lines, [])


def _shape(name: str, key: str) -> type[BaseModel]:
    """The file's top level alone: only `key`, holding a list (its entries are validated one by one)."""
    return create_model(name, __config__=ConfigDict(extra="forbid"), **{key: (list[Any], ...)})  # type: ignore[call-overload]


def _same_ids(entries: list[Any], document: YamlDocument, key: str, where: str, check: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, entry in enumerate(entries):
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(entry_id, str):
            continue
        line = document.line_of((key, index, "id"))
        if entry_id in seen:
            message = f"id «{entry_id}» is used twice (also line {seen[entry_id]})"
            problems.append(Problem(where, line, message, "rename one", check=check))
        seen.setdefault(entry_id, line)
    return problems
