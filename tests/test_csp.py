"""The site's one Content-Security-Policy (ozon/csp): only scripts the theme ships are trusted.

Pure functions: the page and the header policy from a page's HTML and the theme's templates. The
browser side: tests/test_site_walk.py (no violation on any page, an injected script is blocked).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ozon_help.plugins.csp import policy as csp


def _shipped() -> list[csp.ShippedScript]:
    return csp.shipped_scripts(csp.default_template_dirs())


def _material_scope_script(base_url: str) -> str:
    """Material's first inline script as its template writes it for a page at `base_url`."""
    template = Path(csp.default_template_dirs()[1], "partials", "javascripts", "base.html").read_text(encoding="utf-8")
    body = template[template.index("<script>") + 8 : template.index("</script>")]
    return body.replace('{{ config.extra.scope | d(base_url) }}', base_url)


def test_only_scripts_the_theme_ships_are_hashed() -> None:
    scope = _material_scope_script("../..")
    page = f"<html><head></head><body><script>{scope}</script><p><!--><script>alert(1)</script>--></p></body></html>"
    shipped = _shipped()
    assert csp.inline_scripts(page) == [scope, "alert(1)"]  # as Chromium reads it: <!--> is an empty comment
    assert csp.trusted_script_hashes(page, shipped) == [csp.script_hash(scope)]
    assert csp.untrusted_scripts(page, shipped) == ["alert(1)"]


@pytest.mark.parametrize(
    "hole",
    ['"+alert(1)+"', "x\\", "x</script>", "a b", "x" * 201],
)
def test_a_template_hole_cannot_leave_its_string(hole: str) -> None:
    assert csp.untrusted_scripts(f"<script>{_material_scope_script(hole)}</script>", _shipped()) != []


def test_templates_that_read_the_page_are_not_trusted(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text(
        '<script>go("{{ page.meta.location }}")</script><script>{% if x %}a(){% endif %}</script>'
        '<script>b("{{ base_url }}")</script>',
        encoding="utf-8",
    )
    shipped = csp.shipped_scripts([tmp_path])
    assert [csp.is_shipped(s, shipped) for s in ('go("https://evil.example")', "a()", 'b("..")')] == [
        False, False, True,
    ]


def test_nothing_a_page_carries_changes_the_site_policy(tmp_path: Path) -> None:
    """A page's own <meta> policy, or an HTML file of docs/, never widens the header (issue 25, class 3)."""
    (tmp_path / "index.html").write_text("<html><head></head><body></body></html>", encoding="utf-8")
    before = csp.site_policy(tmp_path)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.html").write_text(
        "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src * 'unsafe-inline'\">"
        "</head><body><script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    assert csp.site_policy(tmp_path) == before
    assert before == csp.BASE_POLICY | csp.HEADER_ONLY
