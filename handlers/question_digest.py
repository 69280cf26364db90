"""Once a day staff get the questions left open too long."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot.context import BotApplication, BotContext
from bot.rate_limiter import Bot
from bot.services import Services
from handlers.question_views import (
    MESSAGE_ROOM,
    chat_language,
    format_moment,
    question_text,
    seminar_label,
    snippet,
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
        catalog = services.catalog
        lines = [
            catalog.text(
                language, "q-digest-title", hours=settings.digest_after_hours, count=len(stale)
            )
        ]
        for question in stale[:DIGEST_SHOWN]:
            lines.append(
                catalog.text(
                    language,
                    "q-queue-line",
                    number=question.id,
                    support=question.support,
                    when=format_moment(services, question.created_at, language),
                    seminar=await seminar_label(services, question.seminar_id, language),
                    text=snippet(question_text(services, question, language), 80),
                )
            )
        if len(stale) > DIGEST_SHOWN:
            lines.append(catalog.text(language, "q-queue-more", count=len(stale) - DIGEST_SHOWN))
        buttons = [
            InlineKeyboardButton(f"№{q.id}", callback_data=f"q:show:{q.id}")
            for q in stale[:DIGEST_SHOWN]
        ]
        try:
            await bot.send_message(
                chat_id,
                "\n".join(lines)[:MESSAGE_ROOM],
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
