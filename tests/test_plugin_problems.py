"""Every plugin that stops the build or warns reports `Problem`s as data (ozon_help/plugins/problems.py):
the path as the editor names it (relative to the project), the line, the fix. `make serve`'s error page
reads these fields (ozon/serve_errors), never the text; the terminal's text is `str(problem)`, made once.

Each plugin is called directly with stand-ins for MkDocs' objects: no build is needed to prove it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import TableOfContents

import macros
from macros.problems import Problem, problems_in
from ozon_help.plugins.booklet import broken_links, chapters
from ozon_help.plugins.config_guard.plugin import ConfigGuardPlugin
from ozon_help.plugins.docs_files.plugin import DocsFilesPlugin
from ozon_help.plugins.front_matter.plugin import FrontMatterPlugin
from ozon_help.plugins.law_check import plugin as law_check
from ozon_help.plugins.nav_cache.cache import wrap_nav_item_template
from ozon_help.plugins.page_assets.assets import page_stylesheets
from ozon_help.plugins.problems import BuildProblems, log_problems, problems_text
from ozon_help.plugins.safety.plugin import SafetyPlugin
from ozon_help.plugins.search_ru.plugin import SearchRuPlugin
from ozon_help.plugins.search_ru.synonyms import SYNONYMS_FILE

from .conftest import ROOT

CONFIG_TEXT = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def _raised(call: Any, *args: Any, **kwargs: Any) -> tuple[BuildProblems, tuple[Problem, ...]]:
    """The BuildProblems a call raises, and the problems it carries (as serve_errors finds them)."""
    with pytest.raises(BuildProblems) as caught:
        call(*args, **kwargs)
    found = problems_in(caught.value)
    assert found and found == caught.value.problems
    assert str(caught.value).endswith("\n".join(map(str, found))), "the terminal's text is the problems', made once"
    return caught.value, found


class _File(SimpleNamespace):
    __hash__ = object.__hash__  # type: ignore[assignment]  # a key of `links_to_anchors`, as MkDocs' File is


def _page(tmp_path: Path, name: str, source: str, meta: dict[str, Any], title: str | None = None) -> Any:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    file = _File(src_path=name, src_uri=name, abs_src_path=str(path))
    return SimpleNamespace(file=file, meta=meta, title=title)


def test_one_problem_is_one_line_and_several_each_have_their_own() -> None:
    one, two = Problem("docs/a.md", 3, "bad", "mend it"), Problem("docs/b.md", 0, "worse")
    assert problems_text([one]) == "docs/a.md:3: bad. Fix: mend it"
    assert problems_text([one, two]) == "\ndocs/a.md:3: bad. Fix: mend it\ndocs/b.md: worse."
    assert problems_text([one], "1 problem(s)") == "\n1 problem(s):\ndocs/a.md:3: bad. Fix: mend it"
    assert isinstance(BuildProblems([one]), PluginError), "MkDocs prints it as a message, not a traceback"


def test_config_guard(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG_TEXT.replace("copyright: ", "copyright: <b>", 1), encoding="utf-8")
    line = CONFIG_TEXT[: CONFIG_TEXT.index("copyright: ")].count("\n") + 1
    _, found = _raised(ConfigGuardPlugin().on_config, SimpleNamespace(config_file_path=str(config)))
    assert [(p.path, p.line, p.check) for p in found] == [("mkdocs.yml", line, "config_guard")]
    assert "«copyright» holds «<»" in found[0].message and found[0].fix


def test_docs_files_names_files_relative_to_the_project(tmp_path: Path) -> None:
    docs = tmp_path / "pages"  # not called docs/: the name comes from the configuration
    (docs / "assets").mkdir(parents=True)
    (docs / "index.md").write_text("# x\n", encoding="utf-8")
    (docs / "notes.txt").write_text("x", encoding="utf-8")
    (docs / "assets" / "x.html").write_text("<p>x</p>", encoding="utf-8")
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=str(tmp_path / "mkdocs.yml"))
    _, found = _raised(DocsFilesPlugin().on_config, config)
    assert sorted((p.path, p.line) for p in found) == [("pages/assets/x.html", 1), ("pages/notes.txt", 1)]
    assert all(p.fix and p.check == "docs_files" for p in found)


def test_safety_front_matter_and_title(tmp_path: Path) -> None:
    source = "---\ntitle: Брак\ndescription: '<b>x</b>'\n---\n\n# Брак\n"
    page = _page(tmp_path, "brak.md", source, {"title": "Брак", "description": "<b>x</b>"})
    _, found = _raised(SafetyPlugin().on_page_markdown, "", page=page, config=None, files=None)
    assert [(p.path, p.line) for p in found] == [("docs/brak.md", 3)] and found[0].fix

    page = _page(tmp_path, "sub/titled.md", "Текст.\n\n# Брак <script>\n", {}, title="Брак <script>")
    _, found = _raised(SafetyPlugin().on_page_content, "", page=page, config=None, files=None)
    assert [(p.path, p.line) for p in found] == [("docs/sub/titled.md", 3)] and found[0].fix


def test_front_matter_a_guide_without_its_detailed_variant(tmp_path: Path) -> None:
    page = _page(tmp_path, "brak.md", "---\nshort: Коротко.\n---\n", {"short": "Коротко."})
    _, found = _raised(FrontMatterPlugin().on_page_markdown, "## Коротко\n", page=page, config=None, files=None)
    assert [(p.path, p.line) for p in found] == [("docs/brak.md", 0)]
    assert "{ #podrobno }" in found[0].fix


def test_page_assets_every_wrong_entry_at_once(tmp_path: Path) -> None:
    source = "---\ntitle: X\nextra_css:\n  - https://evil.example/x.css\n  - assets/none.css\n---\n"
    page = _page(tmp_path, "x.md", source, {})
    meta = {"extra_css": ["https://evil.example/x.css", "assets/none.css"]}
    _, found = _raised(page_stylesheets, meta, Path(page.file.abs_src_path), tmp_path / "docs", "docs/x.md")
    assert [(p.path, p.line) for p in found] == [("docs/x.md", 4), ("docs/x.md", 5)]
    assert all(p.fix for p in found)


def test_law_check_raises_the_registers_problems(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    wrong = [Problem("docs/b.md", 9, "cites «ст. 99»", "cite a rule of data/law.yml", check="law"),
             Problem("docs/a.md", 2, "figure «7 дней»", "write law(…)", check="law"),
             Problem("docs/c.md", 1, "only a warning", severity="warning", check="law")]
    monkeypatch.setattr(law_check, "Project", lambda root: root)
    monkeypatch.setattr(law_check, "Context", lambda project: project)
    monkeypatch.setattr(law_check.law, "check", lambda context: wrong)
    error, found = _raised(law_check.LawCheckPlugin().on_post_build,
                           config={"config_file_path": str(tmp_path / "mkdocs.yml")})
    assert list(found) == sorted(wrong[:2]), "errors only (warnings stay in make sitecheck), in file order"
    assert str(error).startswith("\n2 problem(s) with the legal rule register")


def test_booklet_errors_and_its_broken_link_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    twice = chapters.Chapter("brak", "Брак", "", "brak/", "<p>x</p>", TableOfContents([]))
    _, found = _raised(chapters.build, "", [twice, twice], "pechat/", "pechat.md")
    assert [(p.path, p.line, p.check) for p in found] == [("docs/pechat.md", 0, "booklet")] and found[0].fix

    guide = _page(tmp_path, "brak.md", "# Брак\n\nСм. [там](#net).\n", {})
    guide.links_to_anchors = {guide.file: {"net": "#net"}}
    guide.file.page = SimpleNamespace(present_anchor_ids={"brak"})
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.ozon.booklet"):
        broken_links.report_broken_links([guide], {}, set())
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    [problem] = record.problems  # type: ignore[attr-defined]
    assert (problem.path, problem.line) == ("docs/brak.md", 3) and "{ #net }" in problem.fix
    assert record.getMessage() == str(problem)


def test_a_logged_problem_keeps_the_loggers_level(caplog: pytest.LogCaptureFixture) -> None:
    problem = Problem("docs/a.md", 1, "x", "y", severity="warning")
    with caplog.at_level(logging.WARNING):
        log_problems(logging.getLogger("mkdocs.plugins.test"), logging.ERROR, [problem])
    assert [(r.levelno, r.problems) for r in caplog.records] == [(logging.ERROR, (problem,))]  # type: ignore[attr-defined]


def test_nav_cache_names_its_own_file_when_material_changes() -> None:
    _, found = _raised(wrap_nav_item_template, "{% macro other() %}{% endmacro %}")
    assert found[0].path == "ozon_help/plugins/nav_cache/cache.py" and found[0].fix


def test_search_synonyms_file_stops_the_build_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / SYNONYMS_FILE
    path.parent.mkdir(parents=True)
    path.write_text("groups:\n  - [брак]\n", encoding="utf-8")
    error, found = _raised(SearchRuPlugin().on_config, SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))
    assert [p.line for p in found] == [2] and found[0].path.endswith(SYNONYMS_FILE)
    assert "Traceback" not in str(error)


def test_the_macros_host_raises_a_pages_problems_as_a_plugin_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """page_language raises the domain's own error; the host (macros/__init__.py) makes it MkDocs' PluginError
    and keeps the problems reachable for make serve."""
    problem = Problem("docs/brak.md", 4, "«{% if %}» is not allowed", "write plain text")

    def render_page(*args: Any) -> None:
        from macros.page_language import MacroUsageError
        from macros.problems import ProblemsError

        raise MacroUsageError(str(problem)) from ProblemsError([problem])

    monkeypatch.setattr(macros, "render_page", render_page)
    env = SimpleNamespace(variables={}, conf={}, page=SimpleNamespace(meta={}, file=SimpleNamespace(src_path="b.md")))
    monkeypatch.setattr(macros, "MacrosHost", lambda env: SimpleNamespace(
        current_page=lambda: env.page, kind=macros.HostKind.MKDOCS_MACROS))
    with pytest.raises(macros.MacroUsageError) as caught:
        macros.on_pre_page_macros(env)
    assert isinstance(caught.value, PluginError) and problems_in(caught.value) == (problem,)


# --- the class closed: no plugin or macro stops the build or warns with text alone ------------------------

# Where a PluginError may be made: the one that carries problems, and the macros host, which raises the
# domain's errors as PluginError *from* their problems.
PLUGIN_ERROR_HOMES = {"ozon_help/plugins/problems.py", "macros/__init__.py"}
# serve_errors' own note after a failed build («the browser shows the problems») is about the page, logged
# after the build's problems were collected: it is not a problem of the project.
TEXT_LOG_HOMES = {"ozon_help/plugins/serve_errors/error_page.py"}
_LOG_LEVELS = {"warning", "error", "critical", "exception"}


def _text_only_reports(path: Path) -> list[str]:
    """`file:line: …` for each PluginError made without problems, and each warning or error logged without
    `extra=` (the record then carries no problem for make serve's page)."""
    import ast

    name = path.relative_to(ROOT).as_posix()
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and name not in PLUGIN_ERROR_HOMES:
            if any(ast.unparse(base).endswith("PluginError") for base in node.bases):
                found.append(f"{name}:{node.lineno}: {node.name} is a PluginError of its own; raise BuildProblems")
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            made = ast.unparse(node.exc.func)
            without_cause = node.cause is None or ast.unparse(node.cause) == "None"
            if made.endswith("PluginError") and (name not in PLUGIN_ERROR_HOMES or without_cause):
                found.append(f"{name}:{node.lineno}: raises {made} with text only; raise BuildProblems(problems)")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _LOG_LEVELS:
            owner = ast.unparse(node.func.value)
            attached = any(keyword.arg == "extra" for keyword in node.keywords)
            if "log" in owner.lower() and name not in TEXT_LOG_HOMES and not attached:
                found.append(f"{name}:{node.lineno}: {owner}.{node.func.attr}(…) logs text only; use log_problems")
    return found


def test_no_plugin_or_macro_reports_a_problem_as_text_alone() -> None:
    modules = [*sorted((ROOT / "ozon_help").rglob("*.py")), *sorted((ROOT / "macros").rglob("*.py"))]
    assert [line for path in modules for line in _text_only_reports(path)] == []


def test_the_text_only_check_finds_each_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = ROOT / "ozon_help" / "plugins" / "x_probe.py"  # named as a plugin's module; never written to ROOT
    source = (
        "class Oops(PluginError): ...\n"
        "raise PluginError(f'docs/a.md:1: bad')\n"
        "log.warning(f'docs/a.md:1: bad')\n"
        "log.warning('ok', extra={'problems': ()})\n"
    )
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source if self == module else "")
    found = _text_only_reports(module)
    assert [line.split(": ", 1)[0] for line in found] == [f"ozon_help/plugins/x_probe.py:{n}" for n in (1, 2, 3)]
