"""Once a day staff get the questions left open too long."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import InlineKeyboardMarkup
from telegram.error import TelegramError

from bot.context import BotApplication, BotContext
from bot.rate_limiter import Bot
from bot.services import Services
from handlers.question_views import (
    MESSAGE_ROOM,
    chat_language,
    queue_listing,
    staff_chats,
)
from handlers.registration_views import rows

log = logging.getLogger(__name__)

# The job only asks "is today's digest due?"; checking often means a restart or a late
# start still sends it the same day, and never twice (the day is stored).
CHECK_EVERY = timedelta(minutes=10)
DIGEST_SHOWN = 20


async def send_due(services: Services, bot: Bot) -> int:
    """Send today's digest if its time has come and it has not gone out; returns its size."""
    settings = services.config.questions
    now = services.clock.now()
    local = now.astimezone(services.config.bot.timezone)
    if local.time() < settings.digest_time:
        return 0
    if not await services.questions.mark_digest_sent(local.date().isoformat(), now):
        return 0
    stale = await services.questions.open_before(now - timedelta(hours=settings.digest_after_hours))
    if not stale:
        return 0
    for chat_id in staff_chats(services):
        language = await chat_language(services, chat_id)
        title = services.catalog.text(
            language, "q-digest-title", hours=settings.digest_after_hours, count=len(stale)
        )
        listing, buttons = await queue_listing(services, stale, language, DIGEST_SHOWN)
        try:
            await bot.send_message(
                chat_id,
                "\n".join([title, *listing])[:MESSAGE_ROOM],
                reply_markup=InlineKeyboardMarkup(rows(buttons, 5)),
            )
        except TelegramError as error:
            log.error("question digest did not reach %s: %s", chat_id, error)
    return len(stale)


async def digest_job(context: BotContext) -> None:
    """The JobQueue's periodic check."""
    await send_due(context.services, context.bot)


def setup(application: BotApplication) -> None:
    """Schedule the check; the first one runs a minute after start."""
    job_queue = application.job_queue
    assert job_queue is not None
    job_queue.run_repeating(
        digest_job, interval=CHECK_EVERY, first=timedelta(minutes=1), name="question-digest"
    )
