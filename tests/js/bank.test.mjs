// A card operation the buyer did not make (issue 27): the statement to the bank, the text for the Bank
// of Russia, the application to the financial ombudsman, from one set of answers. Terms counted by hand
// on the fixture calendar; figures and citations read from the frozen register, contacts from DATA.
import "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { validate as validateWith } from "../../docs/assets/claim/validate.js";
import { buildLetters } from "../../docs/assets/claim/documents.js";
import { deadlineEvents, letterText } from "../../docs/assets/claim/letter.js";
import { summaryItems, COMPLAINT_BOOK_NOTE } from "../../docs/assets/claim/summary.js";
import { ombudsmanWaitTerm } from "../../docs/assets/claim/bank.js";
import { fields } from "../../docs/assets/claim/fields.js";
import { FIXTURE_CALENDAR } from "./fixture-calendar.mjs";
import { BUYER, cited, plain } from "./claim-support.mjs";

// Shaped like the claim-data recipients of web forms and chats (macros/claim_data.py).
const DATA = {
  ozonBank: { type: "chat", organization: "Банк-Пример", label: "Чат Банка-Примера", where: "Приложение → Чат", url: null, status: "current" },
  cbr: { type: "web", organization: "Регулятор-Пример", label: "Приёмная регулятора", url: "https://example.org/reception", status: "current" },
  finombudsman: { type: "web", organization: "Омбудсмен-Пример", label: "Сайт омбудсмена", url: "https://example.org/ombudsman", status: "unconfirmed" },
  calendar: FIXTURE_CALENDAR,
};
const STATEMENT = {
  case: "bank_operation", doc: "bank_statement", ...BUYER, docDate: "2024-03-15", operationDate: "2024-03-14", noticeDate: "2024-03-14", operationAmount: "5 000", cardDigits: "1234",
};
const validate = (answers, today = answers.docDate) => validateWith(answers, today, FIXTURE_CALENDAR);
const only = (answers) => {
  const letters = buildLetters(answers, DATA);
  assert.equal(letters.length, 1, "one addressee, one document");
  return { letter: letters[0], text: plain(letterText(letters[0])), notes: plain(summaryItems(letters, answers, FIXTURE_CALENDAR).join("\n")) };
};

test("the statement to the bank: in time by the next day, the bank's 30 days on the calendar, where and how to send it", () => {
  // Notice 14.03.2024 → tell the bank by 15.03; 30 days from 15.03 → 14.04.2024, a Sunday → 15.04.2024.
  assert.deepEqual(validate(STATEMENT), {});
  const { letter, text, notes } = only(STATEMENT);
  assert.match(text, /^Кому: Банк-Пример\nКуда: Чат Банка-Примера, Приложение → Чат/);
  assert.match(text, /ЗАЯВЛЕНИЕ\nо несогласии с операцией по карте/);
  assert.match(text, /последние цифры номера — 1234\) списано 5 000 ₽/);
  assert.ok(text.includes(`не позднее дня, следующего за днём уведомления (${cited("fz161-report")})`), text);
  assert.ok(text.includes(cited("fz123-claim-first")), "the statement is also the claim the ombudsman needs first");
  assert.match(notes, /Последний день, чтобы сообщить банку, — 15\.03\.2024/);
  assert.match(notes, /по 15\.04\.2024 \(14\.04\.2024 — нерабочий день/);
  assert.match(notes, /снимок экрана, где видны дата и время отправки/);
  assert.doesNotMatch(text, /Заказ|заказ №/, "no order in a bank's document");
  const [event] = deadlineEvents([letter]);
  assert.equal(event.date, "2024-04-15");
  assert.match(event.summary, /Ozon Банк должен ответить/);
});

test("a late statement still goes, and says nothing of being in time; a cross-border operation has 60 days", () => {
  const late = { ...STATEMENT, docDate: "2024-03-18" };
  assert.deepEqual(validate(late), {});
  const { text, notes } = only(late);
  assert.doesNotMatch(text, /Сообщаю о ней не позднее/);
  assert.match(notes, /Срок прошёл: банк вправе не возмещать сумму/);
  // 60 days from 15.03.2024 → 14.05.2024 (Tuesday).
  assert.match(only({ ...STATEMENT, crossBorder: true }).notes, /в течение 60 дней: если заявление получено 15\.03\.2024, по 14\.05\.2024/);
});

test("the Bank of Russia gets the facts and the bank's answer, is told it does not pay, and nothing of the seller", () => {
  const appeal = { ...STATEMENT, doc: "cbr", bankClaimDate: "2024-03-15", bankReply: "refused", docDate: "2024-03-20" };
  assert.deepEqual(validate(appeal), {});
  const { text, notes } = only(appeal);
  assert.match(text, /^Кому: Регулятор-Пример\nКуда: Приёмная регулятора, https:\/\/example\.org\/reception/);
  assert.match(text, /15\.03\.2024 банк получил моё заявление о несогласии с операцией\. Банк отказал вернуть деньги\./);
  assert.match(notes, /Сохраните номер обращения/);
  assert.match(notes, /деньги вам не взыщет/);
  assert.match(validate({ ...appeal, bankReply: "" }).bankReply, /Выберите/);
  assert.match(validate({ ...appeal, bankClaimDate: "2024-03-13" }).bankClaimDate, /раньше операции/);
});

test("the ombudsman: the form's fields, the limit, the bank's 15 working days before «не ответил»", () => {
  // 15 working days after 15.03.2024: 18–22, 25–29 March, 1–5 April → 05.04.2024.
  const application = { ...STATEMENT, doc: "ombudsman", bankClaimDate: "2024-03-15", bankReply: "none", docDate: "2024-04-08" };
  assert.equal(ombudsmanWaitTerm(application, FIXTURE_CALENDAR).end, "2024-04-05");
  assert.deepEqual(validate(application), {});
  const { text, notes } = only(application);
  assert.match(text, /Заявитель: Иванова Мария Петровна\nДата и место рождения: _+\nПаспорт: серия/);
  assert.match(text, /Финансовая организация: Банк-Пример\./);
  assert.ok(text.includes(`Это не больше 500 000 ₽ (${cited("fz123-limit")})`), text);
  assert.match(text, /Срок ответа истёк 05\.04\.2024/);
  assert.match(text, /В суд с этим требованием я не обращался/);
  assert.match(notes, /не подтверждено/);
  assert.match(notes, /Этот способ связи не подтверждён/, "an unconfirmed contact says so");
  // On 05.04 the bank's term still runs; a refusal may go at once.
  assert.match(validate({ ...application, docDate: "2024-04-05" }, "2024-04-08").bankClaimDate, /ещё идёт: по 05\.04\.2024/);
  assert.deepEqual(validate({ ...application, docDate: "2024-03-20", bankReply: "refused" }, "2024-04-08"), {});
  // Above the limit: the court, not the ombudsman.
  assert.match(validate({ ...application, operationAmount: "500 000,01" }).operationAmount, /не рассматривает/);
  assert.deepEqual(validate({ ...application, operationAmount: "500 000" }), {});
});

test("each situation offers only its own documents, and the seller's answers are not asked for a card", () => {
  const doc = fields().find((f) => f.name === "doc");
  const offered = (answers) => doc.options.filter(([, , when]) => when(answers)).map(([value]) => value);
  assert.deepEqual(offered({ case: "bank_operation" }), ["bank_statement", "cbr", "ombudsman"]);
  assert.deepEqual(offered({ case: "defective" }), ["claim", "complaint", "lawsuit"]);
  assert.match(validate({ ...STATEMENT, doc: "claim" }).doc, /заявление в банк/);
  assert.match(validate({ case: "defective", doc: "ombudsman", docDate: "2024-03-15" }).doc, /претензию, жалобу или иск/);
  const errors = validate({ case: "bank_operation", doc: "bank_statement", docDate: "2024-03-15" });
  for (const name of ["operationDate", "noticeDate", "operationAmount", "fullName"]) assert.ok(errors[name], name);
  for (const name of ["orderNumber", "price", "recipient", "sellerName"]) assert.equal(errors[name], undefined, name);
  assert.match(validate({ ...STATEMENT, cardDigits: "2200 1234 5678 9012" }).cardDigits, /Только 4 последние цифры/);
});

test("beside the complaint to Роспотребнадзор: the Госуслуги complaint book is not confirmed, no text for it", () => {
  const shop = {
    ...DATA,
    ozon: { recipient: "ООО «Пример»", display: "100000, г. Москва", status: "current" },
    rospotrebnadzor: { recipient: "Роспотребнадзор", display: "100001, г. Москва", status: "current" },
  };
  const complaint = {
    case: "defective", doc: "complaint", recipient: "ozon", fullName: "Иванова Мария Петровна", address: "620000, г. Екатеринбург",
    contact: "+7 900", orderNumber: "1", orderDate: "2024-02-01", product: "Чайник", price: "12 000", receivedDate: "2024-02-05",
    defect: "не греет", qDemand: "refund", claimSentDate: "2024-02-10", sellerReply: "refused", docDate: "2024-03-15",
  };
  assert.deepEqual(validate(complaint), {});
  const letters = buildLetters(complaint, shop);
  assert.equal(letters[0].kind, "complaint");
  const notes = summaryItems(letters, complaint, FIXTURE_CALENDAR);
  assert.ok(notes.includes(COMPLAINT_BOOK_NOTE), notes.join("\n"));
  assert.match(COMPLAINT_BOOK_NOTE, /не подтвердили/);
  assert.ok(!summaryItems(buildLetters({ ...complaint, doc: "claim", refundTo: "card" }, shop), complaint, FIXTURE_CALENDAR).includes(COMPLAINT_BOOK_NOTE), "only beside the complaint");
});
