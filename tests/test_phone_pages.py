"""Phone and paper (issue 15), the parts a built site shows without a browser."""

from __future__ import annotations

import json

from macros.guide_index import read_front_matter

from .conftest import ROOT, BuildResult


def _guides_with_asked() -> dict[str, list[str]]:
    """Every page whose front matter has `asked:` phrases, by the URL MkDocs gives it."""
    found = {}
    for path in sorted((ROOT / "docs").glob("*.md")):
        asked = read_front_matter(path).get("asked") or []
        if asked:
            found[path.stem + "/"] = [" ".join(str(phrase).split()) for phrase in asked]
    return found


def test_asked_phrases_feed_search_but_are_not_on_the_page(built_site: BuildResult) -> None:
    pages = _guides_with_asked()
    assert pages, "no page has asked: phrases; the test would prove nothing"
    docs = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = {doc["location"]: doc for doc in docs}
    for url, phrases in pages.items():
        indexed = entries[url].get("asked", "")
        assert all(phrase in indexed for phrase in phrases), f"{url}: asked phrases missing from search"
        html = (built_site.site / url / "index.html").read_text(encoding="utf-8")
        assert "Как ещё спрашивают" not in html, f"{url} still shows the raw «Как ещё спрашивают» list"
        shown = [phrase for phrase in phrases if f"«{phrase}»" in html]
        assert not shown, f"{url} shows asked phrases to readers: {shown}"
