"""The search index hook (hooks/search_ru.py), the built index, and the benchmark's own helpers."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from bench.search import QUERIES, load_queries, percentile, rank_of, slug_of, without_search_hook
from hooks import search_ru
from tests.conftest import ROOT, BuildResult

GUIDE_SLUGS = {
    "zakaz-poteryalsya", "zakaz-ne-dostavili-v-srok", "dostavka", "brak", "vozvrat-tovara",
    "dengi-ne-vernuli", "oplata-ozon-bank", "ozon-premium", "ozon-travel", "akkaunt",
    "moshennichestvo", "podderzhka-ozon", "goryachaya-liniya", "dokazatelstva", "pretenziya",
    "zhaloba-rospotrebnadzor", "sud-i-prokuratura", "lestnitsa", "s-chego-nachat",
}


# --- hook: pure functions ---------------------------------------------------------------------


def test_boilerplate_blocks_get_materials_exclude_attribute() -> None:
    html = (
        '<p>Напишите в чат.</p><ul class="contact-card__facts"><li>Часы: круглосуточно</li></ul>'
        '<p class="contact-card__status">проверен</p><table class="contacts-table x"><tr><td>1</td></tr></table>'
        '<abbr class="contact-mark" title="t">не подтверждён</abbr><div class="contact-card">карточка</div>'
    )
    marked = search_ru.mark_boilerplate(html)
    assert marked.count('data-search-exclude="boilerplate"') == 4
    assert '<div class="contact-card">' in marked  # the card itself (label and value) stays searchable
    assert "<p>Напишите в чат.</p>" in marked
    assert search_ru.mark_boilerplate(marked) == marked  # idempotent


def test_page_info_reads_asked_and_boost() -> None:
    info = search_ru.page_info("brak/", {"short": "Коротко.", "asked": ["  пришёл  брак ", "", "сломался"]})
    assert info.is_guide and info.asked == ["пришёл брак", "сломался"] and info.boost is None
    assert search_ru.page_info("slovar/", {"search": {"boost": 2}}).boost == 2.0
    assert not search_ru.page_info("slovar/", {"asked": "одна фраза"}).is_guide
    assert search_ru.page_info("slovar/", {"asked": "одна фраза"}).asked == ["одна фраза"]


def test_rewrite_index_drops_home_copies_adds_asked_and_boosts() -> None:
    data = {
        "config": {"lang": ["ru"]},
        "docs": [
            {"location": "", "title": "Главная", "text": ""},
            {"location": "#brak", "title": "Брак", "text": "копия короткого ответа"},
            {"location": "#kuda-obrashchatsya", "title": "Куда обращаться", "text": "чат"},
            {"location": "brak/", "title": "Брак", "text": ""},
            {"location": "brak/#korotko", "title": "Коротко", "text": "ответ"},
            {"location": "kontakty/", "title": "Контакты", "text": ""},
        ],
    }
    pages = {
        "": search_ru.PageInfo("", is_guide=False),
        "brak/": search_ru.PageInfo("brak/", is_guide=True, asked=["пришёл брак", "сломался"]),
        "kontakty/": search_ru.PageInfo("kontakty/", is_guide=False),
    }
    out = search_ru.rewrite_index(data, pages, home_url="")
    locations = [doc["location"] for doc in out["docs"]]
    assert "#brak" not in locations and "#kuda-obrashchatsya" in locations
    article = next(doc for doc in out["docs"] if doc["location"] == "brak/")
    assert article["asked"] == "пришёл брак · сломался"
    assert "asked" not in next(doc for doc in out["docs"] if doc["location"] == "brak/#korotko")
    assert next(doc for doc in out["docs"] if doc["location"] == "kontakty/")["boost"] == search_ru.REFERENCE_PAGE_BOOST
    assert "boost" not in article
    assert out["config"]["engine"] == "search-ru" and out["config"]["lang"] == ["ru"]
    assert data["docs"][3] == {"location": "brak/", "title": "Брак", "text": ""}  # input left alone


def test_home_copies_are_dropped_without_directory_urls_too() -> None:
    # the offline plugin turns use_directory_urls off: pages become brak.html and index.html
    data = {"docs": [
        {"location": "index.html", "title": "Главная", "text": ""},
        {"location": "index.html#brak", "title": "Брак", "text": "копия"},
        {"location": "brak.html", "title": "Брак", "text": ""},
    ]}
    pages = {"index.html": search_ru.PageInfo("index.html", is_guide=False), "brak.html": search_ru.PageInfo("brak.html", is_guide=True)}
    out = search_ru.rewrite_index(data, pages, home_url="index.html")
    assert [doc["location"] for doc in out["docs"]] == ["index.html", "brak.html"]


def test_index_text_is_plain() -> None:
    html = "<p>Сумма &lt; 100 000 ₽ &amp; <code>ст. 23.1</code></p>\n<ol><li>раз</li><li>два</li></ol>"
    assert search_ru.plain_text(html) == "Сумма < 100 000 ₽ & ст. 23.1 раз два"
    out = search_ru.rewrite_index({"docs": [{"location": "a/", "title": "A &amp; B", "text": html}]}, {})
    assert out["docs"][0]["title"] == "A & B" and "<" not in out["docs"][0]["text"].replace("Сумма <", "")


def test_worker_version_follows_the_worker_source(tmp_path: Path) -> None:
    source = tmp_path / "worker.js"
    source.write_text("a", encoding="utf-8")
    first = search_ru.worker_version(source)
    source.write_text("b", encoding="utf-8")
    assert first != search_ru.worker_version(source) and len(first) == 10


# --- the built site ---------------------------------------------------------------------------


def test_built_index_is_utf8_without_boilerplate_or_home_copies(built_site: BuildResult) -> None:
    raw = (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u04" not in raw, "the index should be written as UTF-8, not \\u escapes"
    data = json.loads(raw)
    assert data["config"]["engine"] == "search-ru"
    docs = data["docs"]
    home_anchors = {doc["location"][1:] for doc in docs if doc["location"].startswith("#")}
    assert not home_anchors & GUIDE_SLUGS, f"home page copies of guides are indexed: {home_anchors & GUIDE_SLUGS}"
    sample = next(doc for doc in docs if doc["location"] == "zakaz-poteryalsya/")
    assert sample.get("asked"), "a guide's asked phrases belong to its article entry"
    guide_text = " ".join(doc["text"] for doc in docs if doc["location"].split("/")[0] in GUIDE_SLUGS)
    assert "contact-card__facts" not in guide_text and "Проверяли" not in guide_text


def test_pages_point_materials_search_box_at_our_worker(built_site: BuildResult) -> None:
    html = (built_site.site / "zakaz-poteryalsya" / "index.html").read_text(encoding="utf-8")
    version = search_ru.worker_version()
    # through the loader that imports it on the first search (hooks/page_assets.py)
    worker = quote(f"search-ru-worker.js?v={version}", safe="")
    assert f'c.search="../assets/javascripts/search-worker-loader.js?w={worker}"' in html
    assert (built_site.site / "assets" / "javascripts" / "search-ru-worker.js").is_file()
    # the worker loads the stemmer Material ships; the build must still publish it
    assert (built_site.site / "assets" / "javascripts" / "lunr" / "min" / "lunr.ru.min.js").is_file()
    assert 'data-search-exclude' not in html, "Material strips the exclude attribute after indexing"


# --- benchmark helpers and query set ----------------------------------------------------------


def test_query_set_is_large_and_covers_every_guide() -> None:
    queries = load_queries()
    assert len(queries) >= 60
    assert {q.slug for q in queries} == GUIDE_SLUGS
    for query in queries:
        assert (ROOT / "docs" / f"{query.slug}.md").is_file(), f"{QUERIES}: no docs/{query.slug}.md for «{query.text}»"


def test_query_file_errors_name_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "q.yml"
    bad.write_text("- {q: потерялся}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="entry 1 needs"):
        load_queries(bad)


def test_slug_and_rank_of_result_links() -> None:
    assert slug_of("http://127.0.0.1:8000/zakaz-poteryalsya/?h=x#pretenziya") == "zakaz-poteryalsya"
    assert slug_of("http://127.0.0.1:8000/?h=x") == ""
    assert slug_of("file:///site/brak.html#korotko") == "brak"
    assert slug_of("file:///site/index.html") == ""
    links = ["http://h/brak/?h=a", "http://h/vozvrat-tovara/#b", "http://h/dengi-ne-vernuli/"]
    assert rank_of(links, "vozvrat-tovara") == 2
    assert rank_of(links, "akkaunt") is None


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 50.0
    assert percentile([7.0], 0.95) == 7.0


def test_stock_variant_drops_only_our_hook() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    stock = without_search_hook(config)
    assert "  - hooks/search_ru.py\n" not in stock
    assert "hooks: []" in stock or "\nhooks:\n  - " in stock  # never an empty hooks: key (a config error)
    assert stock.count("\n") == config.count("\n") - 1


def test_mkdocs_yml_has_no_duplicate_top_level_keys() -> None:
    # YAML keeps the last of two `hooks:` (or `plugins:`) blocks silently; a merge can add a second
    import re

    keys = re.findall(r"^([A-Za-z_]+):", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), flags=re.M)
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"mkdocs.yml: top-level keys written twice (merge them into one block): {duplicates}"
