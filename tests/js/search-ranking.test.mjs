// Ranking regression suite: every buyer's query of bench/search_queries.yml against the real site's
// index, through the same engine the worker runs. A change that loses queries fails here in seconds,
// without a browser. The index is the one `make check` has just built (PREBUILT_SITE), or a build of
// the project into a temporary folder.
//
// The floors are what the engine reached last (issue 16, third pass: hit@1 93.3 % = 154 of 165,
// hit@3 99.4 % = 164 of 165; the second pass had 93.3 % and 98.8 %, the first 88.0 % and 96.2 % of
// 133); the targets are hit@1 ≥ 90 % and hit@3 ≥ 97 %. Raise a floor when the engine gets
// better; never lower one to let a change through.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, engineFor, readSiteIndex, realSiteIndexPath } from "./search-support.mjs";

const HIT1_FLOOR = 0.93;
const HIT3_FLOOR = 0.99;
const PYTHON = path.join(ROOT, ".venv/bin/python");

/** The queries, read by the benchmark's own loader so the file has one reader. */
function queries() {
  const script = "import json; from bench.search import load_queries; " +
    "print(json.dumps([q.__dict__ for q in load_queries()], ensure_ascii=False))";
  return JSON.parse(execFileSync(PYTHON, ["-c", script], { cwd: ROOT, encoding: "utf8" }));
}

/** The page slug of a result location: «brak/#korotko» or «brak.html» → «brak». */
function slugOf(location) {
  const page = location.split("#")[0].replace(/\/$/, "").replace(/\.html$/, "");
  return page.split("/").pop();
}

const engine = engineFor(readSiteIndex(realSiteIndexPath()));
const outcomes = queries().map((query) => {
  const pages = engine.search(query.text).items.map((group) => slugOf(group[0].location));
  return { ...query, rank: pages.indexOf(query.slug) + 1, top: pages.slice(0, 3) };
});

function share(list, within) {
  return list.filter((o) => o.rank >= 1 && o.rank <= within).length / list.length;
}

function misses(list, within) {
  return list.filter((o) => !(o.rank >= 1 && o.rank <= within))
    .map((o) => `  «${o.text}» → ${o.slug}: ${o.rank || "not found"}; first: ${o.top.join(", ")}`).join("\n");
}

test(`hit@1 on the real site is at least ${HIT1_FLOOR * 100} %`, () => {
  const got = share(outcomes, 1);
  assert.ok(got >= HIT1_FLOOR, `hit@1 ${(got * 100).toFixed(1)} %; not first:\n${misses(outcomes, 1)}`);
});

test(`hit@3 on the real site is at least ${HIT3_FLOOR * 100} %`, () => {
  const got = share(outcomes, 3);
  assert.ok(got >= HIT3_FLOOR, `hit@3 ${(got * 100).toFixed(1)} %; not in the first three:\n${misses(outcomes, 3)}`);
});

test("hardly any query loses its guide from the results altogether", () => {
  const lost = outcomes.filter((o) => !o.rank);
  assert.ok(lost.length <= 0.01 * outcomes.length, `not found:\n${misses(lost, 1)}`);
});

test("each set of queries is measured (the first set and every added one)", () => {
  const sets = new Set(outcomes.map((o) => o.added));
  assert.ok(sets.has("") && sets.size >= 2, [...sets].join(", "));
  for (const added of sets) {
    const subset = outcomes.filter((o) => o.added === added);
    console.log(`# ${added || "first set"}: ${subset.length} queries, hit@1 ${(share(subset, 1) * 100).toFixed(1)} %, ` +
      `hit@3 ${(share(subset, 3) * 100).toFixed(1)} %`);
  }
});
