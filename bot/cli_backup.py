"""`seminar-bot backup` and `seminar-bot restore FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.clock import SystemClock
from bot.config import Config
from bot.runlock import is_running
from storage.backup import (
    BEFORE_RESTORE_PREFIX,
    DAILY_PREFIX,
    BackupError,
    backup_name,
    check_backup,
    make_backup,
    restore_backup,
    rotate,
)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `backup` and `restore` to the command's subcommands."""
    backup = commands.add_parser("backup", help="copy the database now (safe while the bot runs)")
    backup.add_argument(
        "--to", type=Path, help="the copy's file (default: a new file in backup.folder)"
    )
    restore = commands.add_parser(
        "restore", help="replace the database with a backup (the current one is backed up)"
    )
    restore.add_argument("file", type=Path, help="the backup to restore")
    restore.add_argument(
        "--force", action="store_true", help="restore even though a bot is running on the file"
    )


def backup(config: Config, to: Path | None) -> int:
    """Write one consistent copy; a copy into the backup folder also rotates old ones."""
    now = SystemClock().now()
    target = to or config.backup_folder / backup_name(DAILY_PREFIX, now)
    try:
        make_backup(config.storage.path, target)
    except BackupError as error:
        print(error, file=sys.stderr)
        return 2
    if to is None:
        rotate(config.backup_folder, config.backup.keep)
    print(f"Backup written: {target}")
    return 0


def restore(config: Config, file: Path, *, force: bool) -> int:
    """Check the file, back up the current database, then copy the file into place."""
    database = config.storage.path
    try:
        version = check_backup(file)
    except BackupError as error:
        print(f"Not restored: {error}", file=sys.stderr)
        return 2
    if is_running(database) and not force:
        print(
            f"Not restored: a bot is running on {database}. Stop it first "
            "(systemctl stop seminar-bot), or add --force to restore under it.",
            file=sys.stderr,
        )
        return 2
    if database.exists():
        saved = config.backup_folder / backup_name(BEFORE_RESTORE_PREFIX, SystemClock().now())
        make_backup(database, saved)
        print(f"The current database was saved to {saved}")
    restore_backup(file, database)
    print(f"Restored {file} (schema version {version}) into {database}")
    return 0
