"""The offline copy (`make offline`) loads its Web Worker shim from the site, not from a CDN.

Material's offline plugin adds https://unpkg.com/iframe-worker/shim to `extra.polyfills` so search
works from file://. The site asks no third party for anything, so this hook puts the same shim,
shipped in overrides/assets/javascripts/, in that list first; the plugin then adds nothing.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

LOCAL_SHIM = "assets/javascripts/iframe-worker-shim.js"


@event_priority(100)  # before the offline plugin's on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [LOCAL_SHIM, *config.extra.get("polyfills", [])]
    return config
