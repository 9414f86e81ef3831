"""ozon/purge_css: Material's stylesheets without the rules no page of this site can use.

Material ships one stylesheet for every feature of every site (blog posts, code highlighting,
version selectors, right-to-left scripts, nineteen colour palettes…); a guide here uses a fraction
of it, and it is the largest download after the script bundle. After the build this plugin removes from
Material's `main.*.min.css` and `palette.*.min.css`:

- every selector that names a class no page has and no script adds (classes in the built HTML,
  plus every quoted word and every `md-…` name in the site's JavaScript, which is where Material
  and our scripts add classes at run time). Material's bundle names the parts of every feature; a
  part it builds from nothing (a tooltip, a version selector, a code-copy button) counts only when
  mkdocs.yml turns that feature on (RUNTIME_COMPONENTS); one whose root is on a page always counts;
- every selector that needs `dir="rtl"`, or a colour palette this site does not configure;
- custom properties (`--md-…`) that nothing reads any more.

The site's own stylesheets (docs/assets/*.css) lose their comments and extra white space, with rcssmin;
their rules stay as written. So do the site's own small scripts that most pages load (OWN_SCRIPTS), with
rjsmin.

A rule stays if one of its selectors still can match. Selectors inside `:not()`, `:is()`, `:has()`…
never decide (kept whole), so the result can only keep too much, never too little. The purged file
gets a new content hash in its name (the old name may sit in readers' caches as immutable) and every
page is pointed at it. Parsed with tinycss2, a CSS Syntax Level 3 parser.

This module decides which rules stay; names.py reads the names pages and scripts use; minify.py shortens the
site's own stylesheets and scripts.
"""


from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

import tinycss2

from ozon_help.plugins.purge_css.names import ATTRIBUTES, DirtyCache, sha256_of

TARGETS = re.compile(r"^(main|palette)\.[0-9a-f]{8}\.min\.css$")
STYLESHEETS = Path("assets/stylesheets")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTRIBUTE = re.compile(r"\[\s*(" + "|".join(map(re.escape, ATTRIBUTES)) + r")\s*=\s*[\"']?([\w-]+)[\"']?\s*\]")
_FUNCTIONAL = re.compile(r":[\w-]+\(")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
# What the purge reads besides the site: its own code (a dirty serve's cache key, _purge_key).
_CODE = tuple(Path(__file__).with_name(name) for name in ("purge.py", "names.py"))


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


def _purge_key(targets: dict[Path, str], other_css: str, scripts: str, classes: set[str],
               attributes: set[tuple[str, str]]) -> str:
    parts = [*(code.read_text(encoding="utf-8") for code in _CODE), other_css, scripts, *sorted(classes),
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
