"""ozon/nav_cache changes how long the navigation takes to render, never what it renders."""

from __future__ import annotations

from pathlib import Path

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
