"""What the staff member who started a broadcast sees: live progress, then who was missed."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, TelegramError

from bot.config import Config
from bot.geography import Geography
from bot.rate_limiter import Bot
from messages import Catalog, Language, format_clock
from storage.broadcasts import Broadcast, BroadcastRepository, Tally
from storage.people import PersonRepository

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 4000


def chunk_lines(lines: list[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join lines into messages that each stay under Telegram's 4096 characters."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = line[:limit]
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


class ProgressReporter:
    """Sends and edits the progress message, and the final summary, in the staff's language."""

    def __init__(
        self,
        *,
        bot: Bot,
        catalog: Catalog,
        geography: Geography,
        config: Config,
        broadcasts: BroadcastRepository,
        people: PersonRepository,
        language_of: Callable[[int], Awaitable[Language]],
        now: Callable[[], datetime],
    ) -> None:
        self._bot = bot
        self._catalog = catalog
        self._geography = geography
        self._config = config
        self._broadcasts = broadcasts
        self._people = people
        self._language_of = language_of
        self._now = now
        self._last_edit: dict[int, float] = {}
        self._last_text: dict[int, str] = {}

    def _time_left(self, language: Language, tally: Tally) -> str:
        per_second = max(1, self._config.broadcast.messages_per_second - 1)
        seconds = int((tally.pending + tally.sending) / per_second) + 1
        return self._catalog.text(
            language, "broadcast-time-left", minutes=seconds // 60, seconds=seconds % 60
        )

    def _progress_text(self, language: Language, tally: Tally, waiting: bool) -> str:
        text = self._catalog.text(
            language,
            "broadcast-progress",
            done=tally.finished,
            total=tally.total,
            sent=tally.sent,
            unreachable=tally.unreachable,
            failed=tally.failed,
            left=self._time_left(language, tally),
        )
        quiet = self._config.broadcast.quiet_hours
        if waiting and quiet is not None:
            resume = datetime.combine(self._now().date(), quiet.end, self._config.bot.timezone)
            wait_text = self._catalog.text(
                language,
                "broadcast-waiting-quiet",
                time=format_clock(resume, language, self._config.bot.timezone),
            )
            text = f"{wait_text}\n\n{text}"
        return text

    def _stop_button(self, language: Language, broadcast_id: int) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        self._catalog.text(language, "button-stop-broadcast"),
                        callback_data=f"bc:stop:{broadcast_id}",
                    )
                ]
            ]
        )

    async def start(self, broadcast: Broadcast, *, waiting: bool) -> None:
        """Send the progress message to the staff member who started the broadcast."""
        if broadcast.created_by is None:
            return
        language = await self._language_of(broadcast.created_by)
        tally = await self._broadcasts.tally(broadcast.id)
        text = self._progress_text(language, tally, waiting)
        try:
            message = await self._bot.send_message(
                broadcast.created_by, text, reply_markup=self._stop_button(language, broadcast.id)
            )
        except TelegramError as error:
            log.warning("progress message for broadcast %s not sent: %s", broadcast.id, error)
            return
        await self._broadcasts.set_progress_message(
            broadcast.id, message.chat_id, message.message_id
        )
        self._last_edit[broadcast.id] = time.monotonic()
        self._last_text[broadcast.id] = text

    async def update(self, broadcast: Broadcast, *, waiting: bool) -> None:
        """Edit the progress message, at most every `progress_every_seconds`."""
        if broadcast.progress_chat_id is None or broadcast.progress_message_id is None:
            return
        last = self._last_edit.get(broadcast.id, 0.0)
        if time.monotonic() - last < self._config.broadcast.progress_every_seconds:
            return
        self._last_edit[broadcast.id] = time.monotonic()
        language = await self._language_of(broadcast.created_by or broadcast.progress_chat_id)
        text = self._progress_text(language, await self._broadcasts.tally(broadcast.id), waiting)
        if text == self._last_text.get(broadcast.id):
            return
        self._last_text[broadcast.id] = text
        await self._edit(broadcast, text, self._stop_button(language, broadcast.id))

    async def _edit(
        self, broadcast: Broadcast, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        assert broadcast.progress_chat_id is not None and broadcast.progress_message_id is not None
        try:
            await self._bot.edit_message_text(
                text,
                chat_id=broadcast.progress_chat_id,
                message_id=broadcast.progress_message_id,
                reply_markup=markup,
            )
        except BadRequest as error:
            if "not modified" not in error.message:
                log.warning("progress of broadcast %s not shown: %s", broadcast.id, error)
        except TelegramError as error:
            log.warning("progress of broadcast %s not shown: %s", broadcast.id, error)

    async def finish(self, broadcast_id: int) -> None:
        """Final counts in the progress message, then the people not reached, by place."""
        broadcast = await self._broadcasts.get(broadcast_id)
        if broadcast is None or broadcast.created_by is None:
            return
        self._last_edit.pop(broadcast_id, None)
        self._last_text.pop(broadcast_id, None)
        language = await self._language_of(broadcast.created_by)
        tally = await self._broadcasts.tally(broadcast_id)
        key = "broadcast-stopped" if broadcast.status == "stopped" else "broadcast-finished"
        summary = self._catalog.text(
            language,
            key,
            sent=tally.sent,
            total=tally.total,
            unreachable=tally.unreachable,
            failed=tally.failed,
            stopped=tally.stopped,
        )
        if broadcast.progress_message_id is not None:
            await self._edit(broadcast, summary, None)
        else:
            await self._send(broadcast.created_by, summary)
        for chunk in chunk_lines(await self._unreached_lines(broadcast_id, language)):
            await self._send(broadcast.created_by, chunk)

    async def _send(self, chat_id: int, text: str) -> None:
        try:
            await self._bot.send_message(chat_id, text)
        except TelegramError as error:
            log.warning("broadcast summary not sent to %s: %s", chat_id, error)

    async def _unreached_lines(self, broadcast_id: int, language: Language) -> list[str]:
        """«Жалал-Абад облусу, Сузак — 2» then one line a person, with phone if known."""
        text = self._catalog.text
        groups: dict[str, list[str]] = {}
        for delivery in await self._broadcasts.unreached(broadcast_id):
            person = await self._people.get(delivery.chat_id)
            reason = text(language, f"broadcast-reason-{delivery.state}")
            if person is None:
                place = text(language, "broadcast-unreached-nowhere")
                line = f"• {delivery.chat_id} — {reason}"
            else:
                region = self._geography.region(person.region_code)
                rayon = self._geography.rayon(person.rayon_code)
                parts = [p.name(language) for p in (region, rayon) if p is not None]
                place = ", ".join(parts) or text(language, "broadcast-unreached-nowhere")
                who = person.full_name
                if person.organisation_name:
                    who = f"{who} ({person.organisation_name})"
                if person.phone:
                    who = f"{who} {person.phone}"
                line = f"• {who} — {reason}"
            groups.setdefault(place, []).append(line)
        if not groups:
            return []
        lines = [text(language, "broadcast-unreached-title")]
        for place in sorted(groups):
            lines.append(
                text(language, "broadcast-unreached-place", place=place, count=len(groups[place]))
            )
            lines.extend(groups[place])
        return lines
