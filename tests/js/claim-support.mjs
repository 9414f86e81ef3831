// What the claim builder's tests share: the frozen legal rules and the fixture calendar they run on, the
// recipients as the claim-data block gives them, one buyer and her order, and how a test reads a letter.
// A test changes only what its case is about: claimAnswers({ orderDate: "2024-01-10", price: "3 000" }).
import { FIXTURE_LAW } from "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { FIXTURE_CALENDAR } from "./fixture-calendar.mjs";

/** A letter's text with its no-break spaces as plain ones, so a test's regex can use " ". */
export const plain = (text) => text.replace(/[\u00a0\u202f]/g, " ");

/** «п. 2 ст. 499 ГК РФ», with «, не подтверждено» where the frozen register says so. */
export const cited = (id) =>
  FIXTURE_LAW[id].status === "confirmed" ? FIXTURE_LAW[id].cite : `${FIXTURE_LAW[id].cite}, не подтверждено`;

/** The recipients, shaped like the JSON block the claim_data macro renders from data/contacts.yml. */
export const FIXTURE_RECIPIENTS = {
  ozon: { id: "ozon-address", recipient: "ООО «Пример»", display: "100000, г. Москва, ул. Примерная, д. 1", status: "unconfirmed", seen: "x", checked: "2024-01-01" },
  rospotrebnadzor: { id: "rpn", recipient: "Роспотребнадзор", display: "100001, г. Москва, пер. Примерный, д. 2", status: "unconfirmed", seen: "y", checked: "2024-01-01" },
};

/** The page's data: the recipients and the fixture calendar. */
export const FIXTURE_DATA = { ...FIXTURE_RECIPIENTS, calendar: FIXTURE_CALENDAR };

/** The buyer who writes every test letter. */
export const BUYER = { fullName: "Иванова Мария Петровна", address: "620000, г. Екатеринбург, ул. Ленина, д. 1", contact: "+7 900 000-00-00" };

/** A claim to Ozon about one order, with `overrides` (the case, its dates and amounts) on top. */
export function claimAnswers(overrides = {}) {
  return {
    doc: "claim", recipient: "ozon", ...BUYER, orderNumber: "123-456", product: "Чайник", price: "12 000",
    attachments: [], attachmentsOther: "", refundTo: "card", ...overrides,
  };
}
