// The law as the claim builder applies it since 01.02.2026 (issue 29), on the fixture calendar
// (tests/js/fixture-calendar.mjs). Every figure was counted by hand; the comment says how.
import "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeCalendar } from "../../docs/assets/claim/calendar.js";
import { validate } from "../../docs/assets/claim/validate.js";
import { buildLetter, buildLetters, letterText, sentence, deadlineEvents } from "../../docs/assets/claim/letter.js";
import { summaryItems } from "../../docs/assets/claim/summary.js";
import { earlierDemandTerm } from "../../docs/assets/claim/terms.js";
import { FIXTURE_CALENDAR as CAL, fixtureCalendarData } from "./fixture-calendar.mjs";
import { FIXTURE_LAW } from "./fixture-law.mjs";
import { useLaw, LawDataError, RULE } from "../../docs/assets/claim/rules.js";
import { FIXTURE_DATA, claimAnswers, plain } from "./claim-support.mjs";

const DATA = FIXTURE_DATA;
const BASE = claimAnswers({ orderDate: "2024-01-10", price: "3 000" });
const SELLER = { recipient: "seller", sellerName: "ООО «Ромашка»", sellerIds: "7707083893", sellerAddress: "190000, г. Санкт-Петербург, Невский пр., д. 1" };
const text = (answers, data = DATA) => plain(letterText(buildLetter(answers, data)));

test("the ст. 23 penalty stops at the price, and the letter says why", () => {
  // Refund demanded and received 15.01.2024: 10 days → 25.01 (Thu). Letter of 15.12.2024:
  // 26.01–15.12 = 325 days × 30 ₽ = 9 750 ₽ > 3 000 ₽ paid → 3 000 ₽.
  const answers = { ...BASE, case: "refund_missing", refundBasis: "defect", refundDemandDate: "2024-01-15", refundAmount: "3000", docDate: "2024-12-15" };
  assert.deepEqual(validate(answers, "2024-12-15", CAL), {});
  const letter = text(answers);
  assert.match(letter, /3 000 ₽ × 1 % × 325 дней = 9 750 ₽; неустойка не больше суммы, уплаченной за товар, поэтому 3 000 ₽/);
  assert.match(letter, /но всего не больше суммы, уплаченной за товар \(п\. 1 ст\. 23 ЗоЗПП в редакции, действующей с 01\.02\.2026 \(Федеральный закон от 28\.12\.2025 № 500-ФЗ\)\)/);
  const notes = summaryItems([buildLetter(answers, DATA)], answers, CAL).map(plain);
  assert.ok(notes.includes("Неустойка с 26.01.2024 по 15.12.2024: 3 000 ₽."), notes.join("\n"));
  assert.ok(notes.some((note) => /дошла до предела.*3 000 ₽.*п\. 1 ст\. 23 ЗоЗПП/.test(note)));
  assert.ok(notes.some((note) => /ст\. 333 ГК РФ/.test(note)), "the buyer learns a court may lower it");
  assert.doesNotMatch(letter, /ст\. 333/, "but the buyer's own letter does not argue the seller's case");
});

test("no letter promises the 50 % fine; quality letters offer the item for the check", () => {
  const quality = { ...BASE, case: "defective", receivedDate: "2024-01-20", defect: "не включается", qDemand: "refund", docDate: "2024-02-01" };
  const cases = [
    quality,
    { ...quality, case: "not_as_described", qDemand: "reduce" },
    { ...BASE, case: "not_delivered", prepaid: "3000", promisedDate: "2024-01-20", ndDemand: "refund", docDate: "2024-02-01" },
    { ...BASE, case: "refusal", receivedDate: "2024-01-29", keptIntact: true, docDate: "2024-02-01" },
  ];
  for (const answers of cases) {
    assert.deepEqual(validate(answers, answers.docDate, CAL), {}, answers.case);
    const letter = text(answers);
    assert.doesNotMatch(letter, /50\s*%/, `${answers.case}: the fine is not automatic since 01.02.2026`);
    assert.match(letter, /Суд также решит вопрос о штрафе .*\(п\. 6 ст\. 13 ЗоЗПП\)/);
  }
  assert.match(text(quality), /я передам товар продавцу по его запросу\. .*я хочу при ней присутствовать\./);
  const notes = plain(summaryItems([buildLetter(quality, DATA)], quality, CAL).join("\n"));
  assert.match(notes, /не взыщет штраф 50 %.*не дал товар на проверку/);
});

test("a complaint «ответа нет» waits for the seller's term; a refusal can be reported at once", () => {
  // Claim received Friday 01.03.2024; refund in 10 days → 11.03 (Mon). On 04.03 it is far too early.
  const complaint = { ...BASE, orderDate: "2024-02-01", case: "not_delivered", prepaid: "3000", promisedDate: "2024-02-20", ndDemand: "refund", doc: "complaint", claimSentDate: "2024-03-01", sellerReply: "none" };
  assert.match(validate({ ...complaint, docDate: "2024-03-04" }, "2024-03-04", CAL).claimSentDate, /ещё идёт.*по 11\.03\.2024.*после 11\.03\.2024/);
  assert.match(validate({ ...complaint, docDate: "2024-03-11" }, "2024-03-11", CAL).claimSentDate, /ещё идёт/);
  assert.deepEqual(validate({ ...complaint, docDate: "2024-03-12" }, "2024-03-12", CAL), {});
  assert.match(text({ ...complaint, docDate: "2024-03-12" }), /Срок ответа истёк 11\.03\.2024\. Ответа на претензию нет/);
  assert.deepEqual(validate({ ...complaint, sellerReply: "refused", docDate: "2024-03-04" }, "2024-03-04", CAL), {});
  assert.doesNotMatch(text({ ...complaint, sellerReply: "refused", docDate: "2024-03-04" }), /Срок ответа истёк/);
  // A replacement received Friday 01.03: 7 days end 08.03 (holiday) → 11.03; the complaint follows the demand's own term.
  const quality = { ...BASE, orderDate: "2024-02-01", case: "defective", receivedDate: "2024-02-10", defect: "трещина", qDemand: "replace", doc: "complaint", claimSentDate: "2024-03-01", sellerReply: "none" };
  assert.match(validate({ ...quality, docDate: "2024-03-11" }, "2024-03-11", CAL).claimSentDate, /по 11\.03\.2024 \(08\.03\.2024 — нерабочий день/);
});

test("«новый срок»: the date the buyer set is the one term of the whole letter", () => {
  const answers = { ...BASE, orderDate: "2024-02-01", case: "not_delivered", prepaid: "3000", promisedDate: "2024-02-20", ndDemand: "new_deadline", newDeadline: "2024-04-05", docDate: "2024-03-15" };
  assert.deepEqual(validate(answers, "2024-03-15", CAL), {});
  const letter = buildLetter(answers, DATA);
  const words = plain(letterText(letter));
  assert.match(words, /Передать мне оплаченный товар в новый срок — не позднее 05\.04\.2024/);
  assert.match(words, /Не позднее 05\.04\.2024 выплатить неустойку/);
  assert.match(words, /Срок для всех требований этой претензии — 05\.04\.2024\./);
  assert.doesNotMatch(words, /10 дней со дня получения претензии/);
  assert.equal(letter.summary.answerBy.end, "2024-04-05");
  assert.deepEqual(deadlineEvents([letter]).map((event) => event.date), ["2024-04-05", "2024-04-06"]);
  assert.doesNotMatch(words, /Деньги прошу/, "no refund is demanded, so no refund destination");
});

test("a replacement that needed a quality check has 20 days before the penalty (ст. 21)", () => {
  // Demand received 01.02.2024: 7 days → 08.02 (Thu); with a check, 20 days → 21.02 (Wed).
  const answers = { ...BASE, case: "defective", receivedDate: "2024-01-20", defect: "трещина", qDemand: "replace", firstDemandDate: "2024-02-01", docDate: "2024-03-01" };
  assert.equal(earlierDemandTerm(answers, CAL).end, "2024-02-08");
  assert.equal(earlierDemandTerm({ ...answers, qualityCheck: true }, CAL).end, "2024-02-21");
  // 22.02–01.03 = 9 days × 30 ₽ = 270 ₽ (instead of 09.02–01.03, 22 days, 660 ₽).
  const letter = text({ ...answers, qualityCheck: true });
  assert.match(letter, /Срок его удовлетворения \(20 дней: продавцу понадобилась проверка качества\) истёк 21\.02\.2024/);
  assert.match(letter, /с 22\.02\.2024 по 01\.03\.2024: 3 000 ₽ × 1 % × 9 дней = 270 ₽/);
  assert.match(text(answers), /с 09\.02\.2024 по 01\.03\.2024: 3 000 ₽ × 1 % × 22 дня = 660 ₽/);
});

test("the letter says where the refund goes: the card, or the account the buyer wrote", () => {
  const answers = { ...BASE, case: "refusal", receivedDate: "2024-01-29", keptIntact: true, docDate: "2024-02-01" };
  assert.match(text(answers), /Деньги прошу вернуть на банковскую карту, с которой оплачен заказ\./);
  assert.match(validate({ ...answers, refundTo: "" }, "2024-02-01", CAL).refundTo, /куда вернуть деньги/);
  assert.match(validate({ ...answers, refundTo: "account" }, "2024-02-01", CAL).refundAccount, /реквизиты/);
  const account = { ...answers, refundTo: "account", refundAccount: "ПАО Банк, БИК 044525000, счёт 40817810000000000001, Иванова М. П." };
  assert.match(text(account), /перечислить на мой банковский счёт: ПАО Банк, БИК 044525000, счёт 40817810000000000001, Иванова М\. П\.\n/);
  // A complaint asks for nothing to be paid, so it does not ask where to.
  assert.equal(validate({ ...answers, doc: "complaint", refundTo: "", claimSentDate: "2024-02-01", sellerReply: "refused" }, "2024-02-01", CAL).refundTo, undefined);
});

test("typed text ends in one full stop: never «инструкции..»", () => {
  assert.equal(sentence("Копия инструкции."), "Копия инструкции.");
  assert.equal(sentence("Копия инструкции"), "Копия инструкции.");
  assert.equal(sentence("Почему?  "), "Почему?");
  assert.equal(sentence("гарантийный талон, "), "гарантийный талон.");
  assert.equal(sentence("и т. д…"), "и т. д…");
  const answers = { ...BASE, case: "defective", receivedDate: "2024-01-20", defect: "не включается.", qDemand: "refund", docDate: "2024-02-01", attachmentsOther: "Копия инструкции..\nГарантийный талон\n  " };
  const letter = text(answers);
  assert.doesNotMatch(letter, /\.\./);
  assert.match(letter, /недостаток: не включается\. Продавец/);
  assert.match(letter, /1\. Копия инструкции\.\n2\. Гарантийный талон\./);
});

test("to Ozon as the marketplace: the п. 2.2 refund after a refusal, never the seller's penalty or delivery", () => {
  const base = { ...BASE, ...SELLER, orderDate: "2024-02-01", case: "not_delivered", prepaid: "3000", promisedDate: "2024-02-20", docDate: "2024-03-15", alsoOzon: true };
  const [toSeller, toOzon] = buildLetters({ ...base, ndDemand: "refund" }, DATA);
  assert.match(letterText(toSeller), /Кому: ООО «Ромашка»/);
  const ozon = plain(letterText(toOzon));
  assert.match(ozon, /^Кому: ООО «Пример»/);
  assert.match(ozon, /Товар продаёт ООО «Ромашка», ИНН 7707083893, 190000/);
  assert.match(ozon, /Вернуть мне сумму предварительной оплаты 3 000 ₽ в течение 10 дней \(календарных\) .*\(п\. 2\.2 ст\. 12 ЗоЗПП\)/);
  assert.match(ozon, /п\. 2\.1 ст\. 12 ЗоЗПП/);
  assert.doesNotMatch(ozon, /неустойк|0,5 %|ст\. 23\.1|передать .*товар/i);
  // 15.03.2024 + 10 = 25.03.2024 (Mon).
  assert.equal(toOzon.summary.answerBy.end, "2024-03-25");
  // A new delivery date is the seller's to meet: Ozon gets a request under its own rules, marked as such.
  const [, request] = buildLetters({ ...base, ndDemand: "new_deadline", newDeadline: "2024-04-01" }, DATA);
  const words = plain(letterText(request));
  assert.match(words, /\nОБРАЩЕНИЕ\n/);
  assert.match(words, /по правилам площадки, а не требование закона/);
  assert.doesNotMatch(request.demands.join("\n"), /неустойк|передать .*товар/i);
  assert.doesNotMatch(words, /требую/i);
  assert.equal(request.summary.answerBy, null);
  assert.deepEqual(deadlineEvents([request]), [], "no legal term, no reminder");
});

test("for a third-party seller the notes name its legal address, ЕГРЮЛ/ЕГРИП, its chat and the copy to Ozon", () => {
  const answers = { ...BASE, ...SELLER, case: "refusal", receivedDate: "2024-01-29", keptIntact: true, docDate: "2024-02-01" };
  const notes = summaryItems([buildLetter(answers, DATA)], answers, CAL).join("\n");
  assert.match(notes, /юридический адрес.*карточке продавца на Ozon.*ЕГРЮЛ.*ЕГРИП/);
  assert.match(notes, /чат с продавцом/);
  assert.match(notes, /Копию отправьте Ozon/);
});

test("a term ending past the last confirmed decree says so; one inside it does not", () => {
  const calendar = makeCalendar(fixtureCalendarData({ confirmedThrough: "2023-12-31" }));
  // 22.12.2023 + 10 = 01.01.2024 → 09.01.2024: a 2024 day, past the confirmed 2023.
  const answers = { ...BASE, orderDate: "2023-12-01", case: "refusal", receivedDate: "2023-12-20", keptIntact: true, docDate: "2023-12-22" };
  const data = { ...DATA, calendar };
  const late = summaryItems([buildLetter(answers, data)], answers, calendar).join("\n");
  assert.match(late, /Срок кончается в 2024 году\. .*постановление Правительства о переносах на 2024 год не подтверждено/);
  const early = { ...answers, docDate: "2023-12-11", receivedDate: "2023-12-08" };
  assert.doesNotMatch(summaryItems([buildLetter(early, data)], early, calendar).join("\n"), /не подтверждено/);
  assert.doesNotMatch(summaryItems([buildLetter(answers, DATA)], answers, CAL).join("\n"), /не подтверждено/, "a calendar without the field warns of nothing");
});

test("a promised date on a holiday: the notes (not the letter) say the seller may argue ст. 193", () => {
  const answers = { ...BASE, orderDate: "2024-02-20", case: "not_delivered", prepaid: "3000", promisedDate: "2024-03-08", ndDemand: "refund", docDate: "2024-03-15" };
  const notes = summaryItems([buildLetter(answers, DATA)], answers, CAL).join("\n");
  assert.match(notes, /Обещанная дата 08\.03\.2024 — нерабочий день\. Письмо считает неустойку с 09\.03\.2024.*ст\. 193 ГК РФ/);
});

test("the register drives the letter: a changed figure or status changes it, a missing rule stops the builder", (t) => {
  t.after(() => useLaw(FIXTURE_LAW));
  const answers = { ...BASE, case: "defective", receivedDate: "2024-01-20", defect: "трещина", qDemand: "refund", docDate: "2024-02-01" };
  const changed = structuredClone(FIXTURE_LAW);
  changed[RULE.qualityRefund].figures.refund.value = 15;
  changed[RULE.qualityRefund].figures.refund.text = "15 дней";
  changed[RULE.qualityPenalty].figures.rate.value = 2;
  changed[RULE.qualityPenalty].figures.rate.text = "2 %";
  useLaw(changed);
  const letter = buildLetter(answers, DATA);
  // 01.02.2024 + 15 days = 16.02.2024 (Fri); 3 000 ₽ × 2 % = 60 ₽ a day.
  assert.equal(letter.summary.answerBy.end, "2024-02-16");
  const words = plain(letterText(letter));
  assert.match(words, /вернуть уплаченную за товар сумму 3 000 ₽ в течение 15 дней/);
  assert.match(words, /3 000 ₽ × 2 % = 60 ₽ в день/);
  // A rule the register marks unconfirmed says so wherever the builder cites it.
  const refusal = { ...BASE, case: "refund_missing", refundBasis: "refusal", refundDemandDate: "2024-01-15", refundAmount: "3000", docDate: "2024-02-01" };
  useLaw(FIXTURE_LAW);
  assert.equal(FIXTURE_LAW[RULE.interest].status, "unconfirmed", "the fixture marks ст. 395 unconfirmed");
  assert.match(plain(letterText(buildLetter(refusal, DATA))), /\(ст\. 395 ГК РФ, не подтверждено\)/);
  // A register without a rule or with a figure of the wrong unit is refused, listing every gap at once.
  const broken = structuredClone(FIXTURE_LAW);
  delete broken[RULE.repair];
  broken[RULE.replace].figures.replace.unit = "months";
  assert.throws(() => useLaw(broken), (error) => error instanceof LawDataError && /zozpp-20-repair/.test(error.message) && /zozpp-21\.replace/.test(error.message));
  assert.throws(() => useLaw(null), LawDataError);
  assert.throws(() => useLaw({ ...FIXTURE_LAW, [RULE.fine]: { ...FIXTURE_LAW[RULE.fine], cite: "<b>".repeat(1000) } }), LawDataError);
});
