// Every deadline of one set of answers, each the last day of its term after ст. 193 ГК РФ.
// validate.js checks the answers against these; letter.js and the summary print them: both call
// the same functions, so a term is counted one way everywhere. Pure; tested by node --test.

import { dayTerm, monthTerm, termEnd } from "./calendar.js";
import { DEMANDS, TERMS, isQualityCase } from "./rules.js";

/** The delivery date the seller promised is the last day of its delivery term. */
export function deliveryTerm(a, calendar) {
  return termEnd(calendar, a.promisedDate);
}

/** A quality demand made earlier: its own term (ст. 20–22 ЗоЗПП) from the day it was made. */
export function earlierDemandTerm(a, calendar) {
  return dayTerm(calendar, a.firstDemandDate, DEMANDS[a.qDemand].days);
}

/** The 10 days the seller had to return the money after the buyer's demand. */
export function refundTerm(a, calendar) {
  const term = a.refundBasis === "refusal" ? TERMS.refusalRefund : TERMS.qualityRefund;
  return dayTerm(calendar, a.refundDemandDate, term.days);
}

/** The window to refuse goods bought at a distance: 7 days, or 3 months without written return terms. */
export function refusalTerm(a, calendar) {
  return a.noReturnInfo
    ? monthTerm(calendar, a.receivedDate, TERMS.refusalNoInfo.months)
    : dayTerm(calendar, a.receivedDate, TERMS.refusal.days);
}

/** How many days the claim gives the seller, by what it demands. */
export function answerDays(a) {
  if (isQualityCase(a.case)) return DEMANDS[a.qDemand].days;
  if (a.case === "refusal") return TERMS.refusalRefund.days;
  if (a.case === "not_delivered" && a.ndDemand === "refund") return TERMS.prepaymentRefund.days;
  return TERMS.answer.days;
}

/** The seller's answer: counted from the document's date, as if it were received that day. */
export function answerTerm(a, calendar) {
  return dayTerm(calendar, a.docDate, answerDays(a));
}

/** Роспотребнадзор registers the complaint within 3 days and answers within 30 days after that. */
export function authorityTerms(a, calendar) {
  const register = dayTerm(calendar, a.docDate, TERMS.authorityRegister.days);
  return { register, answer: dayTerm(calendar, register.end, TERMS.authorityAnswer.days) };
}

/** All the deadlines these (valid) answers have; throws CalendarRangeError past the calendar. */
export function caseTerms(a, calendar) {
  const terms = { answerDays: answerDays(a), answer: answerTerm(a, calendar) };
  if (a.case === "not_delivered") terms.delivery = deliveryTerm(a, calendar);
  if (isQualityCase(a.case) && String(a.firstDemandDate ?? "").trim()) terms.earlierDemand = earlierDemandTerm(a, calendar);
  if (a.case === "refund_missing") terms.refund = refundTerm(a, calendar);
  if (a.case === "refusal") terms.refusal = refusalTerm(a, calendar);
  if (a.doc === "complaint") terms.authority = authorityTerms(a, calendar);
  return terms;
}
