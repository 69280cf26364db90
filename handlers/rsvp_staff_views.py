"""What staff read about one seminar's answers: the overview and the list of people."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.rsvp_report import SeminarReport, rayon_name, region_name
from bot.seminar_card import seminar_card
from bot.services import Services
from messages import Language
from storage.people import Person

# Telegram's limit is 4096; a little room for the lines added after the overview.
MESSAGE_LIMIT = 4000


def _breakdown(counts: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.most_common()) or "—"


def overview_text(services: Services, report: SeminarReport, language: Language) -> str:
    """The numbers of one seminar, short enough for one message."""
    text = services.catalog.text
    seminar = report.seminar
    capacity = seminar.fields.capacity
    by_region: Counter[str] = Counter()
    by_rayon: Counter[str] = Counter()
    by_role: Counter[str] = Counter()
    came_rayon: Counter[str] = Counter()
    came_role: Counter[str] = Counter()
    for participant in report.coming:
        person, party = participant.person, participant.rsvp.party if participant.rsvp else 1
        by_region[region_name(services, language, person.region_code) or "—"] += party
        by_rayon[rayon_name(services, language, person.rayon_code) or "—"] += party
        by_role[text(language, f"role-{person.role}")] += party
    for participant in report.checked_in:
        person = participant.person
        came_rayon[rayon_name(services, language, person.rayon_code) or "—"] += 1
        came_role[text(language, f"role-{person.role}")] += 1
    organisations = {p.organisation_name or str(p.telegram_id) for p in report.not_answered}
    lines = [
        seminar_card(services, seminar, language),
        "",
        text(
            language,
            "rsvps-answers",
            yes=report.answers["yes"],
            maybe=report.answers["maybe"],
            no=report.answers["no"],
        ),
        text(language, "rsvps-seats", taken=report.seats_taken, capacity=capacity or "∞")
        + " · "
        + text(language, "rsvps-waitlist", count=report.waitlist),
        text(language, "rsvps-by-region", list=_breakdown(by_region)),
        text(language, "rsvps-by-rayon", list=_breakdown(by_rayon)),
        text(language, "rsvps-by-role", list=_breakdown(by_role)),
        text(
            language,
            "rsvps-not-answered",
            people=len(report.not_answered),
            places=len(organisations),
        ),
        "",
        text(
            language,
            "rsvps-attendance",
            came=len(report.checked_in),
            registered=len(report.coming),
            walk_ins=report.walk_ins,
        ),
        text(language, "rsvps-came-by-rayon", list=_breakdown(came_rayon)),
        text(language, "rsvps-came-by-role", list=_breakdown(came_role)),
    ]
    ratings = report.ratings
    if ratings:
        distribution = Counter(ratings)
        stars = ", ".join(f"{n}★ {distribution[n]}" for n in range(5, 0, -1))
        average = f"{sum(ratings) / len(ratings):.1f}"
        lines += [
            "",
            text(language, "rsvps-feedback", average=average, count=len(ratings), list=stars),
        ]
    return "\n".join(lines)


def chunks(lines: Iterable[str]) -> list[str]:
    chunks: list[str] = [""]
    for line in lines:
        if len(chunks[-1]) + len(line) + 1 > MESSAGE_LIMIT:
            chunks.append("")
        chunks[-1] += line + "\n"
    return [c for c in chunks if c.strip()]


def people_lines(services: Services, report: SeminarReport, language: Language) -> list[str]:
    """One line a participant, then the municipalities not answered, then the comments."""
    text = services.catalog.text
    lines = [text(language, "rsvps-people-title", title=report.seminar.title(language))]
    for number, participant in enumerate(report.participants, start=1):
        person, rsvp = participant.person, participant.rsvp
        if rsvp is None:
            answer = "—"
        elif rsvp.waiting:
            answer = f"⏳{participant.waitlist_place}"
        else:
            answer = {"yes": f"✅{rsvp.party}", "maybe": "🤔", "no": "❌"}[rsvp.answer]
        place = ", ".join(
            part
            for part in (
                person.organisation_name,
                rayon_name(services, language, person.rayon_code),
            )
            if part
        )
        mark = " ☑" if participant.checkin else ""
        phone = f" · {person.phone}" if person.phone else ""
        lines.append(f"{number}. {answer} {person.full_name} — {place or '—'}{phone}{mark}")
    if report.not_answered:
        lines += ["", text(language, "rsvps-not-answered-title")]
        lines += sorted({f"• {where(services, language, p)}" for p in report.not_answered})
    if report.comments:
        lines += ["", text(language, "rsvps-comments-title")]
        lines += [f"— {comment}" for comment in report.comments]
    return lines


def where(services: Services, language: Language, person: Person) -> str:
    """«Кеңеш, Сузак району»: the municipality and its rayon (or oblast)."""
    place = rayon_name(services, language, person.rayon_code) or region_name(
        services, language, person.region_code
    )
    return ", ".join(part for part in (person.organisation_name or person.full_name, place) if part)


def reminder_times(services: Services, language: Language, minutes: tuple[int, ...]) -> str:
    """«24 саат, 2 саат» / «24 ч, 2 ч»."""
    text = services.catalog.text
    return ", ".join(
        text(language, "reminder-hours", hours=m // 60)
        if m % 60 == 0
        else text(language, "reminder-minutes", minutes=m)
        for m in minutes
    )
