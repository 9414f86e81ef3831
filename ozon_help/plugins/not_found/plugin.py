"""ozon/not_found: the 404 page's «Что случилось?» links, read from the home page (chooser.py)."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ozon_help.plugins.not_found.chooser import TEMPLATE_VARIABLE, Situation, chooser_links
from ozon_help.plugins.not_found.config import NotFoundConfig


class NotFoundPlugin(BasePlugin[NotFoundConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.situations: list[Situation] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.situations = []
        return config

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.is_homepage:
            self.situations = chooser_links(html, page.url)
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.globals[TEMPLATE_VARIABLE] = list(self.situations)
        return env
