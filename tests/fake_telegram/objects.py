"""Plain data shared by the fake Bot API server and the test-side handles.

Telegram objects are kept as JSON dicts (exactly what goes over the wire), so
whatever PTB can ``de_json`` from the real API it can parse from the fake.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


class ApiError(Exception):
    """A Bot API error response (``ok: false``) with Telegram's own wording."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_json(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    return ApiError(403, f"Forbidden: {detail}")


def utf16_len(text: str) -> int:
    # Telegram measures entity offsets and lengths in UTF-16 code units.
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class RecordedCall:
    """One HTTP request the bot made, as decoded by the server."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes]
    at: float
    ok: bool
    error_code: int | None
    description: str | None = None
    result: Any = None


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None
    url: str | None
    raw: JSON

    @classmethod
    def from_json(cls, raw: Any) -> Button:
        if isinstance(raw, str):  # reply keyboards allow bare strings
            return cls(text=raw, callback_data=None, url=None, raw={"text": raw})
        return cls(
            text=str(raw.get("text", "")),
            callback_data=raw.get("callback_data"),
            url=raw.get("url"),
            raw=dict(raw),
        )


@dataclass(frozen=True)
class CallbackAnswer:
    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int | None


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    file_name: str | None
    mime_type: str | None
    kind: str

    @property
    def file_path(self) -> str:
        suffix = ""
        if self.file_name and "." in self.file_name:
            suffix = "." + self.file_name.rsplit(".", 1)[1]
        return f"{self.kind}s/file_{self.file_unique_id}{suffix}"


@dataclass
class StoredMessage:
    chat_id: int
    message_id: int
    # Exactly what Telegram would return for this message now (edits applied).
    data: JSON
    from_bot: bool
    # The text/caption as the bot sent it (may contain HTML markup).
    raw_text: str | None = None
    parse_mode: str | None = None
    # As sent: Telegram only echoes inline keyboards back, but tests also want
    # to see reply keyboards (e.g. a "share phone" button).
    reply_markup: JSON | None = None
    file: StoredFile | None = None
    version: int = 0
    deleted: bool = False


@dataclass
class UserState:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    blocked: bool = False
    deactivated: bool = False
    last_query_id: str | None = None

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass
class ChatState:
    id: int
    type: str  # "private" | "group" | "supergroup"
    title: str | None = None
    user: UserState | None = None
    username: str | None = None
    # A private chat is only writable by the bot after the user wrote first.
    started: bool = False
    bot_status: str = "left"
    migrated_to: int | None = None
    next_message_id: int = 1
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    bot_message_ids: list[int] = field(default_factory=list)
    # Per-chat read position for wait_for_message().
    cursor: int = 0
    members: dict[int, str] = field(default_factory=dict)
    menu_button: JSON | None = None

    def to_json(self) -> JSON:
        if self.type == "private" and self.user is not None:
            data: JSON = {"id": self.id, "type": "private", "first_name": self.user.first_name}
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            if self.user.username:
                data["username"] = self.user.username
            return data
        data = {"id": self.id, "type": self.type, "title": self.title or ""}
        if self.username:
            data["username"] = self.username
        return data


@dataclass
class CallbackState:
    query_id: str
    user_id: int
    at: float
    answer: CallbackAnswer | None = None


@dataclass(frozen=True)
class FakeMessage:
    """Immutable snapshot of a message as it was when the snapshot was taken.

    ``text`` is the text (or caption) exactly as the bot sent it, markup
    included; ``plain_text`` is what a user would see.
    """

    chat_id: int
    message_id: int
    from_bot: bool
    text: str | None
    plain_text: str | None
    reply_markup: JSON | None
    buttons: list[list[Button]]
    reply_keyboard: list[list[Button]]
    document: bytes | None
    photo: bytes | None
    file_name: str | None
    mime_type: str | None
    data: JSON
    version: int
    deleted: bool

    @property
    def all_buttons(self) -> list[Button]:
        return [button for row in self.buttons for button in row]

    @property
    def edited(self) -> bool:
        return self.version > 0

    @classmethod
    def snapshot(cls, stored: StoredMessage) -> FakeMessage:
        data = copy.deepcopy(stored.data)
        plain = data.get("text", data.get("caption"))
        raw = stored.raw_text if stored.raw_text is not None else plain
        markup = copy.deepcopy(stored.reply_markup)
        inline = (markup or {}).get("inline_keyboard") or []
        keyboard = (markup or {}).get("keyboard") or []
        file = stored.file
        return cls(
            chat_id=stored.chat_id,
            message_id=stored.message_id,
            from_bot=stored.from_bot,
            text=raw,
            plain_text=plain,
            reply_markup=markup,
            buttons=[[Button.from_json(b) for b in row] for row in inline],
            reply_keyboard=[[Button.from_json(b) for b in row] for row in keyboard],
            document=file.data if file is not None and "document" in data else None,
            photo=file.data if file is not None and "photo" in data else None,
            file_name=file.file_name if file is not None else None,
            mime_type=file.mime_type if file is not None else None,
            data=data,
            version=stored.version,
            deleted=stored.deleted,
        )


_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_pin_messages",
)


def member_json(user: UserState, status: str) -> JSON:
    """A ChatMember object with every field PTB requires for that status."""
    data: JSON = {"status": status, "user": user.to_json()}
    if status == "administrator":
        data.update({"can_be_edited": False, "is_anonymous": False})
        data.update(dict.fromkeys(_ADMIN_RIGHTS, True))
    elif status == "creator":
        data["is_anonymous"] = False
    elif status == "kicked":
        data["until_date"] = 0
    return data
