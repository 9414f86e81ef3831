"""ozon/docs_files: every file of docs/ checked before MkDocs collects (and would follow) them (rules.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ozon_help.plugins.docs_files.config import DocsFilesConfig
from ozon_help.plugins.docs_files.rules import docs_problems


class DocsFilesPlugin(BasePlugin[DocsFilesConfig]):
    @event_priority(100)  # before MkDocs collects (and follows) the files of docs/
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        problems = docs_problems(Path(config.docs_dir))
        if problems:
            raise PluginError("\n" + "\n".join(map(str, problems)))
        return config
