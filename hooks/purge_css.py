"""MkDocs hook: Material's stylesheets without the rules no page of this site can use.

Material ships one stylesheet for every feature of every site (blog posts, code highlighting,
version selectors, right-to-left scripts, nineteen colour palettes…); a guide here uses a fraction
of it, and it is the largest download after the script bundle. After the build this hook removes from
Material's `main.*.min.css` and `palette.*.min.css`:

- every selector that names a class no page has and no script adds (classes in the built HTML,
  plus every quoted word and every `md-…` name in the site's JavaScript, which is where Material
  and our scripts add classes at run time). Material's bundle names the parts of every feature; a
  part it builds from nothing (a tooltip, a version selector, a code-copy button) counts only when
  mkdocs.yml turns that feature on (RUNTIME_COMPONENTS); one whose root is on a page always counts;
- every selector that needs `dir="rtl"`, or a colour palette this site does not configure;
- custom properties (`--md-…`) that nothing reads any more.

The site's own stylesheets (docs/assets/*.css) lose their comments and extra white space; their
rules stay as written. So do the site's own small scripts that most pages load (OWN_SCRIPTS), with
rjsmin.

A rule stays if one of its selectors still can match. Selectors inside `:not()`, `:is()`, `:has()`…
never decide (kept whole), so the result can only keep too much, never too little. The purged file
gets a new content hash in its name (the old name may sit in readers' caches as immutable) and every
page is pointed at it. Parsed with tinycss2, a CSS Syntax Level 3 parser.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

import rjsmin
import tinycss2
from mkdocs.plugins import event_priority
from selectolax.lexbor import LexborHTMLParser

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from hooks.serve_dirty import dirty_serve  # noqa: E402

log = logging.getLogger("mkdocs.hooks.purge_css")

TARGETS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
STYLESHEETS = Path("assets/stylesheets")
ATTRIBUTES = ("dir", "data-md-color-primary", "data-md-color-accent", "data-md-color-scheme")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE = re.compile(r"\[\s*(" + "|".join(map(re.escape, ATTRIBUTES)) + r")\s*=\s*[\"']?([\w-]+)[\"']?\s*\]")
_FUNCTIONAL = re.compile(r":[\w-]+\(")
_JS_QUOTED = re.compile(r"\"([^\"\\\n]{1,200})\"|'([^'\\\n]{1,200})'|`([^`\\]{1,200})`")
_JS_MD_NAME = re.compile(r"md-[\w-]+")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


# Components Material's bundle creates at run time without any trace in the HTML, and what turns each on.
RUNTIME_COMPONENTS: dict[str, Callable[[Any], bool]] = {
    "md-tooltip": lambda c: "content.tooltips" in _features(c),
    "md-tooltip2": lambda c: "content.tooltips" in _features(c),
    "md-annotation": lambda c: "content.code.annotate" in _features(c),
    "md-code": lambda c: any(f.startswith("content.code.") for f in _features(c)),
    "md-source": lambda c: bool(c.get("repo_url")),
    "md-version": lambda c: bool(c.get("extra", {}).get("version")),
    "md-tag": lambda c: "tags" in c.get("plugins", {}) or "material/tags" in c.get("plugins", {}),
    "md-tags": lambda c: "tags" in c.get("plugins", {}) or "material/tags" in c.get("plugins", {}),
    "md-status": lambda c: False,  # a page's status is rendered into its HTML, where it is found anyway
}


def _features(config: Any) -> list[str]:
    return list(config.get("theme", {}).get("features", []) or [])


def _root(name: str) -> str:
    return re.split(r"__|--", name, maxsplit=1)[0]


def runtime_classes(script_names: set[str], page_classes: set[str], config: Any) -> set[str]:
    """The scripts' class names that can appear: their component is on a page, or turned on in mkdocs.yml."""
    roots_on_pages = {_root(c) for c in page_classes}
    kept = set()
    for name in script_names:
        root = _root(name)
        check = RUNTIME_COMPONENTS.get(root)
        if root in roots_on_pages or check is None or check(config):
            kept.add(name)
    return kept


# Reading only, so Lexbor (selectolax), an HTML5 parser that builds the tree the browser builds: it reads
# the built site more than twice as fast as lxml and five times as fast as html.parser; the names were a
# fifth of a build with 1000 guides (bench/html_parsers.py). The CSS selectors keep the search for the
# elements that carry a name in C.
_WITH_ATTRIBUTE = ",".join(f"[{name}]" for name in ATTRIBUTES)  # a few elements a page


def page_names(html: bytes, classes: set[str], attributes: set[tuple[str, str]]) -> None:
    """Add the classes and the ATTRIBUTES values of one page's elements to the two sets."""
    _names(html.decode("utf-8", errors="replace"), classes, attributes)


def _names(html: str, classes: set[str], attributes: set[tuple[str, str]]) -> None:
    tree = LexborHTMLParser(html)
    classes.update(" ".join(value for element in tree.css("[class]") if (value := element.attrs.get("class"))).split())
    for element in tree.css(_WITH_ATTRIBUTE):
        found = element.attributes
        for name in ATTRIBUTES:
            value = found.get(name)
            if value:
                attributes.add((name, value))
    for template in tree.css("template"):
        # A <template>'s content is a document fragment of its own, which selectors do not enter; a script
        # puts it on the page, so its names count: read it on its own (a nested one is found there).
        outer = template.html or ""
        _names(outer[outer.index(">") + 1 : outer.rindex("</template>")], classes, attributes)


# What one page's HTML holds: its classes, and its ATTRIBUTES values as [name, value] pairs (JSON has no tuples).
PageNames = tuple[list[str], list[list[str]]]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# A save in a dirty `make serve` (hooks/serve_dirty.py) re-renders one page, yet this hook read every page,
# purged the stylesheets and minified the site's own ones again: with 1000 guides, eight seconds of a
# nine-second save. There it keeps, in this file of the served folder, each page's names by the SHA-256 of
# its HTML, the purged text by the SHA-256 of everything the purge reads (this file's code too), and the
# SHA-256 of each file it minified. Equal bytes give equal names, so the stylesheets are those a full read
# gives. `make build`, `make check` and CI never write or read it.
DIRTY_CACHE = ".purge-css-dirty.json"


class DirtyCache:
    """What the last builds of a dirty serve read; empty when the file is missing or unreadable."""

    def __init__(self, site: Path) -> None:
        self.path = site / DIRTY_CACHE
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            self.pages: dict[str, PageNames] = {key: (names[0], names[1]) for key, names in saved["pages"].items()}
            self.purge_key: str = saved["purge_key"]
            self.purged: dict[str, str] = saved["purged"]
            self.minified: set[str] = set(saved["minified"])
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            self.pages, self.purge_key, self.purged, self.minified = {}, "", {}, set()
        self.read: dict[Path, str] = {}  # this build: each page's key as names_of read it
        self.minified_now: set[str] = set()

    def names_of(self, page: Path, html: bytes) -> PageNames:
        key = self.read[page] = sha256_of(html)
        if key not in self.pages:
            classes: set[str] = set()
            attributes: set[tuple[str, str]] = set()
            page_names(html, classes, attributes)
            self.pages[key] = (sorted(classes), [list(pair) for pair in sorted(attributes)])
        return self.pages[key]

    def save(self, rewritten: dict[Path, str]) -> None:
        """Keep the names of the pages as they were read and as they now are: `rewritten` holds the new text of
        each page whose stylesheet links this hook changed (same names). The next build reads the one or the
        other: the page as it is, or rendered again just as before."""
        pages = {}
        for page, key in self.read.items():
            pages[key] = self.pages[key]
            text = rewritten.get(page)
            if text is not None:
                pages[sha256_of(text.encode("utf-8"))] = self.pages[key]
        state = {"pages": pages, "purge_key": self.purge_key, "purged": self.purged,
                 "minified": sorted(self.minified_now)}
        self.path.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")


def used_names(site: Path, config: Any, cache: DirtyCache | None = None) -> tuple[set[str], set[tuple[str, str]]]:
    """Classes and palette/direction attribute values any page has or any script may add; in a dirty serve,
    a page whose bytes `cache` has seen is not parsed again."""
    classes: set[str] = set()
    attributes: set[tuple[str, str]] = set()
    for page in site.rglob("*.html"):
        if cache is None:
            page_names(page.read_bytes(), classes, attributes)
            continue
        page_classes, page_attributes = cache.names_of(page, page.read_bytes())
        classes.update(page_classes)
        attributes.update((name, value) for name, value in page_attributes)
    script_names: set[str] = set()
    for script in site.rglob("*.js"):
        text = script.read_text(encoding="utf-8", errors="replace")
        for match in _JS_QUOTED.finditer(text):
            script_names.update((match.group(1) or match.group(2) or match.group(3) or "").split())
        script_names.update(_JS_MD_NAME.findall(text))
    return classes | runtime_classes(script_names, classes, config), attributes


def _without_functional_parts(selector: str) -> str:
    """The selector with the arguments of :not(), :is(), :has(), :nth-child()… removed."""
    out, depth, i = [], 0, 0
    while i < len(selector):
        match = _FUNCTIONAL.match(selector, i) if depth == 0 else None
        if match:
            depth, i = 1, match.end()
            continue
        char = selector[i]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def selector_can_match(selector: str, classes: set[str], attributes: set[tuple[str, str]]) -> bool:
    if any((name, value) not in attributes for name, value in _ATTRIBUTE.findall(_without_functional_parts(selector))):
        return False
    plain = _without_functional_parts(re.sub(r"\"[^\"]*\"|'[^']*'", '""', selector))
    return all(name in classes for name in _CLASS.findall(re.sub(r"\[[^\]]*\]", "", plain)))


def _split_selectors(prelude: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in prelude:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _purge_rules(rules: Iterable[Any], classes: set[str], attributes: set[tuple[str, str]]) -> list[Any]:
    kept: list[Any] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(tinycss2.serialize(rule.prelude))
                         if selector_can_match(s, classes, attributes)]
            if selectors:
                kept.append(("rule", ",".join(selectors), rule.content))
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                 classes, attributes)
            if inner:
                kept.append(("block", "@" + rule.at_keyword + tinycss2.serialize(rule.prelude), inner))
        elif rule.type == "at-rule":
            kept.append(("raw", tinycss2.serialize([rule]), None))
    return kept


def _declarations(content: list[Any], unused_vars: set[str]) -> str:
    parts = []
    for item in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            parts.append(tinycss2.serialize([item]))
        elif item.name not in unused_vars:
            important = "!important" if item.important else ""
            parts.append(f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}")
    return ";".join(parts)


def _render(kept: list[Any], unused_vars: set[str]) -> str:
    out = []
    for kind, head, body in kept:
        if kind == "rule":
            text = _declarations(body, unused_vars)
            if text:
                out.append(f"{head}{{{text}}}")
        elif kind == "block":
            inner = _render(body, unused_vars)
            if inner:
                out.append(f"{head}{{{inner}}}")
        else:
            out.append(head)
    return "".join(out)


def _defined_vars(kept: list[Any]) -> set[str]:
    names: set[str] = set()
    for kind, _, body in kept:
        if kind == "rule":
            names.update(d.name for d in tinycss2.parse_declaration_list(body, skip_comments=True, skip_whitespace=True)
                         if d.type == "declaration" and d.name.startswith("--"))
        elif kind == "block":
            names |= _defined_vars(body)
    return names


def minify(css: str) -> str:
    """The same rules without comments and without white space that means nothing."""
    def tokens_text(tokens: list[Any]) -> str:
        kept = [tok for tok in tokens if tok.type != "comment"]
        parts: list[str] = []
        for i, tok in enumerate(kept):
            if tok.type == "whitespace":
                # One space, or none beside a comma or a child combinator; strings and functions stay as written.
                near = [kept[j] for j in (i - 1, i + 1) if 0 <= j < len(kept)]
                if i == 0 or i == len(kept) - 1 or any(n.type == "literal" and n.value in ",>" for n in near):
                    continue
                if parts and parts[-1] == " ":
                    continue
                parts.append(" ")
            else:
                parts.append(tinycss2.serialize([tok]))
        return "".join(parts)

    def rules_text(rules: Iterable[Any]) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                out.append(f"{tokens_text(rule.prelude)}{{{_declarations_min(rule.content)}}}")
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in (
                    "media", "supports", "container", "layer"):
                inner = rules_text(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                out.append(f"@{rule.at_keyword} {tokens_text(rule.prelude)}{{{inner}}}")
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword == "page":
                out.append(f"@page {tokens_text(rule.prelude)}{{{_page_body(rule.content)}}}")
            elif rule.type == "at-rule":
                out.append(tinycss2.serialize([rule]))
        return "".join(out)

    def _declarations_min(content: list[Any]) -> str:
        parts = []
        for item in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
            if item.type == "declaration":
                parts.append(f"{item.name}:{tokens_text(item.value)}{'!important' if item.important else ''}")
            elif item.type == "at-rule":
                parts.append(tinycss2.serialize([item]).strip())
        return ";".join(parts)

    def _page_body(content: list[Any]) -> str:
        # @page holds declarations and margin boxes (@bottom-center { … }); keep it as written, minus comments.
        return "".join(tinycss2.serialize([tok]) for tok in content if tok.type != "comment").strip()

    return rules_text(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def purge(css_files: dict[Path, str], other_css: str, scripts: str, classes: set[str],
          attributes: set[tuple[str, str]]) -> dict[Path, str]:
    """Purged text of each stylesheet; custom properties are kept while any stylesheet or script reads them."""
    kept = {path: _purge_rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True),
                               classes, attributes) for path, text in css_files.items()}
    defined = set().union(*(_defined_vars(k) for k in kept.values()))
    unused: set[str] = set()
    while True:  # dropping one property may leave another one unread
        rendered = {path: _render(k, unused) for path, k in kept.items()}
        read = set(_VAR_USE.findall(other_css + "".join(rendered.values())))
        newly = {name for name in defined - unused if name not in read and name not in scripts}
        if not newly:
            return rendered
        unused |= newly


# The site's own small scripts that most pages load (their comments are for editors, not readers).
# Material's bundle is minified already; the claim builder's modules and the search engine are
# left as written (the engine's files are what the Node tests read and what the worker hashes).
OWN_SCRIPTS = ("assets/*.js", "assets/javascripts/search-ru-config.js",
               "assets/javascripts/search-worker-loader.js")


def own_scripts(site: Path) -> list[Path]:
    return sorted({path for pattern in OWN_SCRIPTS for path in site.glob(pattern)})


def _purge_key(targets: dict[Path, str], other_css: str, scripts: str, classes: set[str],
               attributes: set[tuple[str, str]]) -> str:
    parts = [Path(__file__).read_text(encoding="utf-8"), other_css, scripts, *sorted(classes),
             *(f"{name}={value}" for name, value in sorted(attributes)),
             *(f"{path.name}\n{text}" for path, text in sorted(targets.items()))]
    return sha256_of("\0".join(parts).encode("utf-8"))


def _purged(targets: dict[Path, str], other_css: str, scripts: str, classes: set[str],
            attributes: set[tuple[str, str]], cache: DirtyCache | None) -> dict[Path, str]:
    """purge()'s result; in a dirty serve, the one `cache` kept when everything it reads is the same."""
    if cache is None:
        return purge(targets, other_css, scripts, classes, attributes)
    key = _purge_key(targets, other_css, scripts, classes, attributes)
    if key != cache.purge_key or set(cache.purged) != {path.name for path in targets}:
        purged = purge(targets, other_css, scripts, classes, attributes)
        cache.purge_key, cache.purged = key, {path.name: text for path, text in purged.items()}
    return {path: cache.purged[path.name] for path in targets}


@event_priority(-100)  # last: every page and script is written
def on_post_build(config: Any) -> None:
    site = Path(config["site_dir"])
    folder = site / STYLESHEETS
    targets = {p: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.css")) if TARGETS.match(p.name)}
    if not targets:
        return
    cache = DirtyCache(site) if dirty_serve(sys.argv) else None
    classes, attributes = used_names(site, config, cache)
    other_css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css") if p not in targets)
    scripts = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.js"))
    renamed: dict[str, str] = {}
    for path, text in _purged(targets, other_css, scripts, classes, attributes, cache).items():
        stem = path.name.split(".")[0]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        new = path.with_name(f"{stem}.{digest}.min.css")
        path.unlink()
        new.write_text(text, encoding="utf-8")
        renamed[path.name] = new.name
        log.debug("purge_css: %s %d -> %s %d bytes", path.name, len(targets[path]), new.name, len(text))
    for own in sorted((site / "assets").rglob("*.css")):
        if own.parent != folder:  # the site's own stylesheets: docs/assets/
            _minify_file(own, minify, cache)
    for script in own_scripts(site):
        _minify_file(script, rjsmin.jsmin, cache)
    for stale in (folder / f"{old}.map" for old in renamed):
        stale.unlink(missing_ok=True)  # source maps of the files before purging: they describe nothing now
    # A dirty serve finds its last purged file among the targets again, and keeps its name: nothing to replace.
    links = {f"{STYLESHEETS.as_posix()}/{old}": f"{STYLESHEETS.as_posix()}/{new}"
             for old, new in renamed.items() if old != new}
    # As bytes: the names are ASCII, so replacing them in the UTF-8 bytes is replacing them in the text,
    # without decoding and encoding 80 MB of pages (with 1000 guides).
    byte_links = [(old.encode("utf-8"), new_link.encode("utf-8")) for old, new_link in links.items()]
    rewritten: dict[Path, str] = {}
    for page in site.rglob("*.html"):
        data = page.read_bytes()
        updated = data
        for old_bytes, new_bytes in byte_links:
            updated = updated.replace(old_bytes, new_bytes)
        if updated != data:
            page.write_bytes(updated)
            if cache is not None:
                rewritten[page] = updated.decode("utf-8")
    if cache is not None:
        cache.save(rewritten)


def _minify_file(path: Path, shorten: Callable[[str], str], cache: DirtyCache | None) -> None:
    """Write `path` shortened; in a dirty serve a file this hook wrote before (MkDocs did not copy it again)
    is left as it is, as a full build minifies each file once."""
    text = path.read_text(encoding="utf-8")
    if cache is None or sha256_of(text.encode("utf-8")) not in cache.minified:
        text = shorten(text)
        path.write_text(text, encoding="utf-8")
    if cache is not None:
        cache.minified_now.add(sha256_of(text.encode("utf-8")))
