"""MkDocs hook: a Russian search index for Material's search box.

Material's own worker (lunr with `lang: ru`) never stems a query, because it appends `*` to every
word, so «потерянный» misses a page that says «потерялся». This hook keeps Material's search plugin
as the producer of `search/search_index.json` and reshapes what it wrote for our own worker
(`overrides/assets/javascripts/search-ru-worker.js`), which stems index and query with the same
Snowball stemmer (lunr-languages' `ru`, shipped with Material) and ranks whole guides:

- boilerplate is kept out of the index: contact cards' facts and status lines, contact tables and
  «не подтверждён» marks on guide pages (they repeat on every guide), and the home page's list of
  guides (it repeats every guide's short answer and would outrank the guides themselves);
- each guide's article entry carries its `asked:` phrases (shown to readers as «Как ещё
  спрашивают»), which the worker weighs almost like the title;
- pages that are not guides (contacts, glossary) get a lower boost unless their front matter sets
  `search: {boost: N}`;
- blockquotes (sample messages, scam texts) are kept apart from the guide's own text and weigh less;
- titles and text are stored as plain text (the worker builds and escapes its own snippets), and the
  JSON is written as UTF-8, not as \\uXXXX escapes: a third of the size for Cyrillic text;
- the index is prebuilt here, in the form the worker's engine (search-ru-core.js) uses: every written
  word with its counts and strongest field per section, so the worker does not re-index when the
  reader turns to search; with it go the synonym groups and misspellings of data/search-synonyms.yml
  and what to show when nothing is found.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import snowballstemmer
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads hooks by file path: put the project on the import path for the synonyms module (and
# the macros package it reads YAML with), the way mkdocs-macros does for its module.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.search_synonyms import SYNONYMS_FILE, Synonyms, load_synonyms, words  # noqa: E402
from hooks.serve_dirty import dirty_serve, partial_build  # noqa: E402
from macros.front_matter import parse  # noqa: E402

JAVASCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
WORKER_SOURCES = (JAVASCRIPTS / "search-ru-worker.js", JAVASCRIPTS / "search-ru-core.js")
WORKER_URL = "assets/javascripts/search-ru-worker.js"


def _material_dir() -> Path:
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        raise RuntimeError("mkdocs-material is not installed: run `make build` (it installs the lockfile)")
    return Path(spec.origin).parent


# The stemmer and stop words the worker loads: lunr-languages' Russian, as Material ships it.
STEMMER_SOURCE = _material_dir() / "templates/assets/javascripts/lunr/min/lunr.ru.min.js"
INDEX_VERSION = 1  # search-ru-core.js createEngine() refuses any other
FIELD_CODE = {"heading": 1, "asked": 2, "title": 3}  # FIELD_WEIGHT in search-ru-core.js, by code
# Nothing found: the triage page, and this many guides in navigation order (the common situations).
TRIAGE_SLUG = "s-chego-nachat"
COMMON_SITUATIONS = 6
NO_RESULTS_TEXT = "Ничего не нашлось. Начните с этой страницы: она поможет понять, какой у вас случай. Частые ситуации:"
TEXTS_FILE = "search/search_texts.json"  # the sections' texts, for snippets (split_texts)
# The prebuilt postings, which the worker fetches itself (split_prebuilt); search-ru-worker.js names it too.
PREBUILT_FILE = "search/search_prebuilt.json"
PREBUILT_KEYS = ("lengths", "words", "stems", "postings")
# A page other pages link to is one the editors point readers at: boost × (1 + LINK_WEIGHT × log2(1 +
# pages linking to it)). Measured on bench/search_queries.yml: with 1000 synthetic guides nobody links
# to, hit@1 80.5 → 85.7 %; on the real site hit@1 stays 88.0 %.
LINK_WEIGHT = 0.08
REFERENCE_PAGE_BOOST = 0.5  # contacts, glossary: useful, but a guide should win a tie
ASKED_SEPARATOR = " · "

# Classes of repeated blocks rendered by macros/contact_html.py. On guide pages they add the same
# words («проверен», «часы работы», «все покупатели») to every guide and drown the real text.
BOILERPLATE_CLASSES = ("contact-card__facts", "contact-card__status", "contacts-table", "contact-mark")
_BOILERPLATE_TAG = re.compile(
    r"<(?P<tag>[a-z0-9]+)(?P<attrs>[^>]*\bclass=\"(?:[^\"]*\s)?(?:"
    + "|".join(re.escape(c) for c in BOILERPLATE_CLASSES)
    + r")(?:\s[^\"]*)?\"[^>]*)>"
)
# Material's search plugin skips elements with this attribute and strips it from the page afterwards.
EXCLUDE_ATTR = ' data-search-exclude="boilerplate"'


@dataclass
class PageInfo:
    url: str
    is_guide: bool
    asked: list[str] = field(default_factory=list)
    boost: float | None = None
    title: str = ""
    quoted: dict[str, list[str]] = field(default_factory=dict)  # section anchor ("" = article) -> quotes


@dataclass
class BuildState:
    pages: dict[str, PageInfo] = field(default_factory=dict)
    home_url: str = ""
    nav_order: list[str] = field(default_factory=list)  # page URLs as the navigation lists them
    linked_from: dict[str, set[str]] = field(default_factory=dict)  # page URL -> pages whose text links to it
    synonyms: Synonyms = field(default_factory=Synonyms)


_state = BuildState()


def mark_boilerplate(html: str) -> str:
    """Add Material's exclude attribute to every opening tag of a boilerplate block."""

    def add(match: re.Match[str]) -> str:
        if "data-search-exclude" in match.group("attrs"):
            return match.group(0)
        return f"<{match.group('tag')}{match.group('attrs')}{EXCLUDE_ATTR}>"

    return _BOILERPLATE_TAG.sub(add, html)


class _Quotes(HTMLParser):
    """Text of each outermost blockquote, by the id of the heading it stands under."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchor = ""
        self.depth = 0
        self.current: list[str] = []
        self.found: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag) and not self.depth:
            ident = dict(attrs).get("id")
            if ident:
                self.anchor = ident
        elif tag == "blockquote":
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote" and self.depth:
            self.depth -= 1
            if not self.depth:
                text = " ".join(" ".join(self.current).split())
                if text:
                    self.found.setdefault(self.anchor, []).append(text)
                self.current = []

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.current.append(data)


_BLOCKQUOTE = re.compile(r"<blockquote\b(?![^>]*data-search-exclude)")
_ANY_BLOCKQUOTE = re.compile(r"<blockquote", re.I)
QUOTE_EXCLUDE_ATTR = ' data-search-exclude="quoted"'


def take_quotes(html: str) -> tuple[str, dict[str, list[str]]]:
    """Keep blockquotes out of Material's index text; return their text by section anchor instead."""
    if not _ANY_BLOCKQUOTE.search(html):
        return html, {}  # most pages: no quote to find, so no parse (html.parser reads tag names in any case)
    parser = _Quotes()
    parser.feed(html)
    parser.close()
    return _BLOCKQUOTE.sub("<blockquote" + QUOTE_EXCLUDE_ATTR, html), parser.found


def page_info(url: str, meta: dict[str, Any]) -> PageInfo:
    """What the index needs to know about one page, from its front matter (macros/front_matter.py's
    model; hooks/front_matter.py has checked it before any page is built)."""
    page = parse(meta)
    return PageInfo(
        url=url,
        is_guide=page.is_guide,
        asked=[" ".join(phrase.split()) for phrase in page.asked if phrase.strip()],
        boost=page.search_boost,
    )


_TAG = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    """Text of an index entry without markup: the worker shows its own snippet and escapes it."""
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def _slug(url: str) -> str:
    """zakaz-poteryalsya/ or zakaz-poteryalsya.html (use_directory_urls: false, offline) → zakaz-poteryalsya."""
    last = url.rstrip("/").split("/")[-1]
    return last[: -len(".html")] if last.endswith(".html") else last


def rewrite_index(data: dict[str, Any], pages: dict[str, PageInfo], home_url: str = "") -> dict[str, Any]:
    """Reshape the index Material wrote: drop repeated blocks, add asked phrases, set boosts."""
    guide_slugs = {_slug(info.url) for info in pages.values() if info.is_guide}
    docs = []
    for entry in data.get("docs", []):
        url, _, anchor = entry["location"].partition("#")
        if url == home_url and anchor in guide_slugs:
            continue  # the home page's copy of a guide's short answer
        info = pages.get(url)
        entry = dict(entry, title=plain_text(entry.get("title", "")), text=plain_text(entry.get("text", "")))
        if info is not None:
            if not anchor and info.asked:
                entry["asked"] = ASKED_SEPARATOR.join(info.asked)
            if info.quoted.get(anchor):
                entry["quoted"] = " ".join(info.quoted[anchor])
            if info.boost is not None:
                entry["boost"] = info.boost
            elif not info.is_guide and url != home_url:
                entry["boost"] = REFERENCE_PAGE_BOOST
        docs.append(entry)
    config = dict(data.get("config", {}))
    config["engine"] = "search-ru"
    return {"config": config, "docs": docs}


_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')


def linked_pages(html: str, url: str) -> set[str]:
    """The site's pages a page's text links to, as page URLs (no anchors, not the page itself)."""
    base = f"http://site/{url}"
    found = set()
    for href in _HREF.findall(html):
        target = urlsplit(urljoin(base, unescape(href)))
        if target.netloc != "site" or target.scheme != "http":
            continue  # another site, mail or phone
        path = target.path.lstrip("/")
        if path != url:
            found.add(path)
    return found


def link_boost(inbound: int) -> float:
    return 1 + LINK_WEIGHT * math.log2(1 + inbound)


@functools.lru_cache(maxsize=4)
def stop_words(source: Path = STEMMER_SOURCE) -> frozenset[str]:
    """The Russian stop words of the stemmer file the worker loads, folded as the worker folds them."""
    match = re.search(r'generateStopWordFilter\("([^"]+)"', source.read_text(encoding="utf-8"))
    if match is None:
        raise RuntimeError(f"{source}: no stop word list found; has Material changed lunr-languages?")
    return frozenset(word for raw in match.group(1).split() for word in words(raw.replace("\ufeff", "")))


_INLINE_QUOTE = re.compile(r"«[^«»\s]+(?:\s+[^«»\s]+){2,}»")


def split_quotes(text: str) -> tuple[str, str]:
    """A section's own words and the words it quotes «like this» (a scam text, a button, a reply)."""
    quoted = " ".join(match.group(0)[1:-1] for match in _INLINE_QUOTE.finditer(text))
    return _INLINE_QUOTE.sub(" ", text), quoted


def _base36_digits(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


# Postings are small numbers (gaps between docs, counts, field codes): a million of them with 1000 guides.
_TWO_DIGITS = tuple(_base36_digits(number) for number in range(36 * 36))


def _base36(number: int) -> str:
    return _TWO_DIGITS[number] if 0 <= number < len(_TWO_DIGITS) else _base36_digits(number)


_CYRILLIC = re.compile("[а-я]")


@functools.lru_cache(maxsize=1)
def _russian_stemmer() -> Any:
    return snowballstemmer.stemmer("russian")


def stems_of(vocabulary: list[str]) -> list[int | str]:
    """Each word's Snowball stem, as the worker's stemmer makes it (search-ru-core.js stemmerFrom: a word
    without Cyrillic letters is its own stem), so the browser does not stem the vocabulary when the
    reader turns to search (30–50 ms with a thousand guides). snowballstemmer runs the same Snowball
    Russian algorithm as lunr-languages' `ru`; tests/js/search-stems.test.mjs compares the two on the
    site's every word and on hard cases. A stem is the length of the word's beginning it keeps (Russian
    Snowball only takes endings off), or the stem itself if it ever is not such a beginning."""
    stemmer = _russian_stemmer()
    out: list[int | str] = []
    for word in vocabulary:
        stem = stemmer.stemWord(word) if _CYRILLIC.search(word) else word
        out.append(len(stem) if word.startswith(stem) else stem)
    return out


def build_index(docs: list[dict[str, Any]], stops: frozenset[str], synonyms: Synonyms | None = None,
                fallback: dict[str, Any] | None = None) -> dict[str, Any]:
    """The prebuilt index search-ru-core.js loads: per written word, its postings in every doc.

    A posting is four base-36 numbers: the doc as a gap from the previous one, the count in the
    guide's own text, the count in quoted text, and the strongest field (FIELD_CODE; 0 for none).
    """
    postings: dict[str, list[tuple[int, int, int, int]]] = {}
    lengths = []
    article_urls: set[str] = set()
    for number, doc in enumerate(docs):
        url = doc["location"].split("#")[0]
        is_article = url not in article_urls
        article_urls.add(url)
        text, inline = split_quotes(doc.get("text", ""))
        own = Counter(w for w in words(text) if w not in stops)
        quoted = Counter(w for w in words(f"{inline} {doc.get('quoted', '')}") if w not in stops)
        fields: dict[str, int] = {}
        title_field = "title" if is_article else "heading"  # a section's title is its heading
        for name, text in ((title_field, doc.get("title", "")), ("asked", doc.get("asked", ""))):
            for word in words(text):
                if word not in stops:
                    fields[word] = max(fields.get(word, 0), FIELD_CODE[name])
        lengths.append(sum(own.values()) + sum(quoted.values()))
        for word in sorted(set(own) | set(quoted) | set(fields)):
            postings.setdefault(word, []).append((number, own[word], quoted[word], fields.get(word, 0)))
    vocabulary = sorted(postings)
    encoded = []
    table, size = _TWO_DIGITS, len(_TWO_DIGITS)
    for word in vocabulary:
        previous = 0
        parts: list[str] = []
        for number, own_count, quoted_count, code in postings[word]:
            gap = number - previous
            # _base36 inlined for the common case (a million calls with 1000 guides were a third of this function)
            if 0 <= gap < size and own_count < size and quoted_count < size and code < size:
                parts += (table[gap], table[own_count], table[quoted_count], table[code])
            else:
                parts += (_base36(gap), _base36(own_count), _base36(quoted_count), _base36(code))
            previous = number
        encoded.append(" ".join(parts))
    synonyms = synonyms or Synonyms()
    return {
        "version": INDEX_VERSION,
        "lengths": lengths,
        "words": vocabulary,
        "stems": stems_of(vocabulary),
        "postings": encoded,
        "synonyms": synonyms.groups,
        "misspellings": synonyms.misspellings,
        "fallback": fallback or {},
    }


def no_results(pages: dict[str, PageInfo], nav_order: list[str]) -> dict[str, Any]:
    """The triage page and the first guides in navigation order, for a query that finds nothing."""
    triage = next((info for info in pages.values() if _slug(info.url) == TRIAGE_SLUG), None)
    if triage is None:
        return {}
    ordered = [pages[url] for url in nav_order if url in pages] or list(pages.values())
    common = [info for info in ordered if info.is_guide and info is not triage][:COMMON_SITUATIONS]
    return {
        "triage": {"location": triage.url, "title": triage.title},
        "text": NO_RESULTS_TEXT,
        "common": [{"location": info.url, "title": info.title} for info in common],
    }


def finish_index(data: dict[str, Any], state: BuildState) -> dict[str, Any]:
    """Material's index reshaped and prebuilt: the docs the worker shows, the index it searches."""
    data = rewrite_index(data, state.pages, state.home_url)
    for doc in data["docs"]:
        inbound = len(state.linked_from.get(doc["location"].split("#")[0], ()))
        if inbound:
            doc["boost"] = round(doc.get("boost", 1) * link_boost(inbound), 4)
    index = build_index(data["docs"], stop_words(), state.synonyms, no_results(state.pages, state.nav_order))
    shown = []
    for doc in data["docs"]:
        # the worker needs only what it shows; asked phrases and quotes live in the postings
        entry = {key: doc[key] for key in ("location", "title", "text", "boost") if key in doc}
        if doc.get("quoted"):
            entry["text"] = f"{entry['text']} {doc['quoted']}".strip()
        shown.append(entry)
    return {"config": dict(data["config"], search_ru=index), "docs": shown}


def split_texts(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The index without the sections' texts, and the texts as their own JSON list (same order).

    The engine ranks with the prebuilt index alone and needs a text only to show a snippet, so the
    texts (three quarters of the bytes) stay out of what Material downloads, parses and hands to
    the worker when the reader turns to search; the worker fetches them next, and until they arrive
    results show titles without snippets.
    """
    texts = [doc.get("text", "") for doc in data["docs"]]
    docs = [{key: value for key, value in doc.items() if key != "text"} for doc in data["docs"]]
    body = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    version = hashlib.sha256(body.encode("utf-8")).hexdigest()[:10]
    index = dict(data["config"]["search_ru"], texts=f"{TEXTS_FILE}?v={version}")
    return {"config": dict(data["config"], search_ru=index), "docs": docs}, body


def split_prebuilt(data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The index without its postings and entries, and those as their own JSON file.

    Material downloads search_index.json on the page's main thread, parses it there and copies it to
    the worker; with a thousand guides the postings are three quarters of it, and that parse and copy
    held the first results back by 100–170 ms. The entries (each section's location, title and boost)
    go too: Material's page script reads only `config` (to highlight a result's words), and hands
    `docs` to the worker unread, so the page parses and copies an index of a few hundred bytes. The
    worker fetches this file itself, as soon as the reader turns to search (search-worker-loader.js),
    in parallel with Material's download, and parses it off the page's thread. `version` ties the
    file to the index that names it.
    """
    index = data["config"]["search_ru"]
    moved = {key: index[key] for key in PREBUILT_KEYS}
    moved["docs"] = data["docs"]
    version = hashlib.sha256(json.dumps(moved, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:10]
    body = json.dumps(dict(moved, version=version), ensure_ascii=False, separators=(",", ":"))
    rest = {key: value for key, value in index.items() if key not in PREBUILT_KEYS}
    rest["prebuilt"] = {"url": PREBUILT_FILE, "version": version}
    return {"config": dict(data["config"], search_ru=rest), "docs": []}, body


def read_site_index(site: Path) -> dict[str, Any]:
    """A built site's search_index.json with its prebuilt postings and entries put back (for tests and
    benchmarks)."""
    data: dict[str, Any] = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    index = data["config"]["search_ru"]
    if "prebuilt" in index:
        body = json.loads((site / index["prebuilt"]["url"]).read_text(encoding="utf-8"))
        if body.get("version") != index["prebuilt"]["version"]:
            raise ValueError(f"{site}: {PREBUILT_FILE} does not match search_index.json (a stale build?)")
        index.update({key: body[key] for key in PREBUILT_KEYS})
        data["docs"] = body["docs"]
        del index["prebuilt"]
    return data


def worker_version(sources: tuple[Path, ...] = WORKER_SOURCES) -> str:
    """A short hash of the worker and its engine, appended to their URLs so browsers never pair an
    old worker with a new index."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


# --- MkDocs events ----------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    global _state
    synonyms, _ = load_synonyms(Path(config.config_file_path).parent / SYNONYMS_FILE)  # `make check` explains errors
    _state = BuildState(synonyms=synonyms)
    config.extra["search_ru_worker"] = f"{WORKER_URL}?v={worker_version()}"
    return config


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _state.nav_order = [page.url for page in nav.pages]
    return nav


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    info = page_info(page.url, page.meta)
    info.title = page.title or ""
    _state.pages[page.url] = info
    if page.is_homepage:
        _state.home_url = page.url
    html, info.quoted = take_quotes(html)
    for target in linked_pages(html, page.url):
        _state.linked_from.setdefault(target, set()).add(page.url)
    if info.is_guide or page.is_homepage:
        return mark_boilerplate(html)
    return html


# A dirty `make serve` (hooks/serve_dirty.py) keeps here, in the served folder, the index files it finished
# last: a save that re-renders one page puts them back instead of indexing every page again.
FINISHED_IN_SERVE = ".search-ru-finished"


@event_priority(-50)  # after Material's search plugin wrote the index, before the offline plugin inlines it
def on_post_build(config: Any) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    kept = Path(config.site_dir) / FINISHED_IN_SERVE
    if partial_build(config.site_dir) and kept.is_dir():
        for finished in kept.iterdir():
            (path.parent / finished.name).write_bytes(finished.read_bytes())
        return
    _finish(config, path)
    if dirty_serve(sys.argv):
        kept.mkdir(exist_ok=True)
        for written in path.parent.glob("search_*.json"):
            (kept / written.name).write_bytes(written.read_bytes())


def _finish(config: Any, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data = finish_index(data, _state)
    # The offline copy runs its "worker" in an iframe over file://, which may not fetch a second file:
    # there the texts stay in the index the offline plugin inlines.
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        data, texts = split_texts(data)
        (path.parent / Path(TEXTS_FILE).name).write_text(texts, encoding="utf-8")
        data, prebuilt = split_prebuilt(data)
        (path.parent / Path(PREBUILT_FILE).name).write_text(prebuilt, encoding="utf-8")
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
