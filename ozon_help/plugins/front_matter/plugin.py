"""ozon/front_matter: front matter checked before MkDocs reads it, and «is this page a guide?» answered for
templates.

MkDocs drops a page's whole front matter without a word when YAML cannot read it (an impossible
date such as 2026-02-30), and nothing checks the types of the keys this project uses. This plugin
reads every page's front matter with macros/front_matter.py first and stops the build with
«docs/X.md:LINE: … Fix: …». It also stops a guide that has no «## Подробно { #podrobno }»,
naming the guide, before the home page's and the booklet's links to that heading fail elsewhere.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.front_matter import GUIDE_META, FrontMatterError, is_guide, read
from macros.problems import Problem
from ozon_help.plugins.front_matter.config import FrontMatterConfig
from ozon_help.plugins.problems import BuildProblems
from ozon_help.plugins.serve_mode import ServeAware

DETAILED_HEADING = re.compile(r"\{\s*#podrobno\s*\}|id=[\"']podrobno[\"']")


class FrontMatterPlugin(ServeAware, BasePlugin[FrontMatterConfig]):
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check every page's front matter before any page is rendered, and report all problems at once.

        Before, not per page: the home page reads every guide's front matter (guides_overview) first.
        """
        problems: list[Problem] = []
        for file in files.documentation_pages():
            # A dirty `make serve` (ozon/serve_dirty) checks only the saved pages: the rest passed before.
            if self.dirty_serve and not file.is_modified():
                continue
            try:
                read(file.content_string, f"docs/{file.src_uri}")
            except FrontMatterError as error:
                problems.extend(error.problems)
        if problems:  # as data, so `make serve` lists them (ozon/serve_errors)
            raise BuildProblems(problems)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page.meta[GUIDE_META] = is_guide(page.meta)
        if page.meta[GUIDE_META] and not DETAILED_HEADING.search(markdown):
            raise BuildProblems([Problem(
                f"docs/{page.file.src_uri}", 0, "this guide (it has «short:») has no detailed variant",
                "add the heading «## Подробно { #podrobno }» with the steps below it; the home page and the booklet "
                "link to it", check="front_matter",
            )])
        return markdown
