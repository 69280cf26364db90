"""The privacy, backup, logging and webhook keys: defaults and every bad value named."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.config import ConfigError, load_config

TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "s3cret-token_for-the-webhook"


def _load(tmp_path: Path, extra: str) -> object:
    path = tmp_path / "config.toml"
    path.write_text(f'[telegram]\ntoken = "{TOKEN}"\n{extra}', "utf-8")
    return load_config(path, environ={})


def test_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[telegram]\ntoken = "{TOKEN}"\n', "utf-8")
    config = load_config(path, environ={})
    assert config.webhook is None
    assert config.privacy.forget_inactive_after_months == 24
    assert (config.backup.keep, config.backup.daily_at) == (14, time(3, 0))
    assert config.backup_folder == tmp_path / "data" / "backups"
    assert (config.logging.level, config.logging.json) == ("INFO", False)
    assert config.logging.error_notify_every_minutes == 10


def test_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[telegram]\ntoken = "{TOKEN}"\n'
        '[webhook]\nurl = "https://bot.example.org/tg/hook"\nport = 8080\n'
        f'secret_token = "{SECRET}"\n'
        '[backup]\nfolder = "copies"\nkeep = 3\ndaily_at = ""\n'
        "[privacy]\nforget_inactive_after_months = 0\n"
        '[logging]\nlevel = "debug"\njson = true\nerror_notify_every_minutes = 0\n',
        "utf-8",
    )
    config = load_config(path, environ={})
    assert config.webhook is not None
    assert (config.webhook.path, config.webhook.listen, config.webhook.port) == (
        "tg/hook",
        "127.0.0.1",
        8080,
    )
    assert config.backup_folder == tmp_path / "copies" and config.backup.daily_at is None
    assert config.privacy.forget_inactive_after_months == 0
    assert (config.logging.level, config.logging.json) == ("DEBUG", True)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[webhook]\nurl = "http://bot.example.org/hook"\n', "webhook.url"),
        ('[webhook]\nurl = "https://bot.example.org"\n', "webhook.url"),
        ('[webhook]\nurl = "https://bot.example.org/h"\n', "webhook.secret_token"),
        ('[webhook]\nurl = "https://bot.example.org/h"\nsecret_token = "short"\n', "secret_token"),
        (
            f'[webhook]\nurl = "https://b.example.org/h"\nsecret_token = "{SECRET}"\nport = 0\n',
            "webhook.port",
        ),
        (
            f'[webhook]\nurl = "https://b.example.org/h"\nsecret_token = "{SECRET}"\nlisten = 1\n',
            "webhook.listen",
        ),
        ("[webhook]\nurl = 5\n", "webhook.url"),
        ("[backup]\nkeep = 0\n", "backup.keep"),
        ('[backup]\nkeep = "7"\n', "backup.keep"),
        ('[backup]\ndaily_at = "25:00"\n', "backup.daily_at"),
        ('[backup]\ndaily_at = "3am"\n', "backup.daily_at"),
        ("[backup]\nfolder = 1\n", "backup.folder"),
        ("[privacy]\nforget_inactive_after_months = -1\n", "privacy.forget_inactive_after_months"),
        ("[privacy]\nforget_inactive_after_months = true\n", "forget_inactive_after_months"),
        ('[logging]\nlevel = "LOUD"\n', "logging.level"),
        ('[logging]\njson = "yes"\n', "logging.json"),
        ("[logging]\nerror_notify_every_minutes = -5\n", "logging.error_notify_every_minutes"),
    ],
)
def test_bad_values_name_their_key(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _load(tmp_path, extra)
