"""Internal links and anchors in the built HTML, including those templates and macros write."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import html_links

from .accepted_copy import GROUP, AcceptedCopy
from .conftest import ROOT, BuildResult
from .sitecheck_support import only_one, replace_in, run_check

NAME = html_links.NAME


def test_real_site_has_no_broken_internal_link(built_site: BuildResult) -> None:
    problems = run_check(NAME, ROOT, built_site.site)
    assert problems == [], "\n".join(map(str, problems))


def test_link_to_missing_page_in_html(built_copy: Path) -> None:
    page = built_copy / "brak" / "index.html"
    replace_in(page, "</article>", '<a href="nope/">x</a></article>')
    problem = only_one(run_check(NAME, ROOT, built_copy), 'href="nope/"', "does not exist")
    assert problem.path.endswith("brak/index.html") and problem.line > 1
    assert "docs/brak.md" in problem.message and "Fix: link to an existing page" in str(problem)


def test_link_to_missing_anchor_in_html(built_copy: Path) -> None:
    page = built_copy / "index.html"
    replace_in(page, "</article>", '<a href="zakaz-poteryalsya/#net-takogo">x</a></article>')
    problem = only_one(run_check(NAME, ROOT, built_copy), "#net-takogo")
    assert "zakaz-poteryalsya/index.html does not have" in problem.message


def test_root_relative_and_site_url_links_resolve(built_copy: Path) -> None:
    """Absolute links (404.html uses them) and our own canonical URLs are checked, not skipped."""
    page = built_copy / "slovar" / "index.html"
    replace_in(page, "</article>", '<a href="/net-stranicy/">a</a><a href="https://problema-s-ozon.ru/brak/#net">b</a></article>')
    problems = run_check(NAME, ROOT, built_copy)
    assert only_one(problems, 'href="/net-stranicy/"', "does not exist")
    assert only_one(problems, "#net", "brak/index.html does not have")


@pytest.mark.xdist_group(GROUP)
def test_link_a_macro_writes_passes_strict_build_but_not_sitecheck(accepted_copy: AcceptedCopy) -> None:
    """The gap this check closes: the strict build validates Markdown links, not raw HTML from macros."""
    result = accepted_copy.result
    assert result.ok, "the strict build should not see links inside raw HTML:\n" + result.output
    problem = only_one(run_check(NAME, accepted_copy.project, result.site), 'href="nope/"')
    assert accepted_copy.macro_page in problem.message
