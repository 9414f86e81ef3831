"""macros/fast_render.py gives exactly Jinja's output, and leaves what it cannot do to Jinja."""

from __future__ import annotations

import pytest
from jinja2 import Environment, StrictUndefined
from jinja2.exceptions import UndefinedError

from macros.fast_render import FastRenderer

PAGE = 'Позвоните: {{ phone("rpn") }}, {{ hours("rpn") }}.\n\n{{ short_answer() }}\n{{ page_title }} {{ 2 + 3 }}\n'


def _env() -> Environment:
    env = Environment(undefined=StrictUndefined)
    env.globals.update(phone=lambda cid: f"<a href='tel:{cid}'>8 800</a>", hours=lambda cid: "круглосуточно",
                       short_answer=lambda: "## Коротко { #korotko }\n\nТекст.\n")
    return env


def test_same_output_as_jinja() -> None:
    env = _env()
    variables = {"page_title": "Заказ"}
    assert FastRenderer(env).render(PAGE, variables) == env.from_string(PAGE).render(**variables)


@pytest.mark.parametrize("page", ["{% if x %}a{% endif %}", "{# note #}", "{{- x }}", "{{ x -}}"])
def test_statements_comments_and_trimming_go_to_jinja(page: str) -> None:
    assert not FastRenderer(_env()).handles(page)


def test_unknown_macro_raises_so_the_page_goes_to_jinja() -> None:
    with pytest.raises(UndefinedError):
        FastRenderer(_env()).render("{{ nope() }}", {})
