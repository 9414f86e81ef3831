"""make pdf PAGE=brak (sitebuild/pdf.py): one page of the built site printed to a named PDF by Chromium."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import pdf
from sitecheck.project import Project

from .conftest import ROOT, BuildResult
from .page_picks import first_guide


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for page in ("brak", "pechat/zakaz-i-dostavka", "."):
        (site / page).mkdir(parents=True, exist_ok=True)
        (site / page / "index.html").write_text("<html></html>", encoding="utf-8")
    return site


@pytest.mark.parametrize(
    ("page", "html", "name"),
    [
        ("brak", "brak/index.html", "brak.pdf"),
        ("/brak/", "brak/index.html", "brak.pdf"),
        ("pechat/zakaz-i-dostavka", "pechat/zakaz-i-dostavka/index.html", "pechat--zakaz-i-dostavka.pdf"),
        ("index", "index.html", "index.pdf"),
    ],
)
def test_a_page_address_names_its_built_file_and_its_pdf(tmp_path: Path, page: str, html: str, name: str) -> None:
    site = _site(tmp_path)
    assert pdf.built_page(site, page) == site / html
    assert pdf.pdf_name(page) == name


@pytest.mark.parametrize("page", ["../etc/passwd", "brak.md", "Брак", "brak/../..", "", "a b", "/etc"])
def test_anything_but_a_page_address_is_refused(tmp_path: Path, page: str) -> None:
    with pytest.raises(pdf.PdfError):
        pdf.built_page(_site(tmp_path), page)


def test_a_missing_page_says_what_there_is(tmp_path: Path) -> None:
    with pytest.raises(pdf.PdfError, match=r"no page «bra».*Did you mean brak\?"):
        pdf.built_page(_site(tmp_path), "bra")


def test_make_pdf_refuses_a_bad_page_without_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "sitebuild.pdf", "--site", str(_site(tmp_path)), "--page", "../x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2 and "make pdf: PAGE='../x' is not a page address" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.browser
def test_a_guide_prints_to_its_named_pdf(built_site: BuildResult, tmp_path: Path) -> None:
    guide = first_guide().removeprefix("docs/").removesuffix(".md")
    # As `make pdf` runs it: a process of its own (Playwright's sync API refuses to start inside a test
    # process whose browser fixtures already run an event loop).
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitebuild.pdf",
            "--site",
            str(built_site.site),
            "--page",
            guide,
            "--out-dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = tmp_path / f"{guide}.pdf"
    assert out.is_file()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True, check=True)
    title = Project(ROOT).pages[f"{guide}.md"].title
    assert title and " ".join(title.split()[:2]) in " ".join(text.stdout.split())
