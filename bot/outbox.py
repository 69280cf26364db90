"""Messages to many people: the contract of the broadcast engine, and a stand-in for it.

Reminders, surveys and "please answer" nudges go through `Sender.submit`, the broadcast
engine's contract. Until the engine is on this branch, `DirectSender` sends them itself,
paced under Telegram's 30 messages a second.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.services import Services

log = logging.getLogger(__name__)

# Below Telegram's ~30 messages a second, leaving room for answers to button presses.
_PAUSE_SECONDS = 1 / 25


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message to one chat."""

    chat_id: int
    text: str
    reply_markup: InlineKeyboardMarkup | None = None


class Sender(Protocol):
    """The broadcast engine's submit, as reminders and nudges use it."""

    async def submit(
        self,
        *,
        kind: str,
        messages: Sequence[Outgoing],
        key: str,
        created_by: int | None,
        seminar_id: int | None,
    ) -> int:
        """Queue the messages once per key; returns how many were handed over."""
        ...


class DirectSender:
    """Sends each message right away; idempotency comes from the caller's key claims."""

    def __init__(self, bot: ExtBot[None], services: Services) -> None:
        self._bot = bot
        self._services = services

    async def submit(
        self,
        *,
        kind: str,
        messages: Sequence[Outgoing],
        key: str,
        created_by: int | None,
        seminar_id: int | None,
    ) -> int:
        """Send one by one; a blocked person is marked unreachable and skipped."""
        sent = 0
        for message in messages:
            if await self._send(message):
                sent += 1
            await asyncio.sleep(_PAUSE_SECONDS)
        log.info("%s %s: %d of %d sent", kind, key, sent, len(messages))
        return sent

    async def _send(self, message: Outgoing) -> bool:
        for _attempt in range(3):
            try:
                await self._bot.send_message(
                    message.chat_id, message.text, reply_markup=message.reply_markup
                )
                return True
            except RetryAfter as error:
                delay = error.retry_after
                seconds = delay.total_seconds() if isinstance(delay, timedelta) else delay
                await asyncio.sleep(float(seconds))
            except Forbidden:
                now = self._services.clock.now()
                await self._services.people.set_reachable(message.chat_id, False, now)
                return False
            except (BadRequest, TelegramError) as error:
                log.warning("message to %s not sent: %s", message.chat_id, error)
                return False
        return False
