"""Group chats the bot sits in: their registration, seminar posts and questions asked there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, export_rows

GROUP_LANGUAGES = ("ky", "ru", "both")
GROUP_ANNOUNCEMENT = "group-announcement"


@dataclass(frozen=True, slots=True)
class Group:
    """A group chat; an audience once staff gave it a place and a language."""

    chat_id: int
    title: str
    language: str | None
    region_code: str | None
    rayon_code: str | None
    status: str
    added_by: int | None
    registered_by: int | None

    @property
    def is_audience(self) -> bool:
        """Registered by staff and the bot still in it."""
        return self.status == "active" and self.language is not None and bool(self.region_code)


@dataclass(frozen=True, slots=True)
class GroupPost:
    """A seminar's post in a group, and the count line it last showed."""

    chat_id: int
    message_id: int
    seminar_id: int
    language: str
    last_count_text: str | None
    last_edit: datetime | None
    editable: bool = True


def _group(row: Any) -> Group:
    return Group(
        chat_id=row["chat_id"],
        title=row["title"],
        language=row["language"],
        region_code=row["region_code"],
        rayon_code=row["rayon_code"],
        status=row["status"],
        added_by=row["added_by"],
        registered_by=row["registered_by"],
    )


def _post(row: Any) -> GroupPost:
    return GroupPost(
        chat_id=row["chat_id"],
        message_id=row["message_id"],
        seminar_id=row["seminar_id"],
        language=row["language"],
        last_count_text=row["last_count_text"],
        last_edit=from_db(row["last_edit"]) if row["last_edit"] else None,
        editable=bool(row["editable"]),
    )


class GroupRepository:
    """The `groups`, `group_posts` and `group_questions` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, chat_id: int) -> Group | None:
        """One group by chat id."""
        row = await self._db.fetch_one("SELECT * FROM groups WHERE chat_id = ?", (chat_id,))
        return _group(row) if row else None

    async def added(self, chat_id: int, title: str, added_by: int | None, now: datetime) -> None:
        """The bot joined (or rejoined) the group; a registration made before is kept."""
        await self._db.execute(
            "INSERT INTO groups (chat_id, title, added_by, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (chat_id) DO UPDATE SET title = excluded.title, status = 'active',"
            " added_by = excluded.added_by, added_at = excluded.added_at, left_at = NULL",
            (chat_id, title, added_by, to_db(now)),
        )

    async def left(self, chat_id: int, now: datetime) -> bool:
        """The bot was removed: nothing more is posted there. False for an unknown group."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE groups SET status = 'left', left_at = ? WHERE chat_id = ?",
                (to_db(now), chat_id),
            )
            return cursor.rowcount > 0

    async def register(
        self,
        chat_id: int,
        title: str,
        region_code: str,
        rayon_code: str | None,
        language: str,
        registered_by: int,
        now: datetime,
    ) -> None:
        """Staff give the group its place and language: it becomes an audience."""
        await self._db.execute(
            "INSERT INTO groups (chat_id, title, added_at) VALUES (?, ?, ?)"
            " ON CONFLICT (chat_id) DO NOTHING",
            (chat_id, title, to_db(now)),
        )
        await self._db.execute(
            "UPDATE groups SET title = ?, region_code = ?, rayon_code = ?, language = ?,"
            " registered_by = ?, registered_at = ?, status = 'active', left_at = NULL"
            " WHERE chat_id = ?",
            (title, region_code, rayon_code, language, registered_by, to_db(now), chat_id),
        )

    async def unregister(self, chat_id: int) -> None:
        """Staff take the group out of the audiences; the bot stays in it."""
        await self._db.execute(
            "UPDATE groups SET region_code = NULL, rayon_code = NULL, language = NULL,"
            " registered_by = NULL, registered_at = NULL WHERE chat_id = ?",
            (chat_id,),
        )

    async def audiences(self) -> list[Group]:
        """Every registered group the bot is still in."""
        rows = await self._db.fetch_all(
            "SELECT * FROM groups WHERE status = 'active' AND language IS NOT NULL"
            " AND region_code IS NOT NULL ORDER BY chat_id"
        )
        return [_group(row) for row in rows]

    async def migrate(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: its registration and questions follow the new id.

        The posts stay where they were: the old group's messages keep their old chat, and a
        question asked there is answered in the new chat without quoting (message_id 0).
        """
        async with self._db.transaction() as connection:
            async with connection.execute(
                "SELECT 1 FROM groups WHERE chat_id = ?", (old_chat_id,)
            ) as cursor:
                if await cursor.fetchone() is None:
                    return  # already moved (both service messages arrive) or never known
            await connection.execute("DELETE FROM groups WHERE chat_id = ?", (new_chat_id,))
            await connection.execute(
                "UPDATE groups SET chat_id = ? WHERE chat_id = ?", (new_chat_id, old_chat_id)
            )
            await connection.execute(
                "UPDATE group_questions SET chat_id = ?, message_id = 0 WHERE chat_id = ?",
                (new_chat_id, old_chat_id),
            )

    # --- posts -----------------------------------------------------------------------

    async def post(self, chat_id: int, message_id: int) -> GroupPost | None:
        """The seminar post behind a group message, found in the broadcast outbox if new here."""
        row = await self._db.fetch_one(
            "SELECT * FROM group_posts WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        )
        if row is not None:
            return _post(row)
        sent = await self._db.fetch_one(
            "SELECT b.seminar_id, g.language FROM broadcast_recipients r"
            " JOIN broadcasts b ON b.id = r.broadcast_id"
            " JOIN groups g ON g.chat_id = r.chat_id"
            " WHERE r.chat_id = ? AND r.message_id = ? AND b.kind = ?"
            " AND b.seminar_id IS NOT NULL AND g.language IS NOT NULL",
            (chat_id, message_id, GROUP_ANNOUNCEMENT),
        )
        if sent is None:
            return None
        await self._db.execute(
            "INSERT OR IGNORE INTO group_posts (chat_id, message_id, seminar_id, language)"
            " VALUES (?, ?, ?, ?)",
            (chat_id, message_id, sent["seminar_id"], sent["language"]),
        )
        return GroupPost(chat_id, message_id, sent["seminar_id"], sent["language"], None, None)

    async def posts_of_seminar(self, seminar_id: int) -> list[tuple[int, int]]:
        """(chat, message) of the seminar's posts in groups that are still audiences."""
        rows = await self._db.fetch_all(
            "SELECT r.chat_id, r.message_id FROM broadcast_recipients r"
            " JOIN broadcasts b ON b.id = r.broadcast_id"
            " JOIN groups g ON g.chat_id = r.chat_id"
            " WHERE b.seminar_id = ? AND b.kind = ? AND r.state = 'sent'"
            " AND g.status = 'active' ORDER BY r.id",
            (seminar_id, GROUP_ANNOUNCEMENT),
        )
        return [(int(row[0]), int(row[1])) for row in rows]

    async def latest_post(self, chat_id: int, now: datetime) -> int | None:
        """The seminar most recently posted to the group that has not started yet."""
        row = await self._db.fetch_one(
            "SELECT b.seminar_id FROM broadcast_recipients r"
            " JOIN broadcasts b ON b.id = r.broadcast_id"
            " JOIN seminars s ON s.id = b.seminar_id"
            " WHERE r.chat_id = ? AND b.kind = ? AND r.state = 'sent' AND s.starts_at > ?"
            " ORDER BY r.sent_at DESC, r.id DESC LIMIT 1",
            (chat_id, GROUP_ANNOUNCEMENT, to_db(now)),
        )
        return int(row[0]) if row else None

    async def mark_edited(
        self, chat_id: int, message_id: int, count_text: str | None, now: datetime
    ) -> None:
        """Remember what the post's count line shows now."""
        await self._db.execute(
            "UPDATE group_posts SET last_count_text = ?, last_edit = ?"
            " WHERE chat_id = ? AND message_id = ?",
            (count_text, to_db(now), chat_id, message_id),
        )

    async def stop_editing(self, chat_id: int, message_id: int) -> None:
        """A post that can no longer be edited (deleted, or its group migrated)."""
        await self._db.execute(
            "UPDATE group_posts SET editable = 0 WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        )

    # --- questions -----------------------------------------------------------------

    async def remember_question(self, question_id: int, chat_id: int, message_id: int) -> None:
        """Where a question was asked, for a reply there when the asker can't be written to."""
        await self._db.execute(
            "INSERT OR REPLACE INTO group_questions (question_id, chat_id, message_id)"
            " VALUES (?, ?, ?)",
            (question_id, chat_id, message_id),
        )

    async def question_origin(self, question_id: int) -> tuple[int, int] | None:
        """The group chat and message a question came from, following a migration."""
        row = await self._db.fetch_one(
            "SELECT chat_id, message_id FROM group_questions WHERE question_id = ?",
            (question_id,),
        )
        return (int(row[0]), int(row[1])) if row else None


async def _export(db: Database, telegram_id: int) -> dict[str, Any]:
    found = await export_rows(
        "groups_added_or_registered",
        "SELECT chat_id, title, added_at, registered_at FROM groups"
        " WHERE added_by = ?1 OR registered_by = ?1",
    )(db, telegram_id)
    questions = await export_rows(
        "questions_asked_in_groups",
        "SELECT g.* FROM group_questions g JOIN questions q ON q.id = g.question_id"
        " WHERE q.asker_id = ?",
    )(db, telegram_id)
    return {**found, **questions}


async def _erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
    # Who added or registered a group says nothing the registration needs; where a question
    # was asked would point at the person's message in the group.
    await connection.execute("UPDATE groups SET added_by = NULL WHERE added_by = ?", (telegram_id,))
    await connection.execute(
        "UPDATE groups SET registered_by = NULL WHERE registered_by = ?", (telegram_id,)
    )
    await connection.execute(
        "DELETE FROM group_questions WHERE question_id IN"
        " (SELECT id FROM questions WHERE asker_id IN (?, ?))",
        (telegram_id, pseudonym),
    )


PERSONAL_DATA = PersonalData("groups", _export, _erase)
