"""Issue 25, class 5: a known error is found in the text a reader sees, whatever markup splits it.

The wrong texts are the examples of data/known-errors.yml (never typed here); each is put into a page
with its words wrapped in markup, entities or a line break, and the content check still names its line.
"""

from __future__ import annotations

import pytest

from sitecheck import content, known_errors
from sitecheck.project import Page

from .conftest import ROOT

ENTRIES, _ = known_errors.load(ROOT)


def _split_by(entry: known_errors.KnownError, how: str) -> str:
    """The entry's first example with markup around the last word of the wrong text itself (inside
    what the pattern matches): what the reader sees is unchanged."""
    example = entry.examples[0]
    hit = known_errors.find(entry, example)[0]
    # A one-word error is wrapped whole (the break then comes before it).
    cut = example.rfind(" ", hit.start, hit.end)
    cut = cut if cut != -1 else example.rfind(" ", 0, hit.start)
    word_end = next((i for i in range(cut + 1, len(example)) if example[i] in " ,.()"), len(example))
    head, word, tail = example[: max(cut, 0)], example[cut + 1 : word_end], example[word_end:]
    return {
        "bold": f"{head} <b>{word}</b>{tail}",
        "emphasis": f"{head} *{word}*{tail}",
        "entity": f"{head}&nbsp;{word}{tail}",
        "span": f'{head} <span class="x">{word}</span>{tail}',
        "line break": f"{head}\n{word}{tail}",
    }[how]


@pytest.mark.parametrize("how", ["bold", "emphasis", "entity", "span", "line break"])
@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_a_known_error_split_by_markup_is_found(entry: known_errors.KnownError, how: str) -> None:
    text = "---\ntitle: T\n---\n\nТекст.\n\n" + _split_by(entry, how) + "\n"
    page = Page("t.md", "docs/t.md", text, {"title": "T"}, 4)
    found = [p for p in content.check_known_errors(page, [entry]) if "known error" in p.message]
    one_word = " " not in known_errors.find(entry, entry.examples[0])[0].text
    assert [p.line for p in found] == [8 if how == "line break" and one_word else 7], (_split_by(entry, how), found)
