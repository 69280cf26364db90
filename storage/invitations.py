"""Invitation links that staff hand out: a code that presets region, rayon and role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, row_dict


@dataclass(frozen=True, slots=True)
class Invitation:
    """A `?start=<code>` link's preset answers."""

    code: str
    region_code: str
    rayon_code: str | None
    role: str | None
    created_by: int
    created_at: datetime
    uses: int


def _invitation(row: Any) -> Invitation:
    return Invitation(
        code=row["code"],
        region_code=row["region_code"],
        rayon_code=row["rayon_code"],
        role=row["role"],
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        uses=row["uses"],
    )


class InvitationRepository:
    """The `invitations` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(
        self,
        code: str,
        region_code: str,
        rayon_code: str | None,
        role: str | None,
        created_by: int,
        now: datetime,
    ) -> Invitation:
        """Store a new invitation under a fresh random code."""
        await self._db.execute(
            "INSERT INTO invitations (code, region_code, rayon_code, role, created_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (code, region_code, rayon_code, role, created_by, to_db(now)),
        )
        invitation = await self.get(code)
        assert invitation is not None
        return invitation

    async def get(self, code: str) -> Invitation | None:
        """The invitation with this code, or None."""
        row = await self._db.fetch_one("SELECT * FROM invitations WHERE code = ?", (code,))
        return _invitation(row) if row else None

    async def count_use(self, code: str) -> None:
        """Count one registration that came through the link."""
        await self._db.execute("UPDATE invitations SET uses = uses + 1 WHERE code = ?", (code,))


async def _export(db: Database, telegram_id: int) -> dict[str, Any]:
    rows = await db.fetch_all(
        "SELECT * FROM invitations WHERE created_by = ? ORDER BY created_at", (telegram_id,)
    )
    return {"invitations_created": [row_dict(row) for row in rows]} if rows else {}


async def _erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
    # Links stay valid and keep counting; only who made them is forgotten.
    await connection.execute(
        "UPDATE invitations SET created_by = ? WHERE created_by = ?", (pseudonym, telegram_id)
    )


PERSONAL_DATA = PersonalData("invitations", _export, _erase)
