"""Shared fixtures: the fake Bot API server and the bot running against it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Config
from bot.context import BotApplication
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock, make_config, running_bot

STAFF_ID = 500


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def config(tg: FakeTelegram, tmp_path: Path) -> Config:
    return make_config(tg, tmp_path, admins=frozenset({STAFF_ID}))


@pytest.fixture
async def app(config: Config, clock: FrozenClock) -> AsyncIterator[BotApplication]:
    async with running_bot(config, clock) as application:
        yield application


@pytest.fixture
def config_path(config: Config) -> Path:
    """The database file the `app` fixture writes."""
    return config.storage.path
