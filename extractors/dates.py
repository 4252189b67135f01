"""Resolving date expressions against the article's publication date.

Returns a date and its precision (``day``, ``month``, ``year``) or None. News
writes relative dates ("on Tuesday", "last September", "next month"); which
way a bare weekday or month points depends on whether the event is past or
planned, so the caller says which.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

PATTERNS = [
    ("day", re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?$")),
    ("day", re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?$")),
    ("day", re.compile(r"^(?P<iso>\d{4}-\d{2}-\d{2})$")),
    ("month", re.compile(rf"^(?:(?P<rel>last|next|this|early|late|mid|mid-)\s*)?{_MONTH}(?:,?\s+{_YEAR})?$")),
    ("year", re.compile(rf"^(?:(?:early|late|mid|mid-)\s*)?{_YEAR}$")),
    (
        "weekday",
        re.compile(rf"^(?:(?P<rel>last|next|this|on|)\s*){_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?$"),
    ),
]
# A span of days ("Sept. 2-13", "3 to 5 March", "March 30-April 2") is dated by its first day: the
# day the event begins, which is what says whether it has happened yet.
_DAY_RANGE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|through|till|until)\s*(?:{_MONTH.replace('?P<month>', '?:')}\s+)?"
    r"\d{1,2}(?:st|nd|rd|th)?\b"
)
_NAMES_MONTH = re.compile(rf"\b{_MONTH.replace('?P<month>', '?:')}")
_NAMES_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def names_a_year(expression: str) -> bool:
    """Whether a date expression names its year ("October 2016"), not only a relative one ("last year")."""
    return bool(_NAMES_YEAR.search(expression))


RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "last night": -1,
}


# Expressions that place an event after the day the article appeared without naming a date the
# contract's precisions can hold ("next week", "later this year", "in the coming days").
_AHEAD = re.compile(
    r"^(?:(?:early|late|later|mid|mid-) )?next (?:week|weekend)$"
    r"|^later (?:this|in the) (?:week|month|year)$"
    r"|^(?:in |over |within )?the (?:coming|next|following) (?:few )?(?:days|weeks|months)$"
    r"|^(?:in|within) (?:a|two|three|a few|several|\d+) (?:days|weeks|months)(?: time)?$"
)


# A possessive date dates its noun as the date itself would: "next month's summit", "Tuesday's talks".
_POSSESSIVE = re.compile(r"(?<=\w)'s?$")


def points_ahead(expression: str) -> bool:
    """Whether a date expression says the event is still to come (whether or not it resolves)."""
    s = re.sub(r"\s+", " ", expression.strip().lower().replace("\u2019", "'"))
    s = re.sub(r"^(on|by|until|during) ", "", s)
    s = _POSSESSIVE.sub("", s)
    return bool(_AHEAD.match(s))


def resolve(expression: str, published: dt.datetime | None, *, future: bool = False) -> tuple[dt.date, str] | None:
    s = re.sub(r"\s+", " ", expression.strip().lower().replace("\u2019", "'"))
    s = re.sub(r"^(on|in|since|from|by|until|during|the|of)\s+", "", s)
    s = re.sub(r"^(the )?(early|late) ", r"\2 ", s)
    s = _POSSESSIVE.sub("", s)
    if _NAMES_MONTH.search(s):
        s = _DAY_RANGE.sub(r"\1", s)
    base = published.date() if published else None
    if s in RELATIVE_DAYS:
        return (base + dt.timedelta(days=RELATIVE_DAYS[s]), "day") if base else None
    if base and s in ("last year", "next year", "this year"):
        delta = {"last year": -1, "next year": 1, "this year": 0}[s]
        return dt.date(base.year + delta, 1, 1), "year"
    if base and s in ("last month", "next month", "this month"):
        m = base.month + {"last month": -1, "next month": 1, "this month": 0}[s]
        y = base.year + (m - 1) // 12
        return dt.date(y, (m - 1) % 12 + 1, 1), "month"
    for precision, pat in PATTERNS:
        found = pat.match(s)
        if not found:
            continue
        g = found.groupdict()
        if g.get("iso"):
            try:
                return dt.date.fromisoformat(g["iso"]), "day"
            except ValueError:
                return None
        if precision == "weekday":
            if base is None:
                return None
            wd = WEEKDAYS[g["weekday"]]
            rel = (g.get("rel") or "").strip()
            if rel == "next" or (future and rel != "last"):
                delta = (wd - base.weekday()) % 7
                if rel == "next" and delta == 0:
                    delta = 7
            else:
                delta = -((base.weekday() - wd) % 7)
                if rel == "last" and delta == 0:
                    delta = -7
            return base + dt.timedelta(days=delta), "day"
        month = MONTHS[g["month"]] if g.get("month") else None
        year = int(g["year"]) if g.get("year") else None
        if precision == "year":
            assert year is not None  # the year pattern requires it
            return dt.date(year, 1, 1), "year"
        assert month is not None  # every other pattern names a month
        if year is None:
            if base is None:
                return None
            rel = (g.get("rel") or "").strip()
            year = _year_for_month(base, month, future=future, rel=rel)
        if precision == "month":
            return dt.date(year, month, 1), "month"
        day = int(g["day"])
        try:
            return dt.date(year, month, day), "day"
        except ValueError:
            return None
    return None


def _year_for_month(base: dt.date, month: int, *, future: bool, rel: str) -> int:
    """The year of a month named without one: the nearest such month, looking forward for
    planned events and "next", backward for past events and "last"."""
    if rel == "last":
        return base.year if month < base.month else base.year - 1
    if rel == "next":
        return base.year if month > base.month else base.year + 1
    if rel == "this":
        return base.year
    if future:
        return base.year if month >= base.month else base.year + 1
    # A past event in a month after the publication month happened last year,
    # unless it is at most one month ahead (news about "June 19" published in June).
    if month > base.month + 1:
        return base.year - 1
    return base.year
