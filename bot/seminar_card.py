"""A seminar at a glance, in one language: title, day, time and place."""

from __future__ import annotations

from bot.services import Services
from messages import Language, format_clock, format_day
from storage.seminars import Seminar


def seminar_card(services: Services, seminar: Seminar, language: Language) -> str:
    """Title, date, time and place, as every announcement, reminder and list shows them."""
    zone = services.config.bot.timezone
    text = services.catalog.text
    starts, ends = seminar.fields.starts_at, seminar.fields.ends_at
    same_day = starts.astimezone(zone).date() == ends.astimezone(zone).date()
    when = text(
        language,
        "seminar-when" if same_day else "seminar-when-days",
        day=format_day(starts, language, zone),
        start=format_clock(starts, language, zone),
        end_day=format_day(ends, language, zone),
        end=format_clock(ends, language, zone),
    )
    lines = [
        text(language, "seminar-card-title", title=seminar.title(language)),
        when,
        text(language, "seminar-where", city=seminar.city(language), venue=seminar.venue(language)),
    ]
    if seminar.is_cancelled:
        lines.insert(0, text(language, "seminar-cancelled-mark"))
    return "\n".join(lines)


def deadline_line(services: Services, seminar: Seminar, language: Language) -> str | None:
    """«Answer by …», when the seminar has an RSVP deadline."""
    deadline = seminar.fields.rsvp_deadline
    if deadline is None:
        return None
    zone = services.config.bot.timezone
    return services.catalog.text(
        language,
        "seminar-deadline",
        day=format_day(deadline, language, zone),
        time=format_clock(deadline, language, zone),
    )


def seminar_detail(services: Services, seminar: Seminar, language: Language) -> str:
    """The card, the answer deadline, the agenda and the organiser: a seminar's own page.

    Staff's preview shows exactly this, so what they confirm is what heads will read.
    """
    text = services.catalog.text
    parts = [seminar_card(services, seminar, language)]
    deadline = deadline_line(services, seminar, language)
    if deadline:
        parts[0] += f"\n{deadline}"
    description = seminar.description(language)
    if description:
        parts.append(f"{text(language, 'seminar-agenda')}\n{description}")
    if seminar.fields.organiser:
        parts.append(text(language, "seminar-organiser", organiser=seminar.fields.organiser))
    return "\n\n".join(parts)
