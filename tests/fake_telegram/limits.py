"""Flood control modelled as sliding windows, like Telegram's documented limits."""

from __future__ import annotations

import math
from collections import deque


class SlidingWindow:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._events: deque[float] = deque()

    def retry_after(self, now: float) -> int | None:
        """Whole seconds until one more event fits, or None if it fits now."""
        while self._events and self._events[0] <= now - self.window:
            self._events.popleft()
        if len(self._events) < self.limit:
            return None
        # Telegram always reports at least one second.
        return max(1, math.ceil(self._events[0] + self.window - now))

    def add(self, now: float) -> None:
        self._events.append(now)


class RateLimiter:
    """Global, per-private-chat and per-group send limits.

    Only successful sends count: a request Telegram rejects does not consume
    the budget, which keeps the arithmetic in tests predictable.
    """

    def __init__(
        self,
        global_per_second: int | None,
        per_chat_per_second: float | None,
        group_per_minute: int | None,
    ) -> None:
        self.global_window = (
            SlidingWindow(global_per_second, 1.0) if global_per_second is not None else None
        )
        self.per_chat_per_second = per_chat_per_second
        self.group_per_minute = group_per_minute
        self._chats: dict[int, SlidingWindow] = {}
        self._groups: dict[int, SlidingWindow] = {}

    def _windows(self, chat_id: int) -> list[SlidingWindow]:
        windows: list[SlidingWindow] = []
        if self.global_window is not None:
            windows.append(self.global_window)
        if self.per_chat_per_second is not None:
            if chat_id not in self._chats:
                rate = self.per_chat_per_second
                # Fractional rates (e.g. 0.5/s) become "1 per 2 seconds".
                window = 1.0 if rate >= 1 else 1.0 / rate
                self._chats[chat_id] = SlidingWindow(max(1, int(rate * window)), window)
            windows.append(self._chats[chat_id])
        if chat_id < 0 and self.group_per_minute is not None:
            if chat_id not in self._groups:
                self._groups[chat_id] = SlidingWindow(self.group_per_minute, 60.0)
            windows.append(self._groups[chat_id])
        return windows

    def check(self, chat_id: int, now: float) -> int | None:
        waits = [w for w in (win.retry_after(now) for win in self._windows(chat_id)) if w]
        return max(waits) if waits else None

    def record(self, chat_id: int, now: float) -> None:
        for window in self._windows(chat_id):
            window.add(now)
