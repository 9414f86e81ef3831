"""Issue 26: a page is called by one name everywhere, and the site speaks Russian to the end of the page.

A title «Name: what it is about» gives the page its name (before the colon). A link to that page whose
text names it («Лестница …») uses that name, not a variant («Лестница защиты», «Лестница»): a reader
who saw four names took them for four pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.guide_index import read_front_matter

from .conftest import ROOT, BuildResult

MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[a-z0-9-]+\.md)(?:#[^)\s]*)?\)")
STEM_LETTERS = 5  # «Лестниц» finds «Лестница», «лестницей», «лестнице»


def page_names(docs: Path) -> dict[str, str]:
    """page file → its name, for pages whose title reads «Name: subtitle» with a name of one long word or more."""
    names = {}
    for path in sorted(docs.glob("*.md")):
        title = str(read_front_matter(path).get("title") or "")
        name, colon, _ = title.partition(":")
        if colon and len(name.split()[0]) >= STEM_LETTERS:
            names[path.name] = name.strip()
    return names


def misnamed_links(docs: Path) -> list[str]:
    names = page_names(docs)
    problems = []
    for path in sorted(docs.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for match in MARKDOWN_LINK.finditer(text):
            name = names.get(match["target"])
            if not name:
                continue
            label = " ".join(match["text"].split())
            stem = name.split()[0][:STEM_LETTERS].lower()
            if stem in label.lower() and name.lower() not in label.lower():
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"docs/{path.name}:{line}: «{label}» names {match['target']} «{name}»; write «{name}»")
    return problems


def test_named_pages_are_linked_by_their_name() -> None:
    assert page_names(ROOT / "docs"), "no title has the form «Name: subtitle»; the test would prove nothing"
    problems = misnamed_links(ROOT / "docs")
    assert not problems, "\n".join(problems)


def test_a_variant_of_the_name_is_reported(tmp_path: Path) -> None:
    (tmp_path / "stairs.md").write_text("---\ntitle: \"Лестница обращений: куда идти\"\n---\n", encoding="utf-8")
    (tmp_path / "guide.md").write_text("Текст.\n\nСм. [Лестница защиты](stairs.md#sroki).\n", encoding="utf-8")
    assert misnamed_links(tmp_path) == [
        "docs/guide.md:3: «Лестница защиты» names stairs.md «Лестница обращений»; write «Лестница обращений»"
    ]


def test_footer_credit_is_in_russian(built_site: BuildResult) -> None:
    english = [p.relative_to(built_site.site).as_posix() for p in built_site.site.rglob("*.html")
               if "Made with" in p.read_text(encoding="utf-8")]
    assert not english, f"«Made with Material for MkDocs» in English on: {english[:5]}"
