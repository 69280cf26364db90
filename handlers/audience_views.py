"""The audience screens of an announcement or broadcast: who gets it, and how many."""

from __future__ import annotations

from collections import Counter

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.audience import Audience
from bot.roles import ROLES
from bot.services import Services
from handlers.registration_views import rows
from messages import LANGUAGES, Language
from storage.groups import Group
from storage.people import Person
from storage.seminars import Place

TICK = "✅ "


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


async def recipients(services: Services, audience: Audience) -> list[Person]:
    """Everyone reachable and subscribed in the audience."""
    return audience.select(await services.people.reachable_subscribers())


def group_in(group: Group, audience: Audience) -> bool:
    """Whether a registered group's place is among the audience's places (any, when none)."""
    if not audience.places:
        return True
    return any(
        place.region_code == group.region_code
        and (place.rayon_code is None or group.rayon_code in (None, place.rayon_code))
        for place in audience.places
    )


async def matching_groups(services: Services, audience: Audience) -> list[Group]:
    """The registered groups of the audience's places."""
    return [g for g in await services.groups.audiences() if group_in(g, audience)]


def describe_places(services: Services, language: Language, places: tuple[Place, ...]) -> str:
    """«Жалал-Абад облусу (бүт облус), Тоң, Түп» or «all»."""
    text = services.catalog.text
    if not places:
        return text(language, "ann-audience-any")
    names = []
    for place in places:
        region = services.geography.region(place.region_code)
        rayon = services.geography.rayon(place.rayon_code)
        if rayon is not None:
            names.append(rayon.name(language))
        elif region is not None:
            names.append(text(language, "ann-audience-whole", region=region.name(language)))
    return ", ".join(names)


async def audience_screen(
    services: Services,
    language: Language,
    audience: Audience,
    seminar_id: int | None,
    to_groups: bool | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    """Who the broadcast goes to, the exact count per language, and buttons to change it.

    `to_groups` (announcements only) adds the matching group chats and a toggle for them.
    """
    text = services.catalog.text
    people = await recipients(services, audience)
    by_language = Counter(person.language for person in people)
    any_text = text(language, "ann-audience-any")
    roles = ", ".join(text(language, f"role-{r}") for r in audience.roles) or any_text
    languages = (
        ", ".join(text(language, f"language-name-{code}") for code in audience.languages)
        or any_text
    )
    body = "\n".join(
        [
            text(language, "ann-audience-title"),
            text(
                language,
                "ann-audience-places",
                places=describe_places(services, language, audience.places),
            ),
            text(language, "ann-audience-roles", roles=roles),
            text(language, "ann-audience-languages", languages=languages),
            "",
            text(
                language,
                "ann-audience-count",
                total=len(people),
                ky=by_language.get("ky", 0),
                ru=by_language.get("ru", 0),
            ),
        ]
    )
    groups = await matching_groups(services, audience) if to_groups is not None else []
    if groups:
        body += "\n" + text(
            language, "ann-groups-count", count=len(groups), on=int(bool(to_groups))
        )
    presets = [_button(text(language, "button-audience-all"), "ann:all")]
    if seminar_id is not None:
        presets.insert(0, _button(text(language, "button-audience-invited"), "ann:invited"))
    keyboard = [
        presets,
        [
            _button(text(language, "button-audience-places"), "ann:places"),
            _button(text(language, "button-audience-roles"), "ann:roles"),
        ],
        [_button(text(language, "button-audience-languages"), "ann:langs")],
    ]
    if groups:
        mark = TICK if to_groups else ""
        label = mark + text(language, "button-ann-groups", count=len(groups))
        keyboard.append([_button(label, "ann:grp")])
    keyboard += [
        [_button(text(language, "button-preview"), "ann:preview")],
        [_button(text(language, "button-cancel"), "ann:x")],
    ]
    return body, InlineKeyboardMarkup(keyboard)


def places_screen(
    services: Services, language: Language, audience: Audience
) -> tuple[str, InlineKeyboardMarkup]:
    """Toggle whole regions; open a region to pick its rayons."""
    chosen = {p.region_code for p in audience.places if p.rayon_code is None}
    partly = {p.region_code for p in audience.places if p.rayon_code is not None}
    toggles = []
    for region in services.geography.regions:
        mark = TICK if region.code in chosen else ("◐ " if region.code in partly else "")
        toggles.append(_button(mark + region.name(language), f"ann:pl:{region.code}"))
    drill = [
        _button(
            services.catalog.text(language, "button-audience-rayons", region=region.name(language)),
            f"ann:ry:{region.code}",
        )
        for region in services.geography.regions
        if region.rayons
    ]
    done = _button(services.catalog.text(language, "button-done"), "ann:done")
    return services.catalog.text(language, "ann-choose-places"), InlineKeyboardMarkup(
        [*rows(toggles, 2), *rows(drill, 2), [done]]
    )


def rayons_screen(
    services: Services, language: Language, audience: Audience, region_code: str
) -> tuple[str, InlineKeyboardMarkup]:
    """Toggle the rayons of one region."""
    region = services.geography.region(region_code)
    assert region is not None
    whole = Place(region_code) in audience.places
    chosen = {p.rayon_code for p in audience.places if p.region_code == region_code}
    toggles = [
        _button(
            (TICK if whole or rayon.code in chosen else "") + rayon.name(language),
            f"ann:pr:{rayon.code}",
        )
        for rayon in region.rayons
    ]
    done = _button(services.catalog.text(language, "button-done"), "ann:places")
    return (
        services.catalog.text(language, "ann-choose-rayons", region=region.name(language)),
        InlineKeyboardMarkup([*rows(toggles, 2), [done]]),
    )


def roles_screen(
    services: Services, language: Language, audience: Audience
) -> tuple[str, InlineKeyboardMarkup]:
    """Toggle roles; none chosen means every role."""
    text = services.catalog.text
    toggles = [
        _button(
            (TICK if role in audience.roles else "") + text(language, f"role-{role}"),
            f"ann:ro:{role}",
        )
        for role in ROLES
    ]
    done = _button(text(language, "button-done"), "ann:done")
    return text(language, "ann-choose-roles"), InlineKeyboardMarkup([*rows(toggles, 1), [done]])


def languages_screen(
    services: Services, language: Language, audience: Audience
) -> tuple[str, InlineKeyboardMarkup]:
    """Toggle languages; none chosen means both."""
    text = services.catalog.text
    toggles = [
        _button(
            (TICK if code in audience.languages else "") + text(code, f"language-name-{code}"),
            f"ann:la:{code}",
        )
        for code in LANGUAGES
    ]
    done = _button(text(language, "button-done"), "ann:done")
    return text(language, "ann-choose-languages"), InlineKeyboardMarkup([toggles, [done]])


def toggle_region(audience: Audience, region_code: str) -> Audience:
    """Select a whole region, or clear it (and any of its rayons)."""
    others = tuple(p for p in audience.places if p.region_code != region_code)
    if Place(region_code) in audience.places:
        return Audience(others, audience.roles, audience.languages)
    return Audience((*others, Place(region_code)), audience.roles, audience.languages)


def toggle_rayon(services: Services, audience: Audience, rayon_code: str) -> Audience:
    """Select or clear one rayon; a whole region selected turns into its other rayons."""
    rayon = services.geography.rayon(rayon_code)
    region = services.geography.region(rayon.region_code if rayon else None)
    assert rayon is not None and region is not None
    places = list(audience.places)
    if Place(region.code) in places:
        places.remove(Place(region.code))
        places.extend(Place(region.code, r.code) for r in region.rayons if r.code != rayon_code)
    elif Place(region.code, rayon_code) in places:
        places.remove(Place(region.code, rayon_code))
    else:
        places.append(Place(region.code, rayon_code))
    return Audience(tuple(places), audience.roles, audience.languages)


def toggle(values: tuple[str, ...], value: str) -> tuple[str, ...]:
    """Add or remove one value, keeping the order."""
    return tuple(v for v in values if v != value) if value in values else (*values, value)
