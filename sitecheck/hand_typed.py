"""No phone number, e-mail or postal address typed by hand into docs/.

Contacts live once, in data/contacts.yml, and reach pages only through macros; a number typed into
a page is the copy that goes stale. Phones are found with libphonenumber's own matcher (it knows
every Russian format: 8 800 …, +7 (495) …, 88005554943), e-mails with a pattern, postal addresses
with heuristics: a six-digit postcode followed by a city, a street abbreviation followed by a name,
or «, д. 10». Macro calls and URLs are blanked out first, so `{{ phone("x") }}` is never a hit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from html import unescape
from pathlib import Path

import phonenumbers
from macros.front_matter_guard import FIX_INVISIBLE, invisible_part
from macros.yaml_source import YamlSourceError, read_yaml

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


# Attribute values a reader is shown: on hover (title, data-tip), to a screen reader (aria-label, alt),
# on paper (data-print-href: print.css writes it after the link), in a form (placeholder, value).
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "data-tip", "data-print-href", "placeholder", "value")
_SHOWN_ATTRIBUTE = re.compile(rf"""\b(?:{"|".join(SHOWN_ATTRIBUTES)})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _shown_in_tag(match: re.Match[str]) -> str:
    """A tag as the reader meets it: the attribute values shown, space-separated, nothing else."""
    values = [m.group(1) or m.group(2) or m.group(3) or "" for m in _SHOWN_ATTRIBUTE.finditer(match.group(0))]
    return f" {' '.join(values)} " if values else ""


def _as_read(line: str) -> str:
    """A line as the reader sees it: entities decoded, tags replaced by the attribute values they show,
    emphasis marks gone, odd spaces plain."""
    return _SPACES.sub(" ", _EMPHASIS.sub("", _TAG.sub(_shown_in_tag, unescape(line))))


def readable_text(text: str) -> str:
    """The page with macro calls blanked, each line as the reader sees it (lines stay true), so a
    number split by markup (8 800 <b>555</b>-49-43) or written with entities (&#56;) is still found."""
    return "\n".join(_as_read(line) for line in _JINJA.sub(_blank, text).split("\n"))


def check(ctx: Context) -> list[Problem]:
    problems: list[Problem] = []
    for page in ctx.project.pages.values():
        problems.extend(check_page(page))
    docs = ctx.project.root / ctx.project.docs_prefix
    for sheet in sorted(docs.rglob("*.css")):
        problems += stylesheet_problems(sheet.relative_to(ctx.project.root).as_posix(), sheet.read_text("utf-8"))
    problems += data_problems(ctx.project.root / CONTACTS)
    return problems


# --- Stylesheets: text a page shows through CSS `content:` -------------------------------------

_CSS_CONTENT = re.compile(r"""\bcontent\s*:\s*((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^;}"'])+)""", re.S)
_CSS_STRING = re.compile(r""""((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'""", re.S)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n]?|(.))", re.S)


def css_text(value: str) -> str:
    """The text of a CSS `content:` value: its strings joined, escapes (\\38, \\@) decoded."""
    def decode(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else ""
        return match.group(2) if match.group(2) != "\n" else ""

    return "".join(_CSS_ESCAPE.sub(decode, m.group(1) or m.group(2) or "") for m in _CSS_STRING.finditer(value))


def stylesheet_problems(path: str, css: str) -> list[Problem]:
    """Contacts a stylesheet writes into a page with `content: "…"` (after its escapes)."""
    found: list[Problem] = []
    for match in _CSS_CONTENT.finditer(css):
        line = line_at(css, match.start())
        shown = css_text(match.group(1))
        found += _typed_in(path, shown, _always(line))
        for link in _TYPED_LINK.finditer(shown):
            found.append(Problem(path, line, f"«{link.group(0)}» is a {link.group(1).lower()}: link typed by hand",
                                 _FIX_LINK[link.group(1).lower()], check=NAME))
    return found


# --- Data: the free-text fields of contacts.yml -------------------------------------------------

CONTACTS = "data/contacts.yml"
# Fields that hold words for the reader; the contact itself lives in number/email/url/address.
FREE_TEXT_FIELDS = {"label", "hours", "seen", "note", "where", "region", "recipient", "name", "legal_name", "about"}
# `seen` tells where an unconfirmed value was seen, and that may be a site's address («в подвале
# ozon.ru стоит t.me/ozonru»): web addresses are its evidence, shown as text. Phones and e-mails are not.
PROVENANCE_FIELDS = {"seen"}
_WEB_ADDRESS = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+|\b[\w.-]+\.(?:ru|рф|com|org|net|su|io|me)/\S*", re.I)
_FIX_DATA = "keep the field to words: a phone, e-mail or web address is a channel of its own in data/contacts.yml"


def data_problems(path: Path) -> list[Problem]:
    """Contacts typed into the free-text fields of the contacts file, and invisible characters anywhere in it."""
    try:
        doc = read_yaml(path)
    except (YamlSourceError, OSError):
        return []  # the data check says what is wrong with the file
    shown_path = CONTACTS if path.as_posix().endswith(CONTACTS) else str(path)
    found: list[Problem] = []
    for where, value in _data_strings(doc.data, ()):
        line = doc.line_of(where)
        hidden = invisible_part(value)
        if hidden:
            found.append(Problem(shown_path, line, f"«{_dotted(where)}» holds the invisible character {hidden}",
                                 FIX_INVISIBLE, check=NAME))
        if not where or where[-1] not in FREE_TEXT_FIELDS:
            continue
        for problem in _typed_in(shown_path, value, _always(line)):
            found.append(Problem(problem.path, problem.line, f"«{_dotted(where)}»: {problem.message}", _FIX_DATA,
                                 check=NAME))
        addresses = [] if where[-1] in PROVENANCE_FIELDS else list(_WEB_ADDRESS.finditer(value))
        for match in addresses + list(_TYPED_LINK.finditer(value)):
            found.append(Problem(shown_path, line, f"«{_dotted(where)}»: address «{match.group(0)}» typed into text",
                                 _FIX_DATA, check=NAME))
    return found


def _data_strings(value: object, where: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _data_strings(item, (*where, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _data_strings(item, (*where, str(key)))


def _always(line: int) -> Callable[[int], int]:
    """Every offset of a short text is on one line of its file."""
    return lambda _offset: line


def _dotted(where: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in where)


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
    text = _URL.sub(_blank, readable_text(page_text))
    found += _typed_in(path, text)
    return tuple(found)


def _typed_in(path: str, text: str, line_of: Callable[[int], int] | None = None) -> list[Problem]:
    """Phones, e-mails and postal addresses in text as a reader sees it.

    A line break inside a paragraph is a space to the reader: «8 800 555\n-49-43» is one number. The
    matcher reads the text with line breaks as spaces (same length, so offsets still give the line).
    """
    where = line_of or (lambda offset: line_at(text, offset))
    flat = text.replace("\n", " ")
    found: list[Problem] = []
    for number in phonenumbers.PhoneNumberMatcher(flat, "RU", leniency=phonenumbers.Leniency.VALID):
        found.append(
            Problem(
                path,
                where(number.start),
                f"phone number «{number.raw_string}» typed by hand",
                _FIX_PHONE,
                check=NAME,
            )
        )
    for match in _EMAIL.finditer(flat):
        found.append(
            Problem(
                path,
                where(match.start()),
                f"e-mail «{match.group(0)}» typed by hand",
                _FIX_EMAIL,
                check=NAME,
            )
        )
    for pattern, what in _ADDRESS:
        for address in pattern.finditer(flat):
            found.append(
                Problem(
                    path,
                    where(address.start()),
                    f"postal address typed by hand ({what}: «{address.group(0).strip(', ')}»)",
                    _FIX_ADDRESS,
                    check=NAME,
                )
            )
    return found
