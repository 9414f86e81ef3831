"""ozon/serve_dirty: in a dirty `make serve` only, the pages a save changed are rendered again (dirty.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from ozon_help.plugins.serve_dirty.config import ServeDirtyConfig
from ozon_help.plugins.serve_dirty.dirty import STAMP, changed_pages, quiet_dirty_notice, template_cache
from ozon_help.plugins.serve_mode import ServeAware


class ServeDirtyPlugin(ServeAware, BasePlugin[ServeDirtyConfig]):
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        super().on_startup(command=command, dirty=dirty)
        if self.dirty_serve:
            quiet_dirty_notice()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.dirty_serve:
            changed_pages(files, config)
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.dirty_serve:
            template_cache(env, config.site_dir)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.dirty_serve:
            (Path(config.site_dir) / STAMP).touch()
