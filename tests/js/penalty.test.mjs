// Penalty and money arithmetic of the claim builder: node --test tests/js/
import "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { perMille, daysLate, lateDeliveryPenalty, qualityPenalty, qualityPenaltyPerDay, periodText, capReachedOn } from "../../docs/assets/claim/penalty.js";
import { parseRubles, formatRubles, pluralDays } from "../../docs/assets/claim/money.js";
import { plain } from "./claim-support.mjs";


test("amounts parse to kopecks in the ways people type them", () => {
  assert.equal(parseRubles("12000"), 1200000);
  assert.equal(parseRubles("12 000"), 1200000);
  assert.equal(parseRubles("12\u00a0000,5"), 1200050);
  assert.equal(parseRubles("12000.05"), 1200005);
  assert.equal(parseRubles("12 000 ₽"), 1200000);
  assert.equal(parseRubles("0,1"), 10);
  assert.equal(parseRubles("-5"), -500);
  assert.equal(parseRubles("12,345"), null, "three decimals are not kopecks");
  assert.equal(parseRubles("двенадцать"), null);
  assert.equal(parseRubles(""), null);
  assert.equal(parseRubles("1e5"), null);
});

test("money prints with grouped rubles and kopecks only when there are some", () => {
  assert.equal(plain(formatRubles(1200000)), "12 000 ₽");
  assert.equal(plain(formatRubles(84050)), "840,50 ₽");
  assert.equal(plain(formatRubles(5)), "0,05 ₽");
  assert.equal(plain(formatRubles(123456789)), "1 234 567,89 ₽");
});

test("Russian plural of days", () => {
  assert.deepEqual([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(pluralDays),
    ["дней", "день", "дня", "дня", "дней", "дней", "дней", "дней", "день", "дня", "дней", "день", "дней"]);
});

test("the brief's example: 12 000 ₽ × 0,5 % × 14 дней = 840 ₽", () => {
  const penalty = lateDeliveryPenalty({ prepaid: 1200000, dueDate: "2024-03-01", until: "2024-03-15" });
  assert.equal(penalty.days, 14);
  assert.equal(penalty.amount, 84000);
  assert.equal(plain(penalty.formula), "12 000 ₽ × 0,5 % × 14 дней = 840 ₽");
  assert.equal(periodText(penalty), "с 02.03.2024 по 15.03.2024");
});

test("no penalty on the due date itself or before it", () => {
  const sameDay = lateDeliveryPenalty({ prepaid: 1200000, dueDate: "2024-03-01", until: "2024-03-01" });
  assert.equal(sameDay.days, 0);
  assert.equal(sameDay.amount, 0);
  assert.equal(periodText(sameDay), "");
  assert.equal(daysLate("2024-03-10", "2024-03-01"), 0);
  assert.equal(lateDeliveryPenalty({ prepaid: 1200000, dueDate: "2024-03-01", until: "2024-03-02" }).amount, 6000);
});

test("delay across 29 February counts that day", () => {
  const penalty = lateDeliveryPenalty({ prepaid: 1000000, dueDate: "2024-02-28", until: "2024-03-01" });
  assert.equal(penalty.days, 2);
  assert.equal(penalty.amount, 10000);
  assert.equal(lateDeliveryPenalty({ prepaid: 1000000, dueDate: "2023-02-28", until: "2023-03-01" }).days, 1);
});

test("the 0.5 % penalty stops at the prepayment (п. 3 ст. 23.1 ЗоЗПП)", () => {
  // 200 days × 0.5 % = 100 %: exactly the cap, not capped.
  const exact = lateDeliveryPenalty({ prepaid: 1200000, dueDate: "2024-01-01", until: addDaysIso("2024-01-01", 200) });
  assert.equal(exact.amount, 1200000);
  assert.equal(exact.capped, false);
  const over = lateDeliveryPenalty({ prepaid: 1200000, dueDate: "2024-01-01", until: addDaysIso("2024-01-01", 201) });
  assert.equal(over.raw, 1206000);
  assert.equal(over.amount, 1200000);
  assert.equal(over.capped, true);
  assert.match(plain(over.formula), /= 12 060 ₽; неустойка не больше суммы предоплаты, поэтому 12 000 ₽$/);
});

test("a partial prepayment is the base and the cap, not the price", () => {
  // The item costs 20 000 ₽, the buyer paid 5 000 ₽ ahead.
  const penalty = lateDeliveryPenalty({ prepaid: 500000, dueDate: "2024-05-01", until: "2024-05-11" });
  assert.equal(penalty.amount, 25000);
  assert.equal(plain(penalty.formula), "5 000 ₽ × 0,5 % × 10 дней = 250 ₽");
  const capped = lateDeliveryPenalty({ prepaid: 500000, dueDate: "2024-01-01", until: "2024-12-31" });
  assert.equal(capped.amount, 500000);
});

test("kopecks round half up, in integers only", () => {
  assert.equal(perMille(100, 5, 1), 1, "0.5 kopeck rounds up");
  assert.equal(perMille(99, 5, 1), 0, "0.495 kopeck rounds down");
  assert.equal(perMille(1, 5, 1), 0);
  // 999,99 ₽ × 0,5 % × 3 = 14,99985 ₽ → 15,00 ₽
  assert.equal(perMille(99999, 5, 3), 1500);
  assert.equal(plain(lateDeliveryPenalty({ prepaid: 99999, dueDate: "2024-01-01", until: "2024-01-04" }).formula), "999,99 ₽ × 0,5 % × 3 дня = 15 ₽");
  // 1 234,57 ₽ × 1 % × 1 = 12,3457 ₽ → 12,35 ₽
  assert.equal(qualityPenaltyPerDay(123457), 1235);
  assert.throws(() => perMille(Number.MAX_SAFE_INTEGER, 10, 10), RangeError);
});

test("1 % of the price per day for missed ст. 20–22 deadlines", () => {
  const penalty = qualityPenalty({ price: 1200000, dueDate: "2024-03-11", until: "2024-03-21" });
  assert.equal(penalty.days, 10);
  assert.equal(penalty.amount, 120000);
  assert.equal(plain(penalty.formula), "12 000 ₽ × 1 % × 10 дней = 1 200 ₽");
  assert.equal(plain(qualityPenalty({ price: 1000000, dueDate: "2024-01-01", until: "2024-01-02" }).formula), "10 000 ₽ × 1 % × 1 день = 100 ₽");
});

test("the ст. 23 penalty stops at the sum paid (500-ФЗ, since 01.02.2026): issue 29's 3 000 ₽ × 264 days", () => {
  // Counted by hand: 3 000 ₽ × 1 % = 30 ₽ a day; 264 days = 7 920 ₽, more than the 3 000 ₽ paid.
  const over = qualityPenalty({ price: 300000, dueDate: "2026-02-01", until: addDaysIso("2026-02-01", 264) });
  assert.equal(over.days, 264);
  assert.equal(over.raw, 792000);
  assert.equal(over.amount, 300000);
  assert.equal(over.capped, true);
  assert.equal(plain(over.formula), "3 000 ₽ × 1 % × 264 дня = 7 920 ₽; неустойка не больше суммы, уплаченной за товар, поэтому 3 000 ₽");
  // 100 days × 1 % is exactly the price: reached, not exceeded, so no cap sentence.
  const exact = qualityPenalty({ price: 300000, dueDate: "2026-02-01", until: addDaysIso("2026-02-01", 100) });
  assert.equal(exact.amount, 300000);
  assert.equal(exact.capped, false);
  assert.equal(capReachedOn("quality", { base: 300000, dueDate: "2026-02-01" }), addDaysIso("2026-02-01", 100));
  assert.equal(capReachedOn("lateDelivery", { base: 300000, dueDate: "2026-02-01" }), addDaysIso("2026-02-01", 200));
});

function addDaysIso(iso, days) {
  return new Date(Date.parse(iso + "T00:00:00Z") + days * 86400000).toISOString().slice(0, 10);
}
