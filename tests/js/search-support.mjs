// Loads the search engine (overrides/assets/javascripts/search-ru-core.js) under Node with the same
// Snowball stemmer files the worker loads: lunr-languages' Russian as Material ships it in the venv.
import { createRequire } from "node:module";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const core = require(path.join(ROOT, "overrides/assets/javascripts/search-ru-core.js"));
const PYTHON = path.join(ROOT, ".venv/bin/python");

/** Material's lunr/min directory: $SEARCH_RU_LUNR_DIR, or the one in the project's .venv. */
function lunrDir() {
  if (process.env.SEARCH_RU_LUNR_DIR) return process.env.SEARCH_RU_LUNR_DIR;
  const lib = path.join(ROOT, ".venv/lib");
  const python = fs.existsSync(lib) ? fs.readdirSync(lib).find((name) => name.startsWith("python")) : undefined;
  const dir = python && path.join(lib, python, "site-packages/material/templates/assets/javascripts/lunr/min");
  if (!dir || !fs.existsSync(dir))
    throw new Error("Material's lunr stemmer not found: run `make check` once (it creates .venv), or set SEARCH_RU_LUNR_DIR");
  return dir;
}

/** The stem function and stop words, exactly as the worker gets them. */
export function loadStemmer() {
  const lunr = core.lunrStandIn();
  // both files are UMD: under CommonJS they export a function that takes lunr
  require(path.join(lunrDir(), "lunr.stemmer.support.min.js"))(lunr);
  require(path.join(lunrDir(), "lunr.ru.min.js"))(lunr);
  return { stem: core.stemmerFrom(lunr), stopWords: lunr.stopWords };
}

/**
 * A built site's search_index.json with its prebuilt postings and entries put back, as the worker
 * does (ozon/search_ru split_prebuilt; the offline copy keeps them inline).
 */
export function readSiteIndex(indexPath) {
  const data = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  const index = data.config.search_ru;
  if (index && index.prebuilt) {
    const site = path.dirname(path.dirname(indexPath));
    const body = JSON.parse(fs.readFileSync(path.join(site, index.prebuilt.url), "utf8"));
    if (body.version !== index.prebuilt.version)
      throw new Error(`${indexPath}: ${index.prebuilt.url} does not match the index (a stale build?)`);
    const { version, docs, ...moved } = body;
    data.config.search_ru = { ...index, ...moved };
    if (docs) data.docs = docs;
  }
  return data;
}

/**
 * The real site's search_index.json: the one `make check` has just built (PREBUILT_SITE), or a build
 * of the project into a temporary folder, made once per test process.
 */
let builtIndex = null;
export function realSiteIndexPath() {
  const prebuilt = process.env.PREBUILT_SITE && path.join(process.env.PREBUILT_SITE, "search/search_index.json");
  if (prebuilt && fs.existsSync(prebuilt)) return prebuilt;
  if (builtIndex) return builtIndex;
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "search-site-"));
  execFileSync(PYTHON, ["-m", "mkdocs", "build", "--clean", "-d", site], {
    cwd: ROOT, stdio: "pipe", env: { ...process.env, NO_MKDOCS_2_WARNING: "1" },
  });
  return (builtIndex = path.join(site, "search/search_index.json"));
}

/** An engine over a search_index.json as ozon/search_ru writes it (postings put back). */
export function engineFor(data, weights = undefined) {
  return core.createEngine({ ...loadStemmer(), weights }, data.docs, data.config.search_ru);
}

// The project's Python, started once per test file and asked many times: each new process would spend
// half a second importing ozon/search_ru and what it needs, a dozen times per file.
const PYTHON_SERVER = `
import json, sys, traceback
from ozon_help.plugins.search_ru import index as search_ru
from ozon_help.plugins.search_ru.synonyms import Synonyms, words

def answer(request):
    if request["ask"] == "words":
        return [words(text) for text in request["texts"]]
    index = search_ru.build_index(request["docs"], search_ru.stop_words(),
                                  Synonyms.model_validate(request["synonyms"]), request.get("fallback"))
    return {"docs": request["docs"], "config": {"search_ru": index}}

for line in sys.stdin:
    try:
        reply = {"ok": answer(json.loads(line))}
    except Exception:
        reply = {"error": traceback.format_exc()}
    print(json.dumps(reply, ensure_ascii=False), flush=True)
`;

let python = null;

/** Ask the project's Python; the answer is a promise. The process never keeps a finished test file alive. */
function askPython(request) {
  if (!python) {
    const child = spawn(PYTHON, ["-c", PYTHON_SERVER], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
    const waiting = [];
    let pending = "";
    // Held (ref) only while an answer is awaited: a pending promise alone does not keep Node running.
    const hold = (held) => { for (const handle of [child, child.stdin, child.stdout]) held ? handle.ref() : handle.unref(); };
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      pending += chunk;
      for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
        const reply = JSON.parse(pending.slice(0, end));
        pending = pending.slice(end + 1);
        const { resolve, reject } = waiting.shift();
        if (reply.error) reject(new Error(`the project's Python failed:\n${reply.error}`));
        else resolve(reply.ok);
      }
      if (!waiting.length) hold(false);
    });
    child.on("exit", (code) => {
      python = null;
      for (const { reject } of waiting.splice(0)) reject(new Error(`the project's Python stopped (exit code ${code})`));
    });
    python = { child, waiting, hold };
  }
  const { child, waiting, hold } = python;
  hold(true);
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    child.stdin.write(JSON.stringify(request) + "\n");
  });
}

/**
 * Index made-up docs the way the build does (ozon/search_ru's build_index, run by the project's
 * Python), so tests of the engine need no site build and the index format has one author.
 */
export function indexOf(docs, synonyms = { groups: [], misspellings: {} }, fallback = undefined) {
  return askPython({ ask: "index", docs, synonyms, fallback });
}

/** How the build splits and folds each text into words (ozon_help/plugins/search_ru/synonyms.py words). */
export function pythonWords(texts) {
  return askPython({ ask: "words", texts });
}

/** The first result page's location for a query, or null. */
export function first(engine, query) {
  const items = engine.search(query).items;
  return items.length ? items[0][0].location.split("#")[0] : null;
}
