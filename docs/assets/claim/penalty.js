// Penalties of the consumer-protection law (ЗоЗПП), in kopecks, with the arithmetic spelled out
// for the letter; rates and caps come from the register through rules.js (PENALTIES). Pure
// functions; tested by node --test (tests/js/penalty.test.mjs) on the frozen register.

import { daysBetween, addDays, formatRu } from "./dates.js";
import { formatRubles, daysText } from "./money.js";
import { PENALTIES } from "./rules.js";

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
 * A penalty of PENALTIES[kind]: its rate of `base` for each day after `dueDate` through `until`,
 * at most `base` itself where the law caps it (п. 3 ст. 23.1; ст. 23 since 01.02.2026, 500-ФЗ).
 * `formula` spells the arithmetic out for the letter, the cap included when it is reached.
 */
export function penaltyFor(kind, { base, dueDate, until }) {
  const rule = PENALTIES[kind];
  const days = daysLate(dueDate, until);
  const raw = perMille(base, rule.perMille, days);
  const capped = rule.cappedByBase && raw > base;
  const amount = capped ? base : raw;
  let formula = `${formatRubles(base)} × ${rule.rate} × ${daysText(days)} = ${formatRubles(raw)}`;
  if (capped) formula += `; неустойка ${rule.cap}, поэтому ${formatRubles(amount)}`;
  return {
    kind, days, raw, amount, capped, base, rate: rule.rate.replace("\u00a0", " "), formula,
    from: days ? addDays(dueDate, 1) : null, to: days ? until : null,
  };
}

/** п. 3 ст. 23.1 ЗоЗПП: 0.5 % of the prepayment a day after the agreed delivery date, at most the prepayment. */
export function lateDeliveryPenalty({ prepaid, dueDate, until }) {
  return penaltyFor("lateDelivery", { base: prepaid, dueDate, until });
}

/** ст. 23 ЗоЗПП: 1 % of the price a day a deadline of ст. 20–22 is missed, at most the price (500-ФЗ). */
export function qualityPenalty({ price, dueDate, until }) {
  return penaltyFor("quality", { base: price, dueDate, until });
}

/** The day on which the penalty reaches its cap and stops growing, or null when it has no cap. */
export function capReachedOn(kind, { dueDate }) {
  const rule = PENALTIES[kind];
  if (!rule.cappedByBase) return null;
  // Smallest n with base × rate × n ≥ base, i.e. n = ceil(1000 / perMille) whatever the base.
  return addDays(dueDate, Math.ceil(1000 / rule.perMille));
}

/** 1 % of the price for one day: what each further day of delay will cost the seller. */
export function qualityPenaltyPerDay(price) {
  return perMille(price, PENALTIES.quality.perMille, 1);
}

/** "с 02.03.2024 по 15.03.2024" for a penalty that has days; empty string otherwise. */
export function periodText(penalty) {
  return penalty.days ? `с ${formatRu(penalty.from)} по ${formatRu(penalty.to)}` : "";
}
