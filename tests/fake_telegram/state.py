"""The fake Telegram's world: users, chats, messages, files and the update queue."""

from __future__ import annotations

import asyncio
import contextlib
import struct
import time
from collections.abc import Callable
from typing import Any, TypeVar

from .limits import RateLimiter
from .objects import (
    JSON,
    CallbackState,
    ChatState,
    RecordedCall,
    StoredFile,
    StoredMessage,
    UserState,
)

T = TypeVar("T")

# Updates Telegram delivers when the bot does not pass allowed_updates.
DEFAULT_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)


class FakeState:
    def __init__(
        self, *, bot_id: int, bot_username: str, bot_first_name: str, limiter: RateLimiter
    ) -> None:
        self.bot = UserState(
            id=bot_id, first_name=bot_first_name, username=bot_username, is_bot=True
        )
        self.limiter = limiter
        self.users: dict[int, UserState] = {}
        self.chats: dict[int, ChatState] = {}
        self.updates: list[tuple[int, JSON]] = []
        self.next_update_id = 1
        self.files: dict[str, StoredFile] = {}
        self.queries: dict[str, CallbackState] = {}
        self.calls: list[RecordedCall] = []
        self.bot_messages: list[StoredMessage] = []
        # Key: (scope type, scope chat_id, scope user_id, language_code).
        self.commands: dict[tuple[str, int | None, int | None, str], list[JSON]] = {}
        self.default_menu_button: JSON = {"type": "commands"}
        self.bot_settings: dict[str, JSON] = {}
        self.webhook_url = ""
        self.allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self.clock_offset = 0.0
        self.closing = False
        self.next_user_id = 1001
        self.next_group_id = -4_000_000_001
        self._counter = 0
        self._changed = asyncio.Event()

    # --- time -----------------------------------------------------------------

    def now(self) -> float:
        """Monotonic time for rate limits; tests can fast-forward it."""
        return time.monotonic() + self.clock_offset

    def unix_time(self) -> int:
        return int(time.time() + self.clock_offset)

    def next_id(self) -> int:
        self._counter += 1
        return self._counter

    # --- change notification --------------------------------------------------

    def changed(self) -> None:
        # Swap the event so that every waiter wakes exactly once per change
        # and re-checks its own condition.
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], T | None], timeout: float) -> T | None:
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value is not None:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.closing:
                return None
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    # --- users and chats ------------------------------------------------------

    def add_user(self, user: UserState, *, started: bool) -> ChatState:
        self.users[user.id] = user
        chat = ChatState(
            id=user.id, type="private", user=user, started=started, bot_status="member"
        )
        self.chats[user.id] = chat
        return chat

    def add_group(self, chat: ChatState) -> ChatState:
        self.chats[chat.id] = chat
        return chat

    # --- updates --------------------------------------------------------------

    def push_update(self, kind: str, payload: JSON) -> int:
        update_id = self.next_update_id
        self.next_update_id += 1
        self.updates.append((update_id, {"update_id": update_id, kind: payload}))
        self.changed()
        return update_id

    # --- messages -------------------------------------------------------------

    def add_message(
        self,
        chat: ChatState,
        *,
        sender: UserState,
        fields: JSON,
        raw_text: str | None = None,
        parse_mode: str | None = None,
        reply_markup: JSON | None = None,
        file: StoredFile | None = None,
    ) -> StoredMessage:
        # Telegram numbers messages per chat, shared by user and bot messages.
        message_id = chat.next_message_id
        chat.next_message_id += 1
        data: JSON = {
            "message_id": message_id,
            "from": sender.to_json(),
            "chat": chat.to_json(),
            "date": self.unix_time(),
            **fields,
        }
        stored = StoredMessage(
            chat_id=chat.id,
            message_id=message_id,
            data=data,
            from_bot=sender.is_bot,
            raw_text=raw_text,
            parse_mode=parse_mode,
            reply_markup=reply_markup,
            file=file,
        )
        chat.messages[message_id] = stored
        if stored.from_bot:
            chat.bot_message_ids.append(message_id)
            self.bot_messages.append(stored)
        self.changed()
        return stored

    # --- files ----------------------------------------------------------------

    def add_file(
        self, data: bytes, *, kind: str, file_name: str | None, mime_type: str | None
    ) -> StoredFile:
        number = self.next_id()
        prefix = {"photo": "AgAC", "voice": "AwAC", "document": "BQAC"}.get(kind, "CAAC")
        stored = StoredFile(
            file_id=f"{prefix}AgIAAxkBAAI{number:08d}fake",
            file_unique_id=f"AQAD{number:08d}",
            data=data,
            file_name=file_name,
            mime_type=mime_type,
            kind=kind,
        )
        self.files[stored.file_id] = stored
        return stored

    def file_json(self, stored: StoredFile) -> Any:
        base: JSON = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
        }
        if stored.kind == "photo":
            width, height = image_size(stored.data)
            return [{**base, "width": width, "height": height}]
        if stored.kind == "voice":
            return {**base, "duration": 1, "mime_type": stored.mime_type or "audio/ogg"}
        if stored.file_name:
            base["file_name"] = stored.file_name
        if stored.mime_type:
            base["mime_type"] = stored.mime_type
        return base


def image_size(data: bytes) -> tuple[int, int]:
    # Good enough for PNGs that tests upload; anything else gets a plausible size.
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return 320, 320
