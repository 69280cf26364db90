"""Questions being written, and staff typing an answer or a reason: kept across restarts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.database import Database, to_db
from storage.input_focus import delete_flow, save_claiming
from storage.personal_data import PersonalData, delete_rows, export_rows

FEATURE = "questions"


@dataclass(frozen=True, slots=True)
class QuestionDraft:
    """A participant's question in progress."""

    telegram_id: int
    step: str  # seminar → text → anonymity → confirm
    seminar_id: int | None = None
    text: str = ""
    media_kind: str | None = None
    media_file_id: str | None = None
    media_chat_id: int | None = None
    media_message_id: int | None = None
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class StaffInput:
    """A staff member who pressed Answer or Reject and whose next text in that chat is it."""

    telegram_id: int
    chat_id: int
    question_id: int
    action: str  # answer | reject


class QuestionDraftRepository:
    """The `question_drafts` and `question_staff_inputs` tables."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, telegram_id: int) -> QuestionDraft | None:
        """The person's question in progress, if any."""
        row = await self._db.fetch_one(
            "SELECT * FROM question_drafts WHERE telegram_id = ?", (telegram_id,)
        )
        if row is None:
            return None
        return QuestionDraft(
            telegram_id=row["telegram_id"],
            step=row["step"],
            seminar_id=row["seminar_id"],
            text=row["text"],
            media_kind=row["media_kind"],
            media_file_id=row["media_file_id"],
            media_chat_id=row["media_chat_id"],
            media_message_id=row["media_message_id"],
            anonymous=bool(row["anonymous"]),
        )

    async def save(self, draft: QuestionDraft, now: datetime) -> None:
        """Create or replace the person's draft."""
        await save_claiming(
            self._db,
            """
            INSERT OR REPLACE INTO question_drafts (telegram_id, step, seminar_id, text,
                media_kind, media_file_id, media_chat_id, media_message_id, anonymous, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                draft.telegram_id,
                draft.step,
                draft.seminar_id,
                draft.text,
                draft.media_kind,
                draft.media_file_id,
                draft.media_chat_id,
                draft.media_message_id,
                int(draft.anonymous),
                to_db(now),
            ),
            telegram_id=draft.telegram_id,
            feature=FEATURE,
        )

    async def delete(self, telegram_id: int) -> None:
        """Forget the draft (sent or cancelled)."""
        await delete_flow(self._db, "question_drafts", telegram_id=telegram_id, feature=FEATURE)

    async def staff_input(self, telegram_id: int) -> StaffInput | None:
        """What this staff member is typing, if anything."""
        row = await self._db.fetch_one(
            "SELECT * FROM question_staff_inputs WHERE telegram_id = ?", (telegram_id,)
        )
        if row is None:
            return None
        return StaffInput(row["telegram_id"], row["chat_id"], row["question_id"], row["action"])

    async def start_staff_input(self, value: StaffInput, now: datetime) -> None:
        """The staff member's next text in that chat answers or rejects the question."""
        await save_claiming(
            self._db,
            "INSERT OR REPLACE INTO question_staff_inputs (telegram_id, chat_id, question_id,"
            " action, created_at) VALUES (?, ?, ?, ?, ?)",
            (value.telegram_id, value.chat_id, value.question_id, value.action, to_db(now)),
            telegram_id=value.telegram_id,
            feature=FEATURE,
        )

    async def end_staff_input(self, telegram_id: int) -> None:
        """The text came, or the question was closed another way."""
        await delete_flow(
            self._db, "question_staff_inputs", telegram_id=telegram_id, feature=FEATURE
        )


PERSONAL_DATA = PersonalData(
    "question_drafts",
    export_rows(
        "question_in_progress", "SELECT * FROM question_drafts WHERE telegram_id = ?", one=True
    ),
    # A question not yet sent, or a staff answer being typed, counts nothing.
    delete_rows(("question_drafts", "telegram_id"), ("question_staff_inputs", "telegram_id")),
)
