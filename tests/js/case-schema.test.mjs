// «Моё дело»: what comes back from storage or a file is checked against the one shape and the bounds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeCase } from "./case-support.mjs";
import { CaseFileError, orderProblems, parseCaseFile, serializeCaseFile, validateCaseFile } from "../../docs/assets/case/schema.js";
import { FILE_FORMAT, FILE_VERSION, LIMITS } from "../../docs/assets/case/model.js";

const file = (cases, extra = {}) => ({ format: FILE_FORMAT, version: FILE_VERSION, cases, ...extra });
const problemsOf = (value) => {
  try {
    validateCaseFile(value);
  } catch (error) {
    assert.ok(error instanceof CaseFileError);
    return error.problems;
  }
  assert.fail("accepted");
};

test("a saved file reads back as it was written", () => {
  const cases = [makeCase({ steps: [["claim_sent", "2024-02-26", "почтой, трек 12345"], ["claim_received", "2024-03-01"]] }), makeCase({ id: "delo-2", kind: "defective", demand: "repair" })];
  const text = serializeCaseFile(cases, "2024-03-15");
  assert.deepEqual(parseCaseFile(text).cases, cases);
});

test("not our file, another version, not JSON: one clear sentence each", () => {
  assert.throws(() => parseCaseFile("{oops"), /не JSON/);
  assert.throws(() => parseCaseFile("[]"), /не файл «Моего дела»/);
  assert.throws(() => parseCaseFile(JSON.stringify({ format: "other", version: 1, cases: [] })), /не файл/);
  assert.throws(() => parseCaseFile(JSON.stringify({ format: FILE_FORMAT, version: 2, cases: [] })), /другой версии/);
  assert.throws(() => parseCaseFile(JSON.stringify({ format: FILE_FORMAT, version: 1 })), /нет списка дел/);
});

test("the bounds: file size in UTF-8 bytes, number of cases, number of steps, text lengths", () => {
  const padded = serializeCaseFile([makeCase({ steps: [["claim_sent", "2024-02-26", "я".repeat(LIMITS.note)]] })], "2024-03-15");
  assert.ok(parseCaseFile(padded));
  // under the limit in characters, over it in bytes (Cyrillic takes two)
  const big = JSON.stringify(file([makeCase()], { saved: "2024-03-15" })).replace('"cases"', `"pad":"${"я".repeat(LIMITS.fileBytes / 2)}","cases"`);
  assert.ok(big.length < LIMITS.fileBytes * 1.01);
  assert.throws(() => parseCaseFile(big), /больше 200 КБ/);
  const many = Array.from({ length: LIMITS.cases + 1 }, (_, i) => makeCase({ id: `d${i}` }));
  assert.throws(() => validateCaseFile(file(many)), new RegExp(`не больше ${LIMITS.cases}`));
  const steps = Array.from({ length: LIMITS.steps + 1 }, () => ["claim_sent", "2024-01-01"]);
  assert.match(problemsOf(file([makeCase({ steps })])).join(" "), new RegExp(`шагов больше ${LIMITS.steps}`));
  const long = makeCase();
  long.title = "д".repeat(LIMITS.title + 1);
  long.order.product = "т".repeat(LIMITS.text + 1);
  assert.deepEqual(problemsOf(file([long])), [`Дело 1, название: длиннее ${LIMITS.title} знаков.`, `Дело 1, заказ, товар: длиннее ${LIMITS.text} знаков.`]);
});

test("every problem of a file is listed at once, with where it is", () => {
  const bad = makeCase({ steps: [["claim_received", "2024-03-01"], ["nonsense", "2024-03-02"]] });
  bad.kind = "defective";
  bad.demand = "new_deadline";
  bad.order.orderDate = "2024-02-30";
  bad.order.price = "двенадцать";
  bad.extra = 1;
  const problems = problemsOf(file([bad, { ...makeCase(), id: "Not An Id" }]));
  for (const expected of [
    "Дело 1: лишнее поле «extra».",
    "Дело 1: требование «new_deadline» не подходит к этой ситуации.",
    "Дело 1, шаг 2: неизвестный шаг «nonsense».",
    "Дело 1, заказ, цена: не сумма в рублях.",
    "Дело 1, заказ, дата заказа: не дата (нужен вид ГГГГ-ММ-ДД).",
    "Дело 1: шаг «Продавец получил претензию» не может быть раньше шага «Претензия отправлена или вручена».",
    "Дело 2: неверный идентификатор.",
  ]) assert.ok(problems.includes(expected), `${expected}\nnot in ${JSON.stringify(problems, null, 1)}`);
});

test("hostile keys and values never reach the page: __proto__, wrong types, control characters", () => {
  const text = serializeCaseFile([makeCase()], "2024-03-15").replace('"id"', '"__proto__":{"polluted":1},"id"');
  assert.throws(() => parseCaseFile(text), /лишнее поле «__proto__»/);
  assert.equal({}.polluted, undefined);
  const typed = makeCase();
  typed.steps = "many";
  typed.order.number = 12;
  typed.title = "a\u202eb";
  const problems = problemsOf(file([typed]));
  assert.ok(problems.includes("Дело 1: нет списка шагов."));
  assert.ok(problems.includes("Дело 1, заказ, номер: должно быть текстом."));
  assert.ok(problems.includes("Дело 1, название: недопустимые служебные символы."));
  const notes = makeCase({ steps: [["claim_sent", "2024-01-01", "строка 1\nстрока 2"]] });
  assert.ok(validateCaseFile(file([notes])), "a note may have line breaks");
});

test("steps out of order or twice", () => {
  const step = (kind, date) => ({ kind, date, note: "" });
  assert.deepEqual(orderProblems([step("claim_sent", "2024-03-05"), step("claim_received", "2024-03-01")]), ["«Продавец получил претензию» датирован раньше, чем «Претензия отправлена или вручена»."]);
  assert.deepEqual(orderProblems([step("claim_sent", "2024-03-01"), step("claim_sent", "2024-03-02")]), ["шаг «Претензия отправлена или вручена» записан дважды."]);
  assert.deepEqual(orderProblems([step("claim_sent", "2024-03-01"), step("complaint_sent", "2024-03-20"), step("complaint_registered", "2024-03-21")]), []);
});
