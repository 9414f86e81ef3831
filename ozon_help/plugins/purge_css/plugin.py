"""ozon/purge_css: after the build, Material's stylesheets lose the rules no page can use (purge.py) and the
site's own stylesheets and small scripts are minified (minify.py)."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from ozon_help.plugins.purge_css.config import PurgeCssConfig
from ozon_help.plugins.purge_css.minify import minify, minify_file, own_scripts
from ozon_help.plugins.purge_css.names import DirtyCache, used_names
from ozon_help.plugins.purge_css.purge import STYLESHEETS, TARGETS, _purged
from ozon_help.plugins.serve_mode import ServeAware

log = logging.getLogger("mkdocs.plugins.ozon.purge_css")


class PurgeCssPlugin(ServeAware, BasePlugin[PurgeCssConfig]):
    @event_priority(-100)  # last: every page and script is written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config["site_dir"])
        folder = site / STYLESHEETS
        targets = {p: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.css")) if TARGETS.match(p.name)}
        if not targets:
            return
        cache = DirtyCache(site) if self.dirty_serve else None
        classes, attributes = used_names(site, config, cache)
        other_css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css") if p not in targets)
        scripts = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.js"))
        renamed: dict[str, str] = {}
        for path, text in _purged(targets, other_css, scripts, classes, attributes, cache).items():
            stem = path.name.split(".")[0]
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
            new = path.with_name(f"{stem}.{digest}.min.css")
            path.unlink()
            new.write_text(text, encoding="utf-8")
            renamed[path.name] = new.name
            log.debug("purge_css: %s %d -> %s %d bytes", path.name, len(targets[path]), new.name, len(text))
        for own in sorted((site / "assets").rglob("*.css")):
            if own.parent != folder:  # the site's own stylesheets: docs/assets/
                minify_file(own, minify, cache)
        for script in own_scripts(site):
            minify_file(script, rjsmin.jsmin, cache)
        for stale in (folder / f"{old}.map" for old in renamed):
            stale.unlink(missing_ok=True)  # source maps of the files before purging: they describe nothing now
        # A dirty serve finds its last purged file among the targets again, and keeps its name: nothing to replace.
        links = {f"{STYLESHEETS.as_posix()}/{old}": f"{STYLESHEETS.as_posix()}/{new}"
                 for old, new in renamed.items() if old != new}
        # As bytes: the names are ASCII, so replacing them in the UTF-8 bytes is replacing them in the text,
        # without decoding and encoding 80 MB of pages (with 1000 guides).
        byte_links = [(old.encode("utf-8"), new_link.encode("utf-8")) for old, new_link in links.items()]
        rewritten: dict[Path, str] = {}
        for page in site.rglob("*.html"):
            data = page.read_bytes()
            updated = data
            for old_bytes, new_bytes in byte_links:
                updated = updated.replace(old_bytes, new_bytes)
            if updated != data:
                page.write_bytes(updated)
                if cache is not None:
                    rewritten[page] = updated.decode("utf-8")
        if cache is not None:
            cache.save(rewritten)
