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
- titles and text are stored as plain text (the worker builds and escapes its own snippets), and the
  JSON is written as UTF-8, not as \\uXXXX escapes: a third of the size for Cyrillic text.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

# MkDocs loads hooks by file path; the project folder must be importable for `macros`.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.front_matter import parse  # noqa: E402

WORKER_SOURCE = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "search-ru-worker.js"
WORKER_URL = "assets/javascripts/search-ru-worker.js"
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


@dataclass
class BuildState:
    pages: dict[str, PageInfo] = field(default_factory=dict)
    home_url: str = ""


_state = BuildState()


def mark_boilerplate(html: str) -> str:
    """Add Material's exclude attribute to every opening tag of a boilerplate block."""

    def add(match: re.Match[str]) -> str:
        if "data-search-exclude" in match.group("attrs"):
            return match.group(0)
        return f"<{match.group('tag')}{match.group('attrs')}{EXCLUDE_ATTR}>"

    return _BOILERPLATE_TAG.sub(add, html)


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
            if info.boost is not None:
                entry["boost"] = info.boost
            elif not info.is_guide and url != home_url:
                entry["boost"] = REFERENCE_PAGE_BOOST
        docs.append(entry)
    config = dict(data.get("config", {}))
    config["engine"] = "search-ru"
    return {"config": config, "docs": docs}


def worker_version(source: Path = WORKER_SOURCE) -> str:
    """A short hash of the worker, appended to its URL so browsers never pair an old worker with a new index."""
    return hashlib.sha256(source.read_bytes()).hexdigest()[:10]


# --- MkDocs events ----------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    global _state
    _state = BuildState()
    config.extra["search_ru_worker"] = f"{WORKER_URL}?v={worker_version()}"
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    info = page_info(page.url, page.meta)
    _state.pages[page.url] = info
    if page.is_homepage:
        _state.home_url = page.url
    if info.is_guide or page.is_homepage:
        return mark_boilerplate(html)
    return html


@event_priority(-50)  # after Material's search plugin wrote the index, before the offline plugin inlines it
def on_post_build(config: Any) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    data = rewrite_index(data, _state.pages, _state.home_url)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
