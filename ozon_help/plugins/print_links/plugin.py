"""ozon/print_links: marks the links whose address print must show after their text (marks.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ozon_help.html_source import LastPage
from ozon_help.plugins.print_links.config import PrintLinksConfig
from ozon_help.plugins.print_links.marks import mark_links


class PrintLinksPlugin(BasePlugin[PrintLinksConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.last_page = LastPage()  # the page marked last and its tokens, for ozon/booklet

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return mark_links(html, page.url, config.site_url or "", self.last_page)
