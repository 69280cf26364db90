"""Consistent online copies of the database, their rotation, and restoring one.

SQLite's backup API copies a snapshot while the bot keeps writing (WAL readers never block
the writer), so a backup never has to stop the bot. Restoring also goes through the backup
API, into the live file, so a connection that is still open sees the restored data.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from storage.database import load_migrations

DAILY_PREFIX = "seminar-bot-"
BEFORE_RESTORE_PREFIX = "before-restore-"
_SQLITE_HEADER = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is for the person running it."""


def backup_name(prefix: str, now: datetime) -> str:
    """`seminar-bot-20261129-030000.sqlite3`: names sort in time order."""
    return f"{prefix}{now:%Y%m%d-%H%M%S}.sqlite3"


def _copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    # pages=-1 copies everything in one step: a single consistent snapshot, never restarted
    # by the bot's writes in between.
    source.execute("PRAGMA busy_timeout = 10000")
    target.execute("PRAGMA busy_timeout = 10000")
    source.backup(target, pages=-1)


def make_backup(database: Path, target: Path) -> Path:
    """Copy the database to `target` (written beside it first, then renamed into place)."""
    if not database.is_file():
        raise BackupError(f"There is no database at {database} to back up.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(database)) as source, closing(sqlite3.connect(partial)) as copy:
        _copy(source, copy)
        # The copy is a single file: no -wal beside it.
        copy.execute("PRAGMA journal_mode = DELETE")
    partial.replace(target)
    return target


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` daily backups; returns the deleted files."""
    daily = sorted(folder.glob(f"{DAILY_PREFIX}*.sqlite3"))
    old = daily[:-keep] if keep > 0 else daily
    for path in old:
        path.unlink()
    return old


def check_backup(path: Path) -> int:
    """The schema version of a file fit to restore; BackupError says why one is not."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    with path.open("rb") as file:
        if file.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            raise BackupError(f"{path} is not an SQLite database.")
    latest = len(load_migrations())
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be read as a database: {error}") from error
    if verdict != "ok":
        raise BackupError(f"{path} is damaged (integrity check: {verdict}).")
    if version == 0 or "people" not in tables:
        raise BackupError(f"{path} is not a seminar-bot database (no schema version).")
    if version > latest:
        raise BackupError(
            f"{path} has schema version {version}, but this bot knows only up to {latest}. "
            "Upgrade the bot first."
        )
    return version


def restore_backup(backup: Path, database: Path) -> None:
    """Replace the database's content with the backup's (migrations run at the next start)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)) as source,
        closing(sqlite3.connect(database)) as target,
    ):
        _copy(source, target)
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
