"""The application factory, used by `seminar-bot run` and by the tests alike."""

from __future__ import annotations

import logging
from typing import cast

from telegram.ext import Application

from bot import ops_jobs, reminders
from bot.clock import Clock, SystemClock
from bot.config import Config
from bot.context import CONTEXT_TYPES, BotApplication
from bot.geography import load_geography
from bot.logs import LoggedUpdates
from bot.menus import set_menus
from bot.rate_limiter import SharedRateLimiter
from bot.runlock import RunLock
from bot.services import Services
from handlers import register_all
from messages import Catalog

log = logging.getLogger(__name__)


def build_application(config: Config, *, clock: Clock | None = None) -> BotApplication:
    """Build the bot: services open in post_init, close in post_shutdown."""
    catalog = Catalog.load()
    geography = load_geography()
    chosen_clock = clock or SystemClock()
    run_lock = RunLock(config.storage.path)

    async def post_init(application: BotApplication) -> None:
        if not run_lock.acquire():
            log.warning("another process holds %s's run lock", config.storage.path.name)
        services = await Services.open(config, catalog, geography, chosen_clock, application.bot)
        application.bot_data.services = services
        await set_menus(application.bot, services)
        services.broadcasts.start()
        log.info("bot @%s ready, database %s", application.bot.username, config.storage.path)

    async def post_stop(application: BotApplication) -> None:
        # Sends still on the wire finish while the bot's connection is open; the rest of the
        # outbox stays in the database and resumes at the next start.
        if application.bot_data.is_open:
            await application.bot_data.services.broadcasts.stop()

    async def post_shutdown(application: BotApplication) -> None:
        if application.bot_data.is_open:
            await application.bot_data.services.close()
            application.bot_data.services = None
        run_lock.release()
        log.info("database closed")

    api = config.telegram.api_base_url
    # PTB's builder cannot express the job queue's custom context type; the cast says it.
    application = cast(
        BotApplication,
        Application.builder()
        .token(config.telegram.token)
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(LoggedUpdates(max_concurrent_updates=1))
        .rate_limiter(SharedRateLimiter(per_second=config.broadcast.messages_per_second))
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .build(),
    )
    register_all(application)
    reminders.schedule(application)
    ops_jobs.schedule(application, config)
    return application
