"""ozon/serve_dirty: a dirty `make serve` rebuilds the saved page and the home page, or everything
when data, code or templates changed since its last build; other commands never run dirty."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ozon_help.plugins.serve_dirty import dirty as serve_dirty
from ozon_help.plugins.serve_dirty.plugin import ServeDirtyPlugin
from ozon_help.plugins.serve_mode import is_dirty_serve
from sitebuild import copy_project

from .conftest import BuildServer
from .page_picks import booklet_page, first_guide, url_of

SERVE_DIRTY = ("serve", True)  # on_startup's command and dirty, as `make serve` starts MkDocs
BUILD = ("build", False)
NO_FILES: Any = None  # on_env does not read the files


def _plugin(mode: tuple[str, bool] = SERVE_DIRTY) -> ServeDirtyPlugin:
    """The plugin as MkDocs makes it for a run of `mode` (on_startup tells it the command)."""
    plugin = ServeDirtyPlugin()
    plugin.on_startup(command=mode[0], dirty=mode[1])  # type: ignore[arg-type]
    return plugin


class FakeFile:
    def __init__(self, src_uri: str, modified: bool, docs: Path) -> None:
        self.src_uri = src_uri
        self._modified = modified
        self.abs_src_path = str(docs / src_uri)
        if not Path(self.abs_src_path).exists():
            Path(self.abs_src_path).write_text(f"---\ntitle: {src_uri}\n---\n\nТекст.\n", encoding="utf-8")

    def is_modified(self) -> bool:
        return self._modified


class FakeFiles:
    def __init__(self, files: list[FakeFile]) -> None:
        self.files = files

    def documentation_pages(self) -> list[FakeFile]:
        return self.files


def _project(tmp_path: Path) -> Any:  # what the plugin reads of MkDocsConfig
    for folder in serve_dirty.NOT_PAGES:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    return SimpleNamespace(site_dir=str(site), config_file_path=str(tmp_path / "mkdocs.yml"))


def _rebuilt(files: Any) -> set[str]:
    return {f.src_uri for f in files.files if f.is_modified()}


def _pages(docs: Path) -> Any:  # what the plugin reads of Files
    docs.mkdir(exist_ok=True)
    return FakeFiles([FakeFile(name, name == "brak.md", docs) for name in ("index.md", "brak.md", "dostavka.md")])


def test_only_serve_with_dirty_is_dirty() -> None:
    assert is_dirty_serve("serve", True)
    assert not is_dirty_serve("serve", False)
    assert not is_dirty_serve("build", True)
    assert _plugin().dirty_serve and not _plugin(BUILD).dirty_serve


def _after_a_full_build(tmp_path: Path, plugin: ServeDirtyPlugin) -> Any:
    config = _project(tmp_path)
    plugin.on_files(_pages(tmp_path / "docs"), config=config)  # the first build of a serve is full
    plugin.on_post_build(config=config)
    stamp = Path(config.site_dir) / serve_dirty.STAMP
    later = time.time() + 10  # after the last change to data and code
    os.utime(stamp, (later, later))
    return config


def test_saved_body_rebuilds_that_page_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = _plugin()
    config = _after_a_full_build(tmp_path, plugin)
    guide = tmp_path / "docs" / "brak.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "Ещё строка.\n", encoding="utf-8")
    assert _rebuilt(plugin.on_files(_pages(tmp_path / "docs"), config=config)) == {"brak.md"}


def test_saved_front_matter_also_rebuilds_the_home_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = _plugin()
    config = _after_a_full_build(tmp_path, plugin)
    guide = tmp_path / "docs" / "brak.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("title: brak.md", "title: Брак"), encoding="utf-8")
    assert _rebuilt(plugin.on_files(_pages(tmp_path / "docs"), config=config)) == {"index.md", "brak.md"}


def test_a_change_to_data_rebuilds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = _plugin()
    config = _project(tmp_path)
    plugin.on_post_build(config=config)
    stamp = Path(config.site_dir) / serve_dirty.STAMP
    earlier = time.time() - 10
    os.utime(stamp, (earlier, earlier))
    (tmp_path / "data" / "x.txt").write_text("changed", encoding="utf-8")
    assert _rebuilt(plugin.on_files(_pages(tmp_path / "docs"), config=config)) == {"index.md", "brak.md", "dostavka.md"}


def test_first_build_of_a_serve_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = _plugin()
    rebuilt = _rebuilt(plugin.on_files(_pages(tmp_path / "docs"), config=_project(tmp_path)))
    assert rebuilt == {"index.md", "brak.md", "dostavka.md"}


def test_build_is_never_touched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = _plugin(BUILD)
    config: Any = _project(tmp_path)
    assert _rebuilt(plugin.on_files(_pages(tmp_path / "docs"), config=config)) == {"brak.md"}
    plugin.on_post_build(config=config)
    assert not (Path(config.site_dir) / serve_dirty.STAMP).exists()


def test_only_the_dirty_notice_is_dropped() -> None:
    notice = serve_dirty._DirtyNotice()
    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.WARNING, "", 0, message, None, None)

    assert not notice.filter(record("A 'dirty' build is being performed, x"))
    assert notice.filter(record("Doc file 'x.md' contains a link"))


# --- what a save skips: the other pages' names, the search index, the booklets, the template compiling ---


def test_partial_marker_says_whether_a_build_renders_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plugin = _plugin()
    config = _after_a_full_build(tmp_path, plugin)
    assert not serve_dirty.partial_build(config.site_dir, plugin.dirty_serve)
    guide = tmp_path / "docs" / "brak.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "Ещё строка.\n", encoding="utf-8")
    plugin.on_files(_pages(tmp_path / "docs"), config=config)
    assert serve_dirty.partial_build(config.site_dir, plugin.dirty_serve)
    (tmp_path / "data" / "x.txt").write_text("changed", encoding="utf-8")
    later = time.time() + 20
    os.utime(tmp_path / "data" / "x.txt", (later, later))
    plugin.on_files(_pages(tmp_path / "docs"), config=config)
    assert not serve_dirty.partial_build(config.site_dir, plugin.dirty_serve)
    (Path(config.site_dir) / serve_dirty.PARTIAL).touch()
    plugin = _plugin(BUILD)
    assert not serve_dirty.partial_build(config.site_dir, plugin.dirty_serve), "a plain build is never partial"


def test_compiled_templates_live_until_a_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    plugin = _plugin()
    config = _project(tmp_path)
    folder = Path(config.site_dir) / serve_dirty.TEMPLATES
    env = plugin.on_env(jinja2.Environment(), config=config, files=NO_FILES)
    assert isinstance(env.bytecode_cache, jinja2.FileSystemBytecodeCache)
    (folder / "compiled").write_text("x", encoding="utf-8")
    (Path(config.site_dir) / serve_dirty.PARTIAL).touch()
    plugin.on_env(jinja2.Environment(), config=config, files=NO_FILES)
    assert (folder / "compiled").exists(), "a partial build reuses what was compiled"
    (Path(config.site_dir) / serve_dirty.PARTIAL).unlink()
    plugin.on_env(jinja2.Environment(), config=config, files=NO_FILES)
    assert not (folder / "compiled").exists(), "a full build (code, data or templates changed) compiles afresh"
    plugin = _plugin(BUILD)
    assert plugin.on_env(jinja2.Environment(), config=config, files=NO_FILES).bytecode_cache is None


STYLESHEET = "assets/stylesheets/main.0123abcd.min.css"
MATERIAL_CSS = ".a{color:red}.b{color:blue}.c{color:green}"


def _page(site: Path, name: str, css_class: str, stylesheet: str = STYLESHEET) -> None:
    page = site / name / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f'<html><head><link rel="stylesheet" href="../{stylesheet}"></head>'
                    f'<body><p class="{css_class}">т</p></body></html>', encoding="utf-8")


def _linked_stylesheet(site: Path, name: str) -> str:
    href = re.search(r'href="\.\./([^"]+)"', (site / name / "index.html").read_text(encoding="utf-8"))
    assert href, f"{name}: no stylesheet link"
    return (site / href.group(1)).read_text(encoding="utf-8")


def test_purge_in_a_dirty_serve_reads_only_new_pages_and_purges_as_a_full_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ozon_help.plugins.purge_css import names
    from ozon_help.plugins.purge_css.plugin import PurgeCssPlugin

    parsed: list[bytes] = []
    read = names.page_names

    def counted(html: bytes, classes: set[str], attributes: set[tuple[str, str]]) -> None:
        parsed.append(html)
        read(html, classes, attributes)

    monkeypatch.setattr(names, "page_names", counted)
    config = {"site_dir": "", "theme": {"features": []}, "plugins": {}, "extra": {}}

    def post_build(site: Path, mode: tuple[str, bool]) -> None:
        plugin = PurgeCssPlugin()
        plugin.on_startup(command=mode[0], dirty=mode[1])  # type: ignore[arg-type]
        parsed.clear()
        plugin.on_post_build(config={**config, "site_dir": str(site)})  # type: ignore[arg-type]

    site = tmp_path / "served"
    (site / STYLESHEET).parent.mkdir(parents=True)
    (site / STYLESHEET).write_text(MATERIAL_CSS, encoding="utf-8")
    _page(site, "one", "a")
    _page(site, "two", "b")
    post_build(site, SERVE_DIRTY)
    assert len(parsed) == 2
    # A save: MkDocs copies Material's stylesheet again and renders the saved page, now with another class.
    (site / STYLESHEET).write_text(MATERIAL_CSS, encoding="utf-8")
    _page(site, "two", "c")
    post_build(site, SERVE_DIRTY)
    assert len(parsed) == 1 and b'class="c"' in parsed[0], "only the saved page is read again"
    post_build(site, SERVE_DIRTY)
    assert parsed == [], "nothing changed: no page is read"

    full = tmp_path / "built"
    (full / STYLESHEET).parent.mkdir(parents=True)
    (full / STYLESHEET).write_text(MATERIAL_CSS, encoding="utf-8")
    _page(full, "one", "a")
    _page(full, "two", "c")
    post_build(full, BUILD)
    assert not (full / names.DIRTY_CACHE).exists(), "a plain build keeps no cache"
    assert _linked_stylesheet(site, "two") == _linked_stylesheet(full, "two") == ".a{color:red}.c{color:green}"


def test_search_index_of_a_save_is_the_one_finished_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ozon_help.plugins.search_ru.plugin import SearchRuPlugin

    finished: list[Path] = []

    def finish(config: Any, path: Path) -> None:
        finished.append(path)
        path.write_text(f"finished {len(finished)}", encoding="utf-8")

    search_ru = SearchRuPlugin()
    search_ru.on_startup(command="serve", dirty=True)
    monkeypatch.setattr(search_ru, "_finish", finish)
    site = tmp_path / "site"
    index = site / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    config: Any = SimpleNamespace(site_dir=str(site))
    index.write_text("Material's index of every page", encoding="utf-8")
    search_ru.on_post_build(config=config)  # a full build: finished, and kept
    assert index.read_text(encoding="utf-8") == "finished 1"
    (site / serve_dirty.PARTIAL).touch()
    index.write_text("Material's index, merged with the saved page", encoding="utf-8")
    search_ru.on_post_build(config=config)
    assert len(finished) == 1 and index.read_text(encoding="utf-8") == "finished 1", "put back, not indexed again"
    (site / serve_dirty.PARTIAL).unlink()
    search_ru.on_post_build(config=config)
    assert len(finished) == 2 and index.read_text(encoding="utf-8") == "finished 2"


# Two builds of a copy as `make serve` runs them (--dirty): the first renders everything, the second follows
# a save of one guide. Prints each built file's SHA-256 after each build.
TWO_SERVE_BUILDS = r"""
import hashlib, json, os, sys
from pathlib import Path

site, guide, marker = sys.argv[1:4]
sys.argv = ["mkdocs", "serve", "--dirty"]
sys.path.insert(0, os.getcwd())
from mkdocs.commands.build import build
from mkdocs.config import load_config


def built():
    config = load_config("mkdocs.yml", site_dir=site)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    root = Path(site)
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")}


first = built()
path = Path("docs") / guide
path.write_text(path.read_text(encoding="utf-8") + "\n" + marker + "\n", encoding="utf-8")
print(json.dumps({"first": first, "after_a_save": built()}))
"""


@pytest.mark.machinery
def test_a_save_renders_the_guide_and_keeps_booklets_and_search_as_they_were(
    tmp_path: Path, build_server: BuildServer
) -> None:
    project = copy_project(tmp_path / "project")
    guide = first_guide(project).removeprefix("docs/")
    marker = "Отметка сохранения для теста."
    site = tmp_path / "site"
    driver = tmp_path / "two_serve_builds.py"  # outside the copy: the script puts the copy first on sys.path
    driver.write_text(TWO_SERVE_BUILDS, encoding="utf-8")
    # `python driver.py ...` in the copy, forked from the build server (MkDocs imported once a run)
    run = build_server.run_script(project, driver, [str(site), guide, marker])
    assert run.returncode == 0, run.stderr[-3000:]
    builds = json.loads(run.stdout)
    first, after = builds["first"], builds["after_a_save"]
    page = guide.removesuffix(".md") + "/index.html"
    assert marker in (site / page).read_text(encoding="utf-8"), "the saved guide shows the change"
    assert first[page] != after[page]
    folder = url_of(booklet_page(project))  # the section booklets' folder
    booklets = sorted(name for name in first if name.startswith(folder) and name.endswith(".html"))
    assert len(booklets) > 1, "no section booklets found"
    assert {name: after.get(name) for name in booklets} == {name: first[name] for name in booklets}, (
        "a save rewrote a booklet (it would lose every chapter but the saved one)"
    )
    search = sorted(name for name in first if name.startswith("search/"))
    assert search and all(after[name] == first[name] for name in search), "the search index changed on a save"
    stylesheets = sorted(name for name in after if name.startswith("assets/stylesheets/main."))
    assert stylesheets == sorted(name for name in first if name.startswith("assets/stylesheets/main."))
