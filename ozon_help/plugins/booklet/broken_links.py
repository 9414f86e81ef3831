"""ozon/booklet: a guide's own link to a heading that does not exist is reported against the guide.

The booklet would otherwise report it as its own (a dangling `#anchor` of the finished booklet), far from
the file the editor must fix.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from macros.problems import Problem
from ozon_help.plugins.booklet.chapters import chapter_anchor
from ozon_help.plugins.problems import log_problems

log = logging.getLogger("mkdocs.plugins.ozon.booklet")  # under «mkdocs»: a strict build counts its warnings


def source_line(page: Page, link: str) -> int:
    """The line of the guide's file (front matter counted, as the editor sees it) that holds `link`."""
    path = page.file.abs_src_path
    if not path or not Path(path).is_file():
        return 1
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if link in line:
            return number
    anchor = "#" + link.partition("#")[2]
    for number, line in enumerate(lines, 1):
        if re.search(re.escape(anchor) + r"(?![\w-])", line):
            return number
    return 1


def broken_links(page: Page) -> Iterator[tuple[File, str, str]]:
    """(target file, anchor, link as written) for each of the page's links to a heading that is not there.

    The same facts MkDocs' own anchor validation reads (`links_to_anchors`, `present_anchor_ids`).
    """
    for to_file, links in (page.links_to_anchors or {}).items():
        target = to_file.page
        if target is None or target.present_anchor_ids is None:
            continue
        for anchor, original in links.items():
            if anchor not in target.present_anchor_ids:
                yield to_file, anchor, original


def report_broken_links(guides: list[Page], slug_by_src: dict[str, str], reported: set[tuple[str, str, str]]
                        ) -> set[str]:
    """Log each guide's broken anchor link against the guide, once a build (`reported`: those logged already);
    return their anchors in booklet form."""
    in_booklet = set()
    for page in guides:
        for to_file, anchor, original in broken_links(page):
            if to_file.src_uri in slug_by_src:
                in_booklet.add(chapter_anchor(slug_by_src[to_file.src_uri], anchor))
            key = (page.file.src_uri, original, anchor)
            if key in reported:
                continue
            reported.add(key)
            target = "this page" if to_file is page.file else f"docs/{to_file.src_uri}"
            log_problems(log, logging.WARNING, [Problem(
                f"docs/{page.file.src_uri}", source_line(page, original),
                f"the link «{original}» leads to «#{anchor}», a heading that {target} does not have",
                "link to one of its headings' ids, or give the heading that id: `## Заголовок { #" + anchor + " }`.",
                check="booklet",
            )])
    return in_booklet
