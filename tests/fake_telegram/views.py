"""Reading the bot's messages in a chat, shared by FakeUser and FakeGroup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .objects import ChatState, FakeMessage, StoredMessage

if TYPE_CHECKING:
    from .state import FakeState

MessageRef = FakeMessage | int


class ChatView:
    """Reading the bot's messages in one chat; shared by users and groups."""

    _state: FakeState

    @property
    def _chat(self) -> ChatState:
        raise NotImplementedError

    def _describe(self) -> str:
        raise NotImplementedError

    @property
    def messages(self) -> list[FakeMessage]:
        """Every bot message in this chat (edits applied, deleted ones left out)."""
        chat = self._chat
        return [
            FakeMessage.snapshot(chat.messages[mid])
            for mid in chat.bot_message_ids
            if not chat.messages[mid].deleted
        ]

    def message(self, message_id: MessageRef) -> FakeMessage:
        """Current state of one message of this chat (may be marked deleted)."""
        mid = message_id.message_id if isinstance(message_id, FakeMessage) else message_id
        return FakeMessage.snapshot(self._chat.messages[mid])

    async def wait_for_message(self, timeout: float = 5.0) -> FakeMessage:
        """The next bot message in this chat not yet returned by this method."""
        chat = self._chat

        def next_message() -> StoredMessage | None:
            if chat.cursor < len(chat.bot_message_ids):
                return chat.messages[chat.bot_message_ids[chat.cursor]]
            return None

        stored = await self._state.wait_for(next_message, timeout)
        if stored is None:
            raise AssertionError(
                f"no new bot message in {self._describe()} within {timeout}s\n"
                + recent_calls(self._state)
            )
        chat.cursor += 1
        return FakeMessage.snapshot(stored)

    async def wait_for_messages(self, count: int, timeout: float = 5.0) -> list[FakeMessage]:
        return [await self.wait_for_message(timeout) for _ in range(count)]

    async def wait_for_edit(self, message: FakeMessage, timeout: float = 5.0) -> FakeMessage:
        """Wait until the message changes after the given snapshot was taken."""
        stored = self._chat.messages[message.message_id]

        def edited() -> StoredMessage | None:
            changed = stored.version > message.version or stored.deleted
            return stored if changed else None

        if await self._state.wait_for(edited, timeout) is None:
            raise AssertionError(
                f"message {message.message_id} in {self._describe()} not edited within "
                f"{timeout}s\n" + recent_calls(self._state)
            )
        return FakeMessage.snapshot(stored)

    def skip_pending(self) -> None:
        """Mark every bot message so far as seen by wait_for_message()."""
        self._chat.cursor = len(self._chat.bot_message_ids)


def recent_calls(state: FakeState, count: int = 12) -> str:
    lines = [
        f"  {c.method} ok={c.ok} {c.error_code or ''} {c.description or ''} {_short(c.params)}"
        for c in state.calls[-count:]
    ]
    return "recent Bot API calls:\n" + ("\n".join(lines) if lines else "  (none)")


def _short(params: dict[str, Any]) -> str:
    text = repr(params)
    return text if len(text) < 300 else text[:300] + "..."
