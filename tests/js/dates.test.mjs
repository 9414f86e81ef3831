// Date arithmetic of the claim builder: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { dayNumber, isValidDate, addDays, addMonths, daysBetween, deadline, formatRu, todayIso, isLeapYear, daysInMonth, parseDateInput } from "../../docs/assets/claim/dates.js";

test("real dates parse, impossible ones do not", () => {
  assert.equal(dayNumber("1970-01-01"), 0);
  assert.ok(isValidDate("2024-02-29"));
  assert.ok(!isValidDate("2023-02-29"), "2023 is not a leap year");
  assert.ok(!isValidDate("1900-02-29"), "1900 is not a leap year (century rule)");
  assert.ok(isValidDate("2000-02-29"), "2000 is a leap year (400 rule)");
  assert.ok(!isValidDate("2024-04-31"));
  assert.ok(!isValidDate("2024-13-01"));
  assert.ok(!isValidDate("29.02.2024"));
  assert.ok(!isValidDate(""));
  assert.ok(!isValidDate(undefined));
});

test("leap years", () => {
  assert.deepEqual([1900, 2000, 2023, 2024, 2100].map(isLeapYear), [false, true, false, true, false]);
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2025, 2), 28);
});

test("same day is zero days apart", () => {
  assert.equal(daysBetween("2024-03-15", "2024-03-15"), 0);
  assert.equal(addDays("2024-03-15", 0), "2024-03-15");
});

test("days cross month ends, year ends and 29 February", () => {
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addDays("2024-02-29", 1), "2024-03-01");
  assert.equal(addDays("2023-02-28", 1), "2023-03-01");
  assert.equal(addDays("2024-01-31", 1), "2024-02-01");
  assert.equal(addDays("2024-12-31", 1), "2025-01-01");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.equal(daysBetween("2024-02-01", "2024-03-01"), 29);
  assert.equal(daysBetween("2023-02-01", "2023-03-01"), 28);
  assert.equal(daysBetween("2024-01-01", "2025-01-01"), 366);
  assert.equal(daysBetween("2024-03-10", "2024-03-01"), -9);
});

test("daylight-saving changes do not shift a day (arithmetic is in UTC day numbers)", () => {
  // Europe's clocks change on the last Sundays of March and October; Russia's did until 2014.
  assert.equal(daysBetween("2024-03-30", "2024-04-01"), 2);
  assert.equal(daysBetween("2010-10-30", "2010-11-01"), 2);
});

test("10-day deadline starts the day after the claim is received (ст. 191 ГК РФ)", () => {
  assert.equal(deadline("2024-03-01", 10), "2024-03-11");
  assert.equal(deadline("2024-02-25", 10), "2024-03-06", "leap February has 29 days");
  assert.equal(deadline("2023-02-25", 10), "2023-03-07");
  assert.equal(deadline("2024-12-28", 10), "2025-01-07");
});

test("months end on the same date, or the last day of a shorter month (ст. 192 ГК РФ)", () => {
  assert.equal(addMonths("2024-01-15", 3), "2024-04-15");
  assert.equal(addMonths("2023-11-30", 3), "2024-02-29");
  assert.equal(addMonths("2024-11-30", 3), "2025-02-28");
  assert.equal(addMonths("2024-02-29", 12), "2025-02-28");
  assert.equal(addMonths("2024-02-29", 48), "2028-02-29");
  assert.equal(addMonths("2024-10-31", 3), "2025-01-31");
  assert.equal(addMonths("2024-12-31", 2), "2025-02-28");
  assert.equal(addMonths("2024-03-31", -1), "2024-02-29");
});

test("dates print the Russian way", () => {
  assert.equal(formatRu("2024-02-29"), "29.02.2024");
  assert.throws(() => formatRu("2024-02-30"), RangeError);
});

test("today is the local calendar date, not the UTC one", () => {
  assert.equal(todayIso(new Date(2024, 1, 29, 23, 59)), "2024-02-29");
  assert.equal(todayIso(new Date(2025, 0, 1, 0, 1)), "2025-01-01");
});

test("dates as typed on a phone keypad, day first (issue 26)", () => {
  const typed = {
    "14.11.2026": "2026-11-14", "14,11,2026": "2026-11-14", "14 11 2026": "2026-11-14", "14112026": "2026-11-14",
    "14.11.26": "2026-11-14", "141126": "2026-11-14", "14/11/2026": "2026-11-14", "14-11-2026": "2026-11-14",
    " 5.3.2024 ": "2024-03-05", "5,3,24": "2024-03-05", "05 . 03 . 2024": "2024-03-05", "14.11.2026.": "2026-11-14",
    "2024-03-05": "2024-03-05", "2024-3-5": "2024-03-05",
  };
  for (const [text, iso] of Object.entries(typed)) assert.equal(parseDateInput(text), iso, text);
  // Shaped like a date but impossible: the shape passes, the calendar check refuses it.
  assert.equal(parseDateInput("31,02,2026"), "2026-02-31");
  assert.ok(!isValidDate(parseDateInput("31,02,2026")));
  for (const text of ["", "14.11", "1411", "14112", "1411202", "14.11.202", "завтра", "14..11..2026", "1".repeat(41), "14.11.2026 12:00"]) {
    assert.equal(parseDateInput(text), null, text);
  }
});
