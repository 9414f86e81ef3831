"""ozon/law_check: the legal rule register's check (sitecheck/law.py) in every build, so `make serve` shows its errors.

A citation that names no rule, a figure next to the wrong citation, or a page not reread since a rule it
relies on changed: each is an error of the page's source, found in about 0.1 s over the whole project.
Run here as well as in `make sitecheck`, the editor sees it in the browser during `make serve`
(ozon/serve_errors lists a failed build's problems) and in the terminal of `make build`, all of them
in one run. Warnings (an unconfirmed rule cited by hand, a rule no page cites) stay in `make sitecheck`:
under `--strict` a warning would stop the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from ozon_help.plugins.law_check.config import LawCheckConfig
from ozon_help.plugins.problems import BuildProblems
from sitecheck import law
from sitecheck.context import Context
from sitecheck.problems import errors
from sitecheck.project import Project


class LawCheckPlugin(BasePlugin[LawCheckConfig]):
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        root = Path(config["config_file_path"]).resolve().parent
        found = errors(law.check(Context(Project(root))))
        if found:
            heading = f"{len(found)} problem(s) with the legal rule register (EDITING.md «Legal rules»)"
            raise BuildProblems(sorted(found), heading)
