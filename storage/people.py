"""Registered people: who they are, where they work, whether they hear announcements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, row_dict


@dataclass(frozen=True, slots=True)
class Person:
    """A registered participant (a municipal head, an official, staff…)."""

    telegram_id: int
    first_name: str
    last_name: str | None
    username: str | None
    language: str
    role: str
    region_code: str | None
    rayon_code: str | None
    organisation_id: int | None
    organisation_name: str | None
    phone: str | None
    subscribed: bool
    reachable: bool
    invitation_code: str | None
    registered_at: datetime
    updated_at: datetime
    # False for someone who only answered from a group chat and never registered.
    registered: bool = True

    @property
    def is_forgotten(self) -> bool:
        """Whether this row was kept under a pseudonym by /forget or retention."""
        return self.telegram_id < 0

    @property
    def full_name(self) -> str:
        """First and last name as Telegram gave them; a forgotten person's is a dash."""
        if self.is_forgotten:
            return "—"
        return f"{self.first_name} {self.last_name}".strip() if self.last_name else self.first_name


@dataclass(frozen=True, slots=True)
class Profile:
    """What registration collects, to be saved as a person."""

    telegram_id: int
    first_name: str
    last_name: str | None
    username: str | None
    language: str
    role: str
    region_code: str | None
    rayon_code: str | None
    organisation_id: int | None
    phone: str | None
    invitation_code: str | None


_SELECT = """
    SELECT p.*, o.name AS organisation_name
    FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
"""


def _person(row: Any) -> Person:
    return Person(
        telegram_id=row["telegram_id"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        username=row["username"],
        language=row["language"],
        role=row["role"],
        region_code=row["region_code"],
        rayon_code=row["rayon_code"],
        organisation_id=row["organisation_id"],
        organisation_name=row["organisation_name"],
        phone=row["phone"],
        subscribed=bool(row["subscribed"]),
        reachable=bool(row["reachable"]),
        invitation_code=row["invitation_code"],
        registered_at=from_db(row["registered_at"]),
        updated_at=from_db(row["updated_at"]),
        registered=bool(row["registered"]),
    )


# The role of a person known only from a group chat: never offered in registration.
GUEST_ROLE = "guest"


class PersonRepository:
    """The `people` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, telegram_id: int, *, guests: bool = False) -> Person | None:
        """One registered person by Telegram user id; `guests` also finds group guests."""
        row = await self._db.fetch_one(f"{_SELECT} WHERE p.telegram_id = ?", (telegram_id,))
        if row is None or not (guests or row["registered"]):
            return None
        return _person(row)

    async def save_guest(
        self,
        telegram_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language: str,
        now: datetime,
    ) -> None:
        """Record someone who answered from a group without registering; nothing if known.

        The row holds only their Telegram name, so the answer counts; they stay unsubscribed
        and unregistered until they register, which turns this row into their registration.
        """
        await self._db.execute(
            "INSERT INTO people (telegram_id, first_name, last_name, username, language, role,"
            " subscribed, reachable, registered, registered_at, updated_at, last_seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 0, 1, 0, ?, ?, ?) ON CONFLICT (telegram_id) DO NOTHING",
            (
                telegram_id,
                first_name,
                last_name,
                username,
                language,
                GUEST_ROLE,
                to_db(now),
                to_db(now),
                to_db(now),
            ),
        )

    async def save(self, profile: Profile, now: datetime) -> Person:
        """Create or replace a registration; saving subscribes and marks reachable."""
        await self._db.execute(
            """
            INSERT INTO people (telegram_id, first_name, last_name, username, language, role,
                region_code, rayon_code, organisation_id, phone, subscribed, reachable,
                invitation_code, registered_at, updated_at, last_seen_at)
            VALUES (:telegram_id, :first_name, :last_name, :username, :language, :role,
                :region_code, :rayon_code, :organisation_id, :phone, 1, 1,
                :invitation_code, :now, :now, :now)
            ON CONFLICT (telegram_id) DO UPDATE SET
                first_name = excluded.first_name, last_name = excluded.last_name,
                username = excluded.username, language = excluded.language,
                role = excluded.role, region_code = excluded.region_code,
                rayon_code = excluded.rayon_code, organisation_id = excluded.organisation_id,
                phone = excluded.phone, subscribed = 1, reachable = 1, registered = 1,
                registered_at = CASE WHEN people.registered = 1 THEN people.registered_at
                    ELSE excluded.registered_at END,
                invitation_code = COALESCE(people.invitation_code, excluded.invitation_code),
                updated_at = excluded.updated_at, last_seen_at = excluded.last_seen_at
            """,
            {
                "telegram_id": profile.telegram_id,
                "first_name": profile.first_name,
                "last_name": profile.last_name,
                "username": profile.username,
                "language": profile.language,
                "role": profile.role,
                "region_code": profile.region_code,
                "rayon_code": profile.rayon_code,
                "organisation_id": profile.organisation_id,
                "phone": profile.phone,
                "invitation_code": profile.invitation_code,
                "now": to_db(now),
            },
        )
        person = await self.get(profile.telegram_id)
        assert person is not None
        return person

    async def set_language(self, telegram_id: int, language: str, now: datetime) -> None:
        """Switch the language a person reads in."""
        await self._db.execute(
            "UPDATE people SET language = ?, updated_at = ? WHERE telegram_id = ?",
            (language, to_db(now), telegram_id),
        )

    async def set_subscribed(self, telegram_id: int, subscribed: bool, now: datetime) -> None:
        """Subscribe to, or stop, announcements."""
        await self._db.execute(
            "UPDATE people SET subscribed = ?, updated_at = ? WHERE telegram_id = ?",
            (int(subscribed), to_db(now), telegram_id),
        )

    async def set_reachable(self, telegram_id: int, reachable: bool, now: datetime) -> None:
        """Record that the person blocked the bot (False) or came back (True)."""
        await self._db.execute(
            "UPDATE people SET reachable = ?, updated_at = ? WHERE telegram_id = ?",
            (int(reachable), to_db(now), telegram_id),
        )

    async def reachable_subscribers(self) -> list[Person]:
        """Everyone who wants announcements and has not blocked the bot, oldest first."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE p.subscribed = 1 AND p.reachable = 1 AND p.registered = 1"
            " ORDER BY p.registered_at,"
            " p.telegram_id"
        )
        return [_person(row) for row in rows]

    async def all(self, *, guests: bool = False) -> list[Person]:
        """Every registered person, subscribed or not; forgotten people (ids < 0) are no one.

        `guests` adds the people known only from answering in a group chat.
        """
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE p.telegram_id > 0 AND (p.registered = 1 OR ?)"
            " ORDER BY p.registered_at, p.telegram_id",
            (int(guests),),
        )
        return [_person(row) for row in rows]

    async def count_subscribed(self) -> int:
        """People who hear announcements and can be reached."""
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM people WHERE subscribed = 1 AND reachable = 1 AND registered = 1"
        )
        return int(row[0]) if row else 0

    async def mark_seen(self, telegram_id: int, now: datetime, since: datetime) -> None:
        """Record that the person used the bot, unless already recorded after `since`."""
        await self._db.execute(
            "UPDATE people SET last_seen_at = ? WHERE telegram_id = ?"
            " AND (last_seen_at IS NULL OR last_seen_at < ?)",
            (to_db(now), telegram_id, to_db(since)),
        )

    async def inactive_since(self, cutoff: datetime) -> list[int]:
        """Ids of people (not yet forgotten) who last used the bot before `cutoff`."""
        rows = await self._db.fetch_all(
            "SELECT telegram_id FROM people WHERE telegram_id > 0"
            " AND COALESCE(last_seen_at, updated_at) < ? ORDER BY telegram_id",
            (to_db(cutoff),),
        )
        return [int(row[0]) for row in rows]


async def _export(db: Database, telegram_id: int) -> dict[str, Any]:
    row = await db.fetch_one(f"{_SELECT} WHERE p.telegram_id = ?", (telegram_id,))
    return {"registration": row_dict(row)} if row else {}


async def _erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
    # The row stays, so counts by role, rayon and organisation stay right; what says who
    # the person is goes, and nothing is sent to a pseudonym (subscribed = 0).
    await connection.execute(
        """
        UPDATE people SET telegram_id = ?, first_name = '', last_name = NULL, username = NULL,
            phone = NULL, subscribed = 0, reachable = 0, last_seen_at = NULL
        WHERE telegram_id = ?
        """,
        (pseudonym, telegram_id),
    )


PERSONAL_DATA = PersonalData("people", _export, _erase)
