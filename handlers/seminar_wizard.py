"""Staff create a seminar with /new, or change one, step by step, then confirm a preview."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, time

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.context import BotApplication, BotContext
from bot.geography import Geography
from bot.roles import is_role
from bot.seminar_rules import (
    Invalid,
    checked_text,
    local,
    parse_capacity,
    parse_clock,
    parse_day,
    problems,
)
from bot.seminar_wizard import (
    OPTIONAL,
    PARTS,
    PICKER,
    PREVIEW,
    STEPS,
    TEXT_STEPS,
    TOGGLES,
    answers_from,
    is_step,
    next_step,
    previous_step,
    start_of,
)
from bot.services import Services
from handlers.common import answer_outdated, language_for, staff_only
from handlers.seminar_notices import offer_change_notice
from handlers.seminar_wizard_views import draft_seminar, preview_messages, step_screen
from messages import Language
from storage.seminar_drafts import FEATURE as WIZARD
from storage.seminar_drafts import Answers, SeminarDraft
from storage.seminars import Seminar

log = logging.getLogger(__name__)

# Text typed into the wizard: after registration's group (10), before the catch-all (100).
INPUT_GROUP = 25

TEXT_KINDS = {
    "title_ky": "title",
    "title_ru": "title",
    "city_ky": "city",
    "city_ru": "city",
    "venue_ky": "venue",
    "venue_ru": "venue",
    "desc_ky": "description",
    "desc_ru": "description",
    "organiser": "organiser",
}


async def _save(services: Services, draft: SeminarDraft) -> None:
    await services.seminar_drafts.save(draft, services.clock.now())


async def _stored(services: Services, draft: SeminarDraft) -> Seminar | None:
    return await services.seminars.get(draft.seminar_id) if draft.seminar_id else None


async def send_screen(
    update: Update, context: BotContext, draft: SeminarDraft, prefix: str = ""
) -> None:
    """Send the draft's step as new messages (the preview is three of them)."""
    services = context.services
    language = await language_for(update, context)
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    if draft.step == PREVIEW:
        if prefix:
            await context.bot.send_message(chat_id, prefix)
        for body, markup in preview_messages(
            services, language, draft, await _stored(services, draft)
        ):
            await context.bot.send_message(chat_id, body, reply_markup=markup)
        return
    body, markup = step_screen(services, language, draft)
    await context.bot.send_message(
        chat_id, f"{prefix}\n\n{body}" if prefix else body, reply_markup=markup
    )


async def _show_after_press(update: Update, context: BotContext, draft: SeminarDraft) -> None:
    """Edit the pressed message into the next step; the preview comes as new messages."""
    query = update.callback_query
    assert query is not None
    if draft.step == PREVIEW:
        await query.edit_message_reply_markup(None)
        await send_screen(update, context, draft)
        return
    body, markup = step_screen(context.services, await language_for(update, context), draft)
    await query.edit_message_text(body, reply_markup=markup)


async def begin_edit(update: Update, context: BotContext, seminar: Seminar) -> None:
    """Open a stored seminar in the wizard at the part picker (from the staff list)."""
    services = context.services
    user = update.effective_user
    assert user is not None
    draft = SeminarDraft(
        telegram_id=user.id,
        step=PICKER,
        seminar_id=seminar.id,
        answers=answers_from(seminar.fields, services.config.bot.timezone),
    )
    await _save(services, draft)
    await send_screen(update, context, draft)


@staff_only
async def new_seminar(update: Update, context: BotContext) -> None:
    """/new: start creating a seminar, or continue the one left unfinished."""
    services = context.services
    user = update.effective_user
    assert user is not None
    language = await language_for(update, context)
    draft = await services.seminar_drafts.get(user.id)
    if draft is not None:
        # One draft a staff member: an edit in progress is finished or cancelled first.
        key = "semnew-busy-edit" if draft.seminar_id else "semnew-continue"
        await send_screen(update, context, draft, services.catalog.text(language, key))
        return
    draft = SeminarDraft(telegram_id=user.id, step=STEPS[0])
    await _save(services, draft)
    await send_screen(update, context, draft, services.catalog.text(language, "semnew-intro"))


def _advance(draft: SeminarDraft, answers: Answers, geography: Geography) -> SeminarDraft:
    following = next_step(draft.step, draft.until_step, answers, geography)
    until = None if following == PREVIEW else draft.until_step
    return replace(draft, step=following, until_step=until, answers=answers)


def _toggled(draft: SeminarDraft, value: str, geography: Geography) -> Answers | None:
    """The answers with one region, rayon or role switched on or off; None if not offered."""
    answers = dict(draft.answers)
    step = draft.step
    if step == "regions" and geography.region(value) is None:
        return None
    if step == "rayons":
        rayon = geography.rayon(value)
        if rayon is None or rayon.region_code not in answers.get("regions", []):
            return None
    if step == "roles" and not is_role(value):
        return None
    chosen: list[str] = list(answers.get(step, []))
    if value in chosen:
        chosen.remove(value)
    else:
        chosen.append(value)
    answers[step] = chosen
    if step == "regions":
        # A rayon of a region no longer invited would invite nobody: drop it.
        answers["rayons"] = [
            code
            for code in answers.get("rayons", [])
            if (rayon := geography.rayon(code)) is not None and rayon.region_code in chosen
        ]
    return answers


@staff_only
async def on_button(update: Update, context: BotContext) -> None:
    """Any wizard button, checked against the step the staff member is really on."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    geography = services.geography
    parts = query.data.split(":")
    draft = await services.seminar_drafts.get(update.effective_user.id)
    if len(parts) != 3 or not is_step(parts[1]) or draft is None or parts[1] != draft.step:
        await answer_outdated(update, context)
        return
    step, value = parts[1], parts[2]
    language = await language_for(update, context)
    if value == "x":
        await services.seminar_drafts.delete(draft.telegram_id)
        await query.answer()
        key = "semnew-edit-cancelled" if draft.seminar_id else "semnew-cancelled"
        await query.edit_message_text(services.catalog.text(language, key))
        return
    if value == "back":
        draft = _back(draft, geography)
    elif step == PREVIEW and value == "ok":
        await _confirm(update, context, draft, language)
        return
    elif step == PREVIEW and value == "edit":
        draft = replace(draft, step=PICKER)
    elif step == PICKER and value in PARTS:
        draft = replace(draft, step=PARTS[value][0], until_step=PARTS[value][-1])
    elif value == "skip" and step in OPTIONAL:
        empty: object = [] if step == "rayons" else None
        draft = _advance(draft, {**draft.answers, step: empty}, geography)
    elif value == "done" and step in TOGGLES:
        if step == "regions" and not draft.answers.get("regions"):
            await query.answer(
                services.catalog.text(language, "semrule-no-places"), show_alert=True
            )
            return
        draft = _advance(draft, dict(draft.answers), geography)
    elif step in TOGGLES and (answers := _toggled(draft, value, geography)) is not None:
        draft = replace(draft, answers=answers)
    else:
        log.warning("forged seminar wizard data %r from %s", query.data, draft.telegram_id)
        await answer_outdated(update, context)
        return
    await _save(services, draft)
    await query.answer()
    await _show_after_press(update, context, draft)


def _back(draft: SeminarDraft, geography: Geography) -> SeminarDraft:
    if draft.step == PREVIEW:
        following = PICKER if draft.seminar_id else STEPS[-1]
        return replace(draft, step=following, until_step=None)
    if draft.step == PICKER:
        return replace(draft, step=PREVIEW, until_step=None)
    earlier = previous_step(draft.step, draft.until_step, draft.answers, geography)
    until = None if earlier == PREVIEW else draft.until_step
    return replace(draft, step=earlier, until_step=until)


async def _confirm(
    update: Update, context: BotContext, draft: SeminarDraft, language: Language
) -> None:
    """Save the seminar: a new one is created, an edited one replaced."""
    services = context.services
    query = update.callback_query
    assert query is not None
    stored = await _stored(services, draft)
    if draft.seminar_id is not None and stored is None:
        await services.seminar_drafts.delete(draft.telegram_id)
        await answer_outdated(update, context)
        return
    seminar = draft_seminar(services, draft, stored)
    found = problems(seminar.fields)
    if found:
        await query.answer(services.catalog.text(language, found[0].key), show_alert=True)
        return
    now = services.clock.now()
    if stored is None:
        saved = await services.seminars.create(
            seminar.fields, created_by=draft.telegram_id, now=now
        )
        key = "semnew-created"
    else:
        saved = await services.seminars.update(stored.id, seminar.fields, now)
        key = "semnew-saved"
    await services.seminar_drafts.delete(draft.telegram_id)
    await query.answer()
    await query.edit_message_text(services.catalog.text(language, key, title=saved.title(language)))
    if stored is not None:
        await offer_change_notice(update, context, stored, saved)


def _typed(services: Services, draft: SeminarDraft, typed: str) -> Answers:
    """The answers with the typed value of the current text step, or Invalid."""
    answers = dict(draft.answers)
    step = draft.step
    zone = services.config.bot.timezone
    now = services.clock.now()
    if step in TEXT_KINDS:
        answers[step] = checked_text(typed, TEXT_KINDS[step], required=True)
    elif step == "date":
        day = parse_day(typed)
        if day < now.astimezone(zone).date():
            raise Invalid("semrule-past-date")
        answers["date"] = day.isoformat()
        answers.pop("end_date", None)
    elif step == "start":
        clock = parse_clock(typed)
        if local(date.fromisoformat(answers["date"]), clock, zone) <= now:
            raise Invalid("semrule-past-time")
        answers["start"] = clock.strftime("%H:%M")
    elif step == "end":
        clock = parse_clock(typed)
        if not answers.get("end_date") and clock <= time.fromisoformat(answers["start"]):
            raise Invalid("semrule-end-before-start")
        answers["end"] = clock.strftime("%H:%M")
    elif step == "capacity":
        answers["capacity"] = parse_capacity(typed)
    elif step == "deadline":
        answers["deadline"] = _deadline(typed, answers, services).isoformat()
    return answers


def _deadline(typed: str, answers: Answers, services: Services) -> datetime:
    """«08.07.2019 18:00», or a day alone meaning its end, before the start and not past."""
    zone = services.config.bot.timezone
    day_text, _, clock_text = typed.strip().partition(" ")
    day = parse_day(day_text)
    clock = parse_clock(clock_text) if clock_text.strip() else time(23, 59)
    deadline = local(day, clock, zone)
    if deadline <= services.clock.now():
        raise Invalid("semrule-past-time")
    starts = start_of(answers, zone)
    if starts is not None and deadline > starts:
        raise Invalid("semrule-deadline-after-start")
    return deadline


async def on_text(update: Update, context: BotContext) -> None:
    """Typed text while creating or editing a seminar: checked, kept, or asked again."""
    services = context.services
    user = update.effective_user
    message = update.effective_message
    assert user is not None and message is not None and message.text is not None
    if not services.is_staff(user.id):
        return
    draft = await services.seminar_drafts.get(user.id)
    if draft is None or not await services.input_focus.may_read(user.id, WIZARD):
        return
    language = await language_for(update, context)
    text = services.catalog.text
    if draft.step not in TEXT_STEPS:
        await send_screen(update, context, draft, text(language, "use-buttons"))
        raise ApplicationHandlerStop
    try:
        answers = _typed(services, draft, message.text)
    except Invalid as problem:
        await send_screen(update, context, draft, text(language, problem.key, **problem.args_))
        raise ApplicationHandlerStop from None
    draft = _advance(draft, answers, services.geography)
    await _save(services, draft)
    await send_screen(update, context, draft)
    raise ApplicationHandlerStop


def register(application: BotApplication) -> None:
    """Add /new, its buttons and its text input."""
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("new", new_seminar, filters=private))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^new:"))
    application.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text), group=INPUT_GROUP
    )
