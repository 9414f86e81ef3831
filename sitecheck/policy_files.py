"""The checker's policy files in data/, read strictly: a malformed entry is a problem at its line with the
fix, never a traceback, and the file's content is then ignored (the check that uses it says why).
Read with the one reader of such lists, macros/yaml_records.py.

data/not-guides.yml lists the pages that are not guides; data/denied-domains.yml the domains the site
never links to. data/known-errors.yml (sitecheck/known_errors.py) is read by the same reader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from macros.contact_values import browser_host
from macros.problems import Wording
from macros.yaml_records import read_records

from .problems import Problem

NOT_GUIDES_FILE = "data/not-guides.yml"
DENIED_DOMAINS_FILE = "data/denied-domains.yml"
# What these files' messages say beyond the shared ones (macros/problems.py): they have no schema file.
WORDING = Wording(spelling_fix="check its spelling against the comment at the top of the file")
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
    with each malformed entry at its own line when it is malformed (macros/yaml_records.py)."""
    records = read_records(root / name, name, model, check, WORDING)
    return records.content, records.problems
