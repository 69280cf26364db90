"""A seminar as an .ics file, to add it to the phone's calendar in one tap."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, Event

from messages import Language
from storage.seminars import Seminar

PRODUCT_ID = "-//seminar-bot//seminars//EN"


def seminar_uid(seminar: Seminar) -> str:
    """Stable across edits and languages, so a re-downloaded file updates the same event."""
    return f"seminar-{seminar.id}@seminar-bot"


def seminar_ics(seminar: Seminar, language: Language, now: datetime) -> bytes:
    """One VEVENT in UTC, with title, place and agenda in the person's language."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", seminar_uid(seminar))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", seminar.fields.starts_at.astimezone(UTC))
    event.add("dtend", seminar.fields.ends_at.astimezone(UTC))
    event.add("summary", seminar.title(language))
    event.add("location", f"{seminar.city(language)}, {seminar.venue(language)}")
    description = seminar.description(language)
    if seminar.fields.organiser:
        description = f"{description}\n\n{seminar.fields.organiser}".strip()
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if seminar.is_cancelled else "CONFIRMED")
    # SEQUENCE lets calendars take a later edit of the same UID as newer.
    event.add("sequence", int(seminar.updated_at.timestamp()))
    calendar.add_component(event)
    ics: bytes = calendar.to_ical()
    return ics
