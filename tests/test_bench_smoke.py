"""A small run of each benchmark (a few guides, one round): a benchmark that silently stops comparing is
broken, so every way it measures must run here. Figures are not checked, only that each way ran and was
checked (bench/build.py checks each build's output itself). `make test` runs these; `make check` does not.

Not run here: bench-tests (it runs make check itself), bench-instructions (valgrind, minutes even at a
small size) and bench-lighthouse (needs npm).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.build import PRERENDERED, STOCK, ZENSICAL

from .conftest import ROOT, BuildResult
from .page_picks import first_guide, url_of

ZENSICAL_BIN = ROOT / ".venv-bench" / "bin" / "zensical"
BROKEN = ("FAILED", "WRONG OUTPUT", "failed", "n/a", "Traceback")


def _bench(*args: str, timeout: int = 900) -> str:
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-4000:]
    return output


def _ran(output: str, label: str) -> None:
    assert any(line.strip().startswith(label) and "checked:" in line for line in output.splitlines()), output[-4000:]


@pytest.fixture(scope="module")
def bench_build_output(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One small run of bench.build, every way (Zensical's when it is installed): both tests below read it."""
    zensical = ZENSICAL_BIN if ZENSICAL_BIN.exists() else tmp_path_factory.mktemp("bench") / "no-zensical"
    return _bench("bench.build", "--sizes", "3", "--runs", "1", "--zensical", str(zensical))


@pytest.mark.machinery
@pytest.mark.xdist_group("bench-build")
def test_bench_build_runs_every_way(bench_build_output: str) -> None:
    output = bench_build_output
    for label in ("project", STOCK, PRERENDERED):
        _ran(output, label)
    summary = output.split("\nsummary", 1)[1]
    assert not [line for line in summary.splitlines() if any(word in line for word in BROKEN)], summary


@pytest.mark.machinery
@pytest.mark.xdist_group("bench-build")
def test_bench_build_zensical_way_runs(request: pytest.FixtureRequest) -> None:
    if not ZENSICAL_BIN.exists():
        pytest.skip(f"{ZENSICAL_BIN.relative_to(ROOT)} is not installed: make .venv-bench/.installed (or bench-build)")
    _ran(request.getfixturevalue("bench_build_output"), ZENSICAL)


@pytest.mark.machinery
def test_bench_build_hooks_runs() -> None:
    output = _bench("bench.build_hooks", "--guides", "3", "--top", "5")
    assert "CPU-s" in output and "ozon/" in output and "Traceback" not in output


@pytest.mark.machinery
def test_bench_html_parsers_runs(built_site: BuildResult) -> None:
    output = _bench("bench.html_parsers", str(built_site.site), "--rounds", "1")
    assert "html.parser" in output and "Traceback" not in output


@pytest.mark.machinery
def test_bench_serve_runs_both_ways() -> None:
    output = _bench("bench.serve", "--guides", "3", "--saves", "1")
    # Each way's line carries a median only when a save was measured («no measurement» otherwise).
    measured = [line for line in output.splitlines() if " median " in line and "(1 saves)" in line]
    assert [("--dirty" in line, "full rebuild" in line) for line in measured] == [(True, False), (False, True)], output
    assert "Traceback" not in output


@pytest.mark.browser
def test_bench_weight_runs(built_site: BuildResult) -> None:
    guide = url_of(first_guide())
    output = _bench("bench.weight", str(built_site.site), "--guide", guide)
    assert "gzip" in output and "Traceback" not in output


@pytest.mark.browser
def test_bench_search_runs(built_site: BuildResult, tmp_path: Path) -> None:
    from bench.search import load_queries

    queries = tmp_path / "queries.yml"
    queries.write_text(
        "".join(f"- {{q: {q.text}, slug: {q.slug}}}\n" for q in load_queries()[:3]), encoding="utf-8"
    )
    output = _bench("bench.search", "--site", str(built_site.site), "--queries", str(queries), "--turns", "1")
    assert "hit@1" in output and "keyup → results painted" in output and "engine per query" in output
