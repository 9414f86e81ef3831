// What the form asks, in order: what happened first, personal details last (on a phone the buyer
// sees at once whether the builder fits the case). form.js draws these; validate.js checks them.
// `when(answers, needs)` hides a field that does not apply (needs = caseNeeds(answers)). Labels and
// hints name terms and articles of the legal rule register, so the sections are built on first use,
// after form.js has handed the page's rules to rules.js (useLaw).

import { ATTACHMENTS } from "./letter.js";
import { CASES, CANCEL_KINDS, DEMANDS, TERMS, DELIVERY_DEMANDS, DOCUMENTS, REFUND_BASES, REFUND_TO, SELLER_REPLIES, SUB_REASONS, TRAVEL_REASONS, BANK_REPLIES, PENALTIES, cite, demandsFor, documentFits, figure } from "./rules.js";
import { daysText, monthsText } from "./money.js";

/** [value, label] pairs from one of the rules' tables. */
const choices = (table) => Object.entries(table).map(([value, { label }]) => [value, label]);

/** «Заменить товар (7 дней, ст. 21 ЗоЗПП)»; shown only when the chosen case allows the demand. */
const qualityDemandOptions = () => Object.entries(DEMANDS).map(([value, demand]) => [
  value,
  `${demand.label} (${demand.limit ? `${demand.limit} ` : ""}${daysText(demand.days)}, ${demand.article})`,
  (a) => demandsFor(a.case).includes(value),
]);

let built = null;

/** The form's sections, built once the register's rules are in (rules.js useLaw). */
export function sections() {
  built ??= buildSections();
  return built;
}

/** Every field of every section, in the form's order. */
export function fields() {
  return sections().flatMap((section) => section.fields);
}

function buildSections() {
  return [
  {
    id: "case",
    title: "Что случилось",
    fields: [
      {
        name: "case", type: "radio", label: "Ситуация",
        options: choices(CASES),
      },
      { name: "prepaid", type: "amount", label: "Сколько заплатили заранее, ₽", hint: "Если оплатили весь заказ — цена товара.", when: (a, n) => n.prepaid },
      { name: "promisedDate", type: "date", label: "Обещанная дата доставки", hint: "Последний день срока, который показывал Ozon при заказе.", when: (a, n) => n.promisedDate, future: true },
      { name: "handedDate", type: "date", label: "Когда заказ отметили «вручён» или «выдан»", when: (a, n) => n.handedDate,
        hint: "Дата из статуса заказа в приложении. Сделайте скриншот этого статуса." },
      { name: "cancelKind", type: "radio", label: "Что сделал продавец", when: (a, n) => n.cancelKind, options: choices(CANCEL_KINDS) },
      { name: "cancelDate", type: "date", label: "Когда продавец отменил заказ или сообщил о новой цене", when: (a, n) => n.cancelDate },
      { name: "subReason", type: "radio", label: "Что случилось с подпиской", when: (a, n) => n.subReason, options: choices(SUB_REASONS) },
      { name: "chargeDate", type: "date", label: "Когда списали деньги", hint: "Дата операции в выписке банка.", when: (a, n) => n.chargeDate },
      { name: "subCancelDate", type: "date", label: "Когда вы отключили подписку", hint: "Сохраните скриншот, где видно, что подписка отключена.", when: (a, n) => n.subCancelDate },
      { name: "travelReason", type: "radio", label: "Почему должны вернуть деньги", when: (a, n) => n.travelReason, options: choices(TRAVEL_REASONS) },
      { name: "tripDate", type: "date", label: "Когда поездку отменили или вы от неё отказались", when: (a, n) => n.tripDate },
      { name: "receivedDate", type: "date", label: "Дата получения товара", when: (a, n) => n.receivedDate },
      { name: "defect", type: "textarea", label: "Что не так с товаром", when: (a, n) => n.defect },
      { name: "refundBasis", type: "radio", label: "Почему вам должны вернуть деньги", when: (a, n) => n.refundBasis,
        options: choices(REFUND_BASES) },
      { name: "repairDate", type: "date", label: "Когда продавец принял товар в ремонт", when: (a, n) => n.repairDate,
        hint: `Дата из квитанции или акта приёма. Ремонт — не дольше ${daysText(DEMANDS.repair.days)} (${DEMANDS.repair.article}).` },
      { name: "substitute", type: "checkbox", optional: true, when: (a, n) => n.substitute,
        label: `Пока товар у продавца, прошу подменный товар (продавец даёт его за ${daysText(figure("substitute", "substitute"))})`,
        hint: `Право есть для товаров длительного пользования, кроме тех, что Правительство внесло в особый перечень (${cite("substitute")}).` },
      { name: "refundDemandDate", type: "date", label: "Когда продавец получил ваше требование вернуть деньги", hint: `Дата заявки на возврат или вручения письма. ${daysText(TERMS.qualityRefund.days)} на возврат идут со дня, когда продавец получил требование, а не когда вы его отправили.`, when: (a, n) => n.refundDemandDate },
      { name: "refundAmount", type: "amount", label: "Сколько должны вернуть, ₽", when: (a, n) => n.refundAmount },
      { name: "noReturnInfo", type: "checkbox", label: `При доставке мне не дали письменных условий возврата (тогда срок отказа — ${monthsText(TERMS.refusalNoInfo.months)}, а не ${daysText(TERMS.refusal.days)})`, when: (a, n) => n.noReturnInfo, optional: true },
      { name: "keptIntact", type: "checkbox", label: "Я не пользовался товаром: сохранены его товарный вид и потребительские свойства", when: (a, n) => n.keptIntact,
        hint: `Упаковка не обязательна. Чек тоже: покупку подтвердит, например, скриншот заказа (${cite("distanceRefusal")}).` },
    ],
  },
  {
    id: "bank",
    title: "Операция по карте",
    when: (a, n) => n.bank,
    fields: [
      { name: "operationDate", type: "date", label: "Дата операции", when: (a, n) => n.bank },
      { name: "noticeDate", type: "date", label: "Когда банк уведомил вас об операции", when: (a, n) => n.bank,
        hint: `Дата СМС или уведомления в приложении. Сообщить банку нужно не позже следующего дня (${cite("bankReport")}).` },
      { name: "operationAmount", type: "amount", label: "Сумма операции, ₽", when: (a, n) => n.bank },
      { name: "cardDigits", type: "text", label: "Последние 4 цифры карты (если хотите)", optional: true, inputmode: "numeric", when: (a, n) => n.bank,
        hint: "Только 4 последние цифры. Полный номер карты, код с оборота и коды из СМС не пишите никому." },
      { name: "operationDetails", type: "textarea", label: "Как операция записана в выписке (получатель, назначение)", optional: true, when: (a, n) => n.bank },
      { name: "crossBorder", type: "checkbox", optional: true, when: (a, n) => n.bank,
        label: `Деньги ушли за границу (тогда банк отвечает за ${daysText(figure("bankAnswer", "cross-border"))}, а не за ${daysText(figure("bankAnswer", "answer"))})` },
      { name: "bankClaimDate", type: "date", label: "Когда банк получил ваше заявление об этой операции", when: (a, n) => n.bankAnswered,
        hint: "Дата отправки в чат банка или отметки о приёме в офисе." },
      { name: "bankReply", type: "radio", label: "Что ответил банк", when: (a, n) => n.bankAnswered, options: choices(BANK_REPLIES) },
    ],
  },
  {
    id: "demand",
    title: "Чего вы требуете",
    when: (a, n) => n.ndDemand || n.qDemand,
    fields: [
      { name: "ndDemand", type: "radio", label: "Требование", when: (a, n) => n.ndDemand,
        options: choices(DELIVERY_DEMANDS) },
      { name: "newDeadline", type: "date", label: "Новый срок доставки", when: (a, n) => n.newDeadline, future: true },
      { name: "qDemand", type: "radio", label: "Требование (выберите одно)", when: (a, n) => n.qDemand,
        hint: `Технически сложный товар (смартфон, ноутбук, крупная техника) после ${TERMS.complexGoods.days} дней со дня, когда его вам передали, можно вернуть или заменить только при существенном недостатке или затянутом ремонте (${TERMS.complexGoods.article}).`,
        options: qualityDemandOptions() },
      { name: "reduceBy", type: "amount", label: "На сколько уменьшить цену, ₽ (если знаете)", optional: true, when: (a, n) => n.reduceBy },
      { name: "firstDemandDate", type: "date", label: "Вы уже предъявляли это требование? Дата (если да)", optional: true,
        hint: `Дата, когда продавец получил требование. Тогда письмо посчитает неустойку ${PENALTIES.quality.rate} в день за просрочку, ${PENALTIES.quality.cap} (${PENALTIES.quality.article}).`, when: (a, n) => n.firstDemandDate },
      { name: "qualityCheck", type: "checkbox", optional: true, when: (a, n) => n.qualityCheck,
        label: `Продавец забирал товар на проверку качества (тогда срок замены — ${daysText(DEMANDS.replace.checkDays)}, а не ${daysText(DEMANDS.replace.days)})`,
        hint: `${DEMANDS.replace.article}: если для замены нужна дополнительная проверка качества, у продавца ${daysText(DEMANDS.replace.checkDays)}.` },
    ],
  },
  {
    id: "money",
    title: "Куда вернуть деньги",
    when: (a, n) => n.refundTo,
    fields: [
      { name: "refundTo", type: "radio", label: "Способ возврата", when: (a, n) => n.refundTo, options: choices(REFUND_TO),
        hint: "Письмо скажет это прямо, чтобы продавец не тянул время вопросами." },
      { name: "refundAccount", type: "textarea", label: "Реквизиты счёта: банк, БИК, номер счёта, получатель", when: (a, n) => n.refundAccount },
    ],
  },
  {
    id: "order",
    title: "Заказ",
    when: (a, n) => !n.bank,
    fields: [
      { name: "orderNumber", type: "text", label: "Номер заказа", hint: "Ozon → Профиль → Заказы." },
      { name: "orderDate", type: "date", label: "Дата заказа" },
      { name: "product", type: "text", label: "Товар", hint: "Название, как в заказе." },
      { name: "price", type: "amount", label: "Цена товара, ₽" },
    ],
  },
  {
    id: "doc",
    title: "Что составить",
    fields: [
      {
        name: "doc", type: "radio", label: "Документ",
        // A card operation has the bank's documents; a purchase has the seller's (rules.js documentFits).
        options: Object.entries(DOCUMENTS).map(([value, { label }]) => [value, label, (a) => documentFits(value, a.case)]),
      },
    ],
  },
  {
    id: "to",
    title: "Кому претензия",
    when: (a, n) => !n.bank,
    fields: [
      { name: "recipient", type: "radio", label: "Получатель", options: "recipients",
        hint: "Если товар продаёт не сам Ozon, а другой продавец, требования о браке и возврате предъявляйте ему: название и адрес — на странице продавца на Ozon." },
      { name: "sellerName", type: "text", label: "Продавец", hint: "Как в карточке продавца на Ozon: ООО «…» или ИП …", when: (a, n) => n.seller },
      { name: "sellerIds", type: "text", label: "ИНН или ОГРН продавца (если знаете)", optional: true, when: (a, n) => n.seller, inputmode: "numeric",
        hint: "Только цифры: в ИНН 10 или 12, в ОГРН 13, в ОГРНИП 15. Можно оба через запятую." },
      { name: "sellerAddress", type: "textarea", label: "Адрес продавца", hint: "Юридический адрес — в карточке продавца и в ЕГРЮЛ (egrul.nalog.ru) или ЕГРИП.", when: (a, n) => n.seller },
      { name: "alsoOzon", type: "checkbox", optional: true, when: (a, n) => n.alsoOzon,
        label: "Написать и Ozon: второе письмо из тех же ответов",
        hint: `Так советуют наши статьи, когда заказ не доставили или не вернули деньги: если товар не передан в срок и вы отказались от него, Ozon как владелец площадки сам возвращает предоплату за ${daysText(TERMS.marketplaceRefund.days)} (${TERMS.marketplaceRefund.article}). Остальное письмо Ozon просит по правилам площадки.` },
    ],
  },
  {
    id: "complaint",
    title: "Претензия, которую вы уже отправили",
    when: (a, n) => n.claimAnswered,
    fields: [
      { name: "claimSentDate", type: "date", label: "Когда продавец получил претензию",
        hint: "Дата на отметке о получении, в уведомлении о вручении или в отслеживании письма. Если не знаете, укажите дату отправки: срок ответа тогда посчитан с самого раннего дня." },
      { name: "sellerReply", type: "radio", label: "Что ответил продавец",
        options: choices(SELLER_REPLIES) },
      { name: "rpnOffice", type: "text", label: "Управление Роспотребнадзора вашего региона (если знаете)", optional: true, when: (a, n) => n.complaint,
        hint: "Например: «г. Москве», «Свердловской области». Если оставить пустым, жалоба будет адресована центральному аппарату." },
      { name: "rpnAddress", type: "textarea", label: "Адрес управления", when: (a, n) => n.rpnAddress },
    ],
  },
  {
    id: "lawsuit",
    title: "Суд",
    when: (a, n) => n.lawsuit,
    fields: [
      { name: "court", type: "text", label: "Суд (если уже знаете)", optional: true,
        hint: "Например: «Мировому судье судебного участка № 5 Ленинского судебного района г. Екатеринбурга». Свой участок или районный суд по адресу найдёте на сайте ГАС «Правосудие». Если оставить пустым, в иске будет пустая строка для суда." },
      { name: "keyRates", type: "textarea", label: "Ключевая ставка Банка России за время просрочки (если хотите, чтобы иск посчитал проценты)", optional: true,
        when: (a, n) => n.keyRates,
        hint: `Проценты за то, что деньги держат после срока, считают по ключевой ставке (${cite("interest")}). Её историю публикует Банк России на cbr.ru. Каждая ставка — на отдельной строке: дата, с которой она действовала, и ставка, например «28.10.2024 21». Первая строка — ставка на первый день просрочки. Если оставить пустым, иск попросит суд посчитать проценты.` },
      { name: "moral", type: "amount", label: "Компенсация морального вреда, ₽ (если просите)", optional: true,
        hint: "Сумму назовите сами; сколько взыскать, решает суд." },
    ],
  },
  {
    id: "from",
    title: "От кого",
    fields: [
      { name: "fullName", type: "text", label: "Фамилия, имя, отчество", autocomplete: "name" },
      { name: "address", type: "textarea", label: "Почтовый адрес с индексом", hint: "На него придёт ответ.", autocomplete: "street-address" },
      { name: "contact", type: "text", label: "Телефон или e-mail" },
    ],
  },
  {
    id: "attachments",
    title: "Приложения",
    fields: [
      { name: "attachments", type: "checkboxes", label: "Что приложите (копии)", optional: true, options: Object.entries(ATTACHMENTS), when: (a, n) => !n.bank },
      { name: "attachmentsOther", type: "textarea", label: "Другие приложения, по одному в строке", optional: true },
    ],
  },
  {
    id: "date",
    title: "Дата",
    fields: [{ name: "docDate", type: "date", label: "Дата документа", hint: "От неё считаются просрочка, неустойка и срок ответа." }],
  },
  ];
}
