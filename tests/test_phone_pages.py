"""Phone and paper (issue 15), the parts a built site shows without a browser."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from ozon_help.plugins.search_ru import index_files as search_files
from ozon_help.plugins.search_ru import index as search_index
from ozon_help.plugins.search_ru import synonyms as search_synonyms
from macros.guide_index import read_front_matter

from .conftest import ROOT, BuildResult


def _guides_with_asked() -> dict[str, list[str]]:
    """Every page whose front matter has `asked:` phrases, by the URL MkDocs gives it."""
    found = {}
    for path in sorted((ROOT / "docs").glob("*.md")):
        asked = read_front_matter(path).get("asked") or []
        if asked:
            found[path.stem + "/"] = [" ".join(str(phrase).split()) for phrase in asked]
    return found


def test_asked_phrases_feed_search_but_are_not_on_the_page(built_site: BuildResult) -> None:
    pages = _guides_with_asked()
    assert pages, "no page has asked: phrases; the test would prove nothing"
    index = search_files.read_site_index(built_site.site)
    # The prebuilt index (ozon/search_ru) keeps every written word once, in its vocabulary.
    vocabulary = set(index["config"]["search_ru"]["words"])
    stops = search_index.stop_words()
    for url, phrases in pages.items():
        words = {w for phrase in phrases for w in search_synonyms.words(phrase)} - stops
        missing = sorted(words - vocabulary)
        assert not missing, f"{url}: asked words missing from the search index: {missing}"
        html = (built_site.site / url / "index.html").read_text(encoding="utf-8")
        assert "Как ещё спрашивают" not in html, f"{url} still shows the raw «Как ещё спрашивают» list"
        shown = [phrase for phrase in phrases if f"«{phrase}»" in html]
        assert not shown, f"{url} shows asked phrases to readers: {shown}"


# ---- booklets per section, and what links print ---------------------------------------------------


def _nav_sections() -> dict[str, list[tuple[str, str]]]:
    """Section title → [(page file, title)] of the pages that are chapters (guides, or booklet_chapter)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as config:
        nav = yaml_load(config)["nav"]
    sections: dict[str, list[tuple[str, str]]] = {}
    for item in nav:
        for section, entries in item.items():
            if not isinstance(entries, list):
                continue
            for src in entries:
                meta = read_front_matter(ROOT / "docs" / src)
                if (meta.get("short") or meta.get("booklet_chapter")) and not meta.get("booklet"):
                    sections.setdefault(section, []).append((src, str(meta["title"])))
    return sections


def _section_booklets(site: Path) -> dict[str, str]:
    """Title of each built section booklet («Для печати: …») → its HTML."""
    found = {}
    for html_path in sorted((site / "pechat").glob("*/index.html")):
        html = html_path.read_text(encoding="utf-8")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert title, f"{html_path}: no title"
        found[unescape(re.sub(r"<[^>]+>", "", title.group(1))).strip()] = html
    return found


def test_a_booklet_for_every_section_with_its_chapters_in_order(built_site: BuildResult) -> None:
    sections = _nav_sections()
    booklets = _section_booklets(built_site.site)
    assert set(booklets) == {f"Для печати: {section}" for section in sections}
    whole = (built_site.site / "pechat" / "index.html").read_text(encoding="utf-8")
    for section, pages in sections.items():
        html = booklets[f"Для печати: {section}"]
        chapters = [unescape(re.sub(r"<[^>]+>", "", h)).replace("¶", "").strip() for h in re.findall(
            r'<h2 class="booklet-chapter"[^>]*>(.*?)</h2>', html, re.S)]
        expected = [f"{number}. {title}" for number, (_, title) in enumerate(pages, 1)]
        assert chapters == expected, f"«{section}»: chapters {chapters}, expected {expected}"
        assert "../../pechat/" in html or 'href="../"' in html, f"«{section}» does not link to the whole booklet"
    # the whole booklet lists the section booklets, has the contacts and the glossary as chapters
    assert whole.count('class="screen-only booklet-sections"') == 1
    for page in ("kontakty", "slovar"):
        assert f'<h2 class="booklet-chapter" id="{page}">' in whole, f"{page} is not a chapter of the booklet"
    # the entries the search worker gets (search_index.json, or search_prebuilt.json beside it)
    locations = [doc["location"] for doc in search_files.read_site_index(built_site.site)["docs"]]
    assert locations and not any(location.startswith("pechat/") for location in locations), "a booklet is in search"


def test_links_to_other_pages_print_where_to_find_them(built_site: BuildResult) -> None:
    site_url = "https://problema-s-ozon.ru/"
    html = (built_site.site / "brak" / "index.html").read_text(encoding="utf-8")
    content = html[html.index('<article'):html.index('</article>')]
    tags = [m.group(0) for m in re.finditer(r'<a\b[^>]*\shref="\.\./[a-z0-9-]+/[^"]*"[^>]*>', content)]
    assert tags, "the guide links to no other guide; the test would prove nothing"
    for tag in tags:
        assert 'data-print-href="' in tag, f"a link to another guide prints no address: {tag}"
    addresses = set(re.findall(r'data-print-href="(https://problema-s-ozon\.ru/[^"]*)"', content))
    assert addresses and all((built_site.site / a.removeprefix(site_url) / "index.html").exists() for a in addresses)
    # in the booklet, a link to another chapter prints that chapter's number
    whole = (built_site.site / "pechat" / "index.html").read_text(encoding="utf-8")
    numbers = {slug: int(n) for n, slug in re.findall(
        r'<li>(\d+)\. <a href="#([a-z0-9-]+)">', whole)}
    links = re.findall(r'<a\b[^>]*\shref="#([a-z0-9-]+?)(?:--[^"]*)?"[^>]*data-print-href="([^"]*)"', whole)
    assert links, "no link between chapters prints its chapter"
    for slug, label in links:
        assert label == f"глава {numbers[slug]}", f"a link to #{slug} prints «{label}»"


def test_404_chooser_links_are_read_from_the_home_page() -> None:
    from ozon_help.plugins.not_found.chooser import Situation, chooser_links

    html = (
        '<p><a href="x/">not this</a></p><div class="grid cards situations"><ul>'
        '<li><a href="zakaz/">Заказ <br>потерялся</a></li><li><a href="akk/#blok">Аккаунт заблоки&shy;рован</a></li>'
        '</ul></div><div class="situations"><a href="y/">second chooser</a></div>'
    )
    expected = [Situation("Заказ потерялся", "zakaz/"), Situation("Аккаунт заблокирован", "akk/#blok")]
    assert chooser_links(html, "") == expected
    assert chooser_links(html, "sub/")[0].url == "sub/zakaz/"
    assert chooser_links("<p>no chooser</p>", "") == []


def test_404_page_is_built_in_russian(built_site: BuildResult) -> None:
    html = (built_site.site / "404.html").read_text(encoding="utf-8")
    assert "Такой страницы нет" in html and 'name="q"' in html and 'class="grid cards situations"' in html
    assert "404 - Not found" not in html
