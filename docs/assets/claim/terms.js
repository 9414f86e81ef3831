// Every deadline of one set of answers, each the last day of its term after ст. 193 ГК РФ.
// validate.js checks the answers against these; letter.js and the summary print them: both call
// the same functions, so a term is counted one way everywhere. Pure; tested by node --test.

import { dayTerm, monthTerm } from "./calendar.js";
import { DEMANDS, TERMS, figure, isDeliveryCase, isMoneyCase, isQualityCase } from "./rules.js";

/**
 * The delivery date the seller promised. It is a date the seller chose, not a term the buyer must
 * meet, so it is never moved under ст. 193 ГК РФ: the penalty runs from the next day (issue 29).
 * `offDay` tells the summary that the seller may argue for the next working day.
 */
export function deliveryTerm(a, calendar) {
  const offDay = !calendar.isWorkingDay(a.promisedDate); // also refuses a date the calendar does not cover
  return { nominal: a.promisedDate, end: a.promisedDate, moved: false, offDay };
}

/** Days a quality demand gives the seller: ст. 21's 20 days for a replacement that needs a quality check. */
export function demandDays(a) {
  const demand = DEMANDS[a.qDemand];
  return a.qualityCheck && demand.checkDays ? demand.checkDays : demand.days;
}

/**
 * A quality demand made earlier: its own term (ст. 20–22 ЗоЗПП) from the day the seller received it.
 * A repair that drags on: the repair's 45 days from the day the seller took the item (ст. 20).
 */
export function earlierDemandTerm(a, calendar) {
  if (isRepairDelay(a)) return dayTerm(calendar, a.repairDate, DEMANDS.repair.days);
  return dayTerm(calendar, a.firstDemandDate, demandDays(a));
}

function isRepairDelay(a) {
  return a.case === "repair_delay";
}

/** Whether these answers name an earlier demand whose term has a penalty behind it. */
export function hasEarlierDemand(a) {
  return isRepairDelay(a) ? Boolean(String(a.repairDate ?? "").trim()) : isQualityCase(a.case) && Boolean(String(a.firstDemandDate ?? "").trim());
}

/**
 * Days the seller has to pay money owed with no term of its own: a charge for a service the buyer
 * did not agree to, 3 days (п. 3.1 ст. 16 ЗоЗПП); otherwise 7 days from the demand (п. 2 ст. 314 ГК РФ).
 */
export function moneyDays(a) {
  return a.case === "subscription" && a.subReason === "no_consent" ? figure("imposedService", "refund") : figure("termOnDemand", "days");
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
  if (isQualityCase(a.case)) return demandDays(a);
  if (a.case === "refusal") return TERMS.refusalRefund.days;
  if (isMoneyCase(a.case)) return moneyDays(a);
  if (isDeliveryCase(a.case) && a.ndDemand === "refund") return TERMS.prepaymentRefund.days;
  return TERMS.answer.days;
}

/** Whether the claim demands delivery by a date the buyer sets: then that date is its one term. */
export function demandsNewDeadline(a) {
  return isDeliveryCase(a.case) && a.ndDemand === "new_deadline";
}

/**
 * The seller's answer: counted from the document's date, as if it were received that day. With a
 * new delivery date the buyer set, that date is the term for everything the letter asks (issue 29).
 */
export function answerTerm(a, calendar) {
  if (demandsNewDeadline(a)) {
    return { nominal: a.newDeadline, end: a.newDeadline, moved: false };
  }
  return dayTerm(calendar, a.docDate, answerDays(a));
}

/**
 * The seller's term counted from the day the claim was received (or sent: then it is the earliest
 * the term can end). A complaint that the seller did not answer makes sense only after it.
 */
export function claimAnswerTerm(a, calendar) {
  if (demandsNewDeadline(a)) return answerTerm(a, calendar);
  return dayTerm(calendar, a.claimSentDate, answerDays(a));
}

/** Роспотребнадзор registers the complaint within 3 days and answers within 30 days after that. */
export function authorityTerms(a, calendar) {
  const register = dayTerm(calendar, a.docDate, TERMS.authorityRegister.days);
  return { register, answer: dayTerm(calendar, register.end, TERMS.authorityAnswer.days) };
}

/** All the deadlines these (valid) answers have; throws CalendarRangeError past the calendar. */
export function caseTerms(a, calendar) {
  const terms = { answerDays: answerDays(a), answer: answerTerm(a, calendar) };
  if (isDeliveryCase(a.case)) terms.delivery = deliveryTerm(a, calendar);
  if (hasEarlierDemand(a)) terms.earlierDemand = earlierDemandTerm(a, calendar);
  if (a.case === "refund_missing") terms.refund = refundTerm(a, calendar);
  if (a.case === "refusal") terms.refusal = refusalTerm(a, calendar);
  if (a.doc === "complaint") terms.authority = authorityTerms(a, calendar);
  return terms;
}
