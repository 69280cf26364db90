"""The command menus Telegram shows: one for participants, a longer one for each admin."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from bot.rate_limiter import Bot
from bot.services import Services
from messages import LANGUAGES, Language

log = logging.getLogger(__name__)

PARTICIPANT_COMMANDS: tuple[str, ...] = (
    "start",
    "seminars",
    "my",
    "checkin",
    "settings",
    "language",
    "stop",
    "help",
    "ask",
    "myquestions",
    "faq",
    "mydata",
    "forget",
)
STAFF_COMMANDS: tuple[str, ...] = (
    "invite",
    "new",
    "broadcast",
    "questions",
    "rsvps",
    "export",
    "report",
    "group",
    "stats",
)


def commands(services: Services, language: Language, names: tuple[str, ...]) -> list[BotCommand]:
    """BotCommand objects with descriptions in one language."""
    return [BotCommand(name, services.catalog.text(language, f"command-{name}")) for name in names]


async def set_menus(bot: Bot, services: Services) -> None:
    """Set the participants' menu per language, and the staff menu in each admin's chat."""
    default = services.config.bot.default_language
    await bot.set_my_commands(commands(services, default, PARTICIPANT_COMMANDS))
    for language in LANGUAGES:
        await bot.set_my_commands(
            commands(services, language, PARTICIPANT_COMMANDS),
            scope=BotCommandScopeDefault(),
            language_code=language,
        )
    for admin in sorted(services.config.bot.admins):
        per_language: list[Language | None] = [None, *LANGUAGES]
        for code in per_language:
            shown: Language = code if code is not None else default
            try:
                await bot.set_my_commands(
                    commands(services, shown, PARTICIPANT_COMMANDS + STAFF_COMMANDS),
                    scope=BotCommandScopeChat(admin),
                    language_code=code,
                )
            except TelegramError as error:
                # An admin who never opened the bot has no chat yet; the menu follows later.
                log.warning("staff menu for %s not set: %s", admin, error)
                break
