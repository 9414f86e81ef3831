"""Ids the theme and the project's scripts read belong to them: page content may not take them.

Material reads its configuration from the first element with `id="__config"` and finds its parts by
`__`-ids and `data-md-*` attributes; the claim builder reads its data block by id. An element of a
page with one of those ids comes first in the document and replaces the real one («DOM clobbering»).
The reserved set is computed, not listed:

- every id that starts with `__` (Material's namespace) and every `data-md-*` attribute;
- every literal id the theme's templates write (Material's and overrides/);
- every id a macro writes (`macros/claim_data.py`, ELEMENT_ID);
- every id the project's scripts read (`getElementById("…")`, `"#…"` selectors in docs/assets and
  overrides/assets/javascripts).

Rules: a page's source may not write a reserved id or name (raw HTML `id=`/`name=`, attribute lists
`{ #id }`, `{ id="…" }`), nor a `data-md-*` attribute; and in every built page each reserved id a script
reads names at most one element (a heading whose slug happens to be one of them is caught there).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ozon_help.plugins.csp import policy as csp

from . import raw_html
from .context import Context
from .problems import Problem
from .project import Page

NAME = "reserved-ids"

_TEMPLATE_ID = re.compile(r"""\bid\s*=\s*["']([\w-]+)["']""")
_SCRIPT_READS = re.compile(r"""getElementById\(\s*["'`]([\w-]+)["'`]\s*\)|["'`]#([A-Za-z_][\w-]*)["'`\s,\]]""")
_MACRO_ID = re.compile(r"""^ELEMENT_ID\s*=\s*["']([\w-]+)["']""", re.M)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_ID = re.compile(r"""(?:^|\s)#([^\s}]+)|\bid\s*=\s*["']?([^"'\s}]+)""")
_OWN_PAGE_TEMPLATES = {"404.html", "redirect.html"}
_FIX = "give the element another id (ids of the theme and the site's scripts: see sitecheck/reserved_ids.py)"


def _script_files(root: Path) -> list[Path]:
    folders = [root / "docs" / "assets", root / "overrides" / "assets" / "javascripts"]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*.js") if ".min." not in p.name)


@lru_cache(maxsize=4)
def script_ids(root: Path) -> frozenset[str]:
    """Ids the project's own scripts read."""
    found: set[str] = set()
    for path in _script_files(root):
        for match in _SCRIPT_READS.finditer(path.read_text(encoding="utf-8", errors="replace")):
            found.add(match.group(1) or match.group(2))
    return frozenset(found)


@lru_cache(maxsize=4)
def written_ids(root: Path) -> frozenset[str]:
    """Ids the theme's templates and the macros write."""
    found: set[str] = set()
    for folder in csp.default_template_dirs(root):
        for path in Path(folder).rglob("*.html"):
            if path.name in _OWN_PAGE_TEMPLATES:
                continue  # they render a page of their own, never a page of docs/
            found.update(_TEMPLATE_ID.findall(path.read_text(encoding="utf-8", errors="replace")))
    for path in sorted((root / "macros").glob("*.py")):
        found.update(_MACRO_ID.findall(path.read_text(encoding="utf-8")))
    return frozenset(found)


def reserved_ids(root: Path) -> frozenset[str]:
    """Every id page content may not write (besides the `__` prefix)."""
    return written_ids(root) | script_ids(root)


def is_reserved(value: str, reserved: frozenset[str]) -> bool:
    return value.startswith("__") or value in reserved


def source_problems(page: Page, reserved: frozenset[str], owned: frozenset[str] = frozenset()) -> list[Problem]:
    """Reserved ids, names and data-md-* attributes a page's source writes.

    `owned`: ids this page is meant to write for a script (the claim builder's `claim-builder` box).
    """
    text = raw_html.markdown_html(page)
    problems = []
    for tag in raw_html.tags(text):
        for name, value in tag.attrs:
            if name in ("id", "name") and is_reserved(value, reserved) and value not in owned:
                problems.append(Problem(page.path, tag.line, f"<{tag.name} {name}=\"{value}\"> takes an id the theme "
                                        "or the site's scripts read (they would read the page's element instead)",
                                        _FIX, check=NAME))
            elif name.startswith("data-md-"):
                problems.append(Problem(page.path, tag.line, f"<{tag.name} {name}=…> is read by the theme",
                                        "delete the attribute", check=NAME))
    for match in _ATTR_LIST.finditer(text):
        for found in _ATTR_LIST_ID.finditer(match.group(1)):
            value = found.group(1) or found.group(2)
            if is_reserved(value, reserved) and value not in owned:
                line = text.count("\n", 0, match.start()) + 1
                problems.append(Problem(page.path, line, f"«{{ #{value} }}» takes an id the theme or the site's "
                                        "scripts read", _FIX, check=NAME))
    return problems


def duplicate_problems(html: str, watched: frozenset[str]) -> list[tuple[str, int]]:
    """(id, how many elements) for each watched id that names more than one element of a built page."""
    counts = Counter(node.attributes.get("id") or "" for node in LexborHTMLParser(html).css("[id]"))
    return sorted((value, n) for value, n in counts.items() if n > 1 and (value.startswith("__") or value in watched))


def check(ctx: Context) -> list[Problem]:
    root = ctx.project.root.resolve()
    reserved = reserved_ids(root)
    mine = script_ids(root) - written_ids(root)
    problems: list[Problem] = []
    for page in ctx.project.pages.values():
        # A page may write the box a script of its own fills (<div id="claim-builder">); the built
        # check below still holds it to one element.
        owned = frozenset(v for v in mine if f'id="{v}"' in page.text and not v.startswith("__"))
        problems += source_problems(page, reserved, owned)
    if ctx.site is None:
        return problems
    for path in ctx.html:
        source = ctx.project.source_of(ctx.site, path)
        html = path.read_text(encoding="utf-8", errors="replace")
        built_from = ctx.project.pages.get(source.removeprefix(ctx.project.docs_prefix + "/")) if source else None
        for value, count in duplicate_problems(html, reserved):
            where = built_from.path if built_from else ctx.display(path)
            line = built_from.text.count("\n", 0, max(built_from.text.find(value), 0)) + 1 if built_from else 1
            problems.append(Problem(where, line,
                                    f"{count} elements have id «{value}» in {ctx.display(path)}; the theme or a "
                                    "script reads only the first", _FIX, check=NAME))
    return problems
