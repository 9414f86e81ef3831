"""ozon/purge_css: the site's own stylesheets without comments and extra white space (their rules stay as
written), and its own small scripts that most pages load, with rjsmin."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import tinycss2

from ozon_help.plugins.purge_css.names import DirtyCache, sha256_of


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
