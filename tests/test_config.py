"""Config loading: defaults, the token's sources, and every bad value named by its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config

TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, "utf-8")
    return path


def test_defaults(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, f'[telegram]\ntoken = "{TOKEN}"\n'), environ={})
    assert config.telegram.api_base_url == "https://api.telegram.org"
    assert config.bot.admins == frozenset()
    assert config.bot.staff_chat_id is None
    assert str(config.bot.timezone) == "Asia/Bishkek"
    assert config.bot.default_language == "ky"
    assert config.storage.path == tmp_path / "data" / "seminar-bot.sqlite3"


def test_example_config_is_valid_but_for_the_token(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "config.example.toml"
    config = load_config(example, environ={"SEMINAR_BOT_TOKEN": TOKEN})
    assert config.telegram.token == TOKEN
    with pytest.raises(ConfigError, match="@BotFather"):
        load_config(example, environ={})


def test_environment_token_wins(tmp_path: Path) -> None:
    path = _write(tmp_path, '[telegram]\ntoken = "1:bad"\n')
    assert load_config(path, environ={"SEMINAR_BOT_TOKEN": TOKEN}).telegram.token == TOKEN


def test_missing_file_with_environment_token(tmp_path: Path) -> None:
    config = load_config(tmp_path / "absent.toml", environ={"SEMINAR_BOT_TOKEN": TOKEN})
    assert config.telegram.token == TOKEN


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "No Telegram bot token"),
        ('[telegram]\ntoken = "not-a-token"\n', "does not look like a bot token"),
        ("[telegram]\ntoken = 5\n", "telegram.token must be a string"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[bot]\nadmins = ["me"]\n', "bot.admins"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[bot]\nadmins = 5\n', "bot.admins"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[bot]\ntimezone = "Mars/Base"\n', "bot.timezone"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[bot]\ndefault_language = "en"\n', "default_language"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[bot]\nstaff_chat_id = "x"\n', "bot.staff_chat_id"),
        (f'[telegram]\ntoken = "{TOKEN}"\napi_base_url = "ftp://x"\n', "telegram.api_base_url"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[storage]\npath = ""\n', "storage.path"),
        ('[telegram]\ntoken = "unterminated\n', "not valid TOML"),
        ('telegram = "x"\n', "[telegram] must be a table"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(path, environ={})


def test_missing_file_says_how_to_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "config.toml", environ={})
    assert "config.example.toml" in str(raised.value)
    assert "@BotFather" in str(raised.value)
