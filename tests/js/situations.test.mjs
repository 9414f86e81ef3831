// Issue 27: a letter for every situation the guides cover. Each case is counted by hand on the fixture
// calendar (the comment says how); citations are read from the frozen register, never typed.
import { FIXTURE_LAW } from "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { validate as validateWith } from "../../docs/assets/claim/validate.js";
import { buildLetter, buildLetters } from "../../docs/assets/claim/documents.js";
import { letterText, withinDays } from "../../docs/assets/claim/letter.js";
import { CASES } from "../../docs/assets/claim/rules.js";
import { DEMANDS as CASE_DEMANDS, CASE_KINDS } from "../../docs/assets/case/model.js";
import { FIXTURE_CALENDAR } from "./fixture-calendar.mjs";
import { claimAnswers, cited, plain } from "./claim-support.mjs";

const TODAY = "2024-03-15";
const DATA = {
  ozon: { id: "ozon-address", recipient: "ООО «Пример»", display: "100000, г. Москва, ул. Примерная, д. 1", status: "unconfirmed" },
  rospotrebnadzor: { id: "rpn", recipient: "Роспотребнадзор", display: "100001, г. Москва", status: "unconfirmed" },
  calendar: FIXTURE_CALENDAR,
};
const validate = (answers) => validateWith(answers, TODAY, FIXTURE_CALENDAR);
const text = (answers) => plain(letterText(buildLetter(answers, DATA)));
const BASE = claimAnswers({ orderDate: "2024-02-20", docDate: TODAY });

const handed = { ...BASE, case: "handed_not_received", prepaid: "12 000", promisedDate: "2024-03-20", handedDate: "2024-03-10", ndDemand: "refund" };
const cancelled = { ...BASE, case: "cancelled", prepaid: "12 000", promisedDate: "2024-03-01", cancelKind: "repriced", cancelDate: "2024-02-25", ndDemand: "new_deadline", newDeadline: "2024-03-25" };
const repair = { ...BASE, case: "repair_delay", orderDate: "2024-01-02", receivedDate: "2024-01-10", defect: "не включается", repairDate: "2024-01-25", qDemand: "refund", substitute: true };
const subscription = { ...BASE, case: "subscription", product: "Ozon Premium", price: "399", refundAmount: "399", subReason: "no_consent", chargeDate: "2024-03-01" };

test("every situation of the builder but a card operation is a kind of «Моё дело» with its demands", () => {
  for (const id of Object.keys(CASES).filter((id) => !CASES[id].bank)) {
    assert.ok(CASE_KINDS[id], id);
    assert.ok(Object.keys(CASE_DEMANDS[id] ?? {}).length, `${id} has no demands in case/model.js`);
  }
});

test("«вручён» but not received: written before the promised date, no penalty yet, the law of handing over", () => {
  // The promised date 20.03.2024 is still ahead on 15.03: the buyer may write; 10 days from 15.03 → 25.03 (Monday).
  assert.deepEqual(validate(handed), {});
  const letter = text(handed);
  assert.ok(letter.includes(cited("gk-499-recipient")) && letter.includes(cited("gk-458")), letter);
  assert.match(letter, /10\.03\.2024 в приложении Ozon заказ отмечен как вручённый/);
  assert.match(letter, /последний день срока — 25\.03\.2024/);
  assert.doesNotMatch(letter, /просрочка составляет/);
  assert.match(letter, /с 21\.03\.2024 я потребую неустойку 0,5 %/);
  assert.match(validate({ ...handed, handedDate: "" }).handedDate, /Укажите/);
  assert.match(validate({ ...handed, handedDate: "2024-02-19" }).handedDate, /раньше, чем оформили/);
  // The ordinary late delivery still waits for its date.
  assert.match(validate({ ...handed, case: "not_delivered" }).promisedDate, /ещё не наступила|ещё не прошёл/);
});

test("an order re-priced after payment: the paid price, ст. 310 and п. 1 ст. 500 ГК РФ, the penalty since the promised date", () => {
  // Promised 01.03.2024; 02.03–15.03 = 14 days × 60 ₽ (0,5 % of 12 000 ₽) = 840 ₽.
  assert.deepEqual(validate(cancelled), {});
  const letter = text(cancelled);
  assert.ok(letter.includes(cited("gk-500-price")) && letter.includes(cited("gk-310")), letter);
  assert.match(letter, /по цене, которую я оплатил\(а\), без доплаты в новый срок — не позднее 25\.03\.2024/);
  assert.match(letter, /12 000 ₽ × 0,5 % × 14 дней = 840 ₽/);
  assert.match(validate({ ...cancelled, cancelKind: "" }).cancelKind, /Выберите/);
  assert.match(validate({ ...cancelled, cancelDate: "2024-03-16" }).cancelDate, /ещё не наступила/);
});

test("a repair past its 45 days: the term on the calendar, the penalty, the substitute in 3 days", () => {
  // 25.01.2024 + 45 days = 10.03.2024, a Sunday → 11.03.2024; 12.03–15.03 = 4 days × 120 ₽ = 480 ₽.
  assert.deepEqual(validate(repair), {});
  const letter = text(repair);
  assert.match(letter, /истёк 11\.03\.2024 \(10\.03\.2024 — нерабочий день/);
  assert.match(letter, /12 000 ₽ × 1 % × 4 дня = 480 ₽/);
  assert.ok(letter.includes(`${withinDays(FIXTURE_LAW["zozpp-20-substitute"].figures.substitute.value).replace("\u00a0", " ")} со дня получения претензии предоставить мне`), letter);
  assert.ok(letter.includes(cited("zozpp-20-substitute")), letter);
  assert.doesNotMatch(letter, /я передам товар продавцу по его запросу/, "the item is already with the seller");
  // On 11.03 the repair's term is still running.
  assert.match(validate({ ...repair, docDate: "2024-03-11" }).repairDate, /ещё идёт.*11\.03\.2024/);
  assert.match(validate({ ...repair, qDemand: "reduce" }).qDemand, /Выберите/, "a repair past its term gives a refund or a replacement");
});

test("an incomplete order, a counterfeit and a dead code: each its own facts and law, the quality terms", () => {
  const incomplete = { ...BASE, case: "incomplete", receivedDate: "2024-03-01", defect: "нет крышки", qDemand: "replace" };
  assert.deepEqual(validate(incomplete), {});
  const a = text(incomplete);
  for (const id of ["gk-466", "gk-478", "gk-480"]) assert.ok(a.includes(cited(id)), `${id}: ${a}`);
  assert.match(a, /последний день срока — 22\.03\.2024/, "7 days of ст. 21 from 15.03");
  const fake = { ...BASE, case: "counterfeit", receivedDate: "2024-03-01", defect: "нет голограммы", qDemand: "refund" };
  assert.deepEqual(validate(fake), {});
  assert.match(text(fake), /оказался подделкой: нет голограммы\./);
  assert.match(validate({ ...fake, qDemand: "reduce" }).qDemand, /Выберите/);
  const code = { ...BASE, case: "digital_code", receivedDate: "2024-03-01", defect: "«код уже активирован»", qDemand: "replace" };
  assert.deepEqual(validate(code), {});
  assert.match(text(code), /Код не работает: «код уже активирован»\./);
  assert.doesNotMatch(text(code), /передам товар/);
  assert.match(validate({ ...code, defect: "" }).defect, /когда вы вводите код/);
});

test("a subscription charged without consent: 3 days (п. 3.1 ст. 16 ЗоЗПП); after cancelling: 7 days (п. 2 ст. 314 ГК РФ)", () => {
  // 15.03.2024 + 3 = 18.03 (Monday); + 7 = 22.03 (Friday).
  assert.deepEqual(validate(subscription), {});
  const a = text(subscription);
  assert.ok(a.includes(cited("zozpp-16-imposed")), a);
  assert.match(a, /Вернуть мне 399 ₽ в течение 3 дней со дня получения претензии/);
  assert.match(a, /последний день срока — 18\.03\.2024/);
  assert.match(a, /цена — 399 ₽/, "a service, not goods");
  const after = { ...subscription, subReason: "after_cancel", subCancelDate: "2024-02-25" };
  assert.deepEqual(validate(after), {});
  const b = text(after);
  assert.ok(b.includes(cited("gk-314")) && b.includes(cited("zozpp-32")) && b.includes(cited("gk-1102")), b);
  assert.match(b, /последний день срока — 22\.03\.2024/);
  assert.match(validate({ ...after, subCancelDate: "2024-03-05" }).chargeDate, /раньше отключения/);
  assert.match(validate({ ...subscription, refundAmount: "500" }).refundAmount, /не больше, чем вы заплатили/);
});

test("Ozon Travel: the reason decides the law (ст. 108 ВК РФ for illness, ст. 32 ЗоЗПП for a refusal)", () => {
  const trip = { ...BASE, case: "travel", product: "Билет Москва — Сочи", price: "8 000", refundAmount: "8 000", travelReason: "illness", tripDate: "2024-03-05" };
  assert.deepEqual(validate(trip), {});
  assert.ok(text(trip).includes(cited("vk-108")));
  assert.ok(text({ ...trip, travelReason: "own_refusal" }).includes(cited("zozpp-32")));
  assert.match(validate({ ...trip, travelReason: "" }).travelReason, /Выберите/);
});

test("the lawsuit for a subscription counts ст. 395 interest from the day after the claim's term", () => {
  // Claim received 01.03.2024 (Friday): 3 days → 04.03 (Monday); 05.03–15.03 = 11 days;
  // 399 ₽ × 16 % × 11 / 366 = 1,918… → 1,92 ₽.
  const suit = { ...subscription, doc: "lawsuit", claimSentDate: "2024-03-01", sellerReply: "none", keyRates: "18.12.2023 16" };
  assert.deepEqual(validate(suit), {});
  const letters = buildLetters(suit, DATA);
  assert.equal(letters.length, 1);
  const a = plain(letterText(letters[0]));
  assert.match(a, /с 05\.03\.2024 по 15\.03\.2024: 399 ₽ × 16 % × 11 дней \/ 366 = 1,92 ₽/);
  assert.match(a, /Цена иска: 399 ₽ \+ 1,92 ₽ = 400,92 ₽/);
  assert.match(validate({ ...suit, keyRates: "вчера 16" }).keyRates, /^Строка 1:/);
});
