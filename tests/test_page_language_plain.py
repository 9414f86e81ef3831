"""The page language's plain reader (macros/page_language.py `plain_calls`) reads a page exactly as Jinja's
parser does, or leaves it to Jinja.

The build reads most pages without Jinja's lexer and parser (build speed, issue 28). The rule: wherever the
plain reader gives an answer, it is the ParsedPage Jinja's own reading gives (text, calls with their lines
and the page's own writing, problems with their lines and fixes); wherever the page holds anything else, it
gives no answer and Jinja reads the page. Pure functions with the site's own macro registry, no build.
"""

from __future__ import annotations

import random
from pathlib import Path

import jinja2
import pytest

from macros.front_matter import front_matter_block
from macros.page_language import parse_page, parse_page_with_jinja, plain_calls
from macros.registry import MacroRegistry
from sitebuild.synthetic import _guide, contact_ids
from sitecheck.references import _JINJA, registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def macros() -> MacroRegistry:
    return registry(ROOT)


def _body_and_offset(text: str) -> tuple[str, int]:
    found = front_matter_block(text)
    if found is None:
        return text, 0
    end = found[1]
    return text[end:], text.count("\n", 0, end)


def _same_both_ways(body: str, macros: MacroRegistry, offset: int = 0) -> bool:
    """parse_page equals Jinja's reading; True when the plain reader answered itself."""
    by_jinja = parse_page_with_jinja(body, macros, _JINJA, offset)
    assert parse_page(body, macros, _JINJA, offset) == by_jinja
    plain = plain_calls(body, macros, _JINJA, offset)
    assert plain is None or plain == by_jinja
    return plain is not None


def test_every_page_of_the_site_reads_the_same(macros: MacroRegistry) -> None:
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert pages
    for page in pages:
        body, offset = _body_and_offset(page.read_text(encoding="utf-8-sig").replace("\r\n", "\n"))
        _same_both_ways(body, macros, offset)


def test_synthetic_guides_read_the_same_and_without_jinja(macros: MacroRegistry) -> None:
    """The benchmark's guides (sitebuild/synthetic.py) are what the plain reader is for: each takes it."""
    rng = random.Random(7)
    ids = contact_ids(ROOT / "data" / "contacts.yml")
    for index in range(1, 41):
        body, offset = _body_and_offset(_guide(index, rng, ids)[1])
        assert _same_both_ways(body, macros, offset), body


def _first_ids() -> dict[str, str]:
    return contact_ids(ROOT / "data" / "contacts.yml")


# Pages the plain reader answers: text and plain calls (right or wrong in their arguments).
PLAIN = [
    "",
    "\n",
    "Только текст, без вызовов.\n\n}} и %} и #} остаются текстом.\n",
    '{{ phone("PHONE") }}',
    '{{phone("PHONE")}}\n\n',
    'До {{ phone("PHONE") }} и {{ phone("PHONE") }} после, и ещё {{ hours("PHONE") }}.\n',
    "Одинарные кавычки: {{ link('CHAT', 'чат поддержки') }}.\n",
    'С табуляцией: {{\tlink( "CHAT" ,\t"чат" )\t}}\n',
    'Ключевое слово: {{ link("CHAT", text="чат") }}\n',
    'Строка со скобками: {{ link("CHAT", "чат }} поддержки (Ozon)") }}\n',
    "{{ short_answer() }}\n\n## Подробно { #podrobno }\n\nТекст.\n",
    '{{ phone("no-such-contact") }}\n',
    "{{ phone() }}\n",
    '{{ phone("PHONE", "a", "b", "c") }}\n',
    '{{ link("CHAT", nope="x") }}\n',
    '{{ link("CHAT", text="a", text="b") }}\n',
    '{{ link("CHAT", "a", text="b") }}\n',
    "Строки\nи\n\nещё строки {{ hours('PHONE') }}\n\n\n",
]
# Pages it leaves to Jinja: anything else Jinja reads as syntax, or reads differently.
TO_JINJA = [
    "{% raw %}{{ phone() }}{% endraw %}\n",
    "{# комментарий #}\n",
    "## Заголовок {#id}\n",
    '{{- phone("PHONE") }}\n',
    '{{ phone("PHONE") -}}\n',
    '{{ phone("PHONE") | upper }}\n',
    '{{ phone("PHONE"), phone("PHONE") }}\n',
    '{{ link("CHAT", text="a", "b") }}\n',
    '{{ link("CHAT", "a" "b") }}\n',
    '{{ link("CHAT",) }}\n',
    '{{ link("CHAT", "a\\nb") }}\n',
    '{{ link("CHAT", "a\\\\b") }}\n',
    '{{ link("CHAT",\n "чат") }}\n',
    "{{ config }}\n",
    "{{ config.site_name }}\n",
    '{{ true("x") }}\n',
    '{{ none("x") }}\n',
    '{{ undefined_macro("x") }}\n',
    "{{{ phone('PHONE') }}\n",
    "{{ phone(1) }}\n",
    "{{ phone(*ids) }}\n",
    "{{ }}\n",
    "Незакрытый {{ phone('PHONE')\n",
    "Строка\r\nс CRLF {{ phone('PHONE') }}\r\n",
    "{% if true %}x{% endif %}\n",
    "{{ phone('PHONE') }} и {{ оплата('x') }}\n",
]


def _with_ids(text: str, macros: MacroRegistry) -> str:
    for token, contact in _first_ids().items():
        text = text.replace(f"'{token}'", f"'{contact}'").replace(f'"{token}"', f'"{contact}"')
    return text


@pytest.mark.parametrize("body", PLAIN)
def test_plain_pages_are_read_without_jinja_as_jinja_reads_them(body: str, macros: MacroRegistry) -> None:
    assert _same_both_ways(_with_ids(body, macros), macros, offset=5)


@pytest.mark.parametrize("body", TO_JINJA)
def test_everything_else_is_left_to_jinja(body: str, macros: MacroRegistry) -> None:
    assert not _same_both_ways(_with_ids(body, macros), macros, offset=5)


def test_a_page_with_every_plain_case_reads_the_same(macros: MacroRegistry) -> None:
    """The cases together, so lines, the same macro twice on a line and text between calls all count."""
    assert _same_both_ways(_with_ids("\n".join(PLAIN), macros), macros, offset=3)


@pytest.mark.parametrize(
    "settings",
    [
        {"variable_start_string": "<<", "variable_end_string": ">>"},
        {"comment_start_string": "<#", "comment_end_string": "#>"},
        {"line_statement_prefix": "%"},
        {"keep_trailing_newline": True},
        {"extensions": ["jinja2.ext.loopcontrols"]},
    ],
)
def test_an_environment_not_at_jinjas_defaults_reads_the_same(
    settings: dict[str, object], macros: MacroRegistry
) -> None:
    """mkdocs-macros can be given other delimiters (mkdocs.yml): the plain reader then answers only where its
    reading is still Jinja's (a trailing line break kept), and otherwise steps aside."""
    jinja = jinja2.Environment(**settings)  # type: ignore[arg-type]
    body = _with_ids('Текст {{ phone("PHONE") }}\n\n', macros)
    plain = plain_calls(body, macros, jinja)
    assert parse_page(body, macros, jinja) == parse_page_with_jinja(body, macros, jinja)
    assert plain is None or plain == parse_page_with_jinja(body, macros, jinja)
    if "keep_trailing_newline" not in settings:
        assert plain is None


def test_a_macro_named_like_a_jinja_word_is_left_to_jinja(macros: MacroRegistry) -> None:
    """`not`, `none`, `true`… are operators and constants to Jinja's parser, not names."""
    spec = next(iter(macros.specs.values()))
    for word in ("not", "none", "true", "in"):
        registry = MacroRegistry(dict(macros.specs, **{word: spec}))
        body = f'Текст {{{{ {word}("x") }}}}\n'
        assert plain_calls(body, registry, _JINJA) is None
        assert parse_page(body, registry, _JINJA) == parse_page_with_jinja(body, registry, _JINJA)
