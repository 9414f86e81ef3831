// The .ics file of deadlines: parsed back by a small RFC 5545 reader written here. node --test tests/js/
import "./fixture-law.mjs"; // the frozen legal rules, before anything reads them
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildIcs, escapeText, foldLine } from "../../docs/assets/claim/ics.js";
import { buildLetters, deadlineEvents } from "../../docs/assets/claim/letter.js";
import { FIXTURE_CALENDAR } from "./fixture-calendar.mjs";

/** Unfold (CRLF + space), split into lines, and read each VEVENT's properties and parameters. */
function parseIcs(text) {
  assert.ok(text.endsWith("\r\n"), "ends with CRLF");
  assert.ok(!/[^\r]\n/.test(text), "every line break is CRLF");
  for (const raw of text.split("\r\n")) assert.ok(new TextEncoder().encode(raw).length <= 75, `line over 75 octets: ${raw}`);
  const lines = text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.equal(lines.at(-1), "END:VCALENDAR");
  const calendar = {};
  const events = [];
  let current = null;
  for (const line of lines.slice(1, -1)) {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [name, ...params] = line.slice(0, colon).split(";");
    const value = line.slice(colon + 1);
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") events.push(current), (current = null);
    else (current ?? calendar)[name] = { value, params };
  }
  assert.equal(current, null, "every VEVENT is closed");
  return { calendar, events };
}

const unescape = (value) => value.replace(/\\n/g, "\n").replace(/\\([;,\\])/g, "$1");

test("escaping and folding follow RFC 5545", () => {
  assert.equal(escapeText("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
  const long = `SUMMARY:${"Ж".repeat(60)}`; // 2 octets per letter
  const folded = foldLine(long);
  for (const piece of folded.split("\r\n")) assert.ok(new TextEncoder().encode(piece).length <= 75);
  assert.equal(folded.replace(/\r\n /g, ""), long, "unfolding gives the line back, no letter split");
});

test("an all-day event per deadline, with UID, DTSTAMP and escaped text", () => {
  const now = new Date(Date.UTC(2024, 2, 15, 9, 30, 5));
  const text = buildIcs([{ date: "2024-03-25", summary: "Ответ; продавца, срок", description: "Строка 1\nСтрока 2" }], { now });
  const { calendar, events } = parseIcs(text);
  assert.equal(calendar.VERSION.value, "2.0");
  assert.ok(calendar.PRODID.value);
  assert.equal(events.length, 1);
  const [event] = events;
  assert.deepEqual(event.DTSTART, { value: "20240325", params: ["VALUE=DATE"] });
  assert.deepEqual(event.DTEND, { value: "20240326", params: ["VALUE=DATE"] }, "DTEND is the next day (exclusive)");
  assert.equal(event.DTSTAMP.value, "20240315T093005Z");
  assert.match(event.UID.value, /\S+@\S+/);
  assert.equal(unescape(event.SUMMARY.value), "Ответ; продавца, срок");
  assert.equal(unescape(event.DESCRIPTION.value), "Строка 1\nСтрока 2");
});

test("the builder's events: the seller's last day, then Роспотребнадзор the day after", () => {
  const data = {
    ozon: { id: "ozon-address", recipient: "ООО «Пример»", display: "100000, г. Москва, ул. Примерная, д. 1", status: "unconfirmed", checked: "2024-01-01" },
    rospotrebnadzor: { id: "rpn", recipient: "Роспотребнадзор", display: "100001, г. Москва", status: "current", checked: "2024-01-01" },
    calendar: FIXTURE_CALENDAR,
  };
  const answers = {
    doc: "claim", recipient: "seller", sellerName: "ООО «Ромашка»", sellerIds: "7707083893", sellerAddress: "190000, г. Санкт-Петербург", alsoOzon: true,
    fullName: "Иванова Мария Петровна", address: "620000, г. Екатеринбург", contact: "+7 900 000-00-00", orderNumber: "1", orderDate: "2024-02-20",
    product: "Чайник", price: "12 000", case: "not_delivered", prepaid: "12000", promisedDate: "2024-03-01", ndDemand: "refund", docDate: "2024-03-15",
    attachments: [], attachmentsOther: "",
  };
  const letters = buildLetters(answers, data);
  assert.equal(letters.length, 2, "the seller's claim and Ozon's");
  // 15.03.2024 + 10 = 25.03.2024 (Mon) for both letters; Роспотребнадзор from 26.03.2024.
  const { events } = parseIcs(buildIcs(deadlineEvents(letters)));
  const days = events.map((event) => [event.DTSTART.value, unescape(event.SUMMARY.value)]);
  assert.deepEqual(days, [
    ["20240325", "Последний день ответа на претензию: ООО «Ромашка»"],
    ["20240326", "Нет ответа от ООО «Ромашка»? Жалоба в Роспотребнадзор"],
    ["20240325", "Последний день ответа на претензию: ООО «Пример»"],
    ["20240326", "Нет ответа от ООО «Пример»? Жалоба в Роспотребнадзор"],
  ]);
  assert.equal(new Set(events.map((event) => event.UID.value)).size, events.length, "UIDs are unique");
});

test("no value can start a line of its own: every line break and control character (issue 25, class 7)", () => {
  for (const br of ["\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029"]) {
    assert.equal(escapeText(`a${br}END:VEVENT${br}BEGIN:VEVENT`), "a\\nEND:VEVENT\\nBEGIN:VEVENT");
  }
  assert.equal(escapeText("a\u0000b\u0007c\u001bd\u007fe\tf"), "abcde\tf");
  const text = buildIcs([{ date: "2026-03-02", summary: "x\rATTACH:https://evil.example/", description: "y\rz" }]);
  assert.ok(!/\r(?!\n)/.test(text), "a bare CR in the file");
  assert.ok(!text.split("\r\n").some((line) => line.startsWith("ATTACH")), "an injected property");
});
