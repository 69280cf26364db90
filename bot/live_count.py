"""Coalesced edits of the count line on group posts: never one edit per press.

A burst of presses on a group post becomes at most one edit per group every few seconds,
and the last state always gets shown: a press while an edit is pending changes nothing
here (the pending edit reads the database when it runs), a press after it schedules the
next one. Times are real (monotonic) seconds, like Telegram's own limits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

# One edit per group every 5 s is 12 a minute: under Telegram's 20 a minute per group with
# room for the posts themselves (the broadcast engine spaces those 3 s apart).
EDIT_INTERVAL = 5.0

Refresh = Callable[[int, int], Awaitable[bool]]


class LiveCounts:
    """Per group chat: which posts wait for an edit, and when the next edit may go."""

    def __init__(self, interval: float = EDIT_INTERVAL) -> None:
        self.interval = interval
        self._dirty: dict[int, set[int]] = {}
        self._next_at: dict[int, float] = {}
        self._tasks: dict[int, asyncio.Task[None]] = {}

    def touch(self, chat_id: int, message_id: int, refresh: Refresh) -> None:
        """Note that a post's count may have changed; its edit comes when the group may."""
        self._dirty.setdefault(chat_id, set()).add(message_id)
        if chat_id in self._tasks:
            return
        delay = max(0.0, self._next_at.get(chat_id, 0.0) - time.monotonic())
        task = asyncio.create_task(self._run(chat_id, delay, refresh))
        self._tasks[chat_id] = task

    async def _run(self, chat_id: int, delay: float, refresh: Refresh) -> None:
        try:
            await asyncio.sleep(delay)
        finally:
            self._tasks.pop(chat_id, None)
        posts = sorted(self._dirty.pop(chat_id, set()))
        edits = 0
        # Set before editing, so presses during the edits wait their turn.
        self._next_at[chat_id] = time.monotonic() + self.interval * max(1, len(posts))
        for message_id in posts:
            try:
                edits += int(await refresh(chat_id, message_id))
            except Exception:
                log.exception("live count of post %s in %s not edited", message_id, chat_id)
        self._next_at[chat_id] = time.monotonic() + self.interval * max(1, edits)

    async def close(self) -> None:
        """Drop pending edits (at shutdown)."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
