// Penalties of the consumer-protection law (ЗоЗПП), in kopecks, with the arithmetic spelled out
// for the letter. Pure functions; tested by node --test (tests/js/penalty.test.mjs).

import { daysBetween, addDays, formatRu } from "./dates.js";
import { formatRubles, daysText } from "./money.js";

/** amount × rate‰ / 1000, rounded half up to a whole kopeck, in integers only. */
export function perMille(kopecks, perMilleRate, days = 1) {
  const numerator = kopecks * perMilleRate * days;
  if (!Number.isSafeInteger(numerator)) throw new RangeError("amount too large");
  const whole = Math.floor(numerator / 1000);
  return numerator - whole * 1000 >= 500 ? whole + 1 : whole;
}

/** Days of delay: from the day after the due date through `until` inclusive; never negative. */
export function daysLate(dueIso, untilIso) {
  return Math.max(0, daysBetween(dueIso, untilIso));
}

/**
 * п. 3 ст. 23.1 ЗоЗПП: 0.5 % of the prepayment for each day after the agreed delivery date,
 * at most the prepayment itself.
 */
export function lateDeliveryPenalty({ prepaid, dueDate, until }) {
  const days = daysLate(dueDate, until);
  const raw = perMille(prepaid, 5, days);
  const capped = raw > prepaid;
  const amount = capped ? prepaid : raw;
  let formula = `${formatRubles(prepaid)} × 0,5\u00a0% × ${daysText(days)} = ${formatRubles(raw)}`;
  if (capped) formula += `; неустойка не может превышать сумму предоплаты, поэтому ${formatRubles(amount)}`;
  return { days, raw, amount, capped, from: days ? addDays(dueDate, 1) : null, to: days ? until : null, formula, base: prepaid, rate: "0,5 %" };
}

/**
 * ст. 23 ЗоЗПП: 1 % of the price for each day a deadline of ст. 20–22 is missed. The law sets no
 * cap here (courts may lower it under ст. 333 ГК РФ), so none is applied.
 */
export function qualityPenalty({ price, dueDate, until }) {
  const days = daysLate(dueDate, until);
  const amount = perMille(price, 10, days);
  const formula = `${formatRubles(price)} × 1\u00a0% × ${daysText(days)} = ${formatRubles(amount)}`;
  return { days, raw: amount, amount, capped: false, from: days ? addDays(dueDate, 1) : null, to: days ? until : null, formula, base: price, rate: "1 %" };
}

/** 1 % of the price for one day: what each further day of delay will cost the seller. */
export function qualityPenaltyPerDay(price) {
  return perMille(price, 10, 1);
}

/** "с 02.03.2024 по 15.03.2024" for a penalty that has days; empty string otherwise. */
export function periodText(penalty) {
  return penalty.days ? `с ${formatRu(penalty.from)} по ${formatRu(penalty.to)}` : "";
}
