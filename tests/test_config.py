"""Config loading: defaults, the token's sources, and every bad value named by its key."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.config import DEFAULT_TOPICS, ConfigError, load_config
from messages import Catalog

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
    assert config.questions.topics[0] == "intermunicipal"
    assert (config.questions.max_length, config.questions.per_hour) == (2000, 10)
    assert config.questions.digest_time == time(9, 0)
    assert config.questions.digest_after_hours == 24


def test_questions_settings(tmp_path: Path) -> None:
    text = (
        f'[telegram]\ntoken = "{TOKEN}"\n[questions]\ntopics = ["water", "other"]\n'
        'max_length = 500\nper_hour = 3\ndigest_time = "7:30"\ndigest_after_hours = 12\n'
    )
    questions = load_config(_write(tmp_path, text), environ={}).questions
    assert questions.topics == ("water", "other")
    assert (questions.max_length, questions.per_hour) == (500, 3)
    assert (questions.digest_time, questions.digest_after_hours) == (time(7, 30), 12)


def test_every_default_topic_has_a_text_in_both_languages() -> None:
    catalog = Catalog.load()
    for topic in DEFAULT_TOPICS:
        assert catalog.text("ky", f"topic-{topic}") and catalog.text("ru", f"topic-{topic}")


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
        (f'[telegram]\ntoken = "{TOKEN}"\n[questions]\ntopics = []\n', "questions.topics"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[questions]\ntopics = ["Вода"]\n', "questions.topics"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[questions]\ntopics = ["a", "a"]\n', "questions.topics"),
        (f'[telegram]\ntoken = "{TOKEN}"\n[questions]\nmax_length = 0\n', "questions.max_length"),
        (
            f'[telegram]\ntoken = "{TOKEN}"\n[questions]\nmax_length = 5000\n',
            "questions.max_length",
        ),
        (f'[telegram]\ntoken = "{TOKEN}"\n[questions]\nper_hour = "10"\n', "questions.per_hour"),
        (
            f'[telegram]\ntoken = "{TOKEN}"\n[questions]\ndigest_time = "25:00"\n',
            "questions.digest_time",
        ),
        (f'[telegram]\ntoken = "{TOKEN}"\n[questions]\ndigest_time = 9\n', "questions.digest_time"),
        (
            f'[telegram]\ntoken = "{TOKEN}"\n[questions]\ndigest_after_hours = -1\n',
            "questions.digest_after_hours",
        ),
        (f'questions = 1\n[telegram]\ntoken = "{TOKEN}"\n', "[questions] must be a table"),
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
