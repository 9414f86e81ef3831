"""Pages for tests that break one: picked from the project's own pages, never named, so renaming or
retiring a guide breaks no test (EDITING.md, «Add a guide»).

A macro or front matter error stops the build at the page that has it, and MkDocs renders the pages in
the order of their files (folders, then names). A test that breaks the first guide in that order sees
the build stop after one page instead of after thirty: about a second less for each such test.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild import ROOT
from sitecheck.project import Project


def first_guide(root: Path = ROOT) -> str:
    """`docs/<name>.md` of the guide MkDocs renders first."""
    project = Project(root)
    return _first_rendered(project, set(project.guides), "guide")


def guides_in_render_order(root: Path = ROOT) -> list[str]:
    """`docs/<name>.md` of every guide, in the order MkDocs renders them."""
    project = Project(root)
    return [f"{project.docs_prefix}/{src}" for src in sorted(project.guides, key=_render_order)]


def booklet_page(root: Path = ROOT) -> str:
    """`docs/<name>.md` of the whole booklet: the page whose front matter says `booklet: true` (its section
    booklets are built in the folder of its name)."""
    project = Project(root)
    booklets = {src for src, page in project.pages.items() if page.meta.get("booklet") is True}
    return _first_rendered(project, booklets, "page with «booklet: true»")


def page_calling(macro: str, root: Path = ROOT) -> str:
    """`docs/<name>.md` of the first page (render order) whose text calls `macro`: «claim_data» finds the
    claim builder's page, «contacts_table» a page with contact tables."""
    project = Project(root)
    callers = {src for src, page in project.pages.items() if re.search(rf"\{{\{{-?\s*{re.escape(macro)}\(", page.text)}
    return _first_rendered(project, callers, f"page that calls {macro}()")


def url_of(source: str) -> str:
    """The site-relative URL MkDocs gives `docs/<name>.md` (directory URLs): «brak/», «» for the home page."""
    name = source.removeprefix("docs/").removesuffix(".md")
    return name.removesuffix("index") if name == "index" or name.endswith("/index") else f"{name}/"


def section_booklets(site: Path, root: Path = ROOT) -> list[str]:
    """URLs of the built section booklets: the folders in the whole booklet's folder (ozon/booklet)."""
    booklet = url_of(booklet_page(root))
    return sorted(f"{booklet}{child.name}/" for child in (site / booklet).iterdir() if (child / "index.html").is_file())


def first_other_page(root: Path = ROOT) -> str:
    """`docs/<name>.md` of the page MkDocs renders first among those that are neither a guide nor the home
    page (the glossary, the contacts…): the home page's title is the site's name."""
    project = Project(root)
    others = set(project.pages) - set(project.guides) - {"index.md"}
    return _first_rendered(project, others, "page that is neither a guide nor the home page")


def _first_rendered(project: Project, sources: set[str], kind: str) -> str:
    if not sources:
        raise LookupError(f"{project.root}: no {kind} in docs/")
    return f"{project.docs_prefix}/{min(sources, key=_render_order)}"


def _render_order(src: str) -> tuple[list[str], str]:
    return src.split("/")[:-1], src
