// reviewed: 2026-12-07
// The one table of the claim builder: every case, every demand and every legal rule it relies on.
// The rules themselves (citation, terms, rates, caps, edition, status) come at run time from the
// legal rule register, data/law.yml, which the build puts into the page's claim-data block as
// `data.law` (macros/claim_data.py): this file only names each rule's id and which of its figures
// it uses. fields.js, validate.js, terms.js, letter.js and summary.js read everything through here,
// after form.js (or a test) has called useLaw(data.law); none of them types a term or an article.

/**
 * A term of the register: its figure (days or months) and its citation, read when asked.
 * @typedef {{ rule: string, days?: number, months?: number, article: string }} LawTerm
 */

/** The register's rules the builder uses, by the name the code knows them by (RULE.x = rule id). */
export const RULE = {
  marketplaceInfo: "zozpp-12-wrong-info",
  marketplaceRefund: "zozpp-12-marketplace-refund",
  fine: "zozpp-13-fine",
  fineExceptions: "zozpp-13-fine-exceptions",
  moralDamage: "zozpp-15",
  venue: "zozpp-17-venue",
  qualityRights: "zozpp-18-rights",
  repair: "zozpp-20-repair",
  replace: "zozpp-21",
  qualityRefund: "zozpp-22",
  qualityPenalty: "zozpp-23-penalty",
  deliveryChoice: "zozpp-23-1-choice",
  lateDeliveryPenalty: "zozpp-23-1-penalty",
  prepaymentRefund: "zozpp-23-1-refund",
  distanceRefusal: "zozpp-26-1-refusal",
  termStart: "gk-191",
  termOnDayOff: "gk-193",
  postedInTime: "gk-194-post",
  delivered: "gk-165-1",
  reducePenalty: "gk-333",
  interest: "gk-395",
  authorityRegister: "fz59-register",
  authorityAnswer: "fz59-answer",
  courtLimit: "gpk-23",
  venueCode: "gpk-29-consumer",
  stateFee: "nk-333-36-consumer",
  stateFeeAbove: "nk-333-36-above",
  suitAttachments: "gpk-132",
  // Issue 27: the other situations the guides cover.
  handedOver: "gk-458",
  handedToBearer: "gk-499-recipient",
  noUnilateralChange: "gk-310",
  priceAtOrder: "gk-500-price",
  shortDelivery: "gk-466",
  completeness: "gk-478",
  incompleteGoods: "gk-480",
  substitute: "zozpp-20-substitute",
  imposedService: "zozpp-16-imposed",
  serviceRefusal: "zozpp-32",
  unjustEnrichment: "gk-1102",
  termOnDemand: "gk-314",
  flightIllness: "vk-108",
  // A card operation the buyer did not make: the bank, the Bank of Russia, the financial ombudsman.
  bankReport: "fz161-report",
  bankAnswer: "fz161-answer",
  ombudsmanLimit: "fz123-limit",
  bankClaimFirst: "fz123-claim-first",
};

/** The figures the builder reads, with the unit each must have: [rule, figure, unit]. */
const FIGURES = [
  ["marketplaceRefund", "refund", "days"],
  ["qualityRights", "complex", "days"],
  ["repair", "repair", "days"],
  ["replace", "replace", "days"],
  ["replace", "with-check", "days"],
  ["qualityRefund", "refund", "days"],
  ["qualityPenalty", "rate", "percent"],
  ["qualityPenalty", "cap", null],
  ["lateDeliveryPenalty", "rate", "percent"],
  ["lateDeliveryPenalty", "cap", null],
  ["prepaymentRefund", "refund", "days"],
  ["distanceRefusal", "after", "days"],
  ["distanceRefusal", "no-info", "months"],
  ["distanceRefusal", "refund", "days"],
  ["authorityRegister", "register", "days"],
  ["authorityAnswer", "answer", "days"],
  ["fine", "fine", "percent"],
  ["courtLimit", "limit", "rubles"],
  ["substitute", "substitute", "days"],
  ["imposedService", "refund", "days"],
  ["termOnDemand", "days", "days"],
  ["bankReport", "report", "days"],
  ["bankAnswer", "answer", "days"],
  ["bankAnswer", "cross-border", "days"],
  ["ombudsmanLimit", "limit", "rubles"],
  ["bankClaimFirst", "answer", "working-days"],
  ["stateFee", "limit", "rubles"],
];

/** The page's register is missing a rule or a figure the builder needs: the message lists them all. */
export class LawDataError extends Error {}

let law = null;

/**
 * Takes the rules the page carries (data.law, untrusted JSON): every rule of RULE must be there with
 * a citation, and every figure of FIGURES with its unit and a sane value; otherwise nothing is used.
 */
export function useLaw(rules) {
  const wrong = [];
  const isText = (value) => typeof value === "string" && value.length > 0 && value.length <= 2000;
  for (const id of Object.values(RULE)) {
    const rule = rules?.[id];
    if (!rule || typeof rule !== "object" || !isText(rule.cite) || !["confirmed", "unconfirmed"].includes(rule.status)) wrong.push(id);
  }
  for (const [key, name, unit] of FIGURES) {
    const figure = rules?.[RULE[key]]?.figures?.[name];
    const ok = figure && (unit === null ? isText(figure.text) : figure.unit === unit && Number.isFinite(figure.value) && figure.value > 0 && figure.value <= (unit === "rubles" ? 1e9 : 1000));
    if (!ok) wrong.push(`${RULE[key]}.${name}`);
  }
  if (wrong.length) throw new LawDataError(`claim-data: the legal rule register lacks ${wrong.join(", ")}`);
  law = rules;
}

function rule(key) {
  if (!law) throw new LawDataError("claim builder: useLaw(data.law) was not called");
  return law[RULE[key]];
}

/** «п. 3 ст. 23.1 ЗоЗПП», or «ст. 395 ГК РФ, не подтверждено» for a rule the register marks unconfirmed. */
export function cite(key) {
  const { cite: text, status } = rule(key);
  return status === "confirmed" ? text : `${text}, не подтверждено`;
}

/** cite(key), or null before the page's rules are in: for code other pages share (calendar.js on «Моё дело»). */
export function citeIfLoaded(key) {
  return law ? cite(key) : null;
}

/** A figure's value (days, months, percent) as the register gives it. */
export function figure(key, name) {
  return rule(key).figures[name].value;
}

/** A figure as the register writes it: «1 %», «не больше суммы, уплаченной за товар». */
export function figureText(key, name) {
  return rule(key).figures[name].text;
}

/** Whether the register marks this rule unconfirmed: the buyer is told so. */
export function isUnconfirmed(key) {
  return rule(key).status !== "confirmed";
}

/** The latest change of a rule: {by, inForce} or null. */
export function lastEdition(key) {
  const editions = rule(key).editions ?? [];
  return editions.length ? editions[editions.length - 1] : null;
}

/**
 * An object whose `days` (or `months`) and `article` are read from the register when asked.
 * @template {object} Rest
 * @param {string} key
 * @param {string} name
 * @param {Rest} [rest] what else the term says (a label, a limit)
 * @param {"days" | "months"} [unit]
 * @returns {Rest & LawTerm}
 */
function fromLaw(key, name, rest, unit = "days") {
  return /** @type {Rest & LawTerm} */ (Object.defineProperties({ rule: key, ...(rest ?? {}) }, {
    [unit]: { get: () => figure(key, name), enumerable: true },
    article: { get: () => cite(key), enumerable: true },
  }));
}

/**
 * A demand: what the letter asks for, in how many days, under which article.
 * @typedef {LawTerm & { label: string, short: string, limit?: string, checkDays?: number, text?: string }} Demand
 */

/**
 * What the seller (or the marketplace) may be asked to do, with the term it has and its article.
 * @type {{ refund: Demand, replace: Demand, reduce: Demand, repair: Demand }}
 */
export const DEMANDS = {
  refund: fromLaw("qualityRefund", "refund", { label: "Вернуть деньги", short: "возврат уплаченной суммы" }),
  // ст. 21: the usual days, or `checkDays` when the seller needs an extra quality check.
  replace: Object.defineProperties(fromLaw("replace", "replace", {
    label: "Заменить товар", short: "замена товара",
  }), {
    checkDays: { get: () => figure("replace", "with-check"), enumerable: true },
    text: {
      get: () => `Заменить товар на товар этой же марки (модели, артикула) надлежащего качества в течение ${daysWord(figure("replace", "replace"))} со дня получения претензии, а если для проверки качества нужно больше времени — в течение ${daysWord(figure("replace", "with-check"))} (${cite("replace")}).`,
      enumerable: true,
    },
  }),
  reduce: fromLaw("qualityRefund", "refund", { label: "Уменьшить цену", short: "соразмерное уменьшение цены" }),
  repair: Object.defineProperties(fromLaw("repair", "repair", {
    label: "Бесплатно отремонтировать", limit: "до", short: "безвозмездное устранение недостатка",
  }), {
    text: {
      get: () => `Безвозмездно устранить недостаток товара незамедлительно, но не позднее ${daysWord(figure("repair", "repair"))} со дня получения претензии (${cite("repair")}).`,
      enumerable: true,
    },
  }),
};

/** «10 дней»: rules.js cannot import money.js's daysText (money.js stays free of the law). */
function daysWord(count) {
  const n = Math.abs(count) % 100;
  const last = n % 10;
  const word = n >= 11 && n <= 14 ? "дней" : last === 1 ? "день" : last >= 2 && last <= 4 ? "дня" : "дней";
  return `${count}\u00a0${word}`;
}

/** Demands after an undelivered prepaid order (п. 2 ст. 23.1 ЗоЗПП). */
export const DELIVERY_DEMANDS = {
  refund: { get label() { return `Вернуть предоплату (в течение ${daysWord(figure("prepaymentRefund", "refund"))})`; } },
  new_deadline: { label: "Доставить товар в новый срок, который назначаю я" },
};

/**
 * The situations the builder writes a letter for. `quality`: the goods have a defect (ст. 18);
 * `demands`: which of DEMANDS the buyer may choose; `asks`: the case's own fields; `writeBoth`: the
 * guides (zakaz-ne-dostavili-v-srok, dengi-ne-vernuli) advise writing to the seller and to Ozon.
 */
export const CASES = {
  not_delivered: {
    label: "Оплаченный заказ не доставили в срок", writeBoth: true,
    asks: ["prepaid", "promisedDate", "ndDemand"],
  },
  defective: {
    label: "Товар с браком", quality: true,
    demands: ["refund", "replace", "reduce", "repair"],
    asks: ["receivedDate", "defect", "qDemand", "firstDemandDate"],
  },
  not_as_described: {
    label: "Товар не соответствует описанию", quality: true,
    demands: ["refund", "replace", "reduce"],
    asks: ["receivedDate", "defect", "qDemand", "firstDemandDate"],
  },
  refund_missing: {
    label: "Не вернули деньги за возвращённый товар", writeBoth: true,
    asks: ["refundBasis", "refundDemandDate", "refundAmount"],
  },
  refusal: {
    label: "Товар исправен, но не подошёл: хочу вернуть",
    asks: ["receivedDate", "noReturnInfo", "keptIntact"],
  },
  // Issue 27. `delivery`: a prepaid order not handed over, the п. 2–4 ст. 23.1 family; `early`: the
  // buyer may write before the promised date has passed (the penalty then starts only after it).
  handed_not_received: {
    label: "Заказ отмечен «вручён» или «выдан», но я его не получал(а)", delivery: true, early: true, writeBoth: true,
    asks: ["prepaid", "promisedDate", "handedDate", "ndDemand"],
  },
  cancelled: {
    label: "Оплаченный заказ отменили или подняли цену после оплаты", delivery: true, early: true, writeBoth: true,
    asks: ["prepaid", "promisedDate", "cancelKind", "cancelDate", "ndDemand"],
  },
  incomplete: {
    label: "Пришло не всё: не хватает товара, деталей или комплекта", quality: true,
    demands: ["refund", "replace", "reduce"],
    asks: ["receivedDate", "defect", "qDemand", "firstDemandDate"],
  },
  counterfeit: {
    label: "Товар оказался подделкой", quality: true,
    demands: ["refund", "replace"],
    asks: ["receivedDate", "defect", "qDemand", "firstDemandDate"],
  },
  digital_code: {
    label: "Цифровой код (ключ, подписка, сертификат) не работает", quality: true,
    demands: ["refund", "replace"],
    asks: ["receivedDate", "defect", "qDemand", "firstDemandDate"],
  },
  repair_delay: {
    label: "Ремонт по гарантии затянулся дольше срока", quality: true, repair: true,
    demands: ["refund", "replace"],
    asks: ["receivedDate", "defect", "repairDate", "qDemand", "substitute"],
  },
  // `money`: money taken or kept without a ground (a service charged, a booking refunded short); the
  // demand is only money, its term from the register, ст. 395 ГК РФ interest after it in the lawsuit.
  subscription: {
    label: "Списали плату за подписку (Ozon Premium и др.) без согласия или после отмены", money: true,
    asks: ["subReason", "chargeDate", "cancelDate", "refundAmount"],
  },
  travel: {
    label: "Не вернули деньги за отель или билет из Ozon Travel", money: true,
    asks: ["travelReason", "cancelDate", "refundAmount"],
  },
  // `bank`: not a purchase but a card operation; its documents go to the bank and to those above it.
  bank_operation: {
    label: "С карты Ozon Банка списали деньги, а я эту операцию не совершал(а)", bank: true,
    asks: ["operationDate", "noticeDate", "operationAmount", "cardDigits", "operationDetails", "crossBorder"],
  },
};

/** What the bank answered to the buyer's statement. */
export const BANK_REPLIES = {
  none: { label: "Не ответил", text: "Ответа банка нет." },
  refused: { label: "Отказал", text: "Банк отказал вернуть деньги." },
  partial: { label: "Вернул часть", text: "Банк вернул только часть суммы." },
};

/** Why the seller cancelled or changed the order (the buyer did not agree). */
export const CANCEL_KINDS = {
  cancelled: { label: "Продавец отменил заказ после оплаты" },
  repriced: { label: "Продавец требует доплатить: поднял цену после оплаты" },
};

/** Why a subscription's charge is owed back. */
export const SUB_REASONS = {
  no_consent: { label: "Я не подключал(а) платную подписку, её включили без моего согласия" },
  after_cancel: { label: "Я отключил(а) подписку, но деньги списали снова" },
};

/** Why an Ozon Travel booking is owed back (the guide ozon-travel.md). */
export const TRAVEL_REASONS = {
  provider_cancelled: { label: "Рейс, поезд или бронь отменил перевозчик или отель" },
  own_refusal: { label: "Я сам(а) отказался(ась) от поездки: удержали больше фактических расходов" },
  illness: { get label() { return `Не полетел(а) из-за болезни или смерти близкого (${cite("flightIllness")})`; } },
};

/** Terms, each counted from the day after the event (ст. 191 ГК РФ), with its article. */
export const TERMS = {
  /** Refund of a prepayment for an undelivered order, from the demand. */
  prepaymentRefund: fromLaw("prepaymentRefund", "refund"),
  /** Refund after refusing goods of proper quality bought at a distance. */
  refusalRefund: fromLaw("distanceRefusal", "refund"),
  /** Refund of the price of defective goods. */
  qualityRefund: fromLaw("qualityRefund", "refund"),
  /** The marketplace refunds a prepayment for goods not delivered on time, after the buyer refused them. */
  marketplaceRefund: fromLaw("marketplaceRefund", "refund"),
  /** The answer to the claim when no demand sets a term of its own. */
  answer: fromLaw("qualityRefund", "refund"),
  /** Refusing goods bought at a distance: days after handover… */
  refusal: fromLaw("distanceRefusal", "after"),
  /** …or months when written return terms were not handed over with the goods. */
  refusalNoInfo: fromLaw("distanceRefusal", "no-info", {}, "months"),
  /** Technically complex goods: any defect gives a refund or replacement within these days of handover. */
  complexGoods: fromLaw("qualityRights", "complex"),
  /** An authority registers an appeal… */
  authorityRegister: fromLaw("authorityRegister", "register"),
  /** …and answers after registering it. */
  authorityAnswer: fromLaw("authorityAnswer", "answer"),
};

/** A penalty of the register: per mille of the base a day, its rate and cap as the register writes them. */
function penaltyRule(key) {
  return {
    rule: key,
    get perMille() { return Math.round(figure(key, "rate") * 10); },
    get rate() { return figureText(key, "rate"); },
    /** «не больше суммы, уплаченной за товар»: the register's words for the cap. */
    get cap() { return figureText(key, "cap"); },
    cappedByBase: true,
    get article() { return cite(key); },
  };
}

/**
 * The penalties: п. 3 ст. 23.1 (late delivery of a prepaid order) and ст. 23 (missed ст. 20–22
 * deadlines; capped at the sum paid since 01.02.2026 by 500-ФЗ). A court may lower either (ст. 333 ГК РФ).
 */
export const PENALTIES = {
  lateDelivery: penaltyRule("lateDeliveryPenalty"),
  quality: penaltyRule("qualityPenalty"),
};

/** Where the buyer wants the money: the letter says it, so the seller cannot stall by asking. */
export const REFUND_TO = {
  card: { label: "На карту, с которой платил(а)", text: "Деньги прошу вернуть на банковскую карту, с которой оплачен заказ." },
  account: { label: "На мой банковский счёт (впишу реквизиты)" },
};

/** What the seller may reply, as the complaint tells it. */
export const SELLER_REPLIES = {
  none: { label: "Не ответил", text: "Ответа на претензию нет, требования не удовлетворены." },
  refused: { label: "Отказал", text: "Продавец отказал в удовлетворении требований." },
  partial: { label: "Выполнил требования частично", text: "Продавец удовлетворил требования лишь частично." },
};

/** Why money is owed when it was not returned. */
export const REFUND_BASES = {
  defect: { get label() { return `Товар был с недостатком (${cite("qualityRights")})`; } },
  refusal: { get label() { return `Товар был исправен, я отказался от него (${cite("distanceRefusal")})`; } },
};

export const DOCUMENTS = {
  claim: { label: "Претензию продавцу" },
  complaint: { label: "Жалобу в Роспотребнадзор — если продавец не ответил на претензию или отказал" },
  lawsuit: { label: "Исковое заявление в суд — если срок претензии прошёл без ответа или продавец отказал" },
  // A card operation (CASES[…].bank) has its own addressees, each owed only its own document.
  bank_statement: { label: "Заявление в Ozon Банк о несогласии с операцией — сразу, не позже следующего дня", bank: true },
  cbr: { label: "Обращение в Банк России — если банк не ответил или отказал", bank: true },
  ombudsman: { label: "Обращение к финансовому уполномоченному — если банк отказал вернуть деньги", bank: true },
};

/** Whether a document is one these answers' situation can have: a bank's for a card operation only. */
export function documentFits(docId, caseId) {
  return Boolean(DOCUMENTS[docId]) && Boolean(DOCUMENTS[docId].bank) === isBankCase(caseId);
}

/** A card operation the buyer did not make: no order, no seller; the bank and its supervisors. */
export function isBankCase(caseId) {
  return Boolean(CASES[caseId]?.bank);
}

/** Larger amounts are almost certainly a typo (an extra zero) in a claim about one Ozon order. */
export const MAX_AMOUNT_KOPECKS = 10_000_000 * 100;
// The earliest date a buyer may enter is the first day of the production calendar the build
// ships (macros/claim_calendar.py): terms before it could not be counted.
export const MAX_TEXT = 500;

/** The demands a case allows, in the table's order. */
export function demandsFor(caseId) {
  return CASES[caseId]?.demands ?? [];
}

export function isQualityCase(caseId) {
  return Boolean(CASES[caseId]?.quality);
}

/** A prepaid order that was not handed over (п. 2–4 ст. 23.1 ЗоЗПП): not delivered, «вручён» to no one, cancelled. */
export function isDeliveryCase(caseId) {
  return caseId === "not_delivered" || Boolean(CASES[caseId]?.delivery);
}

/** Money owed back with no penalty of ЗоЗПП (a subscription, a booking): ст. 395 ГК РФ interest instead. */
export function isMoneyCase(caseId) {
  return Boolean(CASES[caseId]?.money);
}

/** Whether the letter asks for money back: then it says where the money goes (issues 26, 29). */
export function asksForMoney(a) {
  if (isDeliveryCase(a.case)) return a.ndDemand === "refund";
  if (isQualityCase(a.case)) return a.qDemand === "refund" || a.qDemand === "reduce";
  return a.case === "refund_missing" || a.case === "refusal" || isMoneyCase(a.case);
}
