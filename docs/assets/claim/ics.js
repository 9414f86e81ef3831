// An iCalendar file (RFC 5545) of the letter's deadlines, made in the browser: the buyer's own
// calendar app reads it; nothing is sent anywhere. Pure; tested by node --test (tests/js/ics.test.mjs).

import { addDays } from "./dates.js";

const CRLF = "\r\n";

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). Every kind of line
 *  break (a bare CR too, which a calendar app reads as the start of a new property) becomes «\n»; other
 *  control characters, which TEXT may not hold, are dropped. */
export function escapeText(text) {
  return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, "\\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
}

/** Lines longer than 75 octets continue on the next line after a space; a UTF-8 character is never split. */
export function foldLine(line) {
  const encoder = new TextEncoder();
  const pieces = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = pieces.length ? 74 : 75; // continuation lines start with a space, which counts
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

const basicDate = (iso) => iso.replaceAll("-", "");

/** 2024-03-15T12:00:00Z → 20240315T120000Z */
export function utcStamp(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * events: [{date: ISO, summary, description}] → the text of a .ics file with one all-day event
 * per deadline. `now` stamps DTSTAMP; `uid(event, index)` names each event uniquely.
 * @param {{ date: string, summary: string, description?: string }[]} events
 * @param {{ now?: Date, uid?: (event: { date: string, id?: string }, index: number) => string }} [options]
 */
export function buildIcs(events, { now = new Date(), uid } = {}) {
  const stamp = utcStamp(now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Problema s Ozon//Konstruktor pretenzii//RU", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  events.forEach((event, index) => {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid ? uid(event, index) : `${basicDate(event.date)}-${index}-${stamp}@konstruktor-pretenzii`}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  });
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
