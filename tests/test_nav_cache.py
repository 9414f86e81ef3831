"""ozon/nav_cache changes how long the navigation takes to render, never what it renders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitebuild.synthetic import make_project, stock_config

from .conftest import build

pytestmark = pytest.mark.machinery


SYNTHETIC_GUIDES = 7
# Left out of both builds: they index, purge CSS, add JSON-LD and the CSP, or drop whitespace after the
# page is rendered, and never touch the navigation. They are 40 % of a build; without compact_html the
# comparison is stricter, as whitespace the cache changed would show.
NOT_NAVIGATION = ("search_ru", "purge_css", "seo", "csp", "compact_html")


def _lists(line: str, name: str) -> bool:
    """The line of mkdocs.yml's plugins: that names our plugin `name` (with or without a comment)."""
    return line.split("#")[0].strip() == f"- ozon/{name}"


def without_plugins(config: str, names: tuple[str, ...]) -> str:
    kept = [line for line in config.splitlines() if not any(_lists(line, name) for name in names)]
    assert len(kept) == len(config.splitlines()) - len(names), f"mkdocs.yml does not list every plugin of {names}"
    return "\n".join(kept) + "\n"


@pytest.fixture(scope="module")
def nested_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # A section of three nested sections (3, 3 and 1 guides) next to the real ones: pages whose links
    # start from the same folder, from a sibling folder, from a deeper one, and a section of one page.
    # More guides only repeat these cases (60 did, at four times the build time).
    return make_project(SYNTHETIC_GUIDES, tmp_path_factory.mktemp("nav") / "project", section_size=3)


@pytest.mark.parametrize("prune", [True, False], ids=["prune", "no-prune"])
def test_every_page_is_byte_identical_with_and_without_the_cache(nested_project: Path, prune: bool) -> None:
    config = without_plugins((nested_project / "mkdocs.yml").read_text(encoding="utf-8"), NOT_NAVIGATION)
    assert any(_lists(line, "nav_cache") for line in config.splitlines())
    if not prune:
        config = config.replace("    - navigation.prune\n", "")
        assert "navigation.prune" not in config
    without_cache = without_plugins(config, ("nav_cache",))
    assert stock_config(config) == stock_config(without_cache)  # only the hook differs
    (nested_project / "with.yml").write_text(config, encoding="utf-8")
    (nested_project / "without.yml").write_text(without_cache, encoding="utf-8")
    cached = build(nested_project, nested_project / f"site-cached-{prune}", "with.yml")
    fresh = build(nested_project, nested_project / f"site-fresh-{prune}", "without.yml")
    assert cached.ok and fresh.ok, cached.output + fresh.output
    pages = sorted(p.relative_to(fresh.site) for p in fresh.site.rglob("*.html"))
    assert len([p for p in pages if p.parts[0] == "synthetic"]) == SYNTHETIC_GUIDES
    assert len(pages) > 40  # the real site's pages, booklets and 404 too
    differ = [str(p) for p in pages if (cached.site / p).read_bytes() != (fresh.site / p).read_bytes()]
    assert not differ, f"{len(differ)} pages differ with the cache, e.g. {differ[:3]}"


def test_the_top_level_entries_ask_the_cache_and_a_changed_template_is_named() -> None:
    """Material's own partials/nav.html gets the cached call; one that no longer has the call stops the build
    naming the file to update (pure functions, no build)."""
    from material import templates

    from ozon_help.plugins.nav_cache.cache import CACHED_TOP_CALL, NAV_TEMPLATE, TOP_CALL, wrap_nav_template
    from ozon_help.plugins.problems import BuildProblems

    source = (Path(templates.__file__).parent / NAV_TEMPLATE).read_text(encoding="utf-8")
    wrapped = wrap_nav_template(source)
    assert TOP_CALL not in wrapped and wrapped.count(CACHED_TOP_CALL) == 1
    with pytest.raises(BuildProblems) as raised:
        wrap_nav_template(source.replace(TOP_CALL, "{{ item.render(nav_item, path, 2) }}"))
    assert raised.value.problems[0].path == "ozon_help/plugins/nav_cache/cache.py"


class _Entry:
    """A navigation entry as the loop sees it: equal only to itself, like MkDocs' pages of different files."""

    def __init__(self, title: str, active: bool = False, children: list[_Entry] | None = None) -> None:
        self.title, self.active, self.children = title, active, children or []


def _child_loop_cases() -> list[tuple[str, _Entry, _Entry | None]]:
    leaves = [_Entry(f"p{n}") for n in range(1, 5)]
    active = [_Entry("a1"), _Entry("a2", active=True), _Entry("a3")]
    return [
        ("no index", _Entry("s", children=leaves), None),
        ("index first", _Entry("s", children=leaves), leaves[0]),
        ("index last", _Entry("s", children=leaves), leaves[-1]),
        ("active section", _Entry("s", active=True, children=active), None),
        ("one child that is the index", _Entry("s", children=[leaves[1]]), leaves[1]),
        ("empty", _Entry("s"), None),
    ]


@pytest.mark.parametrize(("nav_item", "index"), [case[1:] for case in _child_loop_cases()],
                         ids=[case[0] for case in _child_loop_cases()])
@pytest.mark.parametrize("cached", [False, True], ids=["cold", "warm"])
def test_the_python_loop_writes_what_materials_jinja_loop_writes(nav_item: _Entry, index: _Entry | None,
                                                                  cached: bool) -> None:
    """NavFragmentCache.children against Material's own loop text rendered by Jinja with MkDocs' settings,
    cold (every entry from the macro) and warm (every entry off the page's path from the cache)."""
    from jinja2 import Environment

    from ozon_help.plugins.nav_cache.cache import CHILD_LOOP, NavFragmentCache

    calls: list[str] = []

    def render(item: _Entry, path: str, level: int, parent: _Entry) -> str:
        calls.append(path)
        return f'<li data-level="{level}" data-parent="{parent.title}">{item.title} {path}</li>'

    page = type("Page", (), {"url": "synthetic/sluchaj-0001/"})()
    args: dict[str, Any] = {"nav_item": nav_item, "path": "__nav_2_3", "level": 2, "index": index}
    expected = Environment(auto_reload=False).from_string(CHILD_LOOP).render(render=render, **args)
    cache = NavFragmentCache(["synthetic/sluchaj-0001/"])
    if cached:
        for number, item in enumerate(nav_item.children, start=1):
            key = cache.key(item, f"__nav_2_3_{number}", 3, nav_item, page)
            if key is not None:
                cache.put(key, render(item, f"__nav_2_3_{number}", 3, nav_item))
    calls.clear()
    assert str(cache.children(render_fresh=render, page=page, **args)) == expected
    fresh = [n for n, item in enumerate(nav_item.children, 1) if item is not index and (item.active or not cached)]
    assert calls == [f"__nav_2_3_{n}" for n in fresh]  # a cached entry never calls the macro
    calls.clear()  # the first loop cached what it rendered: a second one renders only the entries on the path
    assert str(cache.children(render_fresh=render, page=page, **args)) == expected
    on_path = [n for n, item in enumerate(nav_item.children, 1) if item is not index and item.active]
    assert calls == [f"__nav_2_3_{n}" for n in on_path]


def test_the_children_loop_is_materials_and_a_changed_one_is_named() -> None:
    from material import templates

    from ozon_help.plugins.nav_cache.cache import (
        CACHED_CHILD_LOOP,
        CHILD_LOOP,
        NAV_ITEM_TEMPLATE,
        wrap_nav_item_template,
    )
    from ozon_help.plugins.problems import BuildProblems

    source = (Path(templates.__file__).parent / NAV_ITEM_TEMPLATE).read_text(encoding="utf-8")
    wrapped = wrap_nav_item_template(source)
    assert CHILD_LOOP not in wrapped and wrapped.count(CACHED_CHILD_LOOP) == 1
    # One space more in the loop's indentation is a change: the Python loop would write the old text.
    with pytest.raises(BuildProblems) as raised:
        changed = CHILD_LOOP.replace("\n              {% if", "\n               {% if")
        wrap_nav_item_template(source.replace(CHILD_LOOP, changed))
    assert raised.value.problems[0].path == "ozon_help/plugins/nav_cache/cache.py"
    assert "CHILD_LOOP" in raised.value.problems[0].fix


@pytest.mark.parametrize("setting", [{"trim_blocks": True}, {"lstrip_blocks": True}, {"block_start_string": "<%"}])
def test_an_environment_that_trims_whitespace_stops_the_build(setting: dict[str, object]) -> None:
    from jinja2 import Environment

    from ozon_help.plugins.nav_cache.cache import check_whitespace_settings
    from ozon_help.plugins.problems import BuildProblems

    check_whitespace_settings(Environment())
    with pytest.raises(BuildProblems) as raised:
        check_whitespace_settings(Environment(**setting))  # type: ignore[arg-type]
    assert raised.value.problems[0].path == "ozon_help/plugins/nav_cache/cache.py"
