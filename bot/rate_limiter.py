"""One budget for everything the bot sends, with people's replies ahead of broadcasts."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter, ExtBot

log = logging.getLogger(__name__)

# What Telegram counts against "about 30 messages a second": new messages, not edits.
SENDING_ENDPOINTS = frozenset(
    {
        "sendMessage",
        "sendDocument",
        "sendPhoto",
        "sendVoice",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendMediaGroup",
        "sendLocation",
        "sendContact",
        "copyMessage",
        "forwardMessage",
    }
)
BROADCAST: dict[str, Any] = {"broadcast": True}

# The bot as every module sees it: its calls take the rate limiter's arguments.
Bot = ExtBot[dict[str, Any]]


class SharedRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """A sliding one-second window over every send; broadcasts leave room for replies.

    A reply to a person takes any free place in the window at once and waits ahead of the
    broadcast when the window is full. A broadcast send (``rate_limit_args=BROADCAST``) only
    takes a place while at least ``reserve`` places stay free, so a person pressing a button
    during a long broadcast is answered within about a second. A 429 from Telegram pauses all
    sends for its ``retry_after``.
    """

    def __init__(
        self,
        per_second: int = 30,
        reserve: int = 1,
        clock: Callable[[], float] = time.monotonic,
        max_retries: int = 2,
    ) -> None:
        self.per_second = per_second
        self.reserve = min(reserve, per_second - 1)
        self._clock = clock
        self._max_retries = max_retries
        self._sent: deque[float] = deque()
        # When the next broadcast send is due if they are evenly spaced (GCRA's "theoretical
        # arrival time"): late wake-ups do not add up, early ones are held back.
        self._next_broadcast = 0.0
        self._paused_until = 0.0
        self._replies_waiting = 0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    def pause(self, seconds: float) -> None:
        """Hold every send for `seconds` (Telegram answered 429)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    def _wait_time(self, broadcast: bool) -> float:
        now = self._clock()
        while self._sent and self._sent[0] <= now - 1.0:
            self._sent.popleft()
        if now < self._paused_until:
            return self._paused_until - now
        limit = self.per_second - (self.reserve if broadcast else 0)
        if broadcast and self._replies_waiting:
            return 0.01
        if broadcast:
            # Evenly spaced, not in bursts: requests reach Telegram a little unevenly, and a
            # burst that arrives bunched up crosses its one-second window.
            early = self._next_broadcast - 0.5 / limit - now
            if early > 0:
                return early
        if len(self._sent) < limit:
            return 0.0
        return max(0.001, self._sent[-limit] + 1.0 - now)

    async def _take_place(self, broadcast: bool) -> None:
        if not broadcast:
            self._replies_waiting += 1
        try:
            # Places free up with time alone, so waiting is sleeping until the next one.
            while True:
                delay = self._wait_time(broadcast)
                if delay <= 0:
                    break
                await asyncio.sleep(delay)
            now = self._clock()
            self._sent.append(now)
            if broadcast:
                interval = 1.0 / (self.per_second - self.reserve)
                self._next_broadcast = max(self._next_broadcast, now) + interval
        finally:
            if not broadcast:
                self._replies_waiting -= 1

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for a place in the window (sends only), then call; retry replies after a 429."""
        broadcast = bool(rate_limit_args and rate_limit_args.get("broadcast"))
        attempts = 0
        while True:
            if endpoint in SENDING_ENDPOINTS:
                await self._take_place(broadcast)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                seconds = error.retry_after
                delay = seconds.total_seconds() if hasattr(seconds, "total_seconds") else seconds
                self.pause(float(delay))
                log.warning("Telegram asked to wait %.1f s (%s)", float(delay), endpoint)
                # The broadcast engine re-queues its own sends; a reply to a person is retried.
                if broadcast or attempts >= self._max_retries:
                    raise
                attempts += 1
