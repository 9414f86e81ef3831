"""Structure: every guide has both variants and a description; every page is in the navigation;
no two pages share a title.

A guide is every page in the navigation except those in data/not-guides.yml (and any page with
`short:`). With --site the variants and the description are read from the built HTML, which is what
readers get; without it, from the Markdown.
"""

from __future__ import annotations

import re

from .context import Context
from .problems import Problem
from .project import NOT_GUIDES_FILE

NAME = "structure"
_GUIDE_FIX = f"or, if this page is not a guide, add it to {NOT_GUIDES_FILE}"


def check(ctx: Context) -> list[Problem]:
    listed = ctx.project.policy_problems(NOT_GUIDES_FILE)
    # a malformed list of non-guides would make every page a guide: say what is wrong with the list instead
    guides = listed or _guides(ctx)
    return _front_matter(ctx) + _navigation(ctx) + guides + _titles(ctx)


def _front_matter(ctx: Context) -> list[Problem]:
    """Front matter YAML cannot read or of the wrong type (macros/front_matter.py, as in the build)."""
    problems: list[Problem] = []
    for page in ctx.project.pages.values():
        if page.front_matter_error is None:
            continue
        problems.extend(problem.moved(path=page.path, check=NAME) for problem in page.front_matter_error.problems)
    return problems


def _navigation(ctx: Context) -> list[Problem]:
    project = ctx.project
    in_nav = {entry.src for entry in project.nav}
    problems = [
        Problem(
            page.path,
            1,
            "this page is not in the navigation",
            f"add «{src}» to nav: in mkdocs.yml (line {project.nav_line}) under its section",
            check=NAME,
        )
        for src, page in project.pages.items()
        if src not in in_nav
    ]
    problems += [
        Problem(
            "mkdocs.yml",
            entry.line,
            f"the navigation lists «{entry.src}», which does not exist in {project.docs_prefix}/",
            "fix the file name or create the page",
            check=NAME,
        )
        for entry in project.nav
        if entry.src not in project.pages
    ]
    return problems


def _guides(ctx: Context) -> list[Problem]:
    problems: list[Problem] = []
    for src in ctx.project.guides:
        page = ctx.project.pages.get(src)
        if page is None:
            continue  # reported by _navigation
        if page.front_matter_error is not None:
            continue  # reported by _front_matter; its meta is unknown
        if not page.is_guide:
            problems.append(
                Problem(
                    page.path,
                    1,
                    "this guide has no «short:» in its front matter (the short variant and the description)",
                    f"add two or three sentences as «short:» (see EDITING.md, «Add a guide») {_GUIDE_FIX}",
                    check=NAME,
                )
            )
        if ctx.site is not None:
            problems.extend(_built_guide(ctx, src, has_short=page.is_guide))
        else:
            problems.extend(_source_guide(ctx, src))
    return problems


def _source_guide(ctx: Context, src: str) -> list[Problem]:
    page = ctx.project.pages[src]
    problems = []
    if "short_answer()" not in page.body and not re.search(r"\{\s*#korotko\s*\}", page.body):
        problems.append(
            Problem(
                page.path,
                page.body_line,
                "this guide has no short variant (#korotko)",
                "start the body with {{ short_answer() }}",
                check=NAME,
            )
        )
    if not re.search(r"\{\s*#podrobno\s*\}", page.body):
        problems.append(
            Problem(
                page.path,
                page.body_line,
                "this guide has no detailed variant (#podrobno)",
                "add the heading «## Подробно { #podrobno }» with the steps below it",
                check=NAME,
            )
        )
    return problems


def _built_guide(ctx: Context, src: str, has_short: bool) -> list[Problem]:
    assert ctx.site is not None
    page = ctx.project.pages[src]
    built = ctx.project.built_page(ctx.site, src)
    html = ctx.html.get(built)
    if html is None:
        return [
            Problem(
                page.path,
                1,
                f"the built site has no page for this guide ({ctx.display(built)})",
                "rebuild with `make build`; check that the page is in the navigation",
                check=NAME,
            )
        ]
    problems = []
    if "korotko" not in html.ids:
        problems.append(
            Problem(
                page.path,
                page.body_line,
                f"the built guide {ctx.display(built)} has no short variant (no element with id «korotko»)",
                "start the body with {{ short_answer() }} " + _GUIDE_FIX,
                check=NAME,
            )
        )
    if "podrobno" not in html.ids:
        problems.append(
            Problem(
                page.path,
                page.body_line,
                f"the built guide {ctx.display(built)} has no detailed variant (no element with id «podrobno»)",
                "add the heading «## Подробно { #podrobno }» with the steps below it " + _GUIDE_FIX,
                check=NAME,
            )
        )
    description = html.meta.get("description", "").strip()
    if not has_short and not page.meta.get("description"):
        return problems  # «no short:» is reported already, and writing it fixes the description too
    if not description or description == str(ctx.project.config.get("site_description", "")).strip():
        problems.append(
            Problem(
                page.path,
                1,
                f"the built guide {ctx.display(built)} has no description of its own"
                " (search engines and link previews show the site's)",
                "write «short:» in the front matter: it becomes the description",
                check=NAME,
            )
        )
    return problems


def _titles(ctx: Context) -> list[Problem]:
    nav_titles = {entry.src: entry.title for entry in ctx.project.nav}
    first: dict[str, str] = {}
    problems = []
    # In navigation order, so the page a reader meets second is the one reported.
    order = [e.src for e in ctx.project.nav if e.src in ctx.project.pages]
    order += [src for src in ctx.project.pages if src not in order]
    for src in order:
        page = ctx.project.pages[src]
        title = page.title or nav_titles.get(src)
        if not title:
            problems.append(
                Problem(page.path, 1, "this page has no title", "add «title:» to its front matter", check=NAME)
            )
            continue
        key = " ".join(title.casefold().replace("ё", "е").split())
        if key in first:
            problems.append(
                Problem(
                    page.path,
                    page.meta_line("title"),
                    f"the title «{title}» is also the title of {first[key]}",
                    "give each page its own title: readers and search results tell pages apart by it",
                    check=NAME,
                )
            )
        else:
            first[key] = page.path
    return problems
