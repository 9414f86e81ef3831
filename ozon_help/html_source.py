"""Where each tag and attribute of a page is in its source text, read with the standard library's parser.

The plugins that change a built page (ozon/print_links, ozon/booklet) find what to change with a
real HTML parser and then splice their edits into the original text at the parser's offsets. Everything
they do not touch stays byte for byte as MkDocs wrote it: re-serialising a parsed tree would not (lxml
and selectolax both rewrite quotes, entities and whitespace; see bench/html_parsers.py). A regular
expression over the page would also match inside comments, <script> and <style>; the parser does not.

Attribute positions come from the same tokenizer html.parser uses for the tag (its `tagfind_tolerant`
and `attrfind_tolerant`), so names and values are the ones the parser reports: tests/test_html_source.py
checks that on every built page.
"""

from __future__ import annotations

import html.parser
import operator
import re
from collections.abc import Iterable
from typing import NamedTuple


class Attribute(NamedTuple):  # named tuples: a page has thousands of tags, and they are cheap to make
    name: str  # lower case, as the parser reports it
    value: str | None  # entities decoded; None for a bare attribute (`<input checked>`)
    start: int  # offset of the attribute's name in the page
    value_start: int  # offsets of the value's text, inside its quotes if it has them;
    value_end: int  # both equal `start` for a bare attribute
    quote: str = ""  # the value's quote: «"», «'» or none
    space_start: int = -1  # offset of the whitespace before the name (= start when there is none)

    @property
    def end(self) -> int:
        """Offset just after the attribute (its closing quote, its value, or its bare name)."""
        return self.value_end + len(self.quote) if self.value is not None else self.start + len(self.name)


class StartTag(NamedTuple):
    name: str  # lower case
    start: int  # offset of «<»
    end: int  # offset just after «>»
    close: int  # offset of the closing «>» or «/>»: where a new attribute goes
    attributes: tuple[Attribute, ...]
    self_closing: bool = False  # written `<tag … />`

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


class EndTag(NamedTuple):
    name: str  # lower case
    start: int  # offset of «</»
    name_start: int  # offset of the name, just after «</»


class Text(NamedTuple):
    text: str  # entities decoded


Token = StartTag | EndTag | Text
# Tokens are made with tuple.__new__, which skips a named tuple's __new__ written in Python (a page has thousands
# of tags); every field is given, in order, as the class lists them.
_new_tuple = tuple.__new__
_END_TAG_OPEN = re.compile(r"</\s*")  # html.parser allows spaces here (its `endtagfind`)
# html.parser's own tokenizer for a start tag; module-level names that typeshed does not list.
_TAG_NAME: re.Pattern[str] = html.parser.tagfind_tolerant  # type: ignore[attr-defined]
_ATTRIBUTE: re.Pattern[str] = html.parser.attrfind_tolerant  # type: ignore[attr-defined]


class _Scanner(html.parser.HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.tokens: list[Token] = []
        self._at = 0  # offset in `source` where html.parser stands: the start of the token it hands on
        self._consumed = 0  # what feed() read and dropped from the parser's buffer before close() reads the rest

    def updatepos(self, i: int, j: int) -> int:
        # html.parser calls this as it moves from i to j in its buffer, and counts the lines in between for
        # getpos(); a scanner that only needs the offset skips that count (a tenth of a parse).
        self._at = self._consumed + j
        return j

    def close(self) -> None:
        self._consumed = len(self.source) - len(self.rawdata)
        super().close()

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> None:
        start = self._at
        raw = self.get_starttag_text() or ""
        attributes = _attributes(raw, start, attrs) if attrs else ()
        end = start + len(raw)
        close = end - 2 if self_closing and raw.endswith("/>") else end - 1
        self.tokens.append(_new_tuple(StartTag, (tag, start, end, close, attributes, self_closing)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=True)

    def handle_endtag(self, tag: str) -> None:
        start = self._at
        name_start = start + 2
        if self.source[name_start : name_start + 1].isspace():  # `</ p>`, which html.parser allows; rare
            opened = _END_TAG_OPEN.match(self.source, start)
            name_start = opened.end() if opened else name_start
        self.tokens.append(_new_tuple(EndTag, (tag, start, name_start)))

    def handle_data(self, data: str) -> None:
        self.tokens.append(_new_tuple(Text, (data,)))


def _attributes(raw: str, offset: int, parsed: list[tuple[str, str | None]]) -> tuple[Attribute, ...]:
    """The attributes html.parser read (`parsed`) of one start tag `raw` found at `offset`, with where each
    stands: tokenized again as HTMLParser.parse_starttag does, with its own expressions; the names and
    values are the parser's (a name or count that differs stops the build: a newer Python could differ)."""
    match = _TAG_NAME.match(raw, 1)
    found_list: list[Attribute] = []
    k, end = (match.end() if match is not None else len(raw)), len(raw)
    while k < end:
        found = _ATTRIBUTE.match(raw, k)
        if found is None:
            break
        index = len(found_list)
        if index >= len(parsed) or parsed[index][0] != found.group(1).lower():
            break
        name, value = parsed[index]
        start = offset + found.start(1)
        space = found.start(1)
        while space > 0 and raw[space - 1].isspace():
            space -= 1
        if not found.group(2):  # a bare attribute, whose value html.parser gives as None
            found_list.append(_new_tuple(Attribute, (name, value, start, start, start, "", offset + space)))
        else:
            value_start, value_end = found.span(3)
            quote = raw[value_start : value_start + 1]
            if quote in ("'", '"') and value_end - value_start >= 2 and raw[value_end - 1] == quote:
                value_start, value_end = value_start + 1, value_end - 1
            else:
                quote = ""
            found_list.append(_new_tuple(Attribute, (name, value, start, offset + value_start, offset + value_end,
                                                     quote, offset + space)))
        k = found.end()
    if len(found_list) != len(parsed):
        raise ValueError(f"html_source: the attributes of {raw!r} were not read as html.parser reads them")
    return tuple(found_list)


def scan(source: str) -> tuple[Token, ...]:
    """Every start tag, end tag and text of `source`, in order, with offsets into `source`."""
    return parse(source)


def parse(source: str) -> tuple[Token, ...]:
    """html.parser reads `source` now (scan(), and LastPage.scan() when it has not seen the text)."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    return tuple(scanner.tokens)


class LastPage:
    """The page scanned last and its tokens. Two plugins read each guide's content one after the other
    (ozon/print_links marks it, ozon/booklet keeps its tags for the chapters): print_links' tokens of the
    marked page (add_attributes) serve the booklet, instead of another run of html.parser over the same text.
    Keyed by the whole text, so a plugin that changed a byte gets its own scan; one page only, so nothing
    outlives the page. ozon/print_links keeps one on itself (`last_page`), which ozon/booklet asks."""

    def __init__(self) -> None:
        self._text = ""
        self._tokens: tuple[Token, ...] = ()

    def scan(self, source: str) -> tuple[Token, ...]:
        """scan(source), without a parse when `source` is the page scanned last."""
        known = self.scanned(source)
        if known is not None:
            return known
        tokens = parse(source)
        self.remember(source, tokens)
        return tokens

    def scanned(self, source: str) -> tuple[Token, ...] | None:
        """The tokens of `source` if it is the page scanned last (no parse), else None."""
        return self._tokens if self._text == source else None

    def remember(self, source: str, tokens: tuple[Token, ...]) -> None:
        self._text, self._tokens = source, tokens


def add_attributes(
    source: str, tokens: tuple[Token, ...], added: dict[int, tuple[str, str]], last_page: LastPage | None = None
) -> str:
    """`source` (whose tokens are `tokens`) with `name="value"` added at the end of each start tag
    `tokens[index]` of `added`; the tokens of the result are worked out from `tokens`, as html.parser would
    read them (tests/test_html_source.py compares the two on every built page), so `last_page` remembers them
    and its next scan() of the result costs nothing."""
    if not added:
        return source
    edits: list[Edit] = []
    out: list[Token] = []
    shift = 0  # characters inserted before the current token
    for index, token in enumerate(tokens):
        extra = added.get(index)
        if (not shift and extra is None) or isinstance(token, Text):
            pass  # as it was
        elif isinstance(token, EndTag):
            token = EndTag(token.name, token.start + shift, token.name_start + shift)
        elif isinstance(token, StartTag):
            close = token.close
            attributes = tuple(
                Attribute(a.name, a.value, a.start + shift, a.value_start + shift, a.value_end + shift, a.quote,
                          a.space_start + shift)
                for a in token.attributes
            ) if shift else token.attributes
            grown = 0
            if extra is not None:
                name, value = extra
                text = f' {name}="{html.escape(value, quote=True)}"'
                edits.append((close, close, text))
                space = close  # the parser counts the white space before the new name as its own
                while space > token.start and source[space - 1].isspace():
                    space -= 1
                name_start = close + shift + 1
                attributes += (
                    Attribute(name, value, name_start, name_start + len(name) + 2, close + shift + len(text) - 1,
                              '"', space + shift),
                )
                grown = len(text)
            token = StartTag(token.name, token.start + shift, token.end + shift + grown, close + shift + grown,
                             attributes, token.self_closing)
            shift += grown
        out.append(token)
    result = splice(source, edits)
    if last_page is not None:
        last_page.remember(result, tuple(out))
    return result


Edit = tuple[int, int, str]  # replace source[start:end] with the text
_SPAN = operator.itemgetter(0, 1)  # an edit's (start, end): the booklet sorts a hundred thousand of them


def set_value(attribute: Attribute, value: str) -> Edit:
    """The edit that gives `attribute` a new value, escaped for where it stands."""
    if attribute.quote:
        return (attribute.value_start, attribute.value_end, html.escape(value, quote=True))
    if attribute.value is None:  # a bare attribute gets a value after its name
        end = attribute.start + len(attribute.name)
        return (end, end, f'="{html.escape(value, quote=True)}"')
    return (attribute.value_start, attribute.value_end, f'"{html.escape(value, quote=True)}"')


def remove(attribute: Attribute) -> Edit:
    """The edit that deletes `attribute` and the whitespace before it."""
    return (attribute.space_start, attribute.end, "")


def splice(source: str, edits: Iterable[Edit]) -> str:
    """`source` with each edit applied; edits must not overlap (two inserts at one offset keep their order)."""
    parts: list[str] = []
    done = 0
    for start, end, text in sorted(edits, key=_SPAN):
        if start < done:
            raise ValueError(f"html_source: overlapping edits at offset {start}")
        parts += [source[done:start], text]
        done = end
    return "".join(parts) + source[done:]
