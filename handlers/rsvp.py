"""Participants answer a seminar: I'll come (how many), maybe, can't come; and `/my`."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.audience import Audience
from bot.context import BotApplication, BotContext
from bot.rsvp_report import reading_language
from bot.services import Services
from handlers.common import answer_outdated, language_for, say
from handlers.group_counts import touch_posts
from handlers.question_asking import questions_summary
from handlers.rsvp_views import accepts_yes, answer_view, party_view
from messages import Language
from storage.people import Person
from storage.rsvps import Answer, Rsvp, RsvpOutcome
from storage.seminars import Seminar

log = logging.getLogger(__name__)

_ANSWERS: dict[str, Answer] = {"y": "yes", "p": "yes", "m": "maybe", "n": "no"}
# /my shows at most this many seminars, one message each: enough for a season.
_MY_LIMIT = 5


async def notify_promoted(
    context: BotContext, seminar: Seminar, promoted: tuple[Rsvp, ...]
) -> None:
    """Tell each person moved up from the waitlist that they now have a seat."""
    services = context.services
    for rsvp in promoted:
        person = await services.people.get(rsvp.telegram_id)
        if person is None:
            continue
        language = reading_language(person)
        text, markup = answer_view(services, seminar, language, rsvp, None)
        body = services.catalog.text(language, "rsvp-promoted") + "\n\n" + text
        try:
            await context.bot.send_message(rsvp.telegram_id, body, reply_markup=markup)
        except Forbidden:
            await services.people.set_reachable(rsvp.telegram_id, False, services.clock.now())
        except TelegramError as error:
            log.warning("promotion notice to %s not sent: %s", rsvp.telegram_id, error)


def _refusal(services: Services, seminar: Seminar | None, person: Person | None) -> str | None:
    """Why this person cannot answer this seminar now, as a catalog key; None when they can."""
    if seminar is None:
        return "button-outdated"
    if person is None:
        return "register-first"
    if seminar.is_cancelled:
        return "rsvp-seminar-cancelled"
    if services.clock.now() >= seminar.fields.starts_at:
        return "rsvp-seminar-started"
    if not Audience.of_seminar(seminar).includes(person):
        return "rsvp-not-invited"
    return None


async def on_button(update: Update, context: BotContext) -> None:
    """rsvp:<y|p|m|n|v>:<seminar>[:<party>] — validate, record, show the answer in place."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    parts = query.data.split(":")
    if len(parts) not in (3, 4) or not parts[2].isdigit() or parts[1] not in {*_ANSWERS, "v"}:
        await answer_outdated(update, context)
        return
    action, seminar_id = parts[1], int(parts[2])
    seminar = await services.seminars.get(seminar_id)
    person = await services.people.get(update.effective_user.id)
    refusal = _refusal(services, seminar, person)
    if refusal is not None or seminar is None or person is None:
        await say(update, context, refusal or "button-outdated")
        return
    language = await language_for(update, context)
    current = await services.rsvps.get(seminar.id, person.telegram_id)
    if action == "v":
        await query.answer()
        place = await services.rsvps.waitlist_place(current) if current else None
        body, markup = answer_view(services, seminar, language, current, place)
        await query.edit_message_text(body, reply_markup=markup)
        return
    party = 1
    if action == "p":
        size = parts[3] if len(parts) == 4 else ""
        if not size.isdigit() or not 1 <= int(size) <= seminar.fields.max_party:
            await answer_outdated(update, context)
            return
        party = int(size)
    answer = _ANSWERS[action]
    if answer == "yes" and not await yes_allowed(services, seminar, current, party):
        await say(update, context, "rsvp-deadline-passed")
        return
    if action == "y" and seminar.fields.max_party > 1:
        await query.answer()
        body, markup = party_view(services, seminar, language)
        await query.edit_message_text(body, reply_markup=markup)
        return
    outcome = await services.rsvps.answer(
        seminar.id, person.telegram_id, answer, party, services.clock.now()
    )
    await _show_outcome(update, context, seminar, language, outcome)


async def yes_allowed(
    services: Services, seminar: Seminar, current: Rsvp | None, party: int
) -> bool:
    """After the deadline only a smaller (or the same) party of an existing yes is taken."""
    settings = await services.attendance.settings(seminar.id)
    if accepts_yes(seminar, settings.reopened, services.clock.now()):
        return True
    return current is not None and current.answer == "yes" and party <= current.party


async def _show_outcome(
    update: Update,
    context: BotContext,
    seminar: Seminar,
    language: Language,
    outcome: RsvpOutcome,
) -> None:
    query = update.callback_query
    assert query is not None
    services = context.services
    text = services.catalog.text
    if outcome.party_refused:
        await query.answer(
            text(language, "rsvp-party-refused", free=outcome.free_seats or 0), show_alert=True
        )
        return
    if outcome.rsvp is not None and outcome.rsvp.waiting:
        await query.answer(
            text(language, "rsvp-waitlisted", place=outcome.waitlist_place or 0), show_alert=True
        )
    else:
        await query.answer(text(language, "rsvp-saved"))
    body, markup = answer_view(services, seminar, language, outcome.rsvp, outcome.waitlist_place)
    if outcome.changed:
        await query.edit_message_text(body, reply_markup=markup)
        await touch_posts(context.bot, services, seminar.id)
    await notify_promoted(context, seminar, outcome.promoted)


async def my_seminars(update: Update, context: BotContext) -> None:
    """Upcoming seminars for this person, each with their answer and buttons to change it."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    services = context.services
    language = await language_for(update, context)
    person = await services.people.get(update.effective_user.id)
    if person is None:
        await say(update, context, "register-first")
        return
    answers = {r.seminar_id: r for r in await services.rsvps.for_person(person.telegram_id)}
    seminars = [
        s
        for s in await services.seminars.upcoming(services.clock.now())
        if s.id in answers or Audience.of_seminar(s).includes(person)
    ][:_MY_LIMIT]
    questions = await questions_summary(services, person, language)
    if not seminars:
        await message.reply_text(services.catalog.text(language, "my-none"))
    for seminar in seminars:
        rsvp = answers.get(seminar.id)
        place = await services.rsvps.waitlist_place(rsvp) if rsvp else None
        body, markup = answer_view(services, seminar, language, rsvp, place)
        await message.reply_text(body, reply_markup=markup)
    if questions:
        await message.reply_text(questions)


def register(application: BotApplication) -> None:
    """Add the participants' RSVP handlers."""
    application.add_handler(CommandHandler("my", my_seminars, filters=filters.ChatType.PRIVATE))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^rsvp:"))
