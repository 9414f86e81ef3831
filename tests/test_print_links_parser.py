"""ozon/print_links finds links with a real HTML parser and changes nothing but the attribute it adds."""

from __future__ import annotations

import re

from ozon_help.plugins.print_links.marks import mark_links

from .conftest import BuildResult

_MARK = re.compile(r' data-print-href="[^"]*"')


def test_only_the_attribute_is_inserted_on_every_built_page(built_site: BuildResult) -> None:
    marked = 0
    for path in sorted(built_site.site.rglob("*.html")):
        plain = _MARK.sub("", path.read_text(encoding="utf-8"))
        again = mark_links(plain)
        assert _MARK.sub("", again) == plain, f"{path}: something besides data-print-href changed"
        marked += len(_MARK.findall(again))
    assert marked > 0


def test_quotes_entities_and_nesting() -> None:
    html = (
        "<p><a class='x' href='https://example.ru/a?b=1&amp;c=2'>сайт <code>x</code></a> "
        '<a href="https://example.ru/">example.ru</a> <a href="tel:+78005554943">8 (800) 555-49-43</a>'
        "<a href=\"mailto:a@b.ru\">написать</a></p>"
    )
    out = mark_links(html)
    address = "https://example.ru/a?b=1&amp;c=2"
    assert f"<a class='x' href='{address}' data-print-href=\"{address}\">" in out
    assert '<a href="https://example.ru/">example.ru</a>' in out  # its text already is the address
    assert '<a href="tel:+78005554943">8 (800) 555-49-43</a>' in out
    assert '<a href="mailto:a@b.ru" data-print-href="a@b.ru">написать</a>' in out


def test_markup_inside_a_script_is_not_a_link() -> None:
    html = '<script>var s = "<a href=\\"https://example.ru/\\">x</a>";</script>'
    assert mark_links(html) == html
