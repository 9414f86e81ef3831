// The one table of the claim builder: every case, every demand and every legal term, each with
// the article it comes from. fields.js (what the form offers), validate.js (what it accepts) and
// letter.js (what the letter says) read these; none of them types a term or an article itself.

/** What the seller (or the marketplace) may be asked to do, with the term it has and its article. */
export const DEMANDS = {
  refund: {
    label: "Вернуть деньги", days: 10, article: "ст. 22 ЗоЗПП",
    short: "возврат уплаченной суммы",
  },
  // ст. 21: 7 days, or 20 when the seller needs an extra quality check (checkDays).
  replace: {
    label: "Заменить товар", days: 7, checkDays: 20, article: "ст. 21 ЗоЗПП",
    short: "замена товара",
    text: "Заменить товар на товар этой же марки (модели, артикула) надлежащего качества в течение 7 дней со дня получения претензии, а если для проверки качества нужно больше времени — в течение 20 дней (ст. 21 ЗоЗПП).",
  },
  reduce: {
    label: "Уменьшить цену", days: 10, article: "ст. 22 ЗоЗПП",
    short: "соразмерное уменьшение цены",
  },
  repair: {
    label: "Бесплатно отремонтировать", days: 45, article: "ст. 20 ЗоЗПП", limit: "до",
    short: "безвозмездное устранение недостатка",
    text: "Безвозмездно устранить недостаток товара незамедлительно, но не позднее 45 дней со дня получения претензии (ст. 20 ЗоЗПП).",
  },
};

/** Demands after an undelivered prepaid order (п. 2 ст. 23.1 ЗоЗПП). */
export const DELIVERY_DEMANDS = {
  refund: { label: "Вернуть предоплату (в течение 10 дней)" },
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
};

/** Terms in days, each counted from the day after the event (ст. 191 ГК РФ), with its article. */
export const TERMS = {
  /** Refund of a prepayment for an undelivered order: 10 days from the demand. */
  prepaymentRefund: { days: 10, article: "п. 4 ст. 23.1 ЗоЗПП" },
  /** Refund after refusing goods of proper quality bought at a distance. */
  refusalRefund: { days: 10, article: "п. 4 ст. 26.1 ЗоЗПП" },
  /** Refund of the price of defective goods. */
  qualityRefund: { days: 10, article: "ст. 22 ЗоЗПП" },
  /** The marketplace refunds a prepayment for goods not delivered on time. */
  marketplaceRefund: { days: 10, article: "п. 2.2 ст. 12 ЗоЗПП" },
  /** The marketplace answers for losses from wrong information about the goods or the seller (no term). */
  marketplaceInfo: { article: "п. 2.1 ст. 12 ЗоЗПП" },
  /** The answer to the claim when no demand sets a term of its own. */
  answer: { days: 10, article: "ст. 22 ЗоЗПП" },
  /** Refusing goods bought at a distance: 7 days after handover… */
  refusal: { days: 7, article: "п. 4 ст. 26.1 ЗоЗПП" },
  /** …or 3 months when written return terms were not handed over with the goods. */
  refusalNoInfo: { months: 3, article: "п. 4 ст. 26.1 ЗоЗПП" },
  /** Technically complex goods: any defect gives a refund or replacement within 15 days of handover. */
  complexGoods: { days: 15, article: "п. 1 ст. 18 ЗоЗПП" },
  /** An authority registers an appeal within 3 days… */
  authorityRegister: { days: 3, article: "ч. 2 ст. 8 Закона № 59-ФЗ" },
  /** …and answers within 30 days of registering it. */
  authorityAnswer: { days: 30, article: "ст. 12 Закона № 59-ФЗ" },
};

/**
 * The penalties: per mille of the base per day, and whether the base caps them (`capName`: the
 * base as the letter names it after «не больше»). ст. 23 is capped since 01.02.2026 (Федеральный
 * закон от 28.12.2025 № 500-ФЗ), and a court may lower either penalty (ст. 333 ГК РФ).
 */
export const PENALTIES = {
  lateDelivery: {
    perMille: 5, rate: "0,5\u00a0%", cappedByBase: true, article: "п. 3 ст. 23.1 ЗоЗПП",
    baseName: "суммы предварительной оплаты", capName: "суммы предварительной оплаты",
  },
  quality: {
    perMille: 10, rate: "1\u00a0%", cappedByBase: true, article: "ст. 23 ЗоЗПП",
    baseName: "цены товара", capName: "суммы, уплаченной за товар",
    edition: "в ред. Федерального закона от 28.12.2025 № 500-ФЗ, с 01.02.2026",
  },
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
  defect: { label: "Товар был с недостатком (ст. 18 ЗоЗПП)" },
  refusal: { label: "Товар был исправен, я отказался от него (п. 4 ст. 26.1 ЗоЗПП)" },
};

export const DOCUMENTS = {
  claim: { label: "Претензию продавцу" },
  complaint: { label: "Жалобу в Роспотребнадзор — если продавец не ответил на претензию или отказал" },
};

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

/** Whether the letter asks for money back: then it says where the money goes (issues 26, 29). */
export function asksForMoney(a) {
  if (a.case === "not_delivered") return a.ndDemand === "refund";
  if (isQualityCase(a.case)) return a.qDemand === "refund" || a.qDemand === "reduce";
  return a.case === "refund_missing" || a.case === "refusal";
}
