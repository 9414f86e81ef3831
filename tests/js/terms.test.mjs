// Terms under ст. 191–193 ГК РФ and the penalties' first days, on the fixture calendar
// (tests/js/fixture-calendar.mjs). Every expected date was counted by hand on a printed calendar;
// the comment next to each says how.
import "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeCalendar, termEnd, dayTerm, monthTerm, termText, CalendarRangeError } from "../../docs/assets/claim/calendar.js";
import { caseTerms, refusalTerm, answerTerm, authorityTerms, deliveryTerm, earlierDemandTerm, refundTerm } from "../../docs/assets/claim/terms.js";
import { validate } from "../../docs/assets/claim/validate.js";
import { buildLetter, letterText } from "../../docs/assets/claim/letter.js";
import { lateDeliveryPenalty, qualityPenalty, periodText } from "../../docs/assets/claim/penalty.js";
import { FIXTURE_CALENDAR as CAL, fixtureCalendarData } from "./fixture-calendar.mjs";
import { FIXTURE_DATA, claimAnswers, plain } from "./claim-support.mjs";

const DATA = FIXTURE_DATA;
const BASE = claimAnswers({ orderDate: "2023-11-20" });

test("the fixture calendar: weekends, holidays and a transferred working Saturday", () => {
  assert.equal(CAL.isWorkingDay("2024-03-15"), true, "Friday");
  assert.equal(CAL.isWorkingDay("2024-03-16"), false, "Saturday");
  assert.equal(CAL.isWorkingDay("2024-03-17"), false, "Sunday");
  assert.equal(CAL.isWorkingDay("2024-03-08"), false, "8 March, a Friday");
  assert.equal(CAL.isWorkingDay("2024-04-27"), true, "Saturday made a working day by the decree");
  assert.equal(CAL.isWorkingDay("2024-04-29"), false, "Monday made a day off by the decree");
  for (let day = 1; day <= 8; day += 1) assert.equal(CAL.isWorkingDay(`2024-01-0${day}`), false, `${day} January`);
  assert.throws(() => CAL.isWorkingDay("2025-01-09"), CalendarRangeError);
  assert.throws(() => CAL.isWorkingDay("2022-12-31"), CalendarRangeError);
});

test("ст. 193: a term ending on a working day stays; on a weekend or holiday it moves", () => {
  // 15.03.2024 + 10 days = 25.03.2024, a Monday.
  assert.deepEqual(dayTerm(CAL, "2024-03-15", 10), { nominal: "2024-03-25", end: "2024-03-25", moved: false });
  // Saturday: 16.03 + 7 = 23.03 (Sat) → 25.03 (Mon); 24.03 is a Sunday.
  assert.deepEqual(dayTerm(CAL, "2024-03-16", 7), { nominal: "2024-03-23", end: "2024-03-25", moved: true });
  // Sunday: 17.03 + 7 = 24.03 (Sun) → 25.03 (Mon).
  assert.deepEqual(dayTerm(CAL, "2024-03-17", 7), { nominal: "2024-03-24", end: "2024-03-25", moved: true });
  // New Year: 22.12.2023 + 10 = 01.01.2024; 1–8 January are off (6–7 a weekend) → 09.01.2024 (Tue).
  assert.deepEqual(dayTerm(CAL, "2023-12-22", 10), { nominal: "2024-01-01", end: "2024-01-09", moved: true });
  // Holiday inside a week: 01.03 + 7 = 08.03 (Fri, holiday) → 11.03 (Mon), over 9–10 March.
  assert.equal(dayTerm(CAL, "2024-03-01", 7).end, "2024-03-11");
  // Transferred working Saturday: 17.04 + 10 = 27.04 (Sat, a working day by decree): stays.
  assert.deepEqual(dayTerm(CAL, "2024-04-17", 10), { nominal: "2024-04-27", end: "2024-04-27", moved: false });
  // The Sunday after it: 18.04 + 10 = 28.04 (Sun); 29.04, 30.04 transferred days off, 01.05 holiday → 02.05.
  assert.equal(dayTerm(CAL, "2024-04-18", 10).end, "2024-05-02");
  // Months (ст. 192): 09.12.2023 + 3 months = 09.03.2024 (Sat) → 11.03 (Mon).
  assert.deepEqual(monthTerm(CAL, "2023-12-09", 3), { nominal: "2024-03-09", end: "2024-03-11", moved: true });
  // 30.11.2023 + 3 months = 29.02.2024 (Thu, leap year, no 30 February): stays.
  assert.equal(monthTerm(CAL, "2023-11-30", 3).end, "2024-02-29");
});

test("the calendar is data: another list of days off gives other terms", () => {
  // A day off no real calendar has (Wednesday 20.03.2024): a term ending on it moves to Thursday.
  const custom = makeCalendar(fixtureCalendarData({ extraDaysOff: ["2024-03-20"] }));
  assert.equal(dayTerm(custom, "2024-03-10", 10).end, "2024-03-21");
  assert.equal(dayTerm(CAL, "2024-03-10", 10).end, "2024-03-20");
});

test("past the calendar's end the builder refuses to count, and says so", () => {
  // 25.12.2024 + 10 = 04.01.2025: outside a calendar that ends on 31.12.2024.
  assert.throws(() => dayTerm(CAL, "2024-12-25", 10), (error) => error instanceof CalendarRangeError && /по 31\.12\.2024/.test(error.message));
  // 30.12.2024 + 1 = 31.12.2024, a day off; the next working day is outside the calendar.
  assert.throws(() => termEnd(CAL, "2024-12-31"), CalendarRangeError);
  const answers = { ...BASE, case: "refusal", receivedDate: "2024-12-20", keptIntact: true, docDate: "2024-12-25" };
  assert.match(validate(answers, "2024-12-25", CAL).docDate, /конструктор не считает/);
  assert.match(validate({ ...answers, orderDate: "2022-12-01" }, "2024-12-25", CAL).orderDate, /слишком давно.*01\.01\.2023/);
});

test("refusal window: a Monday refusal after goods received on a Sunday is in time", () => {
  // Received Sunday 17.03.2024; 7 days end Sunday 24.03 → Monday 25.03 (ст. 193).
  const answers = { ...BASE, case: "refusal", receivedDate: "2024-03-17", keptIntact: true };
  assert.deepEqual(validate({ ...answers, docDate: "2024-03-25" }, "2024-03-25", CAL), {});
  const late = validate({ ...answers, docDate: "2024-03-26" }, "2024-03-26", CAL);
  assert.match(plain(late.receivedDate), /истёк 25\.03\.2024 \(24\.03\.2024 — нерабочий день/);
  // Received Saturday 16.03: 23.03 (Sat) → 25.03, so 25.03 is in time too.
  assert.deepEqual(validate({ ...answers, receivedDate: "2024-03-16", docDate: "2024-03-25" }, "2024-03-25", CAL), {});
  // Three months: received 09.12.2023 → 09.03.2024 (Sat) → 11.03.2024 (Mon) is in time; 12.03 is not.
  const months = { ...answers, receivedDate: "2023-12-09", noReturnInfo: true };
  assert.deepEqual(validate({ ...months, docDate: "2024-03-11" }, "2024-03-11", CAL), {});
  assert.match(validate({ ...months, docDate: "2024-03-12" }, "2024-03-12", CAL).receivedDate, /истёк 11\.03\.2024/);
  const letter = plain(letterText(buildLetter({ ...answers, docDate: "2024-03-25" }, DATA)));
  assert.match(letter, /Срок для отказа — 7 дней после передачи товара, по 25\.03\.2024 \(24\.03\.2024 — нерабочий день/);
});

test("refusal of goods of proper quality does not ask for the packaging", () => {
  const answers = { ...BASE, case: "refusal", receivedDate: "2024-03-17", docDate: "2024-03-20" };
  const message = validate(answers, "2024-03-20", CAL).keptIntact;
  assert.match(message, /товарный вид и потребительские свойства \(п\. 4 ст\. 26\.1 ЗоЗПП\)/);
  assert.match(message, /Упаковку хранить не обязательно/);
  assert.doesNotMatch(letterText(buildLetter({ ...answers, keptIntact: true }, DATA)), /упаковк/i);
});

test("ст. 23.1: the penalty runs from the day after the promised date, even when that date is a holiday", () => {
  // Promised Friday 01.03.2024 (working): penalty from 02.03 to 15.03 = 14 days × 60 ₽ = 840 ₽.
  const onTime = lateDeliveryPenalty({ prepaid: 1200000, dueDate: deliveryTerm({ promisedDate: "2024-03-01" }, CAL).end, until: "2024-03-15" });
  assert.equal(periodText(onTime), "с 02.03.2024 по 15.03.2024");
  assert.equal(onTime.amount, 84000);
  // Promised 08.03.2024 (holiday): the date the seller chose is not moved (issue 29); penalty
  // 09.03–15.03 = 7 days × 60 ₽ = 420 ₽, and the buyer's letter never names a later date.
  const answers = { ...BASE, orderDate: "2024-02-20", case: "not_delivered", prepaid: "12000", promisedDate: "2024-03-08", ndDemand: "refund", docDate: "2024-03-15" };
  assert.deepEqual(validate(answers, "2024-03-15", CAL), {});
  assert.equal(deliveryTerm(answers, CAL).offDay, true);
  const text = plain(letterText(buildLetter(answers, DATA)));
  assert.match(text, /не позднее 08\.03\.2024\. На 15\.03\.2024 товар не передан: просрочка составляет 7 дней/);
  assert.doesNotMatch(text, /ст\. 193|11\.03\.2024/);
  assert.match(text, /за период с 09\.03\.2024 по 15\.03\.2024: 12 000 ₽ × 0,5 % × 7 дней = 420 ₽/);
  assert.match(text, /Неустойку я считаю со дня, следующего за обещанным днём передачи товара \(ст\. 191 ГК РФ\)/);
  // The day after a holiday promise the letter may already be written: nothing waits for 11.03.
  assert.deepEqual(validate({ ...answers, docDate: "2024-03-09" }, "2024-03-09", CAL), {});
  assert.match(validate({ ...answers, docDate: "2024-03-08" }, "2024-03-08", CAL).promisedDate, /ещё не прошёл.*Просрочка начнётся с 09\.03\.2024/);
  // The refund of the prepayment is п. 4 ст. 23.1; to Ozon the marketplace's duty, п. 2.2 ст. 12.
  assert.match(text, /10 дней со дня его предъявления \(п\. 4 ст\. 23\.1 ЗоЗПП\)/);
  assert.match(text, /п\. 2\.2 ст\. 12 ЗоЗПП/);
  assert.doesNotMatch(text, /п\. 3 ст\. 23\.1 ЗоЗПП\)\. Требование о возврате/);
});

test("a promised 31 December never blocks the letter until the New Year holidays end", () => {
  // Promised Sunday 31.12.2023; 1–8 January 2024 are off. The claim of 02.01.2024 is allowed,
  // penalty 01.01–02.01 = 2 days × 60 ₽ = 120 ₽ (issue 29: a promised 31.12.2026 blocked every letter until 12.01.2027).
  const answers = { ...BASE, orderDate: "2023-12-20", case: "not_delivered", prepaid: "12000", promisedDate: "2023-12-31", ndDemand: "refund", docDate: "2024-01-02" };
  assert.deepEqual(validate(answers, "2024-01-02", CAL), {});
  assert.match(plain(letterText(buildLetter(answers, DATA))), /с 01\.01\.2024 по 02\.01\.2024: 12 000 ₽ × 0,5 % × 2 дня = 120 ₽/);
});

test("ст. 23: the 1 % penalty starts the day after the seller's term, moved under ст. 193", () => {
  // Replacement demanded 01.03.2024: 7 days end 08.03 (holiday) → 11.03; penalty 12.03–15.03 = 4 × 120 ₽ = 480 ₽.
  const answers = { ...BASE, orderDate: "2024-02-20", case: "defective", receivedDate: "2024-02-25", defect: "не включается", qDemand: "replace", firstDemandDate: "2024-03-01", docDate: "2024-03-15" };
  assert.equal(earlierDemandTerm(answers, CAL).end, "2024-03-11");
  const text = plain(letterText(buildLetter(answers, DATA)));
  assert.match(text, /Срок его удовлетворения истёк 11\.03\.2024 \(08\.03\.2024 — нерабочий день/);
  assert.match(text, /с 12\.03\.2024 по 15\.03\.2024: 12 000 ₽ × 1 % × 4 дня = 480 ₽/);
  // Refund demanded 18.04.2024: 10 days end 28.04 (Sun) → 02.05; on 02.05 it is still running, on 03.05 one day late.
  const refund = { ...BASE, orderDate: "2024-04-01", case: "refund_missing", refundBasis: "defect", refundDemandDate: "2024-04-18", refundAmount: "12000" };
  assert.equal(refundTerm(refund, CAL).end, "2024-05-02");
  assert.match(validate({ ...refund, docDate: "2024-05-02" }, "2024-05-02", CAL).refundDemandDate, /ещё идут.*по 02\.05\.2024/);
  const late = plain(letterText(buildLetter({ ...refund, docDate: "2024-05-03" }, DATA)));
  assert.match(late, /с 03\.05\.2024 по 03\.05\.2024: 12 000 ₽ × 1 % × 1 день = 120 ₽/);
  assert.equal(qualityPenalty({ price: 1200000, dueDate: "2024-05-02", until: "2024-05-03" }).amount, 12000);
});

test("the seller's answer date and the summary follow the calendar", () => {
  // Claim dated 22.12.2023, refund of a prepayment: 10 days → 01.01.2024 → 09.01.2024.
  const answers = { ...BASE, case: "not_delivered", prepaid: "12000", promisedDate: "2023-12-01", ndDemand: "refund", docDate: "2023-12-22" };
  assert.equal(answerTerm(answers, CAL).end, "2024-01-09");
  const text = plain(letterText(buildLetter(answers, DATA)));
  assert.match(text, /последний день срока — 09\.01\.2024 \(01\.01\.2024 — нерабочий день/);
  // Repair: 45 days from Friday 15.03.2024 = 29.04.2024, a transferred day off → 02.05.2024.
  const repair = { ...BASE, case: "defective", receivedDate: "2024-03-10", defect: "трещина", qDemand: "repair", docDate: "2024-03-15" };
  assert.equal(caseTerms(repair, CAL).answer.end, "2024-05-02");
  // Complaint dated 15.03.2024: registered by 18.03 (Mon), answered by 17.04 (Wed).
  const complaint = authorityTerms({ docDate: "2024-03-15" }, CAL);
  assert.equal(complaint.register.end, "2024-03-18");
  assert.equal(complaint.answer.end, "2024-04-17");
  // Refusal 7 days from a Saturday handover, the summary wording.
  assert.equal(termText(refusalTerm({ receivedDate: "2024-03-16" }, CAL)).slice(0, 10), "25.03.2024");
});
