"""One aiosqlite connection, its PRAGMAs, migrations and write transactions."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

Params = Sequence[Any] | dict[str, Any]

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class DatabaseTooNew(Exception):
    """The file was written by a newer version of the bot than this one."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered SQL file from `storage/migrations`."""

    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """Every migration in order; numbers must run 1, 2, 3… without gaps."""
    found = []
    for entry in resources.files("storage").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration {expected:04d} is missing before {migration.name}")
    return found


def to_db(moment: datetime) -> str:
    """Store an aware datetime as UTC ISO text, which sorts in time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_db(text: str) -> datetime:
    """Read back a datetime stored by `to_db`."""
    return datetime.fromisoformat(text).astimezone(UTC)


class Database:
    """The bot's SQLite database: reads anywhere, writes one transaction at a time."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._connection = connection
        self.path = path
        # A single connection cannot nest transactions; handlers, jobs and the broadcast
        # engine all write, so they take turns here.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Database:
        """Open (creating the folder) and set the PRAGMAs once for the connection."""
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(path, isolation_level=None)
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA synchronous = NORMAL")
        await connection.execute("PRAGMA foreign_keys = ON")
        await connection.execute("PRAGMA busy_timeout = 5000")
        # Deleted and overwritten rows are zeroed, not left in free pages: /forget must not
        # leave a person's name readable in the file.
        await connection.execute("PRAGMA secure_delete = ON")
        return cls(connection, path)

    async def close(self) -> None:
        """Close after any running write has finished."""
        async with self._write_lock:
            await self._connection.close()

    async def checkpoint(self) -> None:
        """Copy the WAL into the database file and empty it (old page images go with it)."""
        async with self._write_lock:
            await self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def schema_version(self) -> int:
        """The number of the last migration applied to this file."""
        row = await self.fetch_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> int:
        """Apply the migrations this file lacks; refuse a file from a newer bot."""
        migrations = load_migrations()
        latest = migrations[-1].version if migrations else 0
        current = await self.schema_version()
        if current > latest:
            raise DatabaseTooNew(
                f"The database {self.path} has schema version {current}, but this bot knows "
                f"only up to {latest}. Upgrade the bot, or restore a backup made by this version."
            )
        async with self._write_lock:
            for migration in migrations[current:]:
                # executescript would commit each statement alone; wrapping it keeps a
                # half-applied migration from ever being visible.
                await self._connection.executescript(
                    f"BEGIN IMMEDIATE;\n{migration.sql}\n"
                    f"PRAGMA user_version = {migration.version};\nCOMMIT;"
                )
        return latest

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction: committed when the block ends, rolled back on an exception."""
        async with self._write_lock:
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                await self._connection.execute("ROLLBACK")
                raise
            await self._connection.execute("COMMIT")

    async def execute(self, sql: str, params: Params = ()) -> int:
        """One write statement in its own transaction; returns lastrowid."""
        async with self.transaction() as connection:
            cursor = await connection.execute(sql, params)
            return cursor.lastrowid or 0

    async def execute_many(self, sql: str, rows: Iterable[Params]) -> None:
        """The same write for many rows, in one transaction."""
        async with self.transaction() as connection:
            await connection.executemany(sql, rows)

    async def fetch_one(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        """The first row of a query, or None."""
        async with self._connection.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def fetch_all(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        """Every row of a query."""
        async with self._connection.execute(sql, params) as cursor:
            return list(await cursor.fetchall())
