"""Request parameters, chat resolution and shared checks for Bot API methods."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from .objects import JSON, ApiError, ChatState, StoredMessage, bad_request, forbidden
from .state import FakeState


@dataclass(frozen=True)
class UploadedFile:
    field: str
    filename: str | None
    content_type: str | None
    data: bytes


class Params:
    """Decoded request parameters with Telegram-style errors for bad input."""

    def __init__(self, values: dict[str, Any], files: dict[str, UploadedFile]) -> None:
        self.values = values
        self.files = files

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def has(self, name: str) -> bool:
        return name in self.values or name in self.files

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        return None if value is None else str(value)

    def integer(self, name: str, *, required: bool = False) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return None
        if isinstance(value, bool):
            raise bad_request(f"invalid {name} specified")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def number(self, name: str, default: float) -> float:
        value = self.values.get(name)
        try:
            return float(value) if value is not None and value != "" else default
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return value.lower() in ("true", "1")
        return bool(value)

    def file(self, name: str) -> UploadedFile | str | None:
        """An uploaded part, or a file_id/URL string; resolves ``attach://``."""
        if name in self.files:
            return self.files[name]
        value = self.values.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            return self.files.get(value[len("attach://") :])
        return None if value is None else str(value)


class ApiContext:
    """What every method implementation needs: the world and common checks."""

    def __init__(self, state: FakeState) -> None:
        self.state = state
        self.current_poller: object | None = None

    # --- chats ----------------------------------------------------------------

    def lookup_chat(self, chat_id: Any, *, unknown_user_forbidden: bool) -> ChatState:
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            for chat in self.state.chats.values():
                if chat.username and chat.username.lower() == chat_id[1:].lower():
                    return chat
            raise bad_request("chat not found")
        try:
            numeric = int(chat_id)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None
        found = self.state.chats.get(numeric)
        if found is None:
            if numeric > 0 and unknown_user_forbidden:
                raise forbidden("bot can't initiate conversation with a user")
            raise bad_request("chat not found")
        if found.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": found.migrated_to},
            )
        return found

    def writable_chat(self, chat_id: Any) -> ChatState:
        """Resolve a chat the bot wants to post in, or raise the 403 Telegram gives."""
        chat = self.lookup_chat(chat_id, unknown_user_forbidden=True)
        if chat.type == "private" and chat.user is not None:
            if chat.user.deactivated:
                raise forbidden("user is deactivated")
            if chat.user.blocked:
                raise forbidden("bot was blocked by the user")
            if not chat.started:
                raise forbidden("bot can't initiate conversation with a user")
        elif chat.bot_status == "kicked":
            raise forbidden(f"bot was kicked from the {chat.type} chat")
        elif chat.bot_status == "left":
            raise forbidden(f"bot is not a member of the {chat.type} chat")
        return chat

    def message(self, chat: ChatState, message_id: int | None, missing: str) -> StoredMessage:
        stored = chat.messages.get(message_id) if message_id is not None else None
        if stored is None or stored.deleted:
            raise bad_request(missing)
        return stored

    # --- sending --------------------------------------------------------------

    def check_rate(self, chat: ChatState) -> None:
        retry_after = self.state.limiter.check(chat.id, self.state.now())
        if retry_after is not None:
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )

    def record_send(self, chat: ChatState) -> None:
        self.state.limiter.record(chat.id, self.state.now())

    def reply_fields(self, params: Params, chat: ChatState) -> JSON:
        reply = params.get("reply_parameters")
        allow = params.flag("allow_sending_without_reply")
        message_id: Any = None
        if isinstance(reply, dict):
            message_id = reply.get("message_id")
            allow = bool(reply.get("allow_sending_without_reply", allow))
        elif params.get("reply_to_message_id") is not None:
            message_id = params.integer("reply_to_message_id")
        if message_id is None:
            return {}
        target = chat.messages.get(int(message_id))
        if target is None or target.deleted:
            if allow:
                return {}
            raise bad_request("message to be replied not found")
        # Telegram does not nest replies more than one level deep.
        quoted = copy.deepcopy(target.data)
        quoted.pop("reply_to_message", None)
        return {"reply_to_message": quoted}


Handler = Callable[[ApiContext, Params], Awaitable[Any]]


def registry() -> tuple[dict[str, Handler], Callable[[str], Callable[[Handler], Handler]]]:
    """A per-module method table plus the decorator that fills it."""
    table: dict[str, Handler] = {}

    def register(name: str) -> Callable[[Handler], Handler]:
        def decorate(func: Handler) -> Handler:
            table[name] = func
            return func

        return decorate

    return table, register


def inline_markup_field(markup: JSON | None) -> JSON:
    # Only inline keyboards are part of the Message object Telegram returns.
    if markup is not None and "inline_keyboard" in markup:
        return {"reply_markup": copy.deepcopy(markup)}
    return {}
