"""The real `seminar-bot` command, run as a subprocess against the fake Bot API server."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.fake_telegram import FakeTelegram, FakeUser
from tests.harness import config_toml, make_config
from tests.test_registration import press_and_wait

EXAMPLE_CONFIG = (Path(__file__).resolve().parent.parent / "config.example.toml").read_text("utf-8")


def _command() -> list[str]:
    script = Path(sys.executable).parent / "seminar-bot"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


async def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        *_command(),
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    return process.returncode or 0, output.decode()


@asynccontextmanager
async def bot_process(config_path: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    """`seminar-bot run --config …`, stopped with SIGINT like Ctrl+C."""
    env = {key: value for key, value in os.environ.items() if key != "SEMINAR_BOT_TOKEN"}
    process = await asyncio.create_subprocess_exec(
        *_command(),
        "run",
        "--config",
        str(config_path),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env=env,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.wait(), timeout=20)
            except TimeoutError:
                process.kill()
                await process.wait()


async def _walk(user: FakeUser, buttons: list[str], name: str, skip: str, confirm: str) -> str:
    await user.send("/start")
    screen = await user.wait_for_message(timeout=30)
    for button in buttons:
        screen = await press_and_wait(user, screen, button)
    await user.send(name)
    await user.wait_for_message()
    await user.send(skip)
    await user.wait_for_message()
    summary = await user.wait_for_message()
    done = await press_and_wait(user, summary, confirm)
    return done.text or ""


async def test_the_real_process_registers_in_both_languages(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    config_path.write_text(config_toml(config), "utf-8")
    kyrgyz = tg.user("Алия", language_code="ky")
    russian = tg.user("Бакыт", language_code="ru")
    async with bot_process(config_path) as process:
        done = await _walk(
            kyrgyz,
            ["Кыргызча", "Айыл өкмөтүнүн башчысы", "Жалал-Абад облусу", "Сузак"],
            "Кеңеш",
            "Өткөрүп жиберүү",
            "Ырастоо",
        )
        assert done.startswith("Катталдыңыз!")
        done = await _walk(
            russian,
            ["Русский", "Глава айыл окмоту", "Иссык-Кульская область", "Тюпский"],
            "Сары-Булак",
            "Пропустить",
            "Подтвердить",
        )
        assert done.startswith("Готово, вы зарегистрированы!")
    assert process.returncode == 0
    with sqlite3.connect(config.storage.path) as db:
        rows = db.execute(
            "SELECT p.language, p.rayon_code, o.name FROM people p"
            " JOIN organisations o ON o.id = p.organisation_id ORDER BY p.telegram_id"
        ).fetchall()
    assert rows == [("ky", "suzak", "Кеңеш"), ("ru", "tup", "Сары-Булак")]


async def test_no_token_stops_with_instructions(tmp_path: Path) -> None:
    config_path = tmp_path / "config.toml"
    config_path.write_text(EXAMPLE_CONFIG, "utf-8")
    env = {"SEMINAR_BOT_TOKEN": ""}
    code, output = await _run("run", "--config", str(config_path), env=env)
    assert code == 2
    assert "@BotFather" in output and "config.toml" in output and "SEMINAR_BOT_TOKEN" in output
    assert "Traceback" not in output and len(output.strip().splitlines()) <= 4


async def test_malformed_token_and_bad_value(tmp_path: Path) -> None:
    config_path = tmp_path / "config.toml"
    config_path.write_text('[telegram]\ntoken = "12345"\n')
    code, output = await _run("run", "--config", str(config_path), env={"SEMINAR_BOT_TOKEN": ""})
    assert code == 2 and "does not look like a bot token" in output and "Traceback" not in output
    config_path.write_text(
        '[telegram]\ntoken = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"\n[bot]\ntimezone = "X/Y"\n'
    )
    code, output = await _run("run", "--config", str(config_path), env={"SEMINAR_BOT_TOKEN": ""})
    assert code == 2 and "bot.timezone" in output and "Traceback" not in output


async def test_check_command(tg: FakeTelegram, tmp_path: Path) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    config_path.write_text(config_toml(config), "utf-8")
    code, output = await _run("check", "--config", str(config_path), env={"SEMINAR_BOT_TOKEN": ""})
    assert code == 0, output
    assert "OK: bot @seminar_test_bot" in output
    assert config.storage.path.exists()


async def test_a_revoked_token_is_reported_without_traceback(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    text = config_toml(config).replace(tg.token, "999999:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
    config_path.write_text(text, "utf-8")
    code, output = await _run("check", "--config", str(config_path), env={"SEMINAR_BOT_TOKEN": ""})
    assert code == 2 and "refused the token" in output and "Traceback" not in output
