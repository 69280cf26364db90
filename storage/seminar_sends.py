"""Scheduled sends (reminders, surveys) handled per seminar, and who got each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from storage.database import Database, to_db
from storage.personal_data import PersonalData, export_rows, move_rows


class SeminarSendRepository:
    """The `seminar_sends` and `seminar_send_recipients` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def handled(self, seminar_id: int) -> set[str]:
        """Keys of the sends already sent or dropped for this seminar."""
        rows = await self._db.fetch_all(
            "SELECT send_key FROM seminar_sends WHERE seminar_id = ?", (seminar_id,)
        )
        return {row[0] for row in rows}

    async def claim(
        self, seminar_id: int, key: str, outcome: str, recipients: Iterable[int], now: datetime
    ) -> list[int]:
        """Mark a send handled and return the recipients who had not yet had it.

        Recorded before the messages go out: a crash in between loses a reminder rather than
        sending it twice (at most once, as promised to participants).
        """
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "INSERT OR IGNORE INTO seminar_sends (seminar_id, send_key, outcome, handled_at)"
                " VALUES (?, ?, ?, ?)",
                (seminar_id, key, outcome, to_db(now)),
            )
            if cursor.rowcount != 1:
                return []
            fresh = []
            for telegram_id in recipients:
                inserted = await connection.execute(
                    "INSERT OR IGNORE INTO seminar_send_recipients (seminar_id, send_key,"
                    " telegram_id) VALUES (?, ?, ?)",
                    (seminar_id, key, telegram_id),
                )
                if inserted.rowcount == 1:
                    fresh.append(telegram_id)
            return fresh


PERSONAL_DATA = PersonalData(
    "seminar_send_recipients",
    export_rows(
        "reminders_received", "SELECT * FROM seminar_send_recipients WHERE telegram_id = ?"
    ),
    move_rows(("seminar_send_recipients", "telegram_id")),
)
