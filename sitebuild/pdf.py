"""One page of the built site printed to a PDF, as a reader's Chromium prints it (A4, print styles).

    make pdf PAGE=brak                 # pdf/brak.pdf from site/brak/
    make pdf PAGE=pechat/zakaz-i-dostavka PDF_DIR=/tmp/out

PAGE is the page's address on the site without slashes around it (`brak`, `pechat`, `index` for the
home page): a path of Latin lower-case words, nothing else, so it can never name a file outside the
built site. The PDF is named after it (`pechat--zakaz-i-dostavka.pdf` for a nested one).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .browse import CHROMIUM, CHROMIUM_ARGS, serve

PAGE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
LOAD_SECONDS = 60


class PdfError(ValueError):
    """The page cannot be printed; the message says what to write instead."""


def built_page(site: Path, page: str) -> Path:
    """The built HTML of `page`, or PdfError naming the fix."""
    page = page.strip().strip("/")
    if not PAGE.match(page):
        raise PdfError(
            f"PAGE={page!r} is not a page address; write the page's file name without .md, like PAGE=brak"
        )
    html = site / "index.html" if page == "index" else site / page / "index.html"
    if not html.is_file():
        known = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("*/index.html"))
        near = [k for k in known if k.startswith(page[:3])][:5]
        hint = f" Did you mean {', '.join(near)}?" if near else ""
        raise PdfError(f"no page «{page}» in {site}/ (build first: make build).{hint}")
    return html


def pdf_name(page: str) -> str:
    return page.strip("/").replace("/", "--") + ".pdf"


def print_page(site: Path, page: str, out_dir: Path) -> Path:
    """Print `page` of the built `site` into out_dir/<page>.pdf with Chromium; return the file."""
    from playwright.sync_api import sync_playwright

    html = built_page(site, page)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / pdf_name(page.strip().strip("/"))
    path = "" if html.parent == site else html.parent.relative_to(site).as_posix() + "/"
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            tab = browser.new_page(locale="ru-RU")
            tab.emulate_media(media="print")
            tab.goto(url + path, wait_until="load", timeout=LOAD_SECONDS * 1000)
            tab.pdf(path=str(out), prefer_css_page_size=True, print_background=False)
        finally:
            browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", required=True, help="the page's address without slashes, like brak")
    parser.add_argument("--out-dir", type=Path, default=Path("pdf"))
    args = parser.parse_args(argv)
    try:
        out = print_page(args.site, args.page, args.out_dir)
    except PdfError as error:
        print(f"make pdf: {error}", file=sys.stderr)
        return 2
    print(f"{out}: {out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
