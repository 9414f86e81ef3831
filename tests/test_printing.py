"""Print support without a browser: booklet rewrites, checked dates, link addresses, built pages."""

from __future__ import annotations

import re
from datetime import date

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.yaml import yaml_load

from ozon_help.plugins.booklet.chapters import (
    CONTENTS_ID,
    Chapter,
    booklet_toc,
    build,
    chapter_anchor,
    chapter_html,
    rewrite_target,
    slug_of,
)
from ozon_help.plugins.search_ru import index_files as search_files
from ozon_help.plugins.print_links.marks import mark_links, print_address
from macros.contacts_data import load_contacts
from macros.guide_index import guides, read_front_matter
from macros.printing import CheckedRange, checked_range

from .conftest import ROOT, BuildResult

BOOK = load_contacts(ROOT / "data" / "contacts.yml")


# ---- booklet rewrites (ozon/booklet) --------------------------------------------------------


def _chapter(slug: str, url: str, html: str, title: str = "Брак", section: str = "Товар") -> Chapter:
    return Chapter(slug, title, section, url, html, TableOfContents([]))


def test_every_id_and_every_reference_to_one_gets_the_guide_prefix() -> None:
    html = (
        '<h2 id="podrobno">Подробно<a class="headerlink" href="#podrobno">¶</a></h2>'
        '<input id="__tabbed_1_1" name="__tabbed_1"><label for="__tabbed_1_1">Онлайн</label>'
        '<div aria-labelledby="a b"></div><a href="#fn:1">1</a><a href="../kontakty/#ozon">к</a>'
    )
    out = chapter_html(_chapter("brak", "brak/", html), "pechat/", {"brak/": "brak"})
    assert 'id="brak--podrobno"' in out and 'href="#brak--podrobno"' in out
    assert 'id="brak--__tabbed_1_1" name="brak--__tabbed_1"' in out and 'for="brak--__tabbed_1_1"' in out
    assert 'aria-labelledby="brak--a brak--b"' in out and 'href="#brak--fn:1"' in out
    assert 'href="../kontakty/#ozon"' in out  # another page, not in the booklet: re-based, the same from pechat/


def test_only_markup_is_rewritten_not_comments_scripts_or_text() -> None:
    html = (
        '<!-- <h2 id="c"> --><script>let s = \'<h2 id="x">\';</script><p>id="t" и &lt;h2&gt;</p>'
        "<h2 id='q' title=\"a 'b'\">Q</h2 ><a href=#q>q</a>"
    )
    out = chapter_html(_chapter("brak", "brak/", html), "pechat/", {"brak/": "brak"})
    assert '<!-- <h2 id="c"> --><script>let s = \'<h2 id="x">\';</script><p>id="t" и &lt;h2&gt;</p>' in out
    assert "<h3 id='brak--q' title=\"a 'b'\">Q</h3 >" in out  # quotes and spacing as written
    assert '<a href="#brak--q">q</a>' in out  # an unquoted value is quoted when it changes


def test_headings_go_one_level_down() -> None:
    out = chapter_html(_chapter("b", "b/", '<h1>A</h1><h2 class="x">B</h2><h5>E</h5><h6>F</h6><hr><header>'), "p/", {})
    assert '<h2>A</h2><h3 class="x">B</h3><h6>E</h6><h6>F</h6><hr><header>' in out


def test_links_into_booklet_guides_point_inside_the_booklet() -> None:
    slugs = {"brak/": "brak", "zakaz-poteryalsya/": "zakaz-poteryalsya", "razdel/x/": "razdel-x"}

    def target(link: str, url: str = "brak/") -> str:
        return rewrite_target(link, _chapter(slugs[url], url, ""), "pechat/", slugs)

    assert target("../zakaz-poteryalsya/#chto-sohranit") == "#zakaz-poteryalsya--chto-sohranit"
    assert target("../zakaz-poteryalsya/") == "#zakaz-poteryalsya"
    assert target("./") == "#brak" and target("../razdel/x/#y") == "#razdel-x--y"
    assert target("../kontakty/#ozon") == "../kontakty/#ozon"  # not a guide: the page itself
    assert target("../../kontakty/", "razdel/x/") == "../kontakty/" and target("../../", "razdel/x/") == "../"
    assert target("../assets/print.css") == "../assets/print.css"
    for kept in ("https://www.ozon.ru/#x", "tel:+78005554943", "mailto:a@b.ru", "#podrobno", "/abs/"):
        assert target(kept) == kept


def test_links_without_directory_urls_as_in_the_offline_copy() -> None:
    slugs = {"brak.html": "brak", "razdel/x.html": "razdel-x"}
    chapter = _chapter("razdel-x", "razdel/x.html", "")
    assert rewrite_target("../brak.html#podrobno", chapter, "pechat.html", slugs) == "#brak--podrobno"
    assert rewrite_target("../kontakty.html", chapter, "pechat.html", slugs) == "kontakty.html"
    assert rewrite_target("y.html", chapter, "pechat.html", slugs) == "razdel/y.html"


def test_booklet_has_contents_and_every_chapter_in_order() -> None:
    lost = _chapter(
        "zakaz-poteryalsya", "zakaz-poteryalsya/", '<h2 id="korotko">Коротко</h2>', "Заказ потерялся", "Заказ"
    )
    defect = _chapter(
        "brak", "brak/", '<h2 id="podrobno">Подробно</h2><p><a href="../zakaz-poteryalsya/#korotko">к</a></p>'
    )
    html = build("<p>Вступление</p>", [lost, defect], "pechat/", "pechat.md")
    assert (
        html.index("Вступление")
        < html.index('id="soderzhanie"')
        < html.index('id="zakaz-poteryalsya"')
        < html.index('id="brak"')
    )
    assert (
        '<p><strong>Заказ</strong></p>\n<ul>\n<li><a href="#zakaz-poteryalsya">Заказ потерялся</a></li>\n</ul>' in html
    )
    assert '<h2 class="booklet-chapter" id="brak">Брак<a class="headerlink" href="#brak"' in html
    assert '<h3 id="brak--podrobno">Подробно</h3>' in html and 'href="#zakaz-poteryalsya--korotko"' in html
    assert slug_of("a/b.md") == "a-b" and chapter_anchor("a-b", "c") == "a-b--c"


def test_booklet_stops_on_an_anchor_that_leads_nowhere() -> None:
    broken = _chapter("brak", "brak/", '<a href="../zakaz-poteryalsya/#net-takogo">x</a>')
    lost = _chapter("zakaz-poteryalsya", "zakaz-poteryalsya/", '<h2 id="korotko">Коротко</h2>')
    with pytest.raises(PluginError, match=r"docs/pechat\.md: .*#zakaz-poteryalsya--net-takogo"):
        build("", [broken, lost], "pechat/", "pechat.md")
    with pytest.raises(PluginError, match="same chapter id"):
        build("", [lost, lost], "pechat/", "pechat.md")


def test_booklet_toc_nests_each_guides_headings_under_its_chapter() -> None:
    heading = AnchorLink("Подробно", "podrobno", 2)
    heading.children = [AnchorLink("Шаг", "shag", 3)]
    chapter = Chapter("brak", "Брак", "Товар", "brak/", "", TableOfContents([heading]))
    toc = booklet_toc(TableOfContents([]), [chapter])
    assert [(a.title, a.id, a.level) for a in toc] == [("Содержание", "soderzhanie", 2), ("Брак", "brak", 2)]
    podrobno = toc.items[1].children[0]
    assert (podrobno.id, podrobno.level) == ("brak--podrobno", 3) and podrobno.children[0].id == "brak--shag"


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
    assert (
        CheckedRange(date(2026, 10, 1), date(2026, 11, 22)).text()
        == "Контакты на странице проверены с 01.10.2026 по 22.11.2026"
    )


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
        anchor = slug_of(guide.src_path)
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html, guide.src_path
        assert f'id="{anchor}--korotko"' in html and f'id="{anchor}--podrobno"' in html, guide.src_path
        positions.append(html.index(f'id="{anchor}"'))
    assert positions == sorted(positions), "chapters are not in navigation order"
    # the booklet is no guide itself, and its ids never collide
    assert not read_front_matter(ROOT / "docs" / "pechat.md").get("short")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    # search finds the guides themselves, not their copies in the booklet
    # the entries the search worker gets (search_index.json, or search_prebuilt.json beside it)
    locations = [doc["location"] for doc in search_files.read_site_index(built_site.site)["docs"]]
    assert locations and not any(location.startswith("pechat/") for location in locations)
    assert "data-search-" not in html  # search_ru's marks are stripped from the copies too
    # the print header dates every contact in every chapter
    shown = set(re.findall(r'data-contact="([a-z0-9-]+)"', html))
    header = re.search(r'<div class="print-header">(.*?)</div>', html, re.S).group(1)
    assert checked_range(BOOK, shown).text() in header


def test_booklet_tables_of_contents_are_short(built_site: BuildResult) -> None:
    """A booklet's sidebar (wide screens) links each chapter once, in order, without the chapters' inner
    headings; its drawer (phones) links the booklet's contents on the page instead of every chapter
    (issue 17: the elements a phone styles at load). A guide's sidebar still lists its inner headings."""
    from lxml import html as lxml_html

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
        chapters = [f"#{slug_of(g.src_path)}" for g in guides(ROOT / "docs", yaml_load(config)["nav"])]
    booklet = lxml_html.fromstring(_html(built_site, "pechat"))
    sidebar = booklet.xpath('//div[@data-md-type="toc"]//nav[contains(@class, "md-nav--secondary")]')
    drawer = booklet.xpath('//nav[contains(@class, "md-nav--primary")]//nav[contains(@class, "md-nav--secondary")]')
    assert len(sidebar) == len(drawer) == 1
    links = [a.get("href") for a in sidebar[0].xpath(".//a")]
    assert [h for h in links if h in chapters] == chapters
    assert not any("--" in h for h in links), "a chapter's inner heading in the sidebar"
    assert not sidebar[0].xpath(".//li//nav"), "a nested list under a chapter"
    drawer_links = [a.get("href") for a in drawer[0].xpath(".//a")]
    assert f"#{CONTENTS_ID}" in drawer_links and not set(drawer_links) & set(chapters)
    assert booklet.xpath(f'//*[@id="{CONTENTS_ID}"]/following-sibling::nav[@class="booklet-toc"]')
    guide = lxml_html.fromstring(_html(built_site, "zakaz-poteryalsya"))
    inner = guide.xpath('//div[@data-md-type="toc"]//nav[contains(@class, "md-nav--secondary")]//li//nav//a')
    assert inner, "a guide's sidebar lost its inner headings"


def test_booklet_tab_sets_are_not_materials_live_component(built_site: BuildResult) -> None:
    """Material measures each `[data-tabs]` set at start-up, which lays out the whole chapter around it
    (issue 17): a booklet's copies of the guides' tab sets keep their tabs under another attribute,
    and only the booklets load booklet.css (it marks the open tab). A guide keeps Material's tabs."""
    guides_with_tabs = [
        p
        for p in built_site.site.glob("*/index.html")
        if p.parent.name != "pechat" and 'class="tabbed-set' in p.read_text("utf-8")
    ]
    assert guides_with_tabs, "no guide has a tab set: this test checks nothing"
    for guide in guides_with_tabs:
        html = guide.read_text(encoding="utf-8")
        assert " data-tabs=" in html and "booklet.css" not in html, guide
    booklet = _html(built_site, "pechat")
    assert booklet.count('class="tabbed-set') == booklet.count(" data-booklet-tabs=") > 0
    assert " data-tabs=" not in booklet and "assets/booklet.css" in booklet


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


# ---- paper that works (issue 15): where links lead, chapters, sections ----------------------------


def test_links_to_other_pages_get_their_site_address() -> None:
    from ozon_help.plugins.print_links.marks import page_address

    site = "https://problema-s-ozon.ru/"
    assert page_address("../brak/#podrobno", "zakaz/", site) == "https://problema-s-ozon.ru/brak/"
    assert page_address("../", "brak/", site) == "https://problema-s-ozon.ru/"
    assert page_address("kontakty.html#ozon", "pechat.html", site) == "https://problema-s-ozon.ru/kontakty.html"
    for same_page_or_file in ("#podrobno", "./", "../assets/print.css", "../img/a.png"):
        assert page_address(same_page_or_file, "brak/", site) is None
    assert page_address("../brak/", "zakaz/", "") is None  # no site_url: nothing a reader could type
    out = mark_links('<a href="../brak/">Брак</a><a class="headerlink" href="#x">¶</a>', "zakaz/", site)
    assert out.count("data-print-href") == 1 and 'data-print-href="https://problema-s-ozon.ru/brak/"' in out


def test_links_between_chapters_print_the_chapter_number() -> None:
    html = (
        '<a href="../brak/#podrobno" data-print-href="https://problema-s-ozon.ru/brak/">к браку</a>'
        '<a href="#sroki">тут же</a><a href="../vozvrat/">к возврату</a>'
        '<a href="./" data-print-href="https://problema-s-ozon.ru/zakaz/">глава</a>'
        '<a href="../kontakty/" data-print-href="https://x/kontakty/">к</a>'
    )
    slugs = {"brak/": "brak", "zakaz/": "zakaz", "vozvrat/": "vozvrat"}
    out = chapter_html(_chapter("zakaz", "zakaz/", html), "pechat/", slugs, {"brak": 6, "zakaz": 3, "vozvrat": 4})
    assert '<a href="#brak--podrobno" data-print-href="глава 6">' in out  # the site address gives way
    assert '<a href="#vozvrat" data-print-href="глава 4">' in out  # added where print_links gave none
    assert '<a href="#zakaz--sroki">' in out and '<a href="#zakaz">' in out  # its own chapter: nothing to add
    assert 'data-print-href="https://x/kontakty/"' in out  # a page outside the booklet keeps its address


def test_numbered_chapters_in_heading_and_contents() -> None:
    lost = Chapter("zakaz", "Заказ потерялся", "Заказ", "zakaz/", "<p>x</p>", TableOfContents([]), 1)
    html = build("", [lost], "pechat/", "pechat.md")
    # the page-number slot deploy/booklet_pdf.py fills in the PDF
    slot = '<span class="booklet-toc__page" data-toc-page="1"></span>'
    assert f'<li>1. <a href="#zakaz">Заказ потерялся</a>{slot}</li>' in html
    assert '<section class="booklet-part" data-chapter="1"' in html  # its named page on paper
    assert '<span class="booklet-chapter__number">1.</span> Заказ потерялся' in html


def test_section_booklets_follow_the_navigation(tmp_path) -> None:
    from ozon_help.plugins.booklet.sections import section_booklets, section_slug

    assert section_slug("Заказ и доставка") == "zakaz-i-dostavka"
    assert section_slug("Товар, возврат и деньги") == "tovar-vozvrat-i-dengi"
    assert section_slug("Защитить свои права") == "zashchitit-svoi-prava"
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {
        "a.md": "short: Коротко.",
        "b.md": "booklet_chapter: true",
        "c.md": "title: Не глава",
        "p.md": "booklet: true",
    }
    for name, front in pages.items():
        (docs / name).write_text(f"---\n{front}\n---\n", encoding="utf-8")
    nav = [{"Главная": "c.md"}, {"Первый": ["a.md", "c.md"]}, {"Справка": ["b.md", "p.md"]}, {"Пустой": ["c.md"]}]
    found = section_booklets(nav, docs, "p.md")
    assert [(b.section, b.src_uri, b.chapters) for b in found] == [
        ("Первый", "p/pervyy.md", 1),
        ("Справка", "p/spravka.md", 1),
    ]
    text = found[0].markdown("p.md")
    assert "booklet_section: Первый" in text and "exclude: true" in text and "](../p.md)" in text


def test_booklet_stops_on_an_anchor_its_rewriting_left_dangling() -> None:
    lost = _chapter("zakaz", "zakaz/", '<h2 id="sroki">С</h2><a href="#sroki">ok</a><a href="#net">x</a>')
    faulty = _chapter("brak", "brak/", '<a href="../zakaz/#sroki">ok</a><a href="../zakaz/#propal">x</a>')
    with pytest.raises(PluginError, match="#zakaz--net, #zakaz--propal") as caught:
        build('<a href="#soderzhanie">к содержанию</a>', [faulty, lost], "pechat/", "pechat.md")
    assert "#zakaz--sroki" not in str(caught.value)
    # a guide's own broken link, already reported against the guide, is not the booklet's fault
    build("", [faulty, lost], "pechat/", "pechat.md", known_broken=["zakaz--net", "zakaz--propal"])
