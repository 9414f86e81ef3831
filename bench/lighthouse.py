"""Lighthouse (mobile preset) on four pages of the site: the four scores and LCP/TBT/CLS, medians of runs.

    python -m bench.lighthouse --site dist/site          # serves it with nginx (deploy/preview.py)
    python -m bench.lighthouse --url http://127.0.0.1:8000/   # any server already running

Lighthouse 12.2.3 comes from node_modules (package-lock.json, `npm ci`) and drives Debian's Chromium.
Prints figures, never passes or fails: on a shared machine the performance score moves by a few points
between runs, so each figure is the median of --runs runs (3 by default).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Home, a guide, the claim builder (the heaviest script), the booklet (the longest page).
PAGES = (("home", ""), ("guide", "zakaz-poteryalsya/"), ("claim builder", "konstruktor-pretenzii/"),
         ("booklet", "pechat/"))


@dataclass(frozen=True)
class Run:
    scores: dict[str, float]
    lcp_ms: float
    tbt_ms: float
    cls: float
    failed_audits: tuple[str, ...]


def run_once(url: str) -> Run:
    """One Lighthouse run in a fresh Chromium profile; the JSON report goes to a temporary file."""
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            check=True, env=dict(os.environ, CHROME_PATH=CHROME_PATH), cwd=tmp,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    failed = tuple(
        sorted(ref["id"] for cat in data["categories"].values() for ref in cat["auditRefs"]
               if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)
               and cat["id"] != "performance")
    )
    return Run(
        scores={c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES},
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        failed_audits=failed,
    )


def report(base_url: str, runs: int) -> None:
    print(f"Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4x CPU slowdown), median of {runs} runs")
    print(f"{'page':<15}{'perf':>6}{'a11y':>6}{'b.p.':>6}{'seo':>6}{'LCP s':>8}{'TBT ms':>8}{'CLS':>7}  below 100")
    for name, path in PAGES:
        results = [run_once(base_url + path) for _ in range(runs)]
        median = {c: statistics.median(r.scores[c] for r in results) for c in CATEGORIES}
        lcp = statistics.median(r.lcp_ms for r in results) / 1000
        tbt = statistics.median(r.tbt_ms for r in results)
        cls = statistics.median(r.cls for r in results)
        failed = sorted({a for r in results for a in r.failed_audits})
        perf_spread = "/".join(str(r.scores["performance"]) for r in results)
        print(f"{name:<15}{median['performance']:>6.0f}{median['accessibility']:>6.0f}"
              f"{median['best-practices']:>6.0f}{median['seo']:>6.0f}{lcp:>8.2f}{tbt:>8.0f}{cls:>7.3f}  "
              f"{', '.join(failed) or '-'}  (perf runs {perf_spread})")
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--site", type=Path, help="a built site folder, served by nginx for the run")
    where.add_argument("--url", help="base URL of a server already running, ending in /")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` (make bench-lighthouse does)")
    with ExitStack() as stack:
        if args.site:
            from deploy.preview import running_preview

            base_url = stack.enter_context(running_preview(args.site)).url
        else:
            base_url = args.url
        report(base_url, args.runs)


if __name__ == "__main__":
    main()
