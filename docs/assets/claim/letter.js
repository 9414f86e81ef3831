// Builds the claim (претензия) and the complaint to Роспотребнадзор from validated answers.
// Pure: returns a plain object of lines and paragraphs; form.js turns it into DOM with textContent,
// so nothing the buyer types is ever parsed as HTML. Every citation and legal figure comes from the
// register through rules.js (cite, figure): this file types none.

import { addDays, formatRu } from "./dates.js";
import { dayTerm, termText } from "./calendar.js";
import { caseTerms, claimAnswerTerm, demandDays, demandsNewDeadline, moneyDays } from "./terms.js";
import { checkCompanyIds, cut } from "./text.js";
import { parseRubles, formatRubles, daysText, monthsText } from "./money.js";
import { lateDeliveryPenalty, qualityPenalty, qualityPenaltyPerDay, periodText } from "./penalty.js";
import { CASES, DEMANDS, PENALTIES, REFUND_TO, TERMS, SELLER_REPLIES, asksForMoney, cite, figure, isDeliveryCase, isMoneyCase, lastEdition } from "./rules.js";

/** «10 дней» for a figure of the register. */
const days = (key, name) => daysText(figure(key, name));

/** «в течение 3 дней», «в течение 21 дня»: the genitive «в течение» needs (daysText gives «3 дня»). */
export function withinDays(count) {
  const word = count % 10 === 1 && count % 100 !== 11 ? "дня" : "дней";
  return `в течение ${count}\u00a0${word}`;
}

export const ATTACHMENTS = {
  order: "Скриншот страницы заказа",
  receipt: "Копия кассового (электронного) чека",
  payment: "Подтверждение оплаты (выписка или справка банка)",
  description: "Скриншот описания товара на Ozon",
  photos: "Фотографии товара и недостатка",
  tracking: "Скриншот статуса доставки",
  chat: "Переписка с поддержкой Ozon",
  return: "Документ о возврате товара (акт приёма, номер отправления)",
};

/** "Иванова Мария Петровна" → "Иванова М. П.": the name under a signature; an initial is a whole character. */
export function signatureName(fullName) {
  const [surname, ...rest] = String(fullName).trim().split(/\s+/);
  return [surname, ...rest.map((word) => `${cut(word, 1).toUpperCase()}.`)].join("\u00a0");
}

function money(text) {
  return formatRubles(parseRubles(text));
}

export function sellerName(answers, data) {
  return answers.recipient === "ozon" ? data.ozon.recipient : answers.sellerName.trim();
}

export function sellerAddress(answers, data) {
  return answers.recipient === "ozon" ? data.ozon.display : answers.sellerAddress.trim();
}

/**
 * A sentence ending in what the buyer typed: one full stop, never «инструкции..» (issue 29). Text
 * that already ends in a stop, «?», «!» or «…» keeps its own; trailing spaces and commas go.
 */
export function sentence(text) {
  const trimmed = String(text).trim().replace(/[\s,;:]+$/u, "");
  return /[.!?…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

function quote(text) {
  return `«${String(text).trim().replace(/^«|»$/g, "")}»`;
}

/** The marketplace's own duty when the goods are late and the buyer refused them (ЗоЗПП, ст. 12). */
function marketplaceRefundLaw() {
  return `Владелец агрегатора возвращает предварительную оплату в течение ${days("marketplaceRefund", "refund")} (календарных), если товар не передан в срок и потребитель направил продавцу уведомление об отказе от товара (${cite("marketplaceRefund")}).`;
}

/** The cap in the letter's words, from the register: «но всего не больше суммы, уплаченной за товар». */
function capText(kind) {
  return `но всего ${PENALTIES[kind].cap}`;
}

/** «ст. 23 ЗоЗПП в редакции, действующей с 01.02.2026 (Федеральный закон от 28.12.2025 № 500-ФЗ)». */
function citeWithEdition(key) {
  const edition = lastEdition(key);
  return edition ? `${cite(key)} в редакции, действующей с ${formatRu(edition.inForce)} (${edition.by})` : cite(key);
}

/** Where the refund goes, as the buyer chose it (validate.js has made sure it is complete). */
function refundToText(a) {
  if (a.refundTo === "account") return `Деньги прошу перечислить на мой банковский счёт: ${sentence(a.refundAccount)}`;
  return REFUND_TO.card.text;
}

/** «Товар передам для проверки качества…»: since 01.02.2026 the 50 % fine depends on it (п. 6 ст. 13). */
const READY_FOR_CHECK = "Если нужна проверка качества, я передам товар продавцу по его запросу. Прошу сообщить, когда и где она пройдёт: я хочу при ней присутствовать.";

/**
 * What happened to a prepaid order that was not handed over, beyond «not delivered»: marked «вручён»
 * though the buyer got nothing, or cancelled (re-priced) by the seller after payment. The facts and the
 * law each adds; the demands are those of п. 2 ст. 23.1 ЗоЗПП for all of them (the guides say so).
 */
const DELIVERY_STORY = {
  not_delivered: { subject: "о нарушении срока передачи предварительно оплаченного товара", facts: () => [], law: () => [] },
  handed_not_received: {
    subject: "о непередаче предварительно оплаченного товара",
    facts: (a) => [`${formatRu(a.handedDate)} в приложении Ozon заказ отмечен как вручённый (выданный). Я этот товар не получал(а), код получения никому не сообщал(а) и никого не уполномочивал(а) получить заказ за меня.`],
    law: () => [`Продавец исполнил обязанность передать товар, только когда вручил его мне или человеку, которого я указал(а) (${cite("handedOver")}); при доставке — человеку, который предъявил документ о заказе или о доставке (${cite("handedToBearer")}). Отметка в приложении сама по себе передачей товара не является. Поэтому товар мне не передан.`],
  },
  cancelled: {
    subject: "об одностороннем отказе продавца от предварительно оплаченного заказа",
    facts: (a) => [a.cancelKind === "repriced"
      ? `${formatRu(a.cancelDate)} продавец сообщил, что передаст товар, только если я доплачу: цену подняли после оплаты. Я на изменение цены не соглашался(ась).`
      : `${formatRu(a.cancelDate)} продавец отменил оплаченный заказ. Я от заказа не отказывался(ась).`],
    law: (a) => [a.cancelKind === "repriced"
      ? `Цена товара — та, которую продавец объявил в момент заключения договора (${cite("priceAtOrder")}). Продавец не вправе в одностороннем порядке изменить условия обязательства (${cite("noUnilateralChange")}).`
      : `Договор заключён, когда я оплатил(а) заказ. Продавец не вправе в одностороннем порядке отказаться от исполнения обязательства (${cite("noUnilateralChange")}).`],
  },
};

function notDeliveredParts(a, parts, terms) {
  const prepaid = parseRubles(a.prepaid);
  const penalty = lateDeliveryPenalty({ prepaid, dueDate: terms.delivery.end, until: a.docDate });
  const story = DELIVERY_STORY[a.case];
  parts.subject = story.subject;
  // The promised date as the seller gave it: the buyer's own letter never concedes a later one (issue 29).
  parts.facts.push(
    penalty.days
      ? `Товар оплачен заранее: сумма предварительной оплаты — ${formatRubles(prepaid)}. Товар должен был быть передан мне не позднее ${formatRu(terms.delivery.end)}. На ${formatRu(a.docDate)} товар не передан: просрочка составляет ${daysText(penalty.days)}.`
      : `Товар оплачен заранее: сумма предварительной оплаты — ${formatRubles(prepaid)}. Товар должен был быть передан мне не позднее ${formatRu(terms.delivery.end)}.`,
    ...story.facts(a),
  );
  parts.law.push(...story.law(a));
  // The refusal in so many words: п. 2.2 ст. 12 makes Ozon refund once the seller has been told of it.
  if (a.ndDemand === "refund") parts.facts.push("Я отказываюсь от этого товара и больше его не жду.");
  parts.law.push(
    `Если продавец, получивший предварительную оплату, не передал товар в установленный договором срок, потребитель вправе потребовать передачи товара в новый срок или возврата суммы предварительной оплаты, а также полного возмещения убытков (${cite("deliveryChoice")}). Требование о возврате предварительной оплаты подлежит удовлетворению в течение ${days("prepaymentRefund", "refund")} со дня его предъявления (${cite("prepaymentRefund")}).`,
    `За каждый день просрочки продавец уплачивает неустойку в размере ${PENALTIES.lateDelivery.rate} суммы предварительной оплаты, ${capText("lateDelivery")} (${cite("lateDeliveryPenalty")}). ${penalty.days ? "Неустойку я считаю" : "Неустойка начисляется"} со дня, следующего за обещанным днём передачи товара (${cite("termStart")})${penalty.days ? ", по день этой претензии; дальше она растёт" : ","} до дня передачи товара или возврата предоплаты.`,
  );
  if (a.recipient === "ozon" && a.ndDemand === "refund") parts.law.push(marketplaceRefundLaw());
  // One term for everything: the new date the buyer set, or 10 days for the refund (issue 29, item 21).
  const payBy = a.ndDemand === "new_deadline" ? `Не позднее ${formatRu(a.newDeadline)} выплатить` : "В тот же срок выплатить";
  const atPrice = a.case === "cancelled" && a.cancelKind === "repriced" ? ` по цене, которую я оплатил(а), без доплаты` : "";
  parts.demands.push(
    a.ndDemand === "new_deadline"
      ? `Передать мне оплаченный товар${atPrice} в новый срок — не позднее ${formatRu(a.newDeadline)}.`
      : `Вернуть мне сумму предварительной оплаты ${formatRubles(prepaid)} в течение ${days("prepaymentRefund", "refund")} со дня получения претензии.`,
  );
  if (penalty.days) {
    parts.demands.push(`${payBy} неустойку за просрочку передачи товара за период ${periodText(penalty)}: ${penalty.formula}. Неустойка начисляется до дня передачи товара или возврата предоплаты, ${capText("lateDelivery")} — ${formatRubles(prepaid)}.`);
  } else {
    // Written before the promised date (a cancelled order, one «вручён» to someone else): no penalty yet.
    parts.warning = `Если товар не будет передан и предоплата не будет возвращена, с ${formatRu(addDays(terms.delivery.end, 1))} я потребую неустойку ${PENALTIES.lateDelivery.rate} суммы предварительной оплаты за каждый день, ${capText("lateDelivery")} (${cite("lateDeliveryPenalty")}).`;
  }
  parts.penalty = penalty.days ? penalty : null;
  parts.breached.push(cite("deliveryChoice"), ...(penalty.days ? [cite("lateDeliveryPenalty")] : []));
  const andPenalty = penalty.days ? " и выплатить неустойку" : "";
  parts.demandSummary = a.ndDemand === "new_deadline" ? `передать товар не позднее ${formatRu(a.newDeadline)}${andPenalty}` : `вернуть предварительную оплату${andPenalty}`;
}

const QUALITY_STORY = {
  defective: {
    subject: "о продаже товара ненадлежащего качества",
    facts: (a) => `Товар получен ${formatRu(a.receivedDate)}. В товаре обнаружен недостаток: ${sentence(a.defect)} Продавец об этом недостатке не предупреждал.`,
    law: () => `Потребитель, которому продан товар с недостатком, вправе по своему выбору потребовать замены товара на товар этой же марки (модели, артикула), соразмерного уменьшения покупной цены, незамедлительного безвозмездного устранения недостатков либо отказаться от исполнения договора купли-продажи и потребовать возврата уплаченной за товар суммы (${cite("qualityRights")}).`,
  },
  not_as_described: {
    subject: "о несоответствии товара описанию",
    facts: (a) => `Товар получен ${formatRu(a.receivedDate)}. Полученный товар не соответствует описанию на странице товара: ${sentence(a.defect)}`,
    law: () => `Несоответствие товара условиям договора или описанию, предоставленному продавцом, является недостатком товара (преамбула ЗоЗПП). Поэтому я вправе по своему выбору потребовать замены товара, соразмерного уменьшения покупной цены либо отказаться от исполнения договора и потребовать возврата уплаченной суммы (${cite("qualityRights")}). Кроме того, товар, купленный дистанционно, можно вернуть в течение ${days("distanceRefusal", "after")} после его передачи (${cite("distanceRefusal")}).`,
  },
  incomplete: {
    subject: "о передаче товара не в полном количестве или некомплектного товара",
    facts: (a) => `Товар получен ${formatRu(a.receivedDate)}. Заказ пришёл не полностью: ${sentence(a.defect)}`,
    law: () => `Продавец обязан передать товар в количестве и комплектности, которые предусмотрены договором (${cite("completeness")}). Если передано меньше, покупатель вправе потребовать передать недостающее либо отказаться от товара и потребовать вернуть деньги (${cite("shortDelivery")}); при некомплектном товаре — потребовать уменьшить цену, доукомплектовать товар, заменить его комплектным или вернуть деньги (${cite("incompleteGoods")}). Несоответствие товара договору — это недостаток, поэтому действуют и права покупателя при недостатке товара (${cite("qualityRights")}).`,
  },
  counterfeit: {
    subject: "о продаже поддельного товара",
    facts: (a) => `Товар получен ${formatRu(a.receivedDate)}. Товар продавался как оригинальный, но оказался подделкой: ${sentence(a.defect)}`,
    law: () => `Поддельный товар не соответствует описанию и условиям договора, а это недостаток товара (преамбула ЗоЗПП). Поэтому я вправе отказаться от договора и потребовать вернуть уплаченную сумму или потребовать заменить товар оригинальным (${cite("qualityRights")}). Если продавец не согласен, что товар поддельный, он проводит проверку качества, а при споре — экспертизу за свой счёт (${cite("qualityRights")}).`,
  },
  digital_code: {
    subject: "о продаже неработающего цифрового кода",
    facts: (a) => `Код получен ${formatRu(a.receivedDate)}. Код не работает: ${sentence(a.defect)}`,
    law: () => `Код, который нельзя активировать или использовать, не соответствует условиям договора и описанию: это недостаток товара (преамбула ЗоЗПП). Поэтому я вправе потребовать заменить код работающим или отказаться от договора и потребовать вернуть уплаченную сумму (${cite("qualityRights")}).`,
  },
  repair_delay: {
    subject: "о нарушении срока ремонта",
    facts: (a) => `Товар получен ${formatRu(a.receivedDate)}. В товаре обнаружен недостаток: ${sentence(a.defect)} ${formatRu(a.repairDate)} продавец принял товар в гарантийный ремонт.`,
    law: () => `Недостаток товара должен быть устранён незамедлительно, а срок, согласованный письменно, не может быть больше ${days("repair", "repair")} (${cite("repair")}). Если срок устранения недостатков нарушен, покупатель вправе отказаться от договора и потребовать вернуть уплаченную сумму или потребовать замены товара, в том числе технически сложного (${cite("qualityRights")}).`,
  },
};

function qualityTermsLaw() {
  return `Требования о возврате уплаченной суммы и о соразмерном уменьшении цены удовлетворяются в течение ${days("qualityRefund", "refund")} со дня предъявления (${cite("qualityRefund")}), замена товара — в течение ${days("replace", "replace")}, а если нужна проверка качества — ${days("replace", "with-check")} (${cite("replace")}), устранение недостатка — не более ${days("repair", "repair")} (${cite("repair")}). За нарушение этих сроков продавец уплачивает неустойку в размере ${PENALTIES.quality.rate} цены товара за каждый день просрочки, ${capText("quality")} (${citeWithEdition("qualityPenalty")}).`;
}

/** The demand's sentence in the letter. */
function qualityDemandText(a, price) {
  if (a.qDemand === "refund") {
    return `Принять мой отказ от исполнения договора купли-продажи и вернуть уплаченную за товар сумму ${formatRubles(price)} в течение ${days("qualityRefund", "refund")} со дня получения претензии (${cite("qualityRefund")}). Товар с недостатком я верну по требованию продавца и за его счёт (${cite("qualityRights")}).`;
  }
  if (a.qDemand === "reduce") {
    const by = String(a.reduceBy ?? "").trim() ? ` на ${money(a.reduceBy)}` : "";
    return `Соразмерно уменьшить покупную цену товара${by} и вернуть мне разницу в течение ${days("qualityRefund", "refund")} со дня получения претензии (${cite("qualityRefund")}).`;
  }
  return DEMANDS[a.qDemand].text;
}

/** A demand made before and not met: the 1 % penalty from the day after its term ended. */
function earlierDemandParts(a, parts, price, due) {
  const repairing = a.case === "repair_delay";
  const demand = repairing ? DEMANDS.repair : DEMANDS[a.qDemand];
  const penalty = qualityPenalty({ price, dueDate: due.end, until: a.docDate });
  const check = !repairing && a.qualityCheck && demand.checkDays ? ` (${daysText(demandDays(a))}: продавцу понадобилась проверка качества)` : "";
  parts.facts.push(
    repairing
      ? `Срок ремонта — не больше ${days("repair", "repair")} — истёк ${termText(due)}${penalty.days ? ", товар не отремонтирован и мне не возвращён" : ""}.`
      : `${formatRu(a.firstDemandDate)} продавец получил моё требование: ${demand.short}. Срок его удовлетворения${check} истёк ${termText(due)}${penalty.days ? ", требование не выполнено" : ""}.`,
  );
  if (!penalty.days) return;
  parts.demands.push(`Выплатить неустойку за нарушение срока удовлетворения требования за период ${periodText(penalty)}: ${penalty.formula} (${cite("qualityPenalty")}). Неустойка начисляется до дня, когда требование будет выполнено, ${capText("quality")}.`);
  parts.penalty = penalty;
  parts.breached.push(demand.article, cite("qualityPenalty"));
}

function qualityParts(a, parts, terms) {
  const price = parseRubles(a.price);
  const story = QUALITY_STORY[a.case];
  parts.subject = story.subject;
  parts.facts.push(story.facts(a));
  parts.law.push(story.law(), qualityTermsLaw());
  parts.demands.push(qualityDemandText(a, price));
  parts.demandSummary = DEMANDS[a.qDemand].short;
  parts.breached.push(cite("qualityRights"));
  if (terms.earlierDemand) earlierDemandParts(a, parts, price, terms.earlierDemand);
  if (a.case === "repair_delay" && a.substitute) {
    parts.demands.push(`Пока товар у продавца, ${withinDays(figure("substitute", "substitute"))} со дня получения претензии предоставить мне на это время товар с теми же основными потребительскими свойствами и доставить его за свой счёт (${cite("substitute")}).`);
  }
  parts.readyForCheck = a.case !== "repair_delay" && a.case !== "digital_code";
  if (!parts.penalty) {
    const rate = PENALTIES.quality.rate;
    parts.warning = `Если срок будет нарушен, я потребую неустойку в размере ${rate} цены товара за каждый день просрочки: ${formatRubles(price)} × ${rate} = ${formatRubles(qualityPenaltyPerDay(price))} в день, ${capText("quality")} (${cite("qualityPenalty")}).`;
  }
}

function refundMissingParts(a, parts, terms) {
  const price = parseRubles(a.price);
  const refund = parseRubles(a.refundAmount);
  const due = terms.refund.end;
  const owed = `предъявлено требование вернуть уплаченную сумму ${formatRubles(refund)}. Срок возврата — ${days(a.refundBasis === "refusal" ? "distanceRefusal" : "qualityRefund", "refund")} со дня, когда продавец получил требование, — истёк ${termText(terms.refund)}. На ${formatRu(a.docDate)} деньги не возвращены.`;
  parts.subject = "о невозврате денег за товар";
  parts.demands.push(`Вернуть мне уплаченную за товар сумму ${formatRubles(refund)} незамедлительно.`);
  if (a.refundBasis === "defect") {
    const penalty = qualityPenalty({ price, dueDate: due, until: a.docDate });
    parts.facts.push(`${formatRu(a.refundDemandDate)} мной заявлен отказ от товара из-за его недостатка и ${owed}`);
    parts.law.push(
      `Требование о возврате уплаченной за товар суммы в связи с недостатком товара подлежит удовлетворению в течение ${days("qualityRefund", "refund")} со дня его предъявления (${cite("qualityRefund")}; право на отказ от договора — ${cite("qualityRights")}). За каждый день просрочки продавец уплачивает неустойку в размере ${PENALTIES.quality.rate} цены товара, ${capText("quality")} (${citeWithEdition("qualityPenalty")}).`,
    );
    parts.demands.push(`Выплатить неустойку за нарушение срока возврата за период ${periodText(penalty)}: ${penalty.formula} (${cite("qualityPenalty")}). Неустойка начисляется до дня возврата денег, ${capText("quality")}.`);
    parts.penalty = penalty;
    parts.breached.push(cite("qualityRefund"), cite("qualityPenalty"));
  } else {
    parts.facts.push(`${formatRu(a.refundDemandDate)} мной заявлен отказ от товара надлежащего качества и ${owed}`);
    parts.law.push(
      `При отказе потребителя от товара, купленного дистанционно, продавец возвращает уплаченную сумму, за исключением расходов на доставку возвращённого товара от потребителя, не позднее чем через ${days("distanceRefusal", "refund")} со дня предъявления требования (${cite("distanceRefusal")}). За пользование чужими денежными средствами начисляются проценты (${cite("interest")}).`,
    );
    parts.demands.push(`Уплатить проценты за пользование чужими денежными средствами за время просрочки (${cite("interest")}).`);
    parts.breached.push(cite("distanceRefusal"));
  }
  parts.demandSummary = "вернуть деньги за товар";
}

/** A good-quality item the buyer no longer wants (п. 4 ст. 26.1 ЗоЗПП). */
function refusalParts(a, parts, terms) {
  const price = parseRubles(a.price);
  const last = terms.refusal;
  parts.subject = "об отказе от товара, купленного дистанционно";
  parts.facts.push(
    `Товар получен ${formatRu(a.receivedDate)}. Я отказываюсь от товара. Товар не был в употреблении, сохранены его товарный вид и потребительские свойства.`,
    a.noReturnInfo
      ? `При доставке мне не была предоставлена в письменной форме информация о порядке и сроках возврата товара, поэтому срок для отказа — ${monthsText(figure("distanceRefusal", "no-info"))} с момента передачи товара, по ${termText(last)}.`
      : `Срок для отказа — ${days("distanceRefusal", "after")} после передачи товара, по ${termText(last)}: он не пропущен.`,
  );
  parts.law.push(
    `Потребитель вправе отказаться от товара, купленного дистанционно, в любое время до его передачи, а после передачи — в течение ${days("distanceRefusal", "after")}. Если информация о порядке и сроках возврата товара надлежащего качества не была предоставлена в письменной форме в момент доставки, срок для отказа — ${monthsText(figure("distanceRefusal", "no-info"))} с момента передачи товара. Продавец возвращает уплаченную сумму, за исключением расходов на доставку возвращённого товара от потребителя, не позднее чем через ${days("distanceRefusal", "refund")} со дня предъявления требования (${cite("distanceRefusal")}).`,
  );
  parts.demands.push(
    `Принять мой отказ от товара и вернуть уплаченную за него сумму ${formatRubles(price)} (за вычетом расходов продавца на доставку возвращённого товара от меня, если они были) в течение ${days("distanceRefusal", "refund")} со дня получения настоящего требования.`,
    "Сообщить, куда и каким способом передать товар.",
  );
  parts.demandSummary = "принять отказ от товара и вернуть деньги";
  parts.breached.push(cite("distanceRefusal"));
}

/** The facts and the law of a money case, by its reason: what the buyer paid and why it is owed back. */
const MONEY_STORY = {
  subscription: (a) => (a.subReason === "no_consent"
    ? {
      subject: "о возврате платы за подписку, подключённую без моего согласия",
      breached: [cite("imposedService")],
      facts: [`${formatRu(a.chargeDate)} с меня списали плату за подписку. Платную подписку я не подключал(а) и согласия на неё не давал(а).`],
      law: [`Дополнительные платные услуги продают только с согласия потребителя. Отметка о согласии, проставленная автоматически, согласием не считается, а доказать согласие должен продавец. Деньги за услугу, оказанную без согласия, возвращают ${withinDays(figure("imposedService", "refund"))} со дня требования (${cite("imposedService")}).`],
    }
    : {
      subject: "о возврате платы, списанной после отмены подписки",
      breached: [cite("serviceRefusal"), cite("unjustEnrichment")],
      facts: [`${formatRu(a.subCancelDate)} я отключил(а) подписку. ${formatRu(a.chargeDate)} с меня всё равно списали плату за неё.`],
      law: [
        `Потребитель вправе в любое время отказаться от услуги, оплатив исполнителю только фактически понесённые расходы (${cite("serviceRefusal")}). После моего отказа договор прекращён, и оснований списывать плату нет. Деньги, полученные без основания, подлежат возврату (${cite("unjustEnrichment")}).`,
        `Срок возврата законом не назначен, поэтому деньги должны быть возвращены ${withinDays(figure("termOnDemand", "days"))} со дня получения требования (${cite("termOnDemand")}).`,
      ],
    }),
  travel: (a) => {
    const cancelled = formatRu(a.tripDate);
    const base = {
      provider_cancelled: {
        breached: "unjustEnrichment",
        facts: [`${cancelled} перевозчик (гостиница) отменил поездку. Я от неё не отказывался(ась), услуга мне не оказана.`],
        law: [`Услуга не оказана не по моей вине, поэтому деньги за неё удерживаются без основания и подлежат возврату полностью, даже если тариф был невозвратным (${cite("unjustEnrichment")}).`],
      },
      own_refusal: {
        breached: "serviceRefusal",
        facts: [`${cancelled} я отказался(ась) от поездки, до её начала. Мне вернули меньше, чем я заплатил(а), и не объяснили, из каких расходов сложилась удержанная сумма.`],
        law: [`Потребитель вправе в любое время отказаться от услуги, оплатив исполнителю только фактически понесённые расходы (${cite("serviceRefusal")}). Удерживать сверх этих расходов нельзя, а доказать расходы должен исполнитель.`],
      },
      illness: {
        breached: "flightIllness",
        facts: [`${cancelled} я отказался(ась) от полёта из-за внезапной болезни (смерти члена семьи или близкого родственника) и сообщил(а) об этом перевозчику. Документы прилагаю.`],
        law: [`В этом случае перевозчик возвращает всю сумму, уплаченную за билет, в том числе за невозвратный (${cite("flightIllness")}).`],
      },
    }[a.travelReason];
    return {
      subject: "о возврате денег за поездку, оформленную через Ozon Travel",
      breached: [cite(base.breached)],
      facts: base.facts,
      law: [...base.law, `Срок возврата законом не назначен, поэтому деньги должны быть возвращены ${withinDays(figure("termOnDemand", "days"))} со дня получения требования (${cite("termOnDemand")}).`],
    };
  },
};

/** A subscription charged or a booking refunded short: the money back in the register's term, then interest. */
function moneyParts(a, parts) {
  const owed = parseRubles(a.refundAmount);
  const story = MONEY_STORY[a.case](a);
  parts.subject = story.subject;
  parts.facts.push(...story.facts);
  parts.law.push(...story.law);
  parts.demands.push(`Вернуть мне ${formatRubles(owed)} ${withinDays(moneyDays(a))} со дня получения претензии.`);
  parts.warning = `Если деньги не будут возвращены в срок, я потребую и проценты за пользование чужими денежными средствами (${cite("interest")}).`;
  parts.demandSummary = `вернуть ${formatRubles(owed)}`;
  parts.breached.push(...story.breached);
}

const CASE_PARTS = {
  handed_not_received: notDeliveredParts,
  cancelled: notDeliveredParts,
  incomplete: qualityParts,
  counterfeit: qualityParts,
  digital_code: qualityParts,
  repair_delay: qualityParts,
  subscription: moneyParts,
  travel: moneyParts,
  not_delivered: notDeliveredParts,
  defective: qualityParts,
  not_as_described: qualityParts,
  refund_missing: refundMissingParts,
  refusal: refusalParts,
};

/**
 * The facts, the law and what is demanded for one case; shared by the claim and the complaint.
 * `data.calendar` (makeCalendar) counts every term; validate() has made sure each one fits in it.
 */
export function caseParts(a, data) {
  const price = parseRubles(a.price);
  const terms = caseTerms(a, data.calendar);
  // A subscription or a trip is a service, not goods: its order line says «цена», not «цена товара».
  const priceWord = isMoneyCase(a.case) ? "цена" : "цена товара";
  const order = `${formatRu(a.orderDate)} мной оформлен заказ № ${a.orderNumber.trim()} на маркетплейсе Ozon: ${quote(a.product)}, ${priceWord} — ${formatRubles(price)}.`;
  const parts = { facts: [order], law: [], demands: [], penalty: null, termDays: terms.answerDays, terms, breached: [], subject: "" };
  CASE_PARTS[a.case](a, parts, terms, data);
  if (asksForMoney(a) && a.refundTo) parts.demands.push(refundToText(a));
  return parts;
}

function fromLines(a) {
  return [`От: ${a.fullName.trim()}`, `Адрес: ${a.address.trim()}`, `Телефон, e-mail: ${a.contact.trim()}`];
}

/** The attachments without a closing stop: the list adds one to each (so «инструкции..» cannot happen). */
export function attachmentList(a, first = []) {
  const chosen = (a.attachments || []).filter((key) => ATTACHMENTS[key]).map((key) => (key === "order" ? `${ATTACHMENTS.order} № ${a.orderNumber.trim()}` : ATTACHMENTS[key]));
  const other = String(a.attachmentsOther ?? "").split("\n").map((line) => line.trim().replace(/[\s.,;:]+$/u, "")).filter(Boolean);
  return [...first, ...chosen, ...other];
}

/** «1. Скриншот заказа.»: one stop per item, whatever the buyer typed. */
export function attachmentLine(item, index) {
  return `${index + 1}. ${sentence(item)}`;
}

function replyTo(a) {
  return `Ответ прошу направить в письменной форме по адресу: ${a.address.trim()}; для связи: ${a.contact.trim()}.`;
}

export function buildClaim(a, data) {
  const parts = caseParts(a, data);
  const answerBy = parts.terms.answer;
  const to = [`Кому: ${sellerName(a, data)}`];
  const ids = a.recipient === "seller" ? checkCompanyIds(a.sellerIds).value : "";
  if (ids) to.push(ids);
  to.push(`Адрес: ${sellerAddress(a, data)}`);
  const closing = [];
  if (parts.warning) closing.push(parts.warning);
  if (parts.readyForCheck) closing.push(READY_FOR_CHECK);
  closing.push(
    demandsNewDeadline(a)
      ? `Срок для всех требований этой претензии — ${formatRu(answerBy.end)}.`
      : `Срок удовлетворения требований — ${daysText(parts.termDays)} со дня получения претензии: если претензия получена ${formatRu(a.docDate)}, последний день срока — ${termText(answerBy)}.`,
    // Since 01.02.2026 the 50 % fine of п. 6 ст. 13 is not automatic (500-ФЗ): the letter promises no sum.
    `Если требования не будут удовлетворены добровольно, я обращусь в суд и потребую также возмещения убытков и компенсации морального вреда (${cite("moralDamage")}). Суд также решит вопрос о штрафе за отказ удовлетворить требования потребителя добровольно (${cite("fine")}). Кроме того, я подам жалобу в Роспотребнадзор.`,
    replyTo(a),
  );
  return {
    kind: "claim",
    to,
    from: fromLines(a),
    title: "ПРЕТЕНЗИЯ",
    subtitle: parts.subject,
    paragraphs: [...parts.facts, ...parts.law],
    demandsIntro: "На основании изложенного требую:",
    demands: parts.demands,
    closing,
    attachments: attachmentList(a),
    date: formatRu(a.docDate),
    signer: signatureName(a.fullName),
    summary: { answerBy, termDays: parts.termDays, penalty: parts.penalty, terms: parts.terms },
  };
}

export function buildComplaint(a, data) {
  const parts = caseParts(a, data);
  const office = String(a.rpnOffice ?? "").trim();
  const to = office
    ? [`Кому: Управление Роспотребнадзора по ${office.replace(/^по\s+/i, "")}`, `Адрес: ${a.rpnAddress.trim()}`]
    : [`Кому: ${data.rospotrebnadzor.recipient}`, `Адрес: ${data.rospotrebnadzor.display}`];
  const seller = `${sellerName(a, data)} (${sellerAddress(a, data)})`;
  // «Ответа нет» only once the term has run out: validate() refuses the complaint before that.
  const expired = a.sellerReply === "none" ? ` Срок ответа истёк ${termText(claimAnswerTerm(a, data.calendar))}.` : "";
  const paragraphs = [
    ...parts.facts,
    `${formatRu(a.claimSentDate)} продавец ${seller} получил мою претензию с требованием: ${parts.demandSummary}.${expired} ${SELLER_REPLIES[a.sellerReply].text}`,
    `Считаю, что продавец нарушил мои права потребителя: ${parts.breached.join(", ")}.`,
  ];
  if (parts.penalty && parts.penalty.days) paragraphs.push(`Неустойка на ${formatRu(a.docDate)} за период ${periodText(parts.penalty)}: ${parts.penalty.formula}.`);
  return {
    kind: "complaint",
    to,
    from: fromLines(a),
    title: "ЖАЛОБА",
    subtitle: "на нарушение прав потребителя",
    paragraphs,
    demandsIntro: "Прошу:",
    demands: [
      `Рассмотреть жалобу и принять в пределах полномочий меры к продавцу ${sellerName(a, data)}, нарушающему права потребителей.`,
      `Дать мне письменный ответ по существу в течение ${days("authorityAnswer", "answer")} со дня регистрации обращения (${cite("authorityAnswer")}).`,
    ],
    closing: [replyTo(a)],
    attachments: attachmentList(a, [`Копия претензии от ${formatRu(a.claimSentDate)} и документ о её отправке или вручении`]),
    date: formatRu(a.docDate),
    signer: signatureName(a.fullName),
    summary: { answerBy: parts.terms.authority.answer, termDays: TERMS.authorityAnswer.days, penalty: parts.penalty, terms: parts.terms },
  };
}

export function buildLetter(a, data) {
  return a.doc === "complaint" ? buildComplaint(a, data) : buildClaim(a, data);
}

/**
 * The letter to Ozon as the marketplace (владелец агрегатора), from the same answers: it asks only
 * what a marketplace owes (issue 29, item 20). After a refusal of an undelivered prepaid order, the
 * prepayment back in 10 calendar days (п. 2.2 ст. 12 ЗоЗПП); in other cases it owes no refund of its
 * own, so the letter informs Ozon, asks it to act under its own rules (not law: the letter says so)
 * and reserves п. 2.1 ст. 12 (losses from wrong information about the goods or the seller).
 */
export function buildMarketplaceLetter(a, data) {
  const price = parseRubles(a.price);
  const ids = checkCompanyIds(a.sellerIds).value;
  const seller = [a.sellerName.trim(), ids, a.sellerAddress.trim()].filter(Boolean).join(", ");
  const refund = isDeliveryCase(a.case) && a.ndDemand === "refund";
  const paragraphs = [
    `${formatRu(a.orderDate)} мной оформлен заказ № ${a.orderNumber.trim()} на маркетплейсе Ozon: ${quote(a.product)}, цена товара — ${formatRubles(price)}.`,
    `Товар продаёт ${seller}. Претензию продавцу я направляю одновременно с этим письмом, её копия приложена.`,
  ];
  const demands = [];
  if (refund) {
    const prepaid = parseRubles(a.prepaid);
    paragraphs.push(
      `Товар оплачен заранее (${formatRubles(prepaid)}) и должен был быть передан мне не позднее ${formatRu(a.promisedDate)}, но не передан. В претензии продавцу я отказываюсь от товара из-за нарушения срока передачи.`,
      marketplaceRefundLaw(),
    );
    demands.push(`Вернуть мне сумму предварительной оплаты ${formatRubles(prepaid)} в течение ${days("marketplaceRefund", "refund")} (календарных) со дня получения этого требования (${cite("marketplaceRefund")}).`, refundToText(a));
  } else {
    paragraphs.push(`Суть претензии к продавцу: ${sentence(caseParts(a, data).demandSummary)}`);
    demands.push(
      "Передать мою претензию продавцу и рассмотреть спор по правилам Ozon для покупателей. Это просьба по правилам площадки, а не требование закона.",
    );
  }
  paragraphs.push(
    `Владелец агрегатора отвечает за убытки, причинённые потребителю недостоверной или неполной информацией о товаре или продавце (${cite("marketplaceInfo")}). Если такие убытки выяснятся, я оставляю за собой право требовать их возмещения.`,
  );
  const answerBy = refund ? dayTerm(data.calendar, a.docDate, TERMS.marketplaceRefund.days) : null;
  return {
    kind: "marketplace",
    to: [`Кому: ${data.ozon.recipient}`, `Адрес: ${data.ozon.display}`],
    from: fromLines(a),
    title: refund ? "ПРЕТЕНЗИЯ" : "ОБРАЩЕНИЕ",
    subtitle: refund ? "о возврате предварительной оплаты владельцем агрегатора" : "о нарушении прав покупателя продавцом на Ozon",
    paragraphs,
    demandsIntro: refund ? "На основании изложенного требую:" : "Прошу:",
    demands,
    closing: [
      ...(answerBy ? [`Срок возврата — ${daysText(TERMS.marketplaceRefund.days)} со дня получения требования: если оно получено ${formatRu(a.docDate)}, последний день — ${termText(answerBy)}.`] : []),
      replyTo(a),
    ],
    attachments: attachmentList(a, [`Копия претензии продавцу от ${formatRu(a.docDate)}`]),
    date: formatRu(a.docDate),
    signer: signatureName(a.fullName),
    summary: { answerBy, termDays: refund ? TERMS.marketplaceRefund.days : null, penalty: null, terms: {} },
  };
}

/**
 * The letters these answers make: one, or — when the buyer writes to a third-party seller about a
 * case where the guides advise writing to both (CASES[…].writeBoth) and ticks «Написать и Ozon» —
 * the seller's claim and a letter to Ozon as the marketplace from the same answers.
 */
export function buildLetters(a, data) {
  const main = buildLetter(a, data);
  if (!(a.alsoOzon && a.doc === "claim" && a.recipient === "seller" && CASES[a.case]?.writeBoth)) return [main];
  return [main, buildMarketplaceLetter(a, data)];
}

/** The deadlines as calendar events for the .ics file: the answer's last day and the next step. */
export function deadlineEvents(letters) {
  const events = [];
  for (const letter of letters) {
    const to = letter.to[0].replace(/^Кому: /, "");
    if (letter.kind === "complaint") {
      events.push({
        date: letter.summary.answerBy.end,
        summary: "Роспотребнадзор должен ответить на жалобу",
        description: `Жалоба от ${letter.date}: ответ — в течение ${days("authorityAnswer", "answer")} после регистрации (${cite("authorityAnswer")}). Если ответа нет, позвоните в управление и спросите номер регистрации.`,
      });
      continue;
    }
    if (!letter.summary.answerBy) continue; // a letter with no legal term sets no reminder
    if (letter.summary.event) {
      events.push({ date: letter.summary.answerBy.end, ...letter.summary.event });
      continue;
    }
    const last = letter.summary.answerBy.end;
    events.push(
      {
        date: last,
        summary: `Последний день ответа на претензию: ${to}`,
        description: `Претензия от ${letter.date}. Срок посчитан так, будто её получили в тот же день; если отправили почтой, он начнётся со дня получения.`,
      },
      {
        date: addDays(last, 1),
        summary: `Нет ответа от ${to}? Жалоба в Роспотребнадзор`,
        description: "Если требования не выполнены, подайте жалобу в Роспотребнадзор: конструктор составит её из тех же ответов.",
      },
    );
  }
  // The same day twice (two letters, one date) is one reminder too many.
  const seen = new Set();
  return events.filter((event) => !seen.has(event.summary + event.date) && seen.add(event.summary + event.date));
}

/** The letter as plain text, in print order: for tests and for copying into a chat or e-mail. */
export function letterText(letter) {
  const lines = [...letter.to, ...letter.from, "", letter.title, letter.subtitle, "", ...letter.paragraphs, "", letter.demandsIntro];
  letter.demands.forEach((demand, index) => lines.push(`${index + 1}. ${demand}`));
  lines.push("", ...letter.closing);
  if (letter.attachments.length) {
    lines.push("", "Приложения:");
    letter.attachments.forEach((item, index) => lines.push(attachmentLine(item, index)));
  }
  lines.push("", `Дата: ${letter.date}`, `Подпись: ____________ / ${letter.signer}`);
  return lines.join("\n");
}
