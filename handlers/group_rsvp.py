"""Answers pressed on a seminar's group post: the presser's own, confirmed to them alone.

The answer goes through the same `RsvpRepository.answer` as in private (seats, waitlist,
deadline in one transaction). "I'll come" from a group keeps the party size someone already
gave privately and is 1 otherwise: the group post asks no follow-up question. Being in a
group the seminar was posted to is the invitation, so the place check of private answers
does not apply. The post's count line is the seminar's total, edited by `LiveCounts`.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, ChatMigrated, RetryAfter
from telegram.ext import CallbackQueryHandler

from bot.context import BotApplication, BotContext
from bot.group_post import bot_link, count_text, group_post_keyboard, group_post_text
from bot.live_count import Refresh
from bot.rate_limiter import Bot
from bot.services import Services
from handlers.common import answer_outdated, language_for, say
from handlers.rsvp import notify_promoted, yes_allowed
from storage.rsvps import Answer

log = logging.getLogger(__name__)

_ANSWERS: dict[str, Answer] = {"y": "yes", "m": "maybe", "n": "no"}
ALERT_MAX = 200


async def on_button(update: Update, context: BotContext) -> None:
    """grsvp:<y|m|n>:<seminar> on a group post: record, tell the presser in an alert."""
    query = update.callback_query
    user = update.effective_user
    assert query is not None and query.data is not None and user is not None
    services = context.services
    parts = query.data.split(":")
    if len(parts) != 3 or parts[1] not in _ANSWERS or not parts[2].isdigit():
        await answer_outdated(update, context)
        return
    seminar = await services.seminars.get(int(parts[2]))
    if seminar is None:
        await answer_outdated(update, context)
        return
    if seminar.is_cancelled:
        await say(update, context, "rsvp-seminar-cancelled")
        return
    now = services.clock.now()
    if now >= seminar.fields.starts_at:
        await say(update, context, "rsvp-seminar-started")
        return
    language = await language_for(update, context)
    person = await services.people.get(user.id, guests=True)
    if person is None:
        await services.people.save_guest(
            user.id, user.first_name, user.last_name, user.username, language, now
        )
    guest = person is None or not person.registered
    answer = _ANSWERS[parts[1]]
    current = await services.rsvps.get(seminar.id, user.id)
    party = current.party if current is not None and current.answer == "yes" else 1
    if answer == "yes" and not await yes_allowed(services, seminar, current, party):
        await say(update, context, "rsvp-deadline-passed")
        return
    outcome = await services.rsvps.answer(seminar.id, user.id, answer, party, now)
    text = services.catalog.text
    if outcome.rsvp is not None and outcome.rsvp.waiting:
        alert = text(language, "rsvp-waitlisted", place=outcome.waitlist_place or 0)
    else:
        alert = text(language, f"group-rsvp-{answer}")
    if guest:
        link = bot_link(context.bot.username, f"grp-{seminar.id}")
        hint = text(language, "group-rsvp-register", link=link)
        # An alert holds 200 characters: the way to the bot matters more than the wording.
        alert = f"{alert}\n\n{hint}" if len(alert) + len(hint) + 2 <= ALERT_MAX else hint
    await query.answer(alert, show_alert=True)
    await notify_promoted(context, seminar, outcome.promoted)
    message = query.message
    if outcome.changed and message is not None:
        post = await services.groups.post(message.chat.id, message.message_id)
        if post is not None:
            services.live_counts.touch(
                post.chat_id, post.message_id, _refresher(context.bot, services)
            )


def _refresher(bot: Bot, services: Services) -> Refresh:
    async def refresh(chat_id: int, message_id: int) -> bool:
        return await refresh_post(bot, services, chat_id, message_id)

    return refresh


async def refresh_post(bot: Bot, services: Services, chat_id: int, message_id: int) -> bool:
    """Edit the post's count line if it changed; whether an edit was sent."""
    post = await services.groups.post(chat_id, message_id)
    seminar = await services.seminars.get(post.seminar_id) if post else None
    if post is None or seminar is None:
        return False
    taken = await services.rsvps.seats_taken(seminar.id)
    line = count_text(services, seminar, post.language, taken)
    if line == post.last_count_text:
        return False
    try:
        await bot.edit_message_text(
            group_post_text(services, seminar, post.language, taken),
            chat_id=chat_id,
            message_id=message_id,
            reply_markup=group_post_keyboard(services, seminar, post.language, bot.username),
        )
    except ChatMigrated:
        # The old group's messages can no longer be edited; answers there still count.
        await services.groups.forget_post(chat_id, message_id)
        return True
    except RetryAfter as error:
        log.warning("count edit in %s held back by Telegram: %s", chat_id, error.retry_after)
        services.live_counts.touch(chat_id, message_id, _refresher(bot, services))
        return True
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            log.warning("count of post %s in %s not edited: %s", message_id, chat_id, error)
            await services.groups.forget_post(chat_id, message_id)
            return True
    await services.groups.mark_edited(chat_id, message_id, line, services.clock.now())
    return True


def register(application: BotApplication) -> None:
    """Add the group-post answer buttons."""
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^grsvp:"))
