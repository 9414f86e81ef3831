"""What every check receives: the project sources and, when given, the built site, parsed once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from .project import Project


@dataclass(frozen=True)
class HtmlRef:
    """One URL in a built page: <a href>, <link href>, <script src>, <img src>, ..."""

    tag: str
    attr: str
    url: str
    line: int
    rel: str = ""  # <link rel="..."> tells a stylesheet (a request) from a canonical link (none)


@dataclass(frozen=True)
class HtmlPage:
    path: Path
    ids: frozenset[str]
    refs: tuple[HtmlRef, ...]
    meta: dict[str, str]  # <meta name="..." content="...">


_URL_ATTRS = {"href", "src"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[HtmlRef] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "meta" and "name" in values:
            self.meta[values["name"]] = values.get("content", "")
        for attr in _URL_ATTRS & values.keys():
            self.refs.append(HtmlRef(tag, attr, values[attr].strip(), line, values.get("rel", "")))

    handle_startendtag = handle_starttag


# Parsed pages by file identity: copies of a built site made of hard links (the tests' broken
# copies) share the answer, and a file rewritten in place gets a new mtime, so a new parse.
_PARSED: dict[tuple[int, int, int, int], HtmlPage] = {}


def parse_html(path: Path) -> HtmlPage:
    stat = path.stat()
    identity = (stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)
    if identity not in _PARSED:
        _PARSED[identity] = _parse_file(path)
    parsed = _PARSED[identity]
    return HtmlPage(path, parsed.ids, parsed.refs, parsed.meta)


def _parse_file(path: Path) -> HtmlPage:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return HtmlPage(path, frozenset(collector.ids), tuple(collector.refs), collector.meta)


@dataclass
class Context:
    project: Project
    site: Path | None = None

    @cached_property
    def html(self) -> dict[Path, HtmlPage]:
        if self.site is None:
            return {}
        return {path: parse_html(path) for path in sorted(self.site.rglob("*.html"))}

    def display(self, path: Path) -> str:
        """A path as editors should see it: relative to the project root when it is inside it."""
        try:
            return path.resolve().relative_to(self.project.root.resolve()).as_posix()
        except ValueError:
            return str(path)
