"""Ratings and comments after a seminar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.input_focus import end_releasing, save_claiming
from storage.personal_data import PersonalData, export_rows

FEATURE = "feedback"


@dataclass(frozen=True, slots=True)
class Feedback:
    """One participant's rating (1–5) and optional comment."""

    seminar_id: int
    telegram_id: int
    rating: int
    comment: str | None
    awaiting_comment: bool
    answered_at: datetime


class FeedbackRepository:
    """The `feedback` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def rate(self, seminar_id: int, telegram_id: int, rating: int, now: datetime) -> None:
        """Store or change a rating; the bot then waits for an optional comment."""
        await save_claiming(
            self._db,
            "INSERT INTO feedback (seminar_id, telegram_id, rating, awaiting_comment,"
            " answered_at) VALUES (?, ?, ?, 1, ?) ON CONFLICT (seminar_id, telegram_id)"
            " DO UPDATE SET rating = excluded.rating, awaiting_comment = 1,"
            " answered_at = excluded.answered_at",
            (seminar_id, telegram_id, rating, to_db(now)),
            telegram_id=telegram_id,
            feature=FEATURE,
        )

    async def awaiting_comment(self, telegram_id: int) -> Feedback | None:
        """The rating whose comment the bot is waiting for from this person, if any."""
        rows = await self._db.fetch_all(
            "SELECT * FROM feedback WHERE telegram_id = ? AND awaiting_comment = 1"
            " ORDER BY answered_at DESC LIMIT 1",
            (telegram_id,),
        )
        return _feedback(rows[0]) if rows else None

    async def finish(self, seminar_id: int, telegram_id: int, comment: str | None) -> None:
        """Save the comment (or none) and stop waiting for one."""
        await end_releasing(
            self._db,
            "UPDATE feedback SET comment = COALESCE(?, comment), awaiting_comment = 0"
            " WHERE seminar_id = ? AND telegram_id = ?",
            (comment, seminar_id, telegram_id),
            telegram_id=telegram_id,
            feature=FEATURE,
        )

    async def for_seminar(self, seminar_id: int) -> list[Feedback]:
        """Every rating of a seminar, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT * FROM feedback WHERE seminar_id = ? ORDER BY answered_at, telegram_id",
            (seminar_id,),
        )
        return [_feedback(row) for row in rows]


def _feedback(row: Any) -> Feedback:
    get = row.__getitem__
    return Feedback(
        seminar_id=get("seminar_id"),
        telegram_id=get("telegram_id"),
        rating=get("rating"),
        comment=get("comment"),
        awaiting_comment=bool(get("awaiting_comment")),
        answered_at=from_db(get("answered_at")),
    )


async def _erase_feedback(
    connection: aiosqlite.Connection, telegram_id: int, pseudonym: int
) -> None:
    # The rating counts in the average; the comment is the person's own words and goes.
    await connection.execute(
        "UPDATE feedback SET telegram_id = ?, comment = NULL, awaiting_comment = 0"
        " WHERE telegram_id = ?",
        (pseudonym, telegram_id),
    )


PERSONAL_DATA = PersonalData(
    "feedback",
    export_rows("feedback", "SELECT * FROM feedback WHERE telegram_id = ?"),
    _erase_feedback,
)
