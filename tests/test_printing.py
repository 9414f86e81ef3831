"""Print support without a browser: booklet rewrites, checked dates, link addresses, built pages."""

from __future__ import annotations

import re
from datetime import date

from mkdocs.utils.yaml import yaml_load

from hooks.print_links import mark_links, print_address
from macros.booklet import build_booklet, chapter_anchor, demote_headings, prefix_ids, rewrite_links, rewrite_target
from macros.contacts_data import load_contacts
from macros.guide_index import Guide, guides, read_front_matter
from macros.printing import CheckedRange, checked_range

from .conftest import ROOT, BuildResult

BOOK = load_contacts(ROOT / "data" / "contacts.yml")
IN_BOOKLET = {"brak.md", "zakaz-poteryalsya.md"}


# ---- booklet rewrites ---------------------------------------------------------------------


def test_ids_get_the_guide_prefix_outside_code() -> None:
    md = "## Коротко { #korotko }\n\n```\n## x { #keep }\n```\n### Шаг { #shag .big }\n"
    out = prefix_ids(md, "brak.md")
    assert "{ #brak--korotko }" in out and "{ #brak--shag .big }" in out
    assert "{ #keep }" in out  # inside a fence: untouched


def test_headings_go_one_level_down() -> None:
    out = demote_headings("# A\n## B { #b }\n    ### C\nтекст # не заголовок\n")
    assert out == "## A\n### B { #b }\n    #### C\nтекст # не заголовок\n"


def test_links_into_booklet_guides_point_inside_the_booklet() -> None:
    def target(link: str, src: str = "brak.md") -> str:
        return rewrite_target(link, src, "pechat.md", IN_BOOKLET)

    assert target("#podrobno") == "#brak--podrobno"
    assert target("zakaz-poteryalsya.md#chto-sohranit") == "#zakaz-poteryalsya--chto-sohranit"
    assert target("zakaz-poteryalsya.md") == "#zakaz-poteryalsya"
    assert target("kontakty.md#ozon") == "kontakty.md#ozon"  # not a guide: the page itself
    assert target("../kontakty.md", "razdel/x.md") == "kontakty.md"
    assert target("https://www.ozon.ru/#x") == "https://www.ozon.ru/#x"
    assert target("tel:+78005554943") == "tel:+78005554943"


def test_rewrite_links_covers_inline_reference_and_html_links() -> None:
    md = '[a](#x) [b](zakaz-poteryalsya.md#y "t")\n[r]: brak.md#z\n<a href="#w">w</a>\n'
    out = rewrite_links(md, "brak.md", "pechat.md", IN_BOOKLET)
    assert out == '[a](#brak--x) [b](#zakaz-poteryalsya--y "t")\n[r]: #brak--z\n<a href="#brak--w">w</a>\n'


def test_booklet_has_contents_and_every_chapter_in_order() -> None:
    guides_ = [Guide("zakaz-poteryalsya.md", "Заказ потерялся", "s1", "Заказ"), Guide("brak.md", "Брак", "s2", "Товар")]
    result = build_booklet(guides_, "pechat.md", lambda g: f"## Подробно {{ #podrobno }}\n\n[к браку](brak.md#podrobno) {g.short}")
    md = result.markdown
    assert md.index("## Содержание") < md.index("## Заказ потерялся { #zakaz-poteryalsya .booklet-chapter }") < md.index("## Брак { #brak")
    assert "- [Брак](#brak)" in md and "**Товар**" in md
    assert "### Подробно { #brak--podrobno }" in md and "[к браку](#brak--podrobno)" in md
    assert chapter_anchor("a/b.md", "c") == "a-b--c"


# ---- checked dates -----------------------------------------------------------------------------


def test_checked_range_takes_oldest_and_newest() -> None:
    ids = list(BOOK.channels)[:6]
    found = checked_range(BOOK, ids)
    dates = [BOOK.channels[i].checked for i in ids]
    assert found == CheckedRange(min(dates), max(dates))
    assert checked_range(BOOK, []) is None
    assert checked_range(BOOK, ["no-such-id"]) is None


def test_checked_text_is_one_date_or_a_span() -> None:
    assert CheckedRange(date(2026, 11, 22), date(2026, 11, 22)).text() == "Контакты на странице проверены 22.11.2026"
    assert CheckedRange(date(2026, 10, 1), date(2026, 11, 22)).text() == "Контакты на странице проверены с 01.10.2026 по 22.11.2026"


# ---- link addresses ---------------------------------------------------------------------------


def test_print_address_only_when_text_does_not_show_it() -> None:
    assert print_address("https://www.ozon.ru/", "Сайт Ozon") == "https://www.ozon.ru/"
    assert print_address("https://www.ozon.ru/", "https://www.ozon.ru") is None
    assert print_address("https://www.ozon.ru/", "ozon.ru") is None
    assert print_address("tel:+78005554943", "8 (800) 555-49-43") is None
    assert print_address("tel:+78005554943", "позвоните") == "+78005554943"
    assert print_address("mailto:a@b.ru", "a@b.ru") is None
    assert print_address("mailto:a@b.ru", "напишите") == "a@b.ru"
    assert print_address("#podrobno", "Подробно") is None
    assert print_address("../brak/", "Брак") is None


def test_mark_links_adds_the_attribute_once() -> None:
    html = '<a class="x" href="https://a.ru/f?a=1&amp;b=2"><span>Форма</span></a> <a href="https://a.ru/">https://a.ru/</a>'
    out = mark_links(html)
    assert out.count("data-print-href") == 1
    assert 'data-print-href="https://a.ru/f?a=1&amp;b=2"' in out
    assert mark_links(out) == out


# ---- the built site -----------------------------------------------------------------------------


def _html(result: BuildResult, page: str) -> str:
    return (result.site / page / "index.html").read_text(encoding="utf-8")


def test_booklet_page_holds_every_guide(built_site: BuildResult) -> None:
    html = _html(built_site, "pechat")
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
        all_guides = guides(ROOT / "docs", yaml_load(config)["nav"])
    assert all_guides, "no guide in the navigation"
    positions = []
    for guide in all_guides:
        anchor = chapter_anchor(guide.src_path)
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html, guide.src_path
        assert f'id="{anchor}--korotko"' in html and f'id="{anchor}--podrobno"' in html, guide.src_path
        positions.append(html.index(f'id="{anchor}"'))
    assert positions == sorted(positions), "chapters are not in navigation order"
    # the booklet is no guide itself, and its ids never collide
    assert not read_front_matter(ROOT / "docs" / "pechat.md").get("short")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    # search finds the guides themselves, not their copies in the booklet
    index = (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"pechat/' not in index.replace(" ", "")


def test_print_header_on_every_page(built_site: BuildResult) -> None:
    html = _html(built_site, "zakaz-poteryalsya")
    header = re.search(r'<div class="print-header">(.*?)</div>', html, re.S).group(1)
    assert "Заказ потерялся" in header
    assert "https://problema-s-ozon.ru/zakaz-poteryalsya/" in header
    used = sorted(set(re.findall(r'data-contact="([a-z0-9-]+)"', html)))
    expected = checked_range(BOOK, used)
    assert expected and expected.text() in header
    assert "data-print-page" in html  # a guide has the print button
    contacts_page = _html(built_site, "kontakty")
    assert "data-print-page" not in contacts_page  # a reference page has no print button
    # contacts_directory() records no contacts_used; the header still dates the page's contacts
    shown = set(re.findall(r'data-contact="([a-z0-9-]+)"', contacts_page))
    assert checked_range(BOOK, shown).text() in contacts_page


def test_booklet_is_built_after_every_guide() -> None:
    from mkdocs.structure.files import File, Files

    from hooks.booklet_order import on_files

    names = ["index.md", "pechat.md", "zakaz-poteryalsya.md"]
    files = Files([File(n, "docs", "site", use_directory_urls=True) for n in names])
    ordered = [f.src_path for f in on_files(files, None).documentation_pages()]
    assert ordered == ["index.md", "zakaz-poteryalsya.md", "pechat.md"]


def test_booklet_from_cache_equals_fresh_render(built_site: BuildResult, project_copy) -> None:
    """The same booklet whether guides were rendered for their own pages first or not."""
    from .conftest import build

    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/booklet_order.py", ""), encoding="utf-8")
    fresh = build(project_copy)
    assert fresh.ok, fresh.output
    def article(result: BuildResult) -> str:
        return re.search(r"<article.*</article>", _html(result, "pechat"), re.S).group(0)

    assert article(fresh) == article(built_site)
