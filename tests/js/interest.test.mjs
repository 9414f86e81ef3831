// Interest under ст. 395 ГК РФ (issue 27): per period of one key rate and per calendar year, each part
// counted by hand (the comment beside each case says how), on the frozen register.
import { FIXTURE_LAW } from "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { interestFor, parseKeyRates, MAX_RATE_LINES } from "../../docs/assets/claim/interest.js";
import { computeLawsuit } from "../../docs/assets/claim/lawsuit.js";
import { plain } from "./claim-support.mjs";


test("one rate, a leap year: 12 000 ₽ × 16 % × 14 days / 366", () => {
  // Due 22.03.2024; 23.03–05.04 = 14 days; 12 000 × 0,16 × 14 / 366 = 73,443… → 73,44 ₽.
  const interest = interestFor({ base: 1200000, dueDate: "2024-03-22", until: "2024-04-05", rates: [{ from: "2023-12-18", rate: 16 }] });
  assert.equal(interest.days, 14);
  assert.equal(interest.amount, 7344);
  assert.equal(plain(interest.parts[0].formula), "с 23.03.2024 по 05.04.2024: 12 000 ₽ × 16 % × 14 дней / 366 = 73,44 ₽");
});

test("a delay across the New Year is split into a 366-day and a 365-day year", () => {
  // 21.12–31.12.2024: 11 days, 100 000 × 0,21 × 11 / 366 = 631,147… → 631,15 ₽;
  // 01.01–10.01.2025: 10 days, 100 000 × 0,21 × 10 / 365 = 575,342… → 575,34 ₽; total 1 206,49 ₽.
  const interest = interestFor({ base: 10000000, dueDate: "2024-12-20", until: "2025-01-10", rates: [{ from: "2024-10-28", rate: 21 }] });
  assert.deepEqual(interest.parts.map((p) => [p.from, p.to, p.days, p.yearDays, p.amount]), [
    ["2024-12-21", "2024-12-31", 11, 366, 63115],
    ["2025-01-01", "2025-01-10", 10, 365, 57534],
  ]);
  assert.equal(interest.amount, 120649);
});

test("a rate change inside the delay starts a new part on its own day", () => {
  // 26.07–28.07.2024 at 16 %: 10 000 × 0,16 × 3 / 366 = 13,114… → 13,11 ₽;
  // 29.07–02.08.2024 at 18 %: 10 000 × 0,18 × 5 / 366 = 24,590… → 24,59 ₽; total 37,70 ₽.
  const { rates } = parseKeyRates("29.07.2024 18\n01.01.2024 16");
  assert.deepEqual(rates, [{ from: "2024-01-01", rate: 16 }, { from: "2024-07-29", rate: 18 }], "sorted by date");
  const interest = interestFor({ base: 1000000, dueDate: "2024-07-25", until: "2024-08-02", rates });
  assert.deepEqual(interest.parts.map((p) => [p.days, p.rate, p.amount]), [[3, 16, 1311], [5, 18, 2459]]);
  assert.equal(interest.amount, 3770);
});

test("no rate for the first day: not counted, the court is asked; no delay yet: nothing", () => {
  assert.deepEqual(interestFor({ base: 1000000, dueDate: "2024-07-25", until: "2024-08-02", rates: [{ from: "2024-08-01", rate: 18 }] }), { missingFrom: "2024-07-26" });
  assert.deepEqual(interestFor({ base: 1000000, dueDate: "2024-07-25", until: "2024-07-25", rates: [] }).amount, 0);
});

test("the buyer's lines: a decimal comma, a percent sign, and every bad line named", () => {
  assert.deepEqual(parseKeyRates("16.09.2024 19,5 %").rates, [{ from: "2024-09-16", rate: 19.5 }]);
  assert.deepEqual(parseKeyRates("").rates, []);
  assert.match(parseKeyRates("16.09.2024 19\nвчера 20").error, /^Строка 2:/);
  assert.match(parseKeyRates("16.09.2024 0").error, /^Строка 1:/);
  assert.match(parseKeyRates("16.09.2024 101").error, /^Строка 1:/);
  assert.match(parseKeyRates("30.02.2024 16").error, /^Строка 1:/);
  assert.match(parseKeyRates("16.09.2024 19\n16.09.2024 20").error, /уже есть/);
  assert.match(parseKeyRates("01.01.2024 16\n".repeat(MAX_RATE_LINES + 1)).error, /Не больше/);
});

test("the lawsuit adds the interest to the claim's price, with its parts and «по день фактической уплаты»", () => {
  const suit = computeLawsuit({ base: 1200000, kind: null, filingDate: "2024-04-05", interestDue: "2024-03-22", rates: [{ from: "2023-12-18", rate: 16 }] });
  assert.equal(suit.claimPrice, 1207344, "12 000 + 73,44");
  const text = plain([...suit.lines, ...suit.demands].join("\n"));
  assert.match(text, /Цена иска: 12 000 ₽ \+ 73,44 ₽ = 12 073,44 ₽/);
  assert.ok(text.includes(`(${FIXTURE_LAW["gk-395"].cite}`), text);
  assert.match(text, /в размере 73,44 ₽/);
  assert.match(text, /с 06\.04\.2024 по день фактической уплаты долга/);
  // With a penalty of ЗоЗПП there is no interest for the same delay.
  assert.equal(computeLawsuit({ base: 1200000, kind: "quality", dueDate: "2024-03-22", filingDate: "2024-04-05", interestDue: "2024-03-22", rates: [{ from: "2023-12-18", rate: 16 }] }).interest, null);
});
