"""ozon/offline: the offline copy (`make offline`) that works from a folder or zip over file://.

- Its Web Worker shim comes from the site, not a CDN: Material's offline plugin adds
  https://unpkg.com/iframe-worker/shim to `extra.polyfills` so search works from file://. The site asks
  no third party for anything, so this plugin puts the same shim, shipped in
  overrides/assets/javascripts/, in that list first; Material's plugin then adds nothing.
- The pages' JavaScript modules run as classic scripts (file:// refuses modules): modules.py.

Whether this is the offline build is mode.offline_build's answer, the one reader of that setting.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from ozon_help.plugins.offline.config import OfflineConfig
from ozon_help.plugins.offline.mode import offline_build
from ozon_help.plugins.offline.modules import bundled_page

LOCAL_SHIM = "assets/javascripts/iframe-worker-shim.js"


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.bundles: dict[str, str] = {}  # entry → bundle path relative to the site, once per build

    @event_priority(100)  # before the offline plugin's on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if offline_build(config):
            config.extra["polyfills"] = [LOCAL_SHIM, *config.extra.get("polyfills", [])]
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.bundles = {}

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not offline_build(config):
            return output
        return bundled_page(output, page.file.src_uri, page.file.dest_uri, Path(config["docs_dir"]),
                            Path(config["site_dir"]), self.bundles)
