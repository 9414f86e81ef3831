"""Which program runs the macros, and the few things the macros read from it.

Two hosts run `macros/`, and they hand `define_env(env)` differently shaped objects:

- mkdocs-macros (the site's build): `env` is the plugin. `env.conf` is MkDocs' config, with
  `config_file_path` (the mkdocs.yml path), `docs_dir` (absolute) and `nav` as written in mkdocs.yml
  (strings and `{title: page or list}`). `env.page` is MkDocs' page: `.file.src_path` (relative to
  docs/) and `.meta`; before a page is rendered, reading `env.page` raises AttributeError.
  define_env runs once per build; `on_pre_page_macros`/`on_post_page_macros` run for every page.
- Zensical 0.0.73 (only in `make bench-build`, .venv-bench): `env` is `MacroEnv` in
  zensical/extensions/macros.py, with `conf`, `config`, `page`, `project_dir`, `variables`,
  `macros`, `filters`. `env.conf` is Zensical's config dict (zensical/config.py, `_apply_defaults`):
  `root_dir` (the folder of mkdocs.yml), `docs_dir` as written ("docs", relative to `root_dir`), and
  `nav` converted to dicts with `title`, `url`, `children` (`_convert_nav_item`); no
  `config_file_path`. `env.page` is `Page` in zensical/extensions/context.py: `.path` (relative to
  docs/), `.url`, `.title`, `.meta`; it may be None. Zensical calls define_env for every page
  (`_load_module` in MacrosPreprocessor.run), loads `macros/__init__.py` by file location without
  registering the package (see the top of that file), and has no page hooks: it never calls
  `on_pre_page_macros`/`on_post_page_macros`, and it runs no MkDocs plugins (ozon_help/plugins/).

`MacrosHost(env)` recognises the host once, from `env.conf`, and raises if it is neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any


class HostKind(Enum):
    MKDOCS_MACROS = "mkdocs-macros"
    ZENSICAL = "zensical"


class UnknownHostError(TypeError):
    """define_env got an env that is neither mkdocs-macros' plugin nor Zensical's MacroEnv."""


@dataclass(frozen=True)
class HostPage:
    src_path: str  # relative to docs/, with "/", e.g. "zakaz-poteryalsya.md"
    meta: dict[str, Any]  # the host's own dict: what a macro writes there reaches the page


class MacrosHost:
    def __init__(self, env: Any) -> None:
        conf = getattr(env, "conf", None)
        if not isinstance(conf, Mapping):  # MkDocs' config is a UserDict, Zensical's a dict
            raise UnknownHostError(
                f"the macros got an env without a `conf` mapping ({type(env).__name__}); expected "
                "mkdocs-macros' plugin or Zensical 0.0.73's MacroEnv (see macros/host.py)"
            )
        is_mkdocs, is_zensical = "config_file_path" in conf, "root_dir" in conf
        if is_mkdocs == is_zensical:
            raise UnknownHostError(
                "the macros cannot tell which program runs them: env.conf should have either "
                "`config_file_path` (MkDocs, mkdocs-macros) or `root_dir` (Zensical 0.0.73), "
                f"and it has {'both' if is_mkdocs else 'neither'} (see macros/host.py)"
            )
        self._env = env
        self.kind = HostKind.MKDOCS_MACROS if is_mkdocs else HostKind.ZENSICAL
        if self.kind is HostKind.MKDOCS_MACROS:
            self.project_root = Path(conf["config_file_path"]).parent
            self.docs_dir = Path(conf["docs_dir"])  # MkDocs has made it absolute
        else:
            self.project_root = Path(conf["root_dir"])
            self.docs_dir = self.project_root / conf["docs_dir"]  # an absolute docs_dir stays as it is

    @property
    def page(self) -> HostPage | None:
        """The page being rendered now, or None outside a page (define_env, sitecheck's stand-in)."""
        if self.kind is HostKind.MKDOCS_MACROS:
            try:
                page = self._env.page
            except AttributeError:  # mkdocs-macros: "Too early: page information is not available"
                return None
            return None if page is None else HostPage(page.file.src_path, page.meta)
        page = self._env.page
        return None if page is None else HostPage(page.path, page.meta)

    def current_page(self) -> HostPage:
        """The page being rendered, for code that only runs on a page (the page hooks)."""
        page = self.page
        if page is None:
            raise RuntimeError(
                f"{self.kind.value} gave the macros no current page here; this runs only while a page renders"
            )
        return page

    def nav(self) -> Any:
        """The navigation as written in mkdocs.yml: strings and `{title: page or list}`, or None."""
        nav = self._env.conf["nav"]
        if self.kind is HostKind.MKDOCS_MACROS:
            return nav
        return [_mkdocs_nav_item(item) for item in nav]


def _mkdocs_nav_item(item: dict[str, Any]) -> Any:
    """Undo zensical.config._convert_nav_item: back to the shape mkdocs.yml uses."""
    title, url, children = item["title"], item["url"], item["children"]
    if url is None:
        return {title: [_mkdocs_nav_item(child) for child in children]}
    return url if title is None else {title: url}
