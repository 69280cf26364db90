"""Seminars being created or edited, one per staff member, so a restart loses no step."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from storage.database import Database, to_db
from storage.input_focus import delete_flow, save_claiming
from storage.personal_data import PersonalData, delete_rows, export_rows

FEATURE = "seminar_wizard"

Answers = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SeminarDraft:
    """The answers given so far, the step the staff member is on, and what is being edited."""

    telegram_id: int
    step: str
    seminar_id: int | None = None
    until_step: str | None = None
    answers: Answers = field(default_factory=dict)


class SeminarDraftRepository:
    """The `seminar_drafts` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, telegram_id: int) -> SeminarDraft | None:
        """The staff member's seminar in progress, if any."""
        row = await self._db.fetch_one(
            "SELECT * FROM seminar_drafts WHERE telegram_id = ?", (telegram_id,)
        )
        if row is None:
            return None
        return SeminarDraft(
            telegram_id=row["telegram_id"],
            step=row["step"],
            seminar_id=row["seminar_id"],
            until_step=row["until_step"],
            answers=json.loads(row["answers"]),
        )

    async def save(self, draft: SeminarDraft, now: datetime) -> None:
        """Store the draft, replacing the previous state."""
        await save_claiming(
            self._db,
            "INSERT OR REPLACE INTO seminar_drafts"
            " (telegram_id, seminar_id, step, until_step, answers, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                draft.telegram_id,
                draft.seminar_id,
                draft.step,
                draft.until_step,
                json.dumps(draft.answers, ensure_ascii=False, sort_keys=True),
                to_db(now),
            ),
            telegram_id=draft.telegram_id,
            feature=FEATURE,
        )

    async def delete(self, telegram_id: int) -> None:
        """Forget the draft (saved or cancelled)."""
        await delete_flow(self._db, "seminar_drafts", telegram_id=telegram_id, feature=FEATURE)


PERSONAL_DATA = PersonalData(
    "seminar_drafts",
    export_rows(
        "seminar_in_progress", "SELECT * FROM seminar_drafts WHERE telegram_id = ?", one=True
    ),
    delete_rows(("seminar_drafts", "telegram_id")),
)
