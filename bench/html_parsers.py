"""How fast each HTML parser reads the built site the way the checker does, and whether a parse and
re-serialisation gives the page back byte for byte (what a rewriting hook needs).

    python -m bench.html_parsers site [--rounds 7]

Parsers: the standard library's html.parser (what sitecheck/context.py used), lxml (libxml2, what it uses now) and
selectolax (Lexbor). The checker needs each reference's line: html.parser and lxml give it,
selectolax does not. Also: how many scripts each finds in markup Chromium runs as a script (comment and
CDATA tricks): only an HTML5 parser finds them all, which is why raw-html and ozon/csp read the
built page with Lexbor. Prints medians over rounds; the machine may be shared.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from html.parser import HTMLParser

URL_ATTRS = ("href", "src")


class _Collector(HTMLParser):
    """What sitecheck/context.py did before it used lxml: the standard library's parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        for attr in URL_ATTRS:
            if attr in values:
                self.refs.append((tag, attr, values[attr], self.getpos()[0]))

    handle_startendtag = handle_starttag


def with_html_parser(text: str) -> tuple[int, int]:
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return len(collector.ids), len(collector.refs)


def with_lxml(text: str) -> tuple[int, int]:
    import lxml.html

    root = lxml.html.document_fromstring(text)
    ids, refs = set(), []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if "id" in element.attrib:
            ids.add(element.attrib["id"])
        for attr in URL_ATTRS:
            if attr in element.attrib:
                refs.append((element.tag, attr, element.attrib[attr], element.sourceline))
    return len(ids), len(refs)


def with_selectolax(text: str) -> tuple[int, int]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    ids = {node.attributes.get("id") for node in tree.css("[id]")}
    refs = [(node.tag, node.attributes) for node in tree.css("[href], [src]")]  # no line numbers
    return len(ids), len(refs)


def round_trip_lxml(text: str) -> str:
    import lxml.html

    return str(lxml.html.tostring(lxml.html.document_fromstring(text), encoding="unicode", doctype="<!doctype html>"))


def round_trip_selectolax(text: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    return str(LexborHTMLParser(text).html)


def median_seconds(function: Callable[[str], object], texts: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            function(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.html_parsers", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.site.rglob("*.html"))]
    size = sum(len(t.encode()) for t in texts)
    rounds = args.rounds
    print(f"bench-html-parsers: {len(texts)} pages, {size / 1e6:.1f} MB, {rounds} rounds (medians; shared machine)")
    base = median_seconds(with_html_parser, texts, args.rounds)
    readers = (("html.parser", with_html_parser), ("lxml (checker)", with_lxml), ("selectolax", with_selectolax))
    for label, function in readers:
        seconds = base if function is with_html_parser else median_seconds(function, texts, args.rounds)
        print(f"  read like the checker  {label:18} {seconds * 1000:8.1f} ms  {base / seconds:5.2f}x html.parser")
    booklet = max(texts, key=len)
    for label, trip in (("lxml", round_trip_lxml), ("selectolax", round_trip_selectolax)):
        seconds = median_seconds(trip, [booklet], args.rounds)
        same = trip(booklet) == booklet
        print(f"  parse + write the largest page ({len(booklet) // 1024} KB) {label:11} {seconds * 1000:7.1f} ms, "
              f"byte-identical: {'yes' if same else 'no'}")
    print("  scripts seen in markup Chromium runs (issue 25: the checker must read the page as the browser does)")
    finders = (("html.parser", scripts_html_parser), ("lxml", scripts_lxml), ("selectolax", scripts_selectolax))
    for label, scripts in finders:
        seen = sum(1 for trick in PARSER_TRICKS if scripts(trick))
        print(f"    {label:12} {seen} of {len(PARSER_TRICKS)}")
    return 0


# Each holds a script Chromium runs; a parser that misses one would let a check miss it.
PARSER_TRICKS = (
    "<p><!--><script>a()</script>--></p>",
    "<p><!---><script>a()</script>--></p>",
    "<p><!-- x --!><script>a()</script>--></p>",
    "<p><![CDATA[x]]><script>a()</script></p>",
    "<svg><style><script>a()</script></style></svg>",
)


def scripts_html_parser(text: str) -> int:
    class Counter(HTMLParser):
        count = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.count += tag == "script"

    counter = Counter()
    counter.feed(text)
    counter.close()
    return counter.count


def scripts_lxml(text: str) -> int:
    import lxml.html

    return len(lxml.html.document_fromstring(f"<html><body>{text}</body></html>").findall(".//script"))


def scripts_selectolax(text: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    return len(LexborHTMLParser(text).css("script"))


if __name__ == "__main__":
    raise SystemExit(main())
