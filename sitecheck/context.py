"""What every check receives: the project sources and, when given, the built site, parsed once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import lxml.html

from ozon_help.booklet_paper import PDF_LINK_ATTR

from .project import Project


@dataclass(frozen=True)
class HtmlRef:
    """One URL in a built page: <a href>, <link href>, <script src>, <img src>, ..."""

    tag: str
    attr: str
    url: str
    line: int
    rel: str = ""  # <link rel="..."> tells a stylesheet (a request) from a canonical link (none)
    made_by_dist: bool = False  # a booklet's PDF link: `make dist` prints the file there (deploy/booklet_pdf.py)


@dataclass(frozen=True)
class HtmlPage:
    path: Path
    ids: frozenset[str]
    refs: tuple[HtmlRef, ...]
    meta: dict[str, str]  # <meta name="..." content="...">


_URL_ATTRS = ("href", "src")


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
    """ids, URLs with their lines and <meta name> of one page, read with lxml (libxml2's HTML parser).

    lxml reads the built site 2.7 times as fast as the standard library's html.parser and gives the
    same ids, URLs and lines on every page; selectolax is faster still but knows no line numbers
    (bench/html_parsers.py has the figures).
    """
    root = lxml.html.document_fromstring(path.read_bytes(), parser=_PARSER)
    ids: set[str] = set()
    refs: list[HtmlRef] = []
    meta: dict[str, str] = {}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        attrs = element.attrib
        if "id" in attrs:
            ids.add(attrs["id"])
        if element.tag == "a" and "name" in attrs:
            ids.add(attrs["name"])
        if element.tag == "meta" and "name" in attrs:
            meta[attrs["name"]] = attrs.get("content", "")
        for attr in _URL_ATTRS:
            if attr in attrs:
                line = element.sourceline or 1
                refs.append(HtmlRef(element.tag, attr, attrs[attr].strip(), line, attrs.get("rel", ""),
                                    element.tag == "a" and PDF_LINK_ATTR in attrs))
    return HtmlPage(path, frozenset(ids), tuple(refs), meta)


# The built pages are UTF-8; saying so keeps lxml from guessing from a <meta charset> it meets late.
_PARSER = lxml.html.HTMLParser(encoding="utf-8")


@dataclass
class Context:
    project: Project
    site: Path | None = None

    @cached_property
    def html(self) -> dict[Path, HtmlPage]:
        if self.site is None:
            return {}
        return {path: parse_html(path) for path in sorted(self.site.rglob("*.html"))}

    @cached_property
    def _resolved_root(self) -> Path:
        return self.project.root.resolve()

    def display(self, path: Path) -> str:
        """A path as editors should see it: relative to the project root when it is inside it."""
        try:
            return path.resolve().relative_to(self._resolved_root).as_posix()
        except ValueError:
            return str(path)
