"""The one answer to «is this the offline build?» (`make offline`): Material's offline plugin is on.

mkdocs.yml turns it on with `offline: {enabled: !ENV [OFFLINE, false]}`; every plugin that builds the
offline copy differently asks here, never reads the setting itself.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

OFFLINE_PLUGINS = ("material/offline", "offline")  # as MkDocs names it with the Material theme, and without


def offline_build(config: MkDocsConfig) -> bool:
    for name in OFFLINE_PLUGINS:
        plugin = config.plugins.get(name)
        if plugin is not None:
            return bool(plugin.config.enabled)
    return False
