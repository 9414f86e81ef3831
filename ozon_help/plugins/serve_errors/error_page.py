"""`make serve`: a build that fails shows in the browser, and the page comes back by itself once it is fixed.

Alone, MkDocs' server keeps the last good site but waits for a successful build before it answers any
page, so after an error the browser spins and the problem is only in the terminal. Here, while `make serve`
runs (on_serve), the rebuild is wrapped: when it fails, every page the browser asks for is one page that
lists each problem of that build (file and line, what is wrong, the fix), collected from the build's
warnings and errors, with MkDocs' live-reload script in it; and the server is told the build is over, so
the page shows at once. The next save that builds cleanly reloads the browser onto the real page.

Problems travel as data (macros/problems.py): a plugin's error carries them (ozon_help/plugins/problems.py,
or a PluginError raised from a reader's ProblemsError), and so does a log record that a plugin logged a
problem on or that ozon/mkdocs_messages explained MkDocs' own message on. Nothing is parsed back from
text. Only a message no code of this project made (MkDocs' or a third-party plugin's own, or an exception
that is not a build error) is shown as its text, without a place: `unplaced`.

Everything shown is escaped: a message quotes page text, which is untrusted.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from macros.problems import Problem, problems_in

log = logging.getLogger("mkdocs.plugins.ozon.serve_errors")
MAX_PROBLEMS = 200  # a page of problems an editor can read; the terminal has the rest
MAX_MESSAGE = 2000  # characters of one message
MAX_CAUSES = 20  # links of an exception's chain looked at (a chain may loop)


def unplaced(text: str) -> Problem | None:
    """A message no code of this project made (MkDocs' own, a third-party plugin's, an exception's) as a
    problem without a place (path "", line 0), its text as the terminal shows it; None for MkDocs' closing
    «Aborted with …», which the page's heading says already."""
    text = text.strip()[:MAX_MESSAGE]
    return None if not text or text.startswith("Aborted with") else Problem("", 0, text)


def carried(record: logging.LogRecord) -> tuple[Problem, ...]:
    """The problems a log record carries (`extra={"problems": …}`); () when it carries none."""
    found = getattr(record, "problems", None)
    if isinstance(found, tuple) and all(isinstance(item, Problem) for item in found):
        return found
    return ()


class CollectProblems(logging.Handler):
    """Every warning and error a build logs, in order: the problems a record carries, else its text as the
    terminal shows it (after ozon/mkdocs_messages)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.logged: list[tuple[Problem, ...] | str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.logged) < MAX_PROBLEMS:
            self.logged.append(carried(record) or record.getMessage()[:MAX_MESSAGE])


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error and what it was raised from or during, as problems_in walks them."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < MAX_CAUSES:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def build_problems(logged: Iterable[tuple[Problem, ...] | str], error: BaseException) -> list[Problem]:
    """A failed build's problems: what it logged, then what it raised. MkDocs logs the text of a build error
    it then raises: when the error carries its problems as data, that text is not shown a second time."""
    raised = problems_in(error)
    raised_texts = {str(cause).strip() for cause in causes(error)} if raised else set()
    found: list[Problem] = []
    for entry in logged:
        if isinstance(entry, tuple):
            found.extend(entry)
        elif entry.strip() not in raised_texts and (problem := unplaced(entry)):
            found.append(problem)
    if raised:
        found.extend(raised)
    elif problem := unplaced(str(error) or type(error).__name__):
        found.append(problem)
    return each_once(found)


def each_once(problems: Iterable[Problem]) -> list[Problem]:
    """In the order they came, without repeats (MkDocs logs an error it then raises), at most MAX_PROBLEMS."""
    return list(dict.fromkeys(problems))[:MAX_PROBLEMS]


def error_page(problems: list[Problem]) -> bytes:
    """A plain page listing the problems; every value escaped."""
    items = []
    for problem in problems:
        where = (f"{problem.path}:{problem.line}" if problem.line else problem.path) if problem.path else ""
        place = f"<code class=where>{html.escape(where)}</code> " if where else ""
        remedy = f"<p class=fix><b>Fix:</b> {html.escape(problem.fix)}</p>" if problem.fix else ""
        text = problem.message[:MAX_MESSAGE]
        items.append(f"<li>{place}<p class=problem>{html.escape(text)}</p>{remedy}</li>")
    body = "".join(items) or "<li><p class=problem>The build failed; the terminal says why.</p></li>"
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Build stopped</title>"
        "<meta name=viewport content='width=device-width,initial-scale=1'><style>"
        "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}"
        "h1{color:#a00}li{margin:0 0 1.2rem}.where{font-weight:bold;background:#fee;padding:0 .3rem}"
        ".problem,.fix{margin:.2rem 0}.problem{white-space:pre-line}</style></head><body>"
        f"<h1>The build stopped: {len(problems)} problem(s)</h1>"
        "<p>Fix them in your editor and save: this page reloads by itself when the site builds again.</p>"
        f"<ol>{body}</ol></body></html>"
    ).encode()


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return not path.startswith("/livereload/") and (path.endswith("/") or last.endswith(".html") or "." not in last)


class ServeErrors:
    """The failed build's problems (None after a good one), and the server's wrapped builder and app."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.problems: list[Problem] | None = None
        self.build = server.builder
        self.app = server.get_app()

    def builder(self, *args: Any, **kwargs: Any) -> None:
        collect = CollectProblems()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(collect)
        try:
            self.build(*args, **kwargs)
        except Exception as error:  # noqa: BLE001 - any failed build becomes the page; the terminal has it too
            self.problems = build_problems(collect.logged, error)
            log.error(f"{error} The browser shows the problems; it reloads when a save builds again.")
        else:
            self.problems = None
        finally:
            mkdocs_log.removeHandler(collect)

    def serve(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        problems = self.problems
        if problems is None or not _is_page(str(environ.get("PATH_INFO", "/"))):
            return self.app(environ, start_response)
        with self.server._epoch_cond:
            epoch = self.server._visible_epoch
        content = self.server._inject_js_into_html(error_page(problems), epoch)
        start_response(
            "500 Build Error",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content))),
             ("Cache-Control", "no-store")],
        )
        return [content]
