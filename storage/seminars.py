"""Seminars, their invited places and roles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, row_dict


@dataclass(frozen=True, slots=True)
class Place:
    """An invited region, or one rayon of it (rayon_code None)."""

    region_code: str
    rayon_code: str | None = None


@dataclass(frozen=True, slots=True)
class SeminarFields:
    """Everything staff set on a seminar; times are aware datetimes."""

    title_ky: str
    title_ru: str
    starts_at: datetime
    ends_at: datetime
    city_ky: str
    city_ru: str
    venue_ky: str
    venue_ru: str
    description_ky: str = ""
    description_ru: str = ""
    organiser: str = ""
    capacity: int | None = None
    max_party: int = 2
    rsvp_deadline: datetime | None = None
    places: tuple[Place, ...] = ()
    roles: tuple[str, ...] = ()
    slug: str | None = None


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What an import did."""

    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class Seminar:
    """A stored seminar."""

    id: int
    fields: SeminarFields
    status: str
    announced_at: datetime | None
    created_by: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_cancelled(self) -> bool:
        """Cancelled seminars stay stored so that answers and questions keep their context."""
        return self.status == "cancelled"

    def title(self, language: str) -> str:
        """The title in this language, or the other one when staff gave only one."""
        return (self.fields.title_ru if language == "ru" else self.fields.title_ky) or (
            self.fields.title_ky or self.fields.title_ru
        )

    def city(self, language: str) -> str:
        """The city in this language."""
        return (self.fields.city_ru if language == "ru" else self.fields.city_ky) or (
            self.fields.city_ky or self.fields.city_ru
        )

    def venue(self, language: str) -> str:
        """The venue in this language."""
        return (self.fields.venue_ru if language == "ru" else self.fields.venue_ky) or (
            self.fields.venue_ky or self.fields.venue_ru
        )

    def description(self, language: str) -> str:
        """The agenda in this language, or the other one."""
        return (self.fields.description_ru if language == "ru" else self.fields.description_ky) or (
            self.fields.description_ky or self.fields.description_ru
        )


def _columns(fields: SeminarFields) -> dict[str, Any]:
    return {
        "slug": fields.slug,
        "title_ky": fields.title_ky,
        "title_ru": fields.title_ru,
        "starts_at": to_db(fields.starts_at),
        "ends_at": to_db(fields.ends_at),
        "city_ky": fields.city_ky,
        "city_ru": fields.city_ru,
        "venue_ky": fields.venue_ky,
        "venue_ru": fields.venue_ru,
        "description_ky": fields.description_ky,
        "description_ru": fields.description_ru,
        "organiser": fields.organiser,
        "capacity": fields.capacity,
        "max_party": fields.max_party,
        "rsvp_deadline": to_db(fields.rsvp_deadline) if fields.rsvp_deadline else None,
    }


class SeminarRepository:
    """The `seminars`, `seminar_places` and `seminar_roles` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(self, fields: SeminarFields, created_by: int | None, now: datetime) -> Seminar:
        """Store a new seminar with its places and roles in one transaction."""
        async with self._db.transaction() as connection:
            seminar_id = await self._insert(connection, fields, created_by, now)
        seminar = await self.get(seminar_id)
        assert seminar is not None
        return seminar

    async def update(self, seminar_id: int, fields: SeminarFields, now: datetime) -> Seminar:
        """Replace every field, place and role of a seminar."""
        async with self._db.transaction() as connection:
            await self._replace(connection, seminar_id, fields, now)
        seminar = await self.get(seminar_id)
        assert seminar is not None
        return seminar

    async def import_by_slug(
        self, seminars: Sequence[SeminarFields], now: datetime
    ) -> ImportCounts:
        """Create or update seminars by slug, all in one transaction.

        A seminar whose fields are already as given is not touched, so importing the same
        file twice changes nothing, not even `updated_at`.
        """
        existing = {fields.slug: await self.get_by_slug(fields.slug or "") for fields in seminars}
        created = updated = 0
        async with self._db.transaction() as connection:
            for fields in seminars:
                stored = existing[fields.slug]
                if stored is None:
                    await self._insert(connection, fields, None, now)
                    created += 1
                elif stored.fields != fields:
                    await self._replace(connection, stored.id, fields, now)
                    updated += 1
        return ImportCounts(created, updated, len(seminars) - created - updated)

    async def _insert(
        self,
        connection: aiosqlite.Connection,
        fields: SeminarFields,
        created_by: int | None,
        now: datetime,
    ) -> int:
        columns = _columns(fields)
        names = ", ".join(columns)
        marks = ", ".join(f":{name}" for name in columns)
        cursor = await connection.execute(
            f"INSERT INTO seminars ({names}, created_by, created_at, updated_at)"
            f" VALUES ({marks}, :created_by, :now, :now)",
            {**columns, "created_by": created_by, "now": to_db(now)},
        )
        seminar_id = cursor.lastrowid or 0
        await self._write_audience(connection, seminar_id, fields)
        return seminar_id

    async def _replace(
        self,
        connection: aiosqlite.Connection,
        seminar_id: int,
        fields: SeminarFields,
        now: datetime,
    ) -> None:
        columns = _columns(fields)
        assignments = ", ".join(f"{name} = :{name}" for name in columns)
        await connection.execute(
            f"UPDATE seminars SET {assignments}, updated_at = :now WHERE id = :id",
            {**columns, "now": to_db(now), "id": seminar_id},
        )
        await connection.execute("DELETE FROM seminar_places WHERE seminar_id = ?", (seminar_id,))
        await connection.execute("DELETE FROM seminar_roles WHERE seminar_id = ?", (seminar_id,))
        await self._write_audience(connection, seminar_id, fields)

    @staticmethod
    async def _write_audience(
        connection: aiosqlite.Connection, seminar_id: int, fields: SeminarFields
    ) -> None:
        await connection.executemany(
            "INSERT OR IGNORE INTO seminar_places (seminar_id, region_code, rayon_code)"
            " VALUES (?, ?, ?)",
            [(seminar_id, p.region_code, p.rayon_code or "") for p in fields.places],
        )
        await connection.executemany(
            "INSERT OR IGNORE INTO seminar_roles (seminar_id, role) VALUES (?, ?)",
            [(seminar_id, role) for role in fields.roles],
        )

    async def set_status(self, seminar_id: int, status: str, now: datetime) -> None:
        """Cancel ('cancelled') or reinstate ('scheduled') a seminar."""
        await self._db.execute(
            "UPDATE seminars SET status = ?, updated_at = ? WHERE id = ?",
            (status, to_db(now), seminar_id),
        )

    async def mark_announced(self, seminar_id: int, now: datetime) -> None:
        """Remember that an announcement went out (the first time only)."""
        await self._db.execute(
            "UPDATE seminars SET announced_at = COALESCE(announced_at, ?) WHERE id = ?",
            (to_db(now), seminar_id),
        )

    async def get(self, seminar_id: int) -> Seminar | None:
        """One seminar by id."""
        rows = await self._load("WHERE s.id = ?", (seminar_id,))
        return rows[0] if rows else None

    async def get_by_slug(self, slug: str) -> Seminar | None:
        """One seminar by its import slug."""
        rows = await self._load("WHERE s.slug = ?", (slug,))
        return rows[0] if rows else None

    async def upcoming(self, now: datetime) -> list[Seminar]:
        """Seminars not yet ended and not cancelled, soonest first."""
        return await self._load(
            "WHERE s.ends_at > ? AND s.status = 'scheduled' ORDER BY s.starts_at", (to_db(now),)
        )

    async def all_for_staff(self, now: datetime) -> list[Seminar]:
        """Every seminar: upcoming (soonest first), then past (latest first)."""
        upcoming = await self._load("WHERE s.ends_at > ? ORDER BY s.starts_at", (to_db(now),))
        past = await self._load("WHERE s.ends_at <= ? ORDER BY s.starts_at DESC", (to_db(now),))
        return upcoming + past

    async def _load(self, where: str, params: tuple[Any, ...]) -> list[Seminar]:
        rows = await self._db.fetch_all(f"SELECT s.* FROM seminars s {where}", params)
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = ", ".join("?" for _ in ids)
        places: dict[int, list[Place]] = {i: [] for i in ids}
        for row in await self._db.fetch_all(
            f"SELECT * FROM seminar_places WHERE seminar_id IN ({marks}) ORDER BY rowid",
            ids,
        ):
            places[row["seminar_id"]].append(Place(row["region_code"], row["rayon_code"] or None))
        roles: dict[int, list[str]] = {i: [] for i in ids}
        for row in await self._db.fetch_all(
            f"SELECT * FROM seminar_roles WHERE seminar_id IN ({marks}) ORDER BY rowid", ids
        ):
            roles[row["seminar_id"]].append(row["role"])
        return [_seminar(row, tuple(places[row["id"]]), tuple(roles[row["id"]])) for row in rows]


def _seminar(row: Any, places: tuple[Place, ...], roles: tuple[str, ...]) -> Seminar:
    fields = SeminarFields(
        slug=row["slug"],
        title_ky=row["title_ky"],
        title_ru=row["title_ru"],
        starts_at=from_db(row["starts_at"]),
        ends_at=from_db(row["ends_at"]),
        city_ky=row["city_ky"],
        city_ru=row["city_ru"],
        venue_ky=row["venue_ky"],
        venue_ru=row["venue_ru"],
        description_ky=row["description_ky"],
        description_ru=row["description_ru"],
        organiser=row["organiser"],
        capacity=row["capacity"],
        max_party=row["max_party"],
        rsvp_deadline=from_db(row["rsvp_deadline"]) if row["rsvp_deadline"] else None,
        places=places,
        roles=roles,
    )
    return Seminar(
        id=row["id"],
        fields=fields,
        status=row["status"],
        announced_at=from_db(row["announced_at"]) if row["announced_at"] else None,
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
    )


async def _export(db: Database, telegram_id: int) -> dict[str, Any]:
    rows = await db.fetch_all(
        "SELECT id, title_ky, title_ru, created_at FROM seminars WHERE created_by = ? ORDER BY id",
        (telegram_id,),
    )
    return {"seminars_created": [row_dict(row) for row in rows]} if rows else {}


async def _erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
    await connection.execute(
        "UPDATE seminars SET created_by = ? WHERE created_by = ?", (pseudonym, telegram_id)
    )


PERSONAL_DATA = PersonalData("seminars", _export, _erase)
