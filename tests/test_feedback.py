"""«Нашли ошибку или устаревший факт?»: the link's address (macros/feedback.py) and the built pages.

Fixture contacts only: the real data/contacts.yml has no editors' address, and the site must not
invent one, so the real build shows no link (tested below too).
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.contacts_data import ContactBook, load_contacts
from macros.feedback import FeedbackConfigError, FeedbackTarget, feedback_href, feedback_target
from macros.guide_index import guides, read_front_matter

from sitecheck.project import Project

from .conftest import ROOT, BuildResult, build, copy_project
from .page_picks import booklet_page, first_other_page

FIXTURE_CONTACTS = """\
organizations:
  - id: editors
    name: Редакция
    kind: authority
    about: Редакция справочника, тестовые данные.
    channels:
      - id: editors-email
        type: email
        label: Почта редакции
        email: redakciya@example.org
        status: current
        source: тестовые данные
        checked: 2026-01-01
      - id: editors-old-email
        type: email
        label: Старая почта редакции
        email: old@example.org
        status: unconfirmed
        source: тестовые данные
        checked: 2026-01-01
        seen: тестовые данные
      - id: editors-site
        type: web
        label: Сайт редакции
        url: https://example.org/
        status: current
        source: тестовые данные
        checked: 2026-01-01
"""
FEEDBACK_LINK = re.compile(r'<div class="feedback">\s*<p><a href="([^"]+)">Нашли ошибку')


@pytest.fixture
def book(tmp_path: Path) -> ContactBook:
    path = tmp_path / "contacts.yml"
    path.write_text(FIXTURE_CONTACTS, encoding="utf-8")
    return load_contacts(path)


def _query(href: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query, strict_parsing=True).items()}


# ---- the address -------------------------------------------------------------------------------


def test_nothing_configured_means_no_link(book: ContactBook) -> None:
    assert feedback_target(None, book) is None
    assert feedback_target({}, book) is None
    assert feedback_target({"feedback": {}}, book) is None
    assert feedback_target({"feedback": {"contact": "", "issue_form": ""}}, book) is None


def test_mailto_carries_title_and_page_address_encoded(book: ContactBook) -> None:
    target = feedback_target({"feedback": {"contact": "editors-email"}}, book)
    assert target == FeedbackTarget("email", "redakciya@example.org")
    assert target is not None  # for the type checker
    title = 'Цена & «скидка» #1? a=b / "x"'
    url = "https://example.org/zakaz-otmenili/?x=1&y=2#sudy"
    href = feedback_href(target, title, url)
    assert href.startswith("mailto:redakciya@example.org?subject=")
    assert " " not in href and "\n" not in href and '"' not in href and "<" not in href
    fields = _query(href)
    assert set(fields) == {"subject", "body"}  # the & and = inside the title and URL did not split anything
    assert title in fields["subject"]
    assert f"Страница: {url}\r\n" in fields["body"]  # RFC 6068 line breaks
    assert "\n" not in fields["body"].replace("\r\n", "")


def test_issue_form_gets_title_and_body_and_keeps_its_own_query(book: ContactBook) -> None:
    plain = feedback_target({"feedback": {"issue_form": "https://example.org/o/r/issues/new"}}, book)
    assert plain is not None
    href = feedback_href(plain, "Подделка", "https://example.org/poddelka/")
    assert href.startswith("https://example.org/o/r/issues/new?title=")
    assert _query(href)["title"] == "Ошибка на странице «Подделка»"
    assert "https://example.org/poddelka/" in _query(href)["body"]
    with_template = FeedbackTarget("issue_form", "https://example.org/o/r/issues/new?template=error.yml")
    fields = _query(feedback_href(with_template, "Подделка", "https://example.org/poddelka/"))
    assert fields["template"] == "error.yml" and "title" in fields and "body" in fields


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"contact": "editors-emial"}, "not in data/contacts.yml. Did you mean 'editors-email'"),
        ({"contact": "editors-site"}, "is a web, not an e-mail"),
        ({"contact": "editors-old-email"}, "is unconfirmed"),
        ({"issue_form": "http://example.org/o/r/issues/new"}, "is not an https address"),
        ({"issue_form": "https://example.org/new#top"}, "has a #fragment"),
        ({"contact": "editors-email", "issue_form": "https://example.org/new"}, "not both"),
        ({"email": "x@example.org"}, "unknown key(s) email"),
        ("redakciya@example.org", "write a mapping"),
    ],
)
def test_wrong_settings_say_what_to_write(book: ContactBook, settings: object, message: str) -> None:
    with pytest.raises(FeedbackConfigError) as error:
        feedback_target({"feedback": settings}, book)
    assert "mkdocs.yml, extra.feedback" in str(error.value) and message in str(error.value)


# ---- the built site ----------------------------------------------------------------------------


def _guide_pages(site: Path, project: Path) -> dict[str, Path]:
    with (project / "mkdocs.yml").open(encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    found = {}
    for guide in guides(project / "docs", nav):
        slug = Path(guide.src_path).with_suffix("").as_posix()
        found[guide.src_path] = site / slug / "index.html"
    assert len(found) > 20, "the navigation lists the guides"
    return found


def _with_feedback(config_text: str, setting: str) -> str:
    """mkdocs.yml with `extra.feedback` set to `setting`, whatever the real site configures."""
    changed, count = re.subn(r"(?m)^  feedback: .*$", f"  feedback: {setting}", config_text, count=1)
    assert count == 1, "mkdocs.yml has no «  feedback:» line under extra:"
    return changed


def test_real_site_links_every_guide_to_the_configured_address(built_site: BuildResult) -> None:
    """The address is read from mkdocs.yml and data/contacts.yml, not typed here."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    target = feedback_target(config.get("extra"), load_contacts(ROOT / "data" / "contacts.yml"))
    assert target is not None, "mkdocs.yml names no feedback address"
    assert 'class="feedback"' not in (built_site.site / "index.html").read_text(encoding="utf-8")
    for page in _guide_pages(built_site.site, ROOT).values():
        html = page.read_text(encoding="utf-8")
        assert html.count('class="feedback"') == 1, page
        assert f'href="mailto:{target.address}?' in html or f'href="{target.address}?' in html, page


# The two tests of the configured copy (one in a browser) share its build on one worker.
CONFIGURED = pytest.mark.xdist_group("feedback-configured")


@pytest.fixture(scope="session")
def configured(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A copy whose mkdocs.yml sends feedback to a fixture editors' e-mail, built."""
    project_copy = copy_project(tmp_path_factory.mktemp("feedback") / "project")
    contacts = project_copy / "data" / "contacts.yml"
    fixture_org = FIXTURE_CONTACTS.split("organizations:\n", 1)[1]
    contacts.write_text(contacts.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + fixture_org, encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(_with_feedback(text, "{contact: editors-email}"), encoding="utf-8")
    return build(project_copy)


@pytest.mark.machinery
@CONFIGURED
def test_configured_address_puts_the_link_on_every_guide_and_nowhere_else(configured: BuildResult) -> None:
    result, project_copy = configured, configured.project
    assert result.ok, result.output
    site_url = "https://problema-s-ozon.ru/"
    for src, page in _guide_pages(result.site, project_copy).items():
        html = page.read_text(encoding="utf-8")
        links = FEEDBACK_LINK.findall(html)
        assert len(links) == 1, f"{src}: {len(links)} feedback links"
        href = unescape(links[0])
        assert href.startswith("mailto:redakciya@example.org?subject=")
        fields = _query(href)
        title = str(read_front_matter(project_copy / "docs" / src)["title"])
        assert title in fields["subject"], src
        assert f"Страница: {site_url}{Path(src).with_suffix('').as_posix()}/" in fields["body"], src
    project = Project(project_copy)
    others = [project.built_page(result.site, page.removeprefix("docs/"))  # picked, not named: tests/page_picks.py
              for page in ("docs/index.md", first_other_page(project_copy), booklet_page(project_copy))]
    for not_a_guide in others:
        assert 'class="feedback"' not in not_a_guide.read_text(encoding="utf-8"), not_a_guide


def test_a_wrong_setting_stops_the_build_with_the_fix_and_no_traceback(project_copy: Path) -> None:
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(_with_feedback(text, "{contact: ozon-chat}"), encoding="utf-8")
    result = build(project_copy)
    assert not result.ok
    line = config.read_text(encoding="utf-8").split("\n").index("  feedback: {contact: ozon-chat}") + 1
    assert f"mkdocs.yml:{line}: extra.feedback: contact «ozon-chat» is a chat, not an e-mail" in result.output
    assert "Traceback" not in result.output


# ---- in the browser -----------------------------------------------------------------------------


@pytest.mark.browser
@CONFIGURED
def test_link_is_accessible_sends_nothing_and_stays_off_paper(configured: BuildResult, shared_context) -> None:
    import functools
    import http.server
    import threading

    from .site_pages import SCHEMES, axe_violations, describe

    result = configured
    assert result.ok, result.output

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(result.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # shutdown() waits for the loop's next poll: half a second at the default interval
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        for scheme in sorted(SCHEMES):
            # A clean tab of the shared context per palette, its media set before it loads anything: what a
            # context opened with color_scheme and reduced_motion sees (tests/test_shared_context.py).
            with shared_context.tab() as page:
                page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
                page.goto(base + "poddelka/")
                link = page.get_by_role("link", name="Нашли ошибку или устаревший факт? Напишите редакции")
                assert link.is_visible()
                assert (link.get_attribute("href") or "").startswith("mailto:redakciya@example.org?subject=")
                violations = axe_violations(page)
                assert not violations, describe(violations)
                outside = [url for url in page.requests if not url.startswith(base)]
                assert not outside, outside
                page.emulate_media(media="print")
                assert not link.is_visible(), "the link is hidden in print"
    finally:
        server.shutdown()
