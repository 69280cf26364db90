"""The `/report` texts: the staff summary and the press-release drafts (messages/*/report.ftl)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.report_facts import ReportFacts, Tally
from bot.rsvp_report import rayon_name
from bot.seminar_card import seminar_card
from bot.services import Services
from bot.topics import topic_label
from messages import Language, MessageMissing
from storage.seminars import Seminar

# Fluent refuses a placeable longer than 2,500 characters, and the agenda sits inside one
# with its sentence; seminars hold at most 1,000, so only a hand-edited database gets here.
AGENDA_LIMIT = 2000


def tally_name(services: Services, language: Language, tally: Tally, kind: str) -> str:
    """A breakdown row's name: the role (kind "role") or the rayon, or "without rayon"."""
    if tally.key is None:
        return services.catalog.text(language, "report-no-rayon")
    if kind == "role":
        return services.catalog.text(language, f"role-{tally.key}")
    return rayon_name(services, language, tally.key)


def _tallies(services: Services, language: Language, tallies: Sequence[Tally], kind: str) -> str:
    return (
        ", ".join(
            f"{tally_name(services, language, t, kind)} {t.invited}/{t.coming}/{t.checked_in}"
            for t in tallies
        )
        or "—"
    )


def _topics(services: Services, facts: ReportFacts, language: Language) -> list[str]:
    return [topic_label(services, code, language) for code, _ in facts.top_topics]


def summary_text(services: Services, facts: ReportFacts, language: Language) -> str:
    """The numbers in the staff member's language; walk-ins are in the totals and said so."""
    text = services.catalog.text
    seminar = facts.seminar
    came = (
        text(
            language,
            "report-came",
            checked_in=facts.checked_in,
            walk_ins=facts.walk_ins,
            total=facts.total,
        )
        if facts.attendance_known
        else text(language, "report-came-none", coming=facts.coming)
    )
    lines = [
        text(language, "report-title", title=seminar.title(language)),
        seminar_card(services, seminar, language),
        "",
        text(
            language,
            "report-invited",
            invited=facts.invited,
            answered=facts.answered,
            coming=facts.coming,
        ),
        came,
        text(language, "report-by-role", list=_tallies(services, language, facts.by_role, "role")),
        text(
            language, "report-by-rayon", list=_tallies(services, language, facts.by_rayon, "rayon")
        ),
        text(
            language,
            "report-rayons",
            represented=len(set(facts.represented_rayons) & set(facts.invited_rayons)),
            invited=len(facts.invited_rayons),
            all="yes" if facts.all_rayons else "no",
        ),
        "",
        text(
            language,
            "report-questions",
            asked=facts.questions_asked,
            answered=facts.questions_answered,
        ),
    ]
    if facts.top_topics:
        topics = zip(_topics(services, facts, language), facts.top_topics, strict=True)
        listed = ", ".join(f"{label} {count}" for label, (_, count) in topics)
        lines.append(text(language, "report-topics", list=listed))
    average = facts.rating_average
    lines.append(
        text(
            language,
            "report-feedback",
            average=f"{average:.1f}",
            count=len(facts.report.ratings),
        )
        if average is not None
        else text(language, "report-feedback-none")
    )
    return "\n".join(lines)


def listed(services: Services, language: Language, items: Sequence[str]) -> str:
    """«A, B жана C» / «A, B и C»."""
    if len(items) < 2:
        return "".join(items)
    return services.catalog.text(
        language, "press-list-and", head=", ".join(items[:-1]), last=items[-1]
    )


def _lowercase_first(label: str) -> str:
    # Topic names are capitalised as headings; inside a sentence they are common nouns.
    return label[:1].lower() + label[1:]


def press_date(services: Services, seminar: Seminar, language: Language) -> str:
    """«2019-жылдын 10-июлунда» / «10 июля 2019 года»."""
    day = seminar.fields.starts_at.astimezone(services.config.bot.timezone)
    # Strings, not numbers: Fluent would print the year with a thousands separator.
    return services.catalog.text(
        language, "press-date", day=str(day.day), month=day.month, year=str(day.year)
    )


def _region_of(services: Services, seminar: Seminar, language: Language) -> str:
    names = []
    for code in dict.fromkeys(p.region_code for p in seminar.fields.places):
        try:
            names.append(services.catalog.text(language, f"press-region-of-{code}"))
        except MessageMissing:
            region = services.geography.region(code)
            names.append(region.name(language) if region else code)
    return listed(services, language, names)


def press_release(services: Services, facts: ReportFacts, language: Language) -> str:
    """The draft press release in one language, from the `press-release` template."""
    text = services.catalog.text
    seminar = facts.seminar
    roles = [
        text(
            language,
            f"press-role-{role}",
            count=sum(1 for p in facts.present if p.person.role == role),
        )
        for role in facts.roles_present
    ]
    rayons = [
        rayon.name(language)
        for code in facts.represented_rayons
        if (rayon := services.geography.rayon(code)) is not None
    ]
    topics = [_lowercase_first(label) for label in _topics(services, facts, language)]
    after = facts.next_seminar
    organiser = seminar.fields.organiser.strip()
    agenda = seminar.description(language).strip()
    if len(agenda) > AGENDA_LIMIT:
        agenda = agenda[: AGENDA_LIMIT - 1] + "…"
    body = text(
        language,
        "press-release",
        date=press_date(services, seminar, language),
        city=seminar.city(language),
        venue=seminar.venue(language),
        title=seminar.title(language),
        organiser=organiser,
        has_organiser="yes" if organiser else "no",
        total=facts.total,
        roles=listed(services, language, roles),
        role_count=len(roles),
        region_of=_region_of(services, seminar, language),
        rayons=", ".join(rayons),
        rayon_count=len(rayons),
        all="yes" if facts.all_rayons else "no",
        agenda=agenda,
        has_agenda="yes" if agenda else "no",
        asked=facts.questions_asked,
        answered=facts.questions_answered,
        topics=listed(services, language, topics),
        topic_count=len(topics),
        next="yes" if after else "no",
        next_date=press_date(services, after, language) if after else "",
        next_city=after.city(language) if after else "",
        next_title=after.title(language) if after else "",
    )
    # Empty optional parts leave blank lines and trailing spaces behind.
    body = re.sub(r"[ \t]+\n", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip()
