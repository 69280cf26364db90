"""Test-side handles: a user who talks to the bot, and a group chat."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from .markup import command_entities
from .objects import (
    JSON,
    CallbackAnswer,
    CallbackState,
    ChatState,
    FakeMessage,
    StoredMessage,
    UserState,
    member_json,
)
from .views import ChatView, MessageRef, recent_calls

if TYPE_CHECKING:
    from .state import FakeState


class FakeUser(ChatView):
    def __init__(self, state: FakeState, info: UserState) -> None:
        self._state = state
        self.info = info
        self.last_query_id: str | None = None

    @property
    def _chat(self) -> ChatState:
        return self._state.chats[self.info.id]

    def _describe(self) -> str:
        return f"private chat with {self.info.first_name} ({self.info.id})"

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def first_name(self) -> str:
        return self.info.first_name

    @property
    def username(self) -> str | None:
        return self.info.username

    @property
    def language_code(self) -> str | None:
        return self.info.language_code

    def to_json(self) -> JSON:
        return self.info.to_json()

    # --- sending ----------------------------------------------------------------

    def _target(self, chat: FakeGroup | None) -> ChatState:
        if chat is None:
            target = self._chat
            target.started = True
            return target
        target = chat._chat
        if target.bot_status not in ("member", "administrator", "creator"):
            raise AssertionError(
                f"the bot is not in {chat.title!r}; call group.add_bot() first, or the bot "
                "would never see this message"
            )
        if target.members.get(self.id, "left") in ("left", "kicked"):
            target.members[self.id] = "member"
        return target

    async def send_fields(
        self, fields: JSON, *, chat: FakeGroup | None = None, reply_to: MessageRef | None = None
    ) -> FakeMessage:
        """Send any message content (text, contact, photo, ...) as a message update."""
        target = self._target(chat)
        extra: JSON = {}
        if reply_to is not None:
            mid = reply_to.message_id if isinstance(reply_to, FakeMessage) else reply_to
            quoted = copy.deepcopy(target.messages[mid].data)
            quoted.pop("reply_to_message", None)
            extra["reply_to_message"] = quoted
        stored = self._state.add_message(target, sender=self.info, fields={**fields, **extra})
        self._state.push_update("message", copy.deepcopy(stored.data))
        return FakeMessage.snapshot(stored)

    async def send(
        self, text: str, *, chat: FakeGroup | None = None, reply_to: MessageRef | None = None
    ) -> FakeMessage:
        fields: JSON = {"text": text}
        entities = command_entities(text)
        if entities:
            fields["entities"] = entities
        return await self.send_fields(fields, chat=chat, reply_to=reply_to)

    async def reply_to(
        self, message: MessageRef, text: str, *, chat: FakeGroup | None = None
    ) -> FakeMessage:
        return await self.send(text, chat=chat, reply_to=message)

    async def share_contact(
        self,
        phone: str,
        user_id: int | None = None,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        own: bool | None = None,
        chat: FakeGroup | None = None,
    ) -> FakeMessage:
        """Share a contact; without user_id it is the user's own contact."""
        if own is None:
            own = user_id is None
        contact: JSON = {"phone_number": phone}
        if own:
            contact.update({"user_id": self.id, "first_name": first_name or self.first_name})
            last_name = last_name or self.info.last_name
        else:
            contact["first_name"] = first_name or "Contact"
            if user_id is not None:
                contact["user_id"] = user_id
        if last_name:
            contact["last_name"] = last_name
        return await self.send_fields({"contact": contact}, chat=chat)

    async def send_photo(
        self,
        caption: str | None = None,
        *,
        data: bytes = b"fake-photo",
        chat: FakeGroup | None = None,
    ) -> FakeMessage:
        stored = self._state.add_file(data, kind="photo", file_name=None, mime_type="image/jpeg")
        fields: JSON = {"photo": self._state.file_json(stored)}
        if caption:
            fields["caption"] = caption
        return await self.send_fields(fields, chat=chat)

    async def send_voice(
        self, duration: int = 1, *, data: bytes = b"OggS-fake-voice", chat: FakeGroup | None = None
    ) -> FakeMessage:
        stored = self._state.add_file(data, kind="voice", file_name=None, mime_type="audio/ogg")
        voice = {**self._state.file_json(stored), "duration": duration}
        return await self.send_fields({"voice": voice}, chat=chat)

    async def send_document(
        self,
        data: bytes = b"fake-document",
        file_name: str = "file.txt",
        *,
        caption: str | None = None,
        mime_type: str = "text/plain",
        chat: FakeGroup | None = None,
    ) -> FakeMessage:
        stored = self._state.add_file(
            data, kind="document", file_name=file_name, mime_type=mime_type
        )
        fields: JSON = {"document": self._state.file_json(stored)}
        if caption:
            fields["caption"] = caption
        return await self.send_fields(fields, chat=chat)

    # --- inline buttons -------------------------------------------------------

    async def press(
        self, message: MessageRef, text: str | None = None, *, callback_data: str | None = None
    ) -> str:
        """Press an inline button by its text (exact, else substring) and return the query id."""
        chat_id = message.chat_id if isinstance(message, FakeMessage) else self.id
        mid = message.message_id if isinstance(message, FakeMessage) else message
        stored = self._state.chats[chat_id].messages[mid]
        if stored.deleted:
            raise AssertionError(f"message {mid} was deleted; its buttons can't be pressed")
        if callback_data is None:
            callback_data = self._find_button(stored, text)
        return self._push_query(stored, callback_data)

    async def press_data(self, message: MessageRef, data: str) -> str:
        """Send arbitrary (forged or stale) callback data for a message."""
        return await self.press(message, callback_data=data)

    def _find_button(self, stored: StoredMessage, text: str | None) -> str:
        rows = (stored.data.get("reply_markup") or {}).get("inline_keyboard") or []
        buttons = [b for row in rows for b in row]
        matches = [b for b in buttons if b.get("text") == text] or [
            b for b in buttons if text is not None and text in str(b.get("text", ""))
        ]
        if not matches:
            labels = [b.get("text") for b in buttons]
            raise AssertionError(
                f"no button {text!r} on message {stored.message_id}; buttons: {labels}"
            )
        if "callback_data" not in matches[0]:
            raise AssertionError(f"button {matches[0].get('text')!r} has no callback_data")
        return str(matches[0]["callback_data"])

    def _push_query(self, stored: StoredMessage, data: str) -> str:
        query_id = str(4_242_000_000_000_000_000 + self._state.next_id())
        self._state.queries[query_id] = CallbackState(query_id, self.id, self._state.now())
        self.last_query_id = query_id
        query: JSON = {
            "id": query_id,
            "from": self.to_json(),
            "message": copy.deepcopy(stored.data),
            "chat_instance": str(abs(stored.chat_id) * 7919 + 1),
            "data": data,
        }
        self._state.push_update("callback_query", query)
        return query_id

    @property
    def last_callback_answer(self) -> CallbackAnswer | None:
        if self.last_query_id is None:
            return None
        return self._state.queries[self.last_query_id].answer

    async def wait_for_callback_answer(
        self, query_id: str | None = None, timeout: float = 5.0
    ) -> CallbackAnswer:
        query = self._state.queries[query_id or self.last_query_id or ""]
        answer = await self._state.wait_for(lambda: query.answer, timeout)
        if answer is None:
            raise AssertionError(
                f"callback query {query.query_id} not answered within {timeout}s\n"
                + recent_calls(self._state)
            )
        return answer

    # --- relationship with the bot --------------------------------------------

    def _status_update(self, old: str, new: str) -> None:
        self._state.push_update(
            "my_chat_member",
            {
                "chat": self._chat.to_json(),
                "from": self.to_json(),
                "date": self._state.unix_time(),
                "old_chat_member": member_json(self._state.bot, old),
                "new_chat_member": member_json(self._state.bot, new),
            },
        )

    async def block(self) -> None:
        self.info.blocked = True
        self._chat.bot_status = "kicked"
        self._status_update("member", "kicked")

    async def unblock(self) -> None:
        self.info.blocked = False
        self._chat.bot_status = "member"
        self._status_update("kicked", "member")

    def deactivate(self) -> None:
        self.info.deactivated = True


class FakeGroup(ChatView):
    def __init__(self, state: FakeState, chat: ChatState) -> None:
        self._state = state
        self._chat_id = chat.id
        self.old_chat_ids: list[int] = []

    @property
    def _chat(self) -> ChatState:
        return self._state.chats[self._chat_id]

    def _describe(self) -> str:
        return f"group {self.title!r} ({self.id})"

    @property
    def id(self) -> int:
        return self._chat_id

    @property
    def title(self) -> str:
        return self._chat.title or ""

    @property
    def type(self) -> str:
        return self._chat.type

    def set_member(self, user: FakeUser, status: str = "member") -> None:
        """Set what getChatMember reports for a user ("administrator", "creator", ...)."""
        self._chat.members[user.id] = status

    def _bot_status_update(self, by: FakeUser, new: str) -> None:
        chat = self._chat
        old = chat.bot_status
        chat.bot_status = new
        self._state.push_update(
            "my_chat_member",
            {
                "chat": chat.to_json(),
                "from": by.to_json(),
                "date": self._state.unix_time(),
                "old_chat_member": member_json(self._state.bot, old),
                "new_chat_member": member_json(self._state.bot, new),
            },
        )

    async def add_bot(self, by: FakeUser, *, as_admin: bool = False) -> None:
        self._chat.members.setdefault(by.id, "creator")
        self._bot_status_update(by, "administrator" if as_admin else "member")
        # Groups also get a service message announcing the new member.
        stored = self._state.add_message(
            self._chat, sender=by.info, fields={"new_chat_members": [self._state.bot.to_json()]}
        )
        self._state.push_update("message", copy.deepcopy(stored.data))

    async def remove_bot(self, by: FakeUser, *, ban: bool = False) -> None:
        self._bot_status_update(by, "kicked" if ban else "left")

    async def migrate_to_supergroup(self, new_chat_id: int, *, by: FakeUser | None = None) -> None:
        old = self._chat
        sender = by.info if by is not None else self._state.bot
        new = self._state.add_group(
            ChatState(
                id=new_chat_id,
                type="supergroup",
                title=old.title,
                username=old.username,
                bot_status=old.bot_status,
                members=dict(old.members),
            )
        )
        old_message = self._state.add_message(
            old, sender=sender, fields={"migrate_to_chat_id": new.id}
        )
        old.migrated_to = new.id
        self._state.push_update("message", copy.deepcopy(old_message.data))
        new_message = self._state.add_message(
            new, sender=sender, fields={"migrate_from_chat_id": old.id}
        )
        self._state.push_update("message", copy.deepcopy(new_message.data))
        self.old_chat_ids.append(old.id)
        self._chat_id = new.id
