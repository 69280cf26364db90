"""Small pieces every feature module shares: the person's language and the staff gate."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.context import BotContext
from messages import Language

log = logging.getLogger(__name__)

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


async def language_for(update: Update, context: BotContext) -> Language:
    """The language to answer the sender of this update in."""
    user = update.effective_user
    if user is None:
        return context.services.config.bot.default_language
    return await context.services.language_of(user.id, user.language_code)


async def say(update: Update, context: BotContext, key: str, **args: str | int) -> None:
    """Answer with one catalog text: as an alert to a button press, else as a message."""
    language = await language_for(update, context)
    text = context.services.catalog.text(language, key, **args)
    if update.callback_query:
        await update.callback_query.answer(text, show_alert=True)
    elif update.effective_message:
        await update.effective_message.reply_text(text)


def staff_only(handler: Handler) -> Handler:
    """Refuse the update unless its sender is in `bot.admins`: checked on every call."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> None:
        user = update.effective_user
        if context.services.is_staff(user.id if user else None):
            await handler(update, context)
            return
        log.warning(
            "refused staff action %s from user %s",
            handler.__name__,
            user.id if user else None,
        )
        await say(update, context, "staff-only")

    return guarded


async def answer_outdated(update: Update, context: BotContext) -> None:
    """Tell the presser the button no longer does anything."""
    await say(update, context, "button-outdated")
