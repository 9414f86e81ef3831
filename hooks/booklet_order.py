"""MkDocs hook: build the booklet page (docs/pechat.md) after every other page.

The booklet reuses each guide's Markdown as rendered for the guide's own page
(macros/print_macros.py), which is only there once that page is built. MkDocs builds pages in
the order of its file list; the navigation order does not depend on it.
"""

from __future__ import annotations

from typing import Any

BOOKLET = "pechat.md"


def on_files(files: Any, config: Any) -> Any:
    booklet = files.get_file_from_path(BOOKLET)
    if booklet is not None:
        files.remove(booklet)
        files.append(booklet)
    return files
