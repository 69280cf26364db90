"""Staff: announce a seminar, or /broadcast a text, to an audience they can adjust."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.announcement import announcement_keyboard, announcement_text
from bot.audience import Audience
from bot.broadcast import Outgoing
from bot.context import BotApplication, BotContext
from bot.group_post import group_posts
from bot.roles import is_role
from bot.services import Services
from handlers.audience_views import (
    audience_screen,
    languages_screen,
    matching_groups,
    places_screen,
    rayons_screen,
    recipients,
    roles_screen,
    toggle,
    toggle_rayon,
    toggle_region,
)
from handlers.common import answer_outdated, language_for, staff_only
from messages import LANGUAGES, Language, as_language, is_language
from storage.broadcast_drafts import FEATURE as BROADCAST_DRAFT
from storage.broadcast_drafts import BroadcastDraft
from storage.groups import GROUP_ANNOUNCEMENT
from storage.people import Person
from storage.seminars import Seminar

log = logging.getLogger(__name__)

# Staff typing a broadcast's text; after registration (10), before the catch-all (100).
INPUT_GROUP = 30
TELEGRAM_MAX = 4096
EDITING_STEPS = ("audience", "places", "rayons", "roles", "langs")


async def _save(services: Services, draft: BroadcastDraft) -> None:
    await services.broadcast_drafts.save(draft, services.clock.now())


async def _seminar(services: Services, draft: BroadcastDraft) -> Seminar | None:
    if draft.seminar_id is None:
        return None
    seminar = await services.seminars.get(draft.seminar_id)
    return None if seminar is None or seminar.is_cancelled else seminar


@staff_only
async def announce(update: Update, context: BotContext) -> None:
    """«Announce» under a seminar: start with the seminar's invited audience."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    raw_id = query.data.removeprefix("ann:start:")
    seminar = await services.seminars.get(int(raw_id)) if raw_id.isdigit() else None
    if seminar is None or seminar.is_cancelled:
        await answer_outdated(update, context)
        return
    draft = BroadcastDraft(
        staff_id=update.effective_user.id,
        kind="announce",
        step="audience",
        seminar_id=seminar.id,
        audience=Audience.of_seminar(seminar).to_json(),
    )
    await _save(services, draft)
    await query.answer()
    language = await language_for(update, context)
    body, markup = await audience_screen(
        services, language, Audience.of_seminar(seminar), seminar.id, draft.to_groups
    )
    await context.bot.send_message(update.effective_user.id, body, reply_markup=markup)


@staff_only
async def broadcast(update: Update, context: BotContext) -> None:
    """/broadcast: ask for the Kyrgyz text first."""
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    services = context.services
    await _save(services, BroadcastDraft(staff_id=user.id, kind="text", step="text_ky"))
    language = await language_for(update, context)
    cancel = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    services.catalog.text(language, "button-cancel"), callback_data="ann:x"
                )
            ]
        ]
    )
    await message.reply_text(
        services.catalog.text(language, "broadcast-ask-ky"), reply_markup=cancel
    )


async def on_text(update: Update, context: BotContext) -> None:
    """The texts of a /broadcast, typed by the staff member preparing it."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None
    draft = await services.broadcast_drafts.get(user.id)
    if draft is None or draft.step not in ("text_ky", "text_ru"):
        return
    if not await services.input_focus.may_read(user.id, BROADCAST_DRAFT):
        return
    if not services.is_staff(user.id):
        await services.broadcast_drafts.delete(user.id)
        return
    language = await language_for(update, context)
    text = services.catalog.text
    if not message.text:
        await message.reply_text(text(language, "broadcast-text-only"))
        raise ApplicationHandlerStop
    if draft.step == "text_ky":
        await _save(services, replace(draft, text_ky=message.text, step="text_ru"))
        buttons = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        text(language, "button-same-text"), callback_data="ann:same"
                    )
                ],
                [InlineKeyboardButton(text(language, "button-cancel"), callback_data="ann:x")],
            ]
        )
        await message.reply_text(text(language, "broadcast-ask-ru"), reply_markup=buttons)
    else:
        draft = replace(draft, text_ru=message.text, step="audience")
        await _save(services, draft)
        body, markup = await audience_screen(
            services, language, Audience.from_json(draft.audience), None
        )
        await message.reply_text(body, reply_markup=markup)
    raise ApplicationHandlerStop


def _with_audience(draft: BroadcastDraft, audience: Audience, step: str) -> BroadcastDraft:
    return replace(draft, audience=audience.to_json(), step=step)


async def _edit_audience(
    services: Services, draft: BroadcastDraft, action: str, value: str
) -> BroadcastDraft | None:
    """Apply one audience button; None when it does not fit the draft."""
    audience = Audience.from_json(draft.audience)
    geography = services.geography
    if action == "invited":
        seminar = await _seminar(services, draft)
        return _with_audience(draft, Audience.of_seminar(seminar), "audience") if seminar else None
    if action == "all":
        return _with_audience(draft, Audience(), "audience")
    if action in ("places", "roles", "langs"):
        return replace(draft, step=action)
    if action == "done":
        return replace(draft, step="audience")
    if action == "grp" and draft.kind == "announce":
        return replace(draft, to_groups=not draft.to_groups, step="audience")
    if action == "pl" and geography.region(value) is not None:
        return _with_audience(draft, toggle_region(audience, value), "places")
    if action == "ry" and (region := geography.region(value)) is not None and region.rayons:
        return replace(draft, step=f"rayons:{value}")
    if action == "pr" and (rayon := geography.rayon(value)) is not None:
        return _with_audience(
            draft, toggle_rayon(services, audience, value), f"rayons:{rayon.region_code}"
        )
    if action == "ro" and is_role(value):
        changed = Audience(audience.places, toggle(audience.roles, value), audience.languages)
        return _with_audience(draft, changed, "roles")
    if action == "la" and is_language(value):
        changed = Audience(audience.places, audience.roles, toggle(audience.languages, value))
        return _with_audience(draft, changed, "langs")
    return None


async def _show(update: Update, context: BotContext, draft: BroadcastDraft) -> None:
    """Edit the pressed message into the draft's current audience screen."""
    query = update.callback_query
    assert query is not None
    services = context.services
    language = await language_for(update, context)
    audience = Audience.from_json(draft.audience)
    if draft.step == "places":
        body, markup = places_screen(services, language, audience)
    elif draft.step.startswith("rayons:"):
        body, markup = rayons_screen(services, language, audience, draft.step.split(":")[1])
    elif draft.step == "roles":
        body, markup = roles_screen(services, language, audience)
    elif draft.step == "langs":
        body, markup = languages_screen(services, language, audience)
    else:
        to_groups = draft.to_groups if draft.kind == "announce" else None
        body, markup = await audience_screen(
            services, language, audience, draft.seminar_id, to_groups
        )
    await query.answer()
    await query.edit_message_text(body, reply_markup=markup)


@staff_only
async def on_button(update: Update, context: BotContext) -> None:
    """Every button of the announcement and broadcast screens, checked against the draft."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    parts = query.data.split(":")
    action, value = parts[1], (parts[2] if len(parts) > 2 else "")
    draft = await services.broadcast_drafts.get(update.effective_user.id)
    if draft is None:
        await answer_outdated(update, context)
        return
    language = await language_for(update, context)
    if action == "x":
        await services.broadcast_drafts.delete(draft.staff_id)
        await query.answer()
        await query.edit_message_text(services.catalog.text(language, "ann-cancelled"))
        return
    if action == "same" and draft.step == "text_ru":
        draft = replace(draft, text_ru=draft.text_ky, step="audience")
        await _save(services, draft)
        await _show(update, context, draft)
        return
    editing = draft.step in EDITING_STEPS or draft.step.startswith("rayons:")
    if action == "preview" and editing:
        await _preview(update, context, draft, language)
        return
    if action == "aud" and draft.step == "preview":
        draft = replace(draft, step="audience")
        await _save(services, draft)
        await _show(update, context, draft)
        return
    if action == "send" and draft.step == "preview":
        await _send(update, context, draft, language)
        return
    changed = await _edit_audience(services, draft, action, value) if editing else None
    if changed is None:
        log.warning("stale or forged announcement data %r", query.data)
        await answer_outdated(update, context)
        return
    await _save(services, changed)
    await _show(update, context, changed)


async def _messages(
    services: Services, draft: BroadcastDraft, people: list[Person]
) -> list[Outgoing] | None:
    """Each person's message in their language; None if the seminar is gone."""
    if draft.kind == "announce":
        seminar = await _seminar(services, draft)
        if seminar is None:
            return None
        rendered = {
            code: (
                announcement_text(services, seminar, code),
                announcement_keyboard(services, seminar, code),
            )
            for code in LANGUAGES
        }
        return [Outgoing(p.telegram_id, *rendered[as_language(p.language)]) for p in people]
    texts = {"ky": draft.text_ky or "", "ru": draft.text_ru or draft.text_ky or ""}
    return [Outgoing(p.telegram_id, texts.get(p.language, texts["ky"])) for p in people]


async def _group_posts(
    services: Services, draft: BroadcastDraft, bot_username: str
) -> list[Outgoing]:
    """The posts for the registered groups of the announcement's places, when chosen."""
    if draft.kind != "announce" or not draft.to_groups:
        return []
    seminar = await _seminar(services, draft)
    if seminar is None:
        return []
    groups = await matching_groups(services, Audience.from_json(draft.audience))
    taken = await services.rsvps.seats_taken(seminar.id)
    return group_posts(services, seminar, groups, bot_username, taken)


async def _preview(
    update: Update, context: BotContext, draft: BroadcastDraft, language: Language
) -> None:
    """Show exactly what each language group gets, with the exact count, then ask to send."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    services = context.services
    text = services.catalog.text
    people = await recipients(services, Audience.from_json(draft.audience))
    posts = await _group_posts(services, draft, context.bot.username)
    if not people and not posts:
        await query.answer(text(language, "ann-nobody"), show_alert=True)
        return
    for body in (draft.text_ky or "", draft.text_ru or ""):
        if len(body) > TELEGRAM_MAX:
            await services.broadcast_drafts.save(
                replace(draft, step="text_ky"), services.clock.now()
            )
            await query.answer()
            await query.edit_message_text(
                text(language, "broadcast-too-long", length=len(body), max=TELEGRAM_MAX)
                + "\n\n"
                + text(language, "broadcast-ask-ky")
            )
            return
    messages = await _messages(services, draft, people)
    if messages is None:
        await query.answer(text(language, "ann-seminar-gone"), show_alert=True)
        return
    await services.broadcast_drafts.save(replace(draft, step="preview"), services.clock.now())
    await query.answer()
    await query.edit_message_reply_markup(None)
    counts = Counter(p.language for p in people)
    chat = update.effective_user.id
    for code in LANGUAGES:
        sample = next(
            (m for m, p in zip(messages, people, strict=True) if p.language == code), None
        )
        if sample is None:
            continue
        await context.bot.send_message(
            chat,
            text(
                language,
                "ann-preview-language",
                language_name=text(code, f"language-name-{code}"),
                count=counts[code],
            ),
        )
        await context.bot.send_message(chat, sample.text, reply_markup=sample.reply_markup)
    if posts:
        await context.bot.send_message(chat, text(language, "ann-preview-groups", count=len(posts)))
        # The group post's buttons would answer for the staff member: the preview shows text.
        await context.bot.send_message(chat, posts[0].text)
    send = (
        text(language, "button-send-to", total=len(people))
        if people
        else text(language, "button-post-to-groups", count=len(posts))
    )
    confirm = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(send, callback_data="ann:send")],
            [
                InlineKeyboardButton(
                    text(language, "button-change-audience"), callback_data="ann:aud"
                )
            ],
            [InlineKeyboardButton(text(language, "button-cancel"), callback_data="ann:x")],
        ]
    )
    await context.bot.send_message(
        chat, text(language, "ann-preview-confirm", total=len(people)), reply_markup=confirm
    )


async def _send(
    update: Update, context: BotContext, draft: BroadcastDraft, language: Language
) -> None:
    """Hand the messages to the broadcast engine; the draft is gone, so a double press is stale."""
    query = update.callback_query
    assert query is not None
    services = context.services
    people = await recipients(services, Audience.from_json(draft.audience))
    messages = await _messages(services, draft, people)
    posts = await _group_posts(services, draft, context.bot.username)
    if messages is None or not (messages or posts):
        await query.answer(services.catalog.text(language, "ann-nobody"), show_alert=True)
        return
    await services.broadcast_drafts.delete(draft.staff_id)
    if messages:
        await services.broadcasts.submit(
            "announcement" if draft.kind == "announce" else "broadcast",
            messages,
            created_by=draft.staff_id,
            seminar_id=draft.seminar_id,
        )
    if posts:
        # Through the engine, which spaces posts to one group 3 s apart.
        await services.broadcasts.submit(
            GROUP_ANNOUNCEMENT, posts, created_by=draft.staff_id, seminar_id=draft.seminar_id
        )
    if draft.seminar_id is not None:
        await services.seminars.mark_announced(draft.seminar_id, services.clock.now())
    await query.answer()
    await query.edit_message_text(services.catalog.text(language, "ann-sent"))


def register(application: BotApplication) -> None:
    """Add the announcement and broadcast handlers."""
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("broadcast", broadcast, filters=private))
    application.add_handler(CallbackQueryHandler(announce, pattern=r"^ann:start:"))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^ann:"))
    application.add_handler(
        MessageHandler(private & ~filters.COMMAND & ~filters.StatusUpdate.ALL, on_text),
        group=INPUT_GROUP,
    )
