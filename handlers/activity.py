"""Before any feature sees an update: note that the person is active."""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import Update
from telegram.ext import TypeHandler

from bot.context import BotApplication, BotContext

# Runs before group 0 and never stops the update.
ACTIVITY_GROUP = -1
# last_seen_at only decides retention months away; an hour's precision is plenty and spares
# the database a write on every update.
SEEN_PRECISION = timedelta(hours=1)
_SEEN_KEY = "last_seen_marked_at"


async def note_activity(update: Update, context: BotContext) -> None:
    """Refresh the person's last_seen_at, at most once an hour."""
    user = update.effective_user
    if user is None or context.user_data is None or not context.bot_data.is_open:
        return
    services = context.services
    now = services.clock.now()
    marked = context.user_data.get(_SEEN_KEY)
    if isinstance(marked, datetime) and now - marked < SEEN_PRECISION:
        return
    await services.people.mark_seen(user.id, now, since=now - SEEN_PRECISION)
    context.user_data[_SEEN_KEY] = now


def register(application: BotApplication) -> None:
    """Add the activity handler in its own early group."""
    application.add_handler(TypeHandler(Update, note_activity), group=ACTIVITY_GROUP)
