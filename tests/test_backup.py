"""Backups while the bot writes, rotation, and restore with its checks."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot import cli_backup
from bot.config import Config
from bot.context import BotApplication
from bot.runlock import is_running
from storage.backup import BackupError, check_backup, make_backup, restore_backup, rotate
from storage.database import Database, load_migrations
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock
from tests.test_registration import register_kenesh_head


def _organisation_ids(path: Path) -> list[int]:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in db.execute("SELECT id FROM organisations ORDER BY id")]


async def test_backup_while_writes_run_then_restore_has_every_row(tmp_path: Path) -> None:
    live = tmp_path / "bot.sqlite3"
    db = await Database.open(live)
    await db.migrate()
    written = 0
    goal = 200
    reached = asyncio.Event()
    stop = asyncio.Event()

    async def writer() -> None:
        nonlocal written
        while not stop.is_set():
            await db.execute(
                "INSERT INTO organisations (region_code, name, match_key, created_at)"
                " VALUES ('naryn', ?, ?, '2026-11-29T06:00:00+00:00')",
                (f"org {written}", f"org{written}"),
            )
            written += 1
            if written >= goal:
                reached.set()

    task = asyncio.create_task(writer())
    await reached.wait()
    before = written
    copy = await asyncio.to_thread(make_backup, live, tmp_path / "during.sqlite3")
    goal = written + 100
    reached.clear()
    await reached.wait()
    stop.set()
    await task
    # A consistent snapshot: every row committed before the copy began, no gaps, no halves.
    ids = _organisation_ids(copy)
    assert len(ids) >= before and ids == list(range(1, len(ids) + 1))
    assert len(ids) < written
    # The copy after the writes end, restored into a fresh file, holds every row.
    final = await asyncio.to_thread(make_backup, live, tmp_path / "final.sqlite3")
    await db.close()
    assert check_backup(final) == len(load_migrations())
    restored = tmp_path / "restored.sqlite3"
    restore_backup(final, restored)
    assert _organisation_ids(restored) == list(range(1, written + 1))
    assert not final.with_name(final.name + "-wal").exists()


async def test_restore_refuses_what_it_cannot_trust(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("just some text, not a database", "utf-8")
    with pytest.raises(BackupError, match="not an SQLite database"):
        check_backup(text)
    with pytest.raises(BackupError, match="does not exist"):
        check_backup(tmp_path / "absent.sqlite3")
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(BackupError, match="not a seminar-bot database"):
        check_backup(foreign)
    newer = tmp_path / "newer.sqlite3"
    db_ = await Database.open(newer)
    await db_.migrate()
    await db_.execute(f"PRAGMA user_version = {len(load_migrations()) + 1}")
    await db_.close()
    with pytest.raises(BackupError, match="Upgrade the bot first"):
        check_backup(newer)


def test_rotation_keeps_the_newest(tmp_path: Path) -> None:
    names = [f"seminar-bot-2026112{day}-030000.sqlite3" for day in range(1, 6)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "before-restore-20261101-000000.sqlite3").write_bytes(b"x")
    removed = rotate(tmp_path, 3)
    assert [path.name for path in removed] == names[:2]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "before-restore-20261101-000000.sqlite3",
        *names[2:],
    ]


async def test_restore_under_a_running_bot_needs_force(
    tg: FakeTelegram, app: BotApplication, config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    services = app.bot_data.services
    empty = config.storage.path.with_name("empty.sqlite3")
    assert cli_backup.backup(config, empty) == 0
    user = tg.user("Алия")
    await register_kenesh_head(user)
    assert is_running(config.storage.path)
    assert cli_backup.restore(config, empty, force=False) == 2
    assert "a bot is running" in capsys.readouterr().err
    assert await services.people.get(user.id) is not None
    assert cli_backup.restore(config, empty, force=True) == 0
    output = capsys.readouterr().out
    assert "The current database was saved to" in output
    # The running bot's own connection sees the restored (empty) data at once.
    assert await services.people.get(user.id) is None
    saved = next(config.backup_folder.glob("before-restore-*.sqlite3"))
    with sqlite3.connect(saved) as db:
        assert db.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 1


async def test_the_daily_job_backs_up_and_rotates(
    app: BotApplication, config: Config, clock: FrozenClock
) -> None:
    assert app.job_queue is not None
    job = next(job for job in app.job_queue.jobs() if job.name == "daily-backup")
    for _ in range(config.backup.keep + 2):
        await job.run(app)
        clock.advance(timedelta(days=1))
    copies = sorted(config.backup_folder.glob("seminar-bot-*.sqlite3"))
    assert len(copies) == config.backup.keep
    assert copies[-1].name == "seminar-bot-20261214-060000.sqlite3"
    assert check_backup(copies[-1]) == len(load_migrations())


def test_backup_without_a_database_says_so(
    config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli_backup.backup(config, None) == 2
    assert "There is no database at" in capsys.readouterr().err
    assert not config.backup_folder.exists() or not any(config.backup_folder.iterdir())
