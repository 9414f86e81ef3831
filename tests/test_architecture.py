"""dev/architecture.md stays true: its pipeline table is the plugins mkdocs.yml runs, in order, with the
events and priorities MkDocs calls them at; and the domain (macros/, ozon_help/ outside its plugins)
imports nothing from MkDocs or Material."""

from __future__ import annotations

import ast
import os
import re
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT

ARCHITECTURE = ROOT / "dev" / "architecture.md"
PROJECT_PLUGIN = "ozon/"
# Top-level modules the domain may not import: MkDocs, its plugins' packages, Material, and the MkDocs side
# of this project.
FORBIDDEN = re.compile(r"^(mkdocs(_\w+)?|material|ozon_help\.plugins)(\.|$)")
_ROW = re.compile(r"^\|\s*(?P<number>\d+)\s*\|\s*`(?P<plugin>[^`]+)`\s*\|(?P<events>[^|]*)\|")
_EVENT = re.compile(r"on_(\w+) \((-?\d+)\)")


def table_rows(text: str) -> list[tuple[int, str, dict[str, int]]]:
    """(line, plugin, {event: priority}) for each row of the pipeline table."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        row = _ROW.match(line)
        if row:
            events = {name: int(priority) for name, priority in _EVENT.findall(row["events"])}
            rows.append((number, row["plugin"], events))
    return rows


def configured_plugins() -> list[tuple[str, dict[str, int]]]:
    """The project's plugins of the real mkdocs.yml in order, with each event they handle and its priority."""
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugins = config.plugins
    found = []
    for name, plugin in plugins.items():
        if not name.startswith(PROJECT_PLUGIN):
            continue
        events = {
            event: getattr(method, "mkdocs_priority", 0)
            for event, methods in plugins.events.items()
            for method in methods
            if getattr(method, "__self__", None) is plugin
        }
        found.append((name, events))
    return found


def mismatches(rows: list[tuple[int, str, dict[str, int]]], plugins: list[tuple[str, dict[str, int]]]) -> list[str]:
    """What differs between the table and the plugins, each naming the row of dev/architecture.md to fix."""
    where = ARCHITECTURE.relative_to(ROOT)
    problems = []
    for index in range(max(len(rows), len(plugins))):
        row = rows[index] if index < len(rows) else None
        plugin = plugins[index] if index < len(plugins) else None
        if row is None:
            assert plugin is not None
            problems.append(f"{where}: no row {index + 1} for {plugin[0]} (mkdocs.yml's plugin {index + 1}); add it")
        elif plugin is None:
            problems.append(f"{where}:{row[0]}: {row[1]} is not a plugin mkdocs.yml runs at that place; remove the row")
        elif row[1] != plugin[0]:
            problems.append(f"{where}:{row[0]}: row {index + 1} names {row[1]}, mkdocs.yml runs {plugin[0]} there")
        elif row[2] != plugin[1]:
            shown = ", ".join(f"on_{event} ({priority})" for event, priority in sorted(plugin[1].items()))
            problems.append(f"{where}:{row[0]}: {row[1]}'s events are {shown}")
    return problems


def test_the_pipeline_table_is_the_plugins_mkdocs_runs() -> None:
    problems = mismatches(table_rows(ARCHITECTURE.read_text(encoding="utf-8")), configured_plugins())
    assert not problems, "\n".join(problems)


def test_a_wrong_row_is_named() -> None:
    plugins = [("ozon/a", {"config": 100}), ("ozon/b", {"post_page": -100, "startup": 0})]
    rows = table_rows(
        "| # | plugin | events (priority) |\n|---|---|---|\n"
        "| 1 | `ozon/a` | on_config (100) |\n| 2 | `ozon/b` | on_post_page (0), on_startup (0) |\n"
    )
    assert [row[1] for row in rows] == ["ozon/a", "ozon/b"]
    assert mismatches(rows, plugins) == [
        "dev/architecture.md:4: ozon/b's events are on_post_page (-100), on_startup (0)"
    ]
    assert mismatches(rows[:1], plugins) == [
        "dev/architecture.md: no row 2 for ozon/b (mkdocs.yml's plugin 2); add it"
    ]
    wrong_order = mismatches(rows[::-1], plugins)
    assert wrong_order[0] == "dev/architecture.md:4: row 1 names ozon/b, mkdocs.yml runs ozon/a there"


def test_every_entry_point_runs_in_mkdocs_yml() -> None:
    """pyproject.toml's entry points are the plugins mkdocs.yml lists (a plugin nobody runs is dead code)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    points = project["project"]["entry-points"]["mkdocs.plugins"]
    assert list(points) == [name for name, _ in configured_plugins()]
    for name, target in points.items():
        module, _, cls = target.partition(":")
        assert module == f"ozon_help.plugins.{name.removeprefix(PROJECT_PLUGIN)}.plugin", name
        assert (ROOT / module.replace(".", "/")).with_suffix(".py").is_file(), target
        assert (ROOT / module.replace(".", "/")).with_name("config.py").is_file(), f"{name}: no config.py"


# mkdocs-macros' side of macros/: the module it loads. It turns the domain's errors into MkDocs' PluginError,
# which a build prints as a message (any other exception prints a traceback).
MACROS_HOST_SIDE = ("macros/__init__.py",)


def domain_modules() -> list[Path]:
    plugins = ROOT / "ozon_help" / "plugins"
    found = [*sorted((ROOT / "macros").rglob("*.py")), *sorted((ROOT / "ozon_help").rglob("*.py"))]
    return [path for path in found if not path.is_relative_to(plugins)
            and path.relative_to(ROOT).as_posix() not in MACROS_HOST_SIDE]


def mkdocs_imports(path: Path, root: Path = ROOT) -> list[str]:
    """`file:line: imports X` (file relative to `root`) for each import of MkDocs, Material or the plugins."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if FORBIDDEN.match(name):
                found.append(f"{path.relative_to(root)}:{node.lineno}: imports {name}")
                break
    return found


def test_the_domain_imports_nothing_from_mkdocs() -> None:
    modules = domain_modules()
    assert ROOT / "macros" / "front_matter.py" in modules and ROOT / "ozon_help" / "html_source.py" in modules
    found = [problem for path in modules for problem in mkdocs_imports(path)]
    assert not found, "the domain must run without MkDocs; move this to ozon_help/plugins/:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import mkdocs\n", "imports mkdocs"),
        ("x = 1\nfrom mkdocs.plugins import BasePlugin\n", "2: imports mkdocs.plugins"),
        ("import material.plugins\n", "imports material.plugins"),
        ("from mkdocs_macros import plugin\n", "imports mkdocs_macros"),
        ("from ozon_help import plugins\n", "imports ozon_help.plugins"),
        ("def f():\n    import mkdocs.utils\n", "2: imports mkdocs.utils"),
    ],
)
def test_an_import_of_mkdocs_is_found_with_its_line(tmp_path: Path, source: str, expected: str) -> None:
    module = tmp_path / "macros" / "probe.py"
    module.parent.mkdir()
    module.write_text(source, encoding="utf-8")
    [problem] = mkdocs_imports(module, tmp_path)
    assert problem.startswith("macros/probe.py:") and problem.endswith(expected)


def test_plain_modules_pass() -> None:
    assert mkdocs_imports(ROOT / "ozon_help" / "booklet_paper.py") == []


def _plugin_state_problems(path: Path, root: Path = ROOT) -> list[str]:
    """`file:line: …` for each way a module of the plugins keeps or reads process state: a `global` statement,
    `sys.argv` (serve mode comes from on_startup), a change to `sys.path` (the package imports as a package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(root)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"{where}:{node.lineno}: global {', '.join(node.names)} (keep the state on the plugin's self)")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "sys":
            if node.attr == "argv" and path.name != "__main__.py":
                found.append(f"{where}:{node.lineno}: sys.argv (a plugin learns the command from on_startup)")
            elif node.attr == "path":
                found.append(f"{where}:{node.lineno}: sys.path (import the project's modules as packages)")
    return sorted(found, key=lambda problem: int(problem.split(":")[1]))


def test_plugins_keep_their_state_on_self() -> None:
    modules = sorted((ROOT / "ozon_help").rglob("*.py"))
    found = [problem for path in modules for problem in _plugin_state_problems(path)]
    assert not found, "\n".join(found)


def test_module_state_is_found_with_its_line(tmp_path: Path) -> None:
    module = tmp_path / "plugin.py"
    module.write_text("import sys\n_seen = {}\ndef on_config(config):\n    global _seen\n"
                      "    if '--dirty' in sys.argv:\n        sys.path.insert(0, '.')\n", encoding="utf-8")
    assert _plugin_state_problems(module, tmp_path) == [
        "plugin.py:4: global _seen (keep the state on the plugin's self)",
        "plugin.py:5: sys.argv (a plugin learns the command from on_startup)",
        "plugin.py:6: sys.path (import the project's modules as packages)",
    ]
