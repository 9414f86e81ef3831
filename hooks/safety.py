"""Front matter and page titles reach the head, the header and the navigation only as plain text.
(YAML anchors and aliases in front matter, which would expand in MkDocs' own reader, are refused
earlier, once, by hooks/front_matter.py through macros/front_matter.read.)

Runs before mkdocs-macros (which would otherwise render `{{ … }}` in a title) and stops the build
with docs/PAGE.md:LINE and the fix (macros/front_matter_guard.py says why refusing beats escaping here).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_H1 = re.compile(r"^#(?!#)\s*(.+)$|^(.+)\n=+\s*$", re.M)


def _plain_text_module(config: Any) -> Any:
    # MkDocs loads hooks by file path; the project folder goes on the import path as mkdocs-macros does.
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from macros import front_matter_guard

    return front_matter_guard


def _source(page: Page) -> str:
    try:
        return Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    except OSError:
        return ""


@event_priority(100)  # before mkdocs-macros' on_page_markdown
def on_page_markdown(markdown: str, page: Page, config: Any, files: Any) -> str:
    plain_text = _plain_text_module(config)
    problems = plain_text.front_matter_problems(page.meta, _source(page))
    if problems:
        path = f"docs/{page.file.src_path}"
        raise PluginError("\n" + "\n".join(f"{path}:{line}: {what}. Fix: {fix}" for line, what, fix in problems))
    return markdown


def on_page_content(html: str, page: Page, config: Any, files: Any) -> str:
    """A title taken from the page's first heading is unescaped by MkDocs: check it too."""
    plain_text = _plain_text_module(config)
    found = plain_text.unsafe_part(page.title or "") or plain_text.invisible_part(page.title or "")
    if found and not page.meta.get("title"):
        source = _source(page)
        match = _H1.search(source)
        line = source.count("\n", 0, match.start()) + 1 if match else 1
        raise PluginError(
            f"docs/{page.file.src_path}:{line}: the page title «{page.title}» contains «{found}», which could act as "
            f"HTML in the navigation and the head. Fix: {plain_text.FIX}"
        )
    return html
