"""Russia's non-working days for the claim builder's terms, generated at build time from `holidays`.

ст. 193 ГК РФ moves a term that ends on a non-working day to the next working day. Which days are
non-working changes every year (a government decree moves days off), so the list is never typed by
hand: the `holidays` package carries the public holidays of ст. 112 ТК РФ and each year's transfers,
and its `is_working_day` also knows the Saturdays a decree turns into working days.
"""

from __future__ import annotations

import datetime as dt

import holidays

# The oldest date a buyer may enter is 1 January this many years before the build year: ten years
# covers the longest service lives and warranties a claim about one order can still rest on.
YEARS_BACK = 10

# The last year whose transfers of days off a government decree we have confirmed (2026: the decree
# of 24.09.2025). Later years come from the `holidays` package's forecast (for 2027 it repeats an
# earlier year's pattern), so a term that ends there tells the buyer the decree is not confirmed.
# Raise it when the next decree is published and `holidays` carries it (`make lock`).
DECREE_CONFIRMED_THROUGH_YEAR = 2026


def non_working_days(first_year: int, last_year: int) -> list[dt.date]:
    """Weekends, public holidays and transferred days off, minus transferred working Saturdays."""
    calendar = holidays.country_holidays("RU", years=range(first_year, last_year + 1))
    day, end = dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)
    days: list[dt.date] = []
    while day <= end:
        if not calendar.is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def calendar_data(today: dt.date, years_back: int = YEARS_BACK) -> dict[str, object]:
    """The calendar as the page gets it: its first and last day and every non-working day between.

    It ends with next year: beyond that no decree has set the transfers yet, and the builder says
    it cannot count there rather than guess.
    """
    first_year, last_year = today.year - years_back, today.year + 1
    return {
        "first": dt.date(first_year, 1, 1).isoformat(),
        "last": dt.date(last_year, 12, 31).isoformat(),
        "nonWorking": [day.isoformat() for day in non_working_days(first_year, last_year)],
        "source": f"holidays {holidays.__version__}",
        "confirmedThrough": dt.date(DECREE_CONFIRMED_THROUGH_YEAR, 12, 31).isoformat(),
    }
