"""ozon/safety: front matter and page titles reach the head, the header and the navigation only as plain text.
(YAML anchors and aliases in front matter, which would expand in MkDocs' own reader, are refused
earlier, once, by ozon/front_matter through macros/front_matter.read.)

Runs before mkdocs-macros (which would otherwise render `{{ … }}` in a title) and stops the build
with docs/PAGE.md:LINE and the fix (macros/front_matter_guard.py says why refusing beats escaping here).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import front_matter_guard as plain_text
from macros.problems import Problem
from ozon_help.plugins.problems import BuildProblems
from ozon_help.plugins.safety.config import SafetyConfig

_H1 = re.compile(r"^#(?!#)\s*(.+)$|^(.+)\n=+\s*$", re.M)
CHECK = "safety"


def _source(page: Page) -> str:
    try:
        return Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    except OSError:
        return ""


class SafetyPlugin(BasePlugin[SafetyConfig]):
    @event_priority(100)  # before mkdocs-macros' on_page_markdown
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        problems = plain_text.front_matter_problems(dict(page.meta), lambda: _source(page))
        if problems:
            path = f"docs/{page.file.src_path}"
            raise BuildProblems(Problem(path, line, what, fix, check=CHECK) for line, what, fix in problems)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A title taken from the page's first heading is unescaped by MkDocs: check it too."""
        found = plain_text.unsafe_part(page.title or "") or plain_text.invisible_part(page.title or "")
        if found and not page.meta.get("title"):
            source = _source(page)
            match = _H1.search(source)
            line = source.count("\n", 0, match.start()) + 1 if match else 1
            raise BuildProblems([Problem(
                f"docs/{page.file.src_path}", line,
                f"the page title «{page.title}» contains «{found}», which could act as HTML in the navigation and "
                "the head", plain_text.FIX, check=CHECK,
            )])
        return html
