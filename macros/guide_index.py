"""The list of guides, read from the navigation and each guide's front matter.

A guide is a page whose front matter has `short:` (front_matter.is_guide). The home page and the booklet list guides in
navigation order, so a reader meets them in the same order everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .front_matter import is_guide, read

__all__ = ["Guide", "guides", "plain_text", "read_front_matter"]
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")


@dataclass(frozen=True)
class Guide:
    src_path: str  # relative to docs/, e.g. "zakaz-poteryalsya.md"
    title: str
    short: str
    section: str


def read_front_matter(path: Path, where: str | None = None) -> dict[str, Any]:
    """The page's front matter, checked (front_matter.read); FrontMatterError names `where`:LINE."""
    return read(path.read_text(encoding="utf-8-sig"), where or str(path))


def plain_text(markdown: str) -> str:
    """Markdown of a short answer as plain text for <meta name="description">."""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_EMPHASIS.sub("", text)
    return " ".join(text.split())


def nav_sections(nav: Any, section: str = "") -> Iterator[tuple[str, str]]:
    """(section title, page file) for every page in `nav:`, in order; top-level pages have no section."""
    if isinstance(nav, str):
        yield section, nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_sections(item, section)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            yield from nav_sections(value, str(title) if isinstance(value, list) else section)


def guides(docs_dir: Path, nav: Any) -> list[Guide]:
    found = []
    for section, src in nav_sections(nav):
        if not src.endswith(".md") or "://" in src or not (docs_dir / src).is_file():
            continue  # a nav entry with no file: MkDocs reports it (ozon/mkdocs_messages adds the line)
        meta = read_front_matter(docs_dir / src)
        if is_guide(meta):
            found.append(Guide(src, str(meta.get("title", src)), str(meta["short"]).strip(), section))
    return found
