"""Render each navigation entry once per folder of pages, not once per page.

Material renders the whole navigation into every page, so a build costs pages × nav entries.
An entry that is not on the current page's path looks the same on every page whose links to it
are the same: its HTML depends only on the entry and on the folder the relative links start from.
The ozon/nav_cache plugin wraps Material's `render` macro in partials/nav-item.html with a cache keyed on exactly
that, so with 1000 guides each entry is rendered a few times instead of 1000 times. Entries on the
current page's path (the page itself, its sections) are rendered fresh, as before.

Inside a section, the loop over its children is run in Python (`nav_cache_children`): a cached entry
then costs a dict lookup instead of a Jinja loop step and a Jinja call, which with 1000 guides is most
of what the cached navigation still costs (about 65 entries a page). The loop writes exactly the text
Jinja's loop writes around each entry: that text is cut out of the loop Material ships (CHILD_LOOP), so
the two cannot drift apart. The top-level loop in partials/nav.html asks the cache before calling the
macro (wrap_nav_template).

Both changes are applied to the template Material ships; if a Material release renames the macro
or rewrites the loop, the build stops and says so instead of silently losing the cache.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from macros.problems import Problem
from ozon_help.plugins.problems import BuildProblems

NAV_ITEM_TEMPLATE = "partials/nav-item.html"
NAV_TEMPLATE = "partials/nav.html"
TOP_CALL = "{{ item.render(nav_item, path, 1) }}"
# The top-level entries ask the cache before calling the macro too (most of them are cached on every page).
CACHED_TOP_CALL = "{{ nav_cache_hit(nav_item, path, 1, none, page) or item.render(nav_item, path, 1) }}"
RENDER_MACRO = "{% macro render(nav_item, path, level, parent) %}"
# Material's loop over a section's children, whitespace included; the build stops if it changes.
CHILD_LOOP = (
    "{% for item in nav_item.children %}\n"
    "              {% if not index or item != index %}\n"
    '                {{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}\n'
    "              {% endif %}\n"
    "            {% endfor %}"
)
# render_uncached is Material's macro itself (wrap_nav_item_template renames it): the loop does the caching.
CACHED_CHILD_LOOP = "{{ nav_cache_children(nav_item, path, level, index, page, render_uncached) }}"
# The text between CHILD_LOOP's tags: what Jinja writes before, around and after each entry.
_, BEFORE_TEST, BEFORE_ENTRY, AFTER_ENTRY, AFTER_STEP, _ = re.split(r"\{[{%].*?[}%]\}", CHILD_LOOP)
CACHED_RENDER = """
{% macro render_fresh(nav_item, path, level, parent) -%}
  {%- if parent is none -%}
    {{ render_uncached(nav_item, path, level) }}
  {%- else -%}
    {{ render_uncached(nav_item, path, level, parent) }}
  {%- endif -%}
{%- endmacro %}
{% macro render(nav_item, path, level, parent=none) -%}
  {%- set key = nav_cache_key(nav_item, path, level, parent, page) -%}
  {%- if key is none -%}
    {{ render_fresh(nav_item, path, level, parent) }}
  {%- else -%}
    {{ nav_cache_get(key) or nav_cache_put(key, render_fresh(nav_item, path, level, parent)) }}
  {%- endif -%}
{%- endmacro %}
"""


class NavFragmentCache:
    """HTML of navigation entries, keyed on the entry and the folder its links are relative to."""

    def __init__(self, page_urls: list[str]) -> None:
        # A folder URL that contains other pages: links from it into its own subtree differ from
        # its siblings' links, so such a page gets a key of its own.
        self._has_pages_below = {
            url[: i + 1] for url in page_urls for i, char in enumerate(url[:-1]) if char == "/"
        }
        self._html: dict[tuple[Any, ...], Markup] = {}
        self._link_bases: dict[str, tuple[str, str]] = {}

    def link_base(self, page_url: str) -> tuple[str, str]:
        """Pages with the same link base get identical relative links to any page off their path."""
        last = page_url.rsplit("/", 1)[-1]
        if page_url == "" or "." in last:  # the home page, or a file URL such as 404.html
            return ("folder", posixpath.dirname(page_url))
        if page_url in self._has_pages_below:
            return ("page", page_url)
        return ("sibling", posixpath.dirname(page_url.rstrip("/")))

    def _link_base_of(self, page: Any) -> tuple[str, str] | None:
        url = getattr(page, "url", None)
        if url is None:
            return None
        base = self._link_bases.get(url)
        if base is None:
            base = self._link_bases[url] = self.link_base(url)
        return base

    def key(self, nav_item: Any, path: str, level: int, parent: Any, page: Any) -> tuple[Any, ...] | None:
        if page is None or nav_item.active:
            return None  # the current page and the sections above it are rendered fresh
        base = self._link_base_of(page)
        if base is None:
            return None
        return (id(nav_item), path, level, bool(getattr(parent, "active", False)), base)

    def hit(self, nav_item: Any, path: str, level: int, parent: Any, page: Any) -> Markup | None:
        """The entry's HTML if it is cached; None sends the template to the `render` macro."""
        key = self.key(nav_item, path, level, parent, page)
        return None if key is None else self._html.get(key)

    def children(
        self, nav_item: Any, path: str, level: int, index: Any, page: Any, render_fresh: Callable[..., str]
    ) -> Markup:
        """What CHILD_LOOP writes for nav_item's children: each entry from the cache, or rendered by Material's
        macro (`render_fresh`) and cached, or rendered fresh when it is on the page's path, as `render` does."""
        parts: list[str] = []
        base = None if page is None else self._link_base_of(page)
        parent_active = bool(nav_item.active)
        for number, item in enumerate(nav_item.children, start=1):
            parts.append(BEFORE_TEST)
            if not index or item != index:
                item_path = f"{path}_{number}"
                if base is None or item.active:  # what `key` asks, with the page's base found once
                    html = render_fresh(item, item_path, level + 1, nav_item)
                else:
                    key = (id(item), item_path, level + 1, parent_active, base)
                    html = self._html.get(key) or self.put(key, render_fresh(item, item_path, level + 1, nav_item))
                parts += (BEFORE_ENTRY, html, AFTER_ENTRY)
            parts.append(AFTER_STEP)
        return Markup("".join(parts))

    def get(self, key: tuple[Any, ...]) -> Markup | None:
        return self._html.get(key)

    def put(self, key: tuple[Any, ...], html: str) -> Markup:
        self._html[key] = Markup(html)
        return self._html[key]


def check_whitespace_settings(env: Environment) -> None:
    """CHILD_LOOP's text is what Jinja writes only with its default whitespace handling."""
    if env.trim_blocks or env.lstrip_blocks or (env.block_start_string, env.variable_start_string) != ("{%", "{{"):
        raise BuildProblems([Problem(
            "ozon_help/plugins/nav_cache/cache.py", 0, "the theme's Jinja environment trims whitespace or uses other "
            "delimiters, so the navigation rendered in Python would differ from Material's",
            "remove ozon/nav_cache from mkdocs.yml or teach NavFragmentCache.children the new settings",
            check="nav_cache",
        )])


def wrap_nav_item_template(source: str) -> str:
    for expected, name in ((RENDER_MACRO, "RENDER_MACRO"), (CHILD_LOOP, "CHILD_LOOP")):
        if source.count(expected) != 1:
            raise BuildProblems([Problem(
                "ozon_help/plugins/nav_cache/cache.py", 0, f"Material's {NAV_ITEM_TEMPLATE} no longer contains "
                f"«{expected}» once", f"update {name} to what the template now says or remove ozon/nav_cache from "
                "mkdocs.yml", check="nav_cache",
            )])
    source = source.replace(CHILD_LOOP, CACHED_CHILD_LOOP)
    return source.replace(RENDER_MACRO, RENDER_MACRO.replace("render(", "render_uncached("), 1) + CACHED_RENDER


def wrap_nav_template(source: str) -> str:
    """Material's partials/nav.html with its top-level entries asking the cache first."""
    if source.count(TOP_CALL) != 1:
        raise BuildProblems([Problem(
            "ozon_help/plugins/nav_cache/cache.py", 0, f"Material's {NAV_TEMPLATE} no longer contains «{TOP_CALL}» "
            "once", "update TOP_CALL to what the template now says or remove ozon/nav_cache from mkdocs.yml",
            check="nav_cache",
        )])
    return source.replace(TOP_CALL, CACHED_TOP_CALL)
