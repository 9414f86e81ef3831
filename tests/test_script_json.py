"""One writer of JSON into a page's `<script>` element (macros/script_json.py), used by every block the project
writes: the claim builder's data, Material's compacted config and the JSON-LD of guides."""

from __future__ import annotations

import json
import re

import pytest

from ozon_help.plugins.compact_html.compact import compact_config
from ozon_help.plugins.seo.structured_data import script_safe_json as seo_json
from macros.claim_data import script_block
from macros.script_json import script_safe_json

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "a & b &amp; c",
    "line\u2028separator\u2029paragraph",
    "«кавычки» и ё",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_no_value_can_end_the_element_and_each_reads_back(value: str) -> None:
    data = {"x": value, "list": [value, {"y": value}]}
    for text in (script_safe_json(data), script_safe_json(data, sort_keys=True, compact=False)):
        assert not re.search("[<>&\u2028\u2029]", text), text
        assert json.loads(text) == data
    assert "«кавычки» и ё" in script_safe_json("«кавычки» и ё")  # Russian text stays readable, not \u-escaped


def test_every_block_the_project_writes_uses_it() -> None:
    data = {"x": HOSTILE[0] + HOSTILE[3]}
    assert seo_json is script_safe_json
    block = script_block(data)
    assert script_safe_json(data, sort_keys=True, compact=False) in block
    opening = '<script id="__config" type="application/json">'
    as_material_writes_it = json.dumps(data, indent=2).replace("<", "\\u003c")  # its template's tojson
    page = f"<head>{opening}{as_material_writes_it}</script></head>"
    assert compact_config(page) == f"<head>{opening}{script_safe_json(data)}</script></head>"
