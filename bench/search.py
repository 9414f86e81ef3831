"""Search benchmark: types buyers' queries into the built site's search box and prints figures.

For each query in bench/search_queries.yml and bench/search_queries_held_out.yml (reported apart)
it clears Material's search box, inserts the query and presses End (Material listens to keyup;
Playwright sends none for Cyrillic text), then reads the result list. Printed: hit@1 and hit@3
(the expected guide is the first / among the first three pages listed), the median and 95th
percentile of the time from that last keyup to the next paint after the result list changed, the
time until the index is ready, and the index size raw and gzip.
Figures, not pass/fail: the targets live in the search issue.

    python -m bench.search                       # the real site
    python -m bench.search --synthetic 1000      # the real site plus 1000 synthetic guides
    python -m bench.search --stock               # the same with Material's stock lunr worker
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import math
import re
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse


ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "bench" / "search_queries.yml"  # the tuned set: ranking changes are measured on it
HELD_OUT = ROOT / "bench" / "search_queries_held_out.yml"  # never tuned on: says whether search got better
MAX_QUERY_FILE_BYTES = 1_000_000
PLUGIN_LINE = re.compile(r"^  - ozon/search_ru(?:\s+#.*)?\n", re.M)  # mkdocs.yml's line for our search plugin

# Installed before any page script: remember the last keyup and paint after each change of results.
PROBE = """
window.__bench = { keyup: 0, painted: 0, ready: 0, turned: 0, first: 0 };
document.addEventListener("keyup", () => { window.__bench.keyup = performance.now() }, true);
// the reader turns to search: the page's own trigger (overrides/main.html) listens to the same events
for (const type of ["pointerover", "focusin"])
  document.addEventListener(type, (e) => {
    if (!window.__bench.turned && e.target.closest && e.target.closest(".md-search, label[for=__search]"))
      window.__bench.turned = performance.now();
  }, true);
document.addEventListener("DOMContentLoaded", () => {
  const result = document.querySelector(".md-search-result");
  const meta = document.querySelector(".md-search-result__meta");
  const initial = meta.textContent;
  new MutationObserver(() => {
    requestAnimationFrame(() => {
      window.__bench.painted = performance.now();
      if (!window.__bench.first && result.querySelector(".md-search-result__item"))
        window.__bench.first = window.__bench.painted;
    });
    if (!window.__bench.ready && meta.textContent !== initial) window.__bench.ready = performance.now();
  }).observe(result, { childList: true, subtree: true, characterData: true });
});
"""


@dataclass(frozen=True)
class Query:
    text: str
    slug: str
    added: str = ""  # which set the query belongs to («issue-16»); empty for the first set


@dataclass
class Outcome:
    query: Query
    rank: int | None  # 1-based position of the expected guide among result pages
    millis: float
    top: list[str] = field(default_factory=list)


def load_queries(path: Path = QUERIES) -> list[Query]:
    from macros.yaml_source import YamlSourceError, read_yaml

    if path.stat().st_size > MAX_QUERY_FILE_BYTES:
        raise ValueError(f"{path}: larger than {MAX_QUERY_FILE_BYTES} bytes; a query file is a list of short lines")
    try:
        raw = read_yaml(path).data  # refuses anchors, aliases and duplicate keys, with the line
    except YamlSourceError as error:
        raise ValueError(str(error)) from None
    if not isinstance(raw, list):
        raise ValueError(f"{path}:1: a query file is a list of «- {{q: …, slug: …}}» lines")
    queries = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not item.get("q") or not item.get("slug"):
            raise ValueError(f"{path}: entry {number} needs «q:» (the query) and «slug:» (the guide)")
        unknown = set(item) - {"q", "slug", "added"}
        if unknown:
            raise ValueError(f"{path}: entry {number} has unknown keys {sorted(unknown)}; use q, slug and added")
        queries.append(Query(str(item["q"]), str(item["slug"]), str(item.get("added") or "")))
    return queries


def slug_of(href: str) -> str:
    """The page slug of a result link: http://host/zakaz-poteryalsya/?h=x#y → zakaz-poteryalsya."""
    path = urlparse(href).path.strip("/")
    if path.endswith(".html"):  # use_directory_urls: false (offline builds)
        path = path[: -len(".html")]
    last = path.split("/")[-1] if path else ""
    return "" if last == "index" else last


def rank_of(hrefs: list[str], slug: str) -> int | None:
    slugs = [slug_of(href) for href in hrefs]
    return slugs.index(slug) + 1 if slug in slugs else None


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))
    return ordered[index]


def index_size(site: Path) -> tuple[int, int]:
    """What a search downloads before its first results: the index and its prebuilt postings."""
    raw = packed = 0
    for name in ("search_index.json", "search_prebuilt.json"):
        path = site / "search" / name
        if path.is_file():
            data = path.read_bytes()
            raw, packed = raw + len(data), packed + len(gzip.compress(data, compresslevel=9))
    return raw, packed


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def _wait_for(page, expression: str, timeout: float = 30.0) -> None:
    # as a function, not a bare expression: Playwright eval()s a bare one in the page, and the site's
    # Content-Security-Policy (ozon/csp) forbids eval
    page.wait_for_function(f"() => ({expression})", timeout=timeout * 1000)


def search_once(page, text: str) -> tuple[list[str], float]:
    """Type one query; return the result pages' links in order and the keyup-to-paint time in ms."""
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.evaluate("el => { el.value = '' }")
        box.press("End")
        _wait_for(page, "window.__bench.painted > window.__bench.keyup")
        page.wait_for_timeout(60)
    box.evaluate("(el, text) => { el.value = text }", text)  # what insert_text does, in one step
    box.press("End")
    _wait_for(page, "window.__bench.painted > window.__bench.keyup")
    millis = page.evaluate("window.__bench.painted - window.__bench.keyup")
    page.wait_for_timeout(150)  # let Material render the rest of the list before reading it
    hrefs = page.eval_on_selector_all(".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
    return hrefs, millis


TURNS = 5  # page loads measured from turning to search to the first results (the machine is shared)


# Turning to search and typing in one step inside the page: focus the box (the page's trigger starts
# the index download), put the query in and send the keyup Material listens to. Done with separate
# Playwright calls (click, fill, press) the keyup came up to 400 ms after the turn on a loaded machine,
# and the figure measured the harness's round trips instead of the page.
TURN_AND_TYPE = """(text) => {
  const box = document.querySelector("input.md-search__input");
  box.focus();
  box.value = text;
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
}"""


def turn_to_search(page, url: str, text: str) -> tuple[float, float]:
    """Open a page, turn to search and type at once, as a reader does: ms to the first results
    painted and to the index being ready, from the moment the reader turned to search."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # the reader reads a moment before turning to search
    page.evaluate(TURN_AND_TYPE, text)
    _wait_for(page, "window.__bench.first > 0 && window.__bench.ready > 0", timeout=120)
    return (
        page.evaluate("window.__bench.first - window.__bench.turned"),
        page.evaluate("window.__bench.ready - window.__bench.turned"),
    )


def run(site: Path, queries: list[Query], label: str, turns: int = TURNS) -> list[Outcome]:
    from playwright.sync_api import sync_playwright

    from sitebuild.browse import CHROMIUM, CHROMIUM_ARGS

    outcomes = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        started = time.perf_counter()
        firsts, readies = [], []
        for _ in range(turns):
            page = browser.new_page(locale="ru-RU", viewport={"width": 1280, "height": 900})
            page.add_init_script(PROBE)
            first, ready = turn_to_search(page, url, queries[0].text)
            firsts.append(first)
            readies.append(ready)
            page.close()
        print(
            f"[{label}] after the reader turns to search ({turns} page loads, median): index ready "
            f"{statistics.median(readies):.0f} ms, first results painted {statistics.median(firsts):.0f} ms "
            f"(each: {', '.join(f'{v:.0f}' for v in firsts)}; {time.perf_counter() - started:.1f} s wall)"
        )
        page = browser.new_page(locale="ru-RU", viewport={"width": 1280, "height": 900})
        page.add_init_script(PROBE)
        page.goto(url, wait_until="load")
        page.locator("input.md-search__input").click()
        _wait_for(page, "window.__bench.ready > 0", timeout=120)
        for query in queries:
            hrefs, millis = search_once(page, query.text)
            top = [slug_of(h) or "(home)" for h in hrefs[:3]]
            outcomes.append(Outcome(query, rank_of(hrefs, query.slug), millis, top))
        browser.close()
    return outcomes


def hits(outcomes: list[Outcome]) -> str:
    """hit@1 and hit@3 of some outcomes, as one line."""
    total = len(outcomes)
    hit1 = sum(1 for o in outcomes if o.rank == 1)
    hit3 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 3)
    return f"hit@1 {hit1}/{total} = {100 * hit1 / total:.1f} %   hit@3 {hit3}/{total} = {100 * hit3 / total:.1f} %"


def report(label: str, site: Path, outcomes: list[Outcome]) -> None:
    total = len(outcomes)
    times = [o.millis for o in outcomes]
    raw, packed = index_size(site)
    print(f"\n== {label}: {total} queries")
    print(f"all queries      {hits(outcomes)}")
    for added in sorted({o.query.added for o in outcomes}):
        subset = [o for o in outcomes if o.query.added == added]
        print(f"{(('added: ' + added) if added else 'first set'):<16} {hits(subset)}")
    print(
        f"keyup → results painted: median {statistics.median(times):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms"
    )
    print(f"search_index.json + search_prebuilt.json: {raw / 1024:.1f} KB raw, {packed / 1024:.1f} KB gzip")
    misses = [o for o in outcomes if o.rank != 1]
    if misses:
        print("not first:")
        for o in misses:
            where = f"rank {o.rank}" if o.rank else "missing"
            print(f"  «{o.query.text}» → {o.query.slug}: {where}; top: {', '.join(o.top) or '(none)'}")


def engine_times(site: Path, queries: list[Query]) -> None:
    """The engine's own time per query under Node (bench/search_engine.mjs), for the worker's share."""
    import json
    import subprocess

    index = site / "search" / "search_index.json"
    if "search_ru" not in json.loads(index.read_text(encoding="utf-8")).get("config", {}):
        return  # stock lunr: not our engine
    result = subprocess.run(
        ["node", str(ROOT / "bench" / "search_engine.mjs"), str(index)],
        input=json.dumps([q.text for q in queries], ensure_ascii=False),
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout.rstrip() or f"engine timing failed: {result.stderr[-2000:]}")


def without_search_hook(config_text: str) -> str:
    """mkdocs.yml without our search plugin (ozon/search_ru), so Material's stock worker and index are used."""
    return PLUGIN_LINE.sub("", config_text, count=1)


def build_site(project: Path, out: Path) -> Path:
    from sitebuild import build

    started = time.perf_counter()
    result = build(project, out)
    if not result.ok:
        raise SystemExit(f"build failed:\n{result.output[-3000:]}")
    print(f"built {project} in {time.perf_counter() - started:.0f} s")
    return result.site


def prepare(workdir: Path, synthetic: int, stock: bool) -> Path:
    """A project copy to build: the real one, optionally with synthetic guides or without our search."""
    from sitebuild import copy_project
    from sitebuild.synthetic import make_project

    project = workdir / "project"
    if synthetic:
        make_project(synthetic, project)
    else:
        copy_project(project)
    if stock:
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        if not PLUGIN_LINE.search(text):
            raise SystemExit(f"{config}: expected «- ozon/search_ru» under plugins: to switch to stock search")
        config.write_text(without_search_hook(text), encoding="utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=0, help="add N synthetic guides (bench/synthetic.py)")
    parser.add_argument("--stock", action="store_true", help="Material's stock lunr search, for comparison")
    parser.add_argument("--site", type=Path, help="an already built site to measure instead of building")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--turns", type=int, default=TURNS, help="page loads timed from turning to search")
    args = parser.parse_args()
    queries = load_queries(args.queries)
    if args.queries == QUERIES:  # the held-out set is reported apart: only its figure says search got better
        queries += [Query(q.text, q.slug, "held-out") for q in load_queries(HELD_OUT)]
    where = f", +{args.synthetic} synthetic guides" if args.synthetic else ", real site"
    if args.site:
        where = f", {args.site}"
    label = ("stock lunr" if args.stock else "search-ru") + where
    if args.site:
        report(label, args.site, run(args.site, queries, label, args.turns))
        engine_times(args.site, queries)
        return
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        workdir = Path(tmp)
        site = build_site(prepare(workdir, args.synthetic, args.stock), workdir / "site")
        report(label, site, run(site, queries, label, args.turns))
        engine_times(site, queries)


if __name__ == "__main__":
    main()
