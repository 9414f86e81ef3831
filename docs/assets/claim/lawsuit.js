// reviewed: 2026-12-07
// The lawsuit (исковое заявление) computed from the claim's answers (issue 27): which court, the sums
// with their arithmetic, the penalty to the filing date and «по день фактического исполнения» within
// its cap, the 50 % fine with the conditions of п. 6 ст. 13 as amended, the state fee. Pure: figures and
// citations come from the register through rules.js; tested by node --test (tests/js/lawsuit.test.mjs).

import { addDays, formatRu } from "./dates.js";
import { termText } from "./calendar.js";
import { formatRubles, parseRubles } from "./money.js";
import { penaltyFor, perMille } from "./penalty.js";
import { PENALTIES, SELLER_REPLIES, cite, figure, figureText, isDeliveryCase, isMoneyCase, isQualityCase } from "./rules.js";
import { claimAnswerTerm } from "./terms.js";
import { interestFor, parseKeyRates } from "./interest.js";
import { checkCompanyIds } from "./text.js";
import { attachmentList, caseParts, sellerAddress, sellerName, signatureName } from "./letter.js";

/** The register gives limits in rubles; the builder counts kopecks. */
const rublesLimit = (key) => Math.round(figure(key, "limit") * 100);

/**
 * {base, kind, dueDate, filingDate, moral?}: `base` (kopecks) is what the seller owes back — the price,
 * or the prepayment for an undelivered order; `kind` the penalty (PENALTIES key); `dueDate` the last day
 * of the seller's term; `moral` the moral damages the buyer asks (kopecks; the court sets the amount).
 */
export function computeLawsuit({ base, penaltyBase = base, kind, dueDate, filingDate, moral = 0, interestDue = null, rates = [] }) {
  const rule = kind ? PENALTIES[kind] : null;
  const penalty = rule ? penaltyFor(kind, { base: penaltyBase, dueDate, until: filingDate }) : { days: 0, amount: 0, capped: false };
  // What the buyer may still get after filing: the penalty grows until paid, up to its cap.
  const room = rule ? Math.max(0, penaltyBase - penalty.amount) : 0;
  const perDay = rule ? perMille(penaltyBase, rule.perMille, 1) : 0;
  // ст. 395 ГК РФ: money kept after its term where no penalty of ЗоЗПП applies (never both for one delay).
  const interest = !rule && interestDue ? interestFor({ base, dueDate: interestDue, until: filingDate, rates }) : null;
  const interestAmount = interest?.amount ?? 0;
  const claimPrice = base + penalty.amount + interestAmount;
  const magistrate = claimPrice <= rublesLimit("courtLimit");
  const noFee = claimPrice <= rublesLimit("stateFee");
  const lines = [
    `Сумма к возврату: ${formatRubles(base)}.`,
    !rule
      ? interestDue
        ? "Неустойки закона о защите прав потребителей за этот случай нет: вместо неё — проценты за пользование чужими денежными средствами."
        : "Неустойку закона о защите прав потребителей за этот случай конструктор не считает."
      : penalty.days
        ? `Неустойка с ${formatRu(penalty.from)} по ${formatRu(penalty.to)}: ${penalty.formula} (${rule.article}).`
        : `Неустойки на ${formatRu(filingDate)} нет: срок продавца истёк не раньше этого дня.`,
    `Цена иска: ${formatRubles(base)} + ${formatRubles(rule ? penalty.amount : interestAmount)} = ${formatRubles(claimPrice)}. Компенсацию морального вреда и штраф конструктор в цену иска не включает (не подтверждено: уточните в суде).`,
  ];
  if (interest) lines.splice(2, 0, ...interestLines(interest, interestDue, filingDate, rates.length > 0));
  const demands = [`Взыскать с ответчика ${formatRubles(base)}.`];
  if (rule && penalty.days) demands.push(`Взыскать неустойку за период с ${formatRu(penalty.from)} по ${formatRu(penalty.to)} в размере ${formatRubles(penalty.amount)} (${rule.article}).`);
  if (rule && room) {
    demands.push(`Взыскать неустойку с ${formatRu(addDays(filingDate, 1))} по день фактического исполнения обязательства из расчёта ${rule.rate} от ${formatRubles(penaltyBase)} (${formatRubles(perDay)}) за каждый день, но всего вместе с неустойкой за прошедшие дни — ${figureText(rule.rule, "cap")}, то есть не более ${formatRubles(room)} сверх неё (${rule.article}).`);
  } else if (rule) {
    lines.push(`Неустойка уже достигла предела (${figureText(rule.rule, "cap")}): по день исполнения она больше не растёт.`);
  }
  if (interest) demands.push(...interestDemands(interest, base, interestDue, filingDate));
  if (moral > 0) demands.push(`Взыскать компенсацию морального вреда ${formatRubles(moral)} (${cite("moralDamage")}).`);
  demands.push(`Взыскать штраф в размере ${figureText("fine", "fine")} от суммы, присуждённой судом, за отказ выполнить требования добровольно (${cite("fine")}).`);
  return {
    penalty,
    interest,
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
    fineText: `Штраф ${figureText("fine", "fine")} суд взыскивает сам, если продавец не выполнил требования добровольно. С 01.02.2026 его не взыщут, если вы помешали выполнить их добровольно, например не дали товар на проверку качества (${cite("fineExceptions")}). Напишите в иске, что передали товар на проверку, если передавали.`,
    lines,
    demands,
  };
}

/** The interest's arithmetic for the lawsuit, or why it is not counted. */
function interestLines(interest, dueDate, filingDate, ratesGiven) {
  if (interest.missingFrom) {
    const why = ratesGiven ? `ставки, которые вы вписали, начинаются позже ${formatRu(interest.missingFrom)}` : "ключевую ставку Банка России вы не вписали";
    return [`Проценты за пользование чужими денежными средствами (${cite("interest")}) начисляются с ${formatRu(interest.missingFrom)}. Конструктор их не посчитал: ${why}. Суд посчитает их сам.`];
  }
  if (!interest.days) return [`Процентов на ${formatRu(filingDate)} нет: срок возврата денег (${formatRu(dueDate)}) истёк не раньше этого дня.`];
  return [
    `Проценты за пользование чужими денежными средствами по ключевой ставке Банка России (${cite("interest")}):`,
    ...interest.parts.map((p) => `${p.formula};`),
    `итого процентов: ${formatRubles(interest.amount)}.`,
  ];
}

function interestDemands(interest, base, dueDate, filingDate) {
  const onward = `по день фактической уплаты долга по ключевой ставке Банка России, действовавшей в соответствующие периоды (${cite("interest")})`;
  if (interest.missingFrom) return [`Взыскать проценты за пользование чужими денежными средствами на сумму ${formatRubles(base)} с ${formatRu(interest.missingFrom)} ${onward}.`];
  if (!interest.days) return [`Взыскать проценты за пользование чужими денежными средствами на сумму ${formatRubles(base)} с ${formatRu(addDays(dueDate, 1))} ${onward}.`];
  return [
    `Взыскать проценты за пользование чужими денежными средствами за период с ${formatRu(interest.from)} по ${formatRu(filingDate)} в размере ${formatRubles(interest.amount)} (${cite("interest")}).`,
    `Взыскать проценты за пользование чужими денежными средствами на сумму ${formatRubles(base)} с ${formatRu(addDays(filingDate, 1))} ${onward}.`,
  ];
}

/**
 * What the suit asks back and the penalty that goes with it, by case: {base, penaltyBase, kind, dueDate}
 * (kind null: no penalty of ЗоЗПП the builder counts, e.g. a refusal of goods of proper quality).
 */
export function lawsuitMoney(a, terms) {
  if (isDeliveryCase(a.case)) return { base: parseRubles(a.prepaid), kind: "lateDelivery", dueDate: terms.delivery.end };
  if (isQualityCase(a.case)) {
    const base = a.qDemand === "reduce" ? parseRubles(a.reduceBy) : parseRubles(a.price);
    return { base, penaltyBase: parseRubles(a.price), kind: "quality", dueDate: terms.claimAnswer.end };
  }
  if (a.case === "refund_missing" && a.refundBasis === "defect") {
    return { base: parseRubles(a.refundAmount), penaltyBase: parseRubles(a.price), kind: "quality", dueDate: terms.refund.end };
  }
  // No penalty of ЗоЗПП here: money kept after its term earns ст. 395 interest instead.
  if (a.case === "refund_missing") return { base: parseRubles(a.refundAmount), kind: null, dueDate: null, interestDue: terms.refund.end };
  if (isMoneyCase(a.case)) return { base: parseRubles(a.refundAmount), kind: null, dueDate: null, interestDue: terms.claimAnswer.end };
  if (a.case === "refusal") return { base: parseRubles(a.price), kind: null, dueDate: null, interestDue: terms.claimAnswer.end };
  return { base: parseRubles(a.price), kind: null, dueDate: null };
}

/** The исковое заявление from the same answers, with every sum shown with its arithmetic. */
export function buildLawsuit(a, data) {
  const parts = caseParts(a, data);
  const terms = { ...parts.terms, claimAnswer: claimAnswerTerm(a, data.calendar) };
  const money = lawsuitMoney(a, terms);
  const moral = String(a.moral ?? "").trim() ? parseRubles(a.moral) : 0;
  const rates = parseKeyRates(a.keyRates).rates ?? []; // validate() has refused lines it cannot read
  const suit = computeLawsuit({ ...money, filingDate: a.docDate, moral, rates });
  const seller = sellerName(a, data);
  const ids = a.recipient === "seller" ? checkCompanyIds(a.sellerIds).value : "";
  const court = String(a.court ?? "").trim() || "В ________________________________ (суд по месту моего жительства)";
  const expired = a.sellerReply === "none" ? ` Срок ответа истёк ${termText(terms.claimAnswer)}.` : "";
  return {
    kind: "lawsuit",
    to: [
      court,
      `Истец: ${a.fullName.trim()}, адрес: ${a.address.trim()}, телефон, e-mail: ${a.contact.trim()}`,
      `Ответчик: ${seller}${ids ? `, ${ids}` : ""}, адрес: ${sellerAddress(a, data)}`,
      `Цена иска: ${formatRubles(suit.claimPrice)}`,
      suit.feeText,
    ],
    from: [],
    title: "ИСКОВОЕ ЗАЯВЛЕНИЕ",
    subtitle: "о защите прав потребителя",
    paragraphs: [
      ...parts.facts,
      `${formatRu(a.claimSentDate)} ответчик получил мою претензию с требованием: ${parts.demandSummary}.${expired} ${SELLER_REPLIES[a.sellerReply].text}`,
      ...parts.law,
      "Расчёт требований:",
      ...suit.lines,
      suit.courtText,
      suit.venueText,
    ],
    demandsIntro: "Прошу суд:",
    demands: suit.demands,
    closing: [
      `Прошу рассмотреть дело в моё отсутствие, если я не смогу прийти; о заседании прошу известить меня по адресу: ${a.address.trim()}.`,
    ],
    attachments: attachmentList(a, [
      "Документ об отправке ответчику копии иска и приложений",
      `Копия претензии от ${formatRu(a.claimSentDate)} и документ о её вручении`,
      ...(a.sellerReply === "none" ? [] : ["Ответ продавца на претензию"]),
    ]),
    date: formatRu(a.docDate),
    signer: signatureName(a.fullName),
    summary: { answerBy: null, termDays: null, penalty: suit.penalty, terms: parts.terms, lawsuit: suit },
  };
}
