"""kill -9 in the middle of a broadcast: nothing is sent twice, the rest resumes at start."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from storage.broadcasts import BroadcastRepository
from storage.database import Database
from storage.people import PersonRepository, Profile
from tests.broadcasting import deliveries_per_chat, sent_at_least
from tests.fake_telegram import FakeTelegram
from tests.harness import config_toml, make_config
from tests.test_command import bot_process

TEXT = "Семинар тууралуу кабар"
NOW = datetime(2026, 11, 29, tzinfo=UTC)


async def _prepare(path: Path, tg: FakeTelegram, count: int) -> int:
    """People and a queued broadcast, written the way the bot writes them."""
    db = await Database.open(path)
    await db.migrate()
    people = PersonRepository(db)
    for number in range(count):
        user = tg.user(f"P{number}", user_id=50_000 + number, started=True)
        await people.save(
            Profile(
                user.id,
                user.first_name,
                None,
                None,
                "ky",
                "ao_head",
                "talas",
                "manas",
                None,
                None,
                None,
            ),
            NOW,
        )
    broadcast_id, _ = await BroadcastRepository(db).create(
        kind="test",
        key=None,
        seminar_id=None,
        created_by=None,
        urgent=False,
        recipients=[(50_000 + n, TEXT, None) for n in range(count)],
        now=NOW,
    )
    await db.close()
    return broadcast_id


def _sent(tg: FakeTelegram) -> Counter[int]:
    return deliveries_per_chat(tg, (TEXT,))


async def test_kill_9_mid_broadcast(tg: FakeTelegram, tmp_path: Path) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    config_path.write_text(config_toml(config), "utf-8")
    count = 120
    broadcast_id = await _prepare(config.storage.path, tg, count)
    async with bot_process(config_path) as process:
        await sent_at_least(tg, (TEXT,), 30, timeout=60)
        process.send_signal(signal.SIGKILL)
        await process.wait()
    sent_before_crash = len(_sent(tg))
    assert sent_before_crash < count
    async with bot_process(config_path):
        db = await Database.open(config.storage.path)
        repository = BroadcastRepository(db)
        try:
            async with asyncio.timeout(60):
                while True:
                    broadcast = await repository.get(broadcast_id)
                    if broadcast is not None and broadcast.status != "sending":
                        break
                    await asyncio.sleep(0.1)
            tally = await repository.tally(broadcast_id)
            deliveries = await repository.deliveries(broadcast_id)
        finally:
            await db.close()
    per_chat = _sent(tg)
    assert max(per_chat.values()) == 1  # nobody got it twice
    in_doubt = [d for d in deliveries if d.error == "interrupted: delivery unknown"]
    assert len(in_doubt) <= config.broadcast.max_in_flight
    assert tally.sent + len(in_doubt) == count
    assert len(per_chat) >= tally.sent  # every row marked sent really reached its chat
    never_sent = {d.chat_id for d in in_doubt} - set(per_chat)
    assert len(per_chat) + len(never_sent) == count
