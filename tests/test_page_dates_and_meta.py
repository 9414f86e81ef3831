"""Update dates from git (ozon/page_dates), link previews and JSON-LD (ozon/seo, share-meta.html).

One date per page: the visible «Обновлено», the sitemap's lastmod and the JSON-LD's dateModified agree,
and equal the file's last commit date, or its modification time where git has no final word.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from ozon_help.plugins.seo.structured_data import robots_txt, script_safe_json
from macros.guide_index import read_front_matter

from .conftest import ROOT, BuildResult, build, copy_project

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _Head(HTMLParser):
    """Meta properties, JSON-LD blocks and the «Обновлено» <time> of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.updated: str | None = None
        self._in_ld = False
        self._in_updated = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in values or values.get("name", "").startswith("twitter:")):
            self.meta[values.get("property") or values["name"]] = values.get("content", "")
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")
        elif tag == "p" and values.get("class") == "page-updated":
            self._in_updated = True
        elif tag == "time" and self._in_updated:
            self.updated = values.get("datetime")

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False
        elif tag == "p":
            self._in_updated = False


def read_page(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def guides(project: Path) -> dict[str, dict[str, Any]]:
    """slug -> front matter, for every page with `short:` (a guide)."""
    found = {}
    for md in sorted((project / "docs").glob("*.md")):
        meta = read_front_matter(md)
        if meta.get("short"):
            found[md.stem] = meta
    return found


def sitemap_lastmod(site: Path) -> dict[str, str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {u.findtext("s:loc", namespaces=SITEMAP_NS) or "": u.findtext("s:lastmod", namespaces=SITEMAP_NS) or ""
            for u in root.findall("s:url", SITEMAP_NS)}


def site_url() -> str:
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert match
    return match.group(1)


def test_every_guide_has_valid_json_ld_and_one_date(built_site: BuildResult) -> None:
    lastmods = sitemap_lastmod(built_site.site)
    found = guides(ROOT)
    assert len(found) >= 10
    for slug, meta in found.items():
        page = read_page(built_site.site / slug / "index.html")
        assert len(page.json_ld) == 1, f"{slug}: one JSON-LD block expected"
        raw = page.json_ld[0]
        assert "</" not in raw and "<!--" not in raw
        data = json.loads(raw)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
        assert data["headline"] == meta["title"]
        assert date.fromisoformat(data["dateModified"]) >= date.fromisoformat(data["datePublished"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["dateModified"])
        url = site_url() + slug + "/"
        assert data["url"] == url
        assert page.updated == data["dateModified"] == lastmods[url], f"{slug}: the three dates differ"


def test_dates_are_the_last_commit_of_each_clean_file(built_site: BuildResult) -> None:
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=ROOT, capture_output=True, text=True).stdout
    if not top.strip() or Path(top.strip()).resolve() != ROOT.resolve():
        # make check-contact-edits runs the tests in a copy git ignores: it has no history of its own
        # (test_without_git_the_strict_build_uses_file_times_and_escapes_front_matter covers that case).
        pytest.skip("this project copy is not a git checkout of its own")
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "docs"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout
    checked = 0
    for slug in guides(ROOT):
        source = f"docs/{slug}.md"
        if source in dirty:
            continue
        expected = subprocess.run(["git", "log", "-1", "--format=%cs", "--", source], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout.strip()
        assert read_page(built_site.site / slug / "index.html").updated == expected, slug
        checked += 1
    assert checked, "every guide has uncommitted changes: nothing to compare with git"


def test_open_graph_and_twitter_tags(built_site: BuildResult) -> None:
    slug, meta = next(iter(guides(ROOT).items()))
    tags = read_page(built_site.site / slug / "index.html").meta
    assert tags["og:title"] == tags["twitter:title"] == meta["title"]
    assert tags["og:description"] == tags["twitter:description"] and tags["og:description"]
    assert tags["og:locale"] == "ru_RU" and tags["og:type"] == "article"
    assert tags["og:url"] == site_url() + slug + "/"
    assert tags["og:site_name"]
    home = read_page(built_site.site / "index.html").meta
    assert home["og:type"] == "website" and home["og:title"] == home["og:site_name"]


def test_robots_txt_names_the_sitemap(built_site: BuildResult) -> None:
    text = (built_site.site / "robots.txt").read_text(encoding="utf-8")
    assert text == robots_txt(site_url())
    assert f"Sitemap: {site_url()}sitemap.xml" in text.splitlines()


def test_script_safe_json_cannot_close_the_script() -> None:
    text = script_safe_json({"headline": "</script><script>alert(1)</script> <!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> <!-- & \u2028"


def _set_mtime(path: Path, day: date) -> None:
    stamp = datetime(day.year, day.month, day.day, 12).timestamp()
    os.utime(path, (stamp, stamp))


@pytest.mark.machinery
def test_without_git_the_strict_build_uses_file_times_and_escapes_front_matter(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")  # no .git in the copy
    slug = next(iter(guides(project)))
    source = project / "docs" / f"{slug}.md"
    text = source.read_text(encoding="utf-8")
    # `&`, `"` and `<` never get this far (ozon/safety refuses them in front matter); an
    # apostrophe does, and must not end the attribute it is written into.
    tricky = "Цена «до» и 'после'"
    source.write_text(text.replace("\nshort:", f"\ndescription: >-\n  {tricky}\nshort:", 1), encoding="utf-8")
    _set_mtime(source, date(2025, 3, 14))
    result = build(project)
    assert result.ok, result.output
    assert "no git history" in result.output
    page = read_page(result.site / slug / "index.html")
    assert page.updated == "2025-03-14"
    assert json.loads(page.json_ld[0])["dateModified"] == "2025-03-14"
    assert page.meta["og:description"] == tricky
    raw = (result.site / slug / "index.html").read_text(encoding="utf-8")
    assert 'content="Цена «до» и &#39;после&#39;"' in raw


@pytest.mark.machinery
def test_committed_and_uncommitted_files_in_a_repository(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    env = dict(os.environ, GIT_AUTHOR_DATE="2024-05-06T12:00:00", GIT_COMMITTER_DATE="2024-05-06T12:00:00",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fixture"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True)
    clean, changed = list(guides(project))[:2]
    changed_file = project / "docs" / f"{changed}.md"
    changed_file.write_text(changed_file.read_text(encoding="utf-8") + "\nНовый абзац.\n", encoding="utf-8")
    _set_mtime(changed_file, date(2025, 7, 8))
    result = build(project)
    assert result.ok, result.output
    assert read_page(result.site / clean / "index.html").updated == "2024-05-06"
    assert read_page(result.site / changed / "index.html").updated == "2025-07-08"
    lastmods = sitemap_lastmod(result.site)
    assert lastmods[site_url() + clean + "/"] == "2024-05-06"
    assert json.loads(read_page(result.site / changed / "index.html").json_ld[0])["datePublished"] == "2024-05-06"


@pytest.mark.parametrize("slug", ["kontakty", "slovar"])
def test_pages_that_are_not_guides_have_no_json_ld(built_site: BuildResult, slug: str) -> None:
    if not (built_site.site / slug / "index.html").exists():
        pytest.skip(f"no page {slug}")
    page = read_page(built_site.site / slug / "index.html")
    assert page.json_ld == [] and page.updated is None
