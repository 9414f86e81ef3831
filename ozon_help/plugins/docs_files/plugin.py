"""ozon/docs_files: every file of docs/ checked before MkDocs collects (and would follow) them (rules.py)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from ozon_help.plugins.docs_files.config import DocsFilesConfig
from ozon_help.plugins.docs_files.rules import docs_problems
from ozon_help.plugins.problems import BuildProblems


class DocsFilesPlugin(BasePlugin[DocsFilesConfig]):
    @event_priority(100)  # before MkDocs collects (and follows) the files of docs/
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        docs = Path(config.docs_dir)
        # config_guard keeps docs_dir inside the project, the folder of the configuration file.
        shown_as = Path(os.path.relpath(docs, Path(config.config_file_path).parent)).as_posix()
        problems = docs_problems(docs, shown_as)
        if problems:
            raise BuildProblems(problems)
        return config
