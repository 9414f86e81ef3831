"""Search in the browser: Material's search box with our Russian worker (ozon/search_ru).

Playwright's fill() with Cyrillic sends no keyup and Material's search box reacts to keyup, so each
query is filled and followed by End.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from ozon_help.plugins.search_ru import index_files as search_files
from ozon_help.plugins.search_ru import index as search_index

pytestmark = pytest.mark.browser

RESULT_PAGES = ".md-search-result__item > a:first-child"


def _search(page, site_url: str, query: str) -> list[str]:
    """Open the site, type a query, wait for results; the result pages' paths in order."""
    if not page.url.startswith(site_url):
        page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta').textContent;"
        " return /Найден|Ничего/.test(m) }"
    )
    page.wait_for_timeout(100)
    assert meta.is_visible()
    return [urlparse(href).path for href in page.eval_on_selector_all(RESULT_PAGES, "els => els.map(a => a.href)")]


def test_inflected_form_finds_the_guide(page, site_url: str) -> None:
    # the guide says «потерялся», «потеряли»; the reader types a participle it never uses
    results = _search(page, site_url, "потерянный заказ")
    assert results and results[0] == "/zakaz-poteryalsya/", results
    assert page.locator(".md-search-result mark").first.is_visible()


def test_yo_and_ye_find_the_same_pages(page, site_url: str) -> None:
    with_yo = _search(page, site_url, "пришёл не тот товар")
    without_yo = _search(page, site_url, "пришел не тот товар")
    assert with_yo and with_yo == without_yo


def test_a_typo_still_finds_the_guide(page, site_url: str) -> None:
    results = _search(page, site_url, "роспотребнадзер")
    assert "/zhaloba-rospotrebnadzor/" in results[:3], results


def test_result_link_opens_the_guides_section(page, site_url: str) -> None:
    _search(page, site_url, "неустойка за просрочку")
    section = page.locator(".md-search-result__item a[href*='#']").first
    href = section.get_attribute("href")
    anchor = urlparse(href).fragment
    assert anchor, href
    section.click()
    page.wait_for_url(f"**#{anchor}")
    assert page.locator(f"[id='{anchor}']").is_visible()
    assert page.locator("mark[data-md-highlight]").count() > 0, "the guide highlights the query words"
    hosts = {urlparse(url).hostname for url in page.requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, f"search asked other hosts: {hosts}"


def test_worker_stems_index_and_query_alike(page, site_url: str) -> None:
    """The worker on its own, with a made-up index built by the hook: every form of a word reaches
    the same doc, in the browser's own worker (importScripts of the engine and Material's stemmer)."""
    docs = [
        {"location": "a/", "title": "Посылка потерялась", "text": ""},
        {"location": "a/#s", "title": "Что сохранить", "text": "Сохраните переписку и чек."},
        {"location": "b/", "title": "Жалоба в Роспотребнадзор", "text": "Ответ пришёл через Госуслуги."},
    ]
    config = {"search_ru": search_index.build_index(docs, search_index.stop_words())}
    page.goto(site_url)
    outcome = page.evaluate(
        """async ([docs, config]) => {
          const worker = new Worker("assets/javascripts/search-ru-worker.js")
          const reply = message => new Promise(resolve => {
            worker.onmessage = event => resolve(event.data); worker.postMessage(message) })
          await reply({ type: 0, data: { config, docs } })
          const first = async query => {
            const result = await reply({ type: 2, data: query })
            return result.data.items.length ? result.data.items[0][0].location : null
          }
          const out = {}
          for (const q of ["потерянная посылка", "потеряли посылку", "посылки", "ПОТЕРЯЛАСЬ",
                           "жалобу", "жалобы", "пожаловаться роспотребнадзор", "сохранить переписку",
                           "переписка", "пришел", "пришёл", "росптребнадзор", "госусл", "", "и в на",
                           "gjcskrf", "jndtn ghbitk"])
            out[q] = await first(q)
          worker.terminate()
          return out
        }""",
        [docs, config],
    )
    assert outcome["потерянная посылка"] == "a/" and outcome["потеряли посылку"] == "a/"
    assert outcome["посылки"] == "a/" and outcome["ПОТЕРЯЛАСЬ"] == "a/"
    assert outcome["жалобу"] == "b/" and outcome["жалобы"] == "b/"
    assert outcome["пожаловаться роспотребнадзор"] == "b/"
    assert outcome["сохранить переписку"] == "a/#s" and outcome["переписка"] == "a/#s"
    assert outcome["пришел"] == outcome["пришёл"] == "b/"
    assert outcome["росптребнадзор"] == "b/", "one letter missing is a typo, not a miss"
    assert outcome["госусл"] == "b/", "a word still being typed matches by prefix"
    assert outcome[""] is None and outcome["и в на"] is None, "stop words alone find nothing"
    assert outcome["gjcskrf"] == "a/" and outcome["jndtn ghbitk"] == "b/", "the wrong keyboard layout"


def test_nothing_found_offers_the_triage_page(page, site_url: str) -> None:
    _search(page, site_url, "zzqxw")
    links = page.eval_on_selector_all(RESULT_PAGES, "els => els.map(a => a.href)")
    assert links and urlparse(links[0]).path == "/s-chego-nachat/", links
    assert len(links) > 1, "the common situations follow the triage page"
    assert "zzqxw" not in page.inner_html(".md-search-result__list"), "the query is not echoed into results"


def test_worker_answers_even_when_the_index_is_unreadable(page, site_url: str) -> None:
    """An index without the prebuilt part (an old copy from a cache): READY, then empty results."""
    page.goto(site_url)
    replies = page.evaluate(
        """async () => {
          const worker = new Worker("assets/javascripts/search-ru-worker.js")
          const reply = message => new Promise(resolve => {
            worker.onmessage = event => resolve(event.data); worker.postMessage(message) })
          const ready = await reply({ type: 0, data: { config: {}, docs: [{ location: "a/", title: "A", text: "" }] } })
          const result = await reply({ type: 2, data: "посылка" })
          worker.terminate()
          return [ready.type, result.type, result.data.items.length]
        }"""
    )
    assert replies == [1, 3, 0]


def _search_worker(page):
    """The page's search worker (Material starts it at load, behind search-worker-loader.js)."""
    for worker in page.workers:
        if "search-worker-loader" in worker.url:
            return worker
    return page.wait_for_event("worker", predicate=lambda worker: "search-worker-loader" in worker.url)


def _wait_until(page, condition, what: str, timeout_ms: int = 15_000) -> None:
    """Poll `condition` until it holds (a slow machine gets time, a broken page fails). The pause is
    Playwright's: a plain sleep would also stop it delivering the page's events to this test."""
    for _ in range(timeout_ms // 50):
        if condition():
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{what}: still not so after {timeout_ms / 1000:.0f} s")


def test_turning_to_search_starts_the_worker_and_its_postings_at_once(page, site_url: str) -> None:
    # search-ru-config.js (the turn) → the loader's BroadcastChannel: the worker fetches its
    # postings on the turn itself (no ?v=, revalidated), not after Material's index has arrived
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.wait_for_timeout(200)
    assert not [url for url in requested if "/search/" in url], "the index must wait for the reader"
    # A BroadcastChannel keeps no message for a listener that does not exist yet: on a loaded machine
    # the loader may not have run when the reader turns, and then Material's path fetches the postings
    # (with ?v=). Turn once the loader listens, as a reader a moment later would.
    loader = _search_worker(page)
    _wait_until(page, lambda: loader.evaluate("() => typeof channel === 'object' && channel !== null"),
                "the search worker's loader listens on its BroadcastChannel")
    # Material's own index is held back until the postings are asked for: the turn must not need it.
    # (Let through, a small index could reach Material first on a loaded machine; Material's message
    # to the worker then comes before the channel's, and the worker takes Material's path.)
    held: list = []
    page.route("**/search/search_index.json*", lambda route: held.append(route))
    page.locator("input.md-search__input").focus()
    try:
        _wait_until(page, lambda: any(search_files.PREBUILT_FILE in url for url in requested),
                    "the turn to search asks for the prebuilt index before Material's index arrives")
    finally:
        for route in held:
            route.continue_()
        page.unroute("**/search/search_index.json*")
    prebuilt = [url for url in requested if search_files.PREBUILT_FILE in url]
    assert prebuilt and urlparse(prebuilt[0]).query == "", prebuilt
    assert _search(page, site_url, "потерялась посылка")[0] == "/zakaz-poteryalsya/"


def test_a_long_query_in_a_link_or_the_box_is_cut_to_the_bound(page, site_url: str) -> None:
    """A 13 KB ?q= froze the tab for 18 s (issue 25): the address is cut before Material reads it, and the
    box takes no more than the bound (MAX_QUERY_CHARS; tests/js/search-core.test.mjs holds the three equal)."""
    bound = 200
    long = "zhaloba+" * 450  # under nginx's 8 KB request line (a longer one gets its 414 page)
    page.goto(f"{site_url}?q={long}&h={long}")
    page.wait_for_function("() => document.querySelector('input.md-search__input').value.length > 0")
    assert 0 < len(page.locator("input.md-search__input").input_value()) <= bound
    assert all(len(v) <= bound for v in page.evaluate("() => [...new URL(location.href).searchParams.values()]"))
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type("а" * (bound + 20))
    assert len(box.input_value()) == bound
