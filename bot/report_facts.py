"""The numbers behind `/report`: who was invited, answered, came, asked, rated.

Built on the RSVP report (`build_report`) and the questions repository; nothing here reads
the database itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.audience import Audience
from bot.roles import ROLES
from bot.rsvp_report import Participant, SeminarReport, build_report
from bot.services import Services
from storage.seminars import Seminar

TOP_TOPICS = 3


@dataclass(frozen=True, slots=True)
class Tally:
    """One row of the attendance breakdown: a role or a rayon code (None: without rayon)."""

    key: str | None
    invited: int
    coming: int
    checked_in: int


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """Everything the summary, the chart, the press release and the workbook are made of."""

    report: SeminarReport
    invited: int
    answered: int
    coming: int
    """Seats taken: people coming, with those they bring."""
    checked_in: int
    by_role: tuple[Tally, ...]
    by_rayon: tuple[Tally, ...]
    invited_rayons: tuple[str, ...]
    """Rayon codes of the invited places, in the data file's order."""
    represented_rayons: tuple[str, ...]
    """Rayons of the people who came (of those coming, while nobody is checked in)."""
    roles_present: tuple[str, ...]
    attendance_known: bool
    """Whether anyone was checked in or counted as a walk-in."""
    questions_asked: int
    questions_answered: int
    top_topics: tuple[tuple[str, int], ...]
    """(topic code, questions), most asked first; untagged questions left out."""
    next_seminar: Seminar | None

    @property
    def seminar(self) -> Seminar:
        """The seminar reported on."""
        return self.report.seminar

    @property
    def walk_ins(self) -> int:
        """People counted at the door without Telegram."""
        return self.report.walk_ins

    @property
    def present(self) -> list[Participant]:
        """Who the press release speaks of: those checked in, or those coming before that."""
        return self.report.checked_in if self.attendance_known else self.report.coming

    @property
    def total(self) -> int:
        """Who took part: checked in plus walk-ins (the "87" of a press release).

        Before anyone is checked in, the seats taken stand in, so a draft made early still
        has a number in it.
        """
        return self.checked_in + self.walk_ins if self.attendance_known else self.coming

    @property
    def all_rayons(self) -> bool:
        """Every invited rayon had someone there."""
        return bool(self.invited_rayons) and set(self.invited_rayons) <= set(
            self.represented_rayons
        )

    @property
    def rating_average(self) -> float | None:
        """The average rating, or None without ratings."""
        ratings = self.report.ratings
        return sum(ratings) / len(ratings) if ratings else None


def invited_rayons(services: Services, seminar: Seminar) -> tuple[str, ...]:
    """The rayons of the invited places; a whole oblast stands for all its rayons."""
    places = seminar.fields.places
    codes: list[str] = []
    for region in services.geography.regions:
        for rayon in region.rayons:
            if not places or any(
                p.region_code == region.code and p.rayon_code in (None, rayon.code) for p in places
            ):
                codes.append(rayon.code)
    return tuple(codes)


def _party(participant: Participant) -> int:
    rsvp = participant.rsvp
    return rsvp.party if rsvp is not None and rsvp.seated else 0


async def _next_seminar(services: Services, seminar: Seminar) -> Seminar | None:
    later = [
        s
        for s in await services.seminars.upcoming(seminar.fields.starts_at)
        if s.id != seminar.id and s.fields.starts_at > seminar.fields.starts_at
    ]
    return min(later, key=lambda s: s.fields.starts_at, default=None)


async def gather_facts(services: Services, seminar: Seminar) -> ReportFacts:
    """Count everything for one seminar."""
    report = await build_report(services, seminar)
    audience = Audience.of_seminar(seminar)
    invited_people = audience.select(await services.people.all())
    rayons = invited_rayons(services, seminar)
    attendance_known = bool(report.checked_in) or report.walk_ins > 0
    present = report.checked_in if attendance_known else report.coming

    def tallies(
        key_of: dict[int, str | None], order: list[str | None], always: tuple[str, ...] = ()
    ) -> tuple[Tally, ...]:
        invited = Counter(key_of[p.telegram_id] for p in invited_people)
        coming: Counter[str | None] = Counter()
        came: Counter[str | None] = Counter()
        for participant in report.participants:
            key = key_of[participant.person.telegram_id]
            coming[key] += _party(participant)
            came[key] += 1 if participant.checkin else 0
        seen = [k for k in order if k in always or k in invited or coming[k] or came[k]]
        seen += sorted({k for k in (*invited, *coming, *came) if k not in order and k is not None})
        if None in invited or coming[None] or came[None]:
            seen.append(None)
        return tuple(Tally(k, invited[k], coming[k], came[k]) for k in seen)

    people = [*invited_people, *(p.person for p in report.participants)]
    role_of: dict[int, str | None] = {p.telegram_id: p.role for p in people}
    rayon_of: dict[int, str | None] = {p.telegram_id: p.rayon_code for p in people}
    geography_order = [y.code for r in services.geography.regions for y in r.rayons]
    by_rayon_order: list[str | None] = [
        *rayons,
        *(c for c in geography_order if c not in rayons),
    ]

    represented = {p.person.rayon_code for p in present if p.person.rayon_code}
    questions = [
        q for q in await services.questions.for_seminar(seminar.id) if q.status != "duplicate"
    ]
    topics = await services.questions.topic_counts(seminar.id)
    top = sorted(
        ((code, count) for code, count in topics.items() if code is not None),
        key=lambda item: (-item[1], item[0]),
    )[:TOP_TOPICS]
    return ReportFacts(
        report=report,
        invited=len(invited_people),
        answered=sum(1 for p in report.participants if p.rsvp),
        coming=report.seats_taken,
        checked_in=len(report.checked_in),
        by_role=tallies(role_of, list(ROLES)),
        by_rayon=tallies(rayon_of, by_rayon_order, rayons),
        invited_rayons=rayons,
        represented_rayons=tuple(c for c in geography_order if c in represented),
        roles_present=tuple(r for r in ROLES if any(p.person.role == r for p in present)),
        attendance_known=attendance_known,
        questions_asked=len(questions),
        questions_answered=sum(1 for q in questions if q.status == "answered"),
        top_topics=tuple(top),
        next_seminar=await _next_seminar(services, seminar),
    )
