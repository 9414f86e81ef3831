"""Build-time benchmark: how the build scales with the number of guides, and against stock setups.

    python -m bench.build --sizes 100 400 1000 --runs 3 --zensical .venv-bench/bin/zensical

For each size, bench/synthetic.py writes a copy of the project with that many synthetic guides next
to the real ones; each copy is built `--runs` times and the median is printed, wall-clock and CPU
(user+sys of the build process). The machine is shared, so CPU seconds are the steadier figure.
At the largest size the same pages are built four ways side by side, in `--runs` rounds that each
build every way once (the order rotates), and each ratio is the median of the per-round ratios, so
a slow minute on the machine weighs on both sides of a ratio. The ways:
  - project:    this project's mkdocs.yml;
  - stock:      stock Material configuration: no navigation.prune, no nav_cache hook, same plugins;
  - zensical:   Zensical 0.0.73 reading the same mkdocs.yml but with its own templates (no
                theme.custom_dir: overrides/ is written for Material 9's); its own venv; it shims the macros
                plugin and runs macros/ through macros/host.py). It runs no MkDocs plugins of ozon_help/ (so no
                booklet) and no page hooks of the macros; the run prints what differs;
  - pre-rendered: macros replaced by their output (rendered once, saved), macros plugin removed;
                the project's own overhead is project / pre-rendered. Its law check reads the pages
                as written, as the project's does (LAW_HOOK).
Every build's output is checked (check_guides): all synthetic guide pages are there, each with the
«Коротко» heading short_answer() writes and no unrendered `{{ macro() }}`, and phone() wrote tel:
links. A build that skipped pages or macros is reported as failed, never timed.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sitebuild.project import SITE_PARTS
from sitebuild.synthetic import make_project, stock_config

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
DUMP_HOOK = '''
"""Benchmark only: save each page's markdown after the macros ran, under its own front matter."""
import os, sys
from pathlib import Path
from mkdocs.plugins import event_priority


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    from macros.front_matter import front_matter_block  # the project's reader (importable once the plugins ran)

    source = Path(config.docs_dir) / page.file.src_path
    if not source.is_file():
        return markdown  # a page a hook makes (the section booklets): the pre-rendered build makes it again
    out = Path(os.environ["BENCH_DUMP_DIR"]) / page.file.src_path
    out.parent.mkdir(parents=True, exist_ok=True)
    # The front matter as the author wrote it, not page.meta: the plugins and macros add keys to that (a
    # feedback address with «&», values met twice that PyYAML would write as «&id001» anchors), and the
    # project's front-matter reader refuses both; the pre-rendered build's plugins add theirs again.
    found = front_matter_block(source.read_text(encoding="utf-8-sig"))
    meta = found[0] if found else ""
    # Macro output is a token until Markdown runs (macros/safe_html.py): save the HTML itself.
    stash = getattr(sys.modules.get("macros.safe_html"), "STASH", None)
    saved = stash.expand(markdown) if stash is not None else markdown
    out.write_text("---\\n" + meta + "---\\n\\n" + saved, encoding="utf-8")
    return markdown
'''

# The law check reads the pages as written (ozon/law_check: citations next to their `law_figure()` calls);
# in the pre-rendered copy those calls are their output, which it would rightly refuse. So that copy runs
# the same check on the same pages the project's build reads: the copy with the macros, at SOURCE.
LAW_HOOK = '''
"""Benchmark only: ozon/law_check on the pages as written (SOURCE), as the project's build runs it."""
from ozon_help.plugins.law_check.plugin import LawCheckPlugin


def on_post_build(config):
    LawCheckPlugin().on_post_build(config={"config_file_path": SOURCE})
'''
LAW_CHECK_LINE = "  - ozon/law_check"  # the start of mkdocs.yml's line for the plugin


def with_hook(config: str, hook: str) -> str:
    """mkdocs.yml with one more hook, a file under hooks/ (the only place ozon/config_guard allows one)."""
    return config.rstrip("\n") + f"\nhooks:\n  - {hook}\n"


ZENSICAL_DIFFERS = (
    "same copy and mkdocs.yml without theme.custom_dir (its own templates: overrides/ is written for Material 9's); "
    "Zensical 0.0.73 runs macros/ (macros/host.py) but no MkDocs plugins of ozon_help/ "
    "(so no booklet on pechat.md, Material's own search index, no nav cache) and no on_pre/on_post_page_macros"
)
GUIDE_FOLDER = "synthetic"  # bench/synthetic.py writes docs/synthetic/sluchaj-NNNN.md
_UNRENDERED = re.compile(r"\{\{\s*\w+\s*\(")  # a macro call left in the page: `{{ phone(`


@dataclass
class GuideCheck:
    pages: int  # synthetic guide pages found in the built site
    with_phone: int  # of them, pages with a tel: link
    problems: list[str]


def check_guides(site: Path, expected: int) -> GuideCheck:
    """Did this build produce every synthetic guide, with its macros' output? (site uses directory URLs)"""
    pages = sorted((site / GUIDE_FOLDER).glob("*/index.html"))
    problems = (
        [] if len(pages) == expected else [f"{len(pages)} guide pages under {site / GUIDE_FOLDER}, expected {expected}"]
    )
    no_short, unrendered, with_phone = [], [], 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'id="korotko"' not in html or "Коротко" not in html:
            no_short.append(page.parent.name)
        if _UNRENDERED.search(html):
            unrendered.append(page.parent.name)
        with_phone += 'href="tel:' in html
    if no_short:
        problems.append(f"{len(no_short)} guide pages lack the «Коротко» heading of short_answer(), e.g. {no_short[0]}")
    if unrendered:
        problems.append(f"{len(unrendered)} guide pages still contain a `{{{{ macro(` call, e.g. {unrendered[0]}")
    if pages and not with_phone:
        problems.append("no guide page has a tel: link: phone() did not run")
    return GuideCheck(len(pages), with_phone, problems)


@dataclass
class Timing:
    wall: float
    cpu: float
    ok: bool
    output: str


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu, proc.returncode == 0, proc.stdout + proc.stderr)


def drop_block(config: str, first_line: str) -> str:
    """Remove a YAML list item or key and the lines indented under it."""
    lines = config.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == first_line)
    indent = len(first_line) - len(first_line.lstrip()) + (2 if first_line.lstrip().startswith("- ") else 0)
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    return "".join(lines[:start] + lines[end:])


@dataclass(frozen=True)
class Way:
    """One way of building the same pages."""

    label: str
    command: list[str]
    cwd: Path
    site: Path  # where this way writes the site, for check_guides
    env: dict[str, str]


def run_once(way: Way, guides: int, run: int) -> Timing | None:
    """One build; None (and a printed reason) if it fails or its output misses guides or macros."""
    timing = timed(way.command, way.cwd, way.env)
    if not timing.ok:
        print(
            f"  {way.label}: FAILED (run {run}):\n"
            + "\n".join("    " + line for line in timing.output.strip().splitlines()[-15:]),
            flush=True,
        )
        return None
    check = check_guides(way.site, guides)
    if check.problems:
        print(
            f"  {way.label}: WRONG OUTPUT (run {run}), not timed:\n" + "\n".join("    " + p for p in check.problems),
            flush=True,
        )
        return None
    print(
        f"    {way.label:<34} run {run}: wall {timing.wall:6.1f} s, cpu {timing.cpu:6.1f} s;"
        f" checked: {check.pages} guide pages with «Коротко», {check.with_phone} with a tel: link",
        flush=True,
    )
    return timing


def median(timings: list[Timing]) -> Timing | None:
    if not timings:
        return None
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings), True, "")


def series(way: Way, runs: int, guides: int) -> Timing | None:
    """Median of `runs` builds of one way; None if any build fails its check."""
    timings = []
    for run in range(1, runs + 1):
        timing = run_once(way, guides, run)
        if timing is None:
            return None
        timings.append(timing)
    return median(timings)


def interleaved(ways: list[Way], runs: int, guides: int) -> dict[str, list[Timing]]:
    """`runs` rounds, each building every way once, in an order that rotates from round to round.

    The machine is shared and its speed drifts over minutes; building the ways side by side and
    comparing them round by round keeps that drift out of the ratios. A way that fails is dropped.
    """
    results: dict[str, list[Timing]] = {way.label: [] for way in ways}
    alive = list(ways)
    for run in range(1, runs + 1):
        shift = (run - 1) % len(alive) if alive else 0
        for way in alive[shift:] + alive[:shift]:
            timing = run_once(way, guides, run)
            if timing is None:
                results[way.label] = []
                alive.remove(way)
            else:
                results[way.label].append(timing)
    return results


def paired_ratio(a: list[Timing], b: list[Timing]) -> str:
    """Median over rounds of a/b, wall and cpu, with the range; rounds are paired by position."""
    if not a or not b or len(a) != len(b):
        return "n/a"
    wall = [x.wall / y.wall for x, y in zip(a, b, strict=True)]
    cpu = [x.cpu / y.cpu for x, y in zip(a, b, strict=True)]
    return (
        f"wall {statistics.median(wall):.2f}x, cpu {statistics.median(cpu):.2f}x"
        f"  (cpu per round {min(cpu):.2f}-{max(cpu):.2f}, {len(cpu)} rounds)"
    )


def ratio(a: Timing | None, b: Timing | None) -> str:
    if not a or not b:
        return "n/a"
    return f"wall {a.wall / b.wall:.2f}x, cpu {a.cpu / b.cpu:.2f}x"


def prerendered_copy(copy: Path, config: str, work: Path, env: dict[str, str]) -> Path | None:
    """The same pages with every macro replaced by its output and the macros plugin removed."""
    dump_dir = work / f"prerendered-{copy.name}"
    shutil.rmtree(dump_dir, ignore_errors=True)
    (copy / "hooks").mkdir(exist_ok=True)
    (copy / "hooks" / "bench_dump_markdown.py").write_text(DUMP_HOOK, encoding="utf-8")  # hooks/ only (config_guard)
    dump_config = with_hook(config, "hooks/bench_dump_markdown.py")
    (copy / "mkdocs.dump.yml").write_text(dump_config, encoding="utf-8")
    dumped = timed(
        MKDOCS + ["-f", "mkdocs.dump.yml", "-d", str(work / "site-dump")],
        copy,
        dict(env, BENCH_DUMP_DIR=str(dump_dir / "docs")),
    )
    if not dumped.ok:
        print("  pre-rendered: the dump build failed:\n" + dumped.output[-2000:])
        return None
    for part in (copy / "docs").rglob("*"):  # assets and other non-Markdown files as they are
        target = dump_dir / "docs" / part.relative_to(copy / "docs")
        if part.is_file() and part.suffix != ".md":
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(part, target)
    # Every folder the build reads but docs/ (macros/ stays importable: ozon/booklet words the print date
    # with it; sitecheck/ too: ozon/law_check runs its law check); only the macros plugin goes.
    for folder in (part for part in SITE_PARTS if part != "docs"):
        if (copy / folder).is_dir():
            shutil.copytree(copy / folder, dump_dir / folder, dirs_exist_ok=True)
    # The dump's pages hold the macros' HTML on single long lines: ozon/docs_files' bound on a line (for
    # what editors type) stays out; the limit way measures rendering.
    prerendered = "".join(
        line
        for line in drop_block(config, "  - macros:").splitlines(keepends=True)
        if not line.startswith("  - ozon/docs_files")
    )
    if LAW_CHECK_LINE in prerendered:
        (dump_dir / "hooks").mkdir(exist_ok=True)
        (dump_dir / "hooks" / "bench_law_check.py").write_text(  # under hooks/: config_guard allows no other
            LAW_HOOK.replace("SOURCE", repr(str(copy / "mkdocs.yml"))), encoding="utf-8"
        )
        prerendered = with_hook("".join(line for line in prerendered.splitlines(keepends=True)
                                        if not line.startswith(LAW_CHECK_LINE)), "hooks/bench_law_check.py")
    (dump_dir / "mkdocs.yml").write_text(prerendered, encoding="utf-8")
    return dump_dir


STOCK = "stock Material (no prune, no hook)"
ZENSICAL = "zensical"
PRERENDERED = "pre-rendered, no macros plugin"


def zensical_config(config: str) -> str:
    """mkdocs.yml for Zensical: its own templates. The project's overrides/ are written for Material 9's
    (they call its `lang.t`, read keys its plugins set), which Zensical's template engine refuses."""
    lines = [line for line in config.splitlines(keepends=True) if not line.lstrip().startswith("custom_dir:")]
    return "".join(lines)


def comparison_ways(copy: Path, work: Path, env: dict[str, str], zensical_bin: Path | None) -> list[Way]:
    """The same pages built this project's way, stock Material's, Zensical's (if given) and pre-rendered."""
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    (copy / "mkdocs.stock.yml").write_text(stock_config(config), encoding="utf-8")
    ways = [
        Way("project", MKDOCS + ["-d", str(work / "site-project")], copy, work / "site-project", env),
        Way(STOCK, MKDOCS + ["-f", "mkdocs.stock.yml", "-d", str(work / "site-stock")], copy, work / "site-stock", env),
    ]
    if zensical_bin is not None:
        (copy / "mkdocs.zensical.yml").write_text(zensical_config(config), encoding="utf-8")
        ways.append(
            Way(
                ZENSICAL,
                [str(zensical_bin), "build", "--clean", "--strict", "-f", "mkdocs.zensical.yml"],
                copy,
                copy / "site",
                env,
            )
        )
    dump_dir = prerendered_copy(copy, config, work, env)
    if dump_dir is not None:
        ways.append(
            Way(PRERENDERED, MKDOCS + ["-d", str(work / "site-prerendered")], dump_dir, work / "site-prerendered", env)
        )
    return ways


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1000])
    parser.add_argument("--runs", type=int, default=3, help="builds of each way at each size (rounds at the largest)")
    parser.add_argument("--zensical", default=".venv-bench/bin/zensical")
    parser.add_argument("--keep", type=Path, default=None, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    print(
        f"bench-build: sizes {args.sizes}, {args.runs} runs each; {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}"
    )
    largest, smallest = max(args.sizes), min(args.sizes)
    project: dict[int, Timing | None] = {}
    for size in sorted(set(args.sizes) - {largest}):
        copy = make_project(size, work / f"guides-{size}")
        print(f"{size} synthetic guides (+ the real pages):", flush=True)
        project[size] = series(
            Way("project", MKDOCS + ["-d", str(work / f"site-{size}")], copy, work / f"site-{size}", env),
            args.runs,
            size,
        )

    copy = make_project(largest, work / f"guides-{largest}")
    zensical_bin: Path | None = Path(args.zensical).resolve()
    if zensical_bin is not None and zensical_bin.exists():
        print(f"  zensical: {ZENSICAL_DIFFERS}", flush=True)
    else:
        print(f"  zensical: not installed at {zensical_bin} (make bench-build installs it)")
        zensical_bin = None
    ways = comparison_ways(copy, work, env, zensical_bin)
    print(
        f"{largest} synthetic guides (+ the real pages), {len(ways)} ways side by side, {args.runs} rounds:", flush=True
    )
    results = interleaved(ways, args.runs, largest)
    project[largest] = median(results["project"])

    print(f"\nsummary (medians; cpu = user+sys seconds of the build process; load now {os.getloadavg()[0]:.1f})")

    def line(label: str, figures: str) -> None:
        print(f"  {label:<46} {figures}")

    for size in sorted(args.sizes):
        t = project[size]
        line(f"project, {size} guides", f"wall {t.wall:6.1f} s, cpu {t.cpu:6.1f} s" if t else "failed")
    for way in ways[1:]:
        t = median(results[way.label])
        line(f"{way.label}, {largest} guides", f"wall {t.wall:6.1f} s, cpu {t.cpu:6.1f} s" if t else "failed")
    if smallest != largest:
        line(f"t({largest}) / t({smallest})", f"{ratio(project[largest], project[smallest])}   (target <= 10)")
    targets = {STOCK: "<= 0.25", ZENSICAL: "< 1", PRERENDERED: "<= 1.15"}
    for way in ways[1:]:
        line(
            f"project / {way.label}",
            f"{paired_ratio(results['project'], results[way.label])}   (target {targets[way.label]})",
        )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
