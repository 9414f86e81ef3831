// reviewed: 2026-12-07
// Interest under ст. 395 ГК РФ on money kept after its term (issue 27): the key rate of the Bank of
// Russia «действовавшей в соответствующие периоды», so the sum is counted per period of one rate and
// per calendar year (365 or 366 days), each part shown with its arithmetic. The rates are the buyer's
// own lines (the site holds no key-rate table it could not keep current): «28.10.2024 21». Pure;
// tested by node --test (tests/js/interest.test.mjs).

import { addDays, compare, daysBetween, formatRu, isLeapYear, isValidDate, parseDateInput } from "./dates.js";
import { daysText, formatRubles } from "./money.js";

/** At most this many rate lines: a few years of the key rate's changes. */
export const MAX_RATE_LINES = 30;

/** «16,5» → 16.5; a rate above 0 and at most 100 % a year, two decimals at most. */
function parseRate(text) {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  const rate = Number(`${match[1]}.${match[2] ?? "0"}`);
  return rate > 0 && rate <= 100 ? rate : null;
}

/**
 * The buyer's lines «ДД.ММ.ГГГГ ставка» → {rates: [{from, rate}] sorted by date} or {error} naming
 * the line. Empty text gives no rates (then the lawsuit asks the court to count the interest).
 */
export function parseKeyRates(text) {
  const lines = String(text ?? "").split("\n").map((line) => line.trim()).filter(Boolean);
  if (lines.length > MAX_RATE_LINES) return { error: `Не больше ${MAX_RATE_LINES} строк со ставками.` };
  const rates = [];
  for (const [index, line] of lines.entries()) {
    const match = /^(\S+)\s+(.+)$/.exec(line);
    const from = match ? parseDateInput(match[1]) : null;
    const rate = match ? parseRate(match[2]) : null;
    if (!from || !isValidDate(from) || rate === null) {
      return { error: `Строка ${index + 1}: напишите дату, с которой действовала ставка, и ставку в процентах, например «28.10.2024 21».` };
    }
    if (rates.some((r) => r.from === from)) return { error: `Строка ${index + 1}: дата ${formatRu(from)} уже есть в другой строке.` };
    rates.push({ from, rate });
  }
  rates.sort((a, b) => compare(a.from, b.from));
  return { rates };
}

/** base × rate % × days / yearDays, in kopecks, rounded half up (rate has at most two decimals). */
function part(base, rate, days, yearDays) {
  const hundredths = Math.round(rate * 100);
  const numerator = base * hundredths * days;
  if (!Number.isSafeInteger(numerator)) throw new RangeError("amount too large");
  const denominator = 10000 * yearDays;
  const whole = Math.floor(numerator / denominator);
  return (numerator - whole * denominator) * 2 >= denominator ? whole + 1 : whole;
}

const rateText = (rate) => `${String(rate).replace(".", ",")}\u00a0%`;

/**
 * Interest on `base` kopecks for each day after `dueDate` through `until`. {days, amount, parts:
 * [{from, to, days, rate, yearDays, amount, formula}], from, to} or {missingFrom} when no line gives a
 * rate for the first day (the buyer's lines start too late).
 */
export function interestFor({ base, dueDate, until, rates }) {
  const from = addDays(dueDate, 1);
  if (compare(from, until) > 0) return { days: 0, amount: 0, parts: [], from: null, to: null };
  if (!rates.length || compare(rates[0].from, from) > 0) return { missingFrom: from };
  const parts = [];
  let day = from;
  while (compare(day, until) <= 0) {
    const current = rates.filter((r) => compare(r.from, day) <= 0).at(-1);
    const next = rates.find((r) => compare(r.from, day) > 0);
    const year = Number(day.slice(0, 4));
    // The part ends at the day before the next rate, the year's end or `until`, whichever is first.
    const ends = [until, `${year}-12-31`, ...(next ? [addDays(next.from, -1)] : [])].sort(compare);
    const to = ends[0];
    const days = daysBetween(day, to) + 1;
    const yearDays = isLeapYear(year) ? 366 : 365;
    const amount = part(base, current.rate, days, yearDays);
    parts.push({
      from: day, to, days, rate: current.rate, yearDays, amount,
      formula: `с ${formatRu(day)} по ${formatRu(to)}: ${formatRubles(base)} × ${rateText(current.rate)} × ${daysText(days)} / ${yearDays} = ${formatRubles(amount)}`,
    });
    day = addDays(to, 1);
  }
  const days = parts.reduce((sum, p) => sum + p.days, 0);
  return { days, amount: parts.reduce((sum, p) => sum + p.amount, 0), parts, from, to: until };
}
