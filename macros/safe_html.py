"""Macro output is final HTML: Markdown never reads it again.

Escaping a contact value for HTML is not enough when the result goes back into Markdown: an
escaped `[подробнее](javascript:…)` in `hours:` is still a Markdown link. So a macro returns a
token (`final_html`), and a Markdown preprocessor (`FinalHtmlExtension`, added to the build by
define_env) hands each token's HTML to Python-Markdown's own htmlStash, which puts it back
unchanged after everything else ran. Where the text must stay Markdown (a heading, so it gets an
id and a place in the table of contents), `markdown_text` escapes every character Markdown or
HTML would act on.

Under Zensical (benchmarks only) no preprocessor is installed, and `final_html` returns the HTML.
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# Private-use characters: Python-Markdown's NormalizeWhitespace strips STX/ETX (its own markers)
# before our preprocessor runs, but keeps these. A page may hold them too (pasted from a font's icon
# set, or on purpose): the random part, new in every build process, makes a token no page can write,
# so such text stays text and never names (or overruns) a fragment.
_OPEN, _CLOSE = "\ue000", "\ue001"
_NONCE = secrets.token_hex(8)
_TOKEN = re.compile(f"{_OPEN}{_NONCE}:(\\d+){_CLOSE}")
# Characters that open Markdown or HTML syntax inside a line (links, images, emphasis, code, raw
# HTML, entities, attribute lists, tables, closing # of a heading).
_MARKDOWN_ACTIVE = set("\\`*_{}[]()!<>&\"'|~^=#")


class HtmlStash:
    """Final HTML fragments of one build, each stored once and named by a token."""

    def __init__(self) -> None:
        self._fragments: list[str] = []
        self._index: dict[str, int] = {}
        self.active = False  # True once the Markdown preprocessor is part of the build

    def final_html(self, html: str) -> str:
        if not self.active:
            return html
        number = self._index.get(html)
        if number is None:
            number = self._index[html] = len(self._fragments)
            self._fragments.append(html)
        return f"{_OPEN}{_NONCE}:{number}{_CLOSE}"

    def expand(self, text: str) -> str:
        """The text with every token replaced by its HTML (for code that reads macro output)."""
        return _TOKEN.sub(lambda m: self._fragments[int(m.group(1))], text)

    def store_tokens(self, text: str, md: Markdown) -> str:
        return _TOKEN.sub(lambda m: md.htmlStash.store(self._fragments[int(m.group(1))]), text)


STASH = HtmlStash()


def final_html(html: str) -> str:
    return STASH.final_html(html)


def markdown_text(value: str) -> str:
    """Plain text written into Markdown so that it shows exactly as written and nothing else."""
    flat = " ".join(value.split())  # no line breaks: they could start a block (list, heading, code)
    return "".join(f"&#{ord(c)};" if c in _MARKDOWN_ACTIVE else c for c in flat)


class _StoreTokens(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if _OPEN not in text:
            return lines
        return STASH.store_tokens(text, self.md).split("\n")


class FinalHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After normalize_whitespace (30), before the raw HTML block parser (20).
        md.preprocessors.register(_StoreTokens(md), "final_html", 25)


def install(markdown_extensions: list[Any]) -> None:
    """Add the preprocessor to MkDocs' list of extensions (once) and switch tokens on."""
    if not any(isinstance(ext, FinalHtmlExtension) for ext in markdown_extensions):
        markdown_extensions.append(FinalHtmlExtension())
    STASH.active = True
