"""Broadcast throughput and reply latency against the fake Bot API's 30-a-second limit.

    python -m bench.broadcast --recipients 5000

Registers N people, broadcasts one message to all of them through the project's engine,
and, in the same run, through a plain loop over `bot.send_message` with PTB's
AIORateLimiter. Meanwhile a probe user sends /help every half second; the delay until the
reply arrives is the interactive latency. The fake server runs in its own thread, as
Telegram would be another machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from telegram import Update
from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter, Application, CommandHandler, ContextTypes

from bench.figures import percentile
from bot.broadcast import Outgoing
from storage.people import Profile
from tests.broadcasting import drained
from tests.fake_telegram import FakeTelegramThread, FakeUser
from tests.harness import make_config, running_bot

TEXT = "Семинар тууралуу кабар / Объявление о семинаре"
LIMIT = 30


@dataclass
class Result:
    """One run's figures."""

    name: str
    recipients: int
    seconds: float
    rate: float
    total_rate: float
    count_429: int
    lost: int
    duplicated: int
    probes: list[float]

    def line(self) -> str:
        p50 = statistics.median(self.probes) if self.probes else float("nan")
        p95 = percentile(self.probes, 0.95)
        return (
            f"| {self.name} | {self.recipients} | {self.seconds:.1f} | {self.rate:.2f} | "
            f"{self.rate / LIMIT:.3f} | {self.total_rate / LIMIT:.3f} | {self.count_429} | "
            f"{self.lost} | {self.duplicated} | "
            f"{p50 * 1000:.0f} | {p95 * 1000:.0f} | {len(self.probes)} |"
        )


def _users(fake: FakeTelegramThread, count: int) -> list[FakeUser]:
    def create() -> list[FakeUser]:
        return [
            fake.tg.user(f"P{i}", language_code="ky", user_id=100_000 + i, started=True)
            for i in range(count)
        ]

    return fake.run(create)


async def _probe(fake: FakeTelegramThread, probe: FakeUser, done: asyncio.Event) -> list[float]:
    """Send /help every second until `done`; return the reply delays."""
    delays = []
    while not done.is_set():
        started = time.monotonic()
        await fake.acall(probe.send("/help"))
        with contextlib.suppress(AssertionError):
            await fake.acall(probe.wait_for_message(timeout=30))
            delays.append(time.monotonic() - started)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), 1.0)
    return delays


def _outcome(fake: FakeTelegramThread, users: list[FakeUser]) -> tuple[float, float, int, int, int]:
    """(broadcast rate, all-sends rate, 429s, lost, duplicated) as the fake server saw them."""

    def read() -> tuple[list[float], list[float], Counter[int], int]:
        sent = [c for c in fake.tg.calls_to("sendMessage") if c.ok]
        broadcast = [c for c in sent if c.params.get("text") == TEXT]
        per_chat = Counter(int(c.params["chat_id"]) for c in broadcast)
        return [c.at for c in broadcast], [c.at for c in sent], per_chat, fake.tg.count_429

    times, all_times, per_chat, count_429 = fake.run(read)
    if len(times) < 2:
        return 0.0, 0.0, count_429, len(users), 0
    span = times[-1] - times[0]
    rate = (len(times) - 1) / span
    during = [t for t in all_times if times[0] <= t <= times[-1]]
    total_rate = (len(during) - 1) / span
    lost = sum(1 for u in users if per_chat[u.id] == 0)
    duplicated = sum(n - 1 for n in per_chat.values() if n > 1)
    return rate, total_rate, count_429, lost, duplicated


async def engine_run(count: int) -> Result:
    """The project's broadcast engine, with the real application answering /help."""
    with FakeTelegramThread(rate_limit=LIMIT) as fake, tempfile.TemporaryDirectory() as folder:
        users = _users(fake, count)
        probe = fake.run(fake.tg.user, "Probe", language_code="ky", started=True)
        config = make_config(fake.tg, Path(folder))
        async with running_bot(config) as application:
            services = application.bot_data.services
            now = datetime.now(UTC)
            for user in users:
                await services.people.save(
                    Profile(
                        user.id,
                        user.first_name,
                        None,
                        None,
                        "ky",
                        "ao_head",
                        "naryn",
                        "kochkor",
                        None,
                        None,
                        None,
                    ),
                    now,
                )
            done = asyncio.Event()
            probing = asyncio.create_task(_probe(fake, probe, done))
            started = time.monotonic()
            broadcast_id = await services.broadcasts.submit(
                "bench", [Outgoing(u.id, TEXT) for u in users]
            )
            await drained(services, broadcast_id, timeout=count)
            seconds = time.monotonic() - started
            done.set()
            probes = await probing
        figures = _outcome(fake, users)
    return Result("engine (this project)", count, seconds, *figures, probes)


async def _help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("help")


async def plain_loop_run(count: int) -> Result:
    """A plain loop over bot.send_message through PTB's AIORateLimiter, for comparison."""
    with FakeTelegramThread(rate_limit=LIMIT) as fake:
        users = _users(fake, count)
        probe = fake.run(fake.tg.user, "Probe", language_code="ky", started=True)
        application = (
            Application.builder()
            .token(fake.token)
            .base_url(f"{fake.url}/bot")
            .rate_limiter(AIORateLimiter())
            .build()
        )
        application.add_handler(CommandHandler("help", _help))
        lost_to_errors = 0
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(poll_interval=0, timeout=1)
            done = asyncio.Event()
            probing = asyncio.create_task(_probe(fake, probe, done))
            started = time.monotonic()
            for user in users:
                try:
                    await application.bot.send_message(user.id, TEXT)
                except RetryAfter:
                    lost_to_errors += 1
            seconds = time.monotonic() - started
            done.set()
            probes = await probing
            await application.updater.stop()
            await application.stop()
        figures = _outcome(fake, users)
    return Result("plain loop + AIORateLimiter", count, seconds, *figures, probes)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--only", choices=("engine", "plain"), default=None)
    arguments = parser.parse_args()
    print(
        "| run | recipients | seconds | broadcast msgs/s | broadcast of 30/s | all sends of 30/s "
        "| 429s | lost | duplicated | reply p50 ms | reply p95 ms | probes |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    if arguments.only in (None, "engine"):
        print((await engine_run(arguments.recipients)).line(), flush=True)
    if arguments.only in (None, "plain"):
        print((await plain_loop_run(arguments.recipients)).line(), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
