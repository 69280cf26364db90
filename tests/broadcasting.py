"""Helpers for broadcast tests: registered people in bulk, waiting for the outbox to drain."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime

from bot.broadcast import Outgoing
from bot.services import Services
from storage.people import Profile
from tests.fake_telegram import FakeTelegram, FakeUser

REGISTERED_AT = datetime(2026, 11, 1, tzinfo=UTC)


async def register_people(
    tg: FakeTelegram,
    services: Services,
    count: int,
    *,
    region: str | None = "jalal-abad",
    rayon: str | None = "suzak",
    role: str = "ao_head",
    first_id: int = 10_000,
) -> list[FakeUser]:
    """`count` people who pressed Start and registered; every third one reads Russian."""
    users = []
    for number in range(count):
        language = "ru" if number % 3 == 2 else "ky"
        user = tg.user(
            f"Person{first_id + number}",
            language_code=language,
            user_id=first_id + number,
            started=True,
        )
        await services.people.save(
            Profile(
                telegram_id=user.id,
                first_name=user.first_name,
                last_name=None,
                username=None,
                language=language,
                role=role,
                region_code=region,
                rayon_code=rayon,
                organisation_id=None,
                phone=None,
                invitation_code=None,
            ),
            REGISTERED_AT,
        )
        users.append(user)
    return users


def hello(users: list[FakeUser]) -> list[Outgoing]:
    """A per-language message for each user."""
    return [Outgoing(u.id, "Салам!" if u.language_code == "ky" else "Привет!") for u in users]


async def drained(services: Services, broadcast_id: int, timeout: float = 30.0) -> None:
    """Wait until the broadcast has nobody left to send to."""
    async with asyncio.timeout(timeout):
        while True:
            broadcast = await services.broadcast_log.get(broadcast_id)
            if broadcast is not None and broadcast.status != "sending":
                return
            await asyncio.sleep(0.05)


async def sent_at_least(
    tg: FakeTelegram, text_in: tuple[str, ...], count: int, timeout: float = 30.0
) -> None:
    """Wait until at least `count` chats got one of these texts."""
    async with asyncio.timeout(timeout):
        while True:
            if len(deliveries_per_chat(tg, text_in)) >= count:
                return
            await asyncio.sleep(0.05)


def deliveries_per_chat(tg: FakeTelegram, text_in: tuple[str, ...]) -> Counter[int]:
    """How many bot messages with one of these texts each chat got."""
    return Counter(m.chat_id for m in tg.sent_messages if m.text in text_in)
