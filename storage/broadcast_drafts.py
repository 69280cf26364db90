"""An announcement or free-text broadcast a staff member is preparing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.database import Database, to_db
from storage.input_focus import delete_flow, save_claiming
from storage.personal_data import PersonalData, delete_rows, export_rows

FEATURE = "broadcast"


@dataclass(frozen=True, slots=True)
class BroadcastDraft:
    """The state of `/broadcast` or of announcing a seminar, for one staff member."""

    staff_id: int
    kind: str
    step: str
    seminar_id: int | None = None
    text_ky: str | None = None
    text_ru: str | None = None
    # bot.audience.Audience in its stored (JSON) form.
    audience: str = "{}"
    # An announcement also goes to the registered groups of its places.
    to_groups: bool = True


def _draft(row: Any) -> BroadcastDraft:
    return BroadcastDraft(
        staff_id=row["staff_id"],
        kind=row["kind"],
        step=row["step"],
        seminar_id=row["seminar_id"],
        text_ky=row["text_ky"],
        text_ru=row["text_ru"],
        audience=row["audience"],
        to_groups=bool(row["to_groups"]),
    )


class BroadcastDraftRepository:
    """The `broadcast_drafts` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, staff_id: int) -> BroadcastDraft | None:
        """The staff member's draft, if any."""
        row = await self._db.fetch_one(
            "SELECT * FROM broadcast_drafts WHERE staff_id = ?", (staff_id,)
        )
        return _draft(row) if row else None

    async def save(self, draft: BroadcastDraft, now: datetime) -> None:
        """Store the draft, replacing the previous one."""
        await save_claiming(
            self._db,
            "INSERT OR REPLACE INTO broadcast_drafts"
            " (staff_id, kind, step, seminar_id, text_ky, text_ru, audience, to_groups,"
            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                draft.staff_id,
                draft.kind,
                draft.step,
                draft.seminar_id,
                draft.text_ky,
                draft.text_ru,
                draft.audience,
                int(draft.to_groups),
                to_db(now),
            ),
            telegram_id=draft.staff_id,
            feature=FEATURE,
        )

    async def delete(self, staff_id: int) -> None:
        """Forget the draft (sent or cancelled)."""
        await delete_flow(
            self._db, "broadcast_drafts", telegram_id=staff_id, feature=FEATURE, column="staff_id"
        )


PERSONAL_DATA = PersonalData(
    "broadcast_drafts",
    export_rows(
        "broadcast_in_progress", "SELECT * FROM broadcast_drafts WHERE staff_id = ?", one=True
    ),
    # An unsent draft counts nothing: it goes entirely.
    delete_rows(("broadcast_drafts", "staff_id")),
)
