"""The source of "now", injectable so tests move time instead of sleeping."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime:
        """The current moment."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        """The current moment in UTC."""
        return datetime.now(UTC)


class FixedClock:
    """A clock stopped at one moment: `SEMINAR_BOT_NOW` gives it to the CLI for tests."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the moment needs a time zone, e.g. 2019-07-09T09:00:00+06:00")
        self._moment = moment.astimezone(UTC)

    def now(self) -> datetime:
        """Always the same moment."""
        return self._moment
