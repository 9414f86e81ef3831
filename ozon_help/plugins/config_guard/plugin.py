"""ozon/config_guard: the checks of guard.py inside every build, before any other plugin reads a setting."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ozon_help.plugins.config_guard.config import ConfigGuardConfig
from ozon_help.plugins.config_guard.guard import config_problems


class ConfigGuardPlugin(BasePlugin[ConfigGuardConfig]):
    @event_priority(100)  # before every plugin reads a setting
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        problems = config_problems(Path(config.config_file_path).read_text(encoding="utf-8-sig"))
        if problems:
            raise PluginError("\n" + "\n".join(map(str, problems)))
        return config
