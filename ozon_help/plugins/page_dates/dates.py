"""MkDocs hook: each page's update date from git history, the one date its page, sitemap and JSON-LD show.

One `git log` per build reads the last (and first) commit date of every file under docs/, so a
thousand pages cost one process, not a thousand. Where git cannot say, the file's own modification
time says it instead:

- a file with changes not yet committed (or never committed): the date it was last saved, because
  the text a reader will see is that newer text;
- a copy of the project without `.git` (the tests' throwaway copies, an unpacked archive) or a machine
  without git: every page's file modification time, and one INFO line says so. Never a warning,
  because a strict build must not fail for it. A shallow clone (`git clone --depth 1`) gives every
  page the date of its one commit: CI clones with the whole history (dev/publishing.md).

The result is `page.update_date` (ISO, what MkDocs' sitemap prints as `<lastmod>`) and
`page.meta["updated"]`/`["published"]` as `datetime.date` for the templates («Обновлено 30.11.2026»,
overrides/partials/page-updated.html) and the JSON-LD (ozon/seo). Front matter cannot set them:
a value an editor typed there is replaced, so the three places never disagree.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

UPDATED_META = "updated"
PUBLISHED_META = "published"


@dataclass
class FileDates:
    """Last and first commit date per file (absolute paths), and the files git has no final word on."""

    last: dict[Path, date] = field(default_factory=dict)
    first: dict[Path, date] = field(default_factory=dict)
    uncommitted: set[Path] = field(default_factory=set)
    from_git: bool = False


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        proc = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, text=True)
    except OSError:  # no git on this machine
        return None
    return proc.stdout if proc.returncode == 0 else None


def read_git_dates(docs_dir: Path) -> FileDates:
    """One `git log` over docs/ (newest commit first) and one `git status`; empty when docs/ is not in git."""
    top = _git(["rev-parse", "--show-toplevel"], docs_dir)
    if top is None:
        return FileDates()
    root = Path(top.strip())
    history = _git(["log", "--format=@%cs", "--name-only", "--no-renames", "--", "."], docs_dir)
    status = _git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."], docs_dir)
    if history is None or status is None:
        return FileDates()
    dates = FileDates(from_git=True)
    current: date | None = None
    for line in history.splitlines():
        if line.startswith("@"):
            current = date.fromisoformat(line[1:])
        elif line and current is not None:
            path = (root / line).resolve()
            dates.last.setdefault(path, current)  # the log is newest first
            dates.first[path] = current  # ... so the last one seen is the oldest
    for entry in status.split("\0"):
        if len(entry) > 3:
            dates.uncommitted.add((root / entry[3:]).resolve())
    return dates


def file_mtime_date(path: Path) -> date:
    return date.fromtimestamp(path.stat().st_mtime)


@dataclass(frozen=True)
class PageDates:
    updated: date
    published: date


def page_dates(path: Path, dates: FileDates, today: date | None = None) -> PageDates:
    """The page's dates, never after `today` (the build's date).

    A commit's date is whatever the committer's clock or `GIT_COMMITTER_DATE` said, and a file's
    modification time whatever `touch` set: a page «updated 01.01.2099» would say so on the page, in
    JSON-LD and in the sitemap. A date after the build is taken as the build's date.
    """
    path = path.resolve()
    if path in dates.uncommitted or path not in dates.last:
        saved = file_mtime_date(path)
        found = PageDates(saved, dates.first.get(path, saved))
    else:
        found = PageDates(dates.last[path], dates.first[path])
    limit = today or date.today()
    updated = min(found.updated, limit)
    return PageDates(updated, min(found.published, updated))
