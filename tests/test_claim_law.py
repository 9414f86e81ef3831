"""The claim builder's frozen legal rules for node's tests, generated from the frozen register.

`tests/js/fixture-law.mjs` reads `tests/fixtures/claim/law.json`: the `data.law` block the
build would give the builder if `data/law.yml` were `tests/fixtures/contacts/data/law.yml`, made by the same
loader and the same selection (the rule ids the builder's scripts name). Node's tests never read the
real register, so a change in the law changes no expected figure there. When the fixture YAML or the
builder's rule ids change, regenerate it: `.venv/bin/python -m tests.test_claim_law`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from macros.claim_data import builder_rule_ids
from macros.law_data import load_law

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_YAML = ROOT / "tests" / "fixtures" / "contacts" / "data" / "law.yml"
FIXTURE_JSON = ROOT / "tests" / "fixtures" / "claim" / "law.json"
SCRIPTS = ROOT / "docs" / "assets" / "claim"


def generated() -> str:
    """The fixture's text as the loader makes it now."""
    register = load_law(FIXTURE_YAML)
    data = register.builder_json(builder_rule_ids(register, SCRIPTS))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_the_node_fixture_is_what_the_loader_makes_of_the_fixture_register() -> None:
    assert FIXTURE_JSON.read_text(encoding="utf-8") == generated(), (
        "tests/fixtures/claim/law.json is stale: run `.venv/bin/python -m tests.test_claim_law`"
    )


def test_every_rule_the_builder_names_is_in_the_real_register() -> None:
    real = load_law(ROOT / "data" / "law.yml")
    named = builder_rule_ids(real, SCRIPTS)
    fixture = json.loads(FIXTURE_JSON.read_text(encoding="utf-8"))
    assert named == sorted(fixture), "the real register lacks a rule the builder names, or the fixture is stale"


if __name__ == "__main__":
    FIXTURE_JSON.write_text(generated(), encoding="utf-8")
    sys.stdout.write(f"wrote {FIXTURE_JSON.relative_to(ROOT)}\n")
