"""The claim builder's production calendar: generated from `holidays`, never typed by hand (ст. 193 ГК РФ)."""

from __future__ import annotations

import datetime as dt

import holidays

from macros.claim_calendar import YEARS_BACK, calendar_data, non_working_days


def test_new_year_holidays_are_off_every_year() -> None:
    days = set(non_working_days(2016, 2027))
    for year in range(2016, 2028):
        for day in range(1, 9):
            assert dt.date(year, 1, day) in days, f"{day}.01.{year} should be a day off (ст. 112 ТК РФ)"


def test_2026_transfers() -> None:
    days = set(non_working_days(2026, 2026))
    assert dt.date(2026, 1, 9) in days, "9 January 2026: day off moved from Saturday 3 January"
    assert dt.date(2026, 12, 31) in days, "31 December 2026: day off moved from Sunday 4 January"
    assert dt.date(2026, 12, 30) not in days, "30 December 2026 is an ordinary Wednesday"


def test_weekends_are_off_and_transferred_working_saturdays_are_not() -> None:
    years = range(2016, 2028)
    days = set(non_working_days(years[0], years[-1]))
    working_saturdays = set(holidays.country_holidays("RU", years=years).weekend_workdays)
    assert working_saturdays, "the package reports no transferred working days: check how it names them"
    assert dt.date(2024, 4, 27) in working_saturdays  # the 2024 decree: Saturday 27 April worked for Monday 29 April
    for saturday in working_saturdays:
        assert saturday not in days, f"{saturday} is a working day by decree"
    day = dt.date(years[0], 1, 1)
    while day.year <= years[-1]:
        if day.weekday() >= 5 and day not in working_saturdays:
            assert day in days, f"{day} is a weekend"
        day += dt.timedelta(days=1)
    assert dt.date(2024, 4, 29) in days and dt.date(2024, 4, 30) in days


def test_calendar_reaches_from_the_oldest_date_to_the_end_of_next_year() -> None:
    data = calendar_data(dt.date(2026, 12, 1))
    assert data["first"] == f"{2026 - YEARS_BACK}-01-01"
    assert data["last"] == "2027-12-31"
    listed = data["nonWorking"]
    assert isinstance(listed, list)
    assert listed == sorted(listed) and listed[0] >= data["first"] and listed[-1] <= data["last"]
    assert "2027-01-08" in listed and str(data["source"]).startswith("holidays ")
