"""Registrations in progress, one per person, so a restart loses no answered step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.database import Database, to_db
from storage.input_focus import delete_flow, save_claiming
from storage.personal_data import PersonalData, delete_rows, export_rows

FEATURE = "registration"


@dataclass(frozen=True, slots=True)
class RegistrationDraft:
    """The answers given so far and the step the person is on."""

    telegram_id: int
    step: str
    language: str
    role: str | None = None
    region_code: str | None = None
    rayon_code: str | None = None
    organisation_id: int | None = None
    # A typed name not yet in the list; it becomes an organisation when the person confirms.
    new_organisation: str | None = None
    phone: str | None = None
    phone_asked: bool = False
    invitation_code: str | None = None


def _draft(row: Any) -> RegistrationDraft:
    return RegistrationDraft(
        telegram_id=row["telegram_id"],
        step=row["step"],
        language=row["language"],
        role=row["role"],
        region_code=row["region_code"],
        rayon_code=row["rayon_code"],
        organisation_id=row["organisation_id"],
        new_organisation=row["new_organisation"],
        phone=row["phone"],
        phone_asked=bool(row["phone_asked"]),
        invitation_code=row["invitation_code"],
    )


class RegistrationDraftRepository:
    """The `registration_drafts` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, telegram_id: int) -> RegistrationDraft | None:
        """The person's registration in progress, if any."""
        row = await self._db.fetch_one(
            "SELECT * FROM registration_drafts WHERE telegram_id = ?", (telegram_id,)
        )
        return _draft(row) if row else None

    async def save(self, draft: RegistrationDraft, now: datetime) -> None:
        """Store the draft, replacing the previous state."""
        await save_claiming(
            self._db,
            """
            INSERT OR REPLACE INTO registration_drafts (telegram_id, step, language, role,
                region_code, rayon_code, organisation_id, new_organisation, phone, phone_asked,
                invitation_code, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                draft.telegram_id,
                draft.step,
                draft.language,
                draft.role,
                draft.region_code,
                draft.rayon_code,
                draft.organisation_id,
                draft.new_organisation,
                draft.phone,
                int(draft.phone_asked),
                draft.invitation_code,
                to_db(now),
            ),
            telegram_id=draft.telegram_id,
            feature=FEATURE,
        )

    async def delete(self, telegram_id: int) -> None:
        """Forget the draft (registration finished or cancelled)."""
        await delete_flow(self._db, "registration_drafts", telegram_id=telegram_id, feature=FEATURE)

    async def stale_since(self, cutoff: datetime) -> list[int]:
        """Ids of unregistered people whose registration stalled before `cutoff`.

        A registered person's draft is their /settings in progress: their activity is on
        `people.last_seen_at` instead.
        """
        rows = await self._db.fetch_all(
            "SELECT telegram_id FROM registration_drafts WHERE updated_at < ?"
            " AND telegram_id NOT IN (SELECT telegram_id FROM people WHERE registered = 1)"
            " ORDER BY telegram_id",
            (to_db(cutoff),),
        )
        return [int(row[0]) for row in rows]


PERSONAL_DATA = PersonalData(
    "registration_drafts",
    export_rows(
        "registration_in_progress",
        "SELECT * FROM registration_drafts WHERE telegram_id = ?",
        one=True,
    ),
    # A half-finished registration counts nothing: it goes entirely.
    delete_rows(("registration_drafts", "telegram_id")),
)
