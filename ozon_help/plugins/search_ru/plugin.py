"""ozon/search_ru: Material's search index reshaped and prebuilt for the Russian worker (index.py).

State of one build on `self.state` (index.BuildState): each page's facts, the home page, the navigation
order, which pages link to which, the synonyms.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ozon_help.plugins.offline.mode import offline_build
from ozon_help.plugins.problems import BuildProblems
from ozon_help.plugins.search_ru.config import SearchRuConfig
from ozon_help.plugins.search_ru.index import BuildState, finish_index
from ozon_help.plugins.search_ru.index_files import (
    PREBUILT_FILE,
    TEXTS_FILE,
    WORKER_URL,
    split_prebuilt,
    split_texts,
    worker_version,
)
from ozon_help.plugins.search_ru.page_text import linked_pages, mark_boilerplate, page_info, take_quotes
from ozon_help.plugins.search_ru.synonyms import SYNONYMS_FILE, SynonymsError, load_synonyms
from ozon_help.plugins.serve_dirty.dirty import partial_build
from ozon_help.plugins.serve_mode import ServeAware

# A dirty `make serve` (ozon/serve_dirty) keeps here, in the served folder, the index files it finished
# last: a save that re-renders one page puts them back instead of indexing every page again.
FINISHED_IN_SERVE = ".search-ru-finished"


class SearchRuPlugin(ServeAware, BasePlugin[SearchRuConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.state = BuildState()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:  # `make check` explains the synonyms file's errors too (sitecheck)
            synonyms, _ = load_synonyms(Path(config.config_file_path).parent / SYNONYMS_FILE)
        except SynonymsError as error:  # a message with its problems, not a traceback
            raise BuildProblems(error.problems) from error
        self.state = BuildState(synonyms=synonyms)
        config.extra["search_ru_worker"] = f"{WORKER_URL}?v={worker_version()}"
        return config

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.state.nav_order = [page.url for page in nav.pages]
        return nav

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        info = page_info(page.url, page.meta)
        info.title = page.title or ""
        self.state.pages[page.url] = info
        if page.is_homepage:
            self.state.home_url = page.url
        html, info.quoted = take_quotes(html)
        for target in linked_pages(html, page.url):
            self.state.linked_from.setdefault(target, set()).add(page.url)
        if info.is_guide or page.is_homepage:
            return mark_boilerplate(html)
        return html

    @event_priority(-50)  # after Material's search plugin wrote the index, before the offline plugin inlines it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        kept = Path(config.site_dir) / FINISHED_IN_SERVE
        if partial_build(config.site_dir, self.dirty_serve) and kept.is_dir():
            for finished in kept.iterdir():
                (path.parent / finished.name).write_bytes(finished.read_bytes())
            return
        self._finish(config, path)
        if self.dirty_serve:
            kept.mkdir(exist_ok=True)
            for written in path.parent.glob("search_*.json"):
                (kept / written.name).write_bytes(written.read_bytes())

    def _finish(self, config: MkDocsConfig, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        data = finish_index(data, self.state)
        # The offline copy runs its "worker" in an iframe over file://, which may not fetch a second file:
        # there the texts stay in the index the offline plugin inlines.
        if not offline_build(config):
            data, texts = split_texts(data)
            (path.parent / Path(TEXTS_FILE).name).write_text(texts, encoding="utf-8")
            data, prebuilt = split_prebuilt(data)
            (path.parent / Path(PREBUILT_FILE).name).write_text(prebuilt, encoding="utf-8")
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
