"""Telling staff about errors without turning an error storm into a message storm."""

from __future__ import annotations

from datetime import datetime, timedelta


class ErrorNotice:
    """Allows one staff message per interval; errors in between are counted for the next one."""

    def __init__(self, every: timedelta) -> None:
        self._every = every
        self._last_sent: datetime | None = None
        self._suppressed = 0

    def due(self, now: datetime) -> int | None:
        """Whether to send now: the number of errors held back since the last message, or None.

        An interval of zero means staff are never told.
        """
        if self._every <= timedelta(0):
            return None
        if self._last_sent is not None and now - self._last_sent < self._every:
            self._suppressed += 1
            return None
        held_back, self._suppressed = self._suppressed, 0
        self._last_sent = now
        return held_back
