"""How long a backup, a restore and one /forget take on a database of a realistic size.

python -m bench.ops [people]   (default 20000 people, each sent 5 broadcast messages)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from storage.backup import make_backup, restore_backup
from storage.database import Database, to_db
from storage.privacy import forget_person

NOW = datetime(2026, 11, 29, 6, 0, tzinfo=UTC)


async def _fill(db: Database, people: int) -> None:
    now = to_db(NOW)
    await db.execute_many(
        "INSERT INTO people (telegram_id, first_name, last_name, username, language, role,"
        " region_code, rayon_code, phone, registered_at, updated_at, last_seen_at)"
        " VALUES (?, ?, ?, ?, 'ky', 'ao_head', 'jalal-abad', 'suzak', ?, ?, ?, ?)",
        [
            (n, f"Аты{n}", f"Фамилиясы{n}", f"user{n}", f"+996700{n:06d}", now, now, now)
            for n in range(1, people + 1)
        ],
    )
    for broadcast in range(1, 6):
        await db.execute(
            "INSERT INTO broadcasts (id, kind, status, created_at) VALUES (?, 'test', 'done', ?)",
            (broadcast, now),
        )
        await db.execute_many(
            "INSERT INTO broadcast_recipients (broadcast_id, chat_id, text, state)"
            " VALUES (?, ?, ?, 'sent')",
            [(broadcast, n, "Семинар 10-июль, Жалал-Абад " * 8) for n in range(1, people + 1)],
        )


def _timed(label: str, seconds: float) -> None:
    print(f"{label:<40} {seconds * 1000:8.1f} ms")


async def main(people: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        db = await Database.open(path)
        await db.migrate()
        await _fill(db, people)
        await db.checkpoint()
        print(f"{people} people, {people * 5} deliveries, {path.stat().st_size >> 20} MiB")
        start = time.perf_counter()
        copy = make_backup(path, Path(folder) / "copy.sqlite3")
        _timed("backup (SQLite backup API)", time.perf_counter() - start)
        start = time.perf_counter()
        restore_backup(copy, Path(folder) / "restored.sqlite3")
        _timed("restore into a new file", time.perf_counter() - start)
        rounds = 20
        start = time.perf_counter()
        for telegram_id in range(1, rounds + 1):
            await forget_person(db, telegram_id, NOW)
        _timed("/forget one person (incl. checkpoint)", (time.perf_counter() - start) / rounds)
        await db.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000))
