"""What each step of creating or editing a seminar looks like: its text and its buttons."""

from __future__ import annotations

from datetime import date, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.roles import ROLES
from bot.seminar_card import seminar_detail
from bot.seminar_wizard import OPTIONAL, PARTS, PICKER, PREVIEW, STEPS, TEXT_STEPS, fields_from
from bot.services import Services
from handlers.registration_views import rows
from messages import Language
from storage.seminar_drafts import SeminarDraft
from storage.seminars import Seminar

# Long current values (an agenda) are cut in the prompt; the preview shows them whole.
_SHOWN_CURRENT = 200


def data(step: str, value: str) -> str:
    """Callback data for a wizard button: `new:<step>:<value>`, codes only."""
    return f"new:{step}:{value}"


def _navigation(
    services: Services, language: Language, draft: SeminarDraft
) -> list[list[InlineKeyboardButton]]:
    text = services.catalog.text
    step = draft.step
    bottom = []
    first_of_all = step == STEPS[0] and draft.until_step is None
    if not first_of_all:
        bottom.append(
            InlineKeyboardButton(text(language, "button-back"), callback_data=data(step, "back"))
        )
    bottom.append(
        InlineKeyboardButton(text(language, "button-cancel"), callback_data=data(step, "x"))
    )
    keyboard = [bottom]
    if step in OPTIONAL:
        keyboard.insert(
            0,
            [InlineKeyboardButton(text(language, "button-skip"), callback_data=data(step, "skip"))],
        )
    return keyboard


def _current(services: Services, language: Language, draft: SeminarDraft) -> str | None:
    """The value a text step already has (when editing), as staff typed it."""
    answers = draft.answers
    step = draft.step
    zone = services.config.bot.timezone
    value: object = answers.get(step)
    if step == "date" and value:
        shown = date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    elif step == "deadline" and value:
        shown = datetime.fromisoformat(str(value)).astimezone(zone).strftime("%d.%m.%Y %H:%M")
    elif value in (None, "", []):
        return None
    else:
        shown = str(value)
    if len(shown) > _SHOWN_CURRENT:
        shown = shown[:_SHOWN_CURRENT] + "…"
    return services.catalog.text(language, "semnew-current", value=shown)


def _toggle(label: str, chosen: bool, callback: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(("✅ " if chosen else "") + label, callback_data=callback)


def step_screen(
    services: Services, language: Language, draft: SeminarDraft
) -> tuple[str, InlineKeyboardMarkup]:
    """The prompt and buttons of a wizard step or of the part picker (not the preview)."""
    text = services.catalog.text
    step = draft.step
    answers = draft.answers
    navigation = _navigation(services, language, draft)
    done = [InlineKeyboardButton(text(language, "semnew-done"), callback_data=data(step, "done"))]
    if step == "regions":
        chosen = set(answers.get("regions", []))
        buttons = [
            _toggle(region.name(language), region.code in chosen, data(step, region.code))
            for region in services.geography.regions
        ]
        keyboard = [*rows(buttons, 2), done, *navigation]
    elif step == "rayons":
        chosen = set(answers.get("rayons", []))
        buttons = [
            _toggle(rayon.name(language), rayon.code in chosen, data(step, rayon.code))
            for code in answers.get("regions", [])
            if (region := services.geography.region(code)) is not None
            for rayon in region.rayons
        ]
        keyboard = [*rows(buttons, 2), done, *navigation]
    elif step == "roles":
        chosen = set(answers.get("roles", []))
        buttons = [
            _toggle(text(language, f"role-{role}"), role in chosen, data(step, role))
            for role in ROLES
        ]
        keyboard = [*rows(buttons, 1), done, *navigation]
    elif step == PICKER:
        buttons = [
            InlineKeyboardButton(
                text(language, f"semnew-part-{part}"), callback_data=data(step, part)
            )
            for part in PARTS
        ]
        keyboard = [*rows(buttons, 2), *navigation]
    else:
        keyboard = navigation
    prompt = text(language, f"semnew-ask-{step}")
    current = _current(services, language, draft) if step in TEXT_STEPS else None
    body = f"{prompt}\n\n{current}" if current else prompt
    return body, InlineKeyboardMarkup(keyboard)


def draft_seminar(services: Services, draft: SeminarDraft, stored: Seminar | None) -> Seminar:
    """The seminar the draft describes, unsaved, for the preview."""
    fields = fields_from(draft.answers, services.config.bot.timezone, services.geography)
    now = services.clock.now()
    return Seminar(
        id=stored.id if stored else 0,
        fields=fields,
        status=stored.status if stored else "scheduled",
        announced_at=stored.announced_at if stored else None,
        created_by=stored.created_by if stored else draft.telegram_id,
        created_at=stored.created_at if stored else now,
        updated_at=now,
    )


def audience_lines(services: Services, seminar: Seminar, language: Language) -> str:
    """Who is invited and how many seats, as staff read it."""
    text = services.catalog.text
    geography = services.geography
    places = []
    for code in dict.fromkeys(p.region_code for p in seminar.fields.places):
        region = geography.region(code)
        if region is None:
            continue
        rayons = [
            rayon.name(language)
            for p in seminar.fields.places
            if p.region_code == code and (rayon := geography.rayon(p.rayon_code)) is not None
        ]
        places.append(
            f"{region.name(language)}: {', '.join(rayons)}" if rayons else region.name(language)
        )
    roles = [text(language, f"role-{role}") for role in seminar.fields.roles]
    capacity = seminar.fields.capacity
    return "\n".join(
        [
            text(
                language, "semnew-places", places="; ".join(places) or text(language, "value-none")
            ),
            text(
                language,
                "semnew-roles",
                roles="; ".join(roles) or text(language, "semnew-any-role"),
            ),
            text(
                language,
                "semnew-capacity",
                capacity=str(capacity) if capacity else text(language, "value-none"),
            ),
        ]
    )


def preview_messages(
    services: Services, language: Language, draft: SeminarDraft, stored: Seminar | None
) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """The seminar as heads will see it in Kyrgyz, then in Russian, then the audience and Save."""
    text = services.catalog.text
    seminar = draft_seminar(services, draft, stored)
    ky = f"{text('ky', 'semnew-preview-as-seen', name=text('ky', 'language-name-ky'))}\n\n"
    ru = f"{text('ru', 'semnew-preview-as-seen', name=text('ru', 'language-name-ru'))}\n\n"
    summary = (
        f"{text(language, 'semnew-preview-title')}\n\n{audience_lines(services, seminar, language)}"
    )
    buttons = [
        [InlineKeyboardButton(text(language, "button-save"), callback_data=data(PREVIEW, "ok"))],
        [
            InlineKeyboardButton(
                text(language, "semnew-change"), callback_data=data(PREVIEW, "edit")
            )
        ],
        [
            InlineKeyboardButton(
                text(language, "button-back"), callback_data=data(PREVIEW, "back")
            ),
            InlineKeyboardButton(text(language, "button-cancel"), callback_data=data(PREVIEW, "x")),
        ],
    ]
    return [
        (ky + seminar_detail(services, seminar, "ky"), None),
        (ru + seminar_detail(services, seminar, "ru"), None),
        (summary, InlineKeyboardMarkup(buttons)),
    ]
