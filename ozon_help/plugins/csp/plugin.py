"""ozon/csp: Content-Security-Policy in every page, inline scripts hashed (policy.py; dev/safety.md)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from ozon_help.plugins.csp.config import CspConfig
from ozon_help.plugins.csp.policy import (
    _META,
    Policy,
    ShippedScript,
    _shim_hashes,
    shipped_scripts,
    trusted_script_hashes,
    with_policy,
    with_scripts,
)
from ozon_help.plugins.offline.mode import offline_build

class CspPlugin(BasePlugin[CspConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.shipped: list[ShippedScript] = []

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Read the theme's scripts once a build (make serve re-reads them after a template change)."""
        self.shipped = shipped_scripts([Path(d) for d in config.theme.dirs])

    def _page_policy(self, html: str, config: MkDocsConfig) -> Policy:
        hashes = trusted_script_hashes(html, self.shipped)
        if offline_build(config):
            hashes += _shim_hashes(html)
        return with_scripts(hashes)

    @event_priority(-100)  # last: after every plugin that edits the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return with_policy(output, self._page_policy(output, config))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Pages MkDocs writes without on_post_page (404.html) get the policy too."""
        path = Path(config.site_dir) / "404.html"
        if path.exists():
            html = path.read_text(encoding="utf-8")
            if not _META.search(html):
                path.write_text(with_policy(html, self._page_policy(html, config)), encoding="utf-8")
