"""Known errors: wrong legal statements the site once published, or that the seeds carry, kept in
data/known-errors.yml so they cannot come back.

Each entry has a regular expression (`pattern`), an optional `unless` that clears a match when the
same sentence says it (for example that an act is no longer in force), why the text is wrong, what
to write instead, `examples` of the wrong text and, optionally, `fine` texts that must pass.
The file checks itself when it is read: every pattern compiles, every example is caught and every
fine text passes. A bad entry is reported at its line in the file, like any other problem.

In a pattern, `{near}` stands for a short stretch of the same sentence (at most 150 characters,
not across a sentence end, a blank line or a table row), so an entry can say «these two things in
one sentence» without matching a whole page.

The file is untrusted like every input of the build: a pattern that matches the empty string (it
would fire on every page) is refused at its line, and so is one that backtracks for ever (`(а+)+$`):
each pattern is tried with a time limit on its examples and on long runs of their characters when
the file is read, and every search of a page runs under the same limit, so no entry can stall a run.
"""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from macros.yaml_records import read_records

from .policy_files import WORDING
from .problems import Problem

KNOWN_ERRORS_FILE = "data/known-errors.yml"

# One character that does not end the sentence: not before «. Capital», a blank line or a new table row.
_SAME_SENTENCE_CHAR = r"(?-i:(?!\.\s+[А-ЯЁA-Z«]|\n[ \t]*\n|\n[ \t]*\|)[\s\S])"  # case-sensitive: capitals
NEAR = _SAME_SENTENCE_CHAR + "{0,150}?"


SEARCH_SECONDS = 0.5  # CPU seconds of one pattern on one page or probe; real patterns take well under a millisecond
PROBE_LENGTH = 3000  # characters of each probe: runs of one character, the examples repeated


class PatternTimeout(Exception):
    """A pattern searched one text for longer than SEARCH_SECONDS (catastrophic backtracking)."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise PatternTimeout in the block after `seconds` of this process's CPU time.

    Python's `re` checks for signals while it backtracks, so a timer signal stops a runaway search
    without a new dependency or a process per search. The timer counts CPU time, not the clock: on a
    crowded machine a search that needs 50 ms may wait seconds for a core, and a clock limit then stopped
    a sound pattern (a `make test` at load 20 did); a runaway pattern burns CPU and is stopped all the same.
    Signals reach the main thread only: elsewhere (no check runs there today) the block runs without a
    limit, and the probes at load still apply.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise PatternTimeout

    previous = signal.signal(signal.SIGVTALRM, expired)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


GENERIC_PROBE_CHARACTERS = "аa1 .,-"  # a letter of each script, a digit, a space, punctuation


def _probes(source: str, texts: tuple[str, ...]) -> list[str]:
    """Texts that make a backtracking pattern show itself: a long run of each letter, digit or space the
    pattern names and of a few common characters, alone and after each of the entry's examples, each run
    followed by a character that ends no word and no line; and each example repeated."""
    characters = {char for char in source.lower() if char.isalnum() or char.isspace()} | set(GENERIC_PROBE_CHARACTERS)
    runs = [char * PROBE_LENGTH + "\u2029!" for char in sorted(characters)]
    after = [text + char * PROBE_LENGTH + "\u2029!" for text in texts for char in GENERIC_PROBE_CHARACTERS]
    repeated = [(text + " ") * (PROBE_LENGTH // (len(text) + 1) + 1) for text in texts if text]
    return runs + after + repeated


@functools.lru_cache(maxsize=1024)  # the tests read the same file in many copies: probe each pattern once
def _refuse_runaway(source: str, texts: tuple[str, ...] = ()) -> None:
    compiled = compile_pattern(source)
    empty = ValueError(
        f"«{source}» matches the empty string, so it would fire on every page. Fix: make it require at least "
        "one word (no alternative may be all optional: «x*», «x?», an empty «|», a bare «\\b» or look-ahead)"
    )
    if compiled.search("") is not None:
        raise empty
    for text in _probes(source, texts):
        try:
            with time_limit(SEARCH_SECONDS):
                found = compiled.search(text)
        except PatternTimeout:
            raise ValueError(
                f"«{source}» took more than {SEARCH_SECONDS:g} s on a run of {len(text) - 2} «{text[0]}»: it "
                "backtracks without end. Fix: no repeated group that itself repeats («(\\w+\\s?)+», «(а+)+»); "
                "use {near} for «a few words later»"
            ) from None
        if found is not None and found.end() == found.start():
            raise empty


def compile_pattern(source: str) -> re.Pattern[str]:
    """Compile an entry's pattern with `{near}` expanded; ValueError with the reason if it is not valid."""
    try:
        return re.compile(source.replace("{near}", NEAR), re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"«{source}» is not a valid regular expression ({error})") from None


class KnownError(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    why: str = Field(min_length=10)
    fix: str = Field(min_length=5)
    examples: list[str] = Field(min_length=1)
    fine: list[str] = Field(default_factory=list)
    # after the texts: pydantic validates fields in this order, and the patterns are tried on the texts
    pattern: str = Field(min_length=3)
    unless: str | None = None
    _line: int = PrivateAttr(default=1)  # the entry's line in the file, for problems found later

    @property
    def line(self) -> int:
        return self._line

    @field_validator("pattern", "unless")
    @classmethod
    def _compiles(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None:
            texts = (*info.data.get("examples", ()), *info.data.get("fine", ()))
            _refuse_runaway(value, texts)  # compiles it, then tries it on the empty string and on long probes
        return value

    @model_validator(mode="after")
    def _examples_behave(self) -> KnownError:
        try:
            return self._examples_are_caught()
        except PatternTimeout:
            raise ValueError(
                f"the pattern took more than {SEARCH_SECONDS:g} s on its own examples: it backtracks without end"
            ) from None

    def _examples_are_caught(self) -> KnownError:
        for text in self.examples:
            if not find(self, text):
                raise ValueError(f"the pattern does not catch its own example «{text}»; fix `pattern` or the example")
        for text in self.fine:
            if find(self, text):
                raise ValueError(
                    f"the pattern catches the text listed as fine «{text}»; narrow `pattern` or add `unless`"
                )
        return self


class KnownErrorsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    errors: list[KnownError]


@dataclass(frozen=True)
class Hit:
    entry: KnownError
    start: int
    end: int
    text: str


def find(entry: KnownError, text: str) -> list[Hit]:
    """Every place in `text` where `entry` applies (its `unless` does not clear the sentence)."""
    return [Hit(entry, start, end, found) for start, end, found in _matches(entry.pattern, entry.unless, text)]


@functools.lru_cache(maxsize=4096)
def _matches(pattern_source: str, unless_source: str | None, text: str) -> tuple[tuple[int, int, str], ...]:
    """find()'s spans. A pure function of its arguments, so kept: `{near}` patterns cost about 0.2 s
    per run over the whole site, and the tests check dozens of copies that differ in one page."""
    pattern = compile_pattern(pattern_source)
    unless = compile_pattern(unless_source) if unless_source else None
    spans = []
    with time_limit(SEARCH_SECONDS):  # the file passed its probes; a page must not stall the run either
        for match in pattern.finditer(text):
            if unless and unless.search(sentence_around(text, match.start(), match.end())):
                continue
            spans.append((match.start(), match.end(), match.group(0)))
    return tuple(spans)


_SENTENCE_END = re.compile(r"\.\s+(?=[А-ЯЁA-Z«])|\n[ \t]*\n|\n[ \t]*\|")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or table row, or paragraph) that holds text[start:end]."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        begin = boundary.end()
    following = _SENTENCE_END.search(text, end)
    return text[begin : following.start() if following else len(text)]


def load(root: Path) -> tuple[list[KnownError], list[Problem]]:
    """The entries of data/known-errors.yml, or the problems that make the file unusable (each bad entry at
    its own line: macros/yaml_records.py)."""
    records = read_records(root / KNOWN_ERRORS_FILE, KNOWN_ERRORS_FILE, KnownErrorsFile, "content", WORDING)
    if records.content is None:
        return [], records.problems
    entries = records.content.errors
    for entry, line in zip(entries, records.lines, strict=True):
        entry._line = line
    return entries, []
