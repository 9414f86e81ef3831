"""data/search-synonyms.yml: every entry valid (an error names its line), and every group of
synonyms and every misspelling's right word found in some guide (a warning otherwise: either a
guide should use one of the words, or the entry is wrong).

A phrase counts as found when one guide has each of its words, in any form: a guide word that
starts with the query word minus its last two letters («неустойку» for «неустойка»).
"""

from __future__ import annotations

from functools import cached_property

from ozon_help.plugins.search_ru.synonyms import SYNONYMS_FILE, SynonymsError, load_synonyms, words

from .context import Context
from .problems import Problem

NAME = "search-synonyms"
SHORTEST_STEM = 4


def _stem(word: str) -> str:
    """The part of a word every form of it shares, near enough: Russian endings are short."""
    return word if len(word) <= SHORTEST_STEM else word[: max(SHORTEST_STEM, len(word) - 2)]


class _Guides:
    """The folded words of each guide (front matter included: `asked:` phrases count)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @cached_property
    def words(self) -> list[set[str]]:
        pages = self.ctx.project.pages
        return [set(words(pages[src].text)) for src in self.ctx.project.guides if src in pages]

    def has(self, phrase: str) -> bool:
        stems = [_stem(word) for word in words(phrase)]
        return any(all(any(w.startswith(s) for w in guide) for s in stems) for guide in self.words)


def check(ctx: Context) -> list[Problem]:
    path = ctx.project.root / SYNONYMS_FILE
    try:
        synonyms, doc = load_synonyms(path)
    except SynonymsError as error:
        return [problem.moved(path=SYNONYMS_FILE, check=NAME) for problem in error.problems]
    if doc is None:
        return []
    guides = _Guides(ctx)
    problems = []
    for number, group in enumerate(synonyms.groups):
        if not any(guides.has(phrase) for phrase in group):
            problems.append(Problem(
                SYNONYMS_FILE, doc.line_of(("groups", number)),
                f"no guide contains any of «{', '.join(group)}»",
                "use one of these words in the guide buyers should find, or delete the group",
                severity="warning", check=NAME,
            ))
    for wrong, right in synonyms.misspellings.items():
        if not guides.has(right):
            problems.append(Problem(
                SYNONYMS_FILE, doc.line_of(("misspellings", wrong)),
                f"«{wrong}» is put right as «{right}», which no guide contains",
                "write the word as the guides spell it, or delete the line",
                severity="warning", check=NAME,
            ))
    return problems

