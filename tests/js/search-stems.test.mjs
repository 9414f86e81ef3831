// The vocabulary's stems come prebuilt (ozon/search_ru stems_of, with Python's snowballstemmer),
// so the browser does not stem thousands of words when the reader turns to search; queries are still
// stemmed in the browser (lunr-languages' `ru`). Both must give the same stem for every word, or a
// query would miss the pages that use it. Run: node --test tests/js/search-stems.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, core, engineFor, indexOf, loadStemmer, readSiteIndex, realSiteIndexPath } from "./search-support.mjs";

const { stem } = loadStemmer();

/** A word's prebuilt stem: how many letters of the word it keeps, or the stem itself. */
function prebuilt(word, given) {
  return typeof given === "number" ? word.slice(0, given) : given;
}

/** The words whose prebuilt stem is not the one the worker's stemmer gives, as lines to read. */
function disagreements(index) {
  assert.ok(Array.isArray(index.stems), "the index has no prebuilt stems");
  assert.equal(index.stems.length, index.words.length, "one stem per word");
  return index.words
    .map((word, w) => [word, prebuilt(word, index.stems[w]), stem(word)])
    .filter(([, built, browser]) => built !== browser)
    .map(([word, built, browser]) => `  ${word}: build «${built}», browser «${browser}»`);
}

test("every word of the real site's index has the stem the browser's stemmer gives", () => {
  const index = readSiteIndex(realSiteIndexPath()).config.search_ru;
  assert.ok(index.words.length > 1000, `only ${index.words.length} words: is this the real site's index?`);
  const wrong = disagreements(index);
  assert.deepEqual(wrong, [], `stems differ:\n${wrong.join("\n")}`);
});

const HARD_WORDS = fs.readFileSync(path.join(ROOT, "tests/fixtures/search/hard-words.txt"), "utf8")
  .split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));

test("hard words (ё, doubled н, reflexives, participles, short, Latin, digits) stem alike", async () => {
  const index = (await indexOf([{ location: "a/", title: "Слова", text: HARD_WORDS.join(" ") }])).config.search_ru;
  const { stopWords } = loadStemmer();
  const expected = new Set(HARD_WORDS.flatMap((line) => core.words(line)).filter((word) => !stopWords.has(word)));
  const missing = [...expected].filter((word) => !index.words.includes(word));
  assert.deepEqual(missing, [], "every fixture word reaches the index (else it is not tested)");
  const wrong = disagreements(index);
  assert.deepEqual(wrong, [], `stems differ:\n${wrong.join("\n")}`);
});

const DOCS = [
  { location: "poteryalsya/", title: "Заказ потерялся", text: "Посылка потерялась на складе, её не нашли." },
  { location: "vozvrat/", title: "Вернуть товар", text: "Оформите возврат: деньги вернут за 10 дней." },
];

test("the engine takes the prebuilt stems and stems no word of the vocabulary itself", async () => {
  const data = await indexOf(DOCS);
  const stemmer = loadStemmer();
  const asked = [];
  const counting = (word) => { asked.push(word); return stemmer.stem(word); };
  core.createEngine({ stem: counting, stopWords: stemmer.stopWords }, data.docs, data.config.search_ru);
  assert.deepEqual(asked.filter((word) => data.config.search_ru.words.includes(word)), []);
});

test("results are the same with the prebuilt stems and with stems made in the browser", async () => {
  const data = await indexOf(DOCS);
  const withoutStems = structuredClone(data);
  delete withoutStems.config.search_ru.stems;
  const built = engineFor(data), browser = engineFor(withoutStems);
  for (const query of ["потерялся", "посылку потеряли", "вернули деньги", "возвраты", "склад"])
    assert.deepEqual(built.search(query), browser.search(query), query);
  assert.ok(built.search("потерялся").items.length, "the query finds the page");
});
