"""Content rules: the short variant is short and plain, and laws are cited in the recognised forms.

Recognised citation forms (article first, then the act, exactly as EDITING.md lists them):

    ст. 23.1 ЗоЗПП · п. 3 ст. 23.1 ЗоЗПП · ст. 18, 20–23 ЗоЗПП · ст. 23 ГПК РФ · ст. 497 ГК РФ
    пп. 4 п. 2 ст. 333.36 НК РФ · ст. 12 Закона № 59-ФЗ · ч. 2 ст. 8 Закона № 59-ФЗ · п. 2 ст. 108 ВК РФ
    ПП РФ № 2463 (any ПП РФ № N) · п. 15 Постановления Пленума ВС РФ № 17

Anything that looks like a citation but is not one of these is an error: «статья 23.1», «ст.23.1»,
an article without its act («ст. 18»), the act before the article («ЗоЗПП ст. 18»), the part after
the article («ст. 8 ч. 2»), «ФЗ-59», «ПП № 2463» without «РФ». Each message quotes the whole
citation as written, so the editor finds it.

Citations that have the right form but say something wrong (the outdated «ПП № 612», the 10-day
refund cited as п. 3 ст. 23.1, …) are known errors: data/known-errors.yml lists them with why and
the fix (sitecheck/known_errors.py reads it), and this check refuses each one where it appears.
"""

from __future__ import annotations

import functools
import re

from macros.guide_index import plain_text

from . import known_errors
from .hand_typed import readable_text
from .context import Context
from .problems import Problem
from .project import Page, line_at

NAME = "content"
SHORT_MAX_WORDS = 60
CANONICAL = (
    "ст. 23.1 ЗоЗПП, п. 3 ст. 23.1 ЗоЗПП, ст. 23 ГПК РФ, пп. 4 п. 2 ст. 333.36 НК РФ, ч. 2 ст. 8 Закона № 59-ФЗ,"
    " ПП РФ № 2463"
)

_S = r"\s+"  # spaces, no-break spaces, and line breaks: Markdown wraps lines inside citations
_NUM = r"\d+(?:\.\d+)*"
_NUMS = rf"{_NUM}(?:\s*[–—-]\s*{_NUM})?(?:(?:\s*,\s*|{_S}и{_S}){_NUM}(?:\s*[–—-]\s*{_NUM})?)*"
ACTS = (
    r"ЗоЗПП",
    rf"ГК{_S}РФ",
    rf"ГПК{_S}РФ",
    rf"НК{_S}РФ",
    rf"КоАП{_S}РФ",
    rf"АПК{_S}РФ",
    rf"Закона{_S}№{_S}\d+-ФЗ",  # 59-ФЗ (appeals), 152-ФЗ (personal data), 161-ФЗ (payments), …
    rf"Закона{_S}(?:РФ{_S})?№{_S}2300-1",
    rf"ВК{_S}РФ",  # Воздушный кодекс: refunds of air tickets (ст. 108)
    rf"ПП{_S}РФ{_S}№{_S}\d+",  # government resolutions: 2463 (distance selling), 924, …
    rf"Постановления{_S}Пленума{_S}ВС{_S}РФ{_S}№{_S}17",
)
_ACT = "(?:" + "|".join(ACTS) + r")(?![\w-])"
# A citation in any recognised form, its act included: sitecheck/law.py asks the register about each one.
CITATION = re.compile(rf"(?<![\w.])(?:(?:пп|п|ч)\.\s*{_NUMS}{_S})*(?:ст\.\s*{_NUMS}{_S})?(?P<act>{_ACT})")
_ACT_NAMES = (
    r"(?:ЗоЗПП|ГК(?:\s+РФ)?|ГПК(?:\s+РФ)?|НК(?:\s+РФ)?|КоАП(?:\s+РФ)?|АПК(?:\s+РФ)?|ВК\s+РФ"
    r"|(?:Закона?\s+№\s*)?59-ФЗ|ФЗ-59)"
)

_ARTICLE = re.compile(rf"(?<![\w.])ст\.\s*(?P<nums>{_NUMS})(?P<after>{_S}(?:[^\s]+)(?:{_S}[^\s]+){{0,4}})?")
# «ст. 22, п. 4 ст. 26.1 ЗоЗПП», «ст. 10 и ст. 12 ЗоЗПП»: citations in a list share the act at its end.
_NEXT_IN_LIST = re.compile(rf"(?:\s*,\s*|{_S}(?:и|или){_S})(?:(?:пп|п|ч)\.\s*{_NUMS}{_S})*ст\.\s*{_NUMS}")
_RULES: list[tuple[re.Pattern[str], str, str]] = [
    # The whole citation is matched (number and act), so the message quotes «статья 23.1 ЗоЗПП», not «статья 2».
    (
        re.compile(rf"(?<![\w])[Сс]тать(?:я|и|е|ю|ёй|ей|ям|ях|ями)\s+{_NUMS}(?:{_S}{_ACT})?"),
        "the article is written out as a word",
        "write «ст. N» and the act, e.g. «ст. 23.1 ЗоЗПП»",
    ),
    (
        re.compile(rf"(?<![\w.])ст\.{_NUMS}(?:{_S}{_ACT})?"),
        "no space after «ст.»",
        "write «ст. 23.1 ЗоЗПП» with a space",
    ),
    (
        re.compile(rf"(?<![\w-]){_ACT_NAMES}\s*,?\s*(?:(?:пп|п|ч)\.\s*{_NUMS}\s*)*ст\.\s*{_NUMS}"),
        "the act comes before the article",
        "write the article first: «ст. 18 ЗоЗПП», «ст. 23 ГПК РФ»",
    ),
    (
        re.compile(rf"(?<![\w.])ст\.\s*{_NUMS}\s+(?:пп|п|ч)\.\s*\d"),
        "the point or part comes after the article",
        "write it before the article: «п. 3 ст. 23.1 ЗоЗПП», «ч. 2 ст. 8 Закона № 59-ФЗ»",
    ),
    (
        re.compile(r"(?<![\w-])(?:ФЗ-59|ФЗ\s*№\s*59|№\s*59\s*ФЗ)(?![\w-])"),
        "the law on appeals is not named as recognised",
        "write «Закон № 59-ФЗ» (cited as «ст. 12 Закона № 59-ФЗ»)",
    ),
    (re.compile(r"(?<!№ )(?<!№\u00a0)(?<!№)(?<![\w-])59-ФЗ"), "«59-ФЗ» without «№»", "write «Закон № 59-ФЗ»"),
    (
        re.compile(r"(?<![\w])ПП\s*№\s*\d+"),
        "a government resolution cited in a form not recognised",
        "write «ПП РФ № N», e.g. «ПП РФ № 2463» (the distance-selling rules)",
    ),
]


def check(ctx: Context) -> list[Problem]:
    entries, problems = known_errors.load(ctx.project.root)
    for page in ctx.project.pages.values():
        problems.extend(check_short(page))
        problems.extend(check_citations(page))
        problems.extend(check_known_errors(page, entries))
    return problems


def check_known_errors(page: Page, entries: list[known_errors.KnownError]) -> list[Problem]:
    """Every known error (data/known-errors.yml) on the page, at its line, naming the entry that fired,
    with why and the fix. An entry that runs out of time on the page is reported at its own line.

    The page is read twice: as written (the message quotes the editor's own text), and as the reader
    reads it (sitecheck/hand_typed.py, `readable_text`: «обмену и <b>возврату</b>» or «обмену&nbsp;и
    возврату» is the same sentence to them; lines stay where they were), for what markup hid.
    """
    problems = []
    seen: set[tuple[str, int]] = set()
    texts = (blank_jinja(page.text), readable_text(page.text))  # once per page, not once per entry
    for entry in entries:
        for text in texts:
            try:
                hits = known_errors.find(entry, text)
            except known_errors.PatternTimeout:
                problems.append(
                    Problem(
                        known_errors.KNOWN_ERRORS_FILE,
                        entry.line,
                        f"[{entry.id}]: the pattern took more than {known_errors.SEARCH_SECONDS:g} s on {page.path} "
                        "and was stopped: it backtracks without end",
                        "no repeated group that itself repeats («(\\w+\\s?)+», «(а+)+»); "
                        "use {near} for «a few words later»",
                        check=NAME,
                    )
                )
                break
            for hit in hits:
                line = line_at(text, hit.start)
                if (entry.id, line) in seen:
                    continue
                seen.add((entry.id, line))
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"known error «{_show(hit.text)}» ({known_errors.KNOWN_ERRORS_FILE}, entry «{entry.id}»): "
                        f"{hit.entry.why}",
                        hit.entry.fix,
                        check=NAME,
                    )
                )
    return problems


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[.,’'-]\w+)*", plain_text(text)))


def check_short(page: Page) -> list[Problem]:
    short = page.meta.get("short")
    if not short:
        return []
    line = page.meta_line("short")
    problems = []
    words = word_count(str(short))
    if words > SHORT_MAX_WORDS:
        problems.append(
            Problem(
                page.path,
                line,
                f"the short variant has {words} words, more than {SHORT_MAX_WORDS}",
                "cut it to two or three sentences that answer the question; details go under «Подробно»",
                check=NAME,
            )
        )
    if "{{" in str(short) or "{%" in str(short):
        problems.append(
            Problem(
                page.path,
                line,
                "the short variant contains a macro",
                "keep «short:» plain text: it is also the description and the home-page entry;"
                " put contacts in the body",
                check=NAME,
            )
        )
    return problems


def blank_jinja(text: str) -> str:
    """The text with every macro call and tag replaced by spaces, lines kept: offsets and lines stay true."""
    return re.sub(r"\{\{.*?\}\}|\{%.*?%\}", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)


def check_citations(page: Page) -> list[Problem]:
    return list(_citation_problems(page.path, page.text))


@functools.lru_cache(maxsize=1024)
def _citation_problems(path: str, page_text: str) -> tuple[Problem, ...]:
    """A pure function of the page (Problems are frozen), so kept: tests check dozens of copies of
    the site that differ in one page, and these patterns cost about 0.1 s per run over the site."""
    text = blank_jinja(page_text)
    problems: list[Problem] = []
    flagged: set[int] = set()
    for pattern, message, fix in _RULES:
        for match in pattern.finditer(text):
            if message == "the act comes before the article" and _names_its_act(text, match.end()):
                continue  # «…ЗоЗПП, п. 3 ст. 23.1 ЗоЗПП»: the end of one citation, then a whole one
            problems.append(
                Problem(
                    path,
                    line_at(text, match.start()),
                    f"legal citation «{_show(match.group(0))}»: {message}",
                    fix,
                    check=NAME,
                )
            )
            flagged.update(range(match.start(), match.end()))
    for match in _ARTICLE.finditer(text):
        if match.start() in flagged or match.start() + 1 in flagged:
            continue
        if _names_its_act(text, match.end("nums")):
            continue
        if any(i in flagged for i in range(match.start(), match.end("nums"))):
            continue
        problems.append(
            Problem(
                path,
                line_at(text, match.start()),
                f"legal citation «{_show(match.group(0))}»: the article does not name its act in a recognised form",
                f"write the act right after the article, as in: {CANONICAL}",
                check=NAME,
            )
        )
    return tuple(problems)


_ACT_AFTER = re.compile(_S + _ACT)


def _names_its_act(text: str, end_of_numbers: int) -> bool:
    """Whether the article ending at `end_of_numbers` is followed by its act, maybe after a list."""
    position = end_of_numbers
    while (following := _NEXT_IN_LIST.match(text, position)) is not None:
        position = following.end()
    return _ACT_AFTER.match(text, position) is not None


def _show(text: str) -> str:
    return " ".join(text.split())[:80]
