"""Forgetting people who stopped using the bot: `privacy.forget_inactive_after_months`."""

from __future__ import annotations

import calendar
import logging
from datetime import datetime

from bot.services import Services
from storage.privacy import forget_person

log = logging.getLogger(__name__)


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (31 March - 1 = 28/29 February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


async def forget_inactive(services: Services) -> int:
    """Forget everyone not seen for the configured months; returns how many were forgotten."""
    months = services.config.privacy.forget_inactive_after_months
    if months == 0:
        return 0
    now = services.clock.now()
    cutoff = months_before(now, months)
    people = set(await services.people.inactive_since(cutoff))
    people |= set(await services.drafts.stale_since(cutoff))
    forgotten = 0
    for telegram_id in sorted(people):
        if await forget_person(services.db, telegram_id, now, reason="inactive") is not None:
            forgotten += 1
    log.info("retention: forgot %d people not seen since %s", forgotten, cutoff.date())
    return forgotten
