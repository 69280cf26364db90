"""The broadcast outbox: broadcasts and their recipients' delivery states."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, row_dict


@dataclass(frozen=True, slots=True)
class Broadcast:
    """One bulk send."""

    id: int
    kind: str
    key: str | None
    seminar_id: int | None
    created_by: int | None
    urgent: bool
    status: str
    progress_chat_id: int | None
    progress_message_id: int | None
    created_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class Delivery:
    """One recipient's message of a broadcast, as stored."""

    id: int
    broadcast_id: int
    chat_id: int
    text: str
    reply_markup: str | None
    state: str
    attempts: int
    error: str | None


@dataclass(frozen=True, slots=True)
class Tally:
    """How far a broadcast got."""

    total: int = 0
    pending: int = 0
    sending: int = 0
    sent: int = 0
    unreachable: int = 0
    failed: int = 0
    stopped: int = 0

    @property
    def finished(self) -> int:
        """Recipients whose outcome is known."""
        return self.sent + self.unreachable + self.failed + self.stopped


def _broadcast(row: Any) -> Broadcast:
    return Broadcast(
        id=row["id"],
        kind=row["kind"],
        key=row["key"],
        seminar_id=row["seminar_id"],
        created_by=row["created_by"],
        urgent=bool(row["urgent"]),
        status=row["status"],
        progress_chat_id=row["progress_chat_id"],
        progress_message_id=row["progress_message_id"],
        created_at=from_db(row["created_at"]),
        finished_at=from_db(row["finished_at"]) if row["finished_at"] else None,
    )


def _delivery(row: Any) -> Delivery:
    return Delivery(
        id=row["id"],
        broadcast_id=row["broadcast_id"],
        chat_id=row["chat_id"],
        text=row["text"],
        reply_markup=row["reply_markup"],
        state=row["state"],
        attempts=row["attempts"],
        error=row["error"],
    )


class BroadcastRepository:
    """The `broadcasts` and `broadcast_recipients` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(
        self,
        *,
        kind: str,
        key: str | None,
        seminar_id: int | None,
        created_by: int | None,
        urgent: bool,
        recipients: Sequence[tuple[int, str, str | None]],
        now: datetime,
    ) -> tuple[int, bool]:
        """Store a broadcast and its recipients at once; (id, False) if the key was used."""
        async with self._db.transaction() as connection:
            if key is not None:
                cursor = await connection.execute("SELECT id FROM broadcasts WHERE key = ?", (key,))
                existing = await cursor.fetchone()
                if existing is not None:
                    return int(existing[0]), False
            cursor = await connection.execute(
                "INSERT INTO broadcasts (kind, key, seminar_id, created_by, urgent, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (kind, key, seminar_id, created_by, int(urgent), to_db(now)),
            )
            broadcast_id = cursor.lastrowid or 0
            # One message per chat and broadcast, whatever the caller passed twice.
            await connection.executemany(
                "INSERT OR IGNORE INTO broadcast_recipients"
                " (broadcast_id, chat_id, text, reply_markup) VALUES (?, ?, ?, ?)",
                [(broadcast_id, chat, text, markup) for chat, text, markup in recipients],
            )
            if not recipients:
                await connection.execute(
                    "UPDATE broadcasts SET status = 'done', finished_at = ? WHERE id = ?",
                    (to_db(now), broadcast_id),
                )
        return broadcast_id, True

    async def get(self, broadcast_id: int) -> Broadcast | None:
        """One broadcast by id."""
        row = await self._db.fetch_one("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
        return _broadcast(row) if row else None

    async def sending(self) -> list[Broadcast]:
        """Broadcasts still going out, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT * FROM broadcasts WHERE status = 'sending' ORDER BY id"
        )
        return [_broadcast(row) for row in rows]

    async def recent(self, limit: int = 20) -> list[Broadcast]:
        """The latest broadcasts, newest first."""
        rows = await self._db.fetch_all(
            "SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [_broadcast(row) for row in rows]

    async def claim(self, broadcast_ids: Sequence[int], limit: int) -> list[Delivery]:
        """Mark up to `limit` due recipients of these broadcasts as being sent, and return them.

        Claiming is written before the send, so after a crash a claimed row is known to be
        in doubt and is never sent a second time.
        """
        if not broadcast_ids or limit <= 0:
            return []
        marks = ", ".join("?" for _ in broadcast_ids)
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                f"SELECT * FROM broadcast_recipients WHERE state = 'pending'"
                f" AND broadcast_id IN ({marks}) ORDER BY broadcast_id, id LIMIT ?",
                (*broadcast_ids, limit),
            )
            rows = list(await cursor.fetchall())
            await connection.executemany(
                "UPDATE broadcast_recipients SET state = 'sending' WHERE id = ?",
                [(row["id"],) for row in rows],
            )
        return [_delivery(row) for row in rows]

    async def mark_sent(
        self, delivery_id: int, message_id: int, now: datetime, chat_id: int | None = None
    ) -> None:
        """Telegram accepted the message (in `chat_id` when a group moved to a new id)."""
        await self._db.execute(
            "UPDATE broadcast_recipients SET state = 'sent', message_id = ?, sent_at = ?,"
            " attempts = attempts + 1, error = NULL, chat_id = COALESCE(?, chat_id) WHERE id = ?",
            (message_id, to_db(now), chat_id, delivery_id),
        )

    async def mark_final(self, delivery_id: int, state: str, error: str) -> None:
        """The message will not be sent: 'unreachable' (403) or 'failed'."""
        await self._db.execute(
            "UPDATE broadcast_recipients SET state = ?, error = ?, attempts = attempts + 1"
            " WHERE id = ?",
            (state, error, delivery_id),
        )

    async def recover_interrupted(self) -> int:
        """After a crash: sends that were under way are in doubt; fail them rather than repeat."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE broadcast_recipients SET state = 'failed',"
                " error = 'interrupted: delivery unknown' WHERE state = 'sending'"
            )
            return cursor.rowcount

    async def tally(self, broadcast_id: int) -> Tally:
        """Counts by state."""
        rows = await self._db.fetch_all(
            "SELECT state, COUNT(*) AS n FROM broadcast_recipients WHERE broadcast_id = ?"
            " GROUP BY state",
            (broadcast_id,),
        )
        counts = {row["state"]: int(row["n"]) for row in rows}
        return Tally(total=sum(counts.values()), **counts)

    async def finish_if_done(self, broadcast_id: int, now: datetime) -> bool:
        """Close a broadcast with nobody left to send to; True when this call closed it."""
        # Asked many times a second while sending: a read answers "not yet" without a write.
        busy = await self._db.fetch_one(
            "SELECT 1 FROM broadcast_recipients WHERE broadcast_id = ?"
            " AND state IN ('pending', 'sending') LIMIT 1",
            (broadcast_id,),
        )
        if busy is not None:
            return False
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE broadcasts SET status = 'done', finished_at = ?"
                " WHERE id = ? AND status = 'sending' AND NOT EXISTS ("
                "   SELECT 1 FROM broadcast_recipients WHERE broadcast_id = ?"
                "   AND state IN ('pending', 'sending'))",
                (to_db(now), broadcast_id, broadcast_id),
            )
            return cursor.rowcount == 1

    async def stop(self, broadcast_id: int, now: datetime) -> bool:
        """Stop sending: recipients not yet sent to are marked stopped. False if not running."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE broadcasts SET status = 'stopped', finished_at = ?"
                " WHERE id = ? AND status = 'sending'",
                (to_db(now), broadcast_id),
            )
            if cursor.rowcount != 1:
                return False
            await connection.execute(
                "UPDATE broadcast_recipients SET state = 'stopped'"
                " WHERE broadcast_id = ? AND state = 'pending'",
                (broadcast_id,),
            )
        return True

    async def set_progress_message(self, broadcast_id: int, chat_id: int, message_id: int) -> None:
        """Remember which message shows this broadcast's progress."""
        await self._db.execute(
            "UPDATE broadcasts SET progress_chat_id = ?, progress_message_id = ? WHERE id = ?",
            (chat_id, message_id, broadcast_id),
        )

    async def unreached(self, broadcast_id: int) -> list[Delivery]:
        """Recipients the broadcast did not reach (blocked, failed, stopped)."""
        rows = await self._db.fetch_all(
            "SELECT * FROM broadcast_recipients WHERE broadcast_id = ?"
            " AND state IN ('unreachable', 'failed', 'stopped') ORDER BY id",
            (broadcast_id,),
        )
        return [_delivery(row) for row in rows]

    async def deliveries(self, broadcast_id: int) -> list[Delivery]:
        """Every recipient row of a broadcast."""
        rows = await self._db.fetch_all(
            "SELECT * FROM broadcast_recipients WHERE broadcast_id = ? ORDER BY id",
            (broadcast_id,),
        )
        return [_delivery(row) for row in rows]


async def _export(db: Database, telegram_id: int) -> dict[str, Any]:
    found: dict[str, Any] = {}
    received = await db.fetch_all(
        "SELECT broadcast_id, state, sent_at, text FROM broadcast_recipients WHERE chat_id = ?"
        " ORDER BY id",
        (telegram_id,),
    )
    if received:
        found["messages_sent_to_you"] = [row_dict(row) for row in received]
    created = await db.fetch_all(
        "SELECT id, kind, seminar_id, created_at FROM broadcasts WHERE created_by = ? ORDER BY id",
        (telegram_id,),
    )
    if created:
        found["broadcasts_created"] = [row_dict(row) for row in created]
    return found


async def _erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
    # Delivery rows keep counting (sent, unreachable) under the pseudonym; their text goes,
    # and nothing still queued is ever sent to a pseudonym.
    await connection.execute(
        """
        UPDATE broadcast_recipients SET chat_id = ?, text = '', reply_markup = NULL,
            state = CASE WHEN state IN ('pending', 'sending') THEN 'stopped' ELSE state END
        WHERE chat_id = ?
        """,
        (pseudonym, telegram_id),
    )
    await connection.execute(
        "UPDATE broadcasts SET created_by = ? WHERE created_by = ?", (pseudonym, telegram_id)
    )
    await connection.execute(
        "UPDATE broadcasts SET progress_chat_id = NULL, progress_message_id = NULL"
        " WHERE progress_chat_id = ?",
        (telegram_id,),
    )


PERSONAL_DATA = PersonalData("broadcasts", _export, _erase)
