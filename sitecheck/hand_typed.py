"""No phone number, e-mail or postal address typed by hand into docs/.

Contacts live once, in data/contacts.yml, and reach pages only through macros; a number typed into
a page is the copy that goes stale. Phones are found with libphonenumber's own matcher (it knows
every Russian format: 8 800 …, +7 (495) …, 88005554943), e-mails with a pattern, postal addresses
with heuristics: a six-digit postcode followed by a city, a street abbreviation followed by a name,
or «, д. 10». Macro calls and URLs are blanked out first, so `{{ phone("x") }}` is never a hit.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

import phonenumbers

from .context import Context
from .problems import Problem
from .project import Page, line_at

NAME = "hand-typed-contacts"

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_URL = re.compile(r"\b(?:https?|mailto|tel):[^\s)>\]\"']+|\b[\w.-]+\.(?:ru|рф|com|org|net)/[^\s)>\]\"']*")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Zа-яА-Я]{2,}\b")
_ADDRESS = [
    (re.compile(r"\b\d{6},?\s+(?:г\.\s*|город\s+)?[А-ЯЁ][а-яё]+"), "a postcode followed by a city"),
    (re.compile(r"(?<![\w.])(?:ул|пер|наб|просп|пр-т|б-р|ш|пл)\.\s*[А-ЯЁ]\w+"), "a street name"),
    (re.compile(r",\s*(?:д\.|дом)\s*\d+"), "a house number"),
]
_FIX_PHONE = 'add the number to data/contacts.yml (if it is not there) and write {{ phone("its-id") }}'
_FIX_EMAIL = 'add the address to data/contacts.yml (if it is not there) and write {{ email("its-id") }}'
_FIX_ADDRESS = (
    'add the address to data/contacts.yml and write {{ address("its-id") }}; in a template for the reader '
    "write a placeholder such as «[ваш почтовый адрес]»"
)


def _blank(match: re.Match[str]) -> str:
    """Replace a match by spaces, keeping newlines, so offsets and lines stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


_TAG = re.compile(r"<[^>\n]*>")
_EMPHASIS = re.compile(r"[*_~`]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u2060\ufeff]")
_TYPED_LINK = re.compile(r"(?<![\w.-])(tel|mailto|sms|callto):[^\s)>\]\"']*", re.I)
_FIX_LINK = {"tel": _FIX_PHONE, "sms": _FIX_PHONE, "callto": _FIX_PHONE, "mailto": _FIX_EMAIL}


def _as_read(line: str) -> str:
    """A line as the reader sees it: entities decoded, tags and emphasis marks gone, odd spaces plain."""
    return _SPACES.sub(" ", _EMPHASIS.sub("", _TAG.sub("", unescape(line))))


def _readable_text(text: str) -> str:
    """The page with macro calls blanked, each line as the reader sees it (lines stay true), so a
    number split by markup (8 800 <b>555</b>-49-43) or written with entities (&#56;) is still found."""
    return "\n".join(_as_read(line) for line in _JINJA.sub(_blank, text).split("\n"))


def check(ctx: Context) -> list[Problem]:
    problems: list[Problem] = []
    for page in ctx.project.pages.values():
        problems.extend(check_page(page))
    return problems


def check_page(page: Page) -> list[Problem]:
    return list(_problems_in(page.path, page.text))


# What a page holds decides everything here, and libphonenumber's matcher is slow: the test suite checks
# the same pages in a few hundred copies of the project, so each text is scanned once per process.
@lru_cache(maxsize=512)
def _problems_in(path: str, page_text: str) -> tuple[Problem, ...]:
    found: list[Problem] = []
    # Links are looked for before tags go: <a href="tel:…"> keeps its address in the tag.
    with_tags = "\n".join(unescape(line) for line in _JINJA.sub(_blank, page_text).split("\n"))
    for match in _TYPED_LINK.finditer(with_tags):
        found.append(
            Problem(
                path,
                line_at(with_tags, match.start()),
                f"«{match.group(0)}» is a {match.group(1).lower()}: link typed by hand",
                _FIX_LINK[match.group(1).lower()],
                check=NAME,
            )
        )
    text = _URL.sub(_blank, _readable_text(page_text))
    for number in phonenumbers.PhoneNumberMatcher(text, "RU", leniency=phonenumbers.Leniency.VALID):
        found.append(
            Problem(
                path,
                line_at(text, number.start),
                f"phone number «{number.raw_string}» typed by hand",
                _FIX_PHONE,
                check=NAME,
            )
        )
    for match in _EMAIL.finditer(text):
        found.append(
            Problem(
                path,
                line_at(text, match.start()),
                f"e-mail «{match.group(0)}» typed by hand",
                _FIX_EMAIL,
                check=NAME,
            )
        )
    for pattern, what in _ADDRESS:
        for address in pattern.finditer(text):
            found.append(
                Problem(
                    path,
                    line_at(text, address.start()),
                    f"postal address typed by hand ({what}: «{address.group(0).strip(', ')}»)",
                    _FIX_ADDRESS,
                    check=NAME,
                )
            )
    return tuple(found)
