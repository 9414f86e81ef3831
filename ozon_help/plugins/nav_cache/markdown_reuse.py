"""One Markdown converter for every page of a build, reset between pages, instead of a new one per page.

MkDocs' `Page.render` makes a new `markdown.Markdown` for each page: it looks up and builds every configured
extension again, and each extension registers its processors into new registries (pymdownx.superfences also
builds and deep-copies pymdownx.highlight's settings). That is about 0.25 ms a page, work that gives the same
converter every time. Python-Markdown supports using one converter for many documents: `Markdown.reset()`
clears what a document left (the HTML stash, the link references) and calls `reset()` on every extension that
registered itself (toc's tokens, abbr's abbreviations, tabbed's and superfences' counters and stashes): the
extensions are written for exactly that. MkDocs registers its own four per-page processors on the converter
after making it, by name, so each page's replace the last page's in the same order.

`ReusedMarkdown.make` stands in for `markdown.Markdown` as `mkdocs.structure.pages` sees it, from the build's
on_env to its end. It hands back the converter it made before, reset, only when MkDocs asks for the same
thing as last time (the same list and settings objects, unchanged); anything else gets a new converter, as
before. If MkDocs' `Page.render` stops making its converter the way this expects, the build stops and names
this file instead of silently not reusing it.
"""

from __future__ import annotations

import inspect
import types
from typing import Any

import markdown
from mkdocs.structure import pages

from macros.problems import Problem
from ozon_help.plugins.problems import BuildProblems

# What Page.render must contain, once, for `make` to stand in for its converter.
RENDER_CALL = "md = markdown.Markdown(\n            extensions=config['markdown_extensions'],"


class ReusedMarkdown:
    """`markdown.Markdown(extensions=…, extension_configs=…)` that reuses the converter it made last."""

    def __init__(self) -> None:
        self._converter: markdown.Markdown | None = None
        self._asked: tuple[Any, Any, tuple[Any, ...], Any] | None = None  # the objects and a copy of their contents

    def make(self, **options: Any) -> markdown.Markdown:
        extensions, configs = options.get("extensions"), options.get("extension_configs")
        if set(options) != {"extensions", "extension_configs"} or not isinstance(extensions, list):
            return markdown.Markdown(**options)  # asked for something else: made as MkDocs would
        asked = self._asked
        if (
            self._converter is not None and asked is not None and asked[0] is extensions
            and (asked[1] is configs or not configs)  # MkDocs passes `mdx_configs or {}`: a new {} every page
            and asked[2] == tuple(extensions) and asked[3] == _options_copy(configs)
        ):
            return self._converter.reset()
        self._converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self._asked = (extensions, configs, tuple(extensions), _options_copy(configs))
        return self._converter


def _options_copy(configs: Any) -> Any:
    """MkDocs' `mdx_configs` ({extension: {option: value}}) copied two levels deep: a later change of an option
    shows as a difference, and the values themselves (toc's slugify function) compare as the same objects."""
    if not isinstance(configs, dict):
        return configs
    return {name: dict(options) if isinstance(options, dict) else options for name, options in configs.items()}


def _page_markdown() -> Any:
    """The `markdown` Page.render calls (mkdocs.structure.pages does not re-export it, hence the dict)."""
    return vars(pages)["markdown"]


def _renders_with_markdown_class() -> bool:
    source = inspect.getsource(pages.Page.render)
    return source.count("markdown.Markdown(") == 1 and source.count(RENDER_CALL) == 1


def install(reused: ReusedMarkdown) -> None:
    """From now on Page.render's `markdown.Markdown` is `reused.make`; `uninstall` puts the module back."""
    if isinstance(_page_markdown(), _WithReusedMarkdown):
        uninstall()  # a build that ended without on_post_build or on_build_error (make serve's next build)
    if _page_markdown() is not markdown or not _renders_with_markdown_class():
        raise BuildProblems([Problem(
            "ozon_help/plugins/nav_cache/markdown_reuse.py", 0, "MkDocs' Page.render no longer makes its Markdown "
            "converter as `markdown.Markdown(extensions=config['markdown_extensions'], …)`, so one converter "
            "cannot be reused for every page", "update RENDER_CALL and ReusedMarkdown to what Page.render now does, "
            "or stop calling markdown_reuse.install in ozon_help/plugins/nav_cache/plugin.py", check="nav_cache",
        )])
    vars(pages)["markdown"] = _WithReusedMarkdown(reused)


def uninstall() -> None:
    if isinstance(_page_markdown(), _WithReusedMarkdown):
        vars(pages)["markdown"] = markdown


class _WithReusedMarkdown(types.ModuleType):
    """The markdown module as Page.render reads it, with `Markdown` replaced by `ReusedMarkdown.make`."""

    def __init__(self, reused: ReusedMarkdown) -> None:
        super().__init__(markdown.__name__, markdown.__doc__)
        self.__dict__.update({k: v for k, v in vars(markdown).items() if k not in ("__name__", "__doc__")})
        self.__dict__["Markdown"] = reused.make
