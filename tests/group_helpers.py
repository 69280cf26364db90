"""Shared setup for the group chat tests: a staff group, registered groups, a posted seminar."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable

from bot.group_post import group_posts
from bot.services import Services
from storage.groups import GROUP_ANNOUNCEMENT
from storage.seminars import Seminar
from tests.broadcasting import drained
from tests.fake_telegram import FakeGroup, FakeMessage, FakeTelegram

BOT = "seminar_test_bot"


async def registered_group(
    tg: FakeTelegram,
    services: Services,
    title: str,
    *,
    region: str = "jalal-abad",
    rayon: str | None = "suzak",
    language: str = "ky",
) -> FakeGroup:
    """A group the bot is in, registered by staff directly in storage."""
    group = tg.group(title, bot_is_member=True)
    await services.groups.added(group.id, title, None, services.clock.now())
    await services.groups.register(
        group.id, title, region, rayon, language, 500, services.clock.now()
    )
    return group


async def post_seminar(
    services: Services, seminar: Seminar, *groups: FakeGroup
) -> list[FakeMessage]:
    """Post the seminar to the groups through the broadcast engine, as an announcement does."""
    stored = [g for g in await services.groups.audiences() if g.chat_id in {x.id for x in groups}]
    taken = await services.rsvps.seats_taken(seminar.id)
    broadcast_id = await services.broadcasts.submit(
        GROUP_ANNOUNCEMENT,
        group_posts(services, seminar, stored, BOT, taken),
        seminar_id=seminar.id,
    )
    await drained(services, broadcast_id)
    return [await group.wait_for_message() for group in groups]


def most_edits_in_a_minute(tg: FakeTelegram, chat_id: int) -> int:
    """The largest number of editMessageText calls to one chat within any 60 s."""
    times = sorted(
        call.at for call in tg.calls_to("editMessageText") if call.params.get("chat_id") == chat_id
    )
    return max((sum(1 for t in times if start <= t < start + 60) for start in times), default=0)


def bot_calls_per_chat(tg: FakeTelegram, method: str) -> Counter[int]:
    """How many successful calls of `method` went to each chat."""
    return Counter(int(c.params["chat_id"]) for c in tg.calls_to(method) if c.ok)


async def until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    """Wait (real time) until the predicate holds."""
    async with asyncio.timeout(timeout):
        while True:
            if predicate():
                return
            await asyncio.sleep(0.05)


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 5.0) -> None:
    """Wait (real time) until the bot has done what `check` looks for in storage."""
    async with asyncio.timeout(timeout):
        while True:
            if await check():
                return
            await asyncio.sleep(0.05)
