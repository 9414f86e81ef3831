"""ozon/page_assets: a page loads what it uses and nothing else.

- **Per-page stylesheets.** A page's front matter may list stylesheets only it needs:

      extra_css:
        - assets/claim/claim.css

  (paths inside docs/, like `extra_css` in mkdocs.yml). overrides/main.html links them on that page
  only, after Material's own stylesheets and before the site-wide ones, so the cascade is the one
  they had when mkdocs.yml loaded them everywhere. Front matter is untrusted: an entry must name a
  `.css` file that exists in docs/; anything else (a URL, `..`, a missing file) stops the build with
  the page, the line and what to write instead. No entry can load a third party.
- **The search worker waits for search.** Material starts its search worker as soon as a page opens,
  which downloads the whole worker (6 KB gzip) though most readers never search. The worker URL in
  the page's config is replaced by a 0.5 KB loader (overrides/assets/javascripts/search-worker-loader.js)
  that imports the real worker when the first message arrives; Material sends that message only with
  the search index, which itself waits for the reader to turn to search (overrides/main.html). The
  loader takes the worker's name from its `?w=` argument and accepts only a plain file name in its
  own folder (optionally `?v=version`), so it can import nothing from elsewhere.
  The offline copy keeps the direct URL (its iframe worker shim is loaded differently).
- **Content stylesheets and scripts.** A site stylesheet or script that only some content uses
  (tables, chat messages) is linked only on pages whose finished HTML has it (CONTENT_STYLESHEETS,
  CONTENT_SCRIPTS).
"""

from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from macros.problems import Problem
from ozon_help.plugins.problems import BuildProblems

PAGE_CSS_KEY = "extra_css"
CHECK = "page_assets"
LOADER_URL = "assets/javascripts/search-worker-loader.js"
WORKER_DIR = "assets/javascripts/"
_SAFE_PATH = re.compile(r"^[a-z0-9_-]+(?:/[a-z0-9_.-]+)*\.css$")


def _line_of(source: Path, needle: str) -> int:
    """The line of the front matter that mentions `needle` (1 if it is not found verbatim)."""
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if needle and needle in line:
            return number
    return 1


def page_stylesheets(meta: Mapping[str, Any], source: Path, docs_dir: Path, where: str) -> list[str]:
    """The validated `extra_css` entries of one page's front matter (paths inside docs/); every wrong entry
    of the page stops the build at once, each at its line."""
    value = meta.get(PAGE_CSS_KEY)
    if value is None:
        return []
    entries = [value] if isinstance(value, str) else value
    if not isinstance(entries, list):
        raise BuildProblems([Problem(
            where, _line_of(source, PAGE_CSS_KEY), f"{PAGE_CSS_KEY} must be a list of paths inside docs/",
            "write `extra_css:` and on the next lines `  - assets/name.css`", check=CHECK,
        )])
    found, problems = [], []
    for entry in entries:
        text = str(entry)
        line = _line_of(source, text)
        if not _SAFE_PATH.match(text) or ".." in text.split("/"):
            problems.append(Problem(where, line, f"{PAGE_CSS_KEY} entry «{text}» is not a stylesheet inside docs/",
                                    "a path like assets/claim/claim.css (no address, no ..)", check=CHECK))
        elif not (docs_dir / text).is_file():
            problems.append(Problem(where, line, f"{PAGE_CSS_KEY} entry «{text}»: docs/{text} does not exist",
                                    "create it or correct the path", check=CHECK))
        else:
            found.append(text)
    if problems:
        raise BuildProblems(problems)
    return found


# Site scripts that only some pages need: each is loaded where the finished page has its marker.
# The booklet gathers every guide's content at on_page_context (ozon/booklet, priority 50), so
# the markers are looked for after it. overrides/main.html writes `page.page_js` after Material's
# own scripts, where mkdocs.yml's `extra_javascript` would have put them.
CONTENT_SCRIPTS: dict[str, str] = {
    "assets/wide-tables.js": "<table",  # the hint above tables wider than a phone's screen
    "assets/copy-message.js": 'class="chat-message',  # «Скопировать сообщение» under chat messages
}


# Site stylesheets that only some pages need, found the same way. overrides/main.html links them after
# mkdocs.yml's `extra_css` (they were the end of phone.css), so the cascade is the one they had there.
# A guide without tables or chat messages downloads neither (a guide's budget is 60 KB gzip).
CONTENT_STYLESHEETS: dict[str, str] = {
    "assets/tables.css": "<table",  # contact and two-column tables as cards on a phone, the wide-table hint
    "assets/chat-message.css": 'class="chat-message',  # the copy button under chat messages
}


def content_scripts(html: str) -> list[str]:
    """The site scripts a page's finished content uses, in a fixed order."""
    return [script for script, marker in CONTENT_SCRIPTS.items() if marker in html]


def content_stylesheets(html: str) -> list[str]:
    """The site stylesheets a page's finished content uses, in a fixed order."""
    return [sheet for sheet, marker in CONTENT_STYLESHEETS.items() if marker in html]
