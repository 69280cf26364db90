"""Counts for staff: people by place, role and language, growth, and how broadcasts went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from storage.broadcasts import Tally
from storage.database import Database, from_db

# Someone counts as receiving announcements when subscribed and not blocking the bot.
_ACTIVE = "subscribed = 1 AND reachable = 1"

Grouping = Literal["region_code", "role", "language"]


@dataclass(frozen=True, slots=True)
class PeopleTotals:
    """Everyone registered, split three ways: each person is in exactly one of the last three."""

    registered: int
    active: int
    """Subscribed and reachable: announcements reach them."""
    blocked: int
    """Blocked the bot (whether or not they also pressed /stop)."""
    unsubscribed: int
    """Pressed /stop and did not block the bot."""


@dataclass(frozen=True, slots=True)
class GroupCount:
    """People sharing one value (a region code, a role, a language); None when not given."""

    value: str | None
    registered: int
    active: int


@dataclass(frozen=True, slots=True)
class BroadcastSummary:
    """One broadcast with its delivery counts."""

    id: int
    kind: str
    status: str
    created_at: datetime
    tally: Tally


class StatisticsRepository:
    """Read-only GROUP BY queries over `people` and the broadcast outbox."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def people_totals(self) -> PeopleTotals:
        """Registered, receiving announcements, blocked, unsubscribed."""
        row = await self._db.fetch_one(
            f"""
            SELECT COUNT(*) AS registered,
                COALESCE(SUM({_ACTIVE}), 0) AS active,
                COALESCE(SUM(reachable = 0), 0) AS blocked,
                COALESCE(SUM(subscribed = 0 AND reachable = 1), 0) AS unsubscribed
            FROM people
            """
        )
        assert row is not None
        return PeopleTotals(
            registered=int(row["registered"]),
            active=int(row["active"]),
            blocked=int(row["blocked"]),
            unsubscribed=int(row["unsubscribed"]),
        )

    async def people_by(self, column: Grouping) -> list[GroupCount]:
        """People per value of one column, largest group first."""
        # `column` is one of three fixed names (checked by the type and here), never input.
        if column not in ("region_code", "role", "language"):
            raise ValueError(column)
        rows = await self._db.fetch_all(
            f"""
            SELECT {column} AS value, COUNT(*) AS registered,
                COALESCE(SUM({_ACTIVE}), 0) AS active
            FROM people GROUP BY {column} ORDER BY registered DESC, value
            """
        )
        return [
            GroupCount(
                value=row["value"] or None,
                registered=int(row["registered"]),
                active=int(row["active"]),
            )
            for row in rows
        ]

    async def registrations_per_day(self, utc_offset: timedelta) -> list[tuple[date, int]]:
        """People who registered on each local day (days with none left out), oldest first.

        Times are stored in UTC; `utc_offset` moves them to the local day (Asia/Bishkek has
        one fixed offset, so the offset of today fits every past day).
        """
        minutes = int(utc_offset.total_seconds() // 60)
        rows = await self._db.fetch_all(
            "SELECT date(registered_at, ?) AS day, COUNT(*) AS n FROM people"
            " GROUP BY day ORDER BY day",
            (f"{minutes:+d} minutes",),
        )
        return [(date.fromisoformat(row["day"]), int(row["n"])) for row in rows]

    async def recent_broadcasts(self, limit: int = 10) -> list[BroadcastSummary]:
        """The latest broadcasts, newest first, each with its counts by delivery state."""
        rows = await self._db.fetch_all(
            """
            SELECT b.id, b.kind, b.status, b.created_at,
                COUNT(r.id) AS total,
                COALESCE(SUM(r.state = 'pending'), 0) AS pending,
                COALESCE(SUM(r.state = 'sending'), 0) AS sending,
                COALESCE(SUM(r.state = 'sent'), 0) AS sent,
                COALESCE(SUM(r.state = 'unreachable'), 0) AS unreachable,
                COALESCE(SUM(r.state = 'failed'), 0) AS failed,
                COALESCE(SUM(r.state = 'stopped'), 0) AS stopped
            FROM (SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?) AS b
            LEFT JOIN broadcast_recipients r ON r.broadcast_id = b.id
            GROUP BY b.id ORDER BY b.id DESC
            """,
            (limit,),
        )
        return [
            BroadcastSummary(
                id=row["id"],
                kind=row["kind"],
                status=row["status"],
                created_at=from_db(row["created_at"]),
                tally=Tally(
                    total=int(row["total"]),
                    pending=int(row["pending"]),
                    sending=int(row["sending"]),
                    sent=int(row["sent"]),
                    unreachable=int(row["unreachable"]),
                    failed=int(row["failed"]),
                    stopped=int(row["stopped"]),
                ),
            )
            for row in rows
        ]
