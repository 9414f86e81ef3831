// The search engine (overrides/assets/javascripts/search-ru-core.js) without a browser: spelling
// normalisation as pure functions, and the engine over small made-up indexes that the build's own
// indexer (ozon/search_ru) writes. Run: node --test tests/js/search-core.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT, core, loadStemmer, engineFor, indexOf, first, pythonWords } from "./search-support.mjs";

test("folding: lower case, ё and э read as е", () => {
  assert.equal(core.fold("Пришёл ЭКРАН тревэл"), "пришел екран тревел");
  assert.deepEqual(core.words("Ozon-банк: 2 раза!"), ["ozon", "банк", "2", "раза"]);
});

test("wrong keyboard layout, both ways, punctuation keys included", () => {
  assert.equal(core.fromLatinLayout("jpjy ,fyr"), "озон банк");
  assert.equal(core.fromLatinLayout("gjcskrf gjnthzkfcm"), "посылка потерялась");
  assert.equal(core.fromLatinLayout("Ghtntypbz"), "Претензия");
  assert.equal(core.fromRussianLayout("щящт"), "ozon");
  assert.equal(core.fromRussianLayout(core.fromLatinLayout("qwerty")), "qwerty");
});

test("Latin transliteration as buyers type it", () => {
  assert.equal(core.transliterate("vozvrat"), "возврат");
  assert.equal(core.transliterate("otklyuchit"), "отключит");
  assert.equal(core.transliterate("zhaloba"), "жалоба");
  assert.equal(core.transliterate("rospotrebnadzor"), "роспотребнадзор");
  assert.equal(core.transliterate("podderzhka"), "поддержка");
  assert.equal(core.transliterate("shchi"), "щи");
  assert.equal(core.transliterate("moy"), "мой", "y after a vowel is й");
  assert.equal(core.transliterate("vy"), "вы", "y after a consonant is ы");
});

test("other tense forms of a verb", () => {
  assert.ok(core.otherForms("вернули").includes("вернуть"));
  assert.ok(core.otherForms("пришол").includes("пришла"));
  assert.ok(core.otherForms("потерялась").includes("потерять"));
  assert.ok(core.otherForms("выдает").includes("выдал"));
  assert.deepEqual(core.otherForms("посылка"), []);
  assert.ok(core.otherForms("привез").includes("привезли"));  // past of «привезти» has no «л»
});

test("noun forms with a vowel only the genitive plural has", () => {
  assert.ok(core.nounForms("денег").includes("деньги"));
  assert.ok(core.nounForms("посылок").includes("посылки"));
  assert.ok(core.nounForms("посылка").includes("посылок"));
  assert.deepEqual(core.nounForms("заказ"), []);
});

test("edit distance gives up above its limit; the limit grows with the stem", () => {
  assert.equal(core.distance("притенз", "претенз", 1), 1);
  assert.equal(core.distance("роспотребназдор", "роспотребнадзор", 2), 1, "a swap is one edit");
  assert.equal(core.distance("абвгд", "вгдеж", 1), 2, "gives up: limit + 1");
  assert.deepEqual([3, 4, 5, 7, 8, 12].map(core.editLimit), [0, 0, 1, 1, 2, 2]);
});

test("postings decode from space-separated base 36", () => {
  assert.deepEqual(core.decode("0 1 0 3 z 10 0 0"), [0, 1, 0, 3, 35, 36, 0, 0]);
});

test("the stemmer and stop words are the ones Material ships", () => {
  const { stem, stopWords } = loadStemmer();
  assert.equal(stem("претензию"), stem("претензия"));
  assert.equal(stem("ozon"), "ozon", "Latin words stay as they are");
  assert.ok(stopWords.has("не") && stopWords.has("ето") && !stopWords.has("это"), "stop words are folded too");
});

const DOCS = [
  { location: "a/", title: "Посылка потерялась", text: "", asked: "где мой заказ" },
  { location: "a/#s", title: "Что сохранить", text: "Сохраните переписку и чек." },
  { location: "b/", title: "Жалоба в Роспотребнадзор", text: "Ответ пришёл через Госуслуги." },
  { location: "c/", title: "Мошенники", text: "Своими словами: код никому не называйте.",
    quoted: "Ваша посылка потерялась, назовите код из СМС" },
  { location: "d/", title: "Пункт выдачи", text: "Заказ лежит в пункте выдачи семь дней." },
  { location: "e/", title: "Ozon Premium", text: "Как отключить подписку." },
  { location: "f/", title: "Поддержка", text: "Напишите в поддержку." },
];
const SYNONYMS = { groups: [["пвз", "пункт выдачи"], ["постамат", "почтомат"]], misspellings: { денги: "деньги" } };
const engine = engineFor(await indexOf(DOCS, SYNONYMS));

test("every form of a word reaches the same page", () => {
  for (const q of ["потерянная посылка", "потеряли посылку", "посылки", "ПОТЕРЯЛАСЬ", "посылка потерялась"])
    assert.equal(first(engine, q), "a/", q);
  for (const q of ["жалобу", "жалобы", "пожаловаться роспотребнадзор"])
    assert.equal(first(engine, q), "b/", q);
  assert.equal(engine.search("переписка").items[0][0].location, "a/#s", "the section that matched comes first");
});

test("ё, е and э are one letter", () => {
  assert.equal(first(engine, "пришел"), "b/");
  assert.equal(first(engine, "пришёл"), "b/");
  assert.equal(first(engine, "ответ пришэл"), "b/");
});

test("typos, a word still being typed, and stop words", () => {
  assert.equal(first(engine, "росптребнадзор"), "b/", "one letter missing is a typo, not a miss");
  assert.equal(first(engine, "госусл"), "b/", "a word still being typed matches by prefix");
  assert.equal(first(engine, ""), null);
  assert.equal(first(engine, "и в на"), null, "stop words alone find nothing");
});

test("a near word must share a long prefix: «подписку» is not «поддержку»", () => {
  assert.equal(first(engine, "подписку"), "e/");
  assert.ok(!engine.search("подписку").items.some((group) => group[0].location.startsWith("f/")));
});

test("Latin transliteration and the wrong layout find the Russian words", () => {
  assert.equal(first(engine, "posylka poteryalas"), "a/");
  assert.equal(first(engine, "gjcskrf"), "a/");
  assert.equal(first(engine, "ozon premium"), "e/", "a Latin word the site uses stays Latin");
  assert.equal(first(engine, "jnrk.xbnm gjlgbcre"), "e/", "«отключить подписку» in the wrong layout");
});

test("synonym groups: one word, and a phrase matched where a section has all its words", () => {
  assert.equal(first(engine, "пвз"), "d/");
  assert.equal(first(engine, "заказ в пвз"), "d/");
});

test("quoted text counts less than the guide's own words", () => {
  // «посылка потерялась» is in page c's quoted scam message; page a says it in its title
  const pages = engine.search("посылка потерялась").items.map((group) => group[0].location.split("#")[0]);
  assert.ok(pages.indexOf("a/") < pages.indexOf("c/") || !pages.includes("c/"), pages.join(", "));
  // with nothing better, the quote is still found
  assert.equal(first(engine, "назовите код"), "c/");
});

test("a word many guides use as a step heading is still rare as what a page is about", async () => {
  // Four guides have a step headed «Роспотребнадзор»; one page is about it. Among headings the word
  // is common, among titles it is as rare as «написать»: the page about the regulator answers.
  const docs = [
    { location: "rpn/", title: "Роспотребнадзор", text: "Подайте жалобу онлайн." },
    { location: "write/", title: "Написать продавцу", text: "Коротко и по делу." },
  ];
  for (const n of [1, 2, 3, 4])
    docs.push({ location: `g${n}/`, title: `Гайд ${n}`, text: "Сначала чат." },
      { location: `g${n}/#rpn`, title: "Роспотребнадзор", text: "Потом надзор." });
  const stepped = engineFor(await indexOf(docs));
  assert.equal(first(stepped, "написать в роспотребнадзор"), "rpn/");
  assert.equal(first(stepped, "написать"), "write/");
});

test("a verb under a perfective prefix is the same verb; a short root under a prefix is not", async () => {
  const verbs = engineFor(await indexOf([
    { location: "ignored/", title: "Если претензию проигнорировали", text: "Подождите десять дней." },
    { location: "blocked/", title: "Карта", text: "Банк блокирует карту при подозрении на мошенничество." },
    { location: "delivery/", title: "Сроки", text: "Доставка занимает неделю." },
  ]));
  assert.equal(first(verbs, "продавец игнорирует"), "ignored/", "«игнорирует» ~ «проигнорировали»");
  assert.equal(first(verbs, "заблокировали"), "blocked/", "«заблокировали» ~ «блокирует»");
  assert.equal(first(verbs, "ставка"), null, "«ставка» is not «доставка»");
});

test("a word weighs more in a short title than among many in a long one (BM25F title length)", async () => {
  // Both titles have both words; the long one names a narrower case, and its page says
  // «посылка» once more in its text. The page whose title is just the buyer's words is the answer.
  const titled = engineFor(await indexOf([
    { location: "short/", title: "Посылка потерялась", text: "Напишите в поддержку и ждите ответа." },
    { location: "long/", title: "Посылка потерялась при сортировке на складе в другом городе",
      text: "Напишите в поддержку: посылка могла задержаться на складе." },
    { location: "other/", title: "Возврат товара", text: "Оформите возврат в приложении." },
  ]));
  const pages = titled.search("потерялась посылка").items.map((group) => group[0].location);
  assert.deepEqual(pages, ["short/", "long/"]);
  assert.equal(first(titled, "сортировка на складе"), "long/", "words only the long title has still find it");
});

test("no results: the triage page and common situations, escaped, without the query", async () => {
  const fallback = {
    triage: { location: "s-chego-nachat/", title: "С чего начать <b>" },
    text: "Ничего не нашлось.",
    common: [{ location: "a/", title: "Посылка & заказ" }],
  };
  const withFallback = engineFor(await indexOf(DOCS, SYNONYMS, fallback));
  const query = "<img src=x onerror=alert(1)>zzzzqqq";
  const answer = withFallback.answer(query);
  assert.equal(answer.items[0][0].location, "s-chego-nachat/");
  assert.equal(answer.items[0][0].title, "С чего начать &lt;b&gt;");
  const html = JSON.stringify(answer);
  assert.ok(!html.includes("<img") && !html.includes("zzzzqqq"), "the query never reaches the markup");
  assert.ok(html.includes("Посылка &amp; заказ") && answer.items[1][0].location === "a/", "common situations follow");
  assert.deepEqual(withFallback.answer("и в на").items, [], "stop words alone are not «nothing found»");
  assert.deepEqual(engine.answer("zzzzqqq").items, [], "an index without a fallback answers with nothing");
});

test("results escape the page's own text", async () => {
  const hostile = engineFor(await indexOf([{ location: "x/", title: "<script>посылка</script>", text: "<b>посылка</b> & <i>" }]));
  const item = hostile.search("посылка").items[0][0];
  assert.ok(!item.title.includes("<script>") && item.title.includes("&lt;script&gt;"), item.title);
  assert.ok(!item.text.includes("<b>") && item.text.includes("&amp;"), item.text);
});

test("warming merges every word ahead of the queries and changes no result", async () => {
  const warmed = engineFor(await indexOf(DOCS, SYNONYMS));
  while (!warmed.warm(5));
  for (const q of ["посылка", "пвз", "росптребнадзор", "jnrk.xbnm gjlgbcre"])
    assert.deepEqual(warmed.search(q), engine.search(q), q);
});

test("texts that come after the index fill the snippets; a mismatched list is refused", async () => {
  const data = await indexOf(DOCS, SYNONYMS);
  const bare = { ...data, docs: data.docs.map(({ text, ...rest }) => rest) };
  const late = engineFor(bare);
  assert.equal(late.search("переписка").items[0][0].text, "", "titles alone before the texts arrive");
  late.addTexts(data.docs.map((doc) => doc.text));
  assert.match(late.search("переписка").items[0][0].text, /<mark>переписку<\/mark>/);
  assert.throws(() => late.addTexts(["one"]), /do not match/);
});

test("the build (Python) and the engine (JavaScript) split and fold words alike", async () => {
  const samples = ["Пришёл ЭКРАН, Ozon-банк: 2 раза!", "ст. 23.1 ЗоЗПП — 0,5 %", "Ёжик İstanbul straße ½ №5",
    "«Поддержка» в мессенджерах", "e-mail: help@ozon.ru", "СМС-код 1234"];
  assert.deepEqual(samples.map(core.words), await pythonWords(samples));
});

test("a query has a bound: a 13 KB paste or ?q= is read only up to its first 200 characters (issue 25)", () => {
  const long = "жалобу роспотребнадзор ".repeat(600);  // 13.8 KB, 1200 words
  assert.ok(engine.parse(long).length <= 16, "words past the bound are read");
  assert.deepEqual(engine.parse("жалобу " + "ы".repeat(13000)).map((s) => s.word), engine.parse("жалобу " + "ы".repeat(193)).map((s) => s.word));
  assert.equal(first(engine, long), "b/", "the bounded query still finds its page");
});

test("the search box, ?q=/?h= links and the engine share one bound", () => {
  const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");
  const bound = Number(/var MAX_QUERY_CHARS = (\d+)/.exec(read("overrides/assets/javascripts/search-ru-core.js"))[1]);
  assert.equal(Number(/maxlength="(\d+)"/.exec(read("overrides/partials/search.html"))[1]), bound);
  assert.equal(Number(/MAX_QUERY_CHARS=(\d+)/.exec(read("overrides/assets/javascripts/search-ru-config.js"))[1]), bound);
});
