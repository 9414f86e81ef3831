"""bench/build.py's check of each build's output: every guide page built, with its macros' output."""

from __future__ import annotations

from pathlib import Path

from bench.build import check_guides

from .conftest import ROOT

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


def test_ratios_are_medians_of_paired_rounds() -> None:
    from bench.build import Timing, paired_ratio

    def t(cpu: float) -> Timing:
        return Timing(cpu, cpu, True, "")

    # round 2 ran on a slow machine: both sides slowed, the paired ratio does not move
    project, stock = [t(20), t(40), t(21)], [t(80), t(160), t(70)]
    assert paired_ratio(project, stock) == "wall 0.25x, cpu 0.25x  (cpu per round 0.25-0.30, 3 rounds)"
    assert paired_ratio(project, []) == "n/a" and paired_ratio(project, stock[:2]) == "n/a"


def test_rounds_rotate_the_order_and_drop_a_failing_way(monkeypatch, tmp_path: Path) -> None:
    import bench.build as build

    order: list[tuple[int, str]] = []

    def fake_run_once(way: build.Way, guides: int, run: int) -> build.Timing | None:
        order.append((run, way.label))
        return None if way.label == "broken" and run == 2 else build.Timing(1.0, 1.0, True, "")

    monkeypatch.setattr(build, "run_once", fake_run_once)
    ways = [build.Way(label, [], tmp_path, tmp_path, {}) for label in ("a", "b", "broken")]
    results = build.interleaved(ways, 3, 1)
    assert order == [(1, "a"), (1, "b"), (1, "broken"), (2, "b"), (2, "broken"), (2, "a"), (3, "a"), (3, "b")]
    assert [len(results[label]) for label in ("a", "b", "broken")] == [3, 3, 0]


def test_instruction_total_is_read_from_callgrinds_last_line() -> None:
    from bench.instructions import parse_total

    stderr = (
        "==7== Callgrind, a call-graph generating cache profiler\n==7== Collected : 21088420864\n"
        "==7==\n==7== I   refs:      21,088,420,864\n"
    )
    assert parse_total(stderr) == 21088420864
    assert parse_total("INFO - Documentation built\n") is None


def test_zensical_reads_the_same_config_with_its_own_templates() -> None:
    from bench.build import zensical_config

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    changed = zensical_config(config)
    assert "custom_dir:" in config and "custom_dir:" not in changed
    dropped = [line for line in config.splitlines() if line not in changed.splitlines()]
    assert len(dropped) == 1 and dropped[0].strip().startswith("custom_dir:")

