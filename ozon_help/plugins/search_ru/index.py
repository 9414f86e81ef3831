"""ozon/search_ru: a Russian search index for Material's search box.

Material's own worker (lunr with `lang: ru`) never stems a query, because it appends `*` to every
word, so «потерянный» misses a page that says «потерялся». This plugin keeps Material's search plugin
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

This module builds the index; page_text.py reads each page, index_files.py writes the files the worker
fetches, synonyms.py reads data/search-synonyms.yml.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import snowballstemmer

from ozon_help.plugins.search_ru.page_text import PageInfo, plain_text

from ozon_help.plugins.search_ru.synonyms import Synonyms, words

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
# A page other pages link to is one the editors point readers at: boost × (1 + LINK_WEIGHT × log2(1 +
# pages linking to it)). Measured on bench/search_queries.yml: with 1000 synthetic guides nobody links
# to, hit@1 80.5 → 85.7 %; on the real site hit@1 stays 88.0 %.
LINK_WEIGHT = 0.08
REFERENCE_PAGE_BOOST = 0.5  # contacts, glossary: useful, but a guide should win a tie
ASKED_SEPARATOR = " · "


@dataclass
class BuildState:
    pages: dict[str, PageInfo] = field(default_factory=dict)
    home_url: str = ""
    nav_order: list[str] = field(default_factory=list)  # page URLs as the navigation lists them
    linked_from: dict[str, set[str]] = field(default_factory=dict)  # page URL -> pages whose text links to it
    synonyms: Synonyms = field(default_factory=Synonyms)



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
