"""ozon/purge_css: the class names and palette/direction attribute values any page has or any script may add.

A save in a dirty `make serve` reads again only the pages whose bytes changed (DirtyCache).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Callable

from selectolax.lexbor import LexborHTMLParser

ATTRIBUTES = ("dir", "data-md-color-primary", "data-md-color-accent", "data-md-color-scheme")
_JS_QUOTED = re.compile(r"\"([^\"\\\n]{1,200})\"|'([^'\\\n]{1,200})'|`([^`\\]{1,200})`")
_JS_MD_NAME = re.compile(r"md-[\w-]+")


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


# A save in a dirty `make serve` (ozon/serve_dirty) re-renders one page, yet this plugin read every page,
# purged the stylesheets and minified the site's own ones again: with 1000 guides, eight seconds of a
# nine-second save. There it keeps, in this file of the served folder, each page's names by the SHA-256 of
# its HTML, the purged text by the SHA-256 of everything the purge reads (its code too), and the
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
        each page whose stylesheet links this plugin changed (same names). The next build reads the one or the
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
