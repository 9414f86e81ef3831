"""Issue 13: each class of hostile or careless input, injected into a copy of the project, is refused
with docs/PAGE.md:LINE or data/contacts.yml:LINE and the fix, or reaches the page as inert text.

Builds are the slow part: each test that builds breaks one thing and builds once.
"""

from __future__ import annotations

import re
import time
from html import unescape
from pathlib import Path

import pytest

from macros.front_matter_guard import front_matter_problems
from macros.yaml_source import YamlSourceError, read_yaml
from mkdocs.utils.meta import get_data
from ozon_help.plugins.csp import policy as csp
from sitecheck import raw_html
from sitecheck.project import Page

from .accepted_copy import ESCAPE_TRICK, GROUP, HOSTILE_IMAGE, HOSTILE_LINK, PARSER_TRICKS, AcceptedCopy
from .conftest import ROOT, BuildResult, build
from .page_picks import first_guide, first_other_page
from .refused_front_matter_copy import ALIAS_BOMB, RefusedFrontMatter
from .refused_front_matter_copy import GROUP as REFUSED_GROUP
from .sitecheck_support import copy_with_pages, replace_in, run_check
from .wrong_calls_copy import GROUP as WRONG_CALLS_GROUP
from .wrong_calls_copy import HOME, MISSPELT_CONTACT, MISSPELT_ON_OTHER_PAGE, VARIABLE_ON_HOME, WrongCalls

# The guide MkDocs renders first: a build that refuses it stops after one page (tests/page_picks.py).
GUIDE = first_guide()
# Wrong macro calls do not stop the build at once: their tests share one build (tests/wrong_calls_copy.py).
WRONG_CALLS = pytest.mark.xdist_group(WRONG_CALLS_GROUP)


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


def article(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def assert_inert(html: str) -> None:
    """Read as a browser would: no live javascript: link, external image, script or handler."""
    for tag in raw_html.tags(html):
        attrs = dict(tag.attrs)
        assert not attrs.get("href", "").lower().startswith("javascript:"), f"a live link: {tag}"
        assert "evil.example" not in attrs.get("src", ""), f"an external load: {tag}"
        assert not [name for name in attrs if name.startswith("on")], f"an event handler: {tag}"
        assert "alert" not in tag.text, f"a script: {tag}"


# --- 1 and 2: contact data is final HTML, never Markdown, and never in a title ------------------


@pytest.mark.xdist_group(GROUP)
def test_hostile_contact_values_show_as_text(accepted_copy: AcceptedCopy) -> None:
    """Every free-text contact field holds Markdown and HTML that would run script (tests/accepted_copy.py)."""
    result = accepted_copy.result
    assert result.ok, result.output
    for page in ("kontakty", "goryachaya-liniya", "podderzhka-ozon", "ustarevshie-kontakty"):
        html = article(result.site, page)
        assert_inert(html)
        assert "[подробнее](javascript:alert(1))" in html.replace("&#91;", "[").replace("&#93;", "]").replace(
            "&#40;", "("
        ).replace("&#41;", ")"), f"{page}: the hostile text is not shown as text"
    # The «не подтверждён» mark carries no title (Material's tooltips would insert it as HTML).
    marks = re.findall(r'<span class="contact-mark"[^>]*>', article(result.site, "kontakty"))
    assert marks and all("title=" not in mark for mark in marks)
    assert "&lt;img src=x onerror=alert(1)&gt;" in article(result.site, "kontakty")


def test_content_tooltips_stay_off() -> None:
    """Material's content.tooltips copies titles into the page with innerHTML (design notes)."""
    config = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"(?m)^\s*-\s*content\.tooltips\s*$", config)


# --- 3: front matter reaches the head only as plain text ----------------------------------------


UNSAFE_FRONT_MATTER = [
    ("title", 'title: Брак"><script>alert(1)</script>'),
    ("short", "short: '\"><script>alert(1)</script>'"),
    ("description", "description: '\"><img src=x onerror=alert(1)>'"),
    ("title", "title: Брак {{ config }}"),
    ("template", "template: redirect.html"),
    # Invisible and direction marks: two titles that read alike, a title that reads backwards (issue 25).
    ("title", "title: Брак\u200b"),
    ("title", "title: \u202eкарБ"),
    ("short", "short: Верните\u2066 товар"),
]


@pytest.mark.parametrize(("key", "line"), UNSAFE_FRONT_MATTER)
def test_unsafe_front_matter_is_refused_with_its_line(key: str, line: str) -> None:
    """What ozon/safety runs on every page, on the front matter as MkDocs' own reader gives it."""
    source = f"---\nasked:\n  - вопрос\n{line}\n---\n\n# Заголовок\n"
    _, meta = get_data(source)
    problems = front_matter_problems(meta, source)
    assert [(at, what.startswith(f"«{key}")) for at, what, _fix in problems] == [(4, True)], problems


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
def test_unsafe_front_matter_stops_the_build(project_copy: Path) -> None:
    """The build stops at the page with its line and the fix (the other values: the test above)."""
    key, line = UNSAFE_FRONT_MATTER[0]
    page = project_copy / GUIDE
    text = page.read_text(encoding="utf-8")
    # drop the key's current value (it may span lines), then put the hostile one first
    text = re.sub(rf"(?ms)^{key}:.*?(?=^\w+:|^---)", "", text, count=1)
    page.write_text(text.replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")
    result = build(project_copy)
    assert not result.ok
    assert f"{GUIDE}:{line_of(page, key + ':')}: «{key}" in result.output, result.output
    assert "Fix: " in result.output and "Traceback" not in result.output


HEADING_TITLES = ["Заголовок &lt;img src=x onerror=alert(1)&gt;", "Заголовок\u200b с невидимым"]


@pytest.mark.parametrize("title", HEADING_TITLES)
def test_a_title_from_a_heading_is_refused_as_markup_or_invisible(title: str) -> None:
    """What ozon/safety asks of a title MkDocs took from the page's heading (MkDocs unescapes it)."""
    from macros import front_matter_guard

    unescaped = unescape(title)  # as MkDocs reads the heading
    assert front_matter_guard.unsafe_part(unescaped) or front_matter_guard.invisible_part(unescaped)


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
def test_title_from_a_heading_is_checked_too(project_copy: Path) -> None:
    """The hook stops the build at the heading's line (each kind of title: the test above)."""
    title = HEADING_TITLES[0]
    source = first_other_page()  # a guide must have «title:»; other pages may take it from their heading
    page = project_copy / source
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*\n", "", text, count=1)
    heading = rf"\1\n# {title}\n"
    text = re.sub(r"(?m)^(---\n(?:.*\n)*?---\n)", heading, text, count=1)
    page.write_text(text, encoding="utf-8")
    result = build(project_copy)
    assert not result.ok
    assert f"{source}:{line_of(page, '# Заголовок')}: the page title" in result.output, result.output


# --- 4: the page language -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("{{ config }}", "reads the variable «config»"),
        ("{{ contact_book.channels }}", "reads an attribute or item"),
        ("{{ ''.__class__.__mro__ }}", "reads an attribute or item"),
        ('{{ "x" | upper }}', "applies the filter «upper»"),
        ("{{ lipsum() }}", "is not one of the site's macros"),
        ("{% include 'base.html' %}", "{% include %} is not allowed"),
        ("{% set x = 1 %}", "{% set %} is not allowed"),
        ('{{ phone(channel_id="rpn-ekc-phone", extra="x") }}', "has no argument «extra»"),
        ("{{ phone() }}", "needs «channel_id»"),
        ("{{ phone(1) }}", "an argument is not quoted text"),
    ],
)
def test_page_language_refuses_everything_but_macro_calls(call: str, expected: str) -> None:
    """The check itself, as `references` and the build run it on each page (macros/page_language.py), with the
    site's macro registry: the page is a pure function's input, no project copy needed (the copy below
    shows that the check reports it at the page's line)."""
    from macros.page_language import parse_page
    from sitecheck.references import _JINJA, registry

    front_matter_lines = 4
    body = "Текст до вызова.\n\n" + call + "\n\nТекст после.\n"
    problems = [p for p in parse_page(body, registry(ROOT), _JINJA, front_matter_lines).problems
                if expected in p.message]
    assert [p.line for p in problems] == [3 + front_matter_lines], problems
    assert problems[0].fix


def test_the_references_check_reports_the_page_language_at_the_page_line(project_copy: Path) -> None:
    page = project_copy / GUIDE
    call = "{{ config }}"
    replace_in(page, "{{ short_answer() }}", "{{ short_answer() }}\n\n" + call)
    problems = [p for p in run_check("references", project_copy) if "reads the variable «config»" in p.message]
    assert [(p.path, p.line) for p in problems] == [(GUIDE, line_of(page, call))], problems
    assert problems[0].fix


@WRONG_CALLS
def test_the_build_refuses_before_evaluating_and_names_the_editors_line(wrong_calls: WrongCalls) -> None:
    result = wrong_calls.result
    assert not result.ok and not wrong_calls.evaluate_marker.exists()
    where = f"{HOME}:{wrong_calls.line_of(HOME, wrong_calls.evaluate_call)}: "
    assert where in result.output and "Traceback" not in result.output, result.output


@WRONG_CALLS
def test_a_macro_error_names_the_line_with_front_matter_counted(wrong_calls: WrongCalls) -> None:
    result, guide, other = wrong_calls.result, wrong_calls.guide, wrong_calls.other
    assert not result.ok
    expected = f"{guide}:{wrong_calls.line_of(guide, MISSPELT_CONTACT)}: {MISSPELT_CONTACT}: no contact"
    assert expected in result.output and "Traceback" not in result.output, result.output
    # every wrong call of every page in one run, each at its line, quoted as written
    where = f"{other}:{wrong_calls.line_of(other, MISSPELT_ON_OTHER_PAGE)}: "
    assert f"{where}{MISSPELT_ON_OTHER_PAGE}: no contact" in result.output, result.output
    home_line = wrong_calls.line_of(HOME, VARIABLE_ON_HOME)
    assert f"{HOME}:{home_line}: {{{{ … }}}} reads the variable «city»" in result.output, result.output


# --- 5: raw HTML in pages -----------------------------------------------------------------------


def test_real_site_has_no_raw_html_outside_the_allow_list(built_site: BuildResult) -> None:
    problems = [p for p in run_check(raw_html.NAME, ROOT, built_site.site) if p.severity == "error"]
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("<script>alert(1)</script>", "<script> with inline code"),
        ('<script src="https://evil.example/x.js"></script>', "<script> with inline code or a script from elsewhere"),
        ('<script type="module" src="../assets/notes.js"></script>', "is not one of the site's page scripts"),
        ('<img src="x.png" onerror="alert(1)">', "onerror=…> runs script"),
        ('<a href="javascript:alert(1)">x</a>', "uses «javascript:»"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "uses «javascript:»"),
        ('<a href="data:text/html,<b>x</b>">x</a>', "uses «data:»"),
        (HOSTILE_LINK, "uses «javascript:»"),
        ("[x]: javascript:alert(1)", "uses «javascript:»"),
        (HOSTILE_IMAGE, "loads something from another site"),
        ('<object data="x.swf"></object>', "<object> is not allowed"),
        ('<embed src="x.swf">', "<embed> is not allowed"),
        ('<iframe src="https://evil.example/"></iframe>', "<iframe> is not allowed"),
        ('<form action="https://evil.example/"><input type="text"></form>', "<form> is not allowed"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta> is not allowed"),
        ('<img srcset="https://evil.example/x.png 2x" alt="">', "srcset=…> is not allowed"),
        ('<video poster="https://evil.example/x.png"></video>', "<video> is not allowed"),
        ('<span style="background:url(https://evil.example/x.png)">x</span>', "style=…> is not allowed"),
        ('<img src="https://evil.example/x.png" alt="">', "loads something from another site"),
    ],
)
def test_raw_html_outside_the_allow_list_is_refused_with_the_source_line(
    project_copy: Path, snippet: str, expected: str
) -> None:
    page = project_copy / GUIDE
    replace_in(page, "{{ short_answer() }}", "{{ short_answer() }}\n\nТекст.\n\n" + snippet + "\n")
    problems = [p for p in run_check(raw_html.NAME, project_copy) if expected in p.message]
    assert [(p.path, p.line) for p in problems] == [(GUIDE, line_of(page, snippet))], problems


@pytest.mark.xdist_group(GROUP)
def test_the_final_page_is_read_as_a_browser_reads_it(accepted_copy: AcceptedCopy) -> None:
    """The tricks (tests/accepted_copy.py) pass the build; the raw-HTML check of the built page finds each."""
    result, source = accepted_copy.result, accepted_copy.tricks_page
    assert result.ok, result.output
    page = accepted_copy.project / source
    found = run_check(raw_html.NAME, accepted_copy.project, result.site)
    problems = [p for p in found if "no template of the theme" in p.message]
    expected = [(source, line_of(page, trick)) for trick in PARSER_TRICKS]
    assert sorted((p.path, p.line) for p in problems) == expected, "\n".join(map(str, problems))
    escapes = [p for p in found if "closes an element it did not open" in p.message]
    assert [(p.path, p.line) for p in escapes] == [(source, line_of(page, ESCAPE_TRICK))], "\n".join(map(str, found))
    # And whatever a check misses, the policy does not trust: no such script is hashed.
    html = (result.site / Path(source).stem / "index.html").read_text(encoding="utf-8")
    policy = html[html.index('<meta http-equiv="Content-Security-Policy"') :].split(">", 1)[0]
    for number in range(1, 5):
        assert csp.script_hash(f"alert({number})") not in policy


def test_code_examples_and_the_claim_builder_script_pass() -> None:
    text = (
        "---\ntitle: T\n---\n\n```html\n<script>alert(1)</script>\n```\n\n`<iframe>`\n\n"
        '<script type="module" src="../assets/claim/form.js"></script>\n'
    )
    page = Page("t.md", "docs/t.md", text, {"title": "T"}, 4)
    assert raw_html.source_problems(page) == []


def test_the_built_article_is_checked_and_traced_to_its_source(project_copy: Path) -> None:
    """What only the build makes (an autolink <javascript:…>) is still reported against the page."""
    page = project_copy / GUIDE
    replace_in(page, "{{ short_answer() }}", "{{ short_answer() }}\n\nСм. <javascript:alert(1)>.\n")
    problems = run_check(raw_html.NAME, project_copy)
    assert any(p.path == GUIDE and p.line == line_of(page, "См. <javascript") for p in problems), problems


# --- 6: YAML --------------------------------------------------------------------------------------



def test_alias_bomb_fails_fast_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "contacts.yml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(YamlSourceError, match=r"contacts.yml:1: «&a» marks an entry to repeat"):
        read_yaml(path)
    assert time.perf_counter() - started < 1, "the bomb was expanded"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [("x: &x 1\ny: *x\n", "«&x» marks an entry"), ("x: {a: 1}\ny:\n  <<: {b: 2}\n", "«<<:» merges")],
)
def test_anchors_aliases_and_merge_keys_are_refused(tmp_path: Path, extra: str, expected: str) -> None:
    path = tmp_path / "denied.yml"
    path.write_text(extra, encoding="utf-8")
    with pytest.raises(YamlSourceError, match=expected):
        read_yaml(path)


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
def test_alias_bomb_in_contacts_stops_the_build_with_file_and_line(project_copy: Path) -> None:
    contacts = project_copy / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8") + "\n" + ALIAS_BOMB, encoding="utf-8")
    result = build(project_copy)
    assert not result.ok
    assert f"data/contacts.yml:{line_of(contacts, 'a: &a')}: «&a»" in result.output and "Traceback" not in result.output


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
@pytest.mark.xdist_group(REFUSED_GROUP)
def test_alias_bomb_in_front_matter_stops_the_build_before_mkdocs_reads_it(
    refused_front_matter: RefusedFrontMatter,
) -> None:
    result, page = refused_front_matter.result, refused_front_matter.bomb
    assert not result.ok
    line = line_of(refused_front_matter.project / page, "a: &a")
    assert f"{page}:{line}: «&a»" in result.output and "Traceback" not in result.output


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
def test_impossible_date_gives_line_and_fix(project_copy: Path) -> None:
    contacts = project_copy / "data" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    first = re.search(r"(?m)^(\s+checked: )\d{4}-\d\d-\d\d", text)
    assert first
    contacts.write_text(text[: first.start()] + first.group(1) + "2026-02-30" + text[first.end() :], encoding="utf-8")
    result = build(project_copy)
    assert not result.ok
    assert f"data/contacts.yml:{line_of(contacts, '2026-02-30')}: «2026-02-30» is not a real date" in result.output
    assert "write an existing date" in result.output and "Traceback" not in result.output


# --- 7: hand-typed contacts, denied hosts as the browser reads them, look-alikes in the data ----


@pytest.fixture
def guide_copy(tmp_path: Path) -> Path:
    """The project with only GUIDE in docs/ (mkdocs.yml and data/ whole): these checks judge each page and the
    contacts file on their own (sitecheck_support.copy_with_pages); the real site's runs cover every page."""
    return copy_with_pages(tmp_path / "project", GUIDE)


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("[позвоните](tel:+78005554943)", "tel: link typed by hand"),
        ("[напишите](mailto:help@example.ru)", "mailto: link typed by hand"),
        ('<a href="tel:+78005554943">позвоните</a>', "tel: link typed by hand"),
        ("Звоните: 8 800 <b>555</b>-49-43.", "phone number"),
        ("Звоните: 8 800 **555**-49-43.", "phone number"),
        ("Звоните: &#56; 800 555&#8209;49-43.", "phone number"),
        ("Звоните: 8&nbsp;800&nbsp;555&nbsp;49&nbsp;43.", "phone number"),
    ],
)
def test_hand_typed_contacts_are_found_however_written(guide_copy: Path, snippet: str, expected: str) -> None:
    page = guide_copy / GUIDE
    replace_in(page, "{{ short_answer() }}", "{{ short_answer() }}\n\n" + snippet + "\n")
    problems = [p for p in run_check("hand-typed-contacts", guide_copy) if expected in p.message]
    assert [(p.path, p.line) for p in problems][:1] == [(GUIDE, line_of(page, snippet))], problems
    assert "{{" in problems[0].fix


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


@pytest.mark.parametrize(
    "disguise",
    [
        lambda d: _full_width(d),  # ｆａｃｅｂｏｏｋ.com
        lambda d: d.replace(".", "\u3002"),  # ideographic full stop
        lambda d: "%" + format(ord(d[0]), "x") + d[1:],  # %66acebook.com
        lambda d: d.upper() + ".",  # FACEBOOK.COM.
    ],
)
def test_denied_hosts_are_compared_as_the_browser_reads_them(guide_copy: Path, disguise) -> None:
    from sitecheck.project import Project

    domain = next(iter(Project(guide_copy).denied_domains))
    url = f"https://{disguise(domain)}/page"
    page = guide_copy / GUIDE
    replace_in(page, "{{ short_answer() }}", f"{{{{ short_answer() }}}}\n\nСм. [страницу]({url}).\n")
    problems = [p for p in run_check("external-links", guide_copy) if domain in p.message]
    assert problems and {(p.path, p.line) for p in problems} == {(GUIDE, line_of(page, url))}, problems


def _swap_first(path: Path, key: str, change) -> int:
    """Rewrite the first `key:` value of the contacts file; return its line."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"(?m)^(\s+{key}: )(.+)$", text)
    assert match, key
    path.write_text(text[: match.start(2)] + change(match.group(2)) + text[match.end(2) :], encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1


def _cyrillic_o(value: str) -> str:
    at = value.index("o", value.index("@") if "@" in value else value.index("//"))
    return value[:at] + "\u043e" + value[at + 1 :]


@pytest.mark.parametrize(
    ("key", "change", "expected"),
    [
        ("url", _cyrillic_o, "mixes letters of Cyrillic and Latin scripts"),
        ("email", _cyrillic_o, "mixes letters of Cyrillic and Latin scripts"),
        ("number", lambda _: '"+7 701 123 45 67"', "is a number in KZ, not in Russia"),
    ],
)
def test_look_alikes_and_foreign_numbers_in_the_data(guide_copy: Path, key: str, change, expected: str) -> None:
    line = _swap_first(guide_copy / "data" / "contacts.yml", key, change)
    problems = [p for p in run_check("data", guide_copy) if expected in p.message]
    assert [(p.path, p.line) for p in problems] == [("data/contacts.yml", line)], run_check("data", guide_copy)


# --- The Content-Security-Policy in the built pages (the browser side: tests/test_site_walk.py) ---


def test_every_page_has_the_policy_before_any_script(built_site: BuildResult) -> None:
    shipped = csp.shipped_scripts(csp.default_template_dirs())
    for path in sorted(built_site.site.rglob("*.html")):
        if path.relative_to(built_site.site).parts[0] == "assets":
            continue
        html = path.read_text(encoding="utf-8")
        meta = html.find('<meta http-equiv="Content-Security-Policy"')
        assert meta != -1, f"{path}: no Content-Security-Policy"
        first_script = html.find("<script")
        assert first_script == -1 or meta < first_script, f"{path}: a script comes before the policy"
        policy = html[meta : html.index(">", meta)]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "object-src 'none'" in policy
        # Every inline script of the real site is one the theme ships, and is hashed.
        assert csp.untrusted_scripts(html, shipped) == [], path
        for needed in csp.trusted_script_hashes(html, shipped):
            assert needed in policy, f"{path}: an inline script without its hash"


def test_site_policy_is_the_base_and_the_shipped_hashes_for_a_header(built_site: BuildResult) -> None:
    policy = csp.render(csp.site_policy(built_site.site))
    assert policy.startswith("default-src 'none'; script-src 'self' 'sha256-")
    shipped = csp.shipped_scripts(csp.default_template_dirs())
    for path in built_site.site.rglob("*.html"):
        for needed in csp.trusted_script_hashes(path.read_text(encoding="utf-8"), shipped):
            assert needed in policy
    assert "'unsafe-inline'" not in policy and "form-action 'self'" in policy and "frame-ancestors 'none'" in policy


def test_json_blocks_are_not_hashed_and_scripts_with_src_are_not_either() -> None:
    html = '<script type="application/json">{"a": 1}</script><script src="x.js"></script><script>a()</script>'
    assert csp.inline_scripts(html) == ["a()"]
