"""ozon/mkdocs_messages: the logging filter of messages.py, pointed at this build's project and docs/."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from ozon_help.plugins.mkdocs_messages.config import MkdocsMessagesConfig
from ozon_help.plugins.mkdocs_messages.messages import installed


class MkdocsMessagesPlugin(BasePlugin[MkdocsMessagesConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        installed().configure(config)
        return config
