// Calendar dates as ISO strings ("2024-02-29"). All arithmetic runs on UTC day numbers, so
// time zones and daylight saving never shift a day. Pure functions, no DOM: tested by node --test.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86400000;

/** Day number (days since 1970-01-01) of an ISO date, or null when the string is not a real date. */
export function dayNumber(iso) {
  const match = ISO.exec(String(iso ?? "").trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-29 over to 1 March; a rolled-over date is not the date the user meant.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

export function isValidDate(iso) {
  return dayNumber(iso) !== null;
}

export function fromDayNumber(days) {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function must(iso) {
  const days = dayNumber(iso);
  if (days === null) throw new RangeError(`not a date: ${iso}`);
  return days;
}

export function isLeapYear(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year, month) {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function addDays(iso, days) {
  return fromDayNumber(must(iso) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from, to) {
  return must(to) - must(from);
}

/**
 * A term counted in months ends on the same day of the last month; when that month is shorter,
 * on its last day (ст. 192 ГК РФ): 30.11.2023 + 3 months = 29.02.2024.
 */
export function addMonths(iso, months) {
  must(iso);
  const [year, month, day] = iso.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, "0")}-${String(newMonth).padStart(2, "0")}-${String(newDay).padStart(2, "0")}`;
}

/**
 * Last day of a term of `days` days that starts the day after the event (ст. 191 ГК РФ): a claim
 * received on 1 March with a 10-day term must be met by 11 March inclusive.
 */
export function deadline(eventIso, days) {
  return addDays(eventIso, days);
}

/**
 * What a buyer types into a date field → ISO, or null when it is not shaped like a date. Day first,
 * as in Russia, with whatever a phone keypad offers between the parts (issue 26): «05.03.2024»,
 * «5.3.2024», «05/03/2024», «14,11,2026», «14 11 2026», «14-11-2026»; no separator at all: «14112026»
 * (or «141126»); a two-digit year is this century's: «14.11.26» → 2026. Also ISO «2024-03-05».
 * The shape only: «30.02.2024» becomes "2024-02-30", which dayNumber() then refuses.
 */
export function parseDateInput(text) {
  const value = String(text ?? "").trim();
  if (value.length > 40) return null; // nobody types a date this long; keeps the patterns cheap
  const pad = (n) => String(n).padStart(2, "0");
  const year = (y) => (y.length === 2 ? `20${y}` : y);
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return `${match[1]}-${pad(match[2])}-${pad(match[3])}`;
  match = /^(\d{1,2})\s*[./,\\\-\s]\s*(\d{1,2})\s*[./,\\\-\s]\s*(\d{4}|\d{2})\.?$/.exec(value);
  if (match) return `${year(match[3])}-${pad(match[2])}-${pad(match[1])}`;
  match = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(value);
  if (match) return `${year(match[3])}-${match[2]}-${match[1]}`;
  return null;
}

/** "2024-02-29" → "29.02.2024", the form Russian letters use. */
export function formatRu(iso) {
  must(iso);
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/** Today in the browser's own time zone, as ISO: what the buyer sees on the calendar. */
export function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function compare(a, b) {
  return must(a) - must(b);
}
