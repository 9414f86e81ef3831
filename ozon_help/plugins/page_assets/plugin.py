"""ozon/page_assets: per-page stylesheets (front matter extra_css), content scripts and stylesheets where the
content uses them, the search worker loaded on first search (assets.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ozon_help.plugins.offline.mode import offline_build
from ozon_help.plugins.page_assets.assets import (
    LOADER_URL,
    WORKER_DIR,
    content_scripts,
    content_stylesheets,
    page_stylesheets,
)
from ozon_help.plugins.page_assets.config import PageAssetsConfig


class PageAssetsPlugin(BasePlugin[PageAssetsConfig]):
    @event_priority(-50)  # after ozon/search_ru has set the worker's URL
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        worker = config.extra.get("search_ru_worker")
        if isinstance(worker, str) and worker.startswith(WORKER_DIR) and not offline_build(config):
            # The loader imports its `w` argument from its own folder (it accepts nothing else).
            config.extra["search_ru_worker"] = f"{LOADER_URL}?w={quote(worker[len(WORKER_DIR):], safe='')}"
        return config

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Template values (overrides/main.html): attributes MkDocs' Page does not declare.
        page.page_css = []  # type: ignore[attr-defined]
        source = page.file.abs_src_path
        if source is not None:
            docs_dir = Path(config["docs_dir"])
            where = Path(source).relative_to(docs_dir.parent).as_posix() if docs_dir.parent in Path(source).parents \
                else page.file.src_uri
            page.page_css = page_stylesheets(page.meta, Path(source), docs_dir, where)  # type: ignore[attr-defined]
        return markdown

    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        page.page_js = content_scripts(page.content or "")  # type: ignore[attr-defined]
        page.content_css = content_stylesheets(page.content or "")  # type: ignore[attr-defined]
        return context
