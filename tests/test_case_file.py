"""«Моё дело» without a browser: the built page carries the rules its scripts name."""

from __future__ import annotations

import json
import re

from .conftest import ROOT, BuildResult


def test_the_page_carries_every_rule_its_scripts_name(built_site: BuildResult) -> None:
    """The claim-data block of the built page has each rule id the case scripts name (macros/claim_data.py)."""
    html = (built_site.site / "moe-delo" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="claim-data">(.*?)</script>', html, re.S)
    assert block, "no claim-data block on the page"
    carried = set(json.loads(block.group(1))["law"])
    named = set()
    for script in (ROOT / "docs" / "assets" / "case").glob("*.js"):
        named |= set(re.findall(r'"((?:zozpp|gk|gpk|nk|fz\d+)-[a-z0-9-]+)"', script.read_text(encoding="utf-8")))
    assert named and named <= carried, f"rules the scripts name but the page lacks: {sorted(named - carried)}"
