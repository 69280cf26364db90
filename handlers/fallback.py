"""The last word: unknown text, unknown buttons, and errors."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from handlers.common import answer_outdated, say

log = logging.getLogger(__name__)

# Free text is read by features in groups 10–99; whatever none of them took lands here.
FALLBACK_GROUP = 100


async def unknown_text(update: Update, context: BotContext) -> None:
    """Private text nobody was waiting for: point to /help."""
    await say(update, context, "unknown-input")


async def unknown_button(update: Update, context: BotContext) -> None:
    """A button whose data no feature knows: old or forged."""
    query = update.callback_query
    log.warning(
        "unknown callback data %r from %s",
        query.data if query else None,
        update.effective_user.id if update.effective_user else None,
    )
    await answer_outdated(update, context)


async def on_error(update: object, context: BotContext) -> None:
    """Log the traceback, tell staff (rate-limited), and tell the person, in their language."""
    log.error("error while handling an update", exc_info=context.error)
    if not context.bot_data.is_open:
        return
    await _tell_staff(update, context)
    if not isinstance(update, Update) or update.effective_user is None:
        return
    try:
        await say(update, context, "error-generic")
    except Exception:
        log.exception("could not tell the user about the error")


async def _tell_staff(update: object, context: BotContext) -> None:
    """A short notice with the error's type and the update id, never the person's text."""
    services = context.services
    chat = services.staff_chat
    held_back = services.error_notice.due(services.clock.now())
    if chat is None or held_back is None:
        return
    try:
        # A group reads the default language; an admin's own chat, the admin's language.
        default = services.config.bot.default_language
        language = await services.language_of(chat, None) if chat > 0 else default
        text = services.catalog.text(
            language,
            "error-staff-notice",
            error=type(context.error).__name__,
            update=str(update.update_id) if isinstance(update, Update) else "—",
            suppressed=held_back,
        )
        await context.bot.send_message(chat, text)
    except Exception:
        log.exception("could not tell staff about the error")


def register(application: BotApplication) -> None:
    """Add the catch-all handlers and the error handler."""
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & ~filters.COMMAND & ~filters.StatusUpdate.ALL, unknown_text
        ),
        group=FALLBACK_GROUP,
    )
    # In group 0 and registered after every feature: the first matching handler of a group
    # wins, so these only see commands and buttons no feature claimed.
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, unknown_text)
    )
    application.add_handler(CallbackQueryHandler(unknown_button))
    application.add_error_handler(on_error)
