"""Find legal citations in a page's text and say what each one points at.

The forms are the ones sitecheck/content.py enforces (article first, then the act):
«п. 3 ст. 23.1 ЗоЗПП», «ст. 18, 20–23 ЗоЗПП», «ст. 22, п. 4 ст. 26.1 ЗоЗПП», «пп. 4 п. 2 ст. 333.36 НК РФ»,
«ч. 11 ст. 9 Закона № 161-ФЗ», and for an act cited by point only, «п. 15 Постановления Пленума ВС РФ № 17».
Which act a name means comes from the register (data/law.yml: each act's `cite` and `also`), so a new
act needs no change here. Pure functions: no MkDocs, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_S = r"[ \t\u00a0]*\n?[ \t\u00a0]*"  # spaces, no-break spaces and at most one line break (Markdown wraps)
_S1 = r"[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*"
_NUM = r"\d{1,4}(?:\.\d{1,3})?"
_NUMS = rf"{_NUM}(?:\s*[–—-]\s*{_NUM})?(?:(?:\s*,\s*|\s+и\s+)(?!(?:пп|п|ч)\.){_NUM}(?:\s*[–—-]\s*{_NUM})?)*"
_LEVEL = rf"(?:(?:пп|п|ч)\.{_S}{_NUMS}(?:{_S1}))"
_ITEM = rf"{_LEVEL}*ст\.{_S}{_NUMS}"
_LIST_SEP = rf"(?:\s*,\s*|(?:{_S1})(?:и|или)(?:{_S1}))"
_ITEM_PARTS = re.compile(rf"(?P<kind>пп|п|ч|ст)\.{_S}(?P<nums>{_NUMS})")
MAX_RANGE = 30  # «ст. 18–22» lists five articles; a longer range is a typo, not a citation of thirty


@dataclass(frozen=True)
class Citation:
    """One cited place: the act's id, the article (None for an act cited by point), the levels."""

    act: str
    article: str | None
    part: tuple[str, ...]
    point: tuple[str, ...]
    subpoint: tuple[str, ...]
    start: int  # offset of this item in the text
    end: int
    text: str  # the item as written, with its act
    act_start: int = -1  # offset of the act's name that closes the citation (shared by a list's items)

    def __str__(self) -> str:
        return self.text


def expand(nums: str) -> tuple[str, ...]:
    """«18, 20–23» → 18, 20, 21, 22, 23; «2.1–2.2» → 2.1, 2.2; «5 и 6» → 5, 6."""
    found: list[str] = []
    for piece in re.split(r"\s*,\s*|\s+и\s+", nums.strip()):
        bounds = re.split(r"\s*[–—-]\s*", piece)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if low < high <= low + MAX_RANGE:
                found.extend(str(n) for n in range(low, high + 1))
                continue
        found.extend(b for b in bounds if b)
    return tuple(dict.fromkeys(found))


def act_pattern(name: str) -> str:
    """A name as pages write it, with any run of spaces (or a line break) between its words."""
    return "(?:" + r"\s+".join(re.escape(word) for word in name.split()) + ")"


@dataclass(frozen=True)
class Citations:
    """A compiled finder for one register's act names."""

    names: tuple[tuple[str, str, bool], ...]  # (act id, name, cited with articles)

    @property
    def _regexes(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        return _compile(self.names)

    def find(self, text: str) -> list[Citation]:
        """Every cited place in `text`, in order. A list («ст. 22, п. 4 ст. 26.1 ЗоЗПП») gives one per item."""
        with_articles, by_point = self._regexes
        found: list[Citation] = []
        taken: list[tuple[int, int]] = []
        # Every item has «ст.» (with_articles) or «п.» (by_point): a page that cites nothing is not scanned by
        # these long patterns, which try every offset (with 1000 such guides, a third of the law check).
        for match in with_articles.finditer(text) if "ст." in text else ():
            act = _act_of(self.names, match.group("act"))
            if act is None:
                continue
            taken.append(match.span())
            chain_start = match.start("chain")
            for item in re.finditer(_ITEM, match.group("chain")):
                found.append(
                    _citation(act, item.group(0), chain_start + item.start(), match.group("act"), match.start("act"))
                )
        if by_point is not None and "п." in text:
            for match in by_point.finditer(text):
                if any(start <= match.start() < end for start, end in taken):
                    continue
                act = _act_of(self.names, match.group("act"))
                if act is None:
                    continue
                found.append(
                    _citation(act, match.group("levels"), match.start(), match.group("act"), match.start("act"))
                )
        return sorted(found, key=lambda c: c.start)


def _citation(act: str, item: str, start: int, act_text: str, act_start: int) -> Citation:
    levels: dict[str, tuple[str, ...]] = {"пп": (), "п": (), "ч": (), "ст": ()}
    for part in _ITEM_PARTS.finditer(item):
        levels[part.group("kind")] = expand(part.group("nums"))
    articles = levels["ст"]
    text = " ".join(f"{item.strip()} {act_text}".split())
    # A list of articles under one item («ст. 20–22») is one citation per article: callers look them up alike.
    return Citation(
        act=act,
        article=articles[0] if len(articles) == 1 else ("|".join(articles) if articles else None),
        part=levels["ч"],
        point=levels["п"],
        subpoint=levels["пп"],
        start=start,
        end=start + len(item),
        text=text,
        act_start=act_start,
    )


def _act_of(names: tuple[tuple[str, str, bool], ...], written: str) -> str | None:
    plain = " ".join(written.split())
    for act, name, _ in names:
        if " ".join(name.split()) == plain:
            return act
    return None


@lru_cache(maxsize=16)
def _compile(names: tuple[tuple[str, str, bool], ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    # Longest names first, so «Закона РФ № 2300-1» is not read as a shorter name inside it.
    ordered = sorted(names, key=lambda n: -len(n[1]))
    acts = "|".join(act_pattern(name) for _, name, _ in ordered)
    with_articles = re.compile(rf"(?<![\w.])(?P<chain>{_ITEM}(?:{_LIST_SEP}{_ITEM})*)(?:{_S1})(?P<act>{acts})(?![\w-])")
    pointed = [name for _, name, by_articles in ordered if not by_articles]
    by_point = None
    if pointed:
        point_acts = "|".join(act_pattern(name) for name in pointed)
        by_point = re.compile(
            rf"(?<![\w.])(?P<levels>(?:(?:пп|п)\.{_S}{_NUMS}(?:{_S1}))+)(?P<act>{point_acts})(?![\w-])"
        )
    return with_articles, by_point


def article_list(citation: Citation) -> tuple[str | None, ...]:
    """The articles one citation names: «ст. 20–22» gives three; an act cited by point gives (None,)."""
    if citation.article is None:
        return (None,)
    return tuple(citation.article.split("|"))
