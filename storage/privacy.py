"""Everything the bot holds about one person: export it (/mydata) or forget it (/forget).

Forgetting moves the person's counting rows to a fresh negative id (their pseudonym) and
blanks or deletes the rest, in one transaction, then checkpoints the WAL. `secure_delete` is
on for the connection (storage.database), so the old bytes are overwritten rather than left
in free pages: a scan of the database file finds neither the name nor the phone.

A new table that holds personal data adds its module's `PERSONAL_DATA` here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage import (
    attendance,
    broadcast_drafts,
    broadcasts,
    feedback,
    groups,
    input_focus,
    invitations,
    people,
    question_drafts,
    questions,
    registration_drafts,
    rsvps,
    seminar_drafts,
    seminar_sends,
    seminars,
)
from storage.database import Database, to_db
from storage.personal_data import PersonalData

PERSONAL_DATA: tuple[PersonalData, ...] = (
    people.PERSONAL_DATA,
    registration_drafts.PERSONAL_DATA,
    invitations.PERSONAL_DATA,
    seminars.PERSONAL_DATA,
    broadcasts.PERSONAL_DATA,
    broadcast_drafts.PERSONAL_DATA,
    questions.PERSONAL_DATA,
    question_drafts.PERSONAL_DATA,
    seminar_drafts.PERSONAL_DATA,
    input_focus.PERSONAL_DATA,
    rsvps.PERSONAL_DATA,
    attendance.PERSONAL_DATA,
    feedback.PERSONAL_DATA,
    seminar_sends.PERSONAL_DATA,
    groups.PERSONAL_DATA,
)


async def export_person(db: Database, telegram_id: int) -> dict[str, Any]:
    """Every row about the person, by table family; {} when the bot holds nothing."""
    found: dict[str, Any] = {}
    for part in PERSONAL_DATA:
        found.update(await part.export(db, telegram_id))
    return found


async def forget_person(
    db: Database, telegram_id: int, now: datetime, reason: str = "request"
) -> int | None:
    """Forget the person everywhere; returns their pseudonym, or None if nothing was held.

    `reason` is "request" (/forget) or "inactive" (the retention job).
    """
    if telegram_id <= 0:
        raise ValueError("only a real Telegram id can be forgotten")
    if not await export_person(db, telegram_id):
        return None
    async with db.transaction() as connection:
        # Rows move to the pseudonym one table at a time; deferring the foreign key checks
        # to COMMIT lets the tables be updated in any order.
        await connection.execute("PRAGMA defer_foreign_keys = ON")
        cursor = await connection.execute(
            "INSERT INTO pseudonyms (forgotten_at, reason) VALUES (?, ?)", (to_db(now), reason)
        )
        pseudonym = -(cursor.lastrowid or 0)
        for part in PERSONAL_DATA:
            await part.erase(connection, telegram_id, pseudonym)
    await db.checkpoint()
    return pseudonym
