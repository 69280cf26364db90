"""Log lines: one per event, with the update, user and seminar they are about.

Handlers never log message texts, names or phone numbers at INFO; the context below carries
only ids. `LoggedUpdates` sets it around the handling of each update, error handler included.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Awaitable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from telegram import Update
from telegram.ext import SimpleUpdateProcessor

from bot.config import LoggingConfig

_CONTEXT: ContextVar[dict[str, int]] = ContextVar("log_context", default={})  # noqa: B039 - never mutated
CONTEXT_FIELDS = ("update_id", "user_id", "seminar_id")


# Buttons whose third field is a seminar id (see each feature's callback_data).
_SEMINAR_BUTTON = re.compile(
    r"^(?:ann:start|ask:s(?:eminar)?|chk:[lp]|fb:[rs]|grsvp:[ymn]|rep:pick|rsvps?:[a-z]+"
    r"|sem:(?:view|ics)|semadm:(?:cancel|cancelok|edit|keep|notify|quiet)):(\d+)(?::|$)"
)


def seminar_of_button(data: str | None) -> int | None:
    """The seminar a pressed button is about, when its data names one."""
    match = _SEMINAR_BUTTON.match(data or "")
    return int(match.group(1)) if match else None


def set_update_context(update_id: int | None, user_id: int | None) -> None:
    """Start the context for one update (replacing the previous update's)."""
    fields = {"update_id": update_id, "user_id": user_id}
    _CONTEXT.set({key: value for key, value in fields.items() if value is not None})


class LoggedUpdates(SimpleUpdateProcessor):
    """One update at a time, as PTB does by default, with the update's ids as log context."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Handle the update with its ids in the context, and clear them after."""
        user = update.effective_user if isinstance(update, Update) else None
        token = _CONTEXT.set({})
        set_update_context(
            update.update_id if isinstance(update, Update) else None, user.id if user else None
        )
        query = update.callback_query if isinstance(update, Update) else None
        seminar_id = seminar_of_button(query.data if query else None)
        if seminar_id is not None:
            set_seminar(seminar_id)
        try:
            await coroutine
        finally:
            _CONTEXT.reset(token)


def set_seminar(seminar_id: int) -> None:
    """Add the seminar the current update is about."""
    _CONTEXT.set({**_CONTEXT.get(), "seminar_id": seminar_id})


class ContextFilter(logging.Filter):
    """Copies the current update's ids onto every record, `-` where unknown."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = _CONTEXT.get()
        for key in CONTEXT_FIELDS:
            setattr(record, key, current.get(key))
        return True


class PlainFormatter(logging.Formatter):
    """`time LEVEL logger [update=… user=… seminar=…] message`."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s%(context)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        ids = [
            f"{key.removesuffix('_id')}={getattr(record, key)}"
            for key in CONTEXT_FIELDS
            if getattr(record, key, None) is not None
        ]
        record.context = f" [{' '.join(ids)}]" if ids else ""
        return super().format(record)


class JsonFormatter(logging.Formatter):
    """One JSON object a line; a traceback stays inside its line as `exception`."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in CONTEXT_FIELDS:
            value = getattr(record, key, None)
            if value is not None:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(config: LoggingConfig) -> None:
    """Send every log line to stderr in the configured level and format."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter() if config.json else PlainFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(config.level)
    # httpx logs every poll at INFO, with the token in the URL; that buries the bot's lines.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
