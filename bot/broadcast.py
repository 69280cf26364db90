"""The broadcast engine: every bulk send goes through its durable, rate-limited outbox."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from bot.broadcast_report import ProgressReporter
from bot.clock import Clock
from bot.config import Config
from bot.rate_limiter import BROADCAST, Bot
from storage.broadcasts import BroadcastRepository, Delivery
from storage.people import PersonRepository

log = logging.getLogger(__name__)

# Telegram asks for about one message a second per chat, and 20 a minute per group.
PRIVATE_CHAT_SPACING = 1.0
GROUP_CHAT_SPACING = 3.0
IDLE_WAIT = 0.5


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One recipient's message, already rendered in their language."""

    chat_id: int
    text: str
    reply_markup: InlineKeyboardMarkup | None = None


class BroadcastEngine:
    """Sends stored broadcasts at Telegram's pace; survives restarts without sending twice.

    A recipient's row is marked "sending" before the request and "sent" after it. A crash in
    between leaves the row in doubt: at the next start it is counted as failed
    ("interrupted: delivery unknown") and listed for staff instead of being sent again. At
    most `max_in_flight` recipients can be in doubt after one crash.
    """

    def __init__(
        self,
        *,
        bot: Bot,
        config: Config,
        clock: Clock,
        broadcasts: BroadcastRepository,
        people: PersonRepository,
        reporter: ProgressReporter,
    ) -> None:
        self._bot = bot
        self._config = config
        self._clock = clock
        self._broadcasts = broadcasts
        self._people = people
        self._reporter = reporter
        self._wake = asyncio.Event()
        # Each send on the wire, with the broadcast it belongs to.
        self._in_flight: dict[asyncio.Task[None], int] = {}
        self._last_sent: dict[int, float] = {}
        self._dispatcher: asyncio.Task[None] | None = None
        self._stopping = False

    async def submit(
        self,
        kind: str,
        messages: Sequence[Outgoing],
        *,
        key: str | None = None,
        created_by: int | None = None,
        seminar_id: int | None = None,
        urgent: bool = False,
    ) -> int:
        """Store a broadcast durably and wake the sender; the same `key` twice adds nothing.

        `created_by` (a staff member) gets a progress message and the final summary. `urgent`
        broadcasts (a cancellation on the day) ignore quiet hours.
        """
        rows = [
            (m.chat_id, m.text, json.dumps(m.reply_markup.to_dict()) if m.reply_markup else None)
            for m in messages
        ]
        broadcast_id, created = await self._broadcasts.create(
            kind=kind,
            key=key,
            seminar_id=seminar_id,
            created_by=created_by,
            urgent=urgent,
            recipients=rows,
            now=self._clock.now(),
        )
        if created:
            log.info("broadcast %s (%s) queued for %s recipients", broadcast_id, kind, len(rows))
            broadcast = await self._broadcasts.get(broadcast_id)
            if broadcast is not None and created_by is not None:
                await self._reporter.start(broadcast, waiting=self._waits(broadcast.urgent))
            self._wake.set()
        return broadcast_id

    async def stop_broadcast(self, broadcast_id: int) -> bool:
        """Stop a running broadcast: nobody else gets it; sends on the wire finish."""
        stopped = await self._broadcasts.stop(broadcast_id, self._clock.now())
        if stopped:
            log.info("broadcast %s stopped", broadcast_id)
            on_the_wire = [t for t, b in self._in_flight.items() if b == broadcast_id]
            if on_the_wire:
                await asyncio.wait(on_the_wire, timeout=10.0)
            await self._reporter.finish(broadcast_id)
        return stopped

    def start(self) -> None:
        """Start sending (and resume whatever a previous run left)."""
        self._stopping = False
        self._dispatcher = asyncio.create_task(self._dispatch(), name="broadcast-dispatcher")

    async def stop(self, timeout: float = 10.0) -> None:
        """Stop taking new recipients and let the messages on the wire finish."""
        self._stopping = True
        self._wake.set()
        if self._dispatcher is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._dispatcher
            self._dispatcher = None
        if self._in_flight:
            _, pending = await asyncio.wait(set(self._in_flight), timeout=timeout)
            for task in pending:
                task.cancel()

    def _forget_task(self, task: asyncio.Task[None]) -> None:
        self._in_flight.pop(task, None)

    def _waits(self, urgent: bool) -> bool:
        quiet = self._config.broadcast.quiet_hours
        if urgent or quiet is None:
            return False
        local = self._clock.now().astimezone(self._config.bot.timezone)
        return quiet.contains(local.time())

    async def _dispatch(self) -> None:
        interrupted = await self._broadcasts.recover_interrupted()
        if interrupted:
            log.warning("%s sends were interrupted by a stop; counted as failed", interrupted)
        while not self._stopping:
            self._wake.clear()
            try:
                claimed = await self._dispatch_once()
            except Exception:
                log.exception("broadcast dispatcher error; retrying")
                claimed = 0
            if len(self._in_flight) >= self._config.broadcast.max_in_flight:
                # Every place on the wire is taken: look again when one frees up.
                await asyncio.wait(set(self._in_flight), return_when=asyncio.FIRST_COMPLETED)
            elif claimed == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), IDLE_WAIT)

    async def _dispatch_once(self) -> int:
        """Claim as many recipients as there are free places on the wire; report progress."""
        active = await self._broadcasts.sending()
        ready = [b.id for b in active if not self._waits(b.urgent)]
        free = self._config.broadcast.max_in_flight - len(self._in_flight)
        claimed = await self._broadcasts.claim(ready, free) if free > 0 else []
        for delivery in claimed:
            task = asyncio.create_task(self._deliver(delivery))
            self._in_flight[task] = delivery.broadcast_id
            task.add_done_callback(self._forget_task)
        for broadcast in active:
            if await self._broadcasts.finish_if_done(broadcast.id, self._clock.now()):
                await self._reporter.finish(broadcast.id)
            else:
                await self._reporter.update(broadcast, waiting=broadcast.id not in ready)
        return len(claimed)

    async def _space_out(self, chat_id: int) -> None:
        spacing = GROUP_CHAT_SPACING if chat_id < 0 else PRIVATE_CHAT_SPACING
        last = self._last_sent.get(chat_id)
        if last is not None:
            delay = last + spacing - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
        self._last_sent[chat_id] = time.monotonic()
        if len(self._last_sent) > 10_000:
            horizon = time.monotonic() - GROUP_CHAT_SPACING
            self._last_sent = {c: t for c, t in self._last_sent.items() if t > horizon}

    async def _deliver(self, delivery: Delivery) -> None:
        """Send one recipient's message, retrying what is safe to retry."""
        markup = (
            InlineKeyboardMarkup.de_json(json.loads(delivery.reply_markup), self._bot)
            if delivery.reply_markup
            else None
        )
        attempts = delivery.attempts
        chat_id = delivery.chat_id
        while True:
            await self._space_out(chat_id)
            try:
                message = await self._bot.send_message(
                    chat_id,
                    delivery.text,
                    reply_markup=markup,
                    rate_limit_args=BROADCAST,
                )
            except RetryAfter as error:
                # The rate limiter already paused every send; this one simply goes again.
                log.info("429 during broadcast %s: %s", delivery.broadcast_id, error.message)
                continue
            except ChatMigrated as error:
                # A group became a supergroup: one more try at its new id, never a loop.
                if chat_id != delivery.chat_id:
                    await self._broadcasts.mark_final(delivery.id, "failed", error.message)
                    return
                chat_id = error.new_chat_id
                continue
            except Forbidden as error:
                await self._broadcasts.mark_final(delivery.id, "unreachable", error.message)
                await self._people.set_reachable(delivery.chat_id, False, self._clock.now())
                return
            except BadRequest as error:
                await self._broadcasts.mark_final(delivery.id, "failed", error.message)
                return
            except TimedOut:
                # The request may have reached Telegram: never risk sending it twice.
                await self._broadcasts.mark_final(
                    delivery.id, "failed", "timed out: delivery unknown"
                )
                return
            except NetworkError as error:
                attempts += 1
                if attempts >= self._config.broadcast.max_attempts:
                    await self._broadcasts.mark_final(delivery.id, "failed", error.message)
                    return
                await asyncio.sleep(min(30.0, 0.5 * 2**attempts))
                continue
            except Exception as error:
                log.exception("broadcast %s: unexpected send error", delivery.broadcast_id)
                await self._broadcasts.mark_final(delivery.id, "failed", type(error).__name__)
                return
            await self._broadcasts.mark_sent(
                delivery.id, message.message_id, self._clock.now(), chat_id
            )
            return
