"""ozon/nav_cache: navigation rendered once per folder, not once per page (cache.py), Material's interface words
looked up once per build (translations.py), and one Markdown converter for every page instead of a new one per
page (markdown_reuse.py); build speed."""

from __future__ import annotations

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from ozon_help.plugins.nav_cache import markdown_reuse
from ozon_help.plugins.nav_cache.cache import (
    NAV_ITEM_TEMPLATE,
    NAV_TEMPLATE,
    NavFragmentCache,
    check_whitespace_settings,
    wrap_nav_item_template,
    wrap_nav_template,
)
from ozon_help.plugins.nav_cache.config import NavCacheConfig
from ozon_help.plugins.nav_cache.translations import LANGUAGE_TEMPLATE, Translations, wrap_language_template


class NavCachePlugin(BasePlugin[NavCacheConfig]):
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        check_whitespace_settings(env)
        theme_loader = env.loader
        assert theme_loader is not None  # MkDocs always gives the theme's environment a loader
        item_source, _, _ = theme_loader.get_source(env, NAV_ITEM_TEMPLATE)
        nav_source, _, _ = theme_loader.get_source(env, NAV_TEMPLATE)
        language_source, _, _ = theme_loader.get_source(env, LANGUAGE_TEMPLATE)
        wrapped = {
            NAV_ITEM_TEMPLATE: wrap_nav_item_template(item_source), NAV_TEMPLATE: wrap_nav_template(nav_source),
            LANGUAGE_TEMPLATE: wrap_language_template(language_source),
        }
        env.loader = ChoiceLoader([DictLoader(wrapped), theme_loader])
        cache = NavFragmentCache([file.url for file in files.documentation_pages()])
        env.globals.update(
            nav_cache_key=cache.key, nav_cache_get=cache.get, nav_cache_put=cache.put, nav_cache_hit=cache.hit,
            nav_cache_children=cache.children, nav_cache_translated=Translations().translated,
        )
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # After every plugin's on_config (macros/safe_html adds its extension there), before the first page is
        # converted (MkDocs converts them all before on_env); a new converter each build (`make serve`).
        markdown_reuse.install(markdown_reuse.ReusedMarkdown())

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        markdown_reuse.uninstall()

    def on_build_error(self, *, error: Exception) -> None:
        markdown_reuse.uninstall()

    def on_shutdown(self) -> None:
        markdown_reuse.uninstall()
