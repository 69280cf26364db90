"""Answers pressed on a seminar's group post: the presser's own, confirmed to them alone.

The answer goes through the same `RsvpRepository.answer` as in private (seats, waitlist,
deadline in one transaction). "I'll come" from a group keeps the party size someone already
gave privately and is 1 otherwise: the group post asks no follow-up question. Being in a
group the seminar was posted to is the invitation, so the place check of private answers
does not apply. The post's count line is the seminar's total (`handlers.group_counts`).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.context import BotApplication, BotContext
from bot.group_post import bot_link
from handlers.common import answer_outdated, language_for, say
from handlers.group_counts import touch_posts
from handlers.rsvp import notify_promoted, yes_allowed
from storage.rsvps import Answer

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
    answer = _ANSWERS[parts[1]]
    current = await services.rsvps.get(seminar.id, user.id)
    party = current.party if current is not None and current.answer == "yes" else 1
    if answer == "yes" and not await yes_allowed(services, seminar, current, party):
        await say(update, context, "rsvp-deadline-passed")
        return
    person = await services.people.get(user.id, guests=True)
    if person is None:
        # Only now: a refused press leaves nothing about the person behind.
        await services.people.save_guest(
            user.id, user.first_name, user.last_name, user.username, language, now
        )
    guest = person is None or not person.registered
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
    if outcome.changed:
        await touch_posts(context.bot, services, seminar.id)


def register(application: BotApplication) -> None:
    """Add the group-post answer buttons."""
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^grsvp:"))
