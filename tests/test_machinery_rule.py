"""The `machinery` mark leaves a test out of `make check` (pytest.ini, dev/testing.md): it may only go on a
test of the build's own code that no content edit can break.

The part of that rule a program can see: an editor renames pages, retires contacts and renumbers legal
rules, so a machinery test names none of them. It picks what it needs from the project instead
(tests/page_picks.py, tests/contact_picks.py). Read in the test's own code and in the module's constants
and functions it uses by name.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from .conftest import ROOT


def _content_names() -> dict[str, re.Pattern[str]]:
    """Each name an editor owns (a page, a contact id, a legal rule id), as it would be written in a test."""
    names: dict[str, re.Pattern[str]] = {}
    for page in (ROOT / "docs").rglob("*.md"):
        stem = page.relative_to(ROOT / "docs").with_suffix("").as_posix()
        if stem != "index":  # «index.md» is MkDocs' name for a home page
            names[f"page {stem}.md"] = re.compile(rf"(?<![\w-]){re.escape(stem)}(?:\.md|/|$)")
    contacts = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
    for organization in contacts["organizations"]:
        for channel in organization.get("channels", []):
            names[f"contact {channel['id']}"] = re.compile(rf"(?<![\w-]){re.escape(channel['id'])}(?![\w-])")
    law = yaml.safe_load((ROOT / "data" / "law.yml").read_text(encoding="utf-8"))
    for rule in law["rules"]:
        names[f"rule {rule['id']}"] = re.compile(rf"(?<![\w-]){re.escape(rule['id'])}(?![\w-])")
    return names


def _is_machinery(node: ast.expr) -> bool:
    return "machinery" in ast.unparse(node)


def _machinery_tests(path: Path) -> Iterator[tuple[str, list[str]]]:
    """Each machinery test of `path`: its id and the strings of its code and of the module-level
    constants and functions it names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_level: dict[str, ast.AST] = {}
    whole_module = False
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    module_level[target.id] = node.value
                    whole_module |= target.id == "pytestmark" and _is_machinery(node.value)
        elif isinstance(node, ast.FunctionDef):
            module_level[node.name] = node
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
            continue
        if not (whole_module or any(_is_machinery(decorator) for decorator in node.decorator_list)):
            continue
        used = [node] + [module_level[name.id] for name in ast.walk(node)
                         if isinstance(name, ast.Name) and name.id in module_level and name.id != node.name]
        strings = [constant.value for part in used for constant in ast.walk(part)
                   if isinstance(constant, ast.Constant) and isinstance(constant.value, str)]
        yield f"{path.relative_to(ROOT).as_posix()}::{node.name}", strings


def test_no_machinery_test_names_a_page_a_contact_or_a_rule() -> None:
    names = _content_names()
    found: list[tuple[str, str, str]] = []
    tests = 0
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if "machinery" not in path.read_text(encoding="utf-8"):
            continue
        for test, strings in _machinery_tests(path):
            tests += 1
            found += [(test, what, text) for text in strings for what, pattern in names.items() if pattern.search(text)]
    assert tests > 10, "no machinery tests found: has the mark changed its name?"
    shown = [f"{test}: names the {what} ({text[:60]!r})" for test, what, text in found]
    assert not shown, (
        "a content edit could break these tests, so `make check` must run them (drop `machinery`, or pick the "
        "page or contact from the project: tests/page_picks.py, tests/contact_picks.py):\n" + "\n".join(shown)
    )
