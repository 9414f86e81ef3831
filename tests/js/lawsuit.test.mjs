// The lawsuit computed (issue 27), on the frozen register and the fixture calendar. Every figure was
// counted by hand; the comment beside each says how.
import { FIXTURE_LAW } from "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeLawsuit } from "../../docs/assets/claim/lawsuit.js";
import { dayTerm } from "../../docs/assets/claim/calendar.js";
import { FIXTURE_CALENDAR as CAL } from "./fixture-calendar.mjs";

const plain = (text) => text.replace(/[\u00a0\u202f]/g, " ");
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
