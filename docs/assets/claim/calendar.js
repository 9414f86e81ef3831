// Terms that follow the production calendar (ст. 191–193 ГК РФ). The calendar is data the build
// generates from the `holidays` package (macros/claim_calendar.py): its first and last day and
// every non-working day between. Pure functions, no DOM: tested by node --test with a fixture.

import { addDays, addMonths, compare, formatRu, isValidDate } from "./dates.js";
import { citeIfLoaded } from "./rules.js";

/** A date the calendar does not reach: the builder says so instead of guessing. */
export class CalendarRangeError extends RangeError {
  constructor(iso, calendar) {
    const outside = compare(iso, calendar.first) < 0 ? `раньше ${formatRu(calendar.first)}` : `позже ${formatRu(calendar.last)}`;
    super(`Календарь выходных и праздников в конструкторе охватывает даты с ${formatRu(calendar.first)} по ${formatRu(calendar.last)}. Срок кончается ${outside}: такой срок конструктор не считает. Посчитайте его по производственному календарю.`);
    this.iso = iso;
  }
}

/**
 * {first, last, nonWorking: [ISO…], confirmedThrough?} → a calendar that answers for the days it
 * covers and refuses the rest. `confirmedThrough`: the last day whose transfers a confirmed decree
 * sets; later days come from the `holidays` package's forecast, and a term ending there says so.
 */
export function makeCalendar({ first, last, nonWorking, confirmedThrough = null }) {
  if (!isValidDate(first) || !isValidDate(last) || compare(first, last) > 0) throw new TypeError("calendar: bad first/last");
  if (confirmedThrough !== null && !isValidDate(confirmedThrough)) throw new TypeError("calendar: bad confirmedThrough");
  const off = new Set(nonWorking);
  const calendar = {
    first,
    last,
    confirmedThrough,
    /** Whether a day's working status rests on a decree nobody has confirmed yet. */
    unconfirmed: (iso) => confirmedThrough !== null && compare(iso, confirmedThrough) > 0,
    covers: (iso) => compare(iso, first) >= 0 && compare(iso, last) <= 0,
    isWorkingDay(iso) {
      if (!calendar.covers(iso)) throw new CalendarRangeError(iso, calendar);
      return !off.has(iso);
    },
  };
  return calendar;
}

/**
 * The last day of a term whose calendar end is `nominal`: that day, or when it is a weekend or a
 * holiday, the next working day (ст. 193 ГК РФ). {nominal, end, moved}.
 */
export function termEnd(calendar, nominal) {
  let end = nominal;
  while (!calendar.isWorkingDay(end)) end = addDays(end, 1);
  // Every day looked at lies on or before `end`, so the term is as sure as the calendar at `end`.
  const term = { nominal, end, moved: end !== nominal };
  if (calendar.unconfirmed?.(end)) term.unconfirmed = true;
  return term;
}

/** A term of `days` days starting the day after `eventIso` (ст. 191), moved under ст. 193. */
export function dayTerm(calendar, eventIso, days) {
  if (!calendar.covers(eventIso)) throw new CalendarRangeError(eventIso, calendar);
  return termEnd(calendar, addDays(eventIso, days));
}

/** A term of `days` working days after `eventIso` (a bank's answer under ст. 16 Закона № 123-ФЗ). */
export function workingDayTerm(calendar, eventIso, days) {
  if (!calendar.covers(eventIso)) throw new CalendarRangeError(eventIso, calendar);
  let end = eventIso;
  for (let left = days; left > 0; ) {
    end = addDays(end, 1);
    if (calendar.isWorkingDay(end)) left -= 1;
  }
  const term = { nominal: end, end, moved: false };
  if (calendar.unconfirmed?.(end)) term.unconfirmed = true;
  return term;
}

/** A term of `months` months (ст. 192), moved under ст. 193. */
export function monthTerm(calendar, eventIso, months) {
  if (!calendar.covers(eventIso)) throw new CalendarRangeError(eventIso, calendar);
  return termEnd(calendar, addMonths(eventIso, months));
}

/** The buyer's warning when a term ends on days whose transfers no confirmed decree sets; "" otherwise. */
export function unconfirmedCalendarText(terms, calendar) {
  if (!terms.some((term) => term?.unconfirmed) || !calendar.confirmedThrough) return "";
  const year = Number(calendar.confirmedThrough.slice(0, 4)) + 1;
  return `Срок кончается в ${year} году. Переносы выходных на ${year} год конструктор взял из предварительного календаря: постановление Правительства о переносах на ${year} год не подтверждено. Перед отправкой сверьте срок с официальным производственным календарём.`;
}

/** «25.03.2024» or «25.03.2024 (23.03 — выходной, срок перенесён по ст. 193 ГК РФ)». */
export function termText(term) {
  if (!term.moved) return formatRu(term.end);
  const cited = citeIfLoaded("termOnDayOff"); // «Моё дело» shares this file without the builder's rules
  return `${formatRu(term.end)} (${formatRu(term.nominal)} — нерабочий день, поэтому срок переносится на следующий рабочий день${cited ? `, ${cited}` : ""})`;
}
