"""ozon/nav_cache's `lang.t` writes what Material's macro writes, and asks the macro once per key and language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

import material
from ozon_help.plugins.nav_cache.plugin import NavCachePlugin
from ozon_help.plugins.nav_cache.translations import Translations, wrap_language_template
from ozon_help.plugins.problems import BuildProblems

from .conftest import ROOT

pytestmark = pytest.mark.machinery

LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
USE = '{%% import "partials/language.html" as lang with context %%}{{ lang.t(%r) }}|{{ lang.t(%r) | e }}'


def _keys(language: str) -> list[str]:
    return re.findall(r'^\s*"([\w.-]+)":', (LANGUAGES / f"{language}.html").read_text(encoding="utf-8"), re.M)


@pytest.fixture(scope="module")
def config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def _envs(config: MkDocsConfig) -> tuple[Environment, Environment]:
    cached = NavCachePlugin().on_env(config.theme.get_env(), config=config, files=Files([]))
    return config.theme.get_env(), cached


def test_every_word_is_materials_own(config: MkDocsConfig) -> None:
    material_env, cached_env = _envs(config)
    ours = _keys(str(config.theme["language"]))
    only_english = sorted(set(_keys("en")) - set(ours))
    keys = [*ours, *only_english, "no.such.key"]  # the language's, the English fallback's, the key itself
    assert len(ours) > 40
    for key in keys:
        expected = material_env.from_string(USE % (key, key)).render(config=config)
        assert cached_env.from_string(USE % (key, key)).render(config=config) == expected, key
        assert cached_env.from_string(USE % (key, key)).render(config=config) == expected, key  # from the cache


def test_the_macro_is_asked_once_per_key_and_language() -> None:
    asked: list[str] = []

    def macro(key: str) -> str:
        asked.append(key)
        return f"<{key}>"

    translations = Translations()
    russian, english = translations.translated(macro, "ru"), translations.translated(macro, "en")
    written = [russian("toc"), russian("toc"), russian("search"), english("toc")]
    assert written == ["<toc>", "<toc>", "<search>", "<toc>"]
    assert asked == ["toc", "search", "toc"]
    assert translations.translated(macro, "ru")("toc") == "<toc>" and len(asked) == 3  # a later page's import


def test_the_build_stops_naming_the_file_when_materials_macro_changes() -> None:
    with pytest.raises(BuildProblems) as raised:
        wrap_language_template('{% macro translate(key) %}{{ key }}{% endmacro %}')
    (problem,) = raised.value.problems
    assert problem.path == "ozon_help/plugins/nav_cache/translations.py"
