"""ozon/purge_css: the site's own stylesheets without comments and extra white space, with rcssmin (their
rules stay as written), and its own small scripts that most pages load, with rjsmin."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Iterable

import rcssmin
import tinycss2

from ozon_help.plugins.purge_css.names import DirtyCache, sha256_of

log = logging.getLogger("mkdocs.plugins.ozon.purge_css")


def minify(css: str) -> str:
    """The same rules without comments and without white space that means nothing (rcssmin).

    rcssmin also takes the white space out of a quoted `url("a b.png")` (its documented rule for url()),
    which names another file. So its output is kept only when it reads as the same tokens as the input
    (tinycss2, comments and white space aside); otherwise the stylesheet ships as written, larger but right.
    """
    short = rcssmin.cssmin(css)
    if _meaningful_tokens(tinycss2.parse_component_value_list(short)) == _meaningful_tokens(
            tinycss2.parse_component_value_list(css)):
        return short
    log.info("purge_css: rcssmin would change a string or url() of a stylesheet; it is kept unminified")
    return css


def _meaningful_tokens(tokens: Iterable[Any]) -> list[str]:
    """Every token but comments and white space, serialized, blocks and functions opened and closed in turn,
    and no `;` that ends nothing (the last of a block, or one after another): two stylesheets with the same
    list differ only in white space between tokens and in semicolons that mean nothing."""
    out: list[str] = []
    for token in tokens:
        if token.type in ("whitespace", "comment"):
            continue
        if token.type == "function":
            out += [f"{token.lower_name}(", *_meaningful_tokens(token.arguments), ")"]
        elif token.type in ("() block", "[] block", "{} block"):
            out += [token.type, *_meaningful_tokens(token.content), "end"]
        elif token.type == "literal" and token.value == ";" and (not out or out[-1] in (";", "{} block")):
            continue
        else:
            out.append(tinycss2.serialize([token]))
    while out and out[-1] == ";":
        out.pop()
    return out


# The site's own small scripts that most pages load (their comments are for editors, not readers).
# Material's bundle is minified already; the claim builder's modules and the search engine are
# left as written (the engine's files are what the Node tests read and what the worker hashes).
OWN_SCRIPTS = ("assets/*.js", "assets/javascripts/search-ru-config.js",
               "assets/javascripts/search-worker-loader.js")


def own_scripts(site: Path) -> list[Path]:
    return sorted({path for pattern in OWN_SCRIPTS for path in site.glob(pattern)})


def minify_file(path: Path, shorten: Callable[[str], str], cache: DirtyCache | None) -> None:
    """Write `path` shortened; in a dirty serve a file this hook wrote before (MkDocs did not copy it again)
    is left as it is, as a full build minifies each file once."""
    text = path.read_text(encoding="utf-8")
    if cache is None or sha256_of(text.encode("utf-8")) not in cache.minified:
        text = shorten(text)
        path.write_text(text, encoding="utf-8")
    if cache is not None:
        cache.minified_now.add(sha256_of(text.encode("utf-8")))
