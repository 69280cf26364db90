"""Daily housekeeping jobs: the database backup and forgetting inactive people."""

from __future__ import annotations

import asyncio
import logging
from datetime import time

from bot.config import Config
from bot.context import BotApplication, BotContext
from bot.retention import forget_inactive
from storage.backup import DAILY_PREFIX, backup_name, make_backup, rotate

log = logging.getLogger(__name__)

# After the default 03:00 backup, so the night's copy still holds what retention removes
# for a few more days, should a mistake need undoing.
RETENTION_AT = time(4, 30)


async def daily_backup(context: BotContext) -> None:
    """Copy the database into the backup folder and keep the newest `backup.keep`."""
    services = context.services
    config = services.config
    target = config.backup_folder / backup_name(DAILY_PREFIX, services.clock.now())
    # The copy is blocking file work; a thread keeps the bot answering meanwhile.
    await asyncio.to_thread(make_backup, config.storage.path, target)
    removed = await asyncio.to_thread(rotate, config.backup_folder, config.backup.keep)
    log.info("daily backup %s written, %d old removed", target.name, len(removed))


async def daily_retention(context: BotContext) -> None:
    """Forget people inactive longer than `privacy.forget_inactive_after_months`."""
    await forget_inactive(context.services)


def schedule(application: BotApplication, config: Config) -> None:
    """Add the daily jobs the config asks for, at local times in `bot.timezone`."""
    queue = application.job_queue
    assert queue is not None, "python-telegram-bot[job-queue] is a dependency"
    zone = config.bot.timezone
    if config.backup.daily_at is not None:
        at = config.backup.daily_at.replace(tzinfo=zone)
        queue.run_daily(daily_backup, at, name="daily-backup")
    if config.privacy.forget_inactive_after_months > 0:
        queue.run_daily(daily_retention, RETENTION_AT.replace(tzinfo=zone), name="retention")
