"""The legal rule register's check (sitecheck/law.py) in every build, so `make serve` shows its errors.

A citation that names no rule, a figure next to the wrong citation, or a page not reread since a rule it
relies on changed: each is an error of the page's source, found in about 0.1 s over the whole project.
Run here as well as in `make sitecheck`, the editor sees it in the browser during `make serve`
(hooks/serve_errors.py lists a failed build's problems) and in the terminal of `make build`, all of them
in one run. Warnings (an unconfirmed rule cited by hand, a rule no page cites) stay in `make sitecheck`:
under `--strict` a warning would stop the build.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path; the project folder must be importable for `sitecheck` and `macros`.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from sitecheck import law  # noqa: E402
from sitecheck.context import Context  # noqa: E402
from sitecheck.problems import errors  # noqa: E402
from sitecheck.project import Project  # noqa: E402


def on_post_build(config: Any) -> None:
    root = Path(config["config_file_path"]).resolve().parent
    found = errors(law.check(Context(Project(root))))
    if found:
        lines = "\n".join(str(problem) for problem in sorted(found))
        heading = f"{len(found)} problem(s) with the legal rule register (EDITING.md «Legal rules»)"
        raise PluginError(f"\n{heading}:\n{lines}")
