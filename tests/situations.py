"""The situations the home page's «Что случилось?» chooser offers, read from its markup in docs/index.md.

Tests derive their cases from here, so a card added, re-pointed or renamed is tested as it is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

CHOOSER_START = '<div class="grid cards situations" markdown>'
# A card is one Markdown list item holding one link: `- [Label](page.md#anchor)`.
CARD = re.compile(r"^- \[(?P<label>[^\]]+)\]\((?P<href>[^)\s]+)\)\s*$")


@dataclass(frozen=True)
class Situation:
    label: str  # as the reader sees it (entities decoded, soft hyphens removed)
    href: str  # as written in docs/index.md: `brak.md`, `akkaunt.md#heading`

    @property
    def page(self) -> str:
        """`akkaunt.md#x` → `akkaunt`."""
        return Path(self.href.partition("#")[0]).stem

    @property
    def anchor(self) -> str:
        return self.href.partition("#")[2]


def chooser_situations(index_md: Path) -> list[Situation]:
    """Every card of the chooser, in order; an empty list if the chooser is missing (tests then fail)."""
    text = index_md.read_text(encoding="utf-8")
    start = text.find(CHOOSER_START)
    if start < 0:
        return []
    block = text[start + len(CHOOSER_START) : text.find("</div>", start)]
    found = []
    for line in block.splitlines():
        match = CARD.match(line.strip())
        if match:
            label = html.unescape(match["label"]).replace("\u00ad", "")
            found.append(Situation(label=label, href=match["href"]))
    return found
