"""hooks/serve_dirty.py: a dirty `make serve` rebuilds the saved page and the home page, or everything
when data, code or templates changed since its last build; other commands never run dirty."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from hooks import serve_dirty

SERVE_DIRTY = ["mkdocs", "serve", "--dirty"]


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


def _project(tmp_path: Path) -> SimpleNamespace:
    for folder in serve_dirty.NOT_PAGES:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    return SimpleNamespace(site_dir=str(site), config_file_path=str(tmp_path / "mkdocs.yml"))


def _rebuilt(files: FakeFiles) -> set[str]:
    return {f.src_uri for f in files.files if f.is_modified()}


def _pages(docs: Path) -> FakeFiles:
    docs.mkdir(exist_ok=True)
    return FakeFiles([FakeFile(name, name == "brak.md", docs) for name in ("index.md", "brak.md", "dostavka.md")])


def test_only_serve_with_dirty_is_dirty() -> None:
    assert serve_dirty.dirty_serve(SERVE_DIRTY)
    assert not serve_dirty.dirty_serve(["mkdocs", "serve"])
    assert not serve_dirty.dirty_serve(["mkdocs", "build", "--dirty"])


def _after_a_full_build(tmp_path: Path) -> SimpleNamespace:
    config = _project(tmp_path)
    serve_dirty.on_files(_pages(tmp_path / "docs"), config)  # the first build of a serve is full
    serve_dirty.on_post_build(config)
    stamp = Path(config.site_dir) / serve_dirty.STAMP
    later = time.time() + 10  # after the last change to data and code
    os.utime(stamp, (later, later))
    return config


def test_saved_body_rebuilds_that_page_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_dirty.sys, "argv", SERVE_DIRTY)
    config = _after_a_full_build(tmp_path)
    guide = tmp_path / "docs" / "brak.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "Ещё строка.\n", encoding="utf-8")
    assert _rebuilt(serve_dirty.on_files(_pages(tmp_path / "docs"), config)) == {"brak.md"}


def test_saved_front_matter_also_rebuilds_the_home_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_dirty.sys, "argv", SERVE_DIRTY)
    config = _after_a_full_build(tmp_path)
    guide = tmp_path / "docs" / "brak.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("title: brak.md", "title: Брак"), encoding="utf-8")
    assert _rebuilt(serve_dirty.on_files(_pages(tmp_path / "docs"), config)) == {"index.md", "brak.md"}


def test_a_change_to_data_rebuilds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_dirty.sys, "argv", SERVE_DIRTY)
    config = _project(tmp_path)
    serve_dirty.on_post_build(config)
    stamp = Path(config.site_dir) / serve_dirty.STAMP
    earlier = time.time() - 10
    os.utime(stamp, (earlier, earlier))
    (tmp_path / "data" / "x.txt").write_text("changed", encoding="utf-8")
    assert _rebuilt(serve_dirty.on_files(_pages(tmp_path / "docs"), config)) == {"index.md", "brak.md", "dostavka.md"}


def test_first_build_of_a_serve_is_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_dirty.sys, "argv", SERVE_DIRTY)
    rebuilt = _rebuilt(serve_dirty.on_files(_pages(tmp_path / "docs"), _project(tmp_path)))
    assert rebuilt == {"index.md", "brak.md", "dostavka.md"}


def test_build_is_never_touched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_dirty.sys, "argv", ["mkdocs", "build", "--strict"])
    config: Any = _project(tmp_path)
    assert _rebuilt(serve_dirty.on_files(_pages(tmp_path / "docs"), config)) == {"brak.md"}
    serve_dirty.on_post_build(config)
    assert not (Path(config.site_dir) / serve_dirty.STAMP).exists()


def test_only_the_dirty_notice_is_dropped() -> None:
    notice = serve_dirty._DirtyNotice()
    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.WARNING, "", 0, message, None, None)

    assert not notice.filter(record("A 'dirty' build is being performed, x"))
    assert notice.filter(record("Doc file 'x.md' contains a link"))
