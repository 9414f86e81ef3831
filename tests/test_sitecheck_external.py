"""External links: https only, no denied domain (docs, HTML, live data), no third-party request."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitecheck import external
from sitecheck.project import Project

from .conftest import ROOT, BuildResult
from .contact_picks import install_fixture_contacts, live_book
from .sitecheck_support import append_to, copy_with_pages, errors_about, only_one, replace_in, run_check

NAME = external.NAME


def test_real_site_passes(built_site: BuildResult) -> None:
    problems = run_check(NAME, ROOT, built_site.site)
    assert problems == [], "\n".join(map(str, problems))


def test_deny_list_holds_the_banned_and_the_dead() -> None:
    domains = Project(ROOT).denied_domains
    assert {"facebook.com", "instagram.com", "fb.com", "ocourier.ru", "ozon-guide.ru"} <= set(domains)
    assert all(why for why in domains.values()), "every denied domain says why"


@pytest.fixture
def glossary_copy(tmp_path: Path) -> Path:
    """The project with only the glossary in docs/ (mkdocs.yml and data/ whole): the check judges each page and
    the contacts file on its own (sitecheck_support.copy_with_pages); test_real_site_passes covers every page."""
    return copy_with_pages(tmp_path / "project", "docs/slovar.md")


def test_http_link_in_markdown(glossary_copy: Path) -> None:
    append_to(glossary_copy / "docs" / "slovar.md", "\n[Госуслуги](http://www.gosuslugi.ru/)\n")
    problem = only_one(run_check(NAME, glossary_copy), "http://www.gosuslugi.ru/", "not https")
    assert problem.path == "docs/slovar.md" and problem.line > 1


@pytest.mark.parametrize(
    "text",
    [
        "[Ozon в Facebook](https://www.facebook.com/ozon.ru)",
        "<https://instagram.com/ozon>",
        "Сайт www.ocourier.ru больше не работает.",
        "Не верьте статьям вроде ozon-guide.ru.",
    ],
)
def test_denied_domain_in_markdown(glossary_copy: Path, text: str) -> None:
    append_to(glossary_copy / "docs" / "slovar.md", f"\n{text}\n")
    problem = only_one(run_check(NAME, glossary_copy), "is on the deny list")
    assert problem.path == "docs/slovar.md"
    assert "data/denied-domains.yml" in problem.message


def test_denied_domain_in_live_contact(glossary_copy: Path) -> None:
    contacts = install_fixture_contacts(glossary_copy)  # frozen values: the live file may change
    replace_in(contacts, "url: https://vk.com/ozon", "url: https://m.facebook.com/ozon")
    problem = only_one(run_check(NAME, glossary_copy), "ozon-vk", "facebook.com is on the deny list")
    assert problem.path == "data/contacts.yml" and problem.line > 100


def test_obsolete_contact_may_keep_its_dead_url(glossary_copy: Path) -> None:
    """o-courier-form holds https://www.ocourier.ru/feedback/: allowed while it is obsolete ..."""
    contacts = install_fixture_contacts(glossary_copy).read_text(encoding="utf-8")
    assert "url: https://www.ocourier.ru/feedback/" in contacts
    assert errors_about(run_check(NAME, glossary_copy), "ocourier") == []


def test_obsolete_dead_url_is_never_rendered_as_a_link(built_copy: Path) -> None:
    """... because the HTML part would catch it the moment a template rendered it as a link."""
    page = built_copy / "ustarevshie-kontakty" / "index.html"
    html = page.read_text(encoding="utf-8")
    for channel in live_book().obsolete():
        url = getattr(channel, "url", None)
        if url is not None:
            assert f'href="{url}"' not in html, f"the outdated page shows {url} as text, not as a link"
    replace_in(page, "</article>", '<a href="https://www.ocourier.ru/feedback/">форма</a></article>')
    problem = only_one(run_check(NAME, ROOT, built_copy), "ocourier.ru is on the deny list")
    assert problem.path.endswith("ustarevshie-kontakty/index.html")


def test_http_link_from_template_in_html(built_copy: Path) -> None:
    replace_in(built_copy / "brak" / "index.html", "</article>", '<a href="http://example.org/">x</a></article>')
    assert only_one(run_check(NAME, ROOT, built_copy), 'href="http://example.org/"', "not https")


def test_third_party_request_in_html(built_copy: Path) -> None:
    replace_in(built_copy / "index.html", "</head>", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head>')
    problem = only_one(run_check(NAME, ROOT, built_copy), "fonts.googleapis.com", "asks")
    assert "docs/assets/" in problem.fix
