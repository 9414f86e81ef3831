"""The project as the checks see it: mkdocs.yml, the navigation, the pages and the policy files.

Reads sources only; nothing here builds the site. Policy lives in data/ so editors change it
without touching code: data/not-guides.yml (pages that are not guides) and
data/denied-domains.yml (domains the site never links to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

import yaml

from macros.front_matter import FrontMatterError, front_matter_block, is_guide, read
from macros.yaml_source import SafeLoader

from .policy_files import (
    DENIED_DOMAINS_FILE,
    NOT_GUIDES_FILE,
    DeniedDomainsFile,
    NotGuidesFile,
    read_policy,
)
from .problems import Problem

__all__ = ["DENIED_DOMAINS_FILE", "NOT_GUIDES_FILE", "NavEntry", "Page", "Project", "line_at"]


class _ConfigLoader(SafeLoader):  # type: ignore[misc, valid-type]
    """mkdocs.yml holds python tags (the slugify function) and !ENV; the checks need neither."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def line_at(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


_FRONT_MATTERS: dict[tuple[str, str], dict[str, Any] | FrontMatterError] = {}


def _front_matter(where: str, text: str) -> dict[str, Any] | FrontMatterError:
    """The build's own front-matter reader (same errors), once per distinct page text."""
    key = (where, text)
    if key not in _FRONT_MATTERS:
        try:
            _FRONT_MATTERS[key] = read(text, where)
        except FrontMatterError as error:
            _FRONT_MATTERS[key] = error
    return _FRONT_MATTERS[key]


@dataclass(frozen=True)
class NavEntry:
    src: str  # relative to docs/, e.g. "brak.md"
    title: str | None  # the nav label, when the nav gives one
    section: str  # "" for top-level entries
    line: int  # line in mkdocs.yml


@dataclass(frozen=True)
class Page:
    src: str  # relative to docs/
    path: str  # relative to the project root, e.g. "docs/brak.md"
    text: str
    meta: dict[str, Any]
    body_line: int  # the line where the Markdown body starts, after the front matter
    front_matter_error: FrontMatterError | None = None  # then meta is {}

    @property
    def is_guide(self) -> bool:
        """A page with «short:» (macros/front_matter.py answers this for the whole project)."""
        return is_guide(self.meta)

    @property
    def title(self) -> str | None:
        if self.meta.get("title"):
            return str(self.meta["title"])
        match = re.search(r"^# (.+?)(\s*\{.*\})?\s*$", self.text, re.M)
        return match.group(1).strip() if match else None

    def meta_line(self, key: str) -> int:
        """The line of a front-matter key, or 1 when the key is absent."""
        match = re.search(rf"^{re.escape(key)}\s*:", self.text, re.M)
        return line_at(self.text, match.start()) if match and match.start() < self._front_matter_end else 1

    @cached_property
    def _front_matter_end(self) -> int:
        found = front_matter_block(self.text)
        return found[1] if found else 0

    @property
    def body(self) -> str:
        return self.text[self._front_matter_end :]


@dataclass
class Project:
    root: Path
    config: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        text = (self.root / "mkdocs.yml").read_text(encoding="utf-8")
        self.config = yaml.load(text, Loader=_ConfigLoader) or {}  # noqa: S506 - SafeLoader subclass
        self._config_text = text

    @property
    def docs_dir(self) -> Path:
        return self.root / self.config.get("docs_dir", "docs")

    @property
    def docs_prefix(self) -> str:
        return self.docs_dir.relative_to(self.root).as_posix()

    @property
    def site_url(self) -> str:
        return str(self.config.get("site_url") or "")

    @cached_property
    def nav(self) -> list[NavEntry]:
        return list(self._walk(self.config.get("nav") or [], ""))

    def _walk(self, node: Any, section: str, title: str | None = None) -> Iterator[NavEntry]:
        if isinstance(node, str):
            if "://" not in node:
                yield NavEntry(node, title, section, self._config_line(node))
        elif isinstance(node, list):
            for item in node:
                yield from self._walk(item, section)
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, list):
                    yield from self._walk(value, str(key))
                else:
                    yield from self._walk(value, section, str(key))

    def _config_line(self, needle: str) -> int:
        match = re.search(rf"^\s*-\s*(.*:\s*)?{re.escape(needle)}\s*$", self._config_text, re.M)
        return line_at(self._config_text, match.start()) if match else 1

    @property
    def nav_line(self) -> int:
        match = re.search(r"^nav:", self._config_text, re.M)
        return line_at(self._config_text, match.start()) if match else 1

    @cached_property
    def pages(self) -> dict[str, Page]:
        found: dict[str, Page] = {}
        for path in sorted(self.docs_dir.rglob("*.md")):
            src = path.relative_to(self.docs_dir).as_posix()
            text = path.read_text(encoding="utf-8-sig")  # as MkDocs reads it: a BOM is not text
            block = front_matter_block(text)
            body_line = line_at(text, block[1]) if block else 1
            where = f"{self.docs_prefix}/{src}"
            meta = _front_matter(where, text)
            if isinstance(meta, FrontMatterError):
                found[src] = Page(src, where, text, {}, body_line, meta)
            else:
                found[src] = Page(src, where, text, meta, body_line)
        return found

    @cached_property
    def _not_guides(self) -> tuple[NotGuidesFile | None, list[Problem]]:
        return read_policy(self.root, NOT_GUIDES_FILE, NotGuidesFile, "structure")

    @cached_property
    def not_guides(self) -> dict[str, str]:
        """Pages that are not guides, with why; from data/not-guides.yml ({} when it is malformed: the
        structure check reports that, see policy_problems)."""
        data = self._not_guides[0]
        return {item.page: item.why for item in data.pages} if data else {}

    @cached_property
    def guides(self) -> list[str]:
        """The pages that must be guides: every nav page not listed in data/not-guides.yml, plus every
        page that is a guide (has «short:»). The structure check holds the first kind to being guides."""
        in_nav = [entry.src for entry in self.nav if entry.src not in self.not_guides]
        with_short = [src for src, page in self.pages.items() if page.is_guide and src not in in_nav]
        return in_nav + with_short

    @cached_property
    def _denied_domains(self) -> tuple[DeniedDomainsFile | None, list[Problem]]:
        return read_policy(self.root, DENIED_DOMAINS_FILE, DeniedDomainsFile, "external-links")

    @cached_property
    def denied_domains(self) -> dict[str, str]:
        """Domain -> why the site never links to it; from data/denied-domains.yml ({} when it is malformed:
        the external-links check reports that, see policy_problems)."""
        data = self._denied_domains[0]
        return {item.domain: item.why for item in data.domains} if data else {}

    def policy_problems(self, name: str) -> list[Problem]:
        """What is wrong with a policy file (NOT_GUIDES_FILE or DENIED_DOMAINS_FILE), at its lines."""
        return {NOT_GUIDES_FILE: self._not_guides, DENIED_DOMAINS_FILE: self._denied_domains}[name][1]

    def built_page(self, site: Path, src: str) -> Path:
        """Where a page lands in the built site with use_directory_urls (the default)."""
        stem = src.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return site / stem.removesuffix("index") / "index.html"
        return site / stem / "index.html"

    def source_of(self, site: Path, html: Path) -> str | None:
        """The docs/ path a built HTML file came from, if any."""
        rel = html.relative_to(site).as_posix()
        stem = rel.removesuffix("index.html").rstrip("/")
        for candidate in (f"{stem}.md" if stem else "index.md", f"{stem}/index.md"):
            if candidate in self.pages:
                return self.pages[candidate].path
        return None
