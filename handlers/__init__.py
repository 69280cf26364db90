"""Telegram-facing code, one module per feature; each module registers its own handlers."""

from __future__ import annotations

from bot.context import BotApplication
from handlers import (
    announcements,
    broadcasts,
    fallback,
    invitations,
    registration,
    settings,
    stats,
)


def register_all(application: BotApplication) -> None:
    """Register every feature.

    Order matters within group 0: the first matching handler wins, so specific deep-link
    /start handlers go before the generic one. Free text is read in later groups (each
    feature raises ApplicationHandlerStop once it took the text), and `fallback` answers
    whatever is left.
    """
    announcements.register(application)
    broadcasts.register(application)
    invitations.register(application)
    registration.register(application)
    settings.register(application)
    stats.register(application)
    fallback.register(application)
