// «Моё дело»: the deadlines a case's steps start, what is overdue, and the next step. Terms are
// counted by the claim builder's calendar (ст. 191–193 ГК РФ on the production calendar), with the
// days and citations of the legal rule register (data/law.yml) that the page's claim-data block
// carries: this file types no number of days and no article. Pure; tested by node --test.
// reviewed: 2026-12-07

import { CalendarRangeError, dayTerm } from "../claim/calendar.js";
import { compare, daysBetween, formatRu } from "../claim/dates.js";
import { daysText } from "../claim/money.js";
import { AUTHORITY_RULES, DEMANDS, RECEIPT_RULE, SELLER_ANSWERS } from "./model.js";

/** A rule the build did not put into the page: a fault of the build, not of the buyer's case. */
export class MissingRuleError extends Error {}

/** {days, cite} of one day figure of a register rule, from the claim-data block's `law` field. */
export function ruleDays(law, ruleId, figure) {
  const rule = law?.[ruleId];
  const found = rule?.figures?.[figure];
  if (!found || found.unit !== "days" || !Number.isInteger(found.value)) {
    throw new MissingRuleError(`the claim-data block has no day figure «${figure}» of rule «${ruleId}»`);
  }
  return { days: found.value, cite: rule.cite, unconfirmed: rule.status !== "confirmed" };
}

/** A figure as the register writes it («1 000 000 ₽»), with the rule's citation. */
export function ruleFigureText(law, ruleId, figure) {
  const found = law?.[ruleId]?.figures?.[figure];
  if (!found?.text) throw new MissingRuleError(`the claim-data block has no figure «${figure}» of rule «${ruleId}»`);
  return { text: found.text, cite: law[ruleId].cite };
}

export function ruleCite(law, ruleId) {
  const rule = law?.[ruleId];
  if (!rule) throw new MissingRuleError(`the claim-data block has no rule «${ruleId}»`);
  return rule.cite;
}

const stepOf = (c, kind) => c.steps.find((s) => s.kind === kind) ?? null;
const sellerAnswer = (c) => c.steps.filter((s) => SELLER_ANSWERS.includes(s.kind)).sort((a, b) => compare(a.date, b.date))[0] ?? null;

/** How a deadline stands today: done, overdue, or running with `daysLeft` (0: today is the last day). */
function standing(term, doneStep, today) {
  if (doneStep) return { state: "done", daysLeft: null };
  const left = daysBetween(today, term.end);
  return left < 0 ? { state: "overdue", daysLeft: left } : { state: "running", daysLeft: left };
}

/**
 * The seller's term: from the day it received the claim (ст. 165.1 ГК РФ), as many days as the
 * demand's rule gives. A demand to deliver by a new date has that date as its deadline instead.
 */
function sellerDeadline(c, calendar, law, today) {
  const demand = DEMANDS[c.kind]?.[c.demand];
  const sent = stepOf(c, "claim_sent");
  if (!demand || !sent) return null;
  const answered = sellerAnswer(c);
  if (!demand.rule) {
    if (!c.order.newDeadline) return null;
    const term = { nominal: c.order.newDeadline, end: c.order.newDeadline, moved: false };
    return { id: "seller", label: "Новый срок доставки", detail: "вы назначили его сами", term, cite: ruleCite(law, "zozpp-23-1-choice"), from: null, ...standing(term, answered, today) };
  }
  const { days, cite, unconfirmed } = ruleDays(law, demand.rule, demand.figure);
  const received = stepOf(c, "claim_received");
  if (!received) {
    return { id: "seller", label: "Ответ продавца", detail: `${daysText(days)} со дня, когда продавец получит претензию`, term: null, cite, unconfirmed, from: null, receiptCite: ruleCite(law, RECEIPT_RULE), state: answered ? "done" : "not-started", daysLeft: null };
  }
  const term = dayTerm(calendar, received.date, days);
  return { id: "seller", label: "Ответ продавца", detail: `${daysText(days)} со дня получения претензии`, term, cite, unconfirmed, days, from: received.date, receiptCite: ruleCite(law, RECEIPT_RULE), ...standing(term, answered, today) };
}

/** Роспотребнадзор: registration within its days of receipt, the answer within its days of registration. */
function authorityDeadlines(c, calendar, law) {
  const sent = stepOf(c, "complaint_sent");
  if (!sent) return [];
  const register = ruleDays(law, AUTHORITY_RULES.register.rule, AUTHORITY_RULES.register.figure);
  const answer = ruleDays(law, AUTHORITY_RULES.answer.rule, AUTHORITY_RULES.answer.figure);
  const registered = stepOf(c, "complaint_registered");
  const out = [];
  let from;
  if (registered) from = registered.date;
  else {
    const term = dayTerm(calendar, sent.date, register.days);
    out.push({ id: "register", label: "Регистрация жалобы", detail: daysText(register.days), term, cite: register.cite, unconfirmed: register.unconfirmed, days: register.days, from: sent.date, done: null });
    from = term.end;
  }
  const term = dayTerm(calendar, from, answer.days);
  out.push({ id: "authority", label: "Ответ Роспотребнадзора", detail: `${daysText(answer.days)} со дня регистрации`, term, cite: answer.cite, unconfirmed: answer.unconfirmed, days: answer.days, from, estimated: !registered });
  return out;
}

/**
 * Every deadline of a case, each {id, label, detail, term, cite, state, daysLeft}; a date the calendar does not
 * cover gives {id, error} instead of a guess (CalendarRangeError's message says why).
 */
export function caseDeadlines(c, calendar, law, today) {
  const out = [];
  const guard = (id, make) => {
    try {
      return make();
    } catch (error) {
      if (error instanceof CalendarRangeError) return { id, error: error.message };
      throw error;
    }
  };
  const seller = guard("seller", () => sellerDeadline(c, calendar, law, today));
  if (seller) out.push(seller);
  const authority = guard("authority", () => authorityDeadlines(c, calendar, law));
  for (const item of Array.isArray(authority) ? authority : [authority]) {
    if (item.error || !item.term) {
      out.push(item);
      continue;
    }
    const done = item.id === "register" ? stepOf(c, "complaint_registered") ?? stepOf(c, "authority_answered") : stepOf(c, "authority_answered");
    out.push({ ...item, ...standing(item.term, done, today) });
  }
  return out;
}

/**
 * Steps taken too early, as sentences for the buyer: a complaint to Роспотребнадзор before the seller's
 * term ran out and before any answer from the seller (the authority may then send the buyer back to it).
 */
export function earlySteps(c, deadlines) {
  const complaint = stepOf(c, "complaint_sent");
  const seller = deadlines.find((d) => d.id === "seller");
  const answer = sellerAnswer(c);
  if (!complaint || !seller?.term || (answer && compare(answer.date, complaint.date) <= 0)) return [];
  if (compare(complaint.date, seller.term.end) > 0) return [];
  return [`Жалобу отправили ${formatRu(complaint.date)}, а срок продавца шёл по ${formatRu(seller.term.end)}. Роспотребнадзор может ответить, что сначала нужно дождаться ответа продавца. Если так и будет, подайте жалобу снова, когда срок истечёт.`];
}

/** The deadlines that have passed with nothing done. */
export function overdue(deadlines) {
  return deadlines.filter((d) => d.state === "overdue");
}

/**
 * What to do next, {kind, doc, title, text}: `doc` is the document the claim builder makes for it
 * («claim», «complaint») or «lawsuit». One step at a time, in the order of the guides: claim, its
 * receipt, the seller's term, Роспотребнадзор after that term, the court.
 */
export function nextStep(c, deadlines, law) {
  const has = (kind) => Boolean(stepOf(c, kind));
  const seller = deadlines.find((d) => d.id === "seller");
  const authority = deadlines.find((d) => d.id === "authority");
  const fee = ruleFigureText(law, "nk-333-36-consumer", "limit");
  const noFee = `Госпошлину по иску до ${fee.text} потребитель не платит (${fee.cite}).`;
  const venue = `Иск можно подать по месту вашего жительства (${ruleCite(law, "zozpp-17-venue")}).`;
  if (has("claim_met")) return { kind: "closed", title: "Дело закрыто", text: "Продавец выполнил требования. Сохраните ответ продавца и документы об оплате." };
  if (has("lawsuit_filed")) return { kind: "in_court", title: "Дело в суде", text: "Следите за делом на сайте суда: там публикуют даты заседаний. Сохраните копию иска с отметкой суда." };
  if (!has("claim_sent")) return { kind: "claim", doc: "claim", title: "Напишите претензию продавцу", text: "Претензия — письменное требование. С неё начинаются сроки. Составьте её в конструкторе: он уже знает ваш заказ." };
  const answer = sellerAnswer(c);
  if (!answer && !seller) {
    return { kind: "set_deadline", title: "Укажите новый срок доставки", text: "Вы потребовали доставить заказ в новый срок: впишите его в сведения о заказе, и мы покажем, когда он истечёт." };
  }
  if (!answer && seller?.state === "not-started") {
    return { kind: "receipt", title: "Узнайте, когда продавец получил претензию", text: `Срок продавца считают со дня, когда он получил претензию (${seller.receiptCite}). Дату вручения покажет отслеживание письма по трек-номеру или отметка на вашем экземпляре. Добавьте шаг «Продавец получил претензию».` };
  }
  if (!answer && seller?.state === "running") {
    return { kind: "wait_seller", title: "Ждите ответа продавца", text: `Последний день его срока — ${ruRange(seller)}. Если ответа не будет, после этой даты можно жаловаться в Роспотребнадзор и идти в суд.` };
  }
  if (seller?.error) return { kind: "error", title: "Срок не посчитан", text: seller.error };
  if (!has("complaint_sent")) {
    const why = { seller_refused: "Продавец отказал.", seller_partial: "Продавец выполнил требования лишь частично." }[answer?.kind] ?? "Срок продавца истёк, а ответа нет.";
    return { kind: "complaint", doc: "complaint", title: "Пожалуйтесь в Роспотребнадзор или идите в суд", text: `${why} Жалобу в Роспотребнадзор составит конструктор. В суд можно идти и без жалобы. ${noFee}` };
  }
  if (authority && !authority.error && authority.state === "running") {
    return { kind: "wait_authority", doc: "lawsuit", title: "Ждите ответа Роспотребнадзора", text: `Ответ должен прийти не позже ${ruRange(authority)}${authority.estimated ? " (примерно: дату регистрации вы ещё не отметили)" : ""}. Ждать его не обязательно: в суд можно идти уже сейчас.` };
  }
  return { kind: "lawsuit", doc: "lawsuit", title: "Подайте иск в суд", text: `Продавец не выполнил требования. ${venue} ${noFee}` };
}

function ruRange(deadline) {
  return formatRu(deadline.term.end);
}
