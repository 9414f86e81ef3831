"""The list of guides, read from the navigation and each guide's front matter.

A guide is a page whose front matter has `short:`. The home page and the booklet list guides in
navigation order, so a reader meets them in the same order everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from .yaml_source import SafeLoader

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")


@dataclass(frozen=True)
class Guide:
    src_path: str  # relative to docs/, e.g. "zakaz-poteryalsya.md"
    title: str
    short: str
    section: str


def read_front_matter(path: Path) -> dict[str, Any]:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        return {}
    try:
        return yaml.load(match.group(1), Loader=SafeLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening ---
        raise ValueError(
            f"{path}:{line}: the front matter is not valid YAML; put values that contain «:» in quotes"
        ) from None


def plain_text(markdown: str) -> str:
    """Markdown of a short answer as plain text for <meta name="description">."""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_EMPHASIS.sub("", text)
    return " ".join(text.split())


def _walk_nav(nav: Any, section: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(nav, str):
        yield section, nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _walk_nav(item, section)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            yield from _walk_nav(value, title if isinstance(value, list) else section)


def guides(docs_dir: Path, nav: Any) -> list[Guide]:
    found = []
    for section, src in _walk_nav(nav):
        if not src.endswith(".md") or "://" in src:
            continue
        meta = read_front_matter(docs_dir / src)
        if meta.get("short"):
            found.append(Guide(src, str(meta.get("title", src)), str(meta["short"]).strip(), section))
    return found
