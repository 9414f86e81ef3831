// The claim builder opened from «Моё дело» (docs/moe-delo.md) with the case's answers filled in.
// The case page puts them in the address's fragment — «konstruktor-pretenzii/#prefill&case=…&product=…» —
// because a fragment never reaches the server: the buyer's order stays on the device. The fragment is
// untrusted (anyone can send such a link): only the fields of PREFILLABLE are read, each by its type —
// a choice only when the form offers that value, a date only when it is a real date, text bounded —
// and personal details (name, address, phone) are never taken from it. Pure; tested by node --test.

import { isValidDate, parseDateInput } from "./dates.js";
import { parseRubles } from "./money.js";

export const PREFILL_PREFIX = "#prefill&";
export const MAX_PREFILL_CHARS = 4000;

/** The one interface with «Моё дело»: the fields a link may fill in. */
export const PREFILLABLE = [
  "case", "doc", "prepaid", "promisedDate", "receivedDate", "refundBasis", "refundAmount", "ndDemand", "newDeadline",
  "qDemand", "orderNumber", "orderDate", "product", "price", "recipient", "sellerName", "claimSentDate", "sellerReply", "subReason",
];

// Line breaks, tabs and other controls, and the marks that reverse the direction of text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNWANTED = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function accepted(field, value, maxText) {
  if ([...value].length > maxText) return undefined;
  if (field.type === "radio") {
    const values = field.options === "recipients" ? ["ozon", "seller"] : (field.options || []).map(([option]) => option);
    return values.includes(value) ? value : undefined;
  }
  if (field.type === "date") {
    const iso = parseDateInput(value);
    return iso && isValidDate(iso) ? iso : undefined;
  }
  if (field.type === "amount") {
    const kopecks = parseRubles(value);
    return kopecks !== null && kopecks >= 0 ? value : undefined;
  }
  if (field.type === "text" || field.type === "textarea") return value.replace(UNWANTED, " ").trim() || undefined;
  return undefined;
}

/** location.hash → {field name: value} for the form, or null when the address carries no pre-fill. */
export function readPrefill(hash, fields, maxText) {
  if (typeof hash !== "string" || !hash.startsWith(PREFILL_PREFIX) || hash.length > MAX_PREFILL_CHARS) return null;
  const byName = new Map(fields.filter((f) => PREFILLABLE.includes(f.name)).map((f) => [f.name, f]));
  const params = new URLSearchParams(hash.slice(PREFILL_PREFIX.length));
  const answers = {};
  for (const [name, raw] of params) {
    const field = byName.get(name);
    if (!field || params.getAll(name).length > 1) continue; // a field named twice is ambiguous: neither is taken
    const value = accepted(field, raw, maxText);
    if (value !== undefined) answers[name] = value;
  }
  return answers;
}
