"""docs/ publishes only an allow-list of file types and places; no symlink, no active SVG, no HTML file.

MkDocs copies every file of docs/ into the site and follows symlinks while it walks: a link to
`/etc/passwd` or `../.git` is published, an HTML or SVG file carries its own script, a text file
of editors' notes goes out as is. So before MkDocs walks docs/ (`on_config`, which runs first), the
ozon/docs_files plugin walks it without following links and refuses, all in one run, with `docs/PATH:LINE` and the fix:

- a symlink, anywhere (it is not followed, so a link to `/` costs nothing);
- a file whose type is not allowed where it is (`ALLOWED`): pages are `.md`; `assets/` holds styles,
  scripts and images; HTML files are never allowed (their own `<meta>` policy or script would be
  published beside the site's);
- an SVG that holds anything outside a small allow-list of drawing elements and attributes (a script,
  an event handler, a link or a style that could load from elsewhere);
- a page over `MAX_PAGE_BYTES`, with a line over `MAX_LINE_CHARS`, or with more «[» than a paragraph
  or a page may have (Markdown's work grows with their square: one 36 KB line of them made the build
  60-100 times slower), any other file over `MAX_ASSET_BYTES`.

Hidden files and folders (`.DS_Store`, `.obsidian/`) are skipped: MkDocs never publishes them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from lxml import etree

from macros.problems import Problem

MAX_PAGE_BYTES = 256 * 1024  # the longest guide today is 19 KB
MAX_LINE_CHARS = 2000  # the longest line of a page today is about 400 characters
MAX_ASSET_BYTES = 1024 * 1024
# Python-Markdown looks for the end of a link from every «[»: the work grows with the square of the
# brackets in a paragraph (measured: 400 take 0.02-0.15 s, 2000 take 1.5 s, 36 000 take 530 s). Today a
# paragraph has at most 13 and a page at most 28.
MAX_BRACKETS_PER_PARAGRAPH = 100
MAX_BRACKETS_PER_PAGE = 1000

# Where each kind of file may live in docs/ (a path relative to docs/, as a glob-like rule).
PAGE_SUFFIXES = {".md"}
ASSET_SUFFIXES = {".css", ".js", ".mjs", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".ico", ".pdf"}
ASSETS_FOLDER = "assets"

# SVG as pictures are drawn: shapes, paths, text, gradients. Nothing that runs, links or loads.
SVG_ELEMENTS = set(
    "svg g path rect circle ellipse line polyline polygon text tspan title desc defs lineargradient "
    "radialgradient stop clippath mask symbol use".split()
)
SVG_ATTRIBUTES = set(
    "id class viewbox width height x y x1 y1 x2 y2 cx cy r rx ry d points fill stroke stroke-width "
    "stroke-linecap stroke-linejoin stroke-dasharray stroke-opacity fill-opacity fill-rule clip-rule opacity "
    "transform offset stop-color stop-opacity gradientunits gradienttransform clip-path mask font-size "
    "font-family font-weight text-anchor dominant-baseline version preserveaspectratio role aria-label "
    "aria-hidden focusable xmlns href".split()
)
_LOCAL_REFERENCE = re.compile(r"^#[\w-]+$")
_URL_IN_VALUE = re.compile(r"url\(\s*(?!['\"]?#)", re.I)


DOCS_FOLDER = "docs"  # as problems name the folder, relative to the project (docs_problems' `shown_as`)
CHECK = "docs_files"


def file_problem(path: str, line: int, message: str, fix: str) -> Problem:
    """A problem of the file `path` (relative to docs/), as the one problem type of the project
    (macros/problems.py); docs_problems names it relative to the project."""
    return Problem(path, line, message, fix, check=CHECK)


def _local_name(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def svg_problems(data: bytes) -> list[tuple[int, str]]:
    """(line, what) for everything in an SVG outside the drawing allow-list; [] for a plain picture."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        return [(error.lineno or 1, f"the SVG cannot be read as XML ({error.msg})")]
    problems: list[tuple[int, str]] = []
    if root.getroottree().docinfo.internalDTD is not None or b"<!ENTITY" in data:
        problems.append((1, "the SVG declares entities (a DOCTYPE)"))
    for element in root.iter():
        line = element.sourceline or 1
        if not isinstance(element.tag, str):
            if isinstance(element, etree._ProcessingInstruction):
                problems.append((line, "the SVG holds a processing instruction"))
            continue  # comments are inert
        name = _local_name(element.tag)
        if name not in SVG_ELEMENTS:
            problems.append((line, f"the SVG element <{name}> is not a drawing element (it could run or load)"))
        for attribute, value in element.attrib.items():
            attr = _local_name(attribute)
            if attr not in SVG_ATTRIBUTES:
                problems.append((line, f"the SVG attribute {attr}= is not allowed (no handlers, styles or links)"))
            elif attr == "href" and not _LOCAL_REFERENCE.match(value):
                problems.append((line, f"the SVG link {attr}=«{value}» leaves the picture"))
            elif _URL_IN_VALUE.search(value):
                problems.append((line, f"the SVG attribute {attr}= loads «{value}»"))
    return problems


def _where_allowed(relative: PurePosixPath) -> str | None:
    """Why this path may not be published, or None when it may."""
    suffix = relative.suffix.lower()
    if suffix in PAGE_SUFFIXES:
        return None
    if relative.parts[0] == ASSETS_FOLDER and suffix in ASSET_SUFFIXES:
        return None
    if suffix in {".html", ".htm", ".xhtml", ".shtml"}:
        return "an HTML file is published as it is, with its own scripts and policy"
    if relative.parts[0] == ASSETS_FOLDER:
        return f"«{suffix or 'no extension'}» files are not published"
    return "only pages (.md) may sit outside docs/assets/"


def docs_problems(docs: Path, shown_as: str = DOCS_FOLDER) -> list[Problem]:
    """Every file of docs/ that may not be published, without following any link; each named as the editor
    names it, `shown_as`/PATH (the folder relative to the project)."""
    return [problem.moved(path=f"{shown_as}/{problem.path}") for problem in _folder_problems(docs)]


def _folder_problems(docs: Path) -> list[Problem]:
    problems: list[Problem] = []
    for folder, dirs, names in os.walk(docs, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                problems += file_problems(base / name, PurePosixPath((base / name).relative_to(docs).as_posix()))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(names):
            if not name.startswith("."):
                problems += file_problems(base / name, PurePosixPath((base / name).relative_to(docs).as_posix()))
    return problems


def file_problems(path: Path, relative: PurePosixPath) -> list[Problem]:
    shown = relative.as_posix()
    if path.is_symlink():
        return [file_problem(shown, 1, f"a symlink (to {os.readlink(path)}) would publish what it points to",
                            "copy the file you mean into docs/ and delete the link")]
    refused = _where_allowed(relative)
    if refused:
        return [file_problem(shown, 1, refused, "keep editors' notes outside docs/ (e.g. in dev/); pages are .md, "
                            "styles, scripts and pictures go into docs/assets/")]
    size = path.stat().st_size
    if relative.suffix.lower() in PAGE_SUFFIXES:
        return page_problems(shown, path.read_bytes())
    if size > MAX_ASSET_BYTES:
        return [file_problem(shown, 1, f"the file is {size // 1024} KB; the limit is {MAX_ASSET_BYTES // 1024} KB",
                            "make it smaller (compress the picture, split the script)")]
    if relative.suffix.lower() == ".svg":
        return [file_problem(shown, line, what, "save the picture as plain SVG shapes (or PNG) without scripts, "
                            "styles or links") for line, what in svg_problems(path.read_bytes())]
    return []


def page_problems(shown: str, data: bytes) -> list[Problem]:
    if len(data) > MAX_PAGE_BYTES:
        return [file_problem(shown, 1, f"the page is {len(data) // 1024} KB; the limit is {MAX_PAGE_BYTES // 1024} KB",
                            "split it into several guides")]
    text = data.decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE_CHARS:
            return [file_problem(shown, number, f"the line has {len(line)} characters; the limit is {MAX_LINE_CHARS}",
                                "break it into paragraphs or list items")]
    if text.count("[") > MAX_BRACKETS_PER_PAGE:
        return [file_problem(shown, 1, f"the page has {text.count('[')} «[»; the limit is {MAX_BRACKETS_PER_PAGE} "
                            "(each costs the build time)", "write fewer links or square brackets, or split the page")]
    at = 0
    for paragraph in re.split(r"(\n[ \t]*\n)", text):
        if paragraph.count("[") > MAX_BRACKETS_PER_PARAGRAPH:
            return [file_problem(shown, text.count("\n", 0, at) + 1, f"the paragraph has {paragraph.count('[')} «[»; "
                                f"the limit is {MAX_BRACKETS_PER_PARAGRAPH} (the build slows down with their square)",
                                "split the paragraph, or write the brackets as «&#91;»")]
        at += len(paragraph)
    return []
