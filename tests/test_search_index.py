"""The search index hook (ozon/search_ru), the built index, and the benchmark's own helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml

from bench.search import QUERIES, load_queries, percentile, rank_of, slug_of, without_search_hook
from ozon_help.plugins.search_ru import index_files as search_files
from ozon_help.plugins.search_ru import index as search_index
from ozon_help.plugins.search_ru import page_text as search_page
from ozon_help.plugins.search_ru import synonyms as search_synonyms
from sitecheck.project import Project
from tests.conftest import ROOT, BuildResult

# Every guide of the navigation (data/not-guides.yml lists the pages that are not guides): a new
# guide then needs its queries in bench/search_queries.yml without editing this test.
GUIDE_SLUGS = {src.removesuffix(".md") for src in Project(ROOT).guides}


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# --- hook: pure functions ---------------------------------------------------------------------


def test_boilerplate_blocks_get_materials_exclude_attribute() -> None:
    html = (
        '<p>Напишите в чат.</p><ul class="contact-card__facts"><li>Часы: круглосуточно</li></ul>'
        '<p class="contact-card__status">проверен</p><table class="contacts-table x"><tr><td>1</td></tr></table>'
        '<abbr class="contact-mark" title="t">не подтверждён</abbr><div class="contact-card">карточка</div>'
    )
    marked = search_page.mark_boilerplate(html)
    assert marked.count('data-search-exclude="boilerplate"') == 4
    assert '<div class="contact-card">' in marked  # the card itself (label and value) stays searchable
    assert "<p>Напишите в чат.</p>" in marked
    assert search_page.mark_boilerplate(marked) == marked  # idempotent


def test_page_info_reads_asked_and_boost() -> None:
    info = search_page.page_info("brak/", {"short": "Коротко.", "asked": ["  пришёл  брак ", "", "сломался"]})
    assert info.is_guide and info.asked == ["пришёл брак", "сломался"] and info.boost is None
    assert search_page.page_info("slovar/", {"search": {"boost": 2}}).boost == 2.0
    assert not search_page.page_info("slovar/", {"asked": "одна фраза"}).is_guide
    assert search_page.page_info("slovar/", {"asked": "одна фраза"}).asked == ["одна фраза"]


def test_rewrite_index_drops_home_copies_adds_asked_and_boosts() -> None:
    data: dict[str, Any] = {
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
        "": search_page.PageInfo("", is_guide=False),
        "brak/": search_page.PageInfo("brak/", is_guide=True, asked=["пришёл брак", "сломался"]),
        "kontakty/": search_page.PageInfo("kontakty/", is_guide=False),
    }
    out = search_index.rewrite_index(data, pages, home_url="")
    locations = [doc["location"] for doc in out["docs"]]
    assert "#brak" not in locations and "#kuda-obrashchatsya" in locations
    article = next(doc for doc in out["docs"] if doc["location"] == "brak/")
    assert article["asked"] == "пришёл брак · сломался"
    assert "asked" not in next(doc for doc in out["docs"] if doc["location"] == "brak/#korotko")
    contacts = next(doc for doc in out["docs"] if doc["location"] == "kontakty/")
    assert contacts["boost"] == search_index.REFERENCE_PAGE_BOOST
    assert "boost" not in article
    assert out["config"]["engine"] == "search-ru" and out["config"]["lang"] == ["ru"]
    assert data["docs"][3] == {"location": "brak/", "title": "Брак", "text": ""}  # input left alone


def test_home_copies_are_dropped_without_directory_urls_too() -> None:
    # the offline plugin turns use_directory_urls off: pages become brak.html and index.html
    data = {
        "docs": [
            {"location": "index.html", "title": "Главная", "text": ""},
            {"location": "index.html#brak", "title": "Брак", "text": "копия"},
            {"location": "brak.html", "title": "Брак", "text": ""},
        ]
    }
    pages = {
        "index.html": search_page.PageInfo("index.html", is_guide=False),
        "brak.html": search_page.PageInfo("brak.html", is_guide=True),
    }
    out = search_index.rewrite_index(data, pages, home_url="index.html")
    assert [doc["location"] for doc in out["docs"]] == ["index.html", "brak.html"]


def test_index_text_is_plain() -> None:
    html = "<p>Сумма &lt; 100 000 ₽ &amp; <code>ст. 23.1</code></p>\n<ol><li>раз</li><li>два</li></ol>"
    assert search_page.plain_text(html) == "Сумма < 100 000 ₽ & ст. 23.1 раз два"
    out = search_index.rewrite_index({"docs": [{"location": "a/", "title": "A &amp; B", "text": html}]}, {})
    assert out["docs"][0]["title"] == "A & B" and "<" not in out["docs"][0]["text"].replace("Сумма <", "")


def test_worker_version_follows_the_worker_and_its_engine(tmp_path: Path) -> None:
    worker, engine = tmp_path / "worker.js", tmp_path / "core.js"
    worker.write_text("a", encoding="utf-8")
    engine.write_text("b", encoding="utf-8")
    first = search_files.worker_version((worker, engine))
    engine.write_text("c", encoding="utf-8")
    assert first != search_files.worker_version((worker, engine)) and len(first) == 10


def test_blockquotes_leave_materials_text_and_are_kept_by_section() -> None:
    html = (
        "<p>Своими словами.</p><blockquote><p>Образец &laquo;сообщения&raquo;</p>"
        "<blockquote><p>вложенная</p></blockquote></blockquote>"
        '<h2 id="shag">Шаг</h2><p>текст</p><blockquote class="x"><p>Второй образец</p></blockquote>'
    )
    marked, quotes = search_page.take_quotes(html)
    assert quotes == {"": ["Образец «сообщения» вложенная"], "shag": ["Второй образец"]}
    assert marked.count('data-search-exclude="quoted"') == 3  # nested ones too: Material skips each
    assert search_page.take_quotes(marked)[0] == marked


def test_stop_words_come_from_the_stemmer_file_the_worker_loads(tmp_path: Path) -> None:
    words = search_index.stop_words()
    assert {"и", "не", "в", "что"} <= words and "претензия" not in words
    assert all(word == word.lower() and "ё" not in word and "э" not in word for word in words)
    broken = tmp_path / "lunr.ru.min.js"
    broken.write_text("nothing here", encoding="utf-8")
    with pytest.raises(RuntimeError, match="no stop word list"):
        search_index.stop_words(broken)


def _decode(text: str) -> list[int]:
    return [int(number, 36) for number in text.split(" ")]


def test_prebuilt_index_counts_own_quoted_and_field_words() -> None:
    docs = [
        {"location": "a/", "title": "Посылка потерялась", "text": "Напишите в чат.", "asked": "где посылка"},
        {"location": "a/#s", "title": "Что писать", "text": "Посылку ищут.", "quoted": "Где моя посылка? Посылка!"},
        {"location": "b/", "title": "Другое", "text": "посылка " * 40},
    ]
    index = search_index.build_index(docs, frozenset({"в", "где", "моя"}))
    assert index["version"] == search_index.INDEX_VERSION
    assert index["words"] == sorted(index["words"]) and "где" not in index["words"]
    postings = dict(zip(index["words"], (_decode(p) for p in index["postings"]), strict=True))
    # doc gap, own count, quoted count, field code: title 3 on the article, none in doc 1, 40 in doc 2
    assert postings["посылка"] == [0, 0, 0, 3, 1, 0, 2, 0, 1, 40, 0, 0]
    assert postings["посылку"] == [1, 1, 0, 0]
    assert postings["писать"] == [1, 0, 0, search_index.FIELD_CODE["heading"]]  # a section's title is a heading
    assert index["lengths"] == [2, 4, 40]  # own and quoted words, stop words left out


def test_no_results_offers_triage_and_first_guides_in_nav_order() -> None:
    pages = {
        url: search_page.PageInfo(url, is_guide=url != "", title=f"T {url}")
        for url in ("", "b/", "a/", f"{search_index.TRIAGE_SLUG}/", "c/")
    }
    fallback = search_index.no_results(pages, ["", f"{search_index.TRIAGE_SLUG}/", "c/", "a/", "b/"])
    assert fallback["triage"] == {"location": f"{search_index.TRIAGE_SLUG}/", "title": f"T {search_index.TRIAGE_SLUG}/"}
    assert [p["location"] for p in fallback["common"]] == ["c/", "a/", "b/"]
    assert search_index.no_results({"a/": pages["a/"]}, ["a/"]) == {}


# --- the built site ---------------------------------------------------------------------------


def test_built_index_is_utf8_without_boilerplate_or_home_copies(built_site: BuildResult) -> None:
    raw = (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u04" not in raw, "the index should be written as UTF-8, not \\u escapes"
    data = json.loads(raw)
    assert data["config"]["engine"] == "search-ru"
    # what Material parses on the page's thread holds no entries: they come with the postings
    assert data["docs"] == [], "search_index.json should hold only the config"
    docs = search_files.read_site_index(built_site.site)["docs"]
    assert any(doc["location"] == "zakaz-poteryalsya/" for doc in docs)
    home_anchors = {doc["location"][1:] for doc in docs if doc["location"].startswith("#")}
    assert not home_anchors & GUIDE_SLUGS, f"home page copies of guides are indexed: {home_anchors & GUIDE_SLUGS}"
    texts = json.loads((built_site.site / search_files.TEXTS_FILE).read_text(encoding="utf-8"))
    guide_text = " ".join(
        text for doc, text in zip(docs, texts, strict=True) if doc["location"].split("/")[0] in GUIDE_SLUGS
    )
    assert "contact-card__facts" not in guide_text and "Проверяли" not in guide_text
    assert "postings" not in data["config"]["search_ru"], "the postings belong in their own file (split_prebuilt)"
    index = search_files.read_site_index(built_site.site)["config"]["search_ru"]
    assert index["version"] == search_index.INDEX_VERSION and len(index["lengths"]) == len(docs)
    assert len(index["words"]) == len(index["postings"])
    # a guide's asked phrases are indexed as a field of its article (code 2), read from its front matter
    article = next(number for number, doc in enumerate(docs) if doc["location"] == "zakaz-poteryalsya/")
    asked = search_page.page_info("zakaz-poteryalsya/", _front_matter(ROOT / "docs" / "zakaz-poteryalsya.md")).asked
    phrase_word = next(w for w in search_synonyms.words(" ".join(asked)) if w not in search_index.stop_words())
    postings = _decode(index["postings"][index["words"].index(phrase_word)])
    documents = [sum(postings[0 : i + 1 : 4]) for i in range(0, len(postings), 4)]
    assert article in documents and postings[4 * documents.index(article) + 3] >= search_index.FIELD_CODE["asked"]


def test_pages_point_materials_search_box_at_our_worker(built_site: BuildResult) -> None:
    html = (built_site.site / "zakaz-poteryalsya" / "index.html").read_text(encoding="utf-8")
    version = search_files.worker_version()
    # a file sets c.search from its data-worker attribute (no inline script: ozon/csp), and the
    # worker comes through the loader that imports it on the first search (ozon/page_assets)
    worker = quote(f"search-ru-worker.js?v={version}", safe="")
    assert f'search-ru-config.js" data-worker="../assets/javascripts/search-worker-loader.js?w={worker}"' in html
    assert (built_site.site / "assets" / "javascripts" / "search-ru-worker.js").is_file()
    assert (built_site.site / "assets" / "javascripts" / "search-ru-core.js").is_file()
    # the worker loads the stemmer Material ships; the build must still publish it
    assert (built_site.site / "assets" / "javascripts" / "lunr" / "min" / "lunr.ru.min.js").is_file()
    assert "data-search-exclude" not in html, "Material strips the exclude attribute after indexing"


# --- benchmark helpers and query set ----------------------------------------------------------


def test_query_set_is_large_and_covers_every_guide() -> None:
    queries = load_queries()
    assert len(queries) >= 60
    without = sorted(GUIDE_SLUGS - {q.slug for q in queries})
    assert not without, "\n".join(
        f"docs/{slug}.md: no query in {QUERIES.relative_to(ROOT)} reaches this guide. "
        f"Fix: add - {{q: how a buyer types it, slug: {slug}}}"
        for slug in without
    )
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


def test_stock_variant_drops_only_our_plugin() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    stock = without_search_hook(config)
    assert "  - ozon/search_ru" in config and "  - ozon/search_ru" not in stock
    assert stock.count("\n") == config.count("\n") - 1


def test_mkdocs_yml_has_no_duplicate_top_level_keys() -> None:
    # YAML keeps the last of two `hooks:` (or `plugins:`) blocks silently; a merge can add a second
    import re

    keys = re.findall(r"^([A-Za-z_]+):", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), flags=re.M)
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates, f"mkdocs.yml: top-level keys written twice (merge them into one block): {duplicates}"


def test_quotes_of_three_words_or_more_are_quoted_material() -> None:
    own, quoted = search_index.split_quotes(
        "Нажмите «Вернуть товар». Пишут: «ваша посылка задержана, оплатите доставку»."
    )
    assert quoted == "ваша посылка задержана, оплатите доставку"
    assert "«Вернуть товар»" in own and "задержана" not in own  # a two-word button name stays the guide's own


def test_texts_leave_the_index_for_their_own_file() -> None:
    data: dict[str, Any] = {
        "config": {"search_ru": {"version": 1}},
        "docs": [
            {"location": "a/", "title": "A", "text": "первый"},
            {"location": "a/#b", "title": "B", "text": "второй"},
        ],
    }
    index, body = search_files.split_texts(data)
    assert json.loads(body) == ["первый", "второй"]
    assert index["docs"] == [{"location": "a/", "title": "A"}, {"location": "a/#b", "title": "B"}]
    url = index["config"]["search_ru"]["texts"]
    other, _ = search_files.split_texts(dict(data, docs=[dict(data["docs"][0], text="другой"), data["docs"][1]]))
    assert url.startswith(search_files.TEXTS_FILE + "?v=") and url != other["config"]["search_ru"]["texts"]


def test_postings_leave_the_index_for_their_own_file(tmp_path: Path) -> None:
    docs = [{"location": "a/", "title": "Посылка", "text": "потерялась посылка"}]
    index = search_index.build_index(docs, search_index.stop_words())
    data = {"config": {"search_ru": index}, "docs": docs}
    rest, body = search_files.split_prebuilt(data)
    moved = json.loads(body)
    keys = search_files.PREBUILT_KEYS
    assert {key: moved[key] for key in keys} == {key: index[key] for key in keys}
    assert not set(search_files.PREBUILT_KEYS) & set(rest["config"]["search_ru"])
    assert moved["docs"] == docs and rest["docs"] == [], "the entries go with the postings, not to Material"
    assert rest["config"]["search_ru"]["prebuilt"] == {"url": search_files.PREBUILT_FILE, "version": moved["version"]}
    # the site's reader puts them back, and refuses a postings file from another build
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(rest, ensure_ascii=False), encoding="utf-8")
    (tmp_path / search_files.PREBUILT_FILE).write_text(body, encoding="utf-8")
    assert search_files.read_site_index(tmp_path) == data
    (tmp_path / search_files.PREBUILT_FILE).write_text(json.dumps(dict(moved, version="other")), encoding="utf-8")
    with pytest.raises(ValueError, match="does not match"):
        search_files.read_site_index(tmp_path)


def test_built_site_serves_texts_apart(built_site: BuildResult) -> None:
    data = search_files.read_site_index(built_site.site)
    texts = json.loads((built_site.site / search_files.TEXTS_FILE).read_text(encoding="utf-8"))
    assert data["docs"] and len(texts) == len(data["docs"]) and not any("text" in doc for doc in data["docs"])
    assert data["config"]["search_ru"]["texts"].startswith(search_files.TEXTS_FILE)


@pytest.mark.machinery
@pytest.mark.xdist_group("offline")  # shares the offline build with tests/test_offline.py
def test_offline_copy_keeps_the_texts_inline(offline_site: BuildResult) -> None:
    result = offline_site
    assert not (result.site / search_files.TEXTS_FILE).exists()
    inlined = (result.site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert '"texts"' not in inlined and '"text":' in inlined


def test_links_between_pages_are_counted_once_per_linking_page() -> None:
    html = (
        '<a href="../pretenziya/#shablon">a</a><a href="../pretenziya/">b</a><a href="#korotko">c</a>'
        '<a href="..">home</a><a href="https://ozon.ru/x/">ext</a><a href="tel:+78002347000">t</a>'
        '<a class="x" href="../zhaloba-rospotrebnadzor/">d</a>'
    )
    assert search_page.linked_pages(html, "brak/") == {"pretenziya/", "", "zhaloba-rospotrebnadzor/"}
    # use_directory_urls: false (the offline copy)
    assert search_page.linked_pages('<a href="pretenziya.html#x">a</a>', "brak.html") == {"pretenziya.html"}
    assert search_index.link_boost(0) == 1 and 1 < search_index.link_boost(1) < search_index.link_boost(10)


def test_pages_others_link_to_get_a_higher_boost() -> None:
    state = search_index.BuildState()
    for url in ("a/", "b/", "c/"):
        state.pages[url] = search_page.PageInfo(url, is_guide=True, title=url)
    state.linked_from = {"a/": {"b/", "c/"}, "b/": {"c/"}}
    data = {"config": {}, "docs": [{"location": url, "title": url, "text": "слово"} for url in ("a/", "b/", "c/")]}
    boosts = [doc.get("boost", 1) for doc in search_index.finish_index(data, state)["docs"]]
    assert boosts[0] > boosts[1] > boosts[2] == 1
