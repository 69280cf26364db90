"""What each registration step looks like: its text and its buttons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.geography import Geography
from bot.names import closest, match_key
from bot.registration import Step, is_needed
from bot.roles import ROLES
from bot.services import Services
from messages import LANGUAGES, Language, as_language, is_language
from storage.registration_drafts import RegistrationDraft

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup
EDITABLE: tuple[Step, ...] = ("lang", "role", "region", "org", "phone")


@dataclass(frozen=True, slots=True)
class Screen:
    """One message: text and keyboard."""

    text: str
    markup: Markup


def data(step: Step, value: str) -> str:
    """Callback data for a registration button: `reg:<step>:<value>`, ids only."""
    return f"reg:{step}:{value}"


def rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    """Lay buttons out `width` to a row."""
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def _navigation(services: Services, language: Language, step: Step) -> list[InlineKeyboardButton]:
    text = services.catalog.text
    buttons = [InlineKeyboardButton(text(language, "button-cancel"), callback_data=data(step, "x"))]
    if step != "lang":
        buttons.insert(
            0, InlineKeyboardButton(text(language, "button-back"), callback_data=data(step, "back"))
        )
    return buttons


def place_name(
    geography: Geography, language: Language, region: str | None, rayon: str | None
) -> str:
    """«Жалал-Абад облусу, Аксы району» or just the region."""
    parts = []
    found_region = geography.region(region)
    if found_region:
        parts.append(found_region.name(language))
    found_rayon = geography.rayon(rayon)
    if found_rayon:
        parts.append(found_rayon.name(language))
    return ", ".join(parts)


def rayon_label(services: Services, language: Language, rayon_code: str | None) -> str | None:
    """«Аксы району» / «Аксыйский район», or None."""
    rayon = services.geography.rayon(rayon_code)
    if rayon is None:
        return None
    return services.catalog.text(language, "rayon-name", name=rayon.name(language))


async def organisation_label(services: Services, draft: RegistrationDraft) -> str | None:
    """The chosen or typed organisation name."""
    if draft.organisation_id is not None:
        organisation = await services.organisations.get(draft.organisation_id)
        return organisation.name if organisation else None
    return draft.new_organisation


def profile_lines(
    services: Services,
    language: Language,
    *,
    person_language: str,
    role: str | None,
    region: str | None,
    rayon: str | None,
    organisation: str | None,
    phone: str | None,
) -> str:
    """The person's answers as «Field: value» lines."""
    text = services.catalog.text
    none = text(language, "value-none")
    region_name = services.geography.region(region)
    lines = [
        (
            "field-language",
            text(language, f"language-name-{person_language}")
            if is_language(person_language)
            else none,
        ),
        ("field-role", text(language, f"role-{role}") if role else none),
    ]
    if region_name:
        lines.append(("field-region", region_name.name(language)))
    rayon_text = rayon_label(services, language, rayon)
    if rayon_text:
        lines.append(("field-rayon", rayon_text))
    if organisation:
        lines.append(("field-organisation", organisation))
    lines.append(("field-phone", phone or none))
    return "\n".join(f"{text(language, key)}: {value}" for key, value in lines)


async def screen(services: Services, draft: RegistrationDraft, *, registered: bool) -> Screen:
    """The message for the step the draft is on."""
    language = as_language(draft.language)
    text = services.catalog.text
    step = draft.step
    if step == "lang":
        buttons = [
            InlineKeyboardButton(
                ("✅ " if code == language else "") + text(code, f"language-name-{code}"),
                callback_data=data("lang", code),
            )
            for code in LANGUAGES
        ]
        body = "\n\n".join(
            [services.catalog.both("reg-welcome"), services.catalog.both("reg-choose-language")]
        )
        return Screen(
            body, InlineKeyboardMarkup([buttons, _navigation(services, language, "lang")])
        )
    if step == "role":
        buttons = [
            InlineKeyboardButton(text(language, f"role-{role}"), callback_data=data("role", role))
            for role in ROLES
        ]
        return Screen(
            text(language, "reg-choose-role"),
            InlineKeyboardMarkup([*rows(buttons, 1), _navigation(services, language, "role")]),
        )
    if step == "region":
        buttons = [
            InlineKeyboardButton(region.name(language), callback_data=data("region", region.code))
            for region in services.geography.regions
        ]
        return Screen(
            text(language, "reg-choose-region"),
            InlineKeyboardMarkup([*rows(buttons, 2), _navigation(services, language, "region")]),
        )
    if step == "rayon":
        region = services.geography.region(draft.region_code)
        assert region is not None
        buttons = [
            InlineKeyboardButton(rayon.name(language), callback_data=data("rayon", rayon.code))
            for rayon in region.rayons
        ]
        return Screen(
            text(language, "reg-choose-rayon", region=region.name(language)),
            InlineKeyboardMarkup([*rows(buttons, 2), _navigation(services, language, "rayon")]),
        )
    if step == "org":
        return await _organisation_screen(services, draft, language)
    if step == "orgc":
        return await _organisation_confirm_screen(services, draft, language)
    if step == "phone":
        keyboard = [
            [KeyboardButton(text(language, "button-share-phone"), request_contact=True)],
            [KeyboardButton(text(language, "button-skip"))],
            [KeyboardButton(text(language, "button-back"))],
        ]
        return Screen(
            text(language, "reg-share-phone"),
            ReplyKeyboardMarkup(keyboard, resize_keyboard=True, one_time_keyboard=True),
        )
    return await _summary_screen(services, draft, language, registered=registered)


async def _organisation_screen(
    services: Services, draft: RegistrationDraft, language: Language
) -> Screen:
    text = services.catalog.text
    prompt_key = (
        "reg-type-organisation"
        if draft.role in ("ao_head", "ao_deputy")
        else ("reg-type-organisation-other")
    )
    body = text(language, prompt_key)
    known = await services.organisations.in_place(draft.region_code or "", draft.rayon_code)
    buttons = [
        InlineKeyboardButton(org.name, callback_data=data("org", str(org.id))) for org in known[:30]
    ]
    if buttons:
        body = f"{body}\n{text(language, 'reg-known-organisations')}"
    return Screen(
        body, InlineKeyboardMarkup([*rows(buttons, 2), _navigation(services, language, "org")])
    )


async def suggestion_for(services: Services, draft: RegistrationDraft, typed: str) -> int | None:
    """A known organisation in the person's place whose name is nearly the typed one."""
    known = await services.organisations.in_place(draft.region_code or "", draft.rayon_code)
    return closest(match_key(typed), {org.match_key: org.id for org in known})


async def _organisation_confirm_screen(
    services: Services, draft: RegistrationDraft, language: Language
) -> Screen:
    text = services.catalog.text
    typed = draft.new_organisation or ""
    suggested_id = await suggestion_for(services, draft, typed)
    suggested = await services.organisations.get(suggested_id) if suggested_id else None
    known_name = suggested.name if suggested else ""
    buttons = []
    if suggested:
        buttons.append(
            InlineKeyboardButton(
                text(language, "button-yes-known", known=known_name),
                callback_data=data("orgc", str(suggested.id)),
            )
        )
    buttons.append(
        InlineKeyboardButton(
            text(language, "button-no-new", typed=typed), callback_data=data("orgc", "new")
        )
    )
    return Screen(
        text(language, "reg-organisation-did-you-mean", known=known_name),
        InlineKeyboardMarkup([*rows(buttons, 1), _navigation(services, language, "orgc")]),
    )


async def _summary_screen(
    services: Services, draft: RegistrationDraft, language: Language, *, registered: bool
) -> Screen:
    text = services.catalog.text
    lines = profile_lines(
        services,
        language,
        person_language=draft.language,
        role=draft.role,
        region=draft.region_code,
        rayon=draft.rayon_code,
        organisation=await organisation_label(services, draft),
        phone=draft.phone,
    )
    body = f"{text(language, 'reg-summary-title')}\n\n{lines}"
    edits = [
        InlineKeyboardButton(
            text(language, f"button-edit-{field}"), callback_data=data("sum", field)
        )
        for field in EDITABLE
        if is_needed(field, draft, services.geography)
    ]
    confirm = InlineKeyboardButton(
        text(language, "button-save" if registered else "button-confirm"),
        callback_data=data("sum", "ok"),
    )
    cancel = InlineKeyboardButton(text(language, "button-cancel"), callback_data=data("sum", "x"))
    return Screen(body, InlineKeyboardMarkup([[confirm], *rows(edits, 2), [cancel]]))
