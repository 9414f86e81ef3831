"""Material's interface words (`lang.t("toc")`) looked up once per build, not once per use.

Material's partials/language.html defines `t(key)` as a Jinja macro over the theme language's file and the
English one; each file's `t` builds a dict of some fifty words on every call. A page calls it about 28 times
(labels of the header, search, navigation and footer), so a thousand pages build 28 000 dicts for the same
few words. The answer depends on the key and the theme's language only: the language files are imported
without the page's context, so nothing of the page can reach them. ozon/nav_cache gives the template a
`t` that asks Material's macro (renamed `t_uncached`) once per language and key and writes what it wrote.

The change is applied to the template Material ships; if a Material release renames the macro, the build
stops and names this file instead of silently losing the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.problems import Problem
from ozon_help.plugins.problems import BuildProblems

LANGUAGE_TEMPLATE = "partials/language.html"
T_MACRO = "{% macro t(key) %}"
# `t` is what `{% import "partials/language.html" as lang %}` exports as `lang.t`: a top-level name of the
# template, as the macro was. The language goes in the cache's key, as it chose the file Material's macro read.
CACHED_T = "\n{% set t = nav_cache_translated(t_uncached, config.theme.language) %}"


class Translations:
    """What Material's `t` macro wrote for each language and key, in this build."""

    def __init__(self) -> None:
        self._words: dict[tuple[Any, str], Any] = {}

    def translated(self, macro: Callable[[str], Any], language: Any) -> Callable[[str], Any]:
        """`t(key)` as the template calls it: the macro's text for the key, from the second call on cached."""
        words = self._words

        def t(key: str) -> Any:
            found = (language, key)
            if found in words:
                return words[found]
            text = words[found] = macro(key)
            return text

        return t


def wrap_language_template(source: str) -> str:
    """Material's partials/language.html with its `t` macro renamed and `t` asking the cache first."""
    if source.count(T_MACRO) != 1:
        raise BuildProblems([Problem(
            "ozon_help/plugins/nav_cache/translations.py", 0, f"Material's {LANGUAGE_TEMPLATE} no longer contains "
            f"«{T_MACRO}» once", "update T_MACRO to what the template now says or remove ozon/nav_cache from "
            "mkdocs.yml", check="nav_cache",
        )])
    return source.replace(T_MACRO, T_MACRO.replace("t(", "t_uncached("), 1) + CACHED_T
