// The search engine's own time, without a browser: what the worker spends on loading the index and
// on each query, as CPU time (the machine is shared: wall time would count other processes' turns).
// Called by bench/search.py with the built index and the queries (JSON on stdin).
//   node bench/search_engine.mjs site/search/search_index.json < queries.json
import fs from "node:fs";
import { engineFor, readSiteIndex } from "../tests/js/search-support.mjs";

const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const now = () => { const used = process.cpuUsage(); return (used.user + used.system) / 1000; };
let started = now();
const data = readSiteIndex(process.argv[2]);  // search_index.json and search_prebuilt.json, read and parsed
const parsed = now() - started;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
}
function timed(engine) {
  return queries.map((query) => {
    const start = now();
    engine.search(query);
    return now() - start;
  });
}

started = now();
const cold = engineFor(data);
const loaded = now() - started;
const coldTimes = timed(cold);                   // each query merges the postings it needs itself
const warm = engineFor(data);
started = now();
while (!warm.warm(10));
const warming = now() - started;
const warmTimes = timed(warm);                   // after the worker's background warm-up

const ms = (value) => `${value.toFixed(2)} ms`;
console.log(`engine CPU time: JSON.parse ${ms(parsed)}, load ${ms(loaded)} (vocabulary ${warm.vocabularySize} stems), ` +
  `background warm-up ${ms(warming)}`);
console.log(`engine per query, cold: median ${ms(median(coldTimes))}, p95 ${ms(p95(coldTimes))}; ` +
  `warmed: median ${ms(median(warmTimes))}, p95 ${ms(p95(warmTimes))}`);
