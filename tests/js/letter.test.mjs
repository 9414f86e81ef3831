// Validation messages and letter text of the claim builder: node --test tests/js/
import "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { validate as validateWith } from "../../docs/assets/claim/validate.js";
import { buildLetter, letterText, signatureName } from "../../docs/assets/claim/letter.js";
import { FIXTURE_CALENDAR } from "./fixture-calendar.mjs";
import { MAX_TEXT } from "../../docs/assets/claim/rules.js";
import { FIXTURE_DATA, claimAnswers, plain } from "./claim-support.mjs";

const TODAY = "2024-03-15";
const DATA = FIXTURE_DATA;
const validate = (answers, today) => validateWith(answers, today, FIXTURE_CALENDAR);
const BASE = claimAnswers({ orderDate: "2024-02-20", docDate: TODAY, attachments: ["order"] });
const notDelivered = { ...BASE, case: "not_delivered", prepaid: "12000", promisedDate: "2024-03-01", ndDemand: "refund" };

test("a complete not-delivered claim passes and shows the penalty arithmetic", () => {
  assert.deepEqual(validate(notDelivered, TODAY), {});
  const text = plain(letterText(buildLetter(notDelivered, DATA)));
  assert.match(text, /^Кому: ООО «Пример»\nАдрес: 100000, г\. Москва/);
  assert.match(text, /\nПРЕТЕНЗИЯ\n/);
  assert.match(text, /12 000 ₽ × 0,5 % × 14 дней = 840 ₽/);
  assert.match(text, /п\. 3 ст\. 23\.1 ЗоЗПП/);
  assert.match(text, /последний день срока — 25\.03\.2024/);
  assert.match(text, /Я отказываюсь от этого товара/, "the refusal п. 2.2 ст. 12 needs, in so many words");
  assert.match(text, /Приложения:\n1\. Скриншот страницы заказа № 123-456\./);
  assert.match(text, /Подпись: ____________ \/ Иванова М\. П\.$/);
});

test("empty required fields each get their own message", () => {
  const errors = validate({ doc: "claim", recipient: "seller", docDate: TODAY }, TODAY);
  for (const field of ["sellerName", "sellerAddress", "fullName", "address", "contact", "orderNumber", "orderDate", "product", "price", "case"]) {
    assert.ok(errors[field], `no message for ${field}`);
  }
});

test("dates in the future or in the wrong order are refused next to the right field", () => {
  assert.match(validate({ ...notDelivered, orderDate: "2024-03-16" }, TODAY).orderDate, /ещё не наступила/);
  assert.match(validate({ ...notDelivered, promisedDate: "2024-02-19" }, TODAY).promisedDate, /раньше даты заказа/);
  assert.match(validate({ ...notDelivered, promisedDate: "2024-03-15" }, TODAY).promisedDate, /ещё не прошёл/);
  assert.match(validate({ ...notDelivered, orderDate: "2023-02-29" }, TODAY).orderDate, /нет в календаре/);
  assert.match(validate({ ...notDelivered, ndDemand: "new_deadline", newDeadline: "2024-03-15" }, TODAY).newDeadline, /позже даты претензии/);
  assert.deepEqual(validate({ ...notDelivered, ndDemand: "new_deadline", newDeadline: "2024-03-25" }, TODAY), {});
});

test("a text over MAX_TEXT characters is refused; one that long in characters but longer in UTF-16 units is not", () => {
  const family = "👩\u200d👩\u200d👧"; // one character, 8 UTF-16 units
  assert.equal(validate({ ...notDelivered, product: "я".repeat(MAX_TEXT) }, TODAY).product, undefined);
  assert.match(validate({ ...notDelivered, product: "я".repeat(MAX_TEXT + 1) }, TODAY).product, /Слишком длинно/);
  assert.equal(validate({ ...notDelivered, product: family.repeat(MAX_TEXT) }, TODAY).product, undefined);
  assert.match(validate({ ...notDelivered, product: family.repeat(MAX_TEXT + 1) }, TODAY).product, /Слишком длинно/);
});

test("negative, zero, absurd and malformed amounts are refused", () => {
  assert.match(validate({ ...notDelivered, price: "-100" }, TODAY).price, /отрицательной/);
  assert.match(validate({ ...notDelivered, price: "0" }, TODAY).price, /больше нуля/);
  assert.match(validate({ ...notDelivered, price: "120000000" }, TODAY).price, /лишних нулей/);
  assert.match(validate({ ...notDelivered, price: "12 тыс" }, TODAY).price, /Не похоже на сумму/);
  assert.match(validate({ ...notDelivered, prepaid: "13000" }, TODAY).prepaid, /больше цены/);
});

test("partial prepayment is the penalty base", () => {
  const text = plain(letterText(buildLetter({ ...notDelivered, prepaid: "5000" }, DATA)));
  assert.match(text, /5 000 ₽ × 0,5 % × 14 дней = 350 ₽/);
  assert.match(text, /но всего не больше суммы предоплаты — 5 000 ₽/);
});

test("defect claim with an earlier unmet demand adds the 1 % penalty", () => {
  const answers = { ...BASE, case: "defective", receivedDate: "2024-02-25", defect: "не включается", qDemand: "refund", firstDemandDate: "2024-03-01" };
  assert.deepEqual(validate(answers, TODAY), {});
  const text = plain(letterText(buildLetter(answers, DATA)));
  assert.match(text, /ст\. 18 ЗоЗПП/);
  assert.match(text, /за период с 12\.03\.2024 по 15\.03\.2024: 12 000 ₽ × 1 % × 4 дня = 480 ₽ \(п\. 1 ст\. 23 ЗоЗПП\)/);
  const first = plain(letterText(buildLetter({ ...answers, firstDemandDate: "" }, DATA)));
  assert.match(first, /12 000 ₽ × 1 % = 120 ₽ в день, но всего не больше суммы, уплаченной за товар \(п\. 1 ст\. 23 ЗоЗПП\)/);
});

test("refusal of a good item: 7 days, or 3 months without written return terms", () => {
  const answers = { ...BASE, case: "refusal", receivedDate: "2024-03-07", keptIntact: true };
  assert.match(validate(answers, TODAY).receivedDate, /истёк 14\.03\.2024/);
  assert.deepEqual(validate({ ...answers, receivedDate: "2024-03-08" }, TODAY), {});
  assert.deepEqual(validate({ ...answers, noReturnInfo: true }, TODAY), {});
  assert.match(plain(letterText(buildLetter({ ...answers, noReturnInfo: true }, DATA))), /3 месяца с момента передачи товара, по 07\.06\.2024/);
  assert.ok(validate({ ...answers, receivedDate: "2024-03-08", keptIntact: false }, TODAY).keptIntact);
});

test("refund not returned: too early is refused, late gets the ст. 23 penalty", () => {
  const answers = { ...BASE, case: "refund_missing", refundBasis: "defect", refundDemandDate: "2024-03-01", refundAmount: "12000" };
  assert.deepEqual(validate(answers, TODAY), {});
  assert.match(plain(letterText(buildLetter(answers, DATA))), /12 000 ₽ × 1 % × 4 дня = 480 ₽/);
  assert.match(validate({ ...answers, refundDemandDate: "2024-03-05" }, TODAY).refundDemandDate, /ещё идут/);
  const refusal = plain(letterText(buildLetter({ ...answers, refundBasis: "refusal" }, DATA)));
  assert.match(refusal, /п\. 4 ст\. 26\.1 ЗоЗПП/);
  assert.match(refusal, /ст\. 395 ГК РФ/);
});

test("the complaint reuses the answers, names the seller and ст. 12 Закона № 59-ФЗ", () => {
  const answers = { ...notDelivered, doc: "complaint", claimSentDate: "2024-03-02", sellerReply: "none", rpnOffice: "", rpnAddress: "" };
  assert.deepEqual(validate(answers, TODAY), {});
  const text = plain(letterText(buildLetter(answers, DATA)));
  assert.match(text, /^Кому: Роспотребнадзор\nАдрес: 100001/);
  assert.match(text, /\nЖАЛОБА\n/);
  assert.match(text, /02\.03\.2024 продавец ООО «Пример» \(100000, г\. Москва, ул\. Примерная, д\. 1\) получил мою претензию/);
  assert.match(text, /Срок ответа истёк 12\.03\.2024\. Ответа на претензию нет/);
  assert.match(text, /ст\. 12 Закона № 59-ФЗ/);
  assert.match(text, /Копия претензии от 02\.03\.2024/);
  assert.match(validate({ ...answers, rpnOffice: "Свердловской области" }, TODAY).rpnAddress, /адрес управления/);
  assert.match(validate({ ...answers, claimSentDate: "2024-03-16" }, TODAY).claimSentDate, /ещё не наступила/);
});

test("signature shows the surname and initials", () => {
  assert.equal(plain(signatureName("  Иванова   Мария Петровна ")), "Иванова М. П.");
  assert.equal(signatureName("Ли"), "Ли");
});
