"""Statements that several guides repeat stay the same everywhere (no drift between copies).

The rule for the end of a term (ст. 193 ГК РФ) and for letters posted on the last day
(п. 2 ст. 194 ГК РФ) is one paragraph, copied under every term a guide states, and points to the
glossary entry that explains it. These tests read the guides as they are; they assert that the
copies agree, not what the copies say.
"""

from __future__ import annotations

import re

from sitecheck.project import Project

from .conftest import ROOT

DOCS = ROOT / "docs"
TERM_RULE_START = "**Последний день срока**"
GLOSSARY_ANCHOR = "slovar.md#kak-schitat-sroki"


def _paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in re.split(r"\n[ \t]*\n", text)]


def _term_rule_copies() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in sorted(DOCS.glob("*.md")):
        for paragraph in _paragraphs(page.read_text(encoding="utf-8")):
            if TERM_RULE_START in paragraph:
                found.setdefault(page.name, []).append(paragraph[paragraph.index(TERM_RULE_START) :])
    return found


def test_term_rule_paragraph_is_identical_in_every_guide() -> None:
    copies = _term_rule_copies()
    assert copies, f"no guide carries the paragraph that starts with {TERM_RULE_START}"
    distinct = {text for texts in copies.values() for text in texts}
    listing = "\n".join(f"{page}: {text}" for page, texts in copies.items() for text in texts)
    assert len(distinct) == 1, "the copies differ:\n" + listing


def test_term_rule_paragraph_points_to_the_glossary_entry() -> None:
    glossary = (DOCS / "slovar.md").read_text(encoding="utf-8")
    assert "{ #kak-schitat-sroki }" in glossary
    for page, texts in _term_rule_copies().items():
        assert all(GLOSSARY_ANCHOR in text for text in texts), page


def test_every_guide_citing_the_term_rule_uses_the_shared_paragraph() -> None:
    """A guide that cites ст. 193 ГК РФ outside the glossary does so through the shared paragraph
    (the Роспотребнадзор guide explains why the rule does not strictly apply there, without citing it)."""
    copies = _term_rule_copies()
    # Only guides: the glossary explains the rule itself, and the claim builder's page says how the
    # builder applies it (data/not-guides.yml lists both).
    for page in sorted(DOCS / src for src in Project(ROOT).guides):
        if "ст. 193 ГК РФ" in page.read_text(encoding="utf-8"):
            assert page.name in copies, f"{page.name} cites ст. 193 ГК РФ in its own words"
