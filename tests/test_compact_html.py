"""ozon/compact_html: less whitespace and a shorter page config, the same page for the browser."""

from __future__ import annotations

import json
import random
import re

from ozon_help.plugins.compact_html.compact import collapse_breaks, compact

from .conftest import BuildResult


def test_line_breaks_with_indentation_become_one_break_outside_kept_blocks() -> None:
    html = (
        "<ul>\n    <li>a</li>\n\n      <li>b</li>\n</ul>\n"
        "<pre>  x\n\n    y</pre>\n  <script>var a = 1;\n\n  b()</script>"
    )
    out = compact(html)
    assert out.startswith("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
    assert "<pre>  x\n\n    y</pre>" in out and "<script>var a = 1;\n\n  b()</script>" in out


def test_breaks_collapse_as_the_whitespace_expression_does() -> None:
    """collapse_breaks is a faster way of one regular expression: the same text on every kind of white space."""
    expression = re.compile(r"[ \t]*\n\s*")
    rng = random.Random(7)
    alphabet = [" ", "\t", "\n", "\r", "\xa0", "\u2028", "\f", "\x1f", "\u3000", "a", "<b>"]
    texts = ["", "\n", "a", " \t", "a  \n  b", "a\n\n\n", "\n\xa0\n", "x\r\n y"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(3000)]
    for text in texts:
        assert collapse_breaks(text) == expression.sub("\n", text), repr(text)


def test_page_config_is_the_same_data_written_shorter_and_script_safe() -> None:
    data = {"translations": {"search.result.none": "Совпадений не найдено"}, "x": "</script><b>&"}
    # ensure_ascii and script-safe, as Material writes it (Jinja's tojson)
    block = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    html = f'<script id="__config" type="application/json">{block}</script>'
    out = compact(html)
    inner = re.search(r'application/json">(.*)</script>$', out, re.S)
    assert inner is not None
    assert json.loads(inner.group(1)) == data
    assert "Совпадений" in inner.group(1) and len(inner.group(1)) < len(block)
    assert not re.search("[<>&]", inner.group(1)), "the block could end early or be read as markup"


def test_real_pages_keep_their_config_readable(built_site: BuildResult) -> None:
    page = (built_site.site / "brak" / "index.html").read_text(encoding="utf-8")
    inner = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    assert inner is not None and json.loads(inner.group(1))["translations"]
