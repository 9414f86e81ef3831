"""ozon/compact_html: blank lines and indentation between tags dropped (compact.py; about 1 KB gzip a page)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from ozon_help.plugins.compact_html.compact import compact
from ozon_help.plugins.compact_html.config import CompactHtmlConfig


class CompactHtmlPlugin(BasePlugin[CompactHtmlConfig]):
    @event_priority(100)  # before the plugins that read or hash the finished page (ozon/csp)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return compact(output)
