"""Raw HTML in pages: only an allow-list of tags and attributes, no script, no external loads.

Page bodies are untrusted. Their raw HTML, and the HTML the build made of each page (Markdown links
included: `[x](javascript:…)` becomes `<a href="javascript:…">`), are read with a real HTML parser
(`tags()`, the one place that knows which) and held to the same allow-list. Problems name the
source file and line; a problem found only in the built page is traced back to its source line.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ozon_help.plugins.csp import policy as csp
from selectolax.lexbor import LexborHTMLParser, LexborNode as Node

from .context import Context
from .problems import Problem
from .project import Page

NAME = "raw-html"

# What guides may write (and what Markdown, the macros and pymdown make of them in the article).
ALLOWED_TAGS = set(
    "a abbr b blockquote br caption code dd del details div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img "
    "input kbd label li mark noscript ol p pre s small span strong sub summary sup table tbody td tfoot th thead tr "
    "u ul script".split()
)
ALLOWED_ATTRS = set(
    "class id markdown title lang dir role href src alt colspan rowspan open hidden start reversed datetime width "
    "height type name checked disabled for tabindex".split()
)
# Only in the built article, from the theme's templates and hooks (print buttons, the booklet's contents and
# chapter boxes, the «Обновлено <time>» line of overrides/partials/page-updated.html).
TEMPLATE_TAGS = {"button", "nav", "section", "time"}
URL_ATTRS = {"href", "src"}
SAFE_SCHEMES = {"", "https", "tel", "mailto"}
# A page may load a script of the site itself (the claim builder: <script type="module" src="../assets/…">).
LOCAL_SCRIPT = re.compile(r"^(\.\./)*assets/[\w./-]+\.js$")
# Files in docs/ are untrusted like pages: a script under docs/assets/ runs with the site's rights
# ('self' in the policy), so a page may start only the entry scripts maintainers reviewed. A new one
# goes here in the same review that adds it.
PAGE_SCRIPTS = {"assets/claim/form.js", "assets/case/page.js"}
DATA_TYPES = {"application/json"}
_FIX_TAG = (
    "write it in Markdown, or ask a maintainer to add a template or macro; allowed tags: see sitecheck/raw_html.py"
)


@dataclass(frozen=True)
class Tag:
    name: str
    attrs: tuple[tuple[str, str], ...]
    line: int
    text: str = ""  # for <script>: what it contains


class _TagReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Tag] = []
        self._open_script: Tag | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = Tag(tag, tuple((k, v or "") for k, v in attrs), self.getpos()[0])
        if tag == "script":
            self._open_script, self._script_text = found, []
        else:
            self.found.append(found)

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self._open_script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open_script is not None:
            s = self._open_script
            self.found.append(Tag(s.name, s.attrs, s.line, "".join(self._script_text)))
            self._open_script = None


def tags(html: str) -> list[Tag]:
    """Every start tag of an HTML text with its attributes (entities decoded) and line."""
    reader = _TagReader()
    reader.feed(html)
    reader.close()
    if reader._open_script is not None:  # an unclosed <script> still counts
        s = reader._open_script
        reader.found.append(Tag(s.name, s.attrs, s.line, "".join(reader._script_text)))
    return reader.found


def tag_problems(tag: Tag, extra_tags: set[str] = set()) -> list[tuple[str, str]]:  # noqa: B006 - read only
    """(what is wrong, fix) for one tag against the allow-list."""
    attrs = dict(tag.attrs)
    if tag.name not in ALLOWED_TAGS | extra_tags:
        return [(f"<{tag.name}> is not allowed in a page", _FIX_TAG)]
    problems: list[tuple[str, str]] = []
    if tag.name == "script":
        kind = attrs.get("type", "").lower()
        if kind in DATA_TYPES and "src" not in attrs:
            return []  # data, never run (the claim builder's JSON comes from a macro)
        if not LOCAL_SCRIPT.match(attrs.get("src", "")) or tag.text.strip():
            return [
                (
                    "<script> with inline code or a script from elsewhere",
                    "put the code in a file under docs/assets/ and load it with <script src>",
                )
            ]
        entry = re.sub(r"^(\.\./)*", "", attrs.get("src", ""))
        if entry not in PAGE_SCRIPTS:
            return [
                (
                    f"<script src> loads «{entry}», which is not one of the site's page scripts",
                    "a new script needs a maintainer's review: they add it to PAGE_SCRIPTS in sitecheck/raw_html.py",
                )
            ]
    if tag.name == "input" and attrs.get("type") not in ("checkbox", "radio"):
        problems.append(
            (f'<input type="{attrs.get("type", "")}"> is not allowed in a page', "use a task list (- [ ]) instead")
        )
    for name, value in tag.attrs:
        if name.startswith("on"):
            problems.append((f"<{tag.name} {name}=…> runs script", "delete the attribute"))
        elif name == "style":
            problems.append(
                (
                    f"<{tag.name} style=…> is not allowed (it can load from elsewhere, and the policy blocks it)",
                    "use a class from docs/assets/site.css",
                )
            )
        elif not (name in ALLOWED_ATTRS or name.startswith(("aria-", "data-"))):
            problems.append((f"<{tag.name} {name}=…> is not allowed in a page", "delete the attribute"))
        elif name in URL_ATTRS:
            problems.extend(_url_problems(tag.name, name, value))
    return problems


def _url_problems(tag: str, attr: str, url: str) -> list[tuple[str, str]]:
    compact = re.sub(r"[\x00-\x20]", "", url).lower()  # browsers ignore these inside a scheme
    scheme = urlsplit(compact).scheme if ":" in compact.split("/")[0] else ""
    if scheme not in SAFE_SCHEMES:
        return [
            (
                f'<{tag} {attr}="{url}"> uses «{scheme}:»',
                "link with https:, tel: or mailto: only (contacts through macros)",
            )
        ]
    loads = tag != "a"
    if loads and (scheme or compact.startswith("//")):
        return [
            (
                f'<{tag} {attr}="{url}"> loads something from another site',
                "put the file into docs/assets/ and link to it there",
            )
        ]
    return []


# --- Markdown source ------------------------------------------------------------------------

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_MD_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(\S+)", re.M)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def markdown_html(page: Page) -> str:
    """The page text with code, macro calls and front matter blanked (lines kept): what HTML it has."""
    text = page.text
    body_start = len(text) - len(page.body)
    text = re.sub(r"[^\n]", " ", text[:body_start]) + text[body_start:]
    for pattern in (_FENCE, _CODE_SPAN, _JINJA):
        text = pattern.sub(_blank, text)
    return text


def source_problems(page: Page) -> list[Problem]:
    text = markdown_html(page)
    problems = [
        Problem(page.path, tag.line, what, fix, check=NAME) for tag in tags(text) for what, fix in tag_problems(tag)
    ]
    for match in _MD_LINK_TARGET.finditer(text):
        url = match.group(1) or match.group(2) or ""
        line = text.count("\n", 0, match.start()) + 1
        problems.extend(
            Problem(page.path, line, what, fix, check=NAME) for what, fix in _url_problems("a", "href", url)
        )
    for match in _MD_IMAGE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.extend(
            Problem(page.path, line, what, fix, check=NAME) for what, fix in _url_problems("img", "src", match.group(1))
        )
    return problems


# --- Built pages, read as a browser reads them ------------------------------------------------
#
# The built page is parsed with Lexbor (selectolax), an HTML5 parser: what a comment, CDATA or an
# unclosed tag turns into is what Chromium makes of it (`<!--><script>` is a live script here), not what
# the standard library's tokenizer guesses. `make bench-html-parsers`: 9.5x html.parser on the site.

_ARTICLE = "article.md-content__inner"


def article_tags(html: str) -> list[Tag]:
    """Every element inside the page's article, as an HTML5 parser builds it (no lines: Lexbor has none)."""
    article = LexborHTMLParser(html).css_first(_ARTICLE)
    if article is None:
        return []
    found = []
    for node in list(article.traverse(include_text=False))[1:]:  # [0] is the article itself
        if node.tag is None or node.tag.startswith(("-", "#")):
            continue  # comments and the document's own nodes
        attrs = tuple((k, v or "") for k, v in node.attributes.items())
        text = node.text(deep=True) if node.tag == "script" else ""
        found.append(Tag(node.tag, attrs, 0, text))
    return found


def page_wide_problems(html: str, shipped: list[csp.ShippedScript]) -> list[tuple[str, str, str]]:
    """(what, fix, a text to find in the source) for what no page may add anywhere: scripts and policies."""
    problems = [
        (
            "an inline script no template of the theme ships (the Content-Security-Policy blocks it)",
            "delete it; put the code in a file under docs/assets/ and load it with <script src>",
            script.strip()[:40],
        )
        for script in csp.untrusted_scripts(html, shipped)
    ]
    tree = LexborHTMLParser(html)
    policies = [n for n in tree.css("meta") if (n.attributes.get("http-equiv") or "").lower() in _META_EQUIV]
    for node in policies[1:] if policies and _is_ours(policies[0]) else policies:
        problems.append(
            (
                f'<meta http-equiv="{node.attributes.get("http-equiv")}"> would change what the page may do',
                "delete it: the site's policy and headers come from ozon_help/plugins/csp/ and deploy/headers.py",
                "http-equiv",
            )
        )
    return problems


_ARTICLE_OPEN = '<article class="md-content__inner md-typeset">'


def leaves_the_article(html: str) -> bool:
    """Does what stands inside the built article close an element it did not open, so that part of it
    lands outside the article (where no allow-list reads it) as the browser parses the page?

    The article's text is parsed again inside the same chain of ancestors, with a marker after it: if
    the marker is not inside the article, the text closed it (`</article>`, `</div>`, `</main>`).
    """
    start, end = html.find(_ARTICLE_OPEN), html.rfind("</article>")
    article = LexborHTMLParser(html).css_first(_ARTICLE)
    if start == -1 or end < start or article is None:
        return False
    ancestors = []
    node = article.parent
    while node is not None and node.tag not in ("body", "html", None):
        ancestors.append(node.tag)
        node = node.parent
    token = secrets.token_hex(8)
    fragment = html[start + len(_ARTICLE_OPEN) : end]
    opened = "".join(f"<{tag}>" for tag in reversed(ancestors))
    closed = "".join(f"</{tag}>" for tag in ancestors)
    tree = LexborHTMLParser(
        f'<!DOCTYPE html><html><body>{opened}<article id="a{token}">{fragment}<span id="e{token}"></span>'
        f"</article>{closed}</body></html>"
    )
    marker = tree.css_first(f"#e{token}")
    while marker is not None:
        if marker.attributes.get("id") == f"a{token}":
            return False
        marker = marker.parent
    return True


_META_EQUIV = {"content-security-policy", "refresh", "set-cookie", "content-security-policy-report-only"}


def _is_ours(node: Node) -> bool:
    """The policy ozon/csp writes first in <head>."""
    return node.parent is not None and node.parent.tag == "head" and node.prev is not None and (
        node.prev.tag == "meta" and "charset" in node.prev.attributes
    )


def built_problems(
    ctx: Context,
    html_path: Path,
    already: set[tuple[str, int]],
    shipped: list[csp.ShippedScript],
    seen: set[tuple[str, str]],
) -> list[Problem]:
    assert ctx.site is not None
    source = ctx.project.source_of(ctx.site, html_path)
    page = ctx.project.pages.get(source.removeprefix(ctx.project.docs_prefix + "/")) if source else None
    html = html_path.read_text(encoding="utf-8", errors="replace")
    shown = ctx.display(html_path)
    problems = []
    for what, fix, needle in page_wide_problems(html, shipped):
        if (what, needle) in seen:
            continue  # the booklet repeats the guides: name the guide once
        seen.add((what, needle))
        path, line = (page.path, _line_of(page, needle)) if page else (shown, 1)
        problems.append(Problem(path, line, f"{what} (in the built page {shown})", fix, check=NAME))
    if page is None:
        return problems  # not a page of docs/ (404, assets): nothing a page wrote into an article
    # The booklet's article is the guides' articles again: each is checked, and named, on its own page.
    if not page.meta.get("booklet") and leaves_the_article(html):
        problems.append(Problem(page.path, _line_of(page, _first_end_tag(page.text)),
                                f"the page closes an element it did not open, so what follows leaves the page's "
                                f"content (in the built page {shown})",
                                "delete the stray end tag (</div>, </article>, </main>); open and close every "
                                "element in the page", check=NAME))
    for tag in article_tags(html):
        for what, fix in tag_problems(tag, TEMPLATE_TAGS):
            line = _source_line(page, tag)
            if (page.path, line) in already:
                continue
            problems.append(Problem(page.path, line, f"{what} (in the built page {shown})", fix, check=NAME))
    return problems


def _first_end_tag(text: str) -> str:
    """The first end tag of an element the theme wraps the content in: where an escape most likely starts."""
    found = re.search(r"</\s*(article|main|section|body|html|div)\b", text, re.I)
    return found.group(0) if found else ""


def _line_of(page: Page, needle: str) -> int:
    at = page.text.find(needle) if needle else -1
    if at == -1:
        at = page.text.find("<script")
    return page.text.count("\n", 0, at) + 1 if at != -1 else 1


def _source_line(page: Page, tag: Tag) -> int:
    """The first line of the page source that holds one of the tag's attribute values (or its name)."""
    for needle in [v for _, v in tag.attrs if len(v) > 3] + [f"<{tag.name}"]:
        at = page.text.find(needle)
        if at != -1:
            return page.text.count("\n", 0, at) + 1
    return 1


def check(ctx: Context) -> list[Problem]:
    problems: list[Problem] = []
    for page in ctx.project.pages.values():
        problems.extend(source_problems(page))
    already = {(p.path, p.line) for p in problems}
    shipped = csp.shipped_scripts(csp.default_template_dirs(ctx.project.root))
    seen: set[tuple[str, str]] = set()
    site = ctx.site
    assert site is not None or not ctx.html
    # Pages of docs/ first, so a script the booklet repeats is named at its guide.
    for path in sorted(ctx.html, key=lambda p: site is None or ctx.project.source_of(site, p) is None):
        problems.extend(built_problems(ctx, path, already, shipped, seen))
    return problems
