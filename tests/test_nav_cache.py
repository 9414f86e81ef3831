"""hooks/nav_cache.py changes how long the navigation takes to render, never what it renders."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.synthetic import make_project, stock_config

from .conftest import build


@pytest.fixture(scope="module")
def nested_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 60 synthetic guides: a section of three nested sections next to the real ones
    return make_project(60, tmp_path_factory.mktemp("nav") / "project")


@pytest.mark.parametrize("prune", [True, False], ids=["prune", "no-prune"])
def test_every_page_is_byte_identical_with_and_without_the_cache(nested_project: Path, prune: bool) -> None:
    config = (nested_project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - hooks/nav_cache.py" in config
    if not prune:
        config = config.replace("    - navigation.prune\n", "")
        assert "navigation.prune" not in config
    without_cache = config.replace("  - hooks/nav_cache.py\n", "")
    assert stock_config(config) == stock_config(without_cache)  # only the hook differs
    (nested_project / "with.yml").write_text(config, encoding="utf-8")
    (nested_project / "without.yml").write_text(without_cache, encoding="utf-8")
    cached = build(nested_project, nested_project / f"site-cached-{prune}", "with.yml")
    fresh = build(nested_project, nested_project / f"site-fresh-{prune}", "without.yml")
    assert cached.ok and fresh.ok, cached.output + fresh.output
    pages = sorted(p.relative_to(fresh.site) for p in fresh.site.rglob("*.html"))
    assert len(pages) > 80
    differ = [str(p) for p in pages if (cached.site / p).read_bytes() != (fresh.site / p).read_bytes()]
    assert not differ, f"{len(differ)} pages differ with the cache, e.g. {differ[:3]}"
