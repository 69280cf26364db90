"""The `seminar-bot` command: `run` starts the bot, `check` validates a setup,
`seminars import` creates or updates seminars from a TOML file, `backup` and `restore` copy
the database (bot/cli_backup.py)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from datetime import datetime
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot import cli_backup
from bot.app import build_application
from bot.clock import Clock, FixedClock, SystemClock
from bot.config import TOKEN_HELP, Config, ConfigError, load_config
from bot.geography import load_geography
from bot.logs import configure_logging
from bot.seminar_import import SeminarFileError, read_seminars
from storage.database import Database, DatabaseTooNew
from storage.seminars import SeminarRepository

log = logging.getLogger("bot")

NOW_ENV = "SEMINAR_BOT_NOW"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminar-bot", description="Seminar outreach bot for municipalities."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    _with_config(
        commands.add_parser(
            "run", help="run the bot (long polling, or a webhook when webhook.url is set)"
        )
    )
    _with_config(
        commands.add_parser("check", help="validate the config, open the database and call getMe")
    )
    seminars = commands.add_parser("seminars", help="manage seminars")
    seminar_commands = seminars.add_subparsers(dest="seminars_command", required=True)
    importing = seminar_commands.add_parser(
        "import", help="create or update seminars from a TOML file (docs/seminars-import.md)"
    )
    importing.add_argument("file", type=Path, help="the seminars file, e.g. examples/seminars.toml")
    _with_config(importing)
    cli_backup.add_commands(commands)
    for name in ("backup", "restore"):
        _with_config(commands.choices[name])
    return parser


def _with_config(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--config", type=Path, default=Path("config.toml"), help="config file (config.toml)"
    )


def _fail(text: str) -> int:
    print(text, file=sys.stderr)
    return 2


def _clock_from_env() -> Clock | None:
    """`SEMINAR_BOT_NOW` (ISO time with zone) freezes the clock; only the tests set it."""
    value = os.environ.get(NOW_ENV)
    return FixedClock(datetime.fromisoformat(value)) if value else None


def run(config: Config) -> int:
    """Run until interrupted; a bad token or an unreachable API ends with a short message."""
    application = build_application(config, clock=_clock_from_env())
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


async def import_seminars(config: Config, path: Path, text: str) -> int:
    """Check the whole file first; write all of it in one transaction, or nothing."""
    try:
        seminars = read_seminars(path.name, text, config.bot.timezone, load_geography())
    except SeminarFileError as error:
        return _fail(f"{error}\nNothing was imported.")
    db = await Database.open(config.storage.path)
    try:
        await db.migrate()
        counts = await SeminarRepository(db).import_by_slug(seminars, SystemClock().now())
    except DatabaseTooNew as error:
        return _fail(str(error))
    finally:
        await db.close()
    print(
        f"{path.name}: {counts.created} created, {counts.updated} updated,"
        f" {counts.unchanged} unchanged"
    )
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
    if arguments.command == "seminars":
        try:
            text = arguments.file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return _fail(f"{arguments.file}: cannot read: {error}")
        return asyncio.run(import_seminars(config, arguments.file, text))
    return run(config)
