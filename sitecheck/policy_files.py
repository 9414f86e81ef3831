"""The checker's policy files in data/, read strictly: a malformed entry is a problem at its line with the
fix, never a traceback, and the file's content is then ignored (the check that uses it says why).

data/not-guides.yml lists the pages that are not guides; data/denied-domains.yml the domains the site
never links to. data/known-errors.yml (sitecheck/known_errors.py) is read through the same helpers.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from macros.contact_values import browser_host
from macros.yaml_source import YamlDocument, YamlSourceError, read_yaml

from .problems import Problem

NOT_GUIDES_FILE = "data/not-guides.yml"
DENIED_DOMAINS_FILE = "data/denied-domains.yml"
MAX_POLICY_BYTES = 1_000_000  # these are short hand-written lists
Model = TypeVar("Model", bound=BaseModel)

_PAGE = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[\w.-]+(?:/[\w.-]+)*\.md$")
_HOST_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")


class NotGuide(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    page: str = Field(description="a page under docs/, like slovar.md")
    why: str = Field(min_length=3)

    @field_validator("page")
    @classmethod
    def _a_page(cls, value: str) -> str:
        if not _PAGE.match(value):
            raise ValueError(f"«{value}» is not a page under docs/; write its file name, like slovar.md")
        return value


class NotGuidesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pages: list[NotGuide]


class DeniedDomain(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    domain: str
    why: str = Field(min_length=3)

    @field_validator("domain")
    @classmethod
    def _a_domain(cls, value: str) -> str:
        host = browser_host(value)
        labels = host.split(".")
        if "/" in value or ":" in value or len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
            raise ValueError(
                f"«{value}» is not a domain; write the domain alone, like facebook.com (no https://, no path)"
            )
        return host


class DeniedDomainsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    domains: list[DeniedDomain]


def read_policy(root: Path, name: str, model: type[Model], check: str) -> tuple[Model | None, list[Problem]]:
    """`name` under `root` validated by `model`; (None, []) when there is no such file, (None, problems)
    with each problem at its line when it is malformed."""
    path = root / name
    if not path.exists():
        return None, []
    if path.stat().st_size > MAX_POLICY_BYTES:
        return None, [Problem(name, 1, f"larger than {MAX_POLICY_BYTES} bytes", "keep it a short list", check=check)]
    try:
        document = read_yaml(path)
    except YamlSourceError as error:
        return None, [file_problem(name, str(error), check)]
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        return None, validation_problems(name, document, error, check)


def validation_problems(name: str, document: YamlDocument, error: ValidationError, check: str) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        location = tuple(part for part in detail["loc"] if isinstance(part, (str, int)))
        line = document.line_of(location)
        problems.append(Problem(name, line, f"{describe(location, document.data)}: {message(detail)}", check=check))
    return problems


def describe(location: tuple[str | int, ...], data: object) -> str:
    """Name an entry by its id (or its first value), as editors search the file for those, not for list indexes."""
    parts: list[str] = []
    node = data
    for part in location:
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            label = next(iter(node.values()), None) if isinstance(node, dict) and node else node
            if isinstance(node, dict) and "id" in node:
                label = node["id"]
            parts.append(f"[{label if isinstance(label, (str, int)) and label != '' else part}]")
        else:
            node = node.get(part) if isinstance(node, dict) else None
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts) or "the file"


def message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind == "missing":
        return f"required field «{detail['loc'][-1]}» is missing; add it"
    if kind == "extra_forbidden":
        return f"unknown field «{detail['loc'][-1]}»; check its spelling against the comment at the top of the file"
    if kind == "string_pattern_mismatch":
        return f"«{detail['input']}» is not a valid id; use Latin lower-case words joined by «-», like pp-612"
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    if kind in ("model_type", "dict_type"):
        return (
            f"this should be «key: value» lines (got {_shown(detail.get('input'))}); "
            "write it like the entries above it"
        )
    if kind == "list_type":
        return f"this should be a list, one entry after each «  - » (got {_shown(detail.get('input'))})"
    return f"{detail['msg']} (got {_shown(detail.get('input'))})"


def _shown(value: Any) -> str:
    text = repr(value)
    return f"«{text[:60]}…»" if len(text) > 60 else f"«{text}»"


def file_problem(name: str, text: str, check: str) -> Problem:
    """YamlSourceError says «path:LINE: …» or «path: line N: …»; report it at that line of the file."""
    found = re.match(r"^(?P<path>.*?):\s*(?:line\s+)?(?P<line>\d+):\s*(?P<rest>.*)$", text, re.S)
    if found:
        return Problem(name, int(found["line"]), found["rest"], check=check)
    return Problem(name, 1, text, check=check)
