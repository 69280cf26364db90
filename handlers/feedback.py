"""After the seminar: a 1–5 rating and an optional comment from everyone checked in."""

from __future__ import annotations

from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from bot.services import Services
from handlers.common import answer_outdated, language_for
from messages import Language
from storage.feedback import FEATURE as FEEDBACK

# Comments are read after registration (10); before the check-in code (60).
COMMENT_GROUP = 55
_COMMENT_LIMIT = 1000
# Text long after the rating is something else (a question, a reply), not the comment.
COMMENT_WINDOW = timedelta(days=1)


def _skip_markup(services: Services, language: Language, seminar_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    services.catalog.text(language, "button-skip"),
                    callback_data=f"fb:s:{seminar_id}",
                )
            ]
        ]
    )


async def on_button(update: Update, context: BotContext) -> None:
    """fb:r:<seminar>:<1-5> rates; fb:s:<seminar> skips the comment."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    services = context.services
    parts = query.data.split(":")
    user_id = update.effective_user.id
    seminar = (
        await services.seminars.get(int(parts[2]))
        if len(parts) >= 3 and parts[2].isdigit()
        else None
    )
    checked_in = seminar is not None and any(
        c.telegram_id == user_id for c in await services.attendance.checkins(seminar.id)
    )
    if seminar is None or not checked_in:
        await answer_outdated(update, context)
        return
    language = await language_for(update, context)
    text = services.catalog.text
    if parts[1] == "r" and len(parts) == 4 and parts[3] in {"1", "2", "3", "4", "5"}:
        await services.feedback.rate(seminar.id, user_id, int(parts[3]), services.clock.now())
        await query.answer()
        await query.edit_message_text(
            text(language, "feedback-ask-comment", rating=int(parts[3])),
            reply_markup=_skip_markup(services, language, seminar.id),
        )
    elif parts[1] == "s" and len(parts) == 3:
        await services.feedback.finish(seminar.id, user_id, None)
        await query.answer()
        await query.edit_message_text(text(language, "feedback-thanks"))
    else:
        await answer_outdated(update, context)


async def comment(update: Update, context: BotContext) -> None:
    """Text from someone the bot asked for a comment is that comment."""
    message = update.effective_message
    if message is None or update.effective_user is None or not message.text:
        return
    services = context.services
    user_id = update.effective_user.id
    if not await services.input_focus.may_read(user_id, FEEDBACK):
        return
    waiting = await services.feedback.awaiting_comment(user_id)
    if waiting is None or services.clock.now() - waiting.answered_at > COMMENT_WINDOW:
        return
    await services.feedback.finish(
        waiting.seminar_id, waiting.telegram_id, message.text.strip()[:_COMMENT_LIMIT]
    )
    language = await language_for(update, context)
    await message.reply_text(services.catalog.text(language, "feedback-thanks"))
    raise ApplicationHandlerStop


def register(application: BotApplication) -> None:
    """Add the survey buttons and the comment reader."""
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^fb:"))
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, comment),
        group=COMMENT_GROUP,
    )
