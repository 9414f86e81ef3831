"""`make serve` shows a failed build in the browser (ozon/serve_errors), and MkDocs' own link and nav
warnings carry the file, the line and the fix (ozon/mkdocs_messages)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.livereload import LiveReloadServer

from mkdocs.exceptions import Abort, PluginError

from macros.problems import Problem, ProblemsError
from ozon_help.plugins.mkdocs_messages import messages as mkdocs_messages
from ozon_help.plugins.problems import BuildProblems
from ozon_help.plugins.serve_errors import error_page as serve_errors
from ozon_help.plugins.serve_errors.plugin import ServeErrorsPlugin

from .broken_links_copy import GROUP as BROKEN_LINKS_GROUP
from .broken_links_copy import MISSING_PAGE_LINK, NOT_IN_NAV, BrokenLinks
from .conftest import BuildServer, copy_project


class Browser:
    """Asks the server's WSGI app for a path, as the browser does."""

    def __init__(self, server: LiveReloadServer) -> None:
        self.server = server

    def get(self, path: str) -> tuple[str, str]:
        status: list[str] = []

        def start_response(code: str, headers: list[tuple[str, str]], *_: Any) -> Any:
            status.append(code)

        app: Any = self.server.get_app()
        body = b"".join(app({"PATH_INFO": path}, start_response))
        return status[0], body.decode()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[LiveReloadServer, dict[str, Any]]]:
    site = tmp_path / "site"
    (site / "brak").mkdir(parents=True)
    (site / "brak" / "index.html").write_text("<html><body>Брак</body></html>", encoding="utf-8")
    state: dict[str, Any] = {"error": None}

    def builder() -> None:
        if state["error"]:  # as a plugin stops the build (ozon_help/plugins/problems.py), and MkDocs reports it
            error = BuildProblems(state["error"])
            logging.getLogger("mkdocs.commands.build").error(str(error))
            raise Abort("Aborted with a BuildError!") from error

    server = LiveReloadServer(builder=builder, host="127.0.0.1", port=0, root=str(site))
    server.watch(str(tmp_path))  # as make serve does: pages get the live-reload script
    ServeErrorsPlugin().on_serve(server, config=None, builder=builder)  # type: ignore[arg-type]
    yield server, state
    server.server_close()


def test_a_failed_build_is_a_page_with_file_line_problem_and_fix(served: tuple[LiveReloadServer, dict]) -> None:
    server, state = served
    state["error"] = [Problem("docs/brak.md", 12, "«booklet» <b>bad</b>", "write booklet: true"),
                      Problem("docs/brak.md", 0, "second problem without a line")]
    server.builder()  # what the server's build loop calls after a save; it must return so the epoch moves on
    status, page = Browser(server).get("/brak/")
    assert status.startswith("500")
    assert "<code class=where>docs/brak.md:12</code>" in page
    assert "«booklet» &lt;b&gt;bad&lt;/b&gt;" in page and "<b>bad</b>" not in page  # escaped
    assert "<b>Fix:</b> write booklet: true" in page and "second problem without a line" in page
    assert page.count("<li>") == 2, "MkDocs' own copy of the error's text is not listed again"
    assert "livereload(" in page  # the page polls for the next build and reloads by itself
    assert Browser(server).get("/assets/x.css")[0].startswith("404")  # files other than pages pass through


def test_the_page_comes_back_after_a_good_build(served: tuple[LiveReloadServer, dict]) -> None:
    server, state = served
    state["error"] = [Problem("docs/brak.md", 3, "broken", "mend it")]
    server.builder()
    state["error"] = None
    server.builder()
    status, page = Browser(server).get("/brak/")
    assert status.startswith("200") and "Брак" in page


def test_messages_no_project_code_made_are_shown_as_text_without_a_place() -> None:
    """MkDocs' own messages and a third-party plugin's are text: shown as they are, never parsed for a place
    (the text fallback); a problem logged as data keeps its place."""
    own = Problem("docs/a.md", 1, "one", "x")
    logged: list[tuple[Problem, ...] | str] = [
        "Error reading page 'brak.md':", (own,), "docs/b.md:2: two. Fix: y", "Aborted with 2 warnings"
    ]
    found = serve_errors.build_problems(logged, PluginError("a third-party plugin's own error"))
    assert found == [
        Problem("", 0, "Error reading page 'brak.md':"),
        own,
        Problem("", 0, "docs/b.md:2: two. Fix: y"),
        Problem("", 0, "a third-party plugin's own error"),
    ]
    assert serve_errors.build_problems([], RuntimeError("")) == [Problem("", 0, "RuntimeError")]


# A place and a message no «file:line: … Fix: …» pattern reads back: a space in the path, « Fix: » in the text.
AWKWARD = Problem("docs/мой раздел/брак.md", 7, "«Fix: » is quoted here", "write it plainly")


def test_a_raised_problem_reaches_the_page_as_data(served: tuple[LiveReloadServer, dict]) -> None:
    server, _ = served
    original = serve_errors.ServeErrors(server)

    def failing(*args: Any, **kwargs: Any) -> None:
        try:
            raise ProblemsError([AWKWARD])
        except ProblemsError as error:  # as macros/__init__.py raises a loader's error: the problems stay its cause
            raise PluginError(str(error)) from error

    original.build = failing
    original.builder()
    assert original.problems == [AWKWARD]


def test_a_logged_problem_reaches_the_page_as_data(served: tuple[LiveReloadServer, dict]) -> None:
    server, _ = served
    errors = serve_errors.ServeErrors(server)

    def failing(*args: Any, **kwargs: Any) -> None:
        logging.getLogger("mkdocs.structure.pages").warning(str(AWKWARD), extra={"problems": (AWKWARD,)})
        raise RuntimeError("Aborted with 1 warnings in strict mode!")

    errors.build = failing
    errors.builder()
    assert errors.problems == [AWKWARD]
    page = serve_errors.error_page(errors.problems).decode()
    assert "<code class=where>docs/мой раздел/брак.md:7</code>" in page and "<b>Fix:</b> write it plainly" in page


# --- MkDocs' own messages ---------------------------------------------------------------------------------


SOURCE = {"slovar.md": "# Словарь\n\nСм. [нет](net.md) и [абс](/brak/).\n"}


def _explain(message: str) -> str | None:
    return mkdocs_messages.explain(message, "docs", SOURCE.get, lambda needle: 7 if needle == "nav:" else 9)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Doc file 'slovar.md' contains a link 'net.md', but the target is not found among documentation files.",
            "docs/slovar.md:3: Doc file 'slovar.md' contains a link 'net.md'",
        ),
        (
            "Doc file 'slovar.md' contains an absolute link '/brak/', it was left as is. Did you mean 'brak.md'?",
            "Fix: write «brak.md»",
        ),
        (
            "Doc file 'slovar.md' contains a link 'brak.md#x', but the doc 'brak.md' does not contain an anchor '#x'.",
            "docs/slovar.md:1: Doc file 'slovar.md' contains a link 'brak.md#x'",
        ),
        (
            "A reference to 'net.md' is included in the 'nav' configuration, which is not found in the documentation "
            "files.",
            "mkdocs.yml:9: A reference to 'net.md'",
        ),
    ],
)
def test_mkdocs_link_messages_get_file_line_and_fix(message: str, expected: str) -> None:
    better = _explain(message)
    assert better is not None and expected in better and " Fix: " in better


def test_pages_missing_from_nav_are_one_line_each() -> None:
    message = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n' \
        "  - a.md\n  - sub/b.md"
    lines = (_explain(message) or "").splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == ["docs/a.md:1", "docs/sub/b.md:1"]
    assert all("(mkdocs.yml:7)" in line and "Fix: add «- " in line for line in lines)
    assert _explain("Something else MkDocs says.") is None


@pytest.mark.xdist_group(BROKEN_LINKS_GROUP)
def test_a_strict_build_names_file_and_line_of_mkdocs_own_warnings(broken_links: BrokenLinks) -> None:
    """The copy of tests/broken_links_copy.py: a link to a missing page, a page missing from the nav."""
    result, project, line = broken_links.result, broken_links.project, broken_links.missing_page_line
    target = MISSING_PAGE_LINK.split("](", 1)[1].rstrip(")")
    assert not result.ok
    assert f"docs/slovar.md:{line}: Doc file 'slovar.md' contains a link '{target}'" in result.output, result.output
    assert f"{NOT_IN_NAV}:1: this page is not in «nav:»" in result.output, result.output
    problems = [text for text in result.output.splitlines() if text.startswith(("WARNING", "ERROR"))]
    assert problems and not [text for text in problems if str(project) in text], "paths are the project's"


# --- a real failed build during serve ----------------------------------------------------------------------

# Run inside a project copy (its folder first on the import path, as `make serve` runs MkDocs), forked from
# the tests' build server: each edit (the JSON file argv[2]) is saved, the server's wrapped builder rebuilds
# as after a save, and the problems the error page lists are printed as JSON; then the edit is undone.
SERVE_DRIVER = '''
import dataclasses, json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from ozon_help.plugins.serve_errors.error_page import ServeErrors

class Server:  # what ServeErrors takes of MkDocs' LiveReloadServer: the builder it wraps, and the app
    def __init__(self):
        self.builder = lambda: build(load_config("mkdocs.yml", strict=True, site_dir=sys.argv[1]), serve_url="/")
    def get_app(self):
        return None

errors = ServeErrors(Server())
shown = []
for path, text in json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")):
    file = Path(path)
    before = file.read_text(encoding="utf-8") if file.exists() else None
    file.write_text(text, encoding="utf-8")
    errors.builder()
    shown.append([dataclasses.asdict(problem) for problem in errors.problems or []])
    file.write_text(before, encoding="utf-8") if before is not None else file.unlink()
print(json.dumps(shown))
'''


def _served_problems(server: BuildServer, project: Path, edits: list[tuple[str, str]]) -> list[list[Problem]]:
    import json

    driver, edits_file = project / "serve_driver.py", project / "serve_edits.json"
    driver.write_text(SERVE_DRIVER, encoding="utf-8")
    edits_file.write_text(json.dumps(edits), encoding="utf-8")
    run = server.run_script(project, driver, [str(project / "site"), str(edits_file)])
    assert run.returncode == 0, run.stderr
    return [[Problem(**fields) for fields in build] for build in json.loads(run.stdout.splitlines()[-1])]


def _line_count(text: str) -> int:
    return text.count("\n") + (not text.endswith("\n"))


def test_each_kind_of_failed_build_shows_its_problems_on_the_page(tmp_path: Path, build_server: BuildServer) -> None:
    """Raised by a plugin (config_guard, docs_files), raised by a data file's reader (contacts), logged page by
    page (a wrong macro call; MkDocs' own link warning, explained): each reaches the page as data, at its
    file and line, with the fix, and the page never lists MkDocs' copy of an error's text."""
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    contacts = (project / "data" / "contacts.yml").read_text(encoding="utf-8")
    page = (project / "docs" / "slovar.md").read_text(encoding="utf-8")
    wrong_page = page.rstrip("\n") + '\n\n{{ phone("net-takogo-kontakta") }}\n\n[нет такой](net-takoy.md)\n'
    edits = [
        ("mkdocs.yml", config.replace("copyright: ", "copyright: <b>", 1)),
        ("docs/zametki.txt", "черновик"),
        ("data/contacts.yml", contacts.rstrip("\n") + "\nbogus: 1\n"),
        ("docs/slovar.md", wrong_page),
    ]
    shown = _served_problems(build_server, project, edits)
    expected = [
        ("mkdocs.yml", config[: config.index("copyright: ")].count("\n") + 1, "«copyright» holds «<»"),
        ("docs/zametki.txt", 1, "only pages (.md) may sit outside docs/assets/"),
        ("data/contacts.yml", _line_count(contacts.rstrip("\n")) + 1, "«bogus»"),
        ("docs/slovar.md", wrong_page.count("\n") - 2, '{{ phone("net-takogo-kontakta") }}'),
    ]
    for problems, (path, line, words) in zip(shown, expected, strict=True):
        mine = [p for p in problems if p.path == path and p.line == line and words in p.message]
        assert mine and mine[0].fix, (path, line, problems)
        assert all(p.path for p in problems), problems
        assert not [p for p in problems if not p.path and str(mine[0]) in p.message], "listed once, as data"
        page_html = serve_errors.error_page(problems).decode()
        assert f"<code class=where>{path}:{line}</code>" in page_html
    link = [p for p in shown[3] if "net-takoy.md" in p.message]
    assert [(p.path, p.line) for p in link] == [("docs/slovar.md", wrong_page.count("\n"))] and link[0].fix
