"""data/search-synonyms.yml: the words buyers use that the guides do not, read and validated once.

The ozon/search_ru plugin puts the groups and misspellings into the search index for the
worker to use at query time; the checker (sitecheck/search_synonyms.py) reports a bad entry with
the file and line, and warns about a group that no guide contains.
"""

from __future__ import annotations

import re
from pathlib import Path

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from macros.problems import ProblemsError, pydantic_problems
from macros.yaml_source import YamlDocument, YamlSourceError, read_yaml, shown

SYNONYMS_FILE = "data/search-synonyms.yml"
_WORD = re.compile(r"[0-9a-zа-я]+")


def fold(text: str) -> str:
    """Lower case, ё and э as е: the worker's `fold` in search-ru-core.js, which the index must match."""
    return text.lower().replace("ё", "е").replace("э", "е")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _phrase(value: str) -> str:
    phrase = " ".join(value.split())
    if not words(phrase):
        raise ValueError("a phrase needs at least one word in letters or digits")
    return phrase


def _group(phrases: list[str]) -> list[str]:
    if len(phrases) < 2:
        raise ValueError("a group needs at least two phrases that mean the same")
    return phrases


def _one_word(value: str) -> str:
    if len(words(value)) != 1:
        raise ValueError("write one misspelt word and the one word it means")
    return fold(value.strip())


Phrase = Annotated[str, AfterValidator(_phrase)]
Group = Annotated[list[Phrase], AfterValidator(_group)]
Word = Annotated[str, AfterValidator(_one_word)]


class Synonyms(BaseModel):
    """The whole file: groups of phrases that mean the same to a buyer, and misspelt words."""

    model_config = ConfigDict(extra="forbid", strict=True)

    groups: list[Group] = Field(default_factory=list)
    misspellings: dict[Word, Word] = Field(default_factory=dict)


class SynonymsError(ProblemsError):
    """Every problem of the file (`problems`), each at its line."""


def load_synonyms(path: Path) -> tuple[Synonyms, YamlDocument | None]:
    """The file's content (an empty one when the file is missing); SynonymsError when it is wrong."""
    if not path.exists():
        return Synonyms(), None
    try:
        doc = read_yaml(path)
    except YamlSourceError as error:
        raise SynonymsError([error.problem()]) from None
    if doc.data is None:
        return Synonyms(), doc
    try:
        return Synonyms.model_validate(doc.data), doc
    except ValidationError as error:
        raise SynonymsError(pydantic_problems(error, doc.data, doc.line_of, shown(path))) from None
