"""Issue 25, class 2: every string of mkdocs.yml is plain text, and what it may switch on is an allow-list.

Each hostile setting is put into the real mkdocs.yml text and checked with the function the hook runs
(ozon/config_guard); one build shows the plugin stops the build with mkdocs.yml:LINE and the fix.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ozon_help.plugins.config_guard.guard import config_problems

from .conftest import ROOT, build

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_real_config_passes() -> None:
    assert config_problems(CONFIG) == []


def _set_top(key: str, value: str) -> tuple[str, int]:
    """The config with a top-level key set to a value (added when absent), and the line it is on."""
    if re.search(rf"(?m)^{key}:", CONFIG):
        text = re.sub(rf"(?m)^{key}:.*$", lambda _: f"{key}: {value}", CONFIG, count=1)
    else:
        text = CONFIG + f"\n{key}: {value}\n"
    return text, text[: text.index(f"{key}: {value}")].count("\n") + 1


HOSTILE_TOP = [
    ("copyright", "'<script>alert(1)</script>'", "«copyright» holds «<»"),
    ("site_description", '\'x" http-equiv="refresh" content="0;url=https://evil.example\'', 'holds «"»'),
    ("site_name", "'{{ config }}'", "holds «{{»"),
    ("site_name", "'Проблема\u202eс Ozon'", "invisible character U+202E"),
    ("site_name", "'Проблема\u200bс Ozon'", "invisible character U+200B"),
    ("copyright", "'A & B'", "holds «&»"),
    ("site_url", "http://problema-s-ozon.ru/", "is not an https:// address"),
    ("site_url", "javascript:alert(1)", "is not an https:// address"),
    ("docs_dir", "/", "is not a folder inside the project"),
    ("docs_dir", "../..", "is not a folder inside the project"),
    ("site_dir", "/var/www", "is not a folder inside the project"),
]


@pytest.mark.parametrize(("key", "value", "expected"), HOSTILE_TOP)
def test_hostile_strings_are_refused_at_their_line(key: str, value: str, expected: str) -> None:
    text, line = _set_top(key, value)
    problems = [p for p in config_problems(text) if expected in p.message]
    assert [p.line for p in problems] == [line], config_problems(text)
    assert problems[0].fix


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


HOSTILE_EDITS = [
    ("  - Главная: index.md", "  - '<img src=x onerror=alert(1)>': index.md", "<img", "holds «<»"),
    ("  - Главная: index.md", "  - Главная: javascript:alert(1)", "Главная: javascript", "is not a page of docs/"),
    ("  feedback: {contact: redakciya-email}", "  feedback: {contact: '\"><script>'}", "{contact: '", 'holds «"»'),
    (
        "  - abbr\n",
        "  - abbr\n  - pymdownx.snippets:\n      base_path: ['/']\n",
        "pymdownx.snippets",
        "«pymdownx.snippets» is not on the allow-list",
    ),
    (
        "  - pymdownx.details\n",
        "  - pymdownx.details\n  - pymdownx.arithmatex\n",
        "arithmatex",
        "not on the allow-list",
    ),
    (
        "      alternate_style: true",
        "      alternate_style: true\n      slugify: x",
        "slugify: x",
        "option «slugify» is not allowed",
    ),
    ("  - search:", "  - git-committers\n  - search:", "git-committers", "the plugin «git-committers»"),
    (
        "      on_error_fail: true",
        "      on_error_fail: false",
        "on_error_fail: false",
        "option «on_error_fail» must be True",
    ),
    (
        "      include_yaml: []",
        "      include_yaml: []\n      include_dir: /etc",
        "include_dir",
        "option «include_dir» is not allowed",
    ),
    ("      module_name: macros", "      module_name: /tmp/evil", "/tmp/evil", "option «module_name» must be"),
    (
        "copyright: ",
        "x: !!python/object/apply:os.system [true]\ncopyright: ",
        "os.system",
        "the Python tag «python/object/apply:os.system» runs code",
    ),
    (
        "extra_javascript:\n",
        "extra_javascript:\n  - https://evil.example/x.js\n",
        "https://evil",
        "is not a file of the project",
    ),
    ("plugins:\n", "hooks:\n  - /tmp/evil.py\nplugins:\n", "/tmp/evil", "is not a file of the project"),
    ("plugins:\n", "hooks:\n  - hooks/../../evil.py\nplugins:\n", "hooks/../", "is not a file of the project"),
    # the project's own plugins take only the options their Config types (none today)
    (
        "  - ozon/csp  #",
        "  - ozon/csp: {report_uri: https://evil.example}  #",
        "report_uri",
        "option «report_uri» is not allowed",
    ),
    ("  - ozon/csp  #", "  - ozon/cspx  #", "ozon/cspx", "is not on the allow-list"),
    ("copyright: ", "x: &a Справочник\ncopyright: ", "&a", "anchors and aliases"),
]


@pytest.mark.parametrize(("old", "new", "needle", "expected"), HOSTILE_EDITS)
def test_nav_extra_extensions_plugins_and_tags(old: str, new: str, needle: str, expected: str) -> None:
    assert old in CONFIG
    text = CONFIG.replace(old, new, 1)
    problems = [p for p in config_problems(text) if expected in p.message]
    assert [p.line for p in problems] == [_line_of(text, needle)], config_problems(text)


def test_every_problem_of_the_file_in_one_run() -> None:
    text = CONFIG.replace("copyright: ", "copyright: <b>", 1).replace("site_url: https", "site_url: http", 1)
    assert len(config_problems(text)) == 2


def test_the_build_stops_at_the_line_before_anything_runs(tmp_path: Path) -> None:
    """The Makefile's $(MKDOCS) checks the file before MkDocs reads (and runs) it."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        CONFIG.replace("copyright: ", f"x: !!python/object/apply:os.system ['touch {tmp_path}/ran']\ncopyright: ", 1),
        encoding="utf-8",
    )
    guard = [sys.executable, "-m", "ozon_help.plugins.config_guard"]
    run = subprocess.run(
        [*guard, "--exec", "/bin/true", "-f", str(config)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 1 and not (tmp_path / "ran").exists()
    assert f"{config}:{_line_of(config.read_text(encoding='utf-8'), 'os.system')}: the Python tag" in run.stderr


def test_the_hook_stops_the_build_with_the_line(project_copy: Path) -> None:
    path = project_copy / "mkdocs.yml"
    path.write_text(CONFIG.replace("copyright: ", "copyright: <script>alert(1)</script>", 1), encoding="utf-8")
    result = build(project_copy)
    assert not result.ok
    assert f"mkdocs.yml:{_line_of(CONFIG, 'copyright: ')}: «copyright» holds «<»" in result.output, result.output
    assert "Traceback" not in result.output


def test_a_project_plugin_takes_only_the_options_its_config_types() -> None:
    """ozon_help/plugins/*/config.py declares a plugin's options; the guard allows those, each of its type."""
    from mkdocs.config import config_options as c
    from mkdocs.config.base import Config

    from ozon_help.plugins.config_guard.guard import _typed_options

    class Options(Config):
        strict = c.Type(bool, default=True)
        label = c.Optional(c.Type(str))

    check = _typed_options(Options)
    assert check(None) is None and check({"strict": False, "label": "x"}) is None and check({"label": None}) is None
    assert check({"strict": "yes"}) == "option «strict» has the wrong type"
    assert check({"strict": None}) == "option «strict» has the wrong type"  # not Optional: a value is required
    assert check({"path": "/etc"}) == "option «path» is not allowed (allowed: strict, label)"

    class Untyped(Config):
        anything = c.ListOfItems(c.Type(str), default=[])

    with pytest.raises(TypeError, match="anything"):
        _typed_options(Untyped)


def test_libyaml_reads_as_the_pure_python_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard parses with libyaml for speed: on the real file, on every hostile edit above and on broken
    YAML it finds the same problems at the same lines as with PyYAML's own loader (MkDocs' reader)."""
    from ozon_help.plugins.config_guard import guard

    assert guard.SafeLoader is not yaml.SafeLoader, "PyYAML without libyaml: the guard runs 20x slower"
    edits = [(f"\n{key}:", f"\n{key}: {value}\n{key}_old:") for key, value, _ in HOSTILE_TOP]
    edits += [(old, new) for old, new, _, _ in HOSTILE_EDITS]
    edits += [("copyright: ", "copyright: [unclosed\n"), ("site_name:", "\tsite_name:"), ("nav:", "nav: &x\n  *x")]
    texts = [CONFIG] + [CONFIG.replace(old, new, 1) for old, new in edits if old in CONFIG]
    assert len(texts) > len(HOSTILE_EDITS)
    fast = [[(p.line, p.message) for p in config_problems(text)] for text in texts]
    monkeypatch.setattr(guard, "SafeLoader", yaml.SafeLoader)
    pure = [[(p.line, p.message) for p in config_problems(text)] for text in texts]
    for text, a, b in zip(texts, fast, pure, strict=True):
        # libyaml words a syntax error its own way; the line and the kind of problem are the same
        def same(problems: list[tuple[int, str]]) -> list[tuple[int, str]]:
            return [(line, "YAML cannot read it" if "YAML cannot read it" in m else m) for line, m in problems]

        assert same(a) == same(b), (text[:200], a, b)
