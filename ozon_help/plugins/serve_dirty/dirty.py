"""`make serve` rebuilds only the page an editor saved, and everything when the change is not a page.

`mkdocs serve --dirty` re-renders only Markdown files newer than their built HTML: with 1000 guides a
save then takes about a second instead of a full build. Alone it would be wrong here, because pages
are made from more than their own file. So, in a dirty serve only:

- a change to data/, macros/, ozon_help/, overrides/ or mkdocs.yml since the last build rebuilds every
  page (a new phone number reaches every page that shows it);
- a page whose front matter changed also rebuilds the home page, which lists every guide's title
  and short answer (a change to the body alone does not).

The booklets (pechat.md and the section booklets ozon/booklet adds) and the search index keep
what the last full build made until the next full one (`make serve` starts with one): while a build
re-renders only some pages, the file PARTIAL in the served folder says so; ozon/booklet then leaves
the section booklets as they are (rendered again, they would hold the saved guide alone), and
ozon/search_ru puts back the index it finished last instead of indexing every page again (1.5 s of
a save with 1000 guides). Such a build also reuses the Jinja
templates the builds before it compiled (TEMPLATES); a full one compiles them afresh. `make build` and
`make check` never run dirty.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any

from macros.front_matter import front_matter_block

STAMP = ".serve-dirty-built"  # in the served site folder: when the last build of this serve ended
PARTIAL = ".serve-dirty-partial"  # in the served site folder while a build re-renders only some pages
TEMPLATES = ".serve-dirty-templates"  # in the served site folder: compiled theme templates (Jinja bytecode)
FRONT_MATTERS = ".serve-dirty-front-matter.json"  # each page's front matter at the last build
NOT_PAGES = ("data", "macros", "ozon_help", "overrides")  # what pages are made from besides docs/
HOME = "index.md"


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' «A 'dirty' build is being performed» warning, which `strict: true` would count."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_notice() -> None:
    # MkDocs warns on every dirty build, and mkdocs.yml's `strict: true` turns that warning into a
    # failed build. Every other warning still counts. Added once, however often a process loads this.
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
        build_log.addFilter(_DirtyNotice())


def newest_change(paths: list[Path]) -> float:
    newest = 0.0
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []
        newest = max([newest, *(f.stat().st_mtime for f in files if "__pycache__" not in f.parts)])
    return newest


def _always(_: Any = None) -> bool:
    return True


def _never(_: Any = None) -> bool:
    return False


def keep_as_built(file: Any) -> None:
    """A dirty build leaves this file's page as the last build wrote it (for pages other plugins add after
    on_files has chosen which to render again)."""
    file.is_modified = _never


def changed_pages(files: Any, config: Any) -> None:
    """Mark the pages this dirty build renders again (file.is_modified): every page after a change that is
    not a page, else the saved ones, and the home page when a saved page's front matter changed."""
    stamp = Path(config.site_dir) / STAMP
    last_build = stamp.stat().st_mtime if stamp.exists() else 0.0
    root = Path(config.config_file_path).resolve().parent
    sources = [root / "mkdocs.yml", *(root / name for name in NOT_PAGES)]
    pages = list(files.documentation_pages())
    store = Path(config.site_dir) / FRONT_MATTERS
    known: dict[str, str] = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
    if not last_build or newest_change(sources) > last_build:
        changed = pages  # not a page: everything
        known = {f.src_uri: _front_matter(f) for f in pages}
    else:
        changed = [f for f in pages if f.is_modified()]
        fronts = {f.src_uri: _front_matter(f) for f in changed}
        if any(known.get(uri) != front for uri, front in fronts.items()):
            changed += [f for f in pages if f.src_uri == HOME]
        known.update(fronts)
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
    partial = Path(config.site_dir) / PARTIAL
    if len(changed) < len(pages):
        partial.touch()
    else:
        partial.unlink(missing_ok=True)
    for file in changed:
        file.is_modified = _always


def template_cache(env: Any, site_dir: str) -> None:
    """Compiling the theme's templates is a fifth of a save's build. Only a full build can follow a change
    to code, data or templates (changed_pages), so it empties the cache and the partial builds after it
    reuse what it compiled; Jinja also compares each template's source with the one it compiled."""
    import jinja2

    folder = Path(site_dir) / TEMPLATES
    if not (Path(site_dir) / PARTIAL).exists():
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def partial_build(site_dir: str | Path, dirty_serve: bool) -> bool:
    """True while a dirty serve's build re-renders only some pages (never in `make build`)."""
    return dirty_serve and (Path(site_dir) / PARTIAL).exists()


def _front_matter(file: Any) -> str:
    """The page's front-matter block as MkDocs finds it (macros/front_matter.py, the one reader)."""
    found = front_matter_block(Path(file.abs_src_path).read_text(encoding="utf-8-sig"))
    return found[0] if found else ""
