"""How a storage module declares the personal data it holds, for /mydata and /forget.

Each repository module that stores something about a person defines one `PersonalData`
and `storage.privacy.PERSONAL_DATA` lists them all. Forgetting keeps the person's rows that
count something (registrations by rayon, RSVPs, questions) but moves them to a fresh
negative id, the person's *pseudonym*, and blanks every field that says who they are; rows
that count nothing (a registration in progress) are deleted.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiosqlite

from storage.database import Database

# (the write transaction's connection, the person's Telegram id, their pseudonym)
Eraser = Callable[[aiosqlite.Connection, int, int], Awaitable[None]]
# (the database, the person's Telegram id) -> JSON-ready rows about them, {} when none
Exporter = Callable[[Database, int], Awaitable[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class PersonalData:
    """One table family's share of a person's data."""

    name: str
    export: Exporter
    erase: Eraser


def row_dict(row: aiosqlite.Row) -> dict[str, Any]:
    """A database row as a plain dict, for JSON."""
    return {key: row[key] for key in row.keys()}  # noqa: SIM118 - Row has no items()


def export_rows(key: str, sql: str, *, one: bool = False) -> Exporter:
    """An exporter listing the rows `sql` (one `?`, the person's id) finds, under `key`."""

    async def export(db: Database, telegram_id: int) -> dict[str, Any]:
        rows = await db.fetch_all(sql, (telegram_id,))
        if not rows:
            return {}
        return {key: row_dict(rows[0]) if one else [row_dict(row) for row in rows]}

    return export


def delete_rows(*tables_and_columns: tuple[str, str]) -> Eraser:
    """An eraser deleting the person's rows outright: for state that counts nothing (drafts)."""

    async def erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
        for table, column in tables_and_columns:
            await connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (telegram_id,))

    return erase


def move_rows(*tables_and_columns: tuple[str, str]) -> Eraser:
    """An eraser moving the person's counting rows to their pseudonym (answers, check-ins)."""

    async def erase(connection: aiosqlite.Connection, telegram_id: int, pseudonym: int) -> None:
        for table, column in tables_and_columns:
            await connection.execute(
                f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (pseudonym, telegram_id)
            )

    return erase
