// reviewed: 2026-12-07
// The notes beside the finished letter: terms, the penalty, how to send, what may go wrong. They
// speak to the buyer, not to the seller, so what would weaken the letter (ст. 193 for a promised
// date on a holiday, ст. 333 ГК РФ, the conditions of the 50 % fine) is said here and not there.
// Pure: tested by node --test (tests/js/summary.test.mjs); form.js only draws the list.

import { formatRu, addDays } from "./dates.js";
import { termText, unconfirmedCalendarText } from "./calendar.js";
import { formatRubles, daysText } from "./money.js";
import { periodText } from "./penalty.js";
import { PENALTIES, TERMS, cite, figureText, isQualityCase } from "./rules.js";
import { demandsNewDeadline } from "./terms.js";

function recipientOf(letter) {
  return letter.to[0].replace(/^Кому: /, "");
}

function termItem(letter, answers, several) {
  const to = several ? ` (${recipientOf(letter)})` : "";
  const { answerBy, termDays } = letter.summary;
  if (letter.kind === "lawsuit") {
    const suit = letter.summary.lawsuit;
    return `${suit.courtText} ${suit.venueText} ${suit.feeText}`;
  }
  if (letter.kind === "complaint") {
    return `Обращение регистрируют за ${daysText(TERMS.authorityRegister.days)} (${TERMS.authorityRegister.article}), ответ дают за ${daysText(TERMS.authorityAnswer.days)} после регистрации (${TERMS.authorityAnswer.article}): если отправите ${formatRu(answers.docDate)}, ждите ответа примерно по ${termText(answerBy)}.`;
  }
  if (letter.summary.notes) return null; // a bank's document: its own notes say everything (bank.js)
  if (!answerBy) return `Письмо${to} — просьба по правилам Ozon: срока по закону у него нет.`;
  if (letter.kind === "claim" && demandsNewDeadline(answers)) return `Срок${to}: товар и неустойка — не позднее ${formatRu(answerBy.end)}.`;
  return `Срок ответа${to}: ${daysText(termDays)} со дня получения; при вручении ${formatRu(answers.docDate)} — по ${termText(answerBy)}.`;
}

/** How to send a claim to a third-party seller so that it cannot deny receiving it (issue 26). */
function sendingItems(answers) {
  if (answers.doc !== "claim") return [];
  if (answers.recipient !== "seller") {
    return ["Отправьте претензию заказным письмом с описью вложения и уведомлением о вручении и сохраните квитанцию. Копию можно отправить в чат поддержки Ozon."];
  }
  return [
    `Продавцу отправьте претензию заказным письмом с описью вложения и уведомлением о вручении на его юридический адрес. Адрес есть в карточке продавца на Ozon; сверьте его в ЕГРЮЛ (для ООО) или ЕГРИП (для ИП) на egrul.nalog.ru. Письмо считается доставленным и тогда, когда продавец не получил его по своей вине, например не забрал на почте (${cite("delivered")}).`,
    "Продублируйте претензию в чат с продавцом в приложении Ozon (если у заказа есть такой чат) и сохраните снимок экрана с датой.",
    `Копию отправьте Ozon: в чат поддержки или письмом. Ozon как площадка отвечает только за своё: возврат предоплаты за недоставленный заказ после вашего отказа (${cite("marketplaceRefund")}) и убытки от неверной информации о товаре или продавце (${cite("marketplaceInfo")}).`,
  ];
}

/** The penalty's figure, its cap and, for the buyer only, that a court may lower it. */
function penaltyItems(penalty) {
  if (!penalty || !penalty.days) return [];
  const items = [`Неустойка ${periodText(penalty)}: ${formatRubles(penalty.amount)}.`];
  const rule = PENALTIES[penalty.kind];
  if (penalty.capped) items.push(`Неустойка дошла до предела и дальше не растёт: она ${rule.cap} — ${formatRubles(penalty.base)} (${rule.article}).`);
  items.push(`Суд может уменьшить неустойку, если сочтёт её явно несоразмерной (${cite("reducePenalty")}).`);
  return items;
}

/**
 * The complaint book for marketplaces on Госуслуги: its 2026 rules (who may use it, its answer term) are
 * not confirmed, so the builder writes no text for it and says so (issue 27).
 */
export const COMPLAINT_BOOK_NOTE = "Книга жалоб и предложений для маркетплейсов на Госуслугах: кто может ею пользоваться и в какой срок там отвечают по правилам 2026 года, мы не подтвердили. Поэтому текст для неё конструктор не составляет. Жалоба в Роспотребнадзор от этого не зависит.";

/** A term ending in a year whose transfers no decree confirms: the caveat, or nothing. */
function calendarItems(letter, calendar) {
  const caveat = letter.summary.answerBy ? unconfirmedCalendarText([letter.summary.answerBy], calendar) : "";
  return caveat ? [caveat] : [];
}

/** Everything the buyer should know next to the letter, in order of importance. */
export function summaryItems(letters, answers, calendar) {
  const items = letters.map((letter) => termItem(letter, answers, letters.length > 1)).filter(Boolean);
  const main = letters[0];
  if (main.summary.notes) return [...items, ...main.summary.notes, ...calendarItems(main, calendar)];
  const terms = main.summary.terms ?? {};
  if (main.kind === "claim") items.push("Если отправляете почтой, срок начнётся, когда письмо получат: сохраните опись и уведомление о вручении.");
  items.push(...sendingItems(answers));
  if (main.kind === "lawsuit") {
    items.push(
      `Перед подачей отправьте ответчику копию иска с приложениями заказным письмом с описью и приложите к иску квитанцию (${cite("suitAttachments")}). К иску приложите и документы, на которых основаны требования.`,
      "Подать иск можно в канцелярию суда, почтой или в электронном виде через ГАС «Правосудие» или Госуслуги. Иск подписывается: при подаче онлайн — электронной подписью или через Госуслуги.",
      main.summary.lawsuit.fineText,
    );
  }
  items.push(...penaltyItems(main.summary.penalty));
  if (terms.delivery?.offDay) {
    items.push(`Обещанная дата ${formatRu(terms.delivery.end)} — нерабочий день. Письмо считает неустойку с ${formatRu(addDays(terms.delivery.end, 1))}: дату выбрал продавец. Продавец может возразить, что срок перенёсся на следующий рабочий день (${cite("termOnDayOff")}); тогда неустойка будет чуть меньше.`);
  }
  if (main.kind === "claim" && isQualityCase(answers.case)) {
    items.push(`Если продавец попросит товар на проверку качества, отдайте его, придите на проверку и сохраните акт. Суд не взыщет штраф ${figureText("fine", "fine")} (${cite("fine")}), если покупатель сам помешал выполнить требования добровольно, например не дал товар на проверку (${cite("fineExceptions")}).`);
  }
  if (main.kind === "complaint") items.push(COMPLAINT_BOOK_NOTE);
  // Terms are {end, …}; the authority's come in a pair ({register, answer}); answerDays is a number.
  const isTerm = (value) => Boolean(value) && typeof value === "object" && "end" in value;
  const allTerms = [main.summary.answerBy, ...Object.values(terms).flatMap((value) => (isTerm(value) ? [value] : Object.values(value ?? {}).filter(isTerm)))];
  const caveat = unconfirmedCalendarText(allTerms, calendar);
  if (caveat) items.push(caveat);
  items.push(`Даты выше уже учитывают выходные и праздники: если срок кончается в нерабочий день, последним считается следующий рабочий день (${cite("termOnDayOff")}). Письмо, сданное на почту до 24:00 последнего дня, отправлено в срок (${cite("postedInTime")}).`);
  return items;
}
