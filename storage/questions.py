"""Questions, their follow-ups, support, the messages that show them, and the daily digest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiosqlite

from storage.database import Database, from_db, to_db
from storage.personal_data import PersonalData, export_rows


@dataclass(frozen=True, slots=True)
class NewQuestion:
    """What a participant gives when asking."""

    asker_id: int
    seminar_id: int | None
    text: str
    media_kind: str | None
    media_file_id: str | None
    media_chat_id: int | None
    media_message_id: int | None
    anonymous: bool
    language: str


@dataclass(frozen=True, slots=True)
class Question:
    """A stored question with its answer and what staff did with it."""

    id: int
    asker_id: int
    seminar_id: int | None
    text: str
    media_kind: str | None
    media_file_id: str | None
    media_chat_id: int | None
    media_message_id: int | None
    anonymous: bool
    language: str
    status: str
    topic: str | None
    claimed_by: int | None
    claimed_by_name: str | None
    claimed_at: datetime | None
    answer_text: str | None
    answered_on_stage: bool
    answered_by: int | None
    answered_by_name: str | None
    answered_at: datetime | None
    delivered: bool | None
    reject_reason: str | None
    translation_question: str | None
    translation_answer: str | None
    duplicate_of: int | None
    shared: bool
    in_faq: bool
    created_at: datetime
    support: int


@dataclass(frozen=True, slots=True)
class Entry:
    """A follow-up from the asker or a later answer from staff."""

    kind: str
    text: str
    author_id: int
    created_at: datetime


def _maybe_time(value: str | None) -> datetime | None:
    return from_db(value) if value else None


def _question(row: Any) -> Question:
    delivered = row["delivered"]
    return Question(
        id=row["id"],
        asker_id=row["asker_id"],
        seminar_id=row["seminar_id"],
        text=row["text"],
        media_kind=row["media_kind"],
        media_file_id=row["media_file_id"],
        media_chat_id=row["media_chat_id"],
        media_message_id=row["media_message_id"],
        anonymous=bool(row["anonymous"]),
        language=row["language"],
        status=row["status"],
        topic=row["topic"],
        claimed_by=row["claimed_by"],
        claimed_by_name=row["claimed_by_name"],
        claimed_at=_maybe_time(row["claimed_at"]),
        answer_text=row["answer_text"],
        answered_on_stage=bool(row["answered_on_stage"]),
        answered_by=row["answered_by"],
        answered_by_name=row["answered_by_name"],
        answered_at=_maybe_time(row["answered_at"]),
        delivered=None if delivered is None else bool(delivered),
        reject_reason=row["reject_reason"],
        translation_question=row["translation_question"],
        translation_answer=row["translation_answer"],
        duplicate_of=row["duplicate_of"],
        shared=bool(row["shared"]),
        in_faq=bool(row["in_faq"]),
        created_at=from_db(row["created_at"]),
        support=int(row["support"]),
    )


_SELECT = """
    SELECT q.*, (SELECT COUNT(*) FROM question_supports s WHERE s.question_id = q.id)
        + (SELECT COUNT(*) FROM questions d WHERE d.duplicate_of = q.id) AS support
    FROM questions q
"""
# Oldest and most supported first: what staff should take next.
_QUEUE_ORDER = "ORDER BY support DESC, q.created_at, q.id"


class QuestionRepository:
    """The `questions` table and the small tables around it."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(self, new: NewQuestion, now: datetime) -> Question:
        """Store a new open question."""
        question_id = await self._db.execute(
            """
            INSERT INTO questions (asker_id, seminar_id, text, media_kind, media_file_id,
                media_chat_id, media_message_id, anonymous, language, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                new.asker_id,
                new.seminar_id,
                new.text,
                new.media_kind,
                new.media_file_id,
                new.media_chat_id,
                new.media_message_id,
                int(new.anonymous),
                new.language,
                to_db(now),
                to_db(now),
            ),
        )
        question = await self.get(question_id)
        assert question is not None
        return question

    async def get(self, question_id: int) -> Question | None:
        """One question by its number."""
        row = await self._db.fetch_one(f"{_SELECT} WHERE q.id = ?", (question_id,))
        return _question(row) if row else None

    async def count_since(self, asker_id: int, since: datetime) -> int:
        """How many questions this person asked since a moment (the hourly limit)."""
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM questions WHERE asker_id = ? AND created_at > ?",
            (asker_id, to_db(since)),
        )
        return int(row[0]) if row else 0

    async def by_asker(self, asker_id: int) -> list[Question]:
        """A person's own questions, newest first."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE q.asker_id = ? ORDER BY q.created_at DESC, q.id DESC", (asker_id,)
        )
        return [_question(row) for row in rows]

    async def open_queue(
        self, seminar_id: int | None = None, topic: str | None = None, *, general: bool = False
    ) -> list[Question]:
        """Open questions, most supported and oldest first; filter by seminar and topic."""
        where: list[str] = ["q.status = 'open'"]
        params: list[Any] = []
        if general:
            where.append("q.seminar_id IS NULL")
        elif seminar_id is not None:
            where.append("q.seminar_id = ?")
            params.append(seminar_id)
        if topic == "":
            where.append("q.topic IS NULL")
        elif topic is not None:
            where.append("q.topic = ?")
            params.append(topic)
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE {' AND '.join(where)} {_QUEUE_ORDER}", params
        )
        return [_question(row) for row in rows]

    async def open_before(self, moment: datetime) -> list[Question]:
        """Open questions asked before a moment, oldest first (the daily digest)."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE q.status = 'open' AND q.created_at < ? ORDER BY q.created_at, q.id",
            (to_db(moment),),
        )
        return [_question(row) for row in rows]

    async def shared(self, seminar_id: int | None) -> list[Question]:
        """Questions staff showed to participants and not yet answered, most supported first."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE q.shared = 1 AND q.status = 'open' AND q.seminar_id IS ?"
            f" {_QUEUE_ORDER}",
            (seminar_id,),
        )
        return [_question(row) for row in rows]

    async def faq(self, seminar_id: int | None, topic: str | None = None) -> list[Question]:
        """Published questions with answers, by topic then oldest first."""
        params: list[Any] = [seminar_id]
        topic_rule = ""
        if topic is not None:
            topic_rule = " AND q.topic = ?"
            params.append(topic)
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE q.in_faq = 1 AND q.status = 'answered' AND q.seminar_id IS ?"
            f"{topic_rule} ORDER BY q.topic, q.answered_at, q.id",
            params,
        )
        return [_question(row) for row in rows]

    async def faq_seminar_ids(self) -> list[int | None]:
        """Seminars (None: general) that have published or shared questions."""
        rows = await self._db.fetch_all(
            "SELECT DISTINCT seminar_id FROM questions WHERE (in_faq = 1 AND status = 'answered')"
            " OR (shared = 1 AND status = 'open') ORDER BY seminar_id IS NOT NULL, seminar_id"
        )
        return [row[0] for row in rows]

    async def for_seminar(self, seminar_id: int | None) -> list[Question]:
        """Every question of one seminar (None: general), oldest first, for the export."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE q.seminar_id IS ? ORDER BY q.created_at, q.id", (seminar_id,)
        )
        return [_question(row) for row in rows]

    async def duplicates_of(self, question_id: int) -> list[Question]:
        """Questions staff merged into this one."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE q.duplicate_of = ? ORDER BY q.id", (question_id,)
        )
        return [_question(row) for row in rows]

    async def merge_candidates(self, question: Question, limit: int = 8) -> list[Question]:
        """Other questions of the same seminar this one could duplicate, newest first."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE q.id != ? AND q.seminar_id IS ? AND q.status IN ('open', 'answered')"
            " ORDER BY q.id DESC LIMIT ?",
            (question.id, question.seminar_id, limit),
        )
        return [_question(row) for row in rows]

    async def topic_counts(self, seminar_id: int | None = None) -> dict[str | None, int]:
        """Questions by topic (None: not yet tagged), for reports; duplicates left out."""
        rule, params = ("", ()) if seminar_id is None else (" AND seminar_id = ?", (seminar_id,))
        rows = await self._db.fetch_all(
            "SELECT topic, COUNT(*) FROM questions WHERE status != 'duplicate'"
            f"{rule} GROUP BY topic",
            params,
        )
        return {row[0]: int(row[1]) for row in rows}

    async def _update(self, sql: str, params: tuple[Any, ...]) -> bool:
        """One conditional UPDATE; True when it changed a row (the condition still held)."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(sql, params)
            return cursor.rowcount > 0

    async def claim(
        self, question_id: int, staff_id: int, staff_name: str, now: datetime, lapse: datetime
    ) -> bool:
        """Take an open question to answer; refused while another claim is younger than lapse."""
        return await self._update(
            "UPDATE questions SET claimed_by = ?, claimed_by_name = ?, claimed_at = ?,"
            " updated_at = ? WHERE id = ? AND status = 'open' AND (claimed_by IS NULL"
            " OR claimed_by = ? OR claimed_at < ?)",
            (staff_id, staff_name, to_db(now), to_db(now), question_id, staff_id, to_db(lapse)),
        )

    async def answer(
        self,
        question_id: int,
        text: str | None,
        staff_id: int,
        staff_name: str,
        now: datetime,
        lapse: datetime,
        *,
        on_stage: bool = False,
    ) -> bool:
        """Record the answer unless the question is closed or claimed by someone else."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE questions SET status = 'answered', answer_text = ?,"
                " answered_on_stage = ?, answered_by = ?, answered_by_name = ?,"
                " answered_at = ?, delivered = NULL, claimed_by = NULL, claimed_by_name = NULL,"
                " claimed_at = NULL, updated_at = ? WHERE id = ? AND status = 'open'"
                " AND (claimed_by IS NULL OR claimed_by = ? OR claimed_at < ?)",
                (
                    text,
                    int(on_stage),
                    staff_id,
                    staff_name,
                    to_db(now),
                    to_db(now),
                    question_id,
                    staff_id,
                    to_db(lapse),
                ),
            )
            if cursor.rowcount == 0:
                return False
            if text is not None:
                await connection.execute(
                    "INSERT INTO question_entries (question_id, kind, text, author_id,"
                    " created_at) VALUES (?, 'answer', ?, ?, ?)",
                    (question_id, text, staff_id, to_db(now)),
                )
            return True

    async def reject(self, question_id: int, reason: str, now: datetime) -> bool:
        """Close an open question with a reason the asker sees."""
        return await self._update(
            "UPDATE questions SET status = 'rejected', reject_reason = ?, claimed_by = NULL,"
            " claimed_by_name = NULL, claimed_at = NULL, shared = 0, updated_at = ?"
            " WHERE id = ? AND status = 'open'",
            (reason, to_db(now), question_id),
        )

    async def mark_duplicate(self, question_id: int, original_id: int, now: datetime) -> bool:
        """Merge an open question into another one, which is not itself a merged one."""
        return await self._update(
            "UPDATE questions SET status = 'duplicate', duplicate_of = ?, shared = 0,"
            " claimed_by = NULL, claimed_by_name = NULL, claimed_at = NULL, updated_at = ?"
            " WHERE id = ? AND status = 'open' AND id != ? AND EXISTS (SELECT 1 FROM questions"
            " o WHERE o.id = ? AND o.status IN ('open', 'answered'))",
            (original_id, to_db(now), question_id, original_id, original_id),
        )

    async def add_followup(
        self, question_id: int, text: str, author_id: int, now: datetime
    ) -> None:
        """The asker added to an answered question: it goes back to staff as open."""
        async with self._db.transaction() as connection:
            await connection.execute(
                "INSERT INTO question_entries (question_id, kind, text, author_id, created_at)"
                " VALUES (?, 'followup', ?, ?, ?)",
                (question_id, text, author_id, to_db(now)),
            )
            await connection.execute(
                "UPDATE questions SET status = 'open', delivered = NULL, updated_at = ?"
                " WHERE id = ? AND status = 'answered'",
                (to_db(now), question_id),
            )

    async def entries(self, question_id: int) -> list[Entry]:
        """Follow-ups and answers in order."""
        rows = await self._db.fetch_all(
            "SELECT * FROM question_entries WHERE question_id = ? ORDER BY id", (question_id,)
        )
        return [
            Entry(row["kind"], row["text"], row["author_id"], from_db(row["created_at"]))
            for row in rows
        ]

    async def set_delivered(self, question_id: int, delivered: bool) -> None:
        """Whether the answer reached the asker."""
        await self._db.execute(
            "UPDATE questions SET delivered = ? WHERE id = ?", (int(delivered), question_id)
        )

    async def set_topic(self, question_id: int, topic: str, now: datetime) -> None:
        """Tag a question with a topic code."""
        await self._db.execute(
            "UPDATE questions SET topic = ?, updated_at = ? WHERE id = ?",
            (topic, to_db(now), question_id),
        )

    async def set_shared(self, question_id: int, shared: bool, now: datetime) -> bool:
        """Show an open question to participants (or hide it)."""
        return await self._update(
            "UPDATE questions SET shared = ?, updated_at = ? WHERE id = ? AND status = 'open'",
            (int(shared), to_db(now), question_id),
        )

    async def set_in_faq(self, question_id: int, in_faq: bool, now: datetime) -> bool:
        """Publish an answered question with its answer in /faq (or withdraw it)."""
        return await self._update(
            "UPDATE questions SET in_faq = ?, updated_at = ? WHERE id = ?"
            " AND status = 'answered' AND answer_text IS NOT NULL",
            (int(in_faq), to_db(now), question_id),
        )

    async def set_translation(
        self, question_id: int, question: str, answer: str, now: datetime
    ) -> bool:
        """Staff's question and answer in the other language, for /faq."""
        return await self._update(
            "UPDATE questions SET translation_question = ?, translation_answer = ?,"
            " updated_at = ? WHERE id = ? AND status = 'answered' AND answer_text IS NOT NULL",
            (question, answer, to_db(now), question_id),
        )

    async def support(self, question_id: int, telegram_id: int, now: datetime) -> bool:
        """Count «I have this question too» once per person; False when already counted."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "INSERT OR IGNORE INTO question_supports (question_id, telegram_id, created_at)"
                " VALUES (?, ?, ?)",
                (question_id, telegram_id, to_db(now)),
            )
            return cursor.rowcount > 0

    async def remember_message(
        self, chat_id: int, message_id: int, question_id: int, kind: str
    ) -> None:
        """Note which question a message shows, to find it from a reply or to edit it."""
        await self._db.execute(
            "INSERT OR REPLACE INTO question_messages (chat_id, message_id, question_id, kind)"
            " VALUES (?, ?, ?, ?)",
            (chat_id, message_id, question_id, kind),
        )

    async def message_question(self, chat_id: int, message_id: int) -> tuple[int, str] | None:
        """The question a message shows and what kind of message it is."""
        row = await self._db.fetch_one(
            "SELECT question_id, kind FROM question_messages WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        )
        return (int(row[0]), str(row[1])) if row else None

    async def cards(self, question_id: int) -> list[tuple[int, int]]:
        """(chat_id, message_id) of every staff card showing this question."""
        rows = await self._db.fetch_all(
            "SELECT chat_id, message_id FROM question_messages WHERE question_id = ?"
            " AND kind = 'card' ORDER BY message_id",
            (question_id,),
        )
        return [(int(row[0]), int(row[1])) for row in rows]

    async def mark_digest_sent(self, day: str, now: datetime) -> bool:
        """Claim today's digest; False when it already went out."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "INSERT OR IGNORE INTO question_digests (day, sent_at) VALUES (?, ?)",
                (day, to_db(now)),
            )
            return cursor.rowcount > 0


async def _export(db: Database, telegram_id: int) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for part in (
        export_rows("questions_asked", "SELECT * FROM questions WHERE asker_id = ? ORDER BY id"),
        export_rows(
            "question_thread_entries",
            "SELECT * FROM question_entries WHERE author_id = ? ORDER BY id",
        ),
        export_rows(
            "questions_supported",
            "SELECT question_id, created_at FROM question_supports WHERE telegram_id = ?",
        ),
        export_rows(
            "questions_handled",
            "SELECT id, status, claimed_at, answered_at FROM questions"
            " WHERE ? IN (claimed_by, answered_by) ORDER BY id",
        ),
    ):
        found.update(await part(db, telegram_id))
    return found


async def _erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
    # Questions stay, as anonymous ones: staff still answer them, counts by seminar and topic
    # stay right, the FAQ keeps its answers. What could lead back to the person goes: their
    # id, the chat their voice or photo was sent in, and the file itself.
    await connection.execute(
        """
        UPDATE questions SET asker_id = ?, anonymous = 1, media_file_id = NULL,
            media_chat_id = NULL, media_message_id = NULL
        WHERE asker_id = ?
        """,
        (pseudonym, telegram_id),
    )
    # A staff member who handled questions: the record of who did it goes.
    await connection.execute(
        "UPDATE questions SET claimed_by = ?, claimed_by_name = NULL WHERE claimed_by = ?",
        (pseudonym, telegram_id),
    )
    await connection.execute(
        "UPDATE questions SET answered_by = ?, answered_by_name = NULL WHERE answered_by = ?",
        (pseudonym, telegram_id),
    )
    await connection.execute(
        "UPDATE question_entries SET author_id = ? WHERE author_id = ?", (pseudonym, telegram_id)
    )
    await connection.execute(
        "UPDATE question_supports SET telegram_id = ? WHERE telegram_id = ?",
        (pseudonym, telegram_id),
    )
    # Which message in their chat showed which question: nothing to reply to any more.
    await connection.execute("DELETE FROM question_messages WHERE chat_id = ?", (telegram_id,))


PERSONAL_DATA = PersonalData("questions", _export, _erase)
