"""ozon/seo: JSON-LD for guides, robots.txt (structured_data.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from macros.front_matter import is_guide
from ozon_help.plugins.seo.config import SeoConfig
from ozon_help.plugins.seo.structured_data import PUBLISHED_META, UPDATED_META, article, robots_txt, script_safe_json


class SeoPlugin(BasePlugin[SeoConfig]):
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        page.structured_data = None  # type: ignore[attr-defined]  # printed by overrides/partials/share-meta.html
        updated = page.meta.get(UPDATED_META)
        if is_guide(page.meta) and isinstance(updated, date) and page.canonical_url:
            page.structured_data = script_safe_json(article(  # type: ignore[attr-defined]
                headline=str(page.title or ""),
                description=str(page.meta.get("description") or ""),
                url=page.canonical_url,
                updated=updated,
                published=page.meta.get(PUBLISHED_META) or updated,
                site_name=config["site_name"],
                site_url=config["site_url"] or "",
            ))
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        Path(config["site_dir"], "robots.txt").write_text(robots_txt(config["site_url"]), encoding="utf-8")
