// The legal rules node's tests run on: tests/fixtures/claim/law.json, the `data.law` block
// the build makes of the frozen register tests/fixtures/contacts/data/law.yml (tests/test_claim_law.py checks it
// is current). Importing this module hands it to the builder (rules.js useLaw), as form.js does on the page.
import { readFileSync } from "node:fs";
import { useLaw } from "../../docs/assets/claim/rules.js";

export const FIXTURE_LAW = JSON.parse(readFileSync(new URL("../fixtures/claim/law.json", import.meta.url), "utf-8"));
useLaw(FIXTURE_LAW);
