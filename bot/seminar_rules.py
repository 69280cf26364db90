"""What a seminar's typed parts may be: lengths, dates, times; shared by the wizard and import."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from storage.seminars import SeminarFields

# A card shows title, city and venue; the detail view adds agenda and organiser. With these
# limits one language's detail stays under ~1,800 characters, far below Telegram's 4,096.
LIMITS: dict[str, int] = {
    "title": 150,
    "city": 60,
    "venue": 150,
    "description": 1000,
    "organiser": 150,
}
MAX_CAPACITY = 10_000

_DAY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
_CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")
_SPACES = re.compile(r"[ \t\u00a0]+")


class Invalid(ValueError):
    """A typed value that is not acceptable; `key` names the message that says why."""

    def __init__(self, key: str, **args: str | int) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def clean_line(text: str) -> str:
    """One line: runs of spaces and line breaks folded into one space."""
    return _SPACES.sub(" ", " ".join(text.split())).strip()


def clean_block(text: str) -> str:
    """Several lines (an agenda): trailing spaces and runs of blank lines removed."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def checked_text(text: str, kind: str, *, required: bool) -> str:
    """A cleaned title, city, venue, agenda or organiser line, or Invalid."""
    cleaned = clean_block(text) if kind == "description" else clean_line(text)
    if required and not any(char.isalpha() for char in cleaned):
        raise Invalid("semrule-empty")
    if len(cleaned) > LIMITS[kind]:
        raise Invalid("semrule-too-long", length=len(cleaned), max=LIMITS[kind])
    return cleaned


def parse_day(text: str) -> date:
    """DD.MM.YYYY (also with / or -, and 1-digit day or month)."""
    match = _DAY.match(text)
    if match is None:
        raise Invalid("semrule-not-a-date")
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise Invalid("semrule-no-such-date") from None


def parse_clock(text: str) -> time:
    """HH:MM, also 9:00 and 09.00."""
    match = _CLOCK.match(text)
    if match is None:
        raise Invalid("semrule-not-a-time")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise Invalid("semrule-not-a-time")
    return time(hour, minute)


def parse_capacity(text: str) -> int:
    """A number of seats, 1 to MAX_CAPACITY."""
    digits = text.strip().replace(" ", "")
    if not digits.isdigit() or not 1 <= int(digits) <= MAX_CAPACITY:
        raise Invalid("semrule-not-a-capacity", max=MAX_CAPACITY)
    return int(digits)


def local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """A wall-clock time in the configured zone, as an aware datetime."""
    return datetime.combine(day, clock, tzinfo=zone)


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule a complete seminar breaks: the field and the message key."""

    field: str
    key: str


def problems(fields: SeminarFields) -> list[Problem]:
    """Rules across fields, checked before anything is saved (wizard and import alike)."""
    found = []
    if fields.ends_at <= fields.starts_at:
        found.append(Problem("ends_at", "semrule-end-before-start"))
    if fields.rsvp_deadline is not None and fields.rsvp_deadline > fields.starts_at:
        found.append(Problem("rsvp_deadline", "semrule-deadline-after-start"))
    if not fields.places:
        found.append(Problem("regions", "semrule-no-places"))
    return found
