"""Running the real application in-process against the fake Bot API server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram import Update

from bot.app import build_application
from bot.config import BotConfig, Config, StorageConfig, TelegramConfig
from bot.context import BotApplication
from tests.fake_telegram import FakeTelegram


class FrozenClock:
    """A clock that only moves when a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 29, 6, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


def make_config(
    tg: FakeTelegram,
    folder: Path,
    *,
    admins: frozenset[int] = frozenset(),
    staff_chat_id: int | None = None,
) -> Config:
    """A config that points the bot at the fake server and a database in `folder`."""
    return Config(
        telegram=TelegramConfig(token=tg.token, api_base_url=tg.url),
        bot=BotConfig(
            admins=admins,
            staff_chat_id=staff_chat_id,
            timezone=ZoneInfo("Asia/Bishkek"),
            default_language="ky",
        ),
        storage=StorageConfig(path=folder / "bot.sqlite3"),
    )


def config_toml(config: Config) -> str:
    """The same config as a config.toml, for the bot run as a subprocess."""
    admins = ", ".join(str(a) for a in sorted(config.bot.admins))
    return (
        f'[telegram]\ntoken = "{config.telegram.token}"\n'
        f'api_base_url = "{config.telegram.api_base_url}"\n'
        f"[bot]\nadmins = [{admins}]\n"
        f"staff_chat_id = {config.bot.staff_chat_id or 0}\n"
        f'[storage]\npath = "{config.storage.path}"\n'
    )


@asynccontextmanager
async def running_bot(
    config: Config, clock: FrozenClock | None = None
) -> AsyncIterator[BotApplication]:
    """Start the application with long polling, as `seminar-bot run` does, and stop it after."""
    application = build_application(config, clock=clock)
    # run_polling calls post_init/post_shutdown itself; driving the parts by hand, we do.
    await application.initialize()
    assert application.post_init is not None and application.post_shutdown is not None
    await application.post_init(application)
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(
        poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES
    )
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        assert application.post_stop is not None
        await application.post_stop(application)
        await application.shutdown()
        await application.post_shutdown(application)


def with_admins(config: Config, *admins: int) -> Config:
    """The config with these staff ids."""
    return replace(config, bot=replace(config.bot, admins=frozenset(admins)))
