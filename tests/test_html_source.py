"""ozon_help/html_source.py: tags and attributes with their offsets, as html.parser reads them."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from ozon_help.html_source import (
    EndTag, LastPage, StartTag, Text, Token, add_attributes, parse, remove, scan, set_value, splice,
)

from .conftest import BuildResult

# html.parser is pure Python: reading every built page costs some 0.6 CPU-s. The two tests of every built page
# read one parse of each (`built_pages`), so they run on one worker (dev/testing.md).
BUILT_PAGES_GROUP = "html-source-built-pages"


def _at(source: str, offset: int, name: str) -> bool:
    """`name` is written at `offset`, in any case."""
    return source[offset : offset + len(name)].lower() == name


def _tags(source: str) -> list[StartTag]:
    return [token for token in scan(source) if isinstance(token, StartTag)]


@pytest.fixture(scope="session")
def built_pages(built_site: BuildResult) -> list[tuple[Path, str, tuple[Token, ...]]]:
    """Every built page, its text and scan() of it (which itself refuses attributes that differ from
    html.parser's), read once for the tests below. The tokens are tuples: no test can change them."""
    pages = []
    for path in sorted(built_site.site.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        pages.append((path, source, scan(source)))
    return pages


@pytest.mark.xdist_group(BUILT_PAGES_GROUP)
def test_offsets_point_at_what_the_parser_read_on_every_built_page(
    built_pages: list[tuple[Path, str, tuple[Token, ...]]],
) -> None:
    tags = 0
    for path, source, tokens in built_pages:
        for token in tokens:
            if isinstance(token, EndTag):
                assert source[token.start : token.name_start].replace(" ", "") == "</", (path, token)
                assert _at(source, token.name_start, token.name), (path, token)
            if not isinstance(token, StartTag):
                continue
            tags += 1
            assert source[token.start] == "<" and source[token.end - 1] == ">" and source[token.close] in ">/"
            assert _at(source, token.start + 1, token.name), (path, token)
            for attribute in token.attributes:
                assert _at(source, attribute.start, attribute.name), (path, attribute)
                if attribute.value is not None:
                    raw = source[attribute.value_start : attribute.value_end]
                    assert html.unescape(raw) == attribute.value, (path, attribute)
        assert splice(source, []) == source
    assert tags > 1000


def _with_attribute_on_every_tag(
    source: str, name: str = "data-print-href", tokens: tuple[Token, ...] | None = None
) -> None:
    """add_attributes' tokens are the ones html.parser reads from its result, whatever the tags look like.
    `tokens`: parse(source), when the caller has it."""
    tokens = parse(source) if tokens is None else tokens
    starts = [index for index, token in enumerate(tokens) if isinstance(token, StartTag)]
    added = {index: (name, f'v{index} "<&>\'') for index in starts[::2]}  # every other tag, odd characters
    last_page = LastPage()
    result = add_attributes(source, tokens, added, last_page)
    assert last_page.scanned(result) == parse(result), source[:200]
    assert last_page.scan(result) is last_page.scanned(result)  # remembered: the next plugin does not parse it again


@pytest.mark.xdist_group(BUILT_PAGES_GROUP)
def test_added_attributes_give_the_tokens_the_parser_reads_on_every_built_page(
    built_pages: list[tuple[Path, str, tuple[Token, ...]]],
) -> None:
    for path, source, tokens in built_pages:
        if path.stat().st_size < 2_000_000:  # the whole booklet is the same tags as the guides, 9 MB of them
            _with_attribute_on_every_tag(source, tokens=tokens)


@pytest.mark.parametrize(
    "source",
    [
        '<a href="x" >t</a><a href=y>u</a><a href>v</a><br/><img src=z /><p\n\tclass="a"\n>w</p>',
        "<A HREF='q'>X</A><script>'<a href=no>'</script><a title=\"a>b\" href=c>d</a>",
        '<!-- <a href="c"> --><a\u2028href="d">e</a>\r\n<a href="&amp;">&lt;</a><a href="" data-x>f</a>',
    ],
)
def test_added_attributes_give_the_tokens_the_parser_reads_on_odd_tags(source: str) -> None:
    _with_attribute_on_every_tag(source)


def test_offsets_survive_line_separators_that_are_not_newlines() -> None:
    # html.parser counts only «\n»; str.splitlines() would also break at U+2028, form feed and «\r».
    source = 'a\u2028b\x0cc\r\nd<p id="x">y</p>\n<a href="#x">z</a>'
    anchors = [tag for tag in _tags(source) if tag.name == "a"]
    paragraph = next(tag for tag in _tags(source) if tag.name == "p")
    assert source[paragraph.start : paragraph.end] == '<p id="x">'
    assert source[anchors[0].start : anchors[0].end] == '<a href="#x">'


def test_nothing_inside_comments_scripts_or_styles_is_a_tag() -> None:
    source = '<!-- <a href="x"> --><script>"<a href=y>"</script><style>a::after{content:"<b>"}</style><i>t</i>'
    assert [tag.name for tag in _tags(source)] == ["script", "style", "i"]
    assert Text("t") in scan(source)


@pytest.mark.parametrize(
    ("source", "new", "expected"),
    [
        ('<a href="x" title="t">', "a&b\"c'", '<a href="a&amp;b&quot;c&#x27;" title="t">'),
        ("<a href='x'>", "y z", "<a href='y z'>"),
        ("<a href=x>", "y z", '<a href="y z">'),  # unquoted: quoted once it changes
        ("<input checked>", "on", '<input checked="on">'),
    ],
)
def test_set_value_escapes_for_where_the_value_stands(source: str, new: str, expected: str) -> None:
    attribute = _tags(source)[0].attributes[0]
    assert splice(source, [set_value(attribute, new)]) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('<a href="x"  data-print-href="y">', '<a href="x">'),
        ('<a href="x"data-print-href="y">', '<a href="x">'),  # no space before it: the quote stays
        ("<a data-print-href=y href=x>", "<a href=x>"),
        ("<a href=x data-print-href>", "<a href=x>"),
    ],
)
def test_remove_takes_the_attribute_and_the_space_before_it(source: str, expected: str) -> None:
    attribute = next(a for a in _tags(source)[0].attributes if a.name == "data-print-href")
    assert splice(source, [remove(attribute)]) == expected


def test_self_closing_tag_gets_new_attributes_before_its_slash() -> None:
    tag = _tags('<img src="a.png" />')[0]
    assert tag.self_closing and splice('<img src="a.png" />', [(tag.close, tag.close, ' alt=""')]) == (
        '<img src="a.png"  alt=""/>'
    )


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        splice("abcdef", [(0, 3, "x"), (2, 4, "y")])
    assert splice("abcdef", [(3, 3, "2"), (3, 3, "1"), (0, 1, "A")]) == "Abc21def"  # inserts keep their order
