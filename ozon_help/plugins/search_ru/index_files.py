"""ozon/search_ru: the index as the files the browser fetches: search_index.json (what Material's page
script reads), the prebuilt postings and the sections' texts (what the worker fetches itself).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]  # the project folder: ozon_help/plugins/search_ru/ is in it
JAVASCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
WORKER_SOURCES = (JAVASCRIPTS / "search-ru-worker.js", JAVASCRIPTS / "search-ru-core.js")
WORKER_URL = "assets/javascripts/search-ru-worker.js"
TEXTS_FILE = "search/search_texts.json"  # the sections' texts, for snippets (split_texts)
# The prebuilt postings, which the worker fetches itself (split_prebuilt); search-ru-worker.js names it too.
PREBUILT_FILE = "search/search_prebuilt.json"
PREBUILT_KEYS = ("lengths", "words", "stems", "postings")


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
