"""Front matter checked before MkDocs reads it, and «is this page a guide?» answered for templates.

MkDocs drops a page's whole front matter without a word when YAML cannot read it (an impossible
date such as 2026-02-30), and nothing checks the types of the keys this project uses. This hook
reads every page's front matter with macros/front_matter.py first and stops the build with
«docs/X.md:LINE: … Fix: …». It also stops a guide that has no «## Подробно { #podrobno }»,
naming the guide, before the home page's and the booklet's links to that heading fail elsewhere.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path; the project folder must be importable for `macros`.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from macros.front_matter import GUIDE_META, FrontMatterError, is_guide, read  # noqa: E402
from macros.problems import Problem, ProblemsError  # noqa: E402

DETAILED_HEADING = re.compile(r"\{\s*#podrobno\s*\}|id=[\"']podrobno[\"']")


def on_files(files: Any, config: Any) -> Any:
    """Check every page's front matter before any page is rendered, and report all problems at once.

    Before, not per page: the home page reads every guide's front matter (guides_overview) first.
    """
    problems: list[Problem] = []
    # A dirty `make serve` (hooks/serve_dirty.py) checks only the saved pages: the rest passed before.
    dirty_serve = "serve" in sys.argv and "--dirty" in sys.argv
    for file in files.documentation_pages():
        if dirty_serve and not file.is_modified():
            continue
        try:
            read(file.content_string, f"docs/{file.src_uri}")
        except FrontMatterError as error:
            problems.extend(error.problems)
    if problems:  # raised from the problems, so `make serve` shows them as data (hooks/serve_errors.py)
        raise PluginError("\n" + "\n".join(map(str, problems))) from ProblemsError(problems)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    page.meta[GUIDE_META] = is_guide(page.meta)
    if page.meta[GUIDE_META] and not DETAILED_HEADING.search(markdown):
        raise PluginError(
            f"docs/{page.file.src_uri}: this guide (it has «short:») has no detailed variant. "
            "Fix: add the heading «## Подробно { #podrobno }» with the steps below it; the home page and "
            "the booklet link to it"
        )
    return markdown
