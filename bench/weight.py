"""What a reader downloads: the home page and a guide (before search is opened), then the search.

    python -m bench.weight SITE_DIR [--guide zakaz-poteryalsya/]

Prints bytes, gzip bytes and requests per page, what opening search adds, and the search index
files on disk (raw/gzip). Budget: a guide is at most 60 KB gzip before search is opened.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitebuild.browse import CHROMIUM, CHROMIUM_ARGS, GUIDE_BUDGET_GZIP, Transfer, run_search, serve, settle

SEARCH_QUERY = "претензия"


def _kb(size: int) -> str:
    return f"{size / 1024:7.1f} KB"


def measure(site: Path, guide: str) -> None:
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        print(f"{'page':<34}{'requests':>9}{'bytes':>13}{'gzip':>13}")
        for name, path in (("home page", ""), (f"guide /{guide}", guide)):
            context = browser.new_context(locale="ru-RU")  # fresh cache: a first visit
            page = context.new_page()
            transfer = Transfer()
            page.on("response", transfer.record)
            page.goto(url + path)
            settle(page)
            print(f"{name:<34}{transfer.requests:>9}{_kb(transfer.raw_bytes):>13}{_kb(transfer.gzip_bytes):>13}")
            if path == guide:
                for resource, raw, packed in transfer.responses:
                    print(f"{'':<4}{resource.replace(url, '/'):<60}{_kb(raw)}{_kb(packed)}")
                before = Transfer(list(transfer.pending))
                run_search(page, SEARCH_QUERY)
                settle(page)
                added = Transfer(transfer.pending[before.requests:])
                sizes = f"{_kb(added.raw_bytes):>13}{_kb(added.gzip_bytes):>13}"
                print(f"{'  + opening search':<34}{added.requests:>9}{sizes}")
                for resource, raw, packed in added.responses:
                    print(f"{'':<4}{resource.replace(url, '/'):<60}{_kb(raw)}{_kb(packed)}")
                verdict = "within" if before.gzip_bytes <= GUIDE_BUDGET_GZIP else "OVER"
                print(f"budget: guide before search {_kb(before.gzip_bytes).strip()} gzip, "
                      f"{verdict} the {GUIDE_BUDGET_GZIP // 1024} KB budget")
            context.close()
        browser.close()
    print("search index files on disk:")
    for index in sorted(site.glob("search/*")):
        data = index.read_bytes()
        gzipped = _kb(len(gzip.compress(data, 6))).strip()
        print(f"  {index.relative_to(site)}: raw {_kb(len(data)).strip()}, gzip {gzipped}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--guide", default="zakaz-poteryalsya/")
    args = parser.parse_args()
    measure(args.site, args.guide)


if __name__ == "__main__":
    main()
