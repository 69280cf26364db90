"""Reminders before the seminar: due by the clock, each at most once, moved with the seminar."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from telegram.ext import ExtBot

from bot.config import parse_config
from bot.context import BotApplication
from bot.geography import load_geography
from bot.rate_limiter import Bot
from bot.reminders import run_due
from bot.services import Services
from messages import Catalog
from tests.fake_telegram import FakeTelegram, FakeUser
from tests.harness import FrozenClock, config_toml, make_config
from tests.rsvp_helpers import create_seminar, register


def _reminders(tg: FakeTelegram, user: FakeUser) -> list[str]:
    """Reminder texts sent to the user (as sent: a later edit does not hide one)."""
    return [
        str(call.params.get("text"))
        for call in tg.calls_to("sendMessage")
        if call.ok
        and str(call.params.get("chat_id")) == str(user.id)
        and str(call.params.get("text")).startswith("🔔")
    ]


async def test_reminders_once_each_and_the_cancel_button(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services, capacity=2)
    starts = seminar.fields.starts_at
    coming, waiting, maybe = (tg.user(n, started=True) for n in ("Алия", "Бакыт", "Дамир"))
    for user in (coming, waiting, maybe):
        await register(services, user)
    await services.rsvps.answer(seminar.id, coming.id, "yes", 2, clock.now())
    await services.rsvps.answer(seminar.id, waiting.id, "yes", 1, clock.now())
    await services.rsvps.answer(seminar.id, maybe.id, "maybe", 1, clock.now())
    clock.current = starts - timedelta(hours=24, minutes=1)
    assert await run_due(services) == 0
    clock.current = starts - timedelta(hours=24)
    assert await run_due(services) == 2
    assert await run_due(services) == 0
    reminder = await coming.wait_for_message()
    assert (reminder.text or "").startswith("🔔 Эскертүү: сиз семинарга жазылгансыз (2 киши).")
    assert "Жалал-Абад, облустук администрация" in (reminder.text or "")
    note = await waiting.wait_for_message()
    assert "күтүү тизмесиндесиз: 1-орун" in (note.text or "") and note.buttons == []
    assert maybe.messages == []
    # "Can't come after all" frees the seats; the waiting person moves up at once.
    await coming.press(reminder, "Баары бир келе албайм")
    await coming.wait_for_edit(reminder)
    assert "Орун бошоду" in ((await waiting.wait_for_message()).text or "")
    clock.current = starts - timedelta(hours=2)
    assert await run_due(services) == 1
    assert (await waiting.wait_for_message()).text.startswith("🔔 Эскертүү")  # type: ignore[union-attr]
    clock.current = starts + timedelta(minutes=1)
    assert await run_due(services) == 0
    assert len(_reminders(tg, coming)) == 1 and len(_reminders(tg, waiting)) == 2


async def test_moved_seminar_gets_new_reminders_and_missed_ones_collapse(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    head = tg.user("Алия", started=True)
    await register(services, head)
    await services.rsvps.answer(seminar.id, head.id, "yes", 1, clock.now())
    starts = seminar.fields.starts_at
    clock.current = starts - timedelta(hours=23)
    assert await run_due(services) == 1
    # Staff move the seminar a day later: the new time gets its own 24-hour reminder.
    moved = replace(
        seminar.fields,
        starts_at=starts + timedelta(days=1),
        ends_at=seminar.fields.ends_at + timedelta(days=1),
    )
    await services.seminars.update(seminar.id, moved, clock.now())
    assert await run_due(services) == 0
    # The bot was down through both reminders: only the nearer one goes out.
    clock.current = moved.starts_at - timedelta(minutes=90)
    assert await run_due(services) == 1
    assert await run_due(services) == 0
    await head.wait_for_messages(2)
    assert len(_reminders(tg, head)) == 2
    handled = await services.seminar_sends.handled(seminar.id)
    assert any(key.startswith("reminder:1440:") for key in handled)


async def test_per_seminar_reminder_times(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    await services.attendance.set_reminder_minutes(seminar.id, (30,))
    head = tg.user("Алия", started=True)
    await register(services, head)
    await services.rsvps.answer(seminar.id, head.id, "yes", 1, clock.now())
    clock.current = seminar.fields.starts_at - timedelta(hours=2)
    assert await run_due(services) == 0
    clock.current = seminar.fields.starts_at - timedelta(minutes=30)
    assert await run_due(services) == 1


def test_reminder_times_are_validated(tmp_path: Path) -> None:
    environ = {"SEMINAR_BOT_TOKEN": "123456:" + "A" * 35}
    config = parse_config({"reminders": {"before": ["2h", "1d", "30m"]}}, tmp_path, environ)
    assert config.reminders.before_minutes == (1440, 120, 30)
    for bad in (["2x"], "24h", ["0h"], [24], ["40d"]):
        try:
            parse_config({"reminders": {"before": bad}}, tmp_path, environ)
        except Exception as error:
            assert "reminders.before" in str(error)
        else:
            raise AssertionError(f"{bad!r} was accepted")


def _command() -> list[str]:
    script = Path(sys.executable).parent / "seminar-bot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


@asynccontextmanager
async def bot_at(config_path: Path, now: datetime) -> AsyncIterator[None]:
    """`seminar-bot run` with its clock frozen at `now`; returns once due sends were handled."""
    env = {k: v for k, v in os.environ.items() if k != "SEMINAR_BOT_TOKEN"}
    env["SEMINAR_BOT_NOW"] = now.isoformat()
    process = await asyncio.create_subprocess_exec(
        *_command(),
        "run",
        "--config",
        str(config_path),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env=env,
    )
    assert process.stdout is not None
    output = []
    try:
        while True:
            line = (await asyncio.wait_for(process.stdout.readline(), timeout=30)).decode()
            output.append(line)
            assert line, "".join(output)
            if "scheduled sends checked" in line:
                break
        yield
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0


async def test_reminders_across_restarts_of_the_real_process(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    config_path.write_text(config_toml(config), "utf-8")
    head = tg.user("Алия", started=True)
    setup_clock = FrozenClock(datetime(2019, 7, 1, 6, 0, tzinfo=UTC))
    bot: Bot = ExtBot(tg.token, base_url=tg.base_url)
    services = await Services.open(config, Catalog.load(), load_geography(), setup_clock, bot)
    try:
        seminar = await create_seminar(services)
        await register(services, head)
        await services.rsvps.answer(seminar.id, head.id, "yes", 1, setup_clock.now())
    finally:
        await services.close()
    starts = seminar.fields.starts_at
    async with bot_at(config_path, starts - timedelta(hours=23)):
        pass
    assert len(_reminders(tg, head)) == 1
    async with bot_at(config_path, starts - timedelta(hours=22)):
        pass
    assert len(_reminders(tg, head)) == 1
    # Down through the 2-hour mark; started again before the seminar: sent at start.
    async with bot_at(config_path, starts - timedelta(minutes=30)):
        pass
    assert len(_reminders(tg, head)) == 2
    async with bot_at(config_path, starts + timedelta(minutes=5)):
        pass
    assert len(_reminders(tg, head)) == 2
