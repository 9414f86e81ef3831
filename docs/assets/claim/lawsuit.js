// reviewed: 2026-12-07
// The lawsuit (исковое заявление) computed from the claim's answers (issue 27): which court, the sums
// with their arithmetic, the penalty to the filing date and «по день фактического исполнения» within
// its cap, the 50 % fine with the conditions of п. 6 ст. 13 as amended, the state fee. Pure: figures and
// citations come from the register through rules.js; tested by node --test (tests/js/lawsuit.test.mjs).

import { addDays, formatRu } from "./dates.js";
import { formatRubles } from "./money.js";
import { penaltyFor, perMille } from "./penalty.js";
import { PENALTIES, cite, figure, figureText } from "./rules.js";

/** The register gives limits in rubles; the builder counts kopecks. */
const rublesLimit = (key) => Math.round(figure(key, "limit") * 100);

/**
 * {base, kind, dueDate, filingDate, moral?}: `base` (kopecks) is what the seller owes back — the price,
 * or the prepayment for an undelivered order; `kind` the penalty (PENALTIES key); `dueDate` the last day
 * of the seller's term; `moral` the moral damages the buyer asks (kopecks; the court sets the amount).
 */
export function computeLawsuit({ base, kind, dueDate, filingDate, moral = 0 }) {
  const rule = PENALTIES[kind];
  const penalty = penaltyFor(kind, { base, dueDate, until: filingDate });
  // What the buyer may still get after filing: the penalty grows until paid, up to its cap.
  const room = rule.cappedByBase ? Math.max(0, base - penalty.amount) : null;
  const perDay = perMille(base, rule.perMille, 1);
  const claimPrice = base + penalty.amount;
  const magistrate = claimPrice <= rublesLimit("courtLimit");
  const noFee = claimPrice <= rublesLimit("stateFee");
  const lines = [
    `Сумма к возврату: ${formatRubles(base)}.`,
    penalty.days
      ? `Неустойка с ${formatRu(penalty.from)} по ${formatRu(penalty.to)}: ${penalty.formula} (${rule.article}).`
      : `Неустойки на ${formatRu(filingDate)} нет: срок продавца истёк не раньше этого дня.`,
    `Цена иска: ${formatRubles(base)} + ${formatRubles(penalty.amount)} = ${formatRubles(claimPrice)}. Компенсацию морального вреда и штраф конструктор в цену иска не включает (не подтверждено: уточните в суде).`,
  ];
  const demands = [`Взыскать с ответчика ${formatRubles(base)}.`];
  if (penalty.days) demands.push(`Взыскать неустойку за период с ${formatRu(penalty.from)} по ${formatRu(penalty.to)} в размере ${formatRubles(penalty.amount)} (${rule.article}).`);
  if (room) {
    demands.push(`Взыскать неустойку с ${formatRu(addDays(filingDate, 1))} по день фактического исполнения обязательства из расчёта ${rule.rate} от ${formatRubles(base)} (${formatRubles(perDay)}) за каждый день, но всего вместе с неустойкой по п. 2 — ${figureText(rule.rule, "cap")}, то есть не более ${formatRubles(room)} сверх неё (${rule.article}).`);
  } else if (penalty.capped || (rule.cappedByBase && penalty.amount === base)) {
    lines.push(`Неустойка уже достигла предела (${figureText(rule.rule, "cap")}): по день исполнения она больше не растёт.`);
  }
  if (moral > 0) demands.push(`Взыскать компенсацию морального вреда ${formatRubles(moral)} (${cite("moralDamage")}).`);
  demands.push(`Взыскать штраф в размере ${figureText("fine", "fine")} от суммы, присуждённой судом, за отказ выполнить требования добровольно (${cite("fine")}).`);
  return {
    penalty,
    perDay,
    room,
    claimPrice,
    court: magistrate ? "magistrate" : "district",
    courtText: magistrate
      ? `Цена иска не больше ${figureText("courtLimit", "limit")}: иск рассматривает мировой судья (${cite("courtLimit")}).`
      : `Цена иска больше ${figureText("courtLimit", "limit")}: иск рассматривает районный (городской) суд (${cite("courtLimit")}).`,
    venueText: `Подать иск можно по месту своего жительства или пребывания (${cite("venue")}; ${cite("venueCode")}).`,
    feeText: noFee
      ? `Госпошлину платить не нужно: цена иска не больше ${figureText("stateFee", "limit")} (${cite("stateFee")}).`
      : `Цена иска больше ${figureText("stateFee", "limit")}: пошлину платят с превышения (${cite("stateFeeAbove")}). Конструктор её не считает.`,
    fineText: `Штраф ${figureText("fine", "fine")} суд взыскивает сам, если продавец не выполнил требования добровольно. С 01.02.2026 его не взыщут, если вы помешали выполнить их добровольно, например не дали товар на проверку качества (${cite("fine")}). Напишите в иске, что передали товар на проверку, если передавали.`,
    lines,
    demands,
  };
}
