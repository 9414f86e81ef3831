// Checks the answers and returns {field: message}; an empty object means the letter may be built.
// Pure: takes the answers and today's date, touches no DOM. Messages say what to fix.

import { isValidDate, compare, formatRu, addDays, addMonths } from "./dates.js";
import { parseRubles, formatRubles } from "./money.js";
import { MAX_AMOUNT_KOPECKS, EARLIEST_DATE, MAX_TEXT, REFUSAL_DAYS, REFUSAL_MONTHS_NO_INFO, TERM_DAYS } from "./rules.js";

const QUALITY_CASES = ["defective", "not_as_described"];

export function caseNeeds(answers) {
  const kind = answers.case;
  const isQuality = QUALITY_CASES.includes(kind);
  return {
    seller: answers.recipient === "seller",
    prepaid: kind === "not_delivered",
    promisedDate: kind === "not_delivered",
    ndDemand: kind === "not_delivered",
    newDeadline: kind === "not_delivered" && answers.ndDemand === "new_deadline",
    receivedDate: isQuality || kind === "refusal",
    defect: isQuality,
    qDemand: isQuality,
    reduceBy: isQuality && answers.qDemand === "reduce",
    firstDemandDate: isQuality,
    refundBasis: kind === "refund_missing",
    refundDemandDate: kind === "refund_missing",
    refundAmount: kind === "refund_missing",
    noReturnInfo: kind === "refusal",
    keptIntact: kind === "refusal",
    complaint: answers.doc === "complaint",
    rpnAddress: answers.doc === "complaint" && Boolean((answers.rpnOffice || "").trim()),
  };
}

/** Amount in kopecks from a field, or an error message. */
export function checkAmount(text, { required = true } = {}) {
  const raw = String(text ?? "").trim();
  if (!raw) return required ? { error: "Укажите сумму в рублях, например 12 000 или 12 000,50." } : { value: null };
  const value = parseRubles(raw);
  if (value === null) return { error: "Не похоже на сумму: напишите цифрами, например 12 000 или 12 000,50 (копейки — не больше двух цифр)." };
  if (value < 0) return { error: "Сумма не может быть отрицательной." };
  if (value === 0) return { error: "Сумма должна быть больше нуля." };
  if (value > MAX_AMOUNT_KOPECKS) return { error: `Слишком большая сумма — больше ${formatRubles(MAX_AMOUNT_KOPECKS)}. Проверьте, нет ли лишних нулей.` };
  return { value };
}

export function validate(answers, today) {
  const errors = {};
  const a = answers;
  const needs = caseNeeds(a);
  const text = (name, message, { required = true } = {}) => {
    const value = String(a[name] ?? "").trim();
    if (required && !value) errors[name] = message;
    else if (value.length > MAX_TEXT) errors[name] = `Слишком длинно: не больше ${MAX_TEXT} знаков. Подробности лучше приложить отдельным листом.`;
  };
  const date = (name, what) => {
    const value = String(a[name] ?? "").trim();
    if (!value) return void (errors[name] = `Укажите ${what}.`);
    if (!isValidDate(value)) return void (errors[name] = `Такой даты нет в календаре: проверьте ${what}.`);
    if (compare(value, EARLIEST_DATE) < 0) return void (errors[name] = `Проверьте год: ${formatRu(value)} — слишком давно.`);
    if (compare(value, today) > 0) return void (errors[name] = `Эта дата ещё не наступила (сегодня ${formatRu(today)}). Проверьте ${what}.`);
    return value;
  };
  // Report an order problem once, on the later field: that is the one the buyer usually mistyped.
  const notBefore = (name, earlierName, message) => {
    if (errors[name] || errors[earlierName] || !a[name] || !a[earlierName]) return;
    if (compare(a[name], a[earlierName]) < 0) errors[name] = message;
  };
  const amount = (name, options) => {
    const checked = checkAmount(a[name], options);
    if (checked.error) errors[name] = checked.error;
    return checked.value ?? null;
  };

  if (!["claim", "complaint"].includes(a.doc)) errors.doc = "Выберите, что составить: претензию или жалобу.";
  if (!["ozon", "seller"].includes(a.recipient)) errors.recipient = "Выберите, кому адресована претензия.";
  if (needs.seller) {
    text("sellerName", "Укажите продавца, как в карточке товара: ООО «…», ИП … .");
    text("sellerAddress", "Укажите адрес продавца: он есть в карточке продавца на Ozon и в ЕГРЮЛ/ЕГРИП.");
  }
  text("fullName", "Укажите фамилию, имя и отчество.");
  text("address", "Укажите свой почтовый адрес: на него придёт ответ.");
  text("contact", "Укажите телефон или e-mail для связи.");
  text("orderNumber", "Укажите номер заказа: он есть в разделе «Заказы».");
  text("product", "Укажите товар: название, как в заказе.");
  const orderDate = date("orderDate", "дату заказа");
  const price = amount("price");
  date("docDate", "дату документа");
  notBefore("docDate", "orderDate", "Документ не может быть раньше заказа.");
  if (!["not_delivered", "defective", "not_as_described", "refund_missing", "refusal"].includes(a.case)) {
    errors.case = "Выберите, что случилось.";
  }

  if (needs.prepaid) {
    const prepaid = amount("prepaid");
    if (prepaid !== null && price !== null && prepaid > price) errors.prepaid = "Предоплата не может быть больше цены товара.";
  }
  if (needs.promisedDate) {
    date("promisedDate", "обещанную дату доставки");
    if (!errors.promisedDate && a.promisedDate && orderDate && compare(a.promisedDate, orderDate) < 0) {
      errors.promisedDate = "Доставка не может быть обещана раньше даты заказа.";
    }
    if (!errors.promisedDate && !errors.docDate && a.promisedDate && a.docDate && compare(a.docDate, a.promisedDate) <= 0) {
      errors.promisedDate = `Срок доставки ещё не прошёл: просрочка начнётся с ${formatRu(addDays(a.promisedDate, 1))}. До этого претензию по ст. 23.1 ЗоЗПП писать рано.`;
    }
  }
  if (needs.ndDemand && !["new_deadline", "refund"].includes(a.ndDemand)) errors.ndDemand = "Выберите, чего вы требуете.";
  if (needs.newDeadline) {
    const value = String(a.newDeadline ?? "").trim();
    if (!value) errors.newDeadline = "Укажите новый срок доставки.";
    else if (!isValidDate(value)) errors.newDeadline = "Такой даты нет в календаре.";
    else if (a.docDate && isValidDate(a.docDate) && compare(value, a.docDate) <= 0) errors.newDeadline = "Новый срок должен быть позже даты претензии.";
    else if (a.docDate && isValidDate(a.docDate) && compare(value, addMonths(a.docDate, 12)) > 0) errors.newDeadline = "Новый срок дальше чем через год: проверьте год.";
  }
  if (needs.receivedDate) {
    date("receivedDate", "дату получения товара");
    notBefore("receivedDate", "orderDate", "Товар не может прийти раньше, чем оформлен заказ.");
    notBefore("docDate", "receivedDate", "Дата документа раньше, чем вы получили товар: проверьте даты.");
  }
  if (needs.defect) text("defect", a.case === "defective" ? "Опишите недостаток: что не работает или повреждено." : "Опишите, чем товар отличается от описания.");
  if (needs.qDemand) {
    const allowed = a.case === "defective" ? ["replace", "reduce", "repair", "refund"] : ["replace", "reduce", "refund"];
    if (!allowed.includes(a.qDemand)) errors.qDemand = "Выберите одно требование.";
  }
  if (needs.reduceBy) {
    const reduceBy = amount("reduceBy", { required: false });
    if (reduceBy !== null && price !== null && reduceBy >= price) errors.reduceBy = "Уменьшение цены должно быть меньше цены товара. Если хотите вернуть всё — выберите «вернуть деньги».";
  }
  if (needs.firstDemandDate && String(a.firstDemandDate ?? "").trim()) {
    date("firstDemandDate", "дату первого требования");
    notBefore("firstDemandDate", "receivedDate", "Первое требование не может быть раньше получения товара.");
    notBefore("docDate", "firstDemandDate", "Дата документа раньше первого требования: проверьте даты.");
  }
  if (needs.refundBasis && !["defect", "refusal"].includes(a.refundBasis)) errors.refundBasis = "Выберите, почему вам должны вернуть деньги.";
  if (needs.refundDemandDate) {
    date("refundDemandDate", "дату, когда вы потребовали деньги назад");
    notBefore("refundDemandDate", "orderDate", "Требование не может быть раньше заказа.");
    if (!errors.refundDemandDate && !errors.docDate && a.refundDemandDate && a.docDate) {
      const due = addDays(a.refundDemandDate, TERM_DAYS.refund);
      if (compare(a.docDate, due) <= 0) {
        errors.refundDemandDate = `10 дней на возврат ещё идут: продавец может вернуть деньги по ${formatRu(due)} включительно. Претензию о просрочке отправьте после этой даты.`;
      }
    }
  }
  if (needs.refundAmount) {
    const refund = amount("refundAmount");
    if (refund !== null && price !== null && refund > price) errors.refundAmount = "Возврат не может быть больше цены товара.";
  }
  if (needs.keptIntact && !a.keptIntact) {
    errors.keptIntact = "Вернуть товар надлежащего качества можно, только если сохранены его товарный вид и свойства (п. 4 ст. 26.1 ЗоЗПП).";
  }
  if (a.case === "refusal" && !errors.receivedDate && !errors.docDate && a.receivedDate && a.docDate) {
    const last = a.noReturnInfo ? addMonths(a.receivedDate, REFUSAL_MONTHS_NO_INFO) : addDays(a.receivedDate, REFUSAL_DAYS);
    if (compare(a.docDate, last) > 0) {
      errors.receivedDate = a.noReturnInfo
        ? `Срок отказа — 3 месяца после получения — истёк ${formatRu(last)}. Если в товаре недостаток, выберите «Товар с браком».`
        : `Срок отказа — 7 дней после получения — истёк ${formatRu(last)}. Если при доставке вам не дали письменных условий возврата, отметьте это: тогда срок 3 месяца. Если в товаре недостаток, выберите «Товар с браком».`;
    }
  }

  if (needs.complaint) {
    date("claimSentDate", "дату отправки претензии");
    notBefore("claimSentDate", "orderDate", "Претензия не может быть отправлена раньше заказа.");
    notBefore("docDate", "claimSentDate", "Жалоба не может быть раньше претензии: проверьте даты.");
    if (!["none", "refused", "partial"].includes(a.sellerReply)) errors.sellerReply = "Выберите, что ответил продавец.";
    text("rpnOffice", "", { required: false });
    if (needs.rpnAddress) text("rpnAddress", "Укажите адрес управления: он есть на сайте Роспотребнадзора вашего региона.");
  }
  text("attachmentsOther", "", { required: false });
  return errors;
}
