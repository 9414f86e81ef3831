"""Stand-ins shaped like what Zensical 0.0.73 hands the macros, for tests that run without Zensical.

Attribute names are Zensical's own (zensical 0.0.73, site-packages/zensical/):
- `MacroEnv` in extensions/macros.py: `conf`, `config`, `page`, `project_dir`, `variables`,
  `macros`, `filters`, `macro()`, `filter()`;
- `Page` in extensions/context.py: `url`, `path` (relative to docs_dir), `title`, `meta`;
- the config in config.py `_apply_defaults`: `root_dir` (folder of mkdocs.yml), `docs_dir` as
  written, `nav` converted by `_convert_nav_item` (dicts with title/url/children/...).
This module imports nothing from macros/, so a test can load macros/ the way Zensical does first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable


class ZensicalPage:
    def __init__(self, path: str, meta: dict[str, Any] | None = None, url: str = "", title: str | None = None) -> None:
        self.url = url
        self.path = path
        self.title = title
        self.meta: dict[str, Any] = meta if meta is not None else {}


class ZensicalMacroEnv:
    def __init__(self, root: Path, nav: list[Any], page: ZensicalPage | None, docs_dir: str = "docs") -> None:
        self.conf: dict[str, Any] = {"root_dir": str(root), "docs_dir": docs_dir, "nav": zensical_nav(nav)}
        self.config: dict[str, Any] = {"module_name": "macros", "on_undefined": "strict", "on_error_fail": True}
        self.page = page
        self.project_dir = str(root.resolve())
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., Any]] = {}
        self.filters: dict[str, Callable[..., Any]] = {}

    def macro(self, fn: Callable[..., Any] | None = None, name: str | None = None) -> Any:
        if fn is None:
            return lambda f: self.macro(f, name)
        self.macros[name or fn.__name__] = fn
        return fn

    def filter(self, fn: Callable[..., Any] | None = None, name: str | None = None) -> Any:
        if fn is None:
            return lambda f: self.filter(f, name)
        self.filters[name or fn.__name__] = fn
        return fn


def zensical_nav(nav: list[Any]) -> list[Any]:
    """mkdocs.yml's nav as zensical.config._convert_nav turns it (same keys, same rules)."""

    def item(entry: Any) -> Any:
        if isinstance(entry, str):
            return _entry(None, entry, [])
        if isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    return _entry(str(title), value.strip(), [])
                return _entry(str(title), None, [item(child) for child in value])
        return [item(child) for child in entry]

    return [item(entry) for entry in nav]


def _entry(title: str | None, url: str | None, children: list[Any]) -> dict[str, Any]:
    is_index = url is not None and (
        url == "index.md" or url.endswith("/index.md") or url == "README.md" or url.endswith("/README.md")
    )
    return {
        "title": title, "url": url, "canonical_url": None, "meta": None,
        "children": children, "is_index": is_index, "active": False,
    }
