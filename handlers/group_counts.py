"""The count line of a seminar's group posts, kept current without one edit per answer.

Any answer to a seminar (in a group or in private) touches its group posts; `LiveCounts`
turns the touches into at most one edit per group every few seconds.
"""

from __future__ import annotations

import logging

from telegram.error import BadRequest, ChatMigrated, RetryAfter

from bot.group_post import count_text, group_post_keyboard, group_post_text
from bot.live_count import Refresh
from bot.rate_limiter import Bot
from bot.services import Services

log = logging.getLogger(__name__)


async def touch_posts(bot: Bot, services: Services, seminar_id: int) -> None:
    """The seminar's answers changed: its group posts get their count edited soon."""
    for chat_id, message_id in await services.groups.posts_of_seminar(seminar_id):
        services.live_counts.touch(chat_id, message_id, _refresher(bot, services))


def _refresher(bot: Bot, services: Services) -> Refresh:
    async def refresh(chat_id: int, message_id: int) -> bool:
        return await refresh_post(bot, services, chat_id, message_id)

    return refresh


async def refresh_post(bot: Bot, services: Services, chat_id: int, message_id: int) -> bool:
    """Edit the post's count line if it changed; whether an edit was sent."""
    post = await services.groups.post(chat_id, message_id)
    seminar = await services.seminars.get(post.seminar_id) if post else None
    if post is None or seminar is None or not post.editable:
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
        await services.groups.stop_editing(chat_id, message_id)
        return True
    except RetryAfter as error:
        log.warning("count edit in %s held back by Telegram: %s", chat_id, error.retry_after)
        services.live_counts.touch(chat_id, message_id, _refresher(bot, services))
        return True
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            log.warning("count of post %s in %s not edited: %s", message_id, chat_id, error)
            await services.groups.stop_editing(chat_id, message_id)
            return True
    await services.groups.mark_edited(chat_id, message_id, line, services.clock.now())
    return True
