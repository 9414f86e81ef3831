// A small production calendar for the tests, built here and not read from the site's data: the
// tests must not change when the `holidays` package or the build year does. Its days off follow
// the 2024 decree (and New Year 2023/2024), so the hand-computed answers below can be checked on
// any printed 2024 calendar: 1–8 January off; 23 February, 8 March; 29–30 April and 1 May off
// (27 April, a Saturday, is a working day); 9–10 May; 12 June; 4 November; 30–31 December off
// (28 December, a Saturday, is a working day). It ends on 31.12.2024.
import { addDays, compare } from "../../docs/assets/claim/dates.js";
import { makeCalendar } from "../../docs/assets/claim/calendar.js";

export const FIXTURE_FIRST = "2023-01-01";
export const FIXTURE_LAST = "2024-12-31";
const HOLIDAYS = [
  "2023-01-02", "2023-01-03", "2023-01-04", "2023-01-05", "2023-01-06", "2023-02-23", "2023-02-24", "2023-03-08",
  "2023-05-01", "2023-05-08", "2023-05-09", "2023-06-12", "2023-11-06",
  "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-02-23", "2024-03-08",
  "2024-04-29", "2024-04-30", "2024-05-01", "2024-05-09", "2024-05-10", "2024-06-12", "2024-11-04",
  "2024-12-30", "2024-12-31",
];
const WORKING_SATURDAYS = ["2024-04-27", "2024-11-02", "2024-12-28"];

/** The calendar's raw data, shaped like the JSON block macros/claim_calendar.py renders. */
export function fixtureCalendarData({ first = FIXTURE_FIRST, last = FIXTURE_LAST, extraDaysOff = [], confirmedThrough = undefined } = {}) {
  const nonWorking = [];
  for (let day = first; compare(day, last) <= 0; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday, 6 Saturday
    const weekend = (weekday === 0 || weekday === 6) && !WORKING_SATURDAYS.includes(day);
    if (weekend || HOLIDAYS.includes(day) || extraDaysOff.includes(day)) nonWorking.push(day);
  }
  return { first, last, nonWorking, source: "test fixture", ...(confirmedThrough ? { confirmedThrough } : {}) };
}

export const FIXTURE_CALENDAR = makeCalendar(fixtureCalendarData());
