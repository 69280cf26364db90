"""Loading and validating `config.toml`; every bad value is named with its key."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from messages import Language, is_language

TOKEN_ENV = "SEMINAR_BOT_TOKEN"
TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")
DEFAULT_API_BASE_URL = "https://api.telegram.org"

TOKEN_HELP = f"""\
To get a token: open Telegram, write to @BotFather, send /newbot and follow its questions.
Then put the token in config.toml under [telegram] as token = "123456:ABC...",
or set the environment variable {TOKEN_ENV}."""


class ConfigError(Exception):
    """A config that cannot run the bot; the message is meant for the person running it."""


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    """How to reach the Bot API."""

    token: str
    api_base_url: str


@dataclass(frozen=True, slots=True)
class BotConfig:
    """Who the staff are and how the bot speaks."""

    admins: frozenset[int]
    staff_chat_id: int | None
    timezone: ZoneInfo
    default_language: Language


@dataclass(frozen=True, slots=True)
class StorageConfig:
    """Where the database lives."""

    path: Path


DEFAULT_REMINDER_MINUTES: tuple[int, ...] = (24 * 60, 2 * 60)
_DURATION = re.compile(r"^\s*(\d+)\s*([dhm])\s*$")
_MINUTES_PER_UNIT = {"d": 24 * 60, "h": 60, "m": 1}


@dataclass(frozen=True, slots=True)
class RemindersConfig:
    """When reminders go out, in minutes before a seminar starts (largest first)."""

    before_minutes: tuple[int, ...] = DEFAULT_REMINDER_MINUTES


DEFAULT_TOPICS = ("intermunicipal", "budget", "land", "water", "waste", "other")
_TOPIC_CODE = re.compile(r"^[a-z][a-z0-9_]{0,19}$")


@dataclass(frozen=True, slots=True)
class QuestionsConfig:
    """Limits on asking and the topics staff tag questions with."""

    topics: tuple[str, ...] = DEFAULT_TOPICS
    max_length: int = 2000
    per_hour: int = 10
    digest_time: time = time(9, 0)
    digest_after_hours: int = 24


@dataclass(frozen=True, slots=True)
class WebhookConfig:
    """Receive updates on an HTTP port (behind a TLS proxy) instead of long polling."""

    url: str
    listen: str
    port: int
    secret_token: str

    @property
    def path(self) -> str:
        """The URL's path, which the bot serves (a proxy forwards it unchanged)."""
        return urlsplit(self.url).path.lstrip("/")


@dataclass(frozen=True, slots=True)
class BackupConfig:
    """Daily online copies of the database, the newest `keep` kept."""

    # None: a `backups` folder next to the database.
    folder: Path | None = None
    keep: int = 14
    # None: no daily backup (`seminar-bot backup` still works).
    daily_at: time | None = time(3, 0)


@dataclass(frozen=True, slots=True)
class PrivacyConfig:
    """How long personal data of people who stopped using the bot is kept."""

    # 0: never forgotten for inactivity.
    forget_inactive_after_months: int = 24


@dataclass(frozen=True, slots=True)
class LoggingConfig:
    """Log level and format, and how often staff hear about errors."""

    level: str = "INFO"
    json: bool = False
    # 0: staff are never told.
    error_notify_every_minutes: int = 10


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local hours when broadcasts wait; `start` after `end` wraps past midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        """Whether a local time of day falls in the quiet hours."""
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True, slots=True)
class BroadcastConfig:
    """How fast and when bulk sends go out."""

    messages_per_second: int = 30
    max_in_flight: int = 8
    quiet_hours: QuietHours | None = None
    progress_every_seconds: float = 3.0
    max_attempts: int = 5


@dataclass(frozen=True, slots=True)
class Config:
    """The whole validated configuration."""

    telegram: TelegramConfig
    bot: BotConfig
    storage: StorageConfig
    reminders: RemindersConfig = RemindersConfig()
    broadcast: BroadcastConfig = BroadcastConfig()
    questions: QuestionsConfig = QuestionsConfig()
    webhook: WebhookConfig | None = None
    backup: BackupConfig = BackupConfig()
    privacy: PrivacyConfig = PrivacyConfig()
    logging: LoggingConfig = LoggingConfig()

    @property
    def backup_folder(self) -> Path:
        """Where backups go: the configured folder, else `backups` next to the database."""
        return self.backup.folder or self.storage.path.parent / "backups"


def _table(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{name}] must be a table, got {type(value).__name__}")
    return value


def _token(telegram: dict[str, Any], environ: dict[str, str]) -> str:
    token = environ.get(TOKEN_ENV) or telegram.get("token") or ""
    if not isinstance(token, str):
        raise ConfigError(f"telegram.token must be a string.\n{TOKEN_HELP}")
    token = token.strip()
    if not token:
        raise ConfigError(f"No Telegram bot token is set.\n{TOKEN_HELP}")
    if not TOKEN_PATTERN.match(token):
        raise ConfigError(
            "telegram.token does not look like a bot token (digits, a colon, then letters).\n"
            + TOKEN_HELP
        )
    return token


def _admins(bot: dict[str, Any]) -> frozenset[int]:
    admins = bot.get("admins", [])
    if not isinstance(admins, list) or not all(
        isinstance(a, int) and not isinstance(a, bool) and a > 0 for a in admins
    ):
        raise ConfigError(
            "bot.admins must be a list of Telegram user ids (positive numbers), "
            "e.g. admins = [123456789]"
        )
    return frozenset(admins)


def _staff_chat(bot: dict[str, Any]) -> int | None:
    value = bot.get("staff_chat_id")
    if value is None or value == 0:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ConfigError("bot.staff_chat_id must be a number (a group id such as -1001234567890)")
    return value


def _zone(bot: dict[str, Any]) -> ZoneInfo:
    name = bot.get("timezone", "Asia/Bishkek")
    if not isinstance(name, str):
        raise ConfigError('bot.timezone must be a string such as "Asia/Bishkek"')
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigError(f"bot.timezone: unknown time zone {name!r}") from error


def _language(bot: dict[str, Any]) -> Language:
    value = bot.get("default_language", "ky")
    if not is_language(value):
        raise ConfigError(f'bot.default_language must be "ky" or "ru", got {value!r}')
    return value


def _api_base_url(telegram: dict[str, Any]) -> str:
    value = telegram.get("api_base_url") or DEFAULT_API_BASE_URL
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+", value):
        raise ConfigError(
            "telegram.api_base_url must be an http(s) address such as https://api.telegram.org"
        )
    return value.rstrip("/")


def _storage_path(storage: dict[str, Any], base: Path) -> Path:
    value = storage.get("path", "data/seminar-bot.sqlite3")
    if not isinstance(value, str) or not value.strip():
        raise ConfigError('storage.path must be a file path such as "data/seminar-bot.sqlite3"')
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def parse_duration(value: object) -> int | None:
    """Minutes in "24h", "90m" or "2d"; None when the text is not such a duration."""
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    return int(match.group(1)) * _MINUTES_PER_UNIT[match.group(2)]


def _reminders(reminders: dict[str, Any]) -> RemindersConfig:
    value = reminders.get("before", ["24h", "2h"])
    help_text = 'reminders.before must be a list such as ["24h", "2h"] (d, h or m; at most 30d)'
    if not isinstance(value, list):
        raise ConfigError(help_text)
    minutes = [parse_duration(item) for item in value]
    if any(m is None or m <= 0 or m > 30 * 24 * 60 for m in minutes):
        raise ConfigError(help_text)
    return RemindersConfig(tuple(sorted({m for m in minutes if m is not None}, reverse=True)))


def _whole(table: dict[str, Any], section: str, key: str, default: int, low: int, high: int) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ConfigError(f"{section}.{key} must be a whole number from {low} to {high}")
    return value


_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def _webhook(webhook: dict[str, Any]) -> WebhookConfig | None:
    url = webhook.get("url", "")
    if not isinstance(url, str):
        raise ConfigError("webhook.url must be a string")
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or not parts.path.strip("/"):
        raise ConfigError(
            "webhook.url must be an https address with a path, e.g. "
            '"https://bot.example.org/telegram/hook" (Telegram only calls https)'
        )
    listen = webhook.get("listen", "127.0.0.1")
    if not isinstance(listen, str) or not listen:
        raise ConfigError('webhook.listen must be an address to listen on, e.g. "127.0.0.1"')
    secret = webhook.get("secret_token", "")
    if not isinstance(secret, str) or not _SECRET_TOKEN.match(secret) or len(secret) < 16:
        raise ConfigError(
            "webhook.secret_token must be 16 to 256 letters, digits, _ or -; "
            'make one with: python3 -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    port = _whole(webhook, "webhook", "port", 8443, 1, 65535)
    return WebhookConfig(url=url, listen=listen, port=port, secret_token=secret)


def _backup(backup: dict[str, Any], base: Path) -> BackupConfig:
    folder = backup.get("folder", "")
    if not isinstance(folder, str):
        raise ConfigError('backup.folder must be a folder path such as "data/backups"')
    path = Path(folder).expanduser() if folder.strip() else None
    daily = backup.get("daily_at", "03:00")
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", daily) if isinstance(daily, str) else None
    if daily != "" and (match is None or int(match[1]) > 23 or int(match[2]) > 59):
        raise ConfigError('backup.daily_at must be a time such as "03:00", or "" for none')
    return BackupConfig(
        folder=None if path is None else path if path.is_absolute() else base / path,
        keep=_whole(backup, "backup", "keep", 14, 1, 10000),
        daily_at=time(int(match[1]), int(match[2])) if match else None,
    )


_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _logging(logging: dict[str, Any]) -> LoggingConfig:
    level = logging.get("level", "INFO")
    if not isinstance(level, str) or level.upper() not in _LEVELS:
        raise ConfigError(f"logging.level must be one of {', '.join(_LEVELS)}")
    as_json = logging.get("json", False)
    if not isinstance(as_json, bool):
        raise ConfigError("logging.json must be true or false")
    return LoggingConfig(
        level=level.upper(),
        json=as_json,
        error_notify_every_minutes=_whole(
            logging, "logging", "error_notify_every_minutes", 10, 0, 10080
        ),
    )


def _positive_int(table: dict[str, Any], section: str, key: str, default: int, top: int) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= top:
        raise ConfigError(f"{section}.{key} must be a whole number from 1 to {top}, got {value!r}")
    return value


def _clock_time(text: str) -> time:
    hours, _, minutes = text.strip().partition(":")
    return time(int(hours), int(minutes))


def _quiet_hours(broadcast: dict[str, Any]) -> QuietHours | None:
    value = broadcast.get("quiet_hours", "")
    if value in ("", None):
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}", value):
        raise ConfigError(
            f'broadcast.quiet_hours must look like "21:00-08:00" (or be empty), got {value!r}'
        )
    first, second = value.split("-")
    try:
        hours = QuietHours(start=_clock_time(first), end=_clock_time(second))
    except ValueError as error:
        raise ConfigError(f"broadcast.quiet_hours: {error}") from error
    if hours.start == hours.end:
        raise ConfigError("broadcast.quiet_hours: start and end are the same time")
    return hours


def _broadcast(broadcast: dict[str, Any]) -> BroadcastConfig:
    every = broadcast.get("progress_every_seconds", 3.0)
    if not isinstance(every, int | float) or isinstance(every, bool) or not 0.5 <= every <= 600:
        raise ConfigError("broadcast.progress_every_seconds must be a number from 0.5 to 600")
    return BroadcastConfig(
        messages_per_second=_positive_int(broadcast, "broadcast", "messages_per_second", 30, 1000),
        max_in_flight=_positive_int(broadcast, "broadcast", "max_in_flight", 8, 100),
        quiet_hours=_quiet_hours(broadcast),
        progress_every_seconds=float(every),
        max_attempts=_positive_int(broadcast, "broadcast", "max_attempts", 5, 50),
    )


def _questions(table: dict[str, Any]) -> QuestionsConfig:
    topics = table.get("topics", list(DEFAULT_TOPICS))
    if (
        not isinstance(topics, list)
        or not topics
        or not all(isinstance(t, str) and _TOPIC_CODE.match(t) for t in topics)
        or len(set(topics)) != len(topics)
    ):
        raise ConfigError(
            "questions.topics must be a non-empty list of distinct short codes (lowercase "
            'latin letters, digits, _), e.g. topics = ["budget", "water", "other"]; '
            "each code needs a topic-<code> text in messages/*/questions.ftl"
        )
    digest = table.get("digest_time", "09:00")
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", digest) if isinstance(digest, str) else None
    if match is None:
        raise ConfigError('questions.digest_time must be a time of day such as "09:00"')
    return QuestionsConfig(
        topics=tuple(topics),
        # A question is shown to staff with a header, inside Telegram's 4096 characters.
        max_length=_positive_int(table, "questions", "max_length", 2000, 3500),
        per_hour=_positive_int(table, "questions", "per_hour", 10, 1000),
        digest_time=time(int(match.group(1)), int(match.group(2))),
        digest_after_hours=_positive_int(table, "questions", "digest_after_hours", 24, 24 * 30),
    )


def parse_config(raw: dict[str, Any], base: Path, environ: dict[str, str]) -> Config:
    """Validate an already-parsed TOML document; relative paths are taken from `base`."""
    telegram = _table(raw, "telegram")
    bot = _table(raw, "bot")
    storage = _table(raw, "storage")
    reminders = _table(raw, "reminders")
    privacy = _table(raw, "privacy")
    return Config(
        telegram=TelegramConfig(
            token=_token(telegram, environ), api_base_url=_api_base_url(telegram)
        ),
        bot=BotConfig(
            admins=_admins(bot),
            staff_chat_id=_staff_chat(bot),
            timezone=_zone(bot),
            default_language=_language(bot),
        ),
        storage=StorageConfig(path=_storage_path(storage, base)),
        reminders=_reminders(reminders),
        broadcast=_broadcast(_table(raw, "broadcast")),
        questions=_questions(_table(raw, "questions")),
        webhook=_webhook(_table(raw, "webhook")),
        backup=_backup(_table(raw, "backup"), base),
        privacy=PrivacyConfig(
            forget_inactive_after_months=_whole(
                privacy, "privacy", "forget_inactive_after_months", 24, 0, 1200
            )
        ),
        logging=_logging(_table(raw, "logging")),
    )


def load_config(path: Path, environ: dict[str, str] | None = None) -> Config:
    """Read and validate the config file; a missing file is fine when the token is in the env."""
    env = dict(os.environ) if environ is None else environ
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: not valid TOML: {error}") from error
    elif env.get(TOKEN_ENV):
        raw = {}
    else:
        raise ConfigError(
            f"Config file {path} not found. Copy config.example.toml to {path} and fill it in.\n"
            + TOKEN_HELP
        )
    return parse_config(raw, path.resolve().parent, env)
