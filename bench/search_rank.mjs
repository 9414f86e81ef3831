// The result pages of each query, through the engine the browser's worker runs (no browser): read by
// bench/search_quality.py, which compares them with the accepted run and checks the guides' `asked:`.
//   node bench/search_rank.mjs site/search/search_index.json < texts.json   →   [[slug, …], …]
import fs from "node:fs";
import { engineFor, readSiteIndex } from "../tests/js/search-support.mjs";

const SHOWN = 10;  // pages kept per query: a rank below that counts as not found

/** The page slug of a result location: «brak/#korotko» or «brak.html» → «brak»; the home page → «». */
export function slugOf(location) {
  const page = location.split("#")[0].replace(/\/$/, "").replace(/\.html$/, "");
  return page.split("/").pop();
}

const texts = JSON.parse(fs.readFileSync(0, "utf8"));
const engine = engineFor(readSiteIndex(process.argv[2]));
const pages = texts.map((text) => engine.search(text).items.slice(0, SHOWN).map((group) => slugOf(group[0].location)));
process.stdout.write(JSON.stringify(pages));
