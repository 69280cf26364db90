"""Ayil okmotus and other organisations, known by the names people typed or staff imported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.database import Database, to_db


@dataclass(frozen=True, slots=True)
class Organisation:
    """An ayil okmotu or another organisation in a region and (optionally) a rayon."""

    id: int
    region_code: str
    rayon_code: str
    name: str
    match_key: str


def _organisation(row: Any) -> Organisation:
    return Organisation(
        id=row["id"],
        region_code=row["region_code"],
        rayon_code=row["rayon_code"],
        name=row["name"],
        match_key=row["match_key"],
    )


class OrganisationRepository:
    """The `organisations` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, organisation_id: int) -> Organisation | None:
        """One organisation by id."""
        row = await self._db.fetch_one(
            "SELECT * FROM organisations WHERE id = ?", (organisation_id,)
        )
        return _organisation(row) if row else None

    async def in_place(self, region_code: str, rayon_code: str | None) -> list[Organisation]:
        """Every organisation known in a rayon (or in a region without rayons), by name."""
        rows = await self._db.fetch_all(
            "SELECT * FROM organisations WHERE region_code = ? AND rayon_code = ? ORDER BY name",
            (region_code, rayon_code or ""),
        )
        return [_organisation(r) for r in rows]

    async def add(
        self, region_code: str, rayon_code: str | None, name: str, key: str, now: datetime
    ) -> Organisation:
        """Add a name, or return the one already stored under the same key in that place."""
        # Someone may have registered the same name a moment ago: then theirs is used.
        await self._db.execute(
            "INSERT OR IGNORE INTO organisations"
            " (region_code, rayon_code, name, match_key, created_at) VALUES (?, ?, ?, ?, ?)",
            (region_code, rayon_code or "", name, key, to_db(now)),
        )
        row = await self._db.fetch_one(
            "SELECT * FROM organisations"
            " WHERE region_code = ? AND rayon_code = ? AND match_key = ?",
            (region_code, rayon_code or "", key),
        )
        assert row is not None
        return _organisation(row)
