"""ozon/config_guard: the checks of guard.py inside every build, before any other plugin reads a setting."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from ozon_help.plugins.config_guard.config import ConfigGuardConfig
from ozon_help.plugins.config_guard.guard import config_problems
from ozon_help.plugins.problems import BuildProblems


class ConfigGuardPlugin(BasePlugin[ConfigGuardConfig]):
    @event_priority(100)  # before every plugin reads a setting
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        path = Path(config.config_file_path)
        # The project is the folder of the configuration file: the problems name the file by its own name.
        problems = config_problems(path.read_text(encoding="utf-8-sig"), path.name)
        if problems:
            raise BuildProblems(problems)
        return config
