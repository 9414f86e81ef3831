// «Моё дело» → the claim builder: the case's answers as the builder's pre-fill fragment
// (docs/assets/claim/prefill.js reads it; EDITING.md «Моё дело» describes the interface). Only what the
// case holds about the order and its steps goes in, never the buyer's name or address. Pure.

import { PREFILL_PREFIX } from "../claim/prefill.js";
import { DEMANDS } from "./model.js";
import { isDeliveryCase, isMoneyCase, isQualityCase } from "../claim/rules.js";

const REPLIES = { seller_refused: "refused", seller_partial: "partial" };
// A seller named like this is Ozon itself: the builder's recipient «ozon», whose address it knows.
const OZON = /ozon|озон|интернет решения/i;

/** The case as the builder's answers: {field name: value}; empty values are left out. */
export function builderAnswers(c, doc) {
  const stepDate = (kind) => c.steps.find((s) => s.kind === kind)?.date ?? "";
  const demand = DEMANDS[c.kind]?.[c.demand];
  const answers = {
    case: c.kind,
    doc,
    orderNumber: c.order.number,
    orderDate: c.order.orderDate,
    product: c.order.product,
    price: c.order.price,
  };
  if (demand?.builderField) answers[demand.builderField] = demand.builderValue;
  if (isDeliveryCase(c.kind)) Object.assign(answers, { prepaid: c.order.price, promisedDate: c.order.promisedDate, newDeadline: c.order.newDeadline });
  if (c.kind === "refund_missing" || isMoneyCase(c.kind)) answers.refundAmount = c.order.price;
  if (isQualityCase(c.kind) || c.kind === "refusal") answers.receivedDate = c.order.receivedDate;
  if (c.order.seller) Object.assign(answers, OZON.test(c.order.seller) ? { recipient: "ozon" } : { recipient: "seller", sellerName: c.order.seller });
  // The complaint and the lawsuit both follow the claim: when the seller got it and what it answered.
  if (doc === "complaint" || doc === "lawsuit") {
    answers.claimSentDate = stepDate("claim_sent");
    const reply = c.steps.find((s) => REPLIES[s.kind]);
    answers.sellerReply = reply ? REPLIES[reply.kind] : "none";
  }
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value));
}

/** The builder's address with the pre-fill fragment: `builderHref` is its link as the page has it. */
export function builderLink(builderHref, c, doc) {
  const base = String(builderHref).split("#")[0];
  return `${base}${PREFILL_PREFIX}${new URLSearchParams(builderAnswers(c, doc)).toString()}`;
}
