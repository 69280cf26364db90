"""Staff controls of running broadcasts: the Stop button under the progress message."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.context import BotApplication, BotContext
from handlers.common import answer_outdated, say, staff_only


@staff_only
async def stop_broadcast(update: Update, context: BotContext) -> None:
    """Stop a broadcast: the summary replaces the progress message."""
    query = update.callback_query
    assert query is not None and query.data is not None
    raw_id = query.data.removeprefix("bc:stop:")
    if not raw_id.isdigit():
        await answer_outdated(update, context)
        return
    if not await context.services.broadcasts.stop_broadcast(int(raw_id)):
        await answer_outdated(update, context)
        return
    await say(update, context, "broadcast-stop-done")


def register(application: BotApplication) -> None:
    """Add the broadcast control handlers."""
    application.add_handler(CallbackQueryHandler(stop_broadcast, pattern=r"^bc:stop:"))
