// The lawsuit computed (issue 27), on the frozen register and the fixture calendar. Every figure was
// counted by hand; the comment beside each says how.
import { FIXTURE_LAW } from "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeLawsuit } from "../../docs/assets/claim/lawsuit.js";
import { dayTerm } from "../../docs/assets/claim/calendar.js";
import { FIXTURE_CALENDAR as CAL } from "./fixture-calendar.mjs";
import { plain } from "./claim-support.mjs";

const all = (suit) => plain([suit.courtText, suit.venueText, suit.feeText, suit.fineText, ...suit.lines, ...suit.demands].join("\n"));

test("a ст. 23 penalty that has reached its cap: no further penalty, small claim to the мировой судья, no fee", () => {
  // Refund due 25.01.2024; filed 15.12.2024: 26.01–15.12 = 325 days × 30 ₽ = 9 750 ₽ → capped at 3 000 ₽.
  const suit = computeLawsuit({ base: 300000, kind: "quality", dueDate: "2024-01-25", filingDate: "2024-12-15", moral: 500000 });
  assert.equal(suit.penalty.days, 325);
  assert.equal(suit.penalty.amount, 300000);
  assert.equal(suit.claimPrice, 600000, "3 000 + 3 000 = 6 000 ₽; moral damages are not in it");
  assert.equal(suit.court, "magistrate");
  assert.equal(suit.room, 0);
  const text = all(suit);
  assert.match(text, /Цена иска: 3 000 ₽ \+ 3 000 ₽ = 6 000 ₽/);
  assert.match(text, /3 000 ₽ × 1 % × 325 дней = 9 750 ₽; неустойка не больше суммы, уплаченной за товар, поэтому 3 000 ₽/);
  assert.match(text, /уже достигла предела/);
  assert.doesNotMatch(text, /по день фактического исполнения/);
  assert.ok(text.includes(`мировой судья (${FIXTURE_LAW["gpk-23"].cite})`), text);
  assert.match(text, /Госпошлину платить не нужно.*пп\. 4 п\. 2 ст\. 333\.36 НК РФ/);
  assert.match(text, /компенсацию морального вреда 5 000 ₽/);
  assert.ok(text.includes(`по месту своего жительства или пребывания (${FIXTURE_LAW["zozpp-17-venue"].cite}; ${FIXTURE_LAW["gpk-29-consumer"].cite})`), text);
  assert.match(text, /штраф в размере 50 % от суммы, присуждённой судом/);
  assert.match(text, /не дали товар на проверку качества/);
});

test("a term crossing the New Year holidays, a claim over 100 000 ₽ to the районный суд, the penalty until paid", () => {
  // Refund demand received 22.12.2023: 10 days → 01.01.2024, a holiday; 1–8 January off → 09.01.2024.
  const due = dayTerm(CAL, "2023-12-22", 10);
  assert.equal(due.end, "2024-01-09");
  // Filed 19.01.2024: 10.01–19.01 = 10 days × 1 200 ₽ (1 % of 120 000 ₽) = 12 000 ₽; price 132 000 ₽.
  const suit = computeLawsuit({ base: 12000000, kind: "quality", dueDate: due.end, filingDate: "2024-01-19" });
  assert.equal(suit.penalty.days, 10);
  assert.equal(suit.penalty.amount, 1200000);
  assert.equal(suit.claimPrice, 13200000);
  assert.equal(suit.court, "district");
  assert.equal(suit.perDay, 120000);
  assert.equal(suit.room, 10800000, "120 000 − 12 000 = 108 000 ₽ more at most");
  const text = all(suit);
  assert.match(text, /с 10\.01\.2024 по 19\.01\.2024: 120 000 ₽ × 1 % × 10 дней = 12 000 ₽/);
  assert.match(text, /районный \(городской\) суд/);
  assert.match(text, /с 20\.01\.2024 по день фактического исполнения обязательства из расчёта 1 % от 120 000 ₽ \(1 200 ₽\) за каждый день.*не более 108 000 ₽ сверх неё/);
});

test("late delivery: 0,5 % of the prepayment; a claim of exactly the limit stays with the мировой судья; above 1 000 000 ₽ a fee", () => {
  // Promised 01.03.2024, filed 15.03.2024: 14 days × 250 ₽ (0,5 % of 50 000 ₽) = 3 500 ₽; price 53 500 ₽.
  const small = computeLawsuit({ base: 5000000, kind: "lateDelivery", dueDate: "2024-03-01", filingDate: "2024-03-15" });
  assert.equal(small.penalty.amount, 350000);
  assert.equal(small.claimPrice, 5350000);
  assert.equal(small.court, "magistrate");
  // 95 000 ₽ prepaid, 10 days × 475 ₽ = 4 750 ₽ → 99 750 ₽; 11 days → 100 225 ₽ (over the limit).
  assert.equal(computeLawsuit({ base: 9500000, kind: "lateDelivery", dueDate: "2024-03-01", filingDate: "2024-03-11" }).court, "magistrate");
  assert.equal(computeLawsuit({ base: 9500000, kind: "lateDelivery", dueDate: "2024-03-01", filingDate: "2024-03-12" }).court, "district");
  // 100 000 ₽ exactly (no penalty yet): the limit itself is the мировой судья's.
  assert.equal(computeLawsuit({ base: 10000000, kind: "lateDelivery", dueDate: "2024-03-15", filingDate: "2024-03-15" }).court, "magistrate");
  const big = computeLawsuit({ base: 100000000, kind: "quality", dueDate: "2024-03-01", filingDate: "2024-03-02" });
  assert.equal(big.claimPrice, 101000000, "1 000 000 ₽ + 1 % = 1 010 000 ₽");
  assert.match(plain(big.feeText), /пошлину платят с превышения \(п\. 3 ст\. 333\.36 НК РФ\)/);
});

test("the исковое заявление from the claim's answers: parties, facts, arithmetic, demands, copies", async () => {
  const { validate } = await import("../../docs/assets/claim/validate.js");
  const { letterText } = await import("../../docs/assets/claim/letter.js");
  const { buildLetter } = await import("../../docs/assets/claim/documents.js");
  const { summaryItems } = await import("../../docs/assets/claim/summary.js");
  const DATA = {
    ozon: { id: "ozon-address", recipient: "ООО «Пример»", display: "100000, г. Москва, ул. Примерная, д. 1", status: "unconfirmed", seen: "x", checked: "2024-01-01" },
    rospotrebnadzor: { id: "rpn", recipient: "Роспотребнадзор", display: "100001, г. Москва", status: "unconfirmed", seen: "y", checked: "2024-01-01" },
    calendar: CAL,
  };
  const answers = {
    doc: "lawsuit", recipient: "seller", sellerName: "ООО «Ромашка»", sellerIds: "7707083893", sellerAddress: "190000, г. Санкт-Петербург, Невский пр., д. 1",
    fullName: "Иванова Мария Петровна", address: "620000, г. Екатеринбург, ул. Ленина, д. 1", contact: "+7 900 000-00-00",
    orderNumber: "123-456", orderDate: "2024-01-10", product: "Чайник", price: "3 000", case: "defective", receivedDate: "2024-01-20",
    defect: "не включается", qDemand: "refund", claimSentDate: "2024-02-01", sellerReply: "none", moral: "5000", court: "", docDate: "2024-03-01",
    attachments: [], attachmentsOther: "",
  };
  assert.deepEqual(validate(answers, "2024-03-01", CAL), {});
  // Claim received Thu 01.02.2024: 10 days → Sun 11.02 → Mon 12.02. Penalty 13.02–01.03 = 18 days × 30 ₽ = 540 ₽.
  const words = plain(letterText(buildLetter(answers, DATA)));
  assert.match(words, /^В _+ \(суд по месту моего жительства\)\nИстец: Иванова Мария Петровна, адрес: 620000/);
  assert.match(words, /\nОтветчик: ООО «Ромашка», ИНН 7707083893, адрес: 190000/);
  assert.match(words, /\nЦена иска: 3 540 ₽\n/);
  assert.match(words, /\nИСКОВОЕ ЗАЯВЛЕНИЕ\nо защите прав потребителя\n/);
  assert.match(words, /01\.02\.2024 ответчик получил мою претензию .* Срок ответа истёк 12\.02\.2024 \(11\.02\.2024 — нерабочий день/);
  assert.match(words, /3 000 ₽ × 1 % × 18 дней = 540 ₽/);
  assert.match(words, /Цена иска: 3 000 ₽ \+ 540 ₽ = 3 540 ₽/);
  assert.match(words, /Прошу суд:\n1\. Взыскать с ответчика 3 000 ₽\.\n2\. Взыскать неустойку за период с 13\.02\.2024 по 01\.03\.2024 в размере 540 ₽/);
  assert.match(words, /3\. Взыскать неустойку с 02\.03\.2024 по день фактического исполнения обязательства из расчёта 1 % от 3 000 ₽ \(30 ₽\) за каждый день.*не более 2 460 ₽ сверх неё/);
  assert.match(words, /Взыскать компенсацию морального вреда 5 000 ₽/);
  assert.match(words, /Документ об отправке ответчику копии иска и приложений/);
  assert.doesNotMatch(words, /\.\./);
  const notes = plain(summaryItems([buildLetter(answers, DATA)], answers, CAL).join("\n"));
  assert.match(notes, /мировой судья/);
  assert.match(notes, /копию иска с приложениями заказным письмом/);
  // Too early: the seller's term has not run out and it has not refused.
  assert.match(validate({ ...answers, docDate: "2024-02-12" }, "2024-02-12", CAL).claimSentDate, /Иск подайте после 12\.02\.2024/);
  // Replacement suits are not written yet, and the form says so next to the demand.
  assert.match(validate({ ...answers, qDemand: "replace" }, "2024-03-01", CAL).qDemand, /пока не составляет/);
  // A refusal of goods of proper quality: money back, no ЗоЗПП penalty counted.
  const refusal = { ...answers, case: "refusal", receivedDate: "2024-01-29", keptIntact: true, sellerReply: "refused", docDate: "2024-02-05", claimSentDate: "2024-02-01" };
  assert.deepEqual(validate(refusal, "2024-02-05", CAL), {});
  const refusalWords = plain(letterText(buildLetter(refusal, DATA)));
  assert.match(refusalWords, /Цена иска: 3 000 ₽\n/);
  // No penalty of ЗоЗПП: ст. 395 interest instead (issue 27), none yet: the 10 days from 01.02.2024 end
  // 11.02, a Sunday, so 12.02.2024, after the filing date.
  assert.match(refusalWords, /Неустойки закона о защите прав потребителей за этот случай нет: вместо неё — проценты/);
  assert.match(refusalWords, /Процентов на 05\.02\.2024 нет: срок возврата денег \(12\.02\.2024\)/);
  assert.match(refusalWords, /проценты за пользование чужими денежными средствами на сумму 3 000 ₽ с 13\.02\.2024 по день фактической уплаты/);
});
