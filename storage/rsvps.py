"""Answers to seminars: one row per person and seminar, seats and the waitlist."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, TypeGuard

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, export_rows, move_rows

Answer = Literal["yes", "maybe", "no"]
ANSWERS: tuple[Answer, ...] = ("yes", "maybe", "no")


def is_answer(value: object) -> TypeGuard[Answer]:
    """True for an answer a person can give."""
    return value in ANSWERS


@dataclass(frozen=True, slots=True)
class Rsvp:
    """One person's answer to one seminar."""

    seminar_id: int
    telegram_id: int
    answer: Answer
    party: int
    seated: bool
    queue_no: int | None
    answered_at: datetime

    @property
    def waiting(self) -> bool:
        """Said "I'll come" but no seat is free for them yet."""
        return self.answer == "yes" and not self.seated


@dataclass(frozen=True, slots=True)
class RsvpOutcome:
    """What one answer did: the row as it now is, and who moved up from the waitlist."""

    rsvp: Rsvp | None
    changed: bool
    waitlist_place: int | None
    # A seated person asked for more seats than are free: nothing changed.
    party_refused: bool
    free_seats: int | None
    promoted: tuple[Rsvp, ...]


def _rsvp(row: Any) -> Rsvp:
    return Rsvp(
        seminar_id=row["seminar_id"],
        telegram_id=row["telegram_id"],
        answer=row["answer"],
        party=row["party"],
        seated=bool(row["seated"]),
        queue_no=row["queue_no"],
        answered_at=from_db(row["answered_at"]),
    )


async def _one(connection: aiosqlite.Connection, sql: str, params: tuple[Any, ...]) -> Any:
    async with connection.execute(sql, params) as cursor:
        return await cursor.fetchone()


async def _get(connection: aiosqlite.Connection, seminar_id: int, telegram_id: int) -> Rsvp | None:
    row = await _one(
        connection,
        "SELECT * FROM rsvps WHERE seminar_id = ? AND telegram_id = ?",
        (seminar_id, telegram_id),
    )
    return _rsvp(row) if row else None


async def _free_seats(connection: aiosqlite.Connection, seminar_id: int) -> int | None:
    row = await _one(
        connection,
        "SELECT s.capacity, COALESCE(SUM(r.party), 0) AS taken FROM seminars s"
        " LEFT JOIN rsvps r ON r.seminar_id = s.id AND r.seated = 1 WHERE s.id = ?"
        " GROUP BY s.id",
        (seminar_id,),
    )
    if row is None or row["capacity"] is None:
        return None
    return max(0, int(row["capacity"]) - int(row["taken"]))


async def _place(connection: aiosqlite.Connection, rsvp: Rsvp | None) -> int | None:
    if rsvp is None or not rsvp.waiting or rsvp.queue_no is None:
        return None
    row = await _one(
        connection,
        "SELECT COUNT(*) FROM rsvps WHERE seminar_id = ? AND answer = 'yes' AND seated = 0"
        " AND queue_no <= ?",
        (rsvp.seminar_id, rsvp.queue_no),
    )
    return int(row[0])


async def _promote(connection: aiosqlite.Connection, seminar_id: int) -> tuple[Rsvp, ...]:
    """Seat everyone waiting, in queue order, whose party fits the seats now free.

    A party too big for the free seats keeps its place, and smaller parties behind it may
    go ahead: the seats would otherwise stay empty.
    """
    free = await _free_seats(connection, seminar_id)
    async with connection.execute(
        "SELECT * FROM rsvps WHERE seminar_id = ? AND answer = 'yes' AND seated = 0"
        " ORDER BY queue_no",
        (seminar_id,),
    ) as cursor:
        waiting = [_rsvp(row) for row in await cursor.fetchall()]
    promoted = []
    for rsvp in waiting:
        if free is not None and rsvp.party > free:
            continue
        await connection.execute(
            "UPDATE rsvps SET seated = 1, queue_no = NULL WHERE seminar_id = ? AND telegram_id = ?",
            (seminar_id, rsvp.telegram_id),
        )
        if free is not None:
            free -= rsvp.party
        promoted.append(replace(rsvp, seated=True, queue_no=None))
    return tuple(promoted)


class RsvpRepository:
    """The `rsvps` table; seat counting and promotion happen inside one transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def answer(
        self, seminar_id: int, telegram_id: int, answer: Answer, party: int, now: datetime
    ) -> RsvpOutcome:
        """Record (or replace) an answer; the same answer again changes nothing."""
        party = party if answer == "yes" else 1
        async with self._db.transaction() as connection:
            old = await _get(connection, seminar_id, telegram_id)
            free = await _free_seats(connection, seminar_id)
            if old is not None and old.answer == answer and old.party == party:
                return RsvpOutcome(old, False, await _place(connection, old), False, free, ())
            seated, queue_no = False, None
            if answer == "yes" and old is not None and old.answer == "yes" and old.seated:
                if free is not None and party - old.party > free:
                    return RsvpOutcome(old, False, None, True, free, ())
                seated = True
            elif answer == "yes" and old is not None and old.waiting:
                queue_no = old.queue_no
            elif answer == "yes":
                if free is None or party <= free:
                    seated = True
                else:
                    row = await _one(
                        connection,
                        "SELECT COALESCE(MAX(queue_no), 0) + 1 FROM rsvps WHERE seminar_id = ?",
                        (seminar_id,),
                    )
                    queue_no = int(row[0])
            await connection.execute(
                "INSERT INTO rsvps (seminar_id, telegram_id, answer, party, seated, queue_no,"
                " answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (seminar_id, telegram_id) DO UPDATE SET answer = excluded.answer,"
                " party = excluded.party, seated = excluded.seated, queue_no = excluded.queue_no,"
                " answered_at = excluded.answered_at",
                (seminar_id, telegram_id, answer, party, int(seated), queue_no, to_db(now)),
            )
            promoted = await _promote(connection, seminar_id)
            promoted = tuple(p for p in promoted if p.telegram_id != telegram_id)
            current = await _get(connection, seminar_id, telegram_id)
            return RsvpOutcome(
                current,
                True,
                await _place(connection, current),
                False,
                await _free_seats(connection, seminar_id),
                promoted,
            )

    async def set_capacity(
        self, seminar_id: int, capacity: int | None, now: datetime
    ) -> tuple[Rsvp, ...]:
        """Change the seminar's capacity and seat whoever now fits, in one transaction."""
        async with self._db.transaction() as connection:
            await connection.execute(
                "UPDATE seminars SET capacity = ?, updated_at = ? WHERE id = ?",
                (capacity, to_db(now), seminar_id),
            )
            return await _promote(connection, seminar_id)

    async def promote(self, seminar_id: int) -> tuple[Rsvp, ...]:
        """Seat whoever fits now, e.g. after the seminar wizard raised the capacity."""
        async with self._db.transaction() as connection:
            return await _promote(connection, seminar_id)

    async def get(self, seminar_id: int, telegram_id: int) -> Rsvp | None:
        """One person's answer to one seminar."""
        row = await self._db.fetch_one(
            "SELECT * FROM rsvps WHERE seminar_id = ? AND telegram_id = ?",
            (seminar_id, telegram_id),
        )
        return _rsvp(row) if row else None

    async def waitlist_place(self, rsvp: Rsvp) -> int | None:
        """1 for the first person waiting; None for anyone not waiting."""
        if not rsvp.waiting or rsvp.queue_no is None:
            return None
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM rsvps WHERE seminar_id = ? AND answer = 'yes' AND seated = 0"
            " AND queue_no <= ?",
            (rsvp.seminar_id, rsvp.queue_no),
        )
        return int(row[0]) if row else None

    async def for_seminar(self, seminar_id: int) -> list[Rsvp]:
        """Every answer to a seminar: seated, then the waitlist in order, then the rest."""
        rows = await self._db.fetch_all(
            "SELECT * FROM rsvps WHERE seminar_id = ?"
            " ORDER BY answer = 'yes' DESC, seated DESC, queue_no, answered_at, telegram_id",
            (seminar_id,),
        )
        return [_rsvp(row) for row in rows]

    async def for_person(self, telegram_id: int) -> list[Rsvp]:
        """Every answer a person gave."""
        rows = await self._db.fetch_all(
            "SELECT * FROM rsvps WHERE telegram_id = ? ORDER BY seminar_id", (telegram_id,)
        )
        return [_rsvp(row) for row in rows]

    async def seats_taken(self, seminar_id: int) -> int:
        """Seats held by seated "I'll come" answers (each counts its whole party)."""
        row = await self._db.fetch_one(
            "SELECT COALESCE(SUM(party), 0) FROM rsvps WHERE seminar_id = ? AND seated = 1",
            (seminar_id,),
        )
        return int(row[0]) if row else 0


PERSONAL_DATA = PersonalData(
    "rsvps",
    export_rows("rsvps", "SELECT * FROM rsvps WHERE telegram_id = ?"),
    # An answer counts (seats, waitlist order): it stays, under the pseudonym.
    move_rows(("rsvps", "telegram_id")),
)
