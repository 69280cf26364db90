"""The steps of creating or editing a seminar, and how answers become a seminar's fields."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from bot.geography import Geography
from bot.seminar_rules import local
from storage.seminar_drafts import Answers
from storage.seminars import Place, SeminarFields

STEPS: tuple[str, ...] = (
    "title_ky",
    "title_ru",
    "date",
    "start",
    "end",
    "city_ky",
    "city_ru",
    "venue_ky",
    "venue_ru",
    "regions",
    "rayons",
    "roles",
    "capacity",
    "deadline",
    "desc_ky",
    "desc_ru",
    "organiser",
)
# Where staff choose a part to change, and the preview with Save.
PICKER = "fields"
PREVIEW = "preview"

# The parts staff can change from the preview, each re-entered through its own steps.
PARTS: dict[str, tuple[str, ...]] = {
    "title": ("title_ky", "title_ru"),
    "when": ("date", "start", "end"),
    "place": ("city_ky", "city_ru", "venue_ky", "venue_ru"),
    "audience": ("regions", "rayons", "roles"),
    "capacity": ("capacity",),
    "deadline": ("deadline",),
    "agenda": ("desc_ky", "desc_ru"),
    "organiser": ("organiser",),
}
TOGGLES = frozenset({"regions", "rayons", "roles"})
OPTIONAL = frozenset({"rayons", "capacity", "deadline", "desc_ky", "desc_ru", "organiser"})
TEXT_STEPS = frozenset(STEPS) - TOGGLES
# The parts whose change people who were told should hear about.
NOTIFIED_PARTS = frozenset({"when", "place"})


def is_step(value: str) -> bool:
    """A step of the wizard, the part picker or the preview."""
    return value in STEPS or value in (PICKER, PREVIEW)


def rayons_offered(answers: Answers, geography: Geography) -> bool:
    """The rayon step is only asked when a chosen region has rayons."""
    return any(
        (region := geography.region(code)) is not None and region.rayons
        for code in answers.get("regions", [])
    )


def _asked(step: str, answers: Answers, geography: Geography) -> bool:
    return step != "rayons" or rayons_offered(answers, geography)


def next_step(step: str, until: str | None, answers: Answers, geography: Geography) -> str:
    """The step after `step`: the preview once the part being changed is done."""
    if step == until or step == STEPS[-1]:
        return PREVIEW
    following = STEPS[STEPS.index(step) + 1]
    if not _asked(following, answers, geography):
        return next_step(following, until, answers, geography)
    return following


def previous_step(step: str, until: str | None, answers: Answers, geography: Geography) -> str:
    """The step before `step` of the wizard; leaving the first step of a changed part (or the
    first step of all) returns to the preview, or stays, when there is nothing before."""
    if until is not None and step == _part_of(until)[0]:
        return PREVIEW
    index = STEPS.index(step)
    if index == 0:
        return step
    earlier = STEPS[index - 1]
    if not _asked(earlier, answers, geography):
        return previous_step(earlier, until, answers, geography)
    return earlier


def _part_of(step: str) -> tuple[str, ...]:
    return next(steps for steps in PARTS.values() if step in steps)


def answers_from(fields: SeminarFields, zone: ZoneInfo) -> Answers:
    """A stored seminar's fields as wizard answers, to edit them."""
    starts, ends = fields.starts_at.astimezone(zone), fields.ends_at.astimezone(zone)
    regions: list[str] = []
    for place in fields.places:
        if place.region_code not in regions:
            regions.append(place.region_code)
    answers: Answers = {
        "title_ky": fields.title_ky,
        "title_ru": fields.title_ru,
        "date": starts.date().isoformat(),
        "start": starts.strftime("%H:%M"),
        "end": ends.strftime("%H:%M"),
        "city_ky": fields.city_ky,
        "city_ru": fields.city_ru,
        "venue_ky": fields.venue_ky,
        "venue_ru": fields.venue_ru,
        "regions": regions,
        "rayons": [p.rayon_code for p in fields.places if p.rayon_code],
        "roles": list(fields.roles),
        "capacity": fields.capacity,
        "deadline": fields.rsvp_deadline.isoformat() if fields.rsvp_deadline else None,
        "desc_ky": fields.description_ky,
        "desc_ru": fields.description_ru,
        "organiser": fields.organiser,
        "max_party": fields.max_party,
        "slug": fields.slug,
    }
    if ends.date() != starts.date():
        answers["end_date"] = ends.date().isoformat()
    return answers


def start_of(answers: Answers, zone: ZoneInfo) -> datetime | None:
    """The start as answered so far, when the date and the start time are known."""
    if "date" not in answers or "start" not in answers:
        return None
    return local(date.fromisoformat(answers["date"]), time.fromisoformat(answers["start"]), zone)


def places_from(answers: Answers, geography: Geography) -> tuple[Place, ...]:
    """Each chosen region whole, or only its chosen rayons when some were picked."""
    chosen_rayons = set(answers.get("rayons", []))
    places: list[Place] = []
    for code in answers.get("regions", []):
        region = geography.region(code)
        if region is None:
            continue
        picked = [Place(code, y.code) for y in region.rayons if y.code in chosen_rayons]
        places.extend(picked or [Place(code)])
    return tuple(places)


def fields_from(answers: Answers, zone: ZoneInfo, geography: Geography) -> SeminarFields:
    """The seminar the answers describe; every required answer must be there."""
    starts = start_of(answers, zone)
    assert starts is not None
    end_day = date.fromisoformat(answers.get("end_date") or answers["date"])
    deadline: Any = answers.get("deadline")
    return SeminarFields(
        title_ky=answers["title_ky"],
        title_ru=answers["title_ru"],
        starts_at=starts,
        ends_at=local(end_day, time.fromisoformat(answers["end"]), zone),
        city_ky=answers["city_ky"],
        city_ru=answers["city_ru"],
        venue_ky=answers["venue_ky"],
        venue_ru=answers["venue_ru"],
        description_ky=answers.get("desc_ky") or "",
        description_ru=answers.get("desc_ru") or "",
        organiser=answers.get("organiser") or "",
        capacity=answers.get("capacity"),
        max_party=answers.get("max_party") or 2,
        rsvp_deadline=datetime.fromisoformat(deadline) if deadline else None,
        places=places_from(answers, geography),
        roles=tuple(answers.get("roles", [])),
        slug=answers.get("slug"),
    )
