// «Моё дело»: what a case holds, which steps a buyer takes and in what order, and the bounds every
// case file is held to. One table, read by schema.js (what a file may contain), deadlines.js (which
// law counts each term) and page.js (what the page offers). Pure data: tested by node --test.
// reviewed: 2026-12-07

import { CASES } from "../claim/rules.js";

/** The situations, as the claim builder names them (its CASES ids), so a case pre-fills its form; a card
 * operation is the bank's business, not a seller's case, and is not kept here. */
export const CASE_KINDS = Object.fromEntries(Object.entries(CASES).filter(([, { bank }]) => !bank).map(([id, { label }]) => [id, { label }]));

/**
 * What the buyer demands, per situation, and the legal rule (data/law.yml id and figure) that gives
 * the seller its term to meet the demand, counted from the day the seller RECEIVED the claim.
 * `builderField`/`builderValue`: how the claim builder's form asks for the same demand.
 */
export const DEMANDS = {
  not_delivered: {
    refund: { label: "Вернуть предоплату", rule: "zozpp-23-1-refund", figure: "refund", builderField: "ndDemand", builderValue: "refund" },
    new_deadline: { label: "Доставить в новый срок, который назначил я", builderField: "ndDemand", builderValue: "new_deadline" },
  },
  defective: {
    refund: { label: "Вернуть деньги", rule: "zozpp-22", figure: "refund", builderField: "qDemand", builderValue: "refund" },
    replace: { label: "Заменить товар", rule: "zozpp-21", figure: "replace", builderField: "qDemand", builderValue: "replace" },
    reduce: { label: "Уменьшить цену", rule: "zozpp-22", figure: "refund", builderField: "qDemand", builderValue: "reduce" },
    repair: { label: "Бесплатно отремонтировать", rule: "zozpp-20-repair", figure: "repair", builderField: "qDemand", builderValue: "repair" },
  },
  not_as_described: {
    refund: { label: "Вернуть деньги", rule: "zozpp-22", figure: "refund", builderField: "qDemand", builderValue: "refund" },
    replace: { label: "Заменить товар", rule: "zozpp-21", figure: "replace", builderField: "qDemand", builderValue: "replace" },
    reduce: { label: "Уменьшить цену", rule: "zozpp-22", figure: "refund", builderField: "qDemand", builderValue: "reduce" },
  },
  refund_missing: {
    refund_defect: { label: "Вернуть деньги за товар с недостатком", rule: "zozpp-22", figure: "refund", builderField: "refundBasis", builderValue: "defect" },
    refund_refusal: { label: "Вернуть деньги за исправный товар, от которого я отказался", rule: "zozpp-26-1-refusal", figure: "refund", builderField: "refundBasis", builderValue: "refusal" },
  },
  refusal: {
    refund: { label: "Вернуть деньги за исправный товар", rule: "zozpp-26-1-refusal", figure: "refund" },
  },
};
// Issue 27: the other situations of the builder, with the same demands as their family.
DEMANDS.handed_not_received = DEMANDS.not_delivered;
DEMANDS.cancelled = DEMANDS.not_delivered;
DEMANDS.incomplete = DEMANDS.not_as_described;
DEMANDS.counterfeit = { refund: DEMANDS.defective.refund, replace: DEMANDS.defective.replace };
DEMANDS.digital_code = DEMANDS.counterfeit;
DEMANDS.repair_delay = DEMANDS.counterfeit;
DEMANDS.subscription = {
  refund_no_consent: { label: "Вернуть плату за подписку, подключённую без согласия", rule: "zozpp-16-imposed", figure: "refund", builderField: "subReason", builderValue: "no_consent" },
  refund_after_cancel: { label: "Вернуть плату, списанную после отмены подписки", rule: "gk-314", figure: "days", builderField: "subReason", builderValue: "after_cancel" },
};
DEMANDS.travel = {
  refund: { label: "Вернуть деньги за поездку", rule: "gk-314", figure: "days" },
};

/** The rules the authority's terms come from (ч. 2 ст. 8 and ст. 12 Закона № 59-ФЗ). */
export const AUTHORITY_RULES = {
  register: { rule: "fz59-register", figure: "register" },
  answer: { rule: "fz59-answer", figure: "answer" },
};

/** Why the seller's term runs from the day it received the claim (ст. 165.1 ГК РФ). */
export const RECEIPT_RULE = "gk-165-1";

/**
 * The steps, in the order a case goes; a case has each at most once. `after`: a step that must
 * already be there, dated no later. `closes`: the case needs nothing more.
 */
export const STEPS = {
  claim_sent: { label: "Претензия отправлена или вручена", after: null },
  claim_received: { label: "Продавец получил претензию", after: "claim_sent" },
  seller_refused: { label: "Продавец отказал", after: "claim_sent" },
  seller_partial: { label: "Продавец выполнил требования частично", after: "claim_sent" },
  claim_met: { label: "Требования выполнены", after: "claim_sent", closes: true },
  complaint_sent: { label: "Жалоба в Роспотребнадзор отправлена", after: "claim_sent" },
  complaint_registered: { label: "Жалобу зарегистрировали", after: "complaint_sent" },
  authority_answered: { label: "Роспотребнадзор ответил", after: "complaint_sent" },
  lawsuit_filed: { label: "Иск подан в суд", after: "claim_sent" },
};

/** The seller's answer to the claim, whatever it was. */
export const SELLER_ANSWERS = ["seller_refused", "seller_partial", "claim_met"];

/** Bounds of everything read back: a file, a stored entry, a field. */
export const LIMITS = {
  fileBytes: 200 * 1024,
  cases: 20,
  steps: 50,
  title: 120,
  text: 200,
  note: 500,
  orderNumber: 40,
  price: 20,
  id: 40,
};

export const FILE_FORMAT = "ozon-moe-delo";
export const FILE_VERSION = 1;
