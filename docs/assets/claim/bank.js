// reviewed: 2026-12-07
// A card operation the buyer did not make (issue 27): from one set of answers, each addressee gets only
// what it owes — the statement to Ozon Bank (ст. 9 Закона № 161-ФЗ, the next-day rule), the text for the
// Bank of Russia's internet reception (it supervises the bank, it does not pay), the application to the
// financial ombudsman (up to the register's limit, after the claim to the bank and the bank's term).
// Where each goes comes from the page's claim-data recipients (data/contacts.yml), never typed here.
// Pure: returns the same plain shape as letter.js; tested by node --test (tests/js/bank.test.mjs).

import { addDays, compare, formatRu } from "./dates.js";
import { dayTerm, termText, workingDayTerm } from "./calendar.js";
import { daysText, formatRubles, parseRubles } from "./money.js";
import { BANK_REPLIES, cite, figure, figureText } from "./rules.js";
import { attachmentList, sentence, signatureName } from "./letter.js";

/** The last day to tell the bank: the day after its notice of the operation (ч. 11 ст. 9 Закона № 161-ФЗ). */
export function reportDeadline(a) {
  return addDays(a.noticeDate, figure("bankReport", "report"));
}

/** Whether the statement is dated no later than that day. */
export function reportedInTime(a) {
  return compare(a.docDate, reportDeadline(a)) <= 0;
}

/** The bank's term to answer the statement: 30 days, 60 for a cross-border operation (ч. 9 ст. 9). */
export function bankAnswerTerm(a, calendar, from = a.docDate) {
  return dayTerm(calendar, from, figure("bankAnswer", a.crossBorder ? "cross-border" : "answer"));
}

/** The bank's term before the ombudsman may be asked: working days from the day it received the claim (ст. 16 Закона № 123-ФЗ). */
export function ombudsmanWaitTerm(a, calendar) {
  return workingDayTerm(calendar, a.bankClaimDate, figure("bankClaimFirst", "answer"));
}

function cardText(a) {
  const digits = String(a.cardDigits ?? "").trim();
  return digits ? `с моей карты Ozon Банка (последние цифры номера — ${digits})` : "с моей карты Ozon Банка";
}

/** The operation as the statement, the reception and the ombudsman all tell it. */
function operationFacts(a) {
  const details = String(a.operationDetails ?? "").trim();
  return [
    `${formatRu(a.operationDate)} ${cardText(a)} списано ${formatRubles(parseRubles(a.operationAmount))}.${details ? ` Операция в выписке: ${sentence(details)}` : ""}`,
    "Эту операцию я не совершал(а) и согласия на неё не давал(а).",
  ];
}

function fromLines(a) {
  return [`От: ${a.fullName.trim()}`, `Адрес: ${a.address.trim()}`, `Телефон, e-mail: ${a.contact.trim()}`];
}

/** «Куда: чат Ozon Банка (приложение …)» or «Куда: интернет-приёмная Банка России, https://…». */
function whereLine(recipient) {
  const how = [recipient.label, recipient.where, recipient.url].filter(Boolean).join(", ");
  return `Куда: ${how}`;
}

/** The words «(не подтверждено)» when the contact itself is not confirmed. */
function unconfirmedContact(recipient) {
  return recipient.status === "current" ? "" : ` Этот способ связи не подтверждён: проверьте его на сайте ${recipient.organization}.`;
}

/** «Чат Ozon Банка» → «чат Ozon Банка», inside a sentence. */
function lowerFirst(text) {
  return text ? text[0].toLowerCase() + text.slice(1) : text;
}

function bankReplyText(a) {
  return BANK_REPLIES[a.bankReply]?.text ?? "";
}

/** The statement to the bank: the operation disputed, the next-day rule, the ombudsman's claim at once. */
export function buildBankStatement(a, data) {
  const bank = data.ozonBank;
  const amount = formatRubles(parseRubles(a.operationAmount));
  const inTime = reportedInTime(a);
  const answerBy = bankAnswerTerm(a, data.calendar);
  const answerDays = figure("bankAnswer", a.crossBorder ? "cross-border" : "answer");
  const paragraphs = [
    ...operationFacts(a),
    inTime
      ? `Уведомление об операции я получил(а) ${formatRu(a.noticeDate)}. Сообщаю о ней не позднее дня, следующего за днём уведомления (${cite("bankReport")}).`
      : `Уведомление об операции я получил(а) ${formatRu(a.noticeDate)}.`,
    `Банк рассматривает заявление клиента об операции без его согласия и сообщает о результате в течение ${daysText(figure("bankAnswer", "answer"))}, а по трансграничной операции — ${daysText(figure("bankAnswer", "cross-border"))} (${cite("bankAnswer")}).`,
  ];
  return {
    kind: "bank_statement",
    to: [`Кому: ${bank.organization}`, whereLine(bank)],
    from: fromLines(a),
    title: "ЗАЯВЛЕНИЕ",
    subtitle: "о несогласии с операцией по карте",
    paragraphs,
    demandsIntro: "Прошу:",
    demands: [
      `Признать операцию ${formatRu(a.operationDate)} на ${amount} совершённой без моего согласия и вернуть мне ${amount}.`,
      `Сообщить мне о результате рассмотрения этого заявления письменно в течение ${daysText(answerDays)} (${cite("bankAnswer")}).`,
      `Считать это заявление и моим заявлением в финансовую организацию, которое подают до обращения к финансовому уполномоченному (${cite("bankClaimFirst")}).`,
    ],
    closing: [`Ответ прошу направить по адресу: ${a.address.trim()}; для связи: ${a.contact.trim()}.`],
    attachments: attachmentList({ ...a, attachments: [] }, ["Выписка или снимок экрана с этой операцией", "Снимок экрана с уведомлением об операции"]),
    date: formatRu(a.docDate),
    signer: signatureName(a.fullName),
    summary: {
      answerBy,
      termDays: answerDays,
      penalty: null,
      terms: {},
      event: { summary: "Ozon Банк должен ответить на заявление об операции", description: `Заявление от ${formatRu(a.docDate)}: ответ — в течение ${daysText(answerDays)} (${cite("bankAnswer")}). Если банк отказал или молчит — обращение к финансовому уполномоченному.` },
      notes: [
        `Отправьте заявление сегодня же: ${lowerFirst(bank.label)}${bank.where ? ` (${bank.where})` : ""}: файлом или текстом.${unconfirmedContact(bank)} Сохраните снимок экрана, где видны дата и время отправки, и ответ банка. На бумаге — отнесите в офис банка и попросите отметку о приёме на своём экземпляре.`,
        inTime
          ? `Последний день, чтобы сообщить банку, — ${formatRu(reportDeadline(a))} (${cite("bankReport")}). Заявление датировано не позже: срок соблюдён.`
          : `Сообщить банку нужно было не позже ${formatRu(reportDeadline(a))} (${cite("bankReport")}). Срок прошёл: банк вправе не возмещать сумму. Всё равно отправьте заявление: банк обязан его рассмотреть, а если вы сообщали раньше (звонком, в чат), напишите об этом и приложите снимок экрана.`,
        `Ответ банка — в течение ${daysText(answerDays)}: если заявление получено ${formatRu(a.docDate)}, по ${termText(answerBy)}.`,
        "Если банк откажет или не ответит, конструктор составит из тех же ответов обращение в Банк России и к финансовому уполномоченному.",
      ],
    },
  };
}

/** The text for the Bank of Russia's internet reception: it supervises the bank; it does not pay. */
export function buildCbrAppeal(a, data) {
  const cbr = data.cbr;
  return {
    kind: "cbr",
    to: [`Кому: ${cbr.organization}`, whereLine(cbr)],
    from: fromLines(a),
    title: "ОБРАЩЕНИЕ",
    subtitle: "о действиях Ozon Банка по операции без моего согласия",
    paragraphs: [
      ...operationFacts(a),
      `${formatRu(a.bankClaimDate)} банк получил моё заявление о несогласии с операцией. ${bankReplyText(a)}`,
      `Считаю, что банк нарушил мои права, когда рассматривал это заявление (${cite("bankAnswer")}).`,
    ],
    demandsIntro: "Прошу:",
    demands: [
      "Проверить, как Ozon Банк рассмотрел моё заявление, и принять меры в пределах полномочий Банка России.",
      "Сообщить мне о результатах проверки.",
    ],
    closing: [`Ответ прошу направить на мой адрес: ${a.address.trim()}; для связи: ${a.contact.trim()}.`],
    attachments: attachmentList({ ...a, attachments: [] }, afterBankClaim(a)),
    date: formatRu(a.docDate),
    signer: signatureName(a.fullName),
    summary: notesOnly([
      `Подайте обращение онлайн: ${cbr.label}, ${cbr.url}.${unconfirmedContact(cbr)} Скопируйте в форму текст выше, начиная с описания операции, и приложите файлы.`,
      "Сохраните номер обращения и письмо с подтверждением регистрации: это доказательство подачи.",
      "Банк России проверяет банк, но деньги вам не взыщет. Вернуть деньги можно через финансового уполномоченного или суд.",
    ]),
  };
}

/** The summary of a letter that runs no term and claims no penalty: only what to do with it. */
function notesOnly(notes) {
  return { answerBy: null, termDays: null, penalty: null, terms: {}, notes };
}

/** What both the Bank of Russia and the ombudsman are sent after the claim to the bank: that claim, its answer, the operation. */
function afterBankClaim(a) {
  return [`Заявление в банк от ${formatRu(a.bankClaimDate)} и доказательство его отправки`, "Ответ банка, если он есть", "Выписка или снимок экрана с операцией"];
}

/** The application to the financial ombudsman: the fields of its form, the limit, the claim to the bank first. */
export function buildOmbudsmanApplication(a, data) {
  const ombudsman = data.finombudsman;
  const bank = data.ozonBank;
  const amount = formatRubles(parseRubles(a.operationAmount));
  const waited = a.bankReply === "none" ? ` Срок ответа истёк ${termText(ombudsmanWaitTerm(a, data.calendar))} (${cite("bankClaimFirst")}).` : "";
  return {
    kind: "ombudsman",
    to: [`Кому: ${ombudsman.organization}`, whereLine(ombudsman)],
    // The form asks for these; the builder never asks for a passport: the buyer writes it by hand.
    from: [
      `Заявитель: ${a.fullName.trim()}`,
      "Дата и место рождения: ________________________________",
      "Паспорт: серия ______ номер __________, выдан ________________________",
      `Адрес: ${a.address.trim()}`,
      `Телефон, e-mail: ${a.contact.trim()}`,
    ],
    title: "ОБРАЩЕНИЕ",
    subtitle: "к финансовому уполномоченному",
    paragraphs: [
      `Финансовая организация: ${bank.organization}.`,
      `Размер требования: ${amount}. Это не больше ${figureText("ombudsmanLimit", "limit")} (${cite("ombudsmanLimit")}).`,
      ...operationFacts(a),
      `${formatRu(a.bankClaimDate)} банк получил моё заявление с требованием вернуть ${amount} (${cite("bankClaimFirst")}).${waited} ${bankReplyText(a)}`,
      "В суд с этим требованием я не обращался(ась).",
    ],
    demandsIntro: "Прошу:",
    demands: [`Взыскать с финансовой организации (${bank.organization}) в мою пользу ${amount}.`],
    closing: ["Решение прошу направить в личный кабинет и на мою электронную почту, а если её нет — на почтовый адрес."],
    attachments: attachmentList({ ...a, attachments: [] }, [...afterBankClaim(a), "Копия паспорта"]),
    date: formatRu(a.docDate),
    signer: signatureName(a.fullName),
    summary: notesOnly([
      `Подайте обращение в личном кабинете на сайте: ${ombudsman.label}, ${ombudsman.url}, через Госуслуги или почтой.${unconfirmedContact(ombudsman)} Сохраните номер обращения. Почтой — заказным письмом с описью вложения; сохраните квитанцию и опись.`,
      `Поля обращения взяты из формы, как её описывают сайт финансового уполномоченного и обзоры. Официальный текст формы и ст. 15–16 Закона № 123-ФЗ мы не сверили: не подтверждено. Сравните обращение с формой на сайте перед подачей.`,
      `Для спора с банком на сумму до ${figureText("ombudsmanLimit", "limit")} обращение к финансовому уполномоченному обязательно перед судом (${cite("ombudsmanLimit")}).`,
    ]),
  };
}

export const BANK_BUILDERS = {
  bank_statement: buildBankStatement,
  cbr: buildCbrAppeal,
  ombudsman: buildOmbudsmanApplication,
};
