"""PTB context types: handlers get `context.services`, typed, instead of a loose dict."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, JobQueue

from bot.rate_limiter import Bot
from bot.services import Services


class BotData:
    """Application-wide data: the services, set in post_init and closed in post_shutdown."""

    def __init__(self) -> None:
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        """The running services; handlers only run after post_init has set them."""
        if self._services is None:
            raise RuntimeError("services are not open yet")
        return self._services

    @services.setter
    def services(self, value: Services | None) -> None:
        self._services = value

    @property
    def is_open(self) -> bool:
        """Whether post_init has run and post_shutdown has not."""
        return self._services is not None


class BotContext(CallbackContext[Bot, dict[Any, Any], dict[Any, Any], BotData]):
    """The context every handler and job receives."""

    @property
    def services(self) -> Services:
        """Shortcut for `context.bot_data.services`."""
        return self.bot_data.services


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=BotData)

BotApplication = Application[
    Bot, BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]
