"""MkDocs' own warnings said the way the project's are: `docs/PAGE.md:LINE: what is wrong. Fix: …`.

MkDocs names a page by its path inside docs/ and never gives a line («Doc file 'brak.md' contains a link
'net.md', but the target is not found…»; «The following pages exist in the docs directory, but are not
included in the "nav" configuration»). A logging filter puts the project-relative path and the line in
front of each such message and the fix after it; MkDocs' own words stay in the middle, so a search for
them still finds the message. Messages it does not know pass unchanged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from macros.problems import Problem

_LINK = re.compile(
    r"^Doc file '(?P<src>[^']+)' contains (?:a|an unrecognized relative|an absolute) link '(?P<url>[^']+)'"
    r"(?P<rest>.*)$",
    re.S,
)
_OMITTED = re.compile(
    r"^The following pages exist in the docs directory, but are not included in the "
    r'"nav" configuration:\n(?P<list>.*)$',
    re.S,
)
_NAV_MISSING = re.compile(
    r"^A reference to '(?P<src>[^']+)' is included in the 'nav' configuration, which is not found"
)
_MEANT = re.compile(r"Did you mean '(?P<meant>[^']+)'\?")
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")


def link_fix(url: str, message: str) -> str:
    meant = _MEANT.search(message)
    if meant:
        return f"write «{meant['meant']}»"
    if "unrecognized relative link" in message:
        return "link to the page's file, with .md (like vozvrat-tovara.md or vozvrat-tovara.md#podrobno)"
    if "absolute link" in message:
        return "write the link relative to this page, to the .md file (like brak.md)"
    if "anchor" in message:
        return "link to an id the page has (each heading's { #id }), or drop the «#…»"
    return "link to a file that exists under docs/ (with .md), or remove the link"


def explain(
    message: str, docs: str, source: Callable[[str], str | None], nav_line: Callable[[str], int]
) -> str | None:
    """The message with file:line in front and the fix after it, or None for one this module does not know."""
    problems = explained(message, docs, source, nav_line)
    return None if problems is None else "\n".join(str(problem) for problem in problems)


def explained(
    message: str, docs: str, source: Callable[[str], str | None], nav_line: Callable[[str], int]
) -> list[Problem] | None:
    """The message as problems with file, line and fix, or None for one this module does not know.

    `docs` is the docs folder as the editor names it («docs»); `source(src)` the text of a page (None when
    unreadable); `nav_line(needle)` the line of mkdocs.yml that names it (1 when none does)."""
    link = _LINK.match(message)
    if link:
        src, url = link["src"], link["url"]
        text = source(src) or ""
        found = next((n for n, line in enumerate(text.splitlines(), 1) if url in line), 0)
        made = "" if found else " (the link is not in the file: a macro or the theme made it)"
        return [Problem(f"{docs}/{src}", found or 1, f"{message.rstrip()}{made}", link_fix(url, message))]
    omitted = _OMITTED.match(message)
    if omitted:
        pages = [item.strip()[2:].strip() for item in omitted["list"].splitlines() if item.strip().startswith("- ")]
        nav = nav_line("nav:")
        return [
            Problem(
                f"{docs}/{page}", 1,
                "this page is not in «nav:» of mkdocs.yml, so no reader finds it "
                "(MkDocs: not included in the \"nav\" configuration)",
                f"add «- {page}» to the section it belongs to under nav: (mkdocs.yml:{nav}), or delete the file",
            )
            for page in pages
        ]
    missing = _NAV_MISSING.match(message)
    if missing:
        src = missing["src"]
        fix = f"correct the file name (the pages are in {docs}/), or create {docs}/{src}"
        return [Problem("mkdocs.yml", nav_line(src), message.rstrip(), fix)]
    return None


class ProjectMessages(logging.Filter):
    """Rewrites MkDocs' link and nav warnings in place (see explain); reconfigured on every build."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path.cwd()
        self.docs_dir = self.root / "docs"

    def configure(self, config: Any) -> None:
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.docs_dir = Path(config.docs_dir).resolve()

    def _source(self, src: str) -> str | None:
        path = (self.docs_dir / src).resolve()
        if not path.is_relative_to(self.docs_dir) or not path.is_file():
            return None
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None

    def _nav_line(self, needle: str) -> int:
        """The line of mkdocs.yml that starts «nav:» (needle «nav:»), or the nav entry naming a file."""
        try:
            lines = (self.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        except OSError:
            return 1
        entry = re.compile(rf"^\s*-\s*(?:[^:]+:\s*)?{re.escape(needle)}\s*(?:#.*)?$")
        wanted = (lambda line: line.startswith("nav:")) if needle == "nav:" else entry.match
        return next((n for n, line in enumerate(lines, 1) if wanted(line)), 1)

    def _docs_name(self) -> str:
        try:
            return self.docs_dir.relative_to(self.root).as_posix()
        except ValueError:
            return str(self.docs_dir)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            better = explained(record.getMessage(), self._docs_name(), self._source, self._nav_line)
            if better is not None:  # the text for the terminal, the problems for make serve's page (serve_errors)
                record.msg, record.args = "\n".join(str(problem) for problem in better), ()
                record.problems = tuple(better)
        return True


def installed() -> ProjectMessages:
    """The one filter on MkDocs' loggers. A process may load this module more than once (each project copy a
    test builds imports its own): the filter of an earlier load is found by its class name and reused, never
    added twice."""
    found: ProjectMessages | None = None
    for name in LOGGERS:
        logger = logging.getLogger(name)
        mine = [f for f in logger.filters if type(f).__name__ == ProjectMessages.__name__]
        if not mine:
            found = found or ProjectMessages()
            logger.addFilter(found)
        else:
            found = found or mine[0]  # type: ignore[assignment]
    assert found is not None
    return found
