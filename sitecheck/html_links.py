"""Internal links and anchors in the BUILT site, whatever produced them.

The strict build already refuses a broken Markdown link; it cannot see links that a theme
override, a macro or a template writes as raw HTML (`<a href="nope/">`). This check reads every
built page and resolves every internal href/src to a file and, for `#fragment`, to an id in it.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .context import Context, HtmlPage, parse_html
from .problems import Problem

NAME = "html-links"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def internal_target(ctx: Context, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment an internal URL points to, or None for an external one."""
    assert ctx.site is not None
    site_url = ctx.project.site_url
    base_path = urlsplit(site_url).path or "/"
    if site_url and url.startswith(site_url):
        url = base_path + url[len(site_url) :]
    elif _SCHEME.match(url) or url.startswith("//"):
        return None
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path.startswith("/"):
        target = ctx.site / path[len(base_path) :] if path.startswith(base_path) else ctx.site / path.lstrip("/")
    elif path:
        target = page.parent / path
    else:
        target = page
    if path.endswith("/") or _is_dir(target):
        target = target / "index.html"
    return target, unquote(parts.fragment)


# Every page links the whole navigation: thousands of identical lookups, answered from memory.
@lru_cache(maxsize=65536)
def _is_dir(path: Path) -> bool:
    return path.is_dir()


@lru_cache(maxsize=65536)
def _exists(path: Path) -> bool:
    return path.exists()


def check(ctx: Context) -> list[Problem]:
    if ctx.site is None:
        return []
    _is_dir.cache_clear()  # a site changes between runs in one process (tests)
    _exists.cache_clear()
    problems: list[Problem] = []
    for path, page in ctx.html.items():
        problems.extend(_check_page(ctx, path, page))
    return problems


def _check_page(ctx: Context, path: Path, page: HtmlPage) -> list[Problem]:
    assert ctx.site is not None
    problems = []
    source = ctx.project.source_of(ctx.site, path)
    origin = f" (page built from {source})" if source else ""
    where = ctx.display(path)
    for ref in page.refs:
        if not ref.url or ref.url == "#":
            continue
        resolved = internal_target(ctx, path, ref.url)
        if resolved is None:
            continue
        target, fragment = resolved
        if ref.made_by_dist and target.suffix == ".pdf" and not _exists(target):
            continue  # a booklet's PDF: `make dist` prints one at every such address, or stops
        if not _exists(target):
            problems.append(
                Problem(
                    where,
                    ref.line,
                    f"<{ref.tag} {ref.attr}=\"{ref.url}\"> points to a page or file that does not exist{origin}",
                    "link to an existing page; in Markdown link the .md file ([text](brak.md)), in a macro or "
                    "template build the URL from an existing page",
                    check=NAME,
                )
            )
            continue
        if fragment and target.suffix == ".html":
            ids = ctx.html[target].ids if target in ctx.html else _ids_of(target)
            if fragment not in ids and not _reported_against_the_guide(ctx, target, fragment):
                problems.append(
                    Problem(
                        where,
                        ref.line,
                        f"<{ref.tag} {ref.attr}=\"{ref.url}\"> points to the anchor #{fragment}, which "
                        f"{ctx.display(target)} does not have{origin}",
                        f"give the heading that id (## Заголовок {{ #{fragment} }}) or link to an existing anchor",
                        check=NAME,
                    )
                )
    return problems


# The two headings every guide has. A guide without one is reported against the guide by the
# structure check; the home page's and other pages' links to it would only repeat that elsewhere.
GUIDE_ANCHORS = ("korotko", "podrobno")


def _reported_against_the_guide(ctx: Context, target: Path, fragment: str) -> bool:
    assert ctx.site is not None
    source = ctx.project.source_of(ctx.site, Path(os.path.normpath(target)))
    page = ctx.project.pages.get(source.removeprefix(f"{ctx.project.docs_prefix}/")) if source else None
    return fragment in GUIDE_ANCHORS and page is not None and page.is_guide


def _ids_of(path: Path) -> frozenset[str]:
    return parse_html(path).ids
