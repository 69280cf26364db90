"""Per-seminar RSVP settings, check-in and walk-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, export_rows, move_rows


@dataclass(frozen=True, slots=True)
class RsvpSettings:
    """What staff changed for one seminar's answers and check-in."""

    seminar_id: int
    reopened: bool
    reminder_minutes: tuple[int, ...] | None
    checkin_token: str | None
    checkin_code: str | None
    walk_ins: int


@dataclass(frozen=True, slots=True)
class Checkin:
    """One person checked in at a seminar."""

    seminar_id: int
    telegram_id: int
    checked_in_at: datetime
    checked_in_by: int | None


class AttendanceRepository:
    """The `seminar_rsvp_settings` and `checkins` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def settings(self, seminar_id: int) -> RsvpSettings:
        """A seminar's settings; defaults when staff changed nothing."""
        row = await self._db.fetch_one(
            "SELECT * FROM seminar_rsvp_settings WHERE seminar_id = ?", (seminar_id,)
        )
        if row is None:
            return RsvpSettings(seminar_id, False, None, None, None, 0)
        minutes = row["reminder_minutes"]
        return RsvpSettings(
            seminar_id=seminar_id,
            reopened=bool(row["reopened"]),
            reminder_minutes=None
            if minutes is None
            else tuple(int(m) for m in minutes.split(",") if m),
            checkin_token=row["checkin_token"],
            checkin_code=row["checkin_code"],
            walk_ins=row["walk_ins"],
        )

    async def _set(self, seminar_id: int, column: str, value: object) -> None:
        await self._db.execute(
            f"INSERT INTO seminar_rsvp_settings (seminar_id, {column}) VALUES (?, ?)"
            f" ON CONFLICT (seminar_id) DO UPDATE SET {column} = excluded.{column}",
            (seminar_id, value),
        )

    async def set_reopened(self, seminar_id: int, reopened: bool) -> None:
        """Accept "I'll come" after the deadline (True), or stop again (False)."""
        await self._set(seminar_id, "reopened", int(reopened))

    async def set_reminder_minutes(self, seminar_id: int, minutes: tuple[int, ...] | None) -> None:
        """This seminar's reminder times in minutes before the start; None for the global ones."""
        value = None if minutes is None else ",".join(str(m) for m in sorted(set(minutes)))
        await self._set(seminar_id, "reminder_minutes", value)

    async def ensure_checkin_code(self, seminar_id: int, token: str, code: str) -> RsvpSettings:
        """Give the seminar its check-in token and code once; later calls keep the first."""
        await self._db.execute(
            "INSERT INTO seminar_rsvp_settings (seminar_id, checkin_token, checkin_code)"
            " VALUES (?, ?, ?) ON CONFLICT (seminar_id) DO UPDATE SET"
            " checkin_token = COALESCE(checkin_token, excluded.checkin_token),"
            " checkin_code = COALESCE(checkin_code, excluded.checkin_code)",
            (seminar_id, token, code),
        )
        return await self.settings(seminar_id)

    async def seminar_by_token(self, token: str) -> int | None:
        """The seminar whose QR code holds this token."""
        row = await self._db.fetch_one(
            "SELECT seminar_id FROM seminar_rsvp_settings WHERE checkin_token = ?", (token,)
        )
        return int(row[0]) if row else None

    async def seminars_by_code(self, code: str) -> list[int]:
        """Seminars whose short code this is (codes may repeat across years)."""
        rows = await self._db.fetch_all(
            "SELECT seminar_id FROM seminar_rsvp_settings WHERE checkin_code = ?", (code,)
        )
        return [int(row[0]) for row in rows]

    async def add_walk_ins(self, seminar_id: int, delta: int) -> int:
        """Count people who came without Telegram; never below zero. Returns the new count."""
        async with self._db.transaction() as connection:
            await connection.execute(
                "INSERT INTO seminar_rsvp_settings (seminar_id, walk_ins) VALUES (?, MAX(0, ?))"
                " ON CONFLICT (seminar_id) DO UPDATE SET walk_ins = MAX(0, walk_ins + ?)",
                (seminar_id, delta, delta),
            )
            async with connection.execute(
                "SELECT walk_ins FROM seminar_rsvp_settings WHERE seminar_id = ?", (seminar_id,)
            ) as cursor:
                row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def check_in(
        self, seminar_id: int, telegram_id: int, by: int | None, now: datetime
    ) -> bool:
        """Check a person in; False when they already were (the first time is kept)."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "INSERT OR IGNORE INTO checkins (seminar_id, telegram_id, checked_in_at,"
                " checked_in_by) VALUES (?, ?, ?, ?)",
                (seminar_id, telegram_id, to_db(now), by),
            )
            return cursor.rowcount == 1

    async def checkins(self, seminar_id: int) -> list[Checkin]:
        """Everyone checked in at a seminar, in arrival order."""
        rows = await self._db.fetch_all(
            "SELECT * FROM checkins WHERE seminar_id = ? ORDER BY checked_in_at, telegram_id",
            (seminar_id,),
        )
        return [
            Checkin(
                r["seminar_id"], r["telegram_id"], from_db(r["checked_in_at"]), r["checked_in_by"]
            )
            for r in rows
        ]


async def _erase_checkins(
    connection: aiosqlite.Connection, telegram_id: int, pseudonym: int
) -> None:
    # Attendance counts stay; a staff member who checked people in is no longer named.
    await move_rows(("checkins", "telegram_id"))(connection, telegram_id, pseudonym)
    await connection.execute(
        "UPDATE checkins SET checked_in_by = NULL WHERE checked_in_by = ?", (telegram_id,)
    )


PERSONAL_DATA = PersonalData(
    "checkins",
    export_rows("checkins", "SELECT * FROM checkins WHERE telegram_id = ?"),
    _erase_checkins,
)
