"""The `seminar-bot` command: `run` starts the bot, `check` validates a setup, `backup` and
`restore` copy the database (bot/cli_backup.py)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot import cli_backup
from bot.app import build_application
from bot.config import TOKEN_HELP, Config, ConfigError, load_config
from bot.logs import configure_logging
from storage.database import Database, DatabaseTooNew

log = logging.getLogger("bot")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminar-bot", description="Seminar outreach bot for municipalities."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("run", "run the bot (long polling, or a webhook when webhook.url is set)"),
        ("check", "validate the config, open the database and call getMe"),
    ):
        commands.add_parser(name, help=help_text)
    cli_backup.add_commands(commands)
    for command in commands.choices.values():
        command.add_argument(
            "--config", type=Path, default=Path("config.toml"), help="config file (config.toml)"
        )
    return parser


def _fail(text: str) -> int:
    print(text, file=sys.stderr)
    return 2


def run(config: Config) -> int:
    """Run until interrupted; a bad token or an unreachable API ends with a short message."""
    application = build_application(config)
    webhook = config.webhook
    try:
        # Both handle SIGINT and SIGTERM: stop taking updates, let running handlers finish,
        # then post_shutdown closes the database.
        if webhook is None:
            application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
        else:
            application.run_webhook(
                listen=webhook.listen,
                port=webhook.port,
                url_path=webhook.path,
                webhook_url=webhook.url,
                secret_token=webhook.secret_token,
                allowed_updates=Update.ALL_TYPES,
                drop_pending_updates=False,
            )
    except InvalidToken:
        return _fail(f"Telegram refused the token (it is wrong or was revoked).\n{TOKEN_HELP}")
    except DatabaseTooNew as error:
        return _fail(str(error))
    except NetworkError as error:
        return _fail(
            f"Cannot reach the Telegram Bot API at {config.telegram.api_base_url}: {error}"
        )
    return 0


async def check(config: Config) -> int:
    """Open and migrate the database, then ask Telegram who the bot is."""
    db = await Database.open(config.storage.path)
    try:
        version = await db.migrate()
    except DatabaseTooNew as error:
        return _fail(str(error))
    finally:
        await db.close()
    application = build_application(config)
    try:
        async with application.bot as bot:
            me = await bot.get_me()
    except InvalidToken:
        return _fail(f"Telegram refused the token (it is wrong or was revoked).\n{TOKEN_HELP}")
    except TelegramError as error:
        return _fail(
            f"Cannot reach the Telegram Bot API at {config.telegram.api_base_url}: {error}"
        )
    print(f"OK: bot @{me.username}, database {config.storage.path} at schema version {version}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `seminar-bot` command."""
    arguments = _parser().parse_args(argv)
    try:
        config = load_config(arguments.config)
    except ConfigError as error:
        return _fail(str(error))
    configure_logging(config.logging)
    if arguments.command == "check":
        return asyncio.run(check(config))
    if arguments.command == "backup":
        return cli_backup.backup(config, arguments.to)
    if arguments.command == "restore":
        return cli_backup.restore(config, arguments.file, force=arguments.force)
    return run(config)
