"""A lock file beside the database that says "a bot is running on this file".

`seminar-bot restore` refuses to overwrite a database a running bot holds (unless --force).
The operating system drops the lock when the process ends, even on a crash, so a stale
lock never blocks a restore.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO


def lock_path(database: Path) -> Path:
    """`bot.sqlite3.lock` beside `bot.sqlite3`."""
    return database.with_name(database.name + ".lock")


class RunLock:
    """Held by the running bot from post_init to post_shutdown."""

    def __init__(self, database: Path) -> None:
        self._path = lock_path(database)
        self._file: IO[str] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        file = self._path.open("a+")
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.close()
            return False
        file.truncate(0)
        file.write(f"{os.getpid()}\n")
        file.flush()
        self._file = file
        return True

    def release(self) -> None:
        """Let go of the lock (the file stays; it means nothing without the lock)."""
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def is_running(database: Path) -> bool:
    """Whether some process holds the database's run lock right now."""
    probe = RunLock(database)
    if not lock_path(database).exists():
        return False
    if probe.acquire():
        probe.release()
        return False
    return True
