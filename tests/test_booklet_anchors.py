"""ozon/booklet's Anchors (chapters.py): the fast path for a chapter heading notes what a parse of it would note."""

from __future__ import annotations

import pytest

from ozon_help.plugins.booklet.chapters import Anchors, _heading


@pytest.mark.parametrize(
    "anchor",
    ["brak", "zakaz-poteryalsya", "synthetic-sluchaj-0001", "a_b.c", "брак", "a&amp;b", "a&b", 'a"b', "a b", "a<b"],
)
@pytest.mark.parametrize("number", [0, 7])
def test_a_heading_is_noted_as_a_parse_of_it_notes_it(anchor: str, number: int) -> None:
    html = _heading(2, "Брак & <возврат>", anchor, 'class="booklet-chapter" ', number)
    parsed, noted = Anchors(), Anchors()
    parsed.read(html)
    noted.read_heading(html, anchor)
    assert (noted.ids, noted.links) == (parsed.ids, parsed.links)
