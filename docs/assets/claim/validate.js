// Checks the answers and returns {field: message}; an empty object means the letter may be built.
// Pure: takes the answers and today's date, touches no DOM. Messages say what to fix.

import { isValidDate, compare, formatRu, addDays, addMonths } from "./dates.js";
import { CalendarRangeError, termText } from "./calendar.js";
import { checkCompanyIds, textLength } from "./text.js";
import { deliveryTerm, earlierDemandTerm, hasEarlierDemand, refundTerm, refusalTerm, answerTerm, authorityTerms, claimAnswerTerm } from "./terms.js";
import { parseRubles, formatRubles, daysText, monthsText } from "./money.js";
import { parseKeyRates } from "./interest.js";
import { bankAnswerTerm, ombudsmanWaitTerm } from "./bank.js";
import {
  CASES, CANCEL_KINDS, DELIVERY_DEMANDS, DEMANDS, REFUND_BASES, REFUND_TO, SELLER_REPLIES, SUB_REASONS, TRAVEL_REASONS, MAX_AMOUNT_KOPECKS, MAX_TEXT, TERMS, asksForMoney, cite, demandsFor, documentFits, figure, isBankCase, isMoneyCase, isQualityCase, BANK_REPLIES,
} from "./rules.js";


/** Which fields apply to these answers: the case's own (CASES[…].asks) plus those other answers open. */
export function caseNeeds(answers) {
  const needs = Object.fromEntries((CASES[answers.case]?.asks ?? []).map((name) => [name, true]));
  needs.bank = isBankCase(answers.case);
  needs.bankAnswered = needs.bank && (answers.doc === "cbr" || answers.doc === "ombudsman");
  needs.seller = !needs.bank && answers.recipient === "seller";
  needs.alsoOzon = needs.seller && answers.doc === "claim" && Boolean(CASES[answers.case]?.writeBoth);
  needs.newDeadline = Boolean(needs.ndDemand) && answers.ndDemand === "new_deadline";
  needs.chargeDate = answers.case === "subscription";
  needs.subCancelDate = answers.case === "subscription" && answers.subReason === "after_cancel";
  needs.tripDate = answers.case === "travel";
  needs.reduceBy = Boolean(needs.qDemand) && answers.qDemand === "reduce";
  // ст. 21: a replacement needing a quality check has 20 days; it matters only for a demand already made.
  needs.qualityCheck = Boolean(needs.qDemand) && Boolean(DEMANDS[answers.qDemand]?.checkDays) && Boolean(String(answers.firstDemandDate ?? "").trim());
  needs.refundTo = answers.doc === "claim" && asksForMoney(answers);
  needs.refundAccount = needs.refundTo && answers.refundTo === "account";
  needs.complaint = answers.doc === "complaint";
  needs.lawsuit = answers.doc === "lawsuit";
  needs.claimAnswered = needs.complaint || needs.lawsuit; // both follow a claim the seller has had
  needs.keyRates = needs.lawsuit && earnsInterest(answers);
  needs.rpnAddress = needs.complaint && Boolean((answers.rpnOffice || "").trim());
  return needs;
}

/** Money kept with no penalty of ЗоЗПП behind it: the lawsuit counts ст. 395 ГК РФ interest instead. */
export function earnsInterest(a) {
  return isMoneyCase(a.case) || a.case === "refusal" || (a.case === "refund_missing" && a.refundBasis === "refusal");
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

/**
 * Small checkers that write into one errors object. Each case's rules below use them, so a
 * message for a kind of mistake is worded once.
 */
function checkers(a, today, calendar, errors) {
  const example = formatRu(today);
  return {
    calendar,
    text(name, message, { required = true } = {}) {
      const value = String(a[name] ?? "").trim();
      if (required && !value) errors[name] = message;
      // A text of at most MAX_TEXT UTF-16 units has at most as many characters: no need to segment it
      // (the first segmentation cost 66 ms of the page's first task on a slow phone, issue 17).
      else if (value.length > MAX_TEXT && textLength(value) > MAX_TEXT) errors[name] = `Слишком длинно: не больше ${MAX_TEXT} знаков. Подробности лучше приложить отдельным листом.`;
    },
    date(name, what, { future = false } = {}) {
      const value = String(a[name] ?? "").trim();
      if (!value) return void (errors[name] = `Укажите ${what}.`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return void (errors[name] = `Напишите ${what} цифрами: ДД.ММ.ГГГГ, например ${example}.`);
      if (!isValidDate(value)) return void (errors[name] = `Такой даты нет в календаре: проверьте ${what}.`);
      if (compare(value, calendar.first) < 0) {
        return void (errors[name] = `Проверьте год: ${formatRu(value)} — слишком давно. Конструктор считает сроки с ${formatRu(calendar.first)}.`);
      }
      if (!future && compare(value, today) > 0) return void (errors[name] = `Эта дата ещё не наступила (сегодня ${formatRu(today)}). Проверьте ${what}.`);
      return value;
    },
    // Report an order problem once, on the later field: that is the one the buyer usually mistyped.
    notBefore(name, earlierName, message) {
      if (errors[name] || errors[earlierName] || !a[name] || !a[earlierName]) return;
      if (compare(a[name], a[earlierName]) < 0) errors[name] = message;
    },
    amount(name, options) {
      const checked = checkAmount(a[name], options);
      if (checked.error) errors[name] = checked.error;
      return checked.value ?? null;
    },
    /** A term, or null with the calendar's «cannot count past …» message on the field. */
    term(name, count) {
      try {
        return count();
      } catch (error) {
        if (!(error instanceof CalendarRangeError)) throw error;
        errors[name] = error.message;
        return null;
      }
    },
    /** Both dates present and valid so far: safe to compare them. */
    ready(...names) {
      return names.every((name) => !errors[name] && a[name]);
    },
  };
}

function checkCommon(a, check, errors) {
  if (isBankCase(a.case)) return checkBankCommon(a, check, errors);
  if (!documentFits(a.doc, a.case)) errors.doc = "Выберите, что составить: претензию, жалобу или иск.";
  if (!["ozon", "seller"].includes(a.recipient)) errors.recipient = "Выберите, кому адресована претензия.";
  if (a.recipient === "seller") {
    check.text("sellerName", "Укажите продавца, как в карточке товара: ООО «…», ИП … .");
    check.text("sellerAddress", "Укажите адрес продавца: он есть в карточке продавца на Ozon и в ЕГРЮЛ/ЕГРИП.");
    const ids = checkCompanyIds(a.sellerIds);
    if (ids.error) errors.sellerIds = ids.error;
  }
  check.text("fullName", "Укажите фамилию, имя и отчество.");
  check.text("address", "Укажите свой почтовый адрес: на него придёт ответ.");
  check.text("contact", "Укажите телефон или e-mail для связи.");
  check.text("orderNumber", "Укажите номер заказа: он есть в разделе «Заказы».");
  check.text("product", "Укажите товар: название, как в заказе.");
  check.date("orderDate", "дату заказа");
  check.amount("price");
  check.date("docDate", "дату документа");
  check.notBefore("docDate", "orderDate", "Документ не может быть раньше заказа.");
  if (!CASES[a.case]) errors.case = "Выберите, что случилось.";
}

/** A card operation: no order and no seller; the buyer, the date and a document for the bank's side. */
function checkBankCommon(a, check, errors) {
  if (!documentFits(a.doc, a.case)) errors.doc = "Выберите документ: заявление в банк, обращение в Банк России или к финансовому уполномоченному.";
  check.text("fullName", "Укажите фамилию, имя и отчество.");
  check.text("address", "Укажите свой почтовый адрес: на него придёт ответ.");
  check.text("contact", "Укажите телефон или e-mail для связи.");
  check.date("docDate", "дату документа");
}

/** The operation, the bank's notice, and for the Bank of Russia or the ombudsman, the bank's answer. */
function checkBank(a, check, errors) {
  check.date("operationDate", "дату операции");
  check.date("noticeDate", "дату уведомления об операции");
  check.notBefore("noticeDate", "operationDate", "Уведомление не может прийти раньше операции: проверьте даты.");
  check.notBefore("docDate", "noticeDate", "Дата документа раньше уведомления об операции: проверьте даты.");
  const amount = check.amount("operationAmount");
  const digits = String(a.cardDigits ?? "").trim();
  if (digits && !/^\d{4}$/.test(digits)) errors.cardDigits = "Только 4 последние цифры карты, без пробелов. Полный номер не пишите.";
  check.text("operationDetails", "", { required: false });
  if (a.doc !== "cbr" && a.doc !== "ombudsman") return;
  check.date("bankClaimDate", "дату, когда банк получил ваше заявление");
  check.notBefore("bankClaimDate", "operationDate", "Заявление в банк не может быть раньше операции: проверьте даты.");
  check.notBefore("docDate", "bankClaimDate", "Дата документа раньше заявления в банк: проверьте даты.");
  if (!BANK_REPLIES[a.bankReply]) errors.bankReply = "Выберите, что ответил банк.";
  if (a.doc !== "ombudsman") return;
  const limit = Math.round(figure("ombudsmanLimit", "limit") * 100);
  if (amount !== null && amount > limit) {
    errors.operationAmount = `Сумма больше ${formatRubles(limit)}: такой спор финансовый уполномоченный не рассматривает (${cite("ombudsmanLimit")}). С такой суммой обращайтесь в суд.`;
  }
  // «Банк не ответил» only once its term has run out (ст. 16 Закона № 123-ФЗ; a refusal can go at once).
  if (a.bankReply !== "none" || !check.ready("bankClaimDate", "docDate")) return;
  const wait = check.term("bankClaimDate", () => ombudsmanWaitTerm(a, check.calendar));
  if (wait && compare(a.docDate, wait.end) <= 0) {
    errors.bankClaimDate = `Срок ответа банка ещё идёт: по ${formatRu(wait.end)} включительно (${cite("bankClaimFirst")}). Обращайтесь к финансовому уполномоченному после этого дня или сразу, если банк отказал.`;
  }
}

function checkNotDelivered(a, check, errors, price) {
  const prepaid = check.amount("prepaid");
  if (prepaid !== null && price !== null && prepaid > price) errors.prepaid = "Предоплата не может быть больше цены товара.";
  // A cancelled order or one «вручён» to someone else: the promised date may still be ahead.
  check.date("promisedDate", "обещанную дату доставки", { future: Boolean(CASES[a.case]?.early) });
  if (check.ready("promisedDate", "orderDate") && compare(a.promisedDate, a.orderDate) < 0) {
    errors.promisedDate = "Доставка не может быть обещана раньше даты заказа.";
  }
  const delivery = check.ready("promisedDate", "docDate") ? check.term("promisedDate", () => deliveryTerm(a, check.calendar)) : null;
  // «Вручён» to someone else, or cancelled: the buyer writes at once; the penalty waits for the date.
  if (a.case === "handed_not_received") {
    check.date("handedDate", "дату, когда заказ отметили вручённым");
    check.notBefore("handedDate", "orderDate", "Заказ не могли вручить раньше, чем оформили.");
    check.notBefore("docDate", "handedDate", "Дата документа раньше отметки о вручении: проверьте даты.");
  }
  if (a.case === "cancelled") {
    if (!CANCEL_KINDS[a.cancelKind]) errors.cancelKind = "Выберите, что сделал продавец.";
    check.date("cancelDate", "дату отмены заказа");
    check.notBefore("cancelDate", "orderDate", "Заказ не могли отменить раньше, чем оформили.");
    check.notBefore("docDate", "cancelDate", "Дата документа раньше отмены заказа: проверьте даты.");
  }
  // The promised date itself, never moved to a working day: a holiday must not block the letter (issue 29).
  if (delivery && !CASES[a.case]?.early && compare(a.docDate, delivery.end) <= 0) {
    errors.promisedDate = `Срок доставки ещё не прошёл: товар обещали передать не позднее ${formatRu(delivery.end)}. Просрочка начнётся с ${formatRu(addDays(delivery.end, 1))}. До этого претензию о просрочке (${cite("lateDeliveryPenalty")}) писать рано.`;
  }
  if (!DELIVERY_DEMANDS[a.ndDemand]) errors.ndDemand = "Выберите, чего вы требуете.";
  if (a.ndDemand !== "new_deadline") return;
  const value = String(a.newDeadline ?? "").trim();
  const docOk = a.docDate && isValidDate(a.docDate);
  if (!value) errors.newDeadline = "Укажите новый срок доставки.";
  else if (!isValidDate(value)) errors.newDeadline = "Такой даты нет в календаре. Напишите её так: ДД.ММ.ГГГГ.";
  else if (docOk && compare(value, a.docDate) <= 0) errors.newDeadline = "Новый срок должен быть позже даты претензии.";
  else if (docOk && compare(value, addMonths(a.docDate, 12)) > 0) errors.newDeadline = "Новый срок дальше чем через год: проверьте год.";
}

function checkReceived(check) {
  check.date("receivedDate", "дату получения товара");
  check.notBefore("receivedDate", "orderDate", "Товар не может прийти раньше, чем оформлен заказ.");
  check.notBefore("docDate", "receivedDate", "Дата документа раньше, чем вы получили товар: проверьте даты.");
}

/** Where the money goes: the card it was paid with, or an account the buyer writes out. */
function checkRefundTo(a, check, errors) {
  if (a.doc !== "claim" || !asksForMoney(a)) return;
  if (!REFUND_TO[a.refundTo]) errors.refundTo = "Выберите, куда вернуть деньги.";
  else if (a.refundTo === "account") check.text("refundAccount", "Впишите реквизиты: банк, БИК, номер счёта, получатель.");
}

/** What to ask for in «Что не так», by situation. */
const DEFECT_PROMPTS = {
  defective: "Опишите недостаток: что не работает или повреждено.",
  not_as_described: "Опишите, чем товар отличается от описания.",
  incomplete: "Опишите, чего не хватает: сколько штук, какие детали или предметы набора.",
  counterfeit: "Опишите, почему товар поддельный: чем он отличается от оригинала.",
  digital_code: "Опишите, что происходит, когда вы вводите код: какое сообщение об ошибке.",
  repair_delay: "Опишите недостаток, из-за которого товар отдали в ремонт.",
};

/** A repair past its term: the date the seller took the item, and the term must have run out. */
function checkRepair(a, check, errors) {
  check.date("repairDate", "дату, когда товар приняли в ремонт");
  check.notBefore("repairDate", "receivedDate", "Товар не могли принять в ремонт раньше, чем вы его получили.");
  check.notBefore("docDate", "repairDate", "Дата документа раньше, чем товар приняли в ремонт: проверьте даты.");
  if (!check.ready("repairDate", "docDate")) return;
  const due = check.term("repairDate", () => earlierDemandTerm(a, check.calendar));
  if (due && compare(a.docDate, due.end) <= 0) {
    errors.repairDate = `Срок ремонта ещё идёт: не больше ${daysText(DEMANDS.repair.days)}, по ${termText(due)} включительно (${DEMANDS.repair.article}). Если срок ремонта записали короче, напишите претензию после него.`;
  }
}

function checkQuality(a, check, errors, price) {
  checkReceived(check);
  check.text("defect", DEFECT_PROMPTS[a.case]);
  if (a.case === "repair_delay") checkRepair(a, check, errors);
  if (!demandsFor(a.case).includes(a.qDemand)) errors.qDemand = "Выберите одно требование.";
  if (a.qDemand === "reduce") {
    const reduceBy = check.amount("reduceBy", { required: false });
    if (reduceBy !== null && price !== null && reduceBy >= price) errors.reduceBy = "Уменьшение цены должно быть меньше цены товара. Если хотите вернуть всё — выберите «вернуть деньги».";
  }
  if (a.case !== "repair_delay" && hasEarlierDemand(a)) {
    check.date("firstDemandDate", "дату первого требования");
    check.notBefore("firstDemandDate", "receivedDate", "Первое требование не может быть раньше получения товара.");
    check.notBefore("docDate", "firstDemandDate", "Дата документа раньше первого требования: проверьте даты.");
    if (check.ready("firstDemandDate") && demandsFor(a.case).includes(a.qDemand)) check.term("firstDemandDate", () => earlierDemandTerm(a, check.calendar));
  }
}

function checkRefundMissing(a, check, errors, price) {
  if (!REFUND_BASES[a.refundBasis]) errors.refundBasis = "Выберите, почему вам должны вернуть деньги.";
  check.date("refundDemandDate", "дату, когда вы потребовали деньги назад");
  check.notBefore("refundDemandDate", "orderDate", "Требование не может быть раньше заказа.");
  const due = check.ready("refundDemandDate", "docDate") ? check.term("refundDemandDate", () => refundTerm(a, check.calendar)) : null;
  if (due && compare(a.docDate, due.end) <= 0) {
    errors.refundDemandDate = `${daysText((a.refundBasis === "refusal" ? TERMS.refusalRefund : TERMS.qualityRefund).days)} на возврат ещё идут: продавец может вернуть деньги по ${termText(due)} включительно. Претензию о просрочке отправьте после этой даты.`;
  }
  const refund = check.amount("refundAmount");
  if (refund !== null && price !== null && refund > price) errors.refundAmount = "Возврат не может быть больше цены товара.";
}

function checkRefusal(a, check, errors) {
  checkReceived(check);
  if (!a.keptIntact) {
    errors.keptIntact = `Исправный товар можно вернуть, если вы им не пользовались и сохранили его товарный вид и потребительские свойства (${cite("distanceRefusal")}). Упаковку хранить не обязательно.`;
  }
  if (!check.ready("receivedDate", "docDate")) return;
  const last = check.term("receivedDate", () => refusalTerm(a, check.calendar));
  if (last && compare(a.docDate, last.end) > 0) {
    errors.receivedDate = a.noReturnInfo
      ? `Срок отказа — ${monthsText(TERMS.refusalNoInfo.months)} после получения — истёк ${termText(last)}. Если в товаре недостаток, выберите «Товар с браком».`
      : `Срок отказа — ${daysText(TERMS.refusal.days)} после получения — истёк ${termText(last)}. Если при доставке вам не дали письменных условий возврата, отметьте это: тогда срок ${monthsText(TERMS.refusalNoInfo.months)}. Если в товаре недостаток, выберите «Товар с браком».`;
  }
}

function checkComplaint(a, check, errors) {
  check.date("claimSentDate", "дату, когда продавец получил претензию");
  check.notBefore("claimSentDate", "orderDate", "Претензия не может быть отправлена раньше заказа.");
  check.notBefore("docDate", "claimSentDate", "Жалоба не может быть раньше претензии: проверьте даты.");
  if (!SELLER_REPLIES[a.sellerReply]) errors.sellerReply = "Выберите, что ответил продавец.";
  check.text("rpnOffice", "", { required: false });
  if (a.doc === "complaint" && String(a.rpnOffice ?? "").trim()) check.text("rpnAddress", "Укажите адрес управления: он есть на сайте Роспотребнадзора вашего региона.");
  // «Ответа нет» two days after the claim is not true yet (issue 29): the seller's term must have run out.
  if (a.sellerReply !== "none" || Object.keys(errors).length || !check.ready("claimSentDate", "docDate")) return;
  const due = check.term("claimSentDate", () => claimAnswerTerm(a, check.calendar));
  if (due && compare(a.docDate, due.end) <= 0) {
    errors.claimSentDate = `Срок ответа на претензию ещё идёт: продавец может выполнить требования по ${termText(due)} включительно. Если претензию получили позже, чем вы её отправили, срок кончится ещё позже. ${a.doc === "lawsuit" ? "Иск" : "Жалобу «ответа нет»"} подайте после ${formatRu(due.end)}. Если продавец уже отказал, выберите «Отказал».`;
  }
}

/** What the lawsuit can demand: money back (replacement and repair suits are not written yet). */
function checkLawsuit(a, check, errors) {
  if (isQualityCase(a.case) && !["refund", "reduce"].includes(a.qDemand)) {
    errors.qDemand = "Иск с требованием заменить или починить товар конструктор пока не составляет. Если вам подходит возврат денег или уменьшение цены, выберите их.";
  }
  if (isQualityCase(a.case) && a.qDemand === "reduce") check.amount("reduceBy");
  check.amount("moral", { required: false });
  if (earnsInterest(a)) {
    check.text("keyRates", "", { required: false });
    const rates = parseKeyRates(a.keyRates);
    if (rates.error && !errors.keyRates) errors.keyRates = rates.error;
  }
  check.text("court", "", { required: false });
}

/** A subscription or a booking: why the money is owed, when it was taken, how much. */
function checkMoney(a, check, errors, price) {
  if (a.case === "subscription") {
    if (!SUB_REASONS[a.subReason]) errors.subReason = "Выберите, что случилось с подпиской.";
    check.date("chargeDate", "дату списания");
    check.notBefore("docDate", "chargeDate", "Дата документа раньше списания: проверьте даты.");
    if (a.subReason === "after_cancel") {
      check.date("subCancelDate", "дату, когда вы отключили подписку");
      check.notBefore("chargeDate", "subCancelDate", "Списание раньше отключения подписки: за оплаченный до отключения период деньги не вернут. Проверьте даты.");
    }
  } else {
    if (!TRAVEL_REASONS[a.travelReason]) errors.travelReason = "Выберите, почему должны вернуть деньги.";
    check.date("tripDate", "дату отмены поездки");
    check.notBefore("tripDate", "orderDate", "Поездку не могли отменить раньше, чем оформили заказ.");
    check.notBefore("docDate", "tripDate", "Дата документа раньше отмены поездки: проверьте даты.");
  }
  const owed = check.amount("refundAmount");
  if (owed !== null && price !== null && owed > price) errors.refundAmount = "Вернуть должны не больше, чем вы заплатили: проверьте сумму и цену.";
}

const CASE_CHECKS = {
  handed_not_received: checkNotDelivered,
  cancelled: checkNotDelivered,
  incomplete: checkQuality,
  counterfeit: checkQuality,
  digital_code: checkQuality,
  repair_delay: checkQuality,
  subscription: checkMoney,
  travel: checkMoney,
  bank_operation: checkBank,
  not_delivered: checkNotDelivered,
  defective: checkQuality,
  not_as_described: checkQuality,
  refund_missing: checkRefundMissing,
  refusal: checkRefusal,
};

/** The answer's own term (and the authority's) must end inside the calendar. */
function checkAnswerTerm(a, check, errors) {
  if (Object.keys(errors).length) return; // the terms need every other answer to be right first
  if (isBankCase(a.case)) {
    if (a.doc === "bank_statement") check.term("docDate", () => bankAnswerTerm(a, check.calendar));
    return;
  }
  check.term("docDate", () => answerTerm(a, check.calendar));
  if (a.doc === "complaint") check.term("docDate", () => authorityTerms(a, check.calendar));
}

/**
 * {field: message} for everything wrong in the answers; empty when the letter may be built.
 * `calendar` is makeCalendar(…) of the page's data: dates before it are refused, terms past it too.
 */
export function validate(answers, today, calendar) {
  const errors = {};
  const check = checkers(answers, today, calendar, errors);
  checkCommon(answers, check, errors);
  const price = errors.price ? null : checkAmount(answers.price).value ?? null;
  CASE_CHECKS[answers.case]?.(answers, check, errors, price);
  checkRefundTo(answers, check, errors);
  if (answers.doc === "complaint" || answers.doc === "lawsuit") checkComplaint(answers, check, errors);
  if (answers.doc === "lawsuit") checkLawsuit(answers, check, errors);
  check.text("attachmentsOther", "", { required: false });
  checkAnswerTerm(answers, check, errors);
  return errors;
}
