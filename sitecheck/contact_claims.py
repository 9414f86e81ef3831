"""Words next to a contact macro that contradict the contact's data: «бесплатный звонок» beside a number
whose `free:` is false (after a contact change the page would promise a free call on a paid line), or
«платный» beside a free one. The data knows; the words around the call must agree with it.

«Next to» is the sentence (or table row) that holds the call and the sentence after it, cut at the
neighbouring contact calls, so a word that belongs to another number of the same sentence is not
counted against this one. Between two calls of one sentence the text is split at the first comma,
semicolon, «или» or «а»: what comes before belongs to the call before («8 800… (бесплатно) или
8 495…»), what comes after to the call after («бесплатно: 8 800…, платно: 8 495…»).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from macros import CONTACTS_FILE
from macros.contacts_data import ContactBook

from .known_errors import sentence_around
from .project import Page, line_at

# A macro call whose first argument is a contact id: {{ phone("id") }}, {{ hours('id') }}, {{ contact("id") }}.
_CALL = re.compile(r"\{\{-?\s*(?P<name>\w+)\s*\(\s*[\"'](?P<id>[\w-]+)[\"'][^}]*\}\}")
_FREE = re.compile(r"\bбесплатн\w*", re.IGNORECASE)
_PAID = re.compile(r"(?<![\w])(?:платн\w*|за\s+деньги|звонок\s+стоит)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.\s+(?=[А-ЯЁA-Z«])|\n[ \t]*\n|\n[ \t]*\|")
_CLAUSE = re.compile(r"[,;]|\b(?:или|а)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Contradiction:
    line: int
    word: str
    call: str  # as written in the page
    channel_id: str
    free: bool  # what the data says


def contradictions(text: str, book: ContactBook) -> Iterator[Contradiction]:
    """Each word near a call of a phone contact that says the opposite of its `free:`."""
    calls = list(_CALL.finditer(text))
    for index, call in enumerate(calls):
        channel = book.channels.get(call["id"])
        free = getattr(channel, "free", None)
        if not isinstance(free, bool):
            continue  # not a phone: nothing to say about the price of a call
        begin, end = _near(text, call.start(), call.end())
        if index > 0:
            begin = max(begin, _owned_from(text, calls[index - 1].end(), call.start()))
        if index + 1 < len(calls):
            end = min(end, _owned_until(text, call.end(), calls[index + 1].start()))
        wrong = _PAID if free else _FREE
        for word in wrong.finditer(text, begin, end):
            yield Contradiction(line_at(text, word.start()), word.group(0), call.group(0), call["id"], free)


def _owned_from(text: str, start: int, end: int) -> int:
    """Where the text between a call ending at `start` and this one at `end` starts belonging to this one."""
    sentence_ends = list(_SENTENCE_END.finditer(text, start, end))
    if sentence_ends:
        return sentence_ends[-1].end()
    clause = _CLAUSE.search(text, start, end)
    return clause.start() if clause else end


def _owned_until(text: str, start: int, end: int) -> int:
    """Where the text between this call ending at `start` and the next at `end` stops belonging to this one."""
    sentence_ends = list(_SENTENCE_END.finditer(text, start, end))
    if sentence_ends:
        return sentence_ends[-1].start()
    clause = _CLAUSE.search(text, start, end)
    return clause.start() if clause else end


def _near(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds text[start:end] and the one after it."""
    sentence = sentence_around(text, start, end)
    begin = text.rfind(sentence, 0, end) if sentence else start
    after = _SENTENCE_END.search(text, end)
    if after is None:
        return begin, len(text)
    following = _SENTENCE_END.search(text, after.end())
    return begin, following.start() if following else len(text)


def problems_of(page: Page, book: ContactBook) -> list[tuple[int, str, str]]:
    """(line, what is wrong, fix) for every contradiction on the page."""
    found = []
    for item in contradictions(page.text, book):
        line = book.lines.get(item.channel_id, 1)
        if item.free:
            found.append((
                item.line,
                f"«{item.word}» next to {item.call}, but «{item.channel_id}» is free to call "
                f"(free: true, {CONTACTS_FILE}:{line})",
                "delete the word, or call the paid number it means",
            ))
        else:
            found.append((
                item.line,
                f"«{item.word}» next to {item.call}, but a call to «{item.channel_id}» is not free "
                f"(free: false, {CONTACTS_FILE}:{line})",
                f"delete «{item.word}» here, or call a free number (one with free: true)",
            ))
    return found
