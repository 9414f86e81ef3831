"""Pages for tests that break one: picked from the project's own pages, never named, so renaming or
retiring a guide breaks no test (README, «add a guide»).

A macro or front matter error stops the build at the page that has it, and MkDocs renders the pages in
the order of their files (folders, then names). A test that breaks the first guide in that order sees
the build stop after one page instead of after thirty: about a second less for each such test.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import ROOT
from sitecheck.project import Project


def first_guide(root: Path = ROOT) -> str:
    """`docs/<name>.md` of the guide MkDocs renders first."""
    project = Project(root)
    guides = sorted(project.guides, key=lambda src: (src.split("/")[:-1], src))
    if not guides:
        raise LookupError(f"{root}: no guide in docs/")
    return f"{project.docs_prefix}/{guides[0]}"
