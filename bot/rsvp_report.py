"""Who answered a seminar, who came, what they thought: the numbers staff ask for."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.audience import Audience
from bot.services import Services
from messages import Language, as_language
from storage.attendance import Checkin
from storage.feedback import Feedback
from storage.people import Person
from storage.rsvps import Rsvp
from storage.seminars import Seminar


@dataclass(frozen=True, slots=True)
class Participant:
    """One person's line in the list and the export."""

    person: Person
    rsvp: Rsvp | None
    waitlist_place: int | None
    checkin: Checkin | None
    feedback: Feedback | None


@dataclass(frozen=True, slots=True)
class SeminarReport:
    """Everything `/rsvps` and `/export` show about one seminar."""

    seminar: Seminar
    participants: list[Participant]
    not_answered: list[Person]
    walk_ins: int
    answers: Counter[str] = field(default_factory=Counter)
    seats_taken: int = 0
    waitlist: int = 0

    @property
    def coming(self) -> list[Participant]:
        """People with a seat."""
        return [p for p in self.participants if p.rsvp and p.rsvp.seated]

    @property
    def checked_in(self) -> list[Participant]:
        """People checked in on the day."""
        return [p for p in self.participants if p.checkin]

    @property
    def ratings(self) -> list[int]:
        """Every rating given."""
        return [p.feedback.rating for p in self.participants if p.feedback]

    @property
    def comments(self) -> list[str]:
        """Every non-empty comment."""
        return [p.feedback.comment for p in self.participants if p.feedback and p.feedback.comment]


def reading_language(person: Person) -> Language:
    """The language a person reads; "ky" for a value the bot does not speak."""
    return as_language(person.language)


def rayon_name(services: Services, language: Language, rayon_code: str | None) -> str:
    """«Сузак району» / «Сузакский район», or "" for none."""
    rayon = services.geography.rayon(rayon_code)
    if rayon is None:
        return ""
    return services.catalog.text(language, "rayon-name", name=rayon.name(language))


def region_name(services: Services, language: Language, region_code: str | None) -> str:
    """«Жалал-Абад облусу», or "" for none."""
    region = services.geography.region(region_code)
    return region.name(language) if region else ""


async def build_report(services: Services, seminar: Seminar) -> SeminarReport:
    """Join answers, people, check-ins and feedback for one seminar."""
    rsvps = await services.rsvps.for_seminar(seminar.id)
    checkins = {c.telegram_id: c for c in await services.attendance.checkins(seminar.id)}
    feedback = {f.telegram_id: f for f in await services.feedback.for_seminar(seminar.id)}
    # Guests (answered from a group, never registered) count, under their Telegram name.
    people = {p.telegram_id: p for p in await services.people.all(guests=True)}
    participants: list[Participant] = []
    place = 0
    seen: set[int] = set()
    for rsvp in rsvps:
        person = people.get(rsvp.telegram_id)
        if person is None:
            continue
        place += 1 if rsvp.waiting else 0
        seen.add(person.telegram_id)
        participants.append(
            Participant(
                person,
                rsvp,
                place if rsvp.waiting else None,
                checkins.get(person.telegram_id),
                feedback.get(person.telegram_id),
            )
        )
    # People checked in by staff or by the code without answering first still count.
    for telegram_id, checkin in checkins.items():
        if telegram_id not in seen and telegram_id in people:
            seen.add(telegram_id)
            participants.append(
                Participant(people[telegram_id], None, None, checkin, feedback.get(telegram_id))
            )
    audience = Audience.of_seminar(seminar)
    not_answered = [
        p
        for p in people.values()
        if p.registered and p.telegram_id not in seen and audience.includes(p)
    ]
    settings = await services.attendance.settings(seminar.id)
    return SeminarReport(
        seminar=seminar,
        participants=participants,
        not_answered=not_answered,
        walk_ins=settings.walk_ins,
        answers=Counter(p.rsvp.answer for p in participants if p.rsvp),
        seats_taken=sum(p.rsvp.party for p in participants if p.rsvp and p.rsvp.seated),
        waitlist=sum(1 for p in participants if p.rsvp and p.rsvp.waiting),
    )
