"""The plugins that keep a page light: purged Material CSS (ozon/purge_css), minified own CSS,
per-page stylesheets and the search worker loader (ozon/page_assets)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import tinycss2
from mkdocs.exceptions import PluginError

from ozon_help.plugins.page_assets.assets import page_stylesheets
from ozon_help.plugins.purge_css.minify import minify
from ozon_help.plugins.purge_css.names import page_names, runtime_classes
from ozon_help.plugins.purge_css.purge import TARGETS, purge, selector_can_match
from sitebuild.project import ROOT

from .conftest import BuildResult, build, copy_project
from .page_picks import first_guide

CONFIG = {"theme": {"features": ["content.tooltips"]}, "plugins": {}, "extra": {}}


def test_selector_needs_every_class_and_a_configured_palette() -> None:
    classes = {"md-typeset", "admonition", "note"}
    attributes = {("data-md-color-primary", "indigo"), ("dir", "ltr")}
    assert selector_can_match(".md-typeset .admonition.note", classes, attributes)
    assert not selector_can_match(".md-typeset .admonition.bug", classes, attributes)
    assert not selector_can_match("[dir=rtl] .md-typeset", classes, attributes)
    assert not selector_can_match('[data-md-color-primary="red"]', classes, attributes)
    assert selector_can_match("[data-md-color-primary=indigo]", classes, attributes)
    # arguments of :not()/:is() never decide: the rule can only be kept too often
    assert selector_can_match(".md-typeset:not(.unknown)", classes, attributes)
    assert selector_can_match('a[href$=".pdf"]', classes, attributes)


def test_page_names_are_read_from_elements_only() -> None:
    classes: set[str] = set()
    attributes: set[tuple[str, str]] = set()
    html = (
        '<html dir="ltr"><body data-md-color-scheme="slate"><!-- <p class="in-comment"> -->'
        '<script>el.className = "<b class=in-script>"</script>'
        '<p class=" md-typeset  admonition ">т</p><svg class="md-icon"></svg><x-y class=custom></x-y>'
        '<template id="t>"><li class="from-template"><template><b class=nested></b></template></li></template>'
        "</body></html>"
    )
    page_names(html.encode(), classes, attributes)
    # scripts count through runtime_classes; a <template>'s content counts (a script puts it on the page)
    assert classes == {"md-typeset", "admonition", "md-icon", "custom", "from-template", "nested"}
    assert attributes == {("dir", "ltr"), ("data-md-color-scheme", "slate")}


def test_runtime_components_count_only_when_their_feature_is_on() -> None:
    names = {"md-tooltip2__inner", "md-version__list", "md-search-result__item", "totally-new"}
    kept = runtime_classes(names, page_classes={"md-search-result"}, config=CONFIG)
    assert kept == {"md-tooltip2__inner", "md-search-result__item", "totally-new"}
    with_version = dict(CONFIG, extra={"version": {"provider": "mike"}})
    assert "md-version__list" in runtime_classes(names, set(), with_version)


def test_purge_keeps_rules_that_can_match_and_the_properties_they_read() -> None:
    css = (":root{--used:1px;--unused:2px;--chain:var(--used)}"
           ".keep{margin:var(--chain)}.drop{padding:var(--unused)}"
           "@media screen{.drop,.keep:hover{color:red}}[dir=rtl] .keep{float:right}")
    out = purge({Path("main.css"): css}, other_css="", scripts="", classes={"keep"}, attributes={("dir", "ltr")})
    text = out[Path("main.css")]
    assert ".keep{margin:var(--chain)}" in text
    assert "@media screen{.keep:hover{color:red}}" in text
    assert ".drop" not in text and "rtl" not in text
    assert "--unused" not in text and "--used:1px" in text and "--chain:var(--used)" in text


def _words(tokens: list[Any]) -> str:
    """Tokens with white space collapsed, functions and blocks spelled out."""
    words = []
    for t in tokens:
        if t.type == "function":
            words.append(f"{t.lower_name}( {_words(t.arguments)} )")
        elif t.type.endswith("block"):
            words.append(f"{t.type[0]} {_words(t.content)} {t.type[1]}")
        elif t.type not in ("whitespace", "comment"):
            words.append(tinycss2.serialize([t]))
    return " ".join(words)


def _declarations(body: list[Any]) -> list[tuple[str, Any, bool]]:
    """A block's declarations, and its nested at-rules (@page's margin boxes) read the same way."""
    return [(d.lower_name, _words(d.value), d.important) if d.type == "declaration"
            else (f"@{d.lower_at_keyword} {_words(d.prelude)}", _declarations(d.content or []), False)
            for d in tinycss2.parse_blocks_contents(body, skip_comments=True, skip_whitespace=True)]


def _rules(css: str) -> list[tuple[str, Any]]:
    """Each rule's selector and declarations with white space collapsed: what a browser reads from them."""
    out: list[tuple[str, Any]] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        body = rule.content or []
        if rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            out += [(f"@{rule.lower_at_keyword} {_words(rule.prelude)} > {selector}", declarations)
                    for selector, declarations in _rules(tinycss2.serialize(body))]
        elif rule.type == "at-rule":
            out.append((f"@{rule.lower_at_keyword} {_words(rule.prelude)}", _declarations(body)))
        else:
            out.append((_words(rule.prelude), _declarations(body)))
    return out


MINIFY_CASES = {
    "comments, combinators, strings, functions": """/* comment */
.a  >  .b ,
.c { content: "x ,  y" ;  margin : calc(1px + 2px)  auto ; ; }
.d  .e ~ .f + .g:not( .h ) { width: clamp(1rem, 2vw + 1rem, 3rem) }""",
    "@media, @supports and !important": """@media screen and (max-width: 40em) { .d { color : red !important } }
@supports (display: grid) and (not (display: inline-grid)) { .e { display: grid } }""",
    "@page and its margin boxes": """@page { size: A4; margin: 14mm 15mm;
  @bottom-center { content: counter(page) " из " counter(pages); font-size: 11pt } }""",
    "a quoted url() with a space (rcssmin would take the space out)":
        """.x { background: url( "a b.png" ) no-repeat; }""",
}


@pytest.mark.parametrize("css", MINIFY_CASES.values(), ids=MINIFY_CASES.keys())
def test_minify_keeps_every_rule_and_drops_only_comments(css: str) -> None:
    out = minify(css)
    assert "comment" not in out or "url(" in css  # a stylesheet rcssmin would break ships as written
    assert len(out) <= len(css)
    assert _rules(out) == _rules(css)


def test_minify_shortens_the_site_s_own_stylesheets_without_changing_a_rule() -> None:
    for path in sorted((ROOT / "docs" / "assets").rglob("*.css")):
        css = path.read_text(encoding="utf-8")
        out = minify(css)
        assert len(out) < len(css) * 0.9, path
        assert _rules(out) == _rules(css), path


def test_built_site_links_purged_stylesheets_only(built_site: BuildResult) -> None:
    folder = built_site.site / "assets" / "stylesheets"
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if TARGETS.match(n)]) == 2 and not any(n.endswith(".map") for n in names)
    page = (built_site.site / "zakaz-poteryalsya" / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="\.\./assets/stylesheets/([^"]+)"', page)
    assert sorted(linked) == [n for n in names if TARGETS.match(n)]
    # the purged file still styles what a guide shows
    main = next(folder.glob("main.*.css")).read_text(encoding="utf-8")
    for selector in (".md-header", ".md-nav__link", ".md-search-result__item", ".md-typeset table"):
        assert selector in main, selector
    # mkdocs.yml has no content.tooltips (dev/safety.md), so nothing on a page can use its tooltips
    assert ".md-tooltip2" not in main
    assert "[dir=rtl]" not in main and "md-version__list" not in main


def test_claim_css_only_on_the_claim_builder(built_site: BuildResult) -> None:
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in built_site.site.glob("*/index.html")}
    with_claim = sorted(name for name, html in pages.items() if "assets/claim/claim.css" in html)
    assert with_claim == ["konstruktor-pretenzii"]
    # before the site-wide stylesheets, as when mkdocs.yml loaded it everywhere
    html = pages["konstruktor-pretenzii"]
    assert html.index("assets/claim/claim.css") < html.index("assets/site.css")


def test_content_stylesheets_only_where_the_content_uses_them(built_site: BuildResult) -> None:
    """tables.css and chat-message.css (ozon/page_assets, CONTENT_STYLESHEETS) load on the pages whose
    content has a table or a chat message, after the site-wide stylesheets, and nowhere else."""
    from ozon_help.plugins.page_assets.assets import CONTENT_STYLESHEETS

    pages = {p.relative_to(built_site.site).as_posix(): p.read_text(encoding="utf-8")
             for p in built_site.site.rglob("*.html") if not p.relative_to(built_site.site).parts[0] == "assets"}
    for sheet, marker in CONTENT_STYLESHEETS.items():
        assert (built_site.site / sheet).exists(), sheet
        article = {name: html.partition('<article')[2].partition('</article>')[0] for name, html in pages.items()}
        users = sorted(name for name, body in article.items() if marker in body)
        linking = sorted(name for name, html in pages.items() if f"assets/{sheet.rpartition('/')[2]}" in html)
        assert users, f"no page has {marker!r}; the test would prove nothing"
        assert linking == users, f"{sheet}: linked on {set(linking) ^ set(users)} against its content"
        html = pages[users[0]]
        assert html.index("assets/phone.css") < html.index(sheet.rpartition("/")[2]), f"{sheet} before phone.css"


def test_search_worker_behind_the_loader(built_site: BuildResult) -> None:
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert "search-worker-loader.js?w=search-ru-worker.js" in html
    assert (built_site.site / "assets" / "javascripts" / "search-worker-loader.js").exists()


BAD_STYLESHEETS = [
    ("https://evil.example/x.css", "is not a stylesheet inside docs/"),
    ("../mkdocs.css", "is not a stylesheet inside docs/"),
    ("assets/nope.css", "docs/assets/nope.css does not exist"),
]


@pytest.mark.parametrize("entry, message", BAD_STYLESHEETS)
def test_bad_page_stylesheet_is_refused_with_file_line_and_fix(tmp_path: Path, entry: str, message: str) -> None:
    """What ozon/page_assets runs on every page (on_page_markdown)."""
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    source = docs / "x.md"
    source.write_text(f"---\nextra_css:\n  - {entry}\n---\n\n# X\n", encoding="utf-8")
    with pytest.raises(PluginError) as caught:
        page_stylesheets({"extra_css": [entry]}, source, docs, "docs/x.md")
    assert f"docs/x.md:3: extra_css entry «{entry}»" in str(caught.value) and message in str(caught.value)
    assert "Fix: " in str(caught.value)


@pytest.mark.machinery  # synthetic bad input: no content edit changes how the build refuses it
def test_bad_page_stylesheet_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    """The build stops at the page with its line (the other entries: the test above)."""
    entry, message = BAD_STYLESHEETS[0]
    project = copy_project(tmp_path / "project")
    where = first_guide(project)
    source = project / where
    text = source.read_text(encoding="utf-8")
    source.write_text(f"---\nextra_css:\n  - {entry}\n" + text[4:], encoding="utf-8")
    result = build(project)
    assert not result.ok
    assert f"{where}:3: extra_css entry «{entry}»" in result.output and message in result.output
    assert "Traceback" not in result.output



def test_home_page_lists_its_guides_in_one_block_per_section(built_site: BuildResult) -> None:
    # With a thousand guides the article had some 3000 children, laid out again in every frame of
    # search opening over the home page; in blocks the browser redoes far less (macros guides_overview).
    from lxml import html as lxml_html

    tree = lxml_html.fromstring((built_site.site / "index.html").read_bytes())
    steps = tree.xpath('//a[contains(concat(" ", @class, " "), " steps-link ")]')
    assert len(steps) >= 10, "the home page should list every guide"
    outside = [a.get("href") for a in steps if not a.xpath('ancestor::div[@class="guides-group"]')]
    assert not outside, f"guides outside a block: {outside}"
    blocks = tree.xpath('//div[@class="guides-group"]')
    assert all(block[0].tag == "h2" for block in blocks), "each block is one navigation section, its heading first"
    assert len(blocks) == len(tree.xpath('//div[@class="guides-group"]/h2')) > 1
