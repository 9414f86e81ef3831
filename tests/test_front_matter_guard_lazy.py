"""ozon/safety reads a page file only to place a problem (macros/front_matter_guard.py, build speed): the
lines are the ones the file's text gives, and a page without a problem is not read again."""

from __future__ import annotations

from macros.front_matter_guard import front_matter_problems

SOURCE = '---\ntitle: Заказ\nshort: "Текст <b>"\nasked:\n  - ок\n  - "a\u200bb"\ntemplate: x.html\n---\n\nТекст.\n'
META = {"title": "Заказ", "short": "Текст <b>", "asked": ["ок", "a\u200bb"], "template": "x.html"}


def test_lines_from_a_reader_are_the_lines_from_the_text() -> None:
    reads: list[int] = []

    def read() -> str:
        reads.append(1)
        return SOURCE

    lazy = front_matter_problems(META, read)
    assert lazy == front_matter_problems(META, SOURCE)
    assert [line for line, _, _ in lazy] == [3, 4, 7]  # short:, asked:, template: as the text has them
    assert reads == [1]  # read once for all three


def test_a_page_without_a_problem_is_not_read() -> None:
    def read() -> str:
        raise AssertionError("read without a problem to place")

    assert front_matter_problems({"title": "Заказ", "asked": ["ок"], "search": {"boost": 2}}, read) == []
