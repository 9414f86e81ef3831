"""mkdocs.yml is untrusted too: its strings are plain text, its extensions, plugins and hooks an allow-list.

Material writes `copyright`, `site_description`, nav titles and `extra` values into every page
without escaping, so a `<script>` there runs on every page. Each string of the file is held to the
rule front matter follows (macros/front_matter_guard.py) and refused with `mkdocs.yml:LINE` and the
fix, all problems in one run, before anything is rendered. Also refused:

- Markdown extensions and options outside `ALLOWED_EXTENSIONS` (`pymdownx.snippets` with
  `base_path: ['/']` would publish any file of the build machine);
- plugins and options outside `ALLOWED_PLUGINS` (mkdocs-macros only strict, with the site's own
  module and no other template source; the project's own plugins, ozon_help/plugins/, only with the
  options their `Config` class types), hooks outside `hooks/`, `extra_css`/`extra_javascript` that are
  not files under `assets/`, nav entries that are not pages of docs/;
- `site_url` that is not `https://` (it goes into canonical links, the sitemap and JSON-LD);
- YAML anchors and aliases, Python tags other than the one slugify, and a file over `MAX_BYTES`.

MkDocs itself has read the file (and run any Python tag in it) before a plugin sees it; that is why
every make target runs this package as a program first (the Makefile's `$(MKDOCS)`, `python -m
ozon_help.plugins.config_guard`); the plugin (plugin.py) runs the same check inside every build.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import Config

from macros.front_matter_guard import FIX_INVISIBLE, invisible_part
from macros.problems import Problem
from macros.yaml_source import SafeLoader

MAX_BYTES = 64 * 1024  # today's file is 6 KB
_MARKUP = re.compile(r"[<>\"`\\]|\{\{|\{%|\{#")
FIX_TEXT = 'write plain text: «ёлочки» instead of "quotes", no <tags>, no backslash, no {{ }}'

_Options = Callable[[Any], str | None]  # None when the options are fine, else what is wrong


def _only(**kinds: type | tuple[type, ...]) -> _Options:
    """Options given as a mapping whose keys are among `kinds`, each value of its type."""

    def check(options: Any) -> str | None:
        if options in (None, {}):
            return None
        if not isinstance(options, dict):
            return "its options must be a mapping"
        for key, value in options.items():
            if key not in kinds:
                return f"option «{key}» is not allowed (allowed: {', '.join(kinds) or 'none'})"
            if not isinstance(value, kinds[key]) or (kinds[key] is int and isinstance(value, bool)):
                return f"option «{key}» has the wrong type"
        return None

    return check


def _toc(options: Any) -> str | None:
    problem = _only(permalink=(bool, str), slugify=object, toc_depth=(int, str), title=str)(options)
    slugify = (options or {}).get("slugify")
    if problem is None and slugify is not None and getattr(slugify, "__module__", "") != "pymdownx.slugs":
        return "option «slugify» may only be pymdownx.slugs.slugify"
    return problem


# Extensions that read only the page and write only HTML the checks read; their options by type.
ALLOWED_EXTENSIONS: dict[str, _Options] = {
    "abbr": _only(),
    "admonition": _only(),
    "attr_list": _only(),
    "def_list": _only(),
    "footnotes": _only(),
    "md_in_html": _only(),
    "sane_lists": _only(),
    "tables": _only(),
    "toc": _toc,
    "pymdownx.caret": _only(),
    "pymdownx.details": _only(),
    "pymdownx.keys": _only(),
    "pymdownx.mark": _only(),
    "pymdownx.superfences": _only(),  # no custom_fences: a fence format function is code
    "pymdownx.tabbed": _only(alternate_style=bool),
    "pymdownx.tasklist": _only(custom_checkbox=bool, clickable_checkbox=bool),
    "pymdownx.tilde": _only(),
}
def _macros_options(options: Any) -> str | None:
    """mkdocs-macros only as the project runs it: its own module, strict, no other template source."""
    problem = _only(module_name=str, on_undefined=str, on_error_fail=bool, include_yaml=list, enabled=bool)(options)
    if problem:
        return problem
    required = {"module_name": "macros", "on_undefined": "strict", "on_error_fail": True, "include_yaml": []}
    for key, value in required.items():
        if (options or {}).get(key) != value:
            return f"option «{key}» must be {value!r} (a page's {{{{ … }}}} may call only the site's macros, strictly)"
    return None


PROJECT_PACKAGE = "ozon_help.plugins."


def _typed_options(config_class: type[Config]) -> _Options:
    """The options a project plugin's `Config` declares, each of the type it declares (config.py)."""
    kinds: dict[str, type | tuple[type, ...]] = {}
    for name, option in config_class._schema:
        inner = option.option if isinstance(option, config_options.Optional) else option
        if not isinstance(inner, config_options.Type):
            raise TypeError(f"{config_class.__module__}: option «{name}» is not a config_options.Type; "
                            "ozon_help/plugins/config_guard/guard.py checks only typed options")
        kind = inner._type if isinstance(inner._type, tuple) else (inner._type,)
        kinds[name] = (*kind, type(None)) if isinstance(option, config_options.Optional) else kind
    return _only(**kinds)


def project_plugins() -> dict[str, _Options]:
    """The project's own plugins (entry points of ozon_help in pyproject.toml) and their typed options.

    Only the `config` module of each is imported (next to its `plugin` module): the guard runs before
    every build and stays quick."""
    found: dict[str, _Options] = {}
    for point in entry_points(group="mkdocs.plugins"):
        if not point.value.startswith(PROJECT_PACKAGE):
            continue
        module = importlib.import_module(point.module.rsplit(".", 1)[0] + ".config")
        classes = [value for value in vars(module).values()
                   if isinstance(value, type) and issubclass(value, Config) and value.__module__ == module.__name__]
        if len(classes) != 1:
            raise TypeError(f"{module.__name__}: expected one Config class, found {len(classes)}")
        found[point.name] = _typed_options(classes[0])
    return found


# Plugins and their options: what each may be told.
ALLOWED_PLUGINS: dict[str, _Options] = {
    "search": _only(lang=(str, list)),
    "material/search": _only(lang=(str, list)),
    "offline": _only(enabled=(bool, type(None))),  # !ENV [OFFLINE, false]
    "material/offline": _only(enabled=(bool, type(None))),
    "macros": _macros_options,
    **project_plugins(),
}
_ASSET = re.compile(r"^assets/[\w./-]+\.(css|js)$")
_NAV_PAGE = re.compile(r"^[\w./-]+\.md$")
_HOOK = re.compile(r"^hooks/\w+\.py$")
_INSIDE = re.compile(r"^[\w][\w./-]*$")  # relative, no leading «/», «~» or «.»
_ALLOWED_PYTHON_TAGS = {"tag:yaml.org,2002:python/object/apply:pymdownx.slugs.slugify"}


CONFIG_FILE = "mkdocs.yml"  # as problems name it; main() and the plugin name the file they read
CHECK = "config_guard"


def config_problem(line: int, message: str, fix: str) -> Problem:
    """A problem of mkdocs.yml at `line`, as the one problem type of the project (macros/problems.py)."""
    return Problem(CONFIG_FILE, line, message, fix, check=CHECK)


def _nodes(node: yaml.Node, where: str) -> Iterator[tuple[str, yaml.Node]]:
    """Every node with its dotted place in the file (list items keep their parent's place)."""
    yield where, node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nodes(key, where)
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            yield from _nodes(value, f"{where}.{name}" if where else str(name))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nodes(item, where)


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _is_https_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.netloc)


def text_problems(value: str, where: str) -> list[tuple[str, str]]:
    """(what, fix) for one configured string that is not plain text."""
    problems = []
    markup = _MARKUP.search(value)
    # A URL may hold «&» and is checked for its scheme where it is used; text may hold neither.
    if markup:
        problems.append((f"«{where}» holds «{markup.group(0)}», which would act as HTML or a template on every page",
                         FIX_TEXT))
    elif "&" in value and not _is_https_url(value):
        problems.append((f"«{where}» holds «&», which a page may turn into markup", "write «и» instead of «&»"))
    hidden = invisible_part(value)
    if hidden:
        problems.append((f"«{where}» holds the invisible character {hidden}", FIX_INVISIBLE))
    return problems


def _structure_problems(root: yaml.MappingNode) -> list[Problem]:
    found: list[Problem] = []
    top = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    if "site_url" in top:
        key, value = top["site_url"]
        if not (isinstance(value, yaml.ScalarNode) and _is_https_url(value.value)):
            found.append(config_problem(_line(value), f"site_url «{getattr(value, 'value', '')}» is not an https:// "
                                       "address (it goes into canonical links, the sitemap and JSON-LD)",
                                       "write the site's address with https://"))
    # Folders MkDocs reads from or writes to: inside the project (docs_dir: / would publish the machine).
    theme = top.get("theme", (None, None))[1]
    folders = [(name, top[name][1]) for name in ("docs_dir", "site_dir") if name in top]
    if isinstance(theme, yaml.MappingNode):
        folders += [(f"theme.{k.value}", v) for k, v in theme.value if getattr(k, "value", None) == "custom_dir"]
    for name, node in folders:
        value = getattr(node, "value", None)
        if not isinstance(value, str) or not _INSIDE.match(value) or ".." in value.split("/"):
            found.append(config_problem(_line(node), f"«{name}» «{value}» is not a folder inside the project",
                                       "name a folder of the project, e.g. docs"))
    for name, (_, value) in top.items():
        items = value.value if isinstance(value, yaml.SequenceNode) else []
        if name == "markdown_extensions":
            found += _extension_problems(items)
        elif name == "plugins":
            found += _plugin_problems(items)
        elif name in ("hooks", "extra_css", "extra_javascript"):
            pattern = _HOOK if name == "hooks" else _ASSET
            for item in items:
                if not (isinstance(item, yaml.ScalarNode) and pattern.match(item.value) and ".." not in item.value):
                    entry = getattr(item, "value", "?")
                    found.append(config_problem(_line(item), f"«{name}» entry «{entry}» is not a file of the project "
                                               f"({pattern.pattern})", "name a file of the project"))
        elif name == "nav":
            found += _nav_problems(value)
    return found


def _option_line(options: yaml.Node | None, problem: str, owner: yaml.Node) -> int:
    """The line of the option a problem names («option «x» …»), else the line of its owner."""
    if isinstance(options, yaml.MappingNode):
        for key, _ in options.value:
            if isinstance(key, yaml.ScalarNode) and f"«{key.value}»" in problem:
                return _line(key)
    return _line(owner)


def _options(node: yaml.Node) -> Any:
    try:
        return yaml.load(yaml.serialize(node), Loader=_OptionsLoader)  # noqa: S506 - safe
    except yaml.YAMLError:
        return {"(a Python tag)": None}  # reported as a tag that runs code; options unread


def _plugin_problems(items: list[yaml.Node]) -> list[Problem]:
    found = []
    for item in items:
        key, options, options_node = item, None, None
        if isinstance(item, yaml.MappingNode) and item.value:
            key, options_node = item.value[0]
            options = _options(options_node)
        name = key.value if isinstance(key, yaml.ScalarNode) else "?"
        rule = ALLOWED_PLUGINS.get(name)
        if rule is None:
            allowed = ", ".join(sorted(ALLOWED_PLUGINS))
            own = (" A plugin of ozon_help/ needs its entry point in pyproject.toml and `make build`, which installs"
                   " the package again") if name.startswith("ozon/") else ""
            found.append(config_problem(_line(key), f"the plugin «{name}» is not on the allow-list",
                                       f"use only {allowed} (ozon_help/plugins/config_guard/guard.py).{own}"))
        elif problem := rule(options):
            found.append(config_problem(_option_line(options_node, problem, key), f"plugin «{name}»: {problem}",
                                       "use only the options ozon_help/plugins/config_guard/guard.py allows for it"))
    return found


def _extension_problems(items: list[yaml.Node]) -> list[Problem]:
    found = []
    for item in items:
        if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            key_node, options_node = item.value[0]
            options = _options(options_node)
        else:
            key_node, options, options_node = item, None, None
        name = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        rule = ALLOWED_EXTENSIONS.get(name)
        if rule is None:
            found.append(config_problem(_line(key_node), f"the Markdown extension «{name}» is not on the allow-list "
                                       "(some read files of the build machine or run code)",
                                       f"use only: {', '.join(ALLOWED_EXTENSIONS)} "
                                       "(ozon_help/plugins/config_guard/guard.py)"))
            continue
        problem = rule(options)
        if problem:
            found.append(config_problem(_option_line(options_node, problem, key_node), f"«{name}»: {problem}",
                                       "use only the options ozon_help/plugins/config_guard/guard.py allows for it"))
    return found


def _nav_problems(nav: yaml.Node) -> list[Problem]:
    found = []
    for _, node in _nodes(nav, "nav"):
        if isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                if isinstance(value, yaml.ScalarNode) and not _NAV_PAGE.match(value.value):
                    found.append(config_problem(_line(value), f"the nav entry «{value.value}» is not a page of docs/",
                                               "name a page of docs/, e.g. vozvrat-tovara.md; links go into pages"))
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:
                if isinstance(value, yaml.ScalarNode) and not _NAV_PAGE.match(value.value):
                    found.append(config_problem(_line(value), f"the nav entry «{value.value}» is not a page of docs/",
                                               "name a page of docs/, e.g. vozvrat-tovara.md; links go into pages"))
    return found


class _OptionsLoader(yaml.SafeLoader):
    """Reads extension options: the one allowed Python tag becomes the real slugify, nothing else runs."""


def _slugify(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    from pymdownx.slugs import slugify

    return slugify


_OptionsLoader.add_multi_constructor("tag:yaml.org,2002:python/object/apply:pymdownx.slugs.", _slugify)
_OptionsLoader.add_constructor("!ENV", lambda loader, node: None)


def config_problems(text: str, path: str = CONFIG_FILE) -> list[Problem]:
    """Every problem of a mkdocs.yml text, in file order, named as `path` (relative to the project); [] when
    the file is fine."""
    found = _text_problems(text)
    return found if path == CONFIG_FILE else [problem.moved(path=path) for problem in found]


def _text_problems(text: str) -> list[Problem]:
    if len(text.encode("utf-8")) > MAX_BYTES:
        return [config_problem(1, f"the file is over {MAX_BYTES // 1024} KB", "keep mkdocs.yml to settings")]
    found: list[Problem] = []
    try:
        # The project's one YAML loader (libyaml's when PyYAML has it): 14 of the guard's 17 ms a call went to
        # PyYAML's pure-Python parser, and the guard runs in every build and every test copy's.
        for event in yaml.parse(text, Loader=SafeLoader):
            if (isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)) and event.start_mark:
                found.append(config_problem(event.start_mark.line + 1, "YAML anchors and aliases are not allowed",
                                           "write the value out where it is used"))
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [config_problem(mark.line + 1 if mark else 1, f"YAML cannot read it: {error}", "fix the syntax")]
    if found or not isinstance(root, yaml.MappingNode):
        return found or [config_problem(1, "the file is not a mapping of settings", "write key: value settings")]
    for where, node in _nodes(root, ""):
        if node.tag.startswith("tag:yaml.org,2002:python/") and node.tag not in _ALLOWED_PYTHON_TAGS:
            found.append(config_problem(_line(node), f"the Python tag «{node.tag.split(':', 2)[-1]}» runs code",
                                       "delete it; only toc's slugify: !!python/object/apply:pymdownx.slugs.slugify"))
        if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            found += [config_problem(_line(node), what, fix) for what, fix in text_problems(node.value, where or "?")]
    found += _structure_problems(root)
    return sorted(found, key=lambda p: p.line)


def main(argv: list[str]) -> int:
    """`python -m ozon_help.plugins.config_guard [mkdocs.yml]`: the same check before MkDocs reads the file.

    `python -m ozon_help.plugins.config_guard --exec python -m mkdocs build …` checks `mkdocs.yml` (or
    the file after `-f`/`--config-file`) and only then becomes MkDocs (the Makefile's `$(MKDOCS)`).
    """
    command = argv[argv.index("--exec") + 1 :] if "--exec" in argv else []
    path = Path(argv[0] if argv and not command else "mkdocs.yml")
    for flag in ("-f", "--config-file"):
        if flag in command[:-1]:
            path = Path(command[command.index(flag) + 1])
    problems = config_problems(path.read_text(encoding="utf-8-sig"), path.as_posix())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems or not command:
        return 1 if problems else 0
    os.execv(command[0], command)  # noqa: S606 - the Makefile's own mkdocs, with its own arguments

