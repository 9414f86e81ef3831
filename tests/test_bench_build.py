"""bench/build.py's own helpers: the check of each build's output, and Zensical's copy of the project."""

from __future__ import annotations

from pathlib import Path

from bench.build import check_guides, zensical_project

GOOD = '<h2 id="korotko">Коротко</h2><p>Позвоните: <a class="contact-value" href="tel:+78005554943">8 (800)</a></p>'
NO_PHONE = '<h2 id="korotko">Коротко</h2><p>Напишите в чат.</p>'


def fake_site(root: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        page = root / "synthetic" / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    (root / "index.html").write_text("<html>{{ not a guide }}</html>", encoding="utf-8")
    return root


def test_a_complete_build_passes(tmp_path: Path) -> None:
    check = check_guides(fake_site(tmp_path, {"sluchaj-0001": GOOD, "sluchaj-0002": NO_PHONE}), 2)
    assert (check.pages, check.with_phone, check.problems) == (2, 1, [])


def test_missing_pages_are_counted(tmp_path: Path) -> None:
    check = check_guides(fake_site(tmp_path, {"sluchaj-0001": GOOD}), 3)
    assert check.problems == [f"1 guide pages under {tmp_path / 'synthetic'}, expected 3"]


def test_a_page_without_the_short_answer_or_with_a_raw_macro_fails(tmp_path: Path) -> None:
    site = fake_site(tmp_path, {
        "sluchaj-0001": GOOD,
        "sluchaj-0002": "<p>{{ short_answer() }}</p>",
        "sluchaj-0003": GOOD + '<p>{{phone("x")}}</p>',
    })
    problems = check_guides(site, 3).problems
    assert len(problems) == 2
    assert "1 guide pages lack the «Коротко» heading of short_answer(), e.g. sluchaj-0002" in problems[0]
    assert "2 guide pages still contain a `{{ macro(` call, e.g. sluchaj-0002" in problems[1]


def test_no_phone_anywhere_fails(tmp_path: Path) -> None:
    problems = check_guides(fake_site(tmp_path, {"sluchaj-0001": NO_PHONE}), 1).problems
    assert problems == ["no guide page has a tel: link: phone() did not run"]


def test_an_empty_build_fails(tmp_path: Path) -> None:
    assert check_guides(tmp_path, 5).problems == [f"0 guide pages under {tmp_path / 'synthetic'}, expected 5"]


def test_zensicals_copy_drops_the_booklet_call_and_the_other_builds_output(tmp_path: Path, capsys) -> None:
    copy = tmp_path / "guides"
    (copy / "docs" / "assets").mkdir(parents=True)
    (copy / "site").mkdir()
    (copy / "site" / "index.html").write_text("old", encoding="utf-8")
    (copy / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (copy / "mkdocs.stock.yml").write_text("site_name: x\n", encoding="utf-8")
    (copy / "docs" / "assets" / "site.css").write_text("body{}", encoding="utf-8")
    (copy / "docs" / "pechat.md").write_text("# Печать\n\nТекст.\n\n{{ booklet() }}\n\nКонец.\n", encoding="utf-8")
    out = zensical_project(copy, tmp_path / "zensical")
    assert (out / "docs" / "pechat.md").read_text(encoding="utf-8") == "# Печать\n\nТекст.\n\n\nКонец.\n"
    assert (out / "docs" / "assets" / "site.css").exists() and (out / "mkdocs.yml").exists()
    assert not (out / "site").exists() and not (out / "mkdocs.stock.yml").exists()
    assert "docs/pechat.md without {{ booklet() }}" in capsys.readouterr().out
    assert (copy / "docs" / "pechat.md").read_text(encoding="utf-8").count("{{ booklet() }}") == 1
