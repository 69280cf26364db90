"""The real process: webhook mode with its secret token, and SIGTERM losing nothing."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sqlite3
from pathlib import Path

import aiohttp

from storage.broadcasts import BroadcastRepository
from storage.database import Database
from storage.people import PersonRepository, Profile
from tests.broadcasting import REGISTERED_AT, deliveries_per_chat, sent_at_least
from tests.fake_telegram import FakeTelegram, FakeUser
from tests.harness import config_toml, make_config
from tests.test_command import _run, bot_process

SECRET = "webhook-secret_0123456789abcdef"
HOOK_PATH = "telegram/hook-7f3a"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _take_update(tg: FakeTelegram) -> dict[str, object]:
    """The update Telegram would deliver to the webhook (the fake queued it for getUpdates)."""
    return tg.state.updates.pop()[1]


async def _post(port: int, update: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"http://127.0.0.1:{port}/{HOOK_PATH}", data=json.dumps(update), headers=headers
        ) as response,
    ):
        return response.status


async def _wait_for_line(process: asyncio.subprocess.Process, text: str) -> str:
    assert process.stdout is not None
    seen = []
    while True:
        line = (await asyncio.wait_for(process.stdout.readline(), timeout=30)).decode()
        assert line, "the bot ended before saying: " + text + "\n" + "".join(seen)
        seen.append(line)
        if text in line:
            return "".join(seen)


async def test_webhook_answers_signed_updates_only(tg: FakeTelegram, tmp_path: Path) -> None:
    config = make_config(tg, tmp_path)
    port = _free_port()
    config_path = tmp_path / "config.toml"
    config_path.write_text(
        config_toml(config)
        + f'[webhook]\nurl = "https://bot.example.org/{HOOK_PATH}"\nlisten = "127.0.0.1"\n'
        f'port = {port}\nsecret_token = "{SECRET}"\n',
        "utf-8",
    )
    user = tg.user("Бакыт", language_code="ru")
    async with bot_process(config_path) as process:
        await _wait_for_line(process, "Application started")
        registered = await tg.state.wait_for(lambda: tg.calls_to("setWebhook") or None, 30)
        assert registered, "the bot never called setWebhook"
        params = registered[-1].params
        assert params["url"] == f"https://bot.example.org/{HOOK_PATH}"
        assert params["secret_token"] == SECRET
        assert not tg.calls_to("getUpdates")

        await user.send("/help")
        update = _take_update(tg)
        assert await _post(port, update, None) == 403
        assert await _post(port, update, "not-the-secret") == 403
        await user.send("/language")
        forged = _take_update(tg)
        assert await _post(port, forged, SECRET[:-1]) == 403
        assert await _post(port, update, SECRET) == 200
        answer = await user.wait_for_message(timeout=20)
        assert (answer.text or "").startswith("Команды:")
        await asyncio.sleep(0.5)  # nothing else may arrive: the refused updates did nothing
        assert [m.text for m in user.messages] == [answer.text]
    assert process.returncode == 0


async def test_sigterm_mid_traffic_loses_nothing(tg: FakeTelegram, tmp_path: Path) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    config_path.write_text(config_toml(config), "utf-8")
    first = tg.user("Алия", language_code="ru")
    crowd = [tg.user(f"Участник {n}", language_code="ru") for n in range(25)]

    def answered(user: FakeUser) -> int:
        return len([m for m in user.messages if "Выберите язык" in (m.text or "")])

    async with bot_process(config_path) as process:
        await first.send("/start")
        await first.wait_for_message(timeout=30)
        for user in crowd:
            await user.send("/start")
        await tg.state.wait_for(lambda: any(answered(u) for u in crowd) or None, 30)
        process.send_signal(signal.SIGTERM)
        output = await asyncio.wait_for(process.communicate(), timeout=30)
        assert process.returncode == 0, output[0].decode()
    log = output[0].decode()
    assert "database closed" in log and "Traceback" not in log
    with sqlite3.connect(config.storage.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        drafts = {row[0] for row in db.execute("SELECT telegram_id FROM registration_drafts")}
    # Every /start answered was saved; the rest stayed with Telegram, unconfirmed.
    done = {u.id for u in crowd if answered(u)}
    pending = {int(u[1]["message"]["from"]["id"]) for u in tg.state.updates}
    assert first.id in drafts and done <= drafts
    assert done | pending == {u.id for u in crowd}
    # The next start answers what was left, once each.
    async with bot_process(config_path):
        await tg.state.wait_for(lambda: all(answered(u) for u in crowd) or None, 30)
    assert [answered(u) for u in crowd] == [1] * len(crowd)


async def test_sigterm_mid_broadcast_loses_nothing(tg: FakeTelegram, tmp_path: Path) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    config_path.write_text(config_toml(config), "utf-8")
    # A broadcast already in the outbox: the real process starts sending it at once.
    db = await Database.open(config.storage.path)
    await db.migrate()
    people = PersonRepository(db)
    users = []
    for number in range(150):
        user = tg.user(f"Person{number}", language_code="ky", started=True)
        await people.save(_profile(user.id), REGISTERED_AT)
        users.append(user)
    broadcast_id, _ = await BroadcastRepository(db).create(
        kind="test",
        key=None,
        seminar_id=None,
        created_by=None,
        urgent=False,
        recipients=[(u.id, "Салам!", None) for u in users],
        now=REGISTERED_AT,
    )
    await db.close()

    async with bot_process(config_path) as process:
        await sent_at_least(tg, ("Салам!",), 20)
        process.send_signal(signal.SIGTERM)
        output = await asyncio.wait_for(process.communicate(), timeout=30)
    log = output[0].decode()
    assert process.returncode == 0, log
    assert "database closed" in log and "Traceback" not in log
    received = deliveries_per_chat(tg, ("Салам!",))
    assert 20 <= len(received) < len(users), "SIGTERM came after the broadcast ended"
    with sqlite3.connect(config.storage.path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        states = dict(
            check.execute(
                "SELECT chat_id, state FROM broadcast_recipients WHERE broadcast_id = ?",
                (broadcast_id,),
            ).fetchall()
        )
    # Sends on the wire finished and were recorded; the rest wait, none in doubt.
    assert {chat for chat, state in states.items() if state == "sent"} == set(received)
    assert set(states.values()) == {"sent", "pending"}
    async with bot_process(config_path):
        await sent_at_least(tg, ("Салам!",), len(users))
    assert deliveries_per_chat(tg, ("Салам!",)) == {u.id: 1 for u in users}


def _profile(telegram_id: int) -> Profile:
    return Profile(
        telegram_id=telegram_id,
        first_name="Person",
        last_name=None,
        username=None,
        language="ky",
        role="ao_head",
        region_code="jalal-abad",
        rayon_code="suzak",
        organisation_id=None,
        phone=None,
        invitation_code=None,
    )


async def test_backup_and_restore_commands(tg: FakeTelegram, tmp_path: Path) -> None:
    config = make_config(tg, tmp_path)
    config_path = tmp_path / "config.toml"
    config_path.write_text(config_toml(config) + '[backup]\nfolder = "copies"\nkeep = 2\n')
    env = {"SEMINAR_BOT_TOKEN": ""}
    code, output = await _run("check", "--config", str(config_path), env=env)
    assert code == 0, output
    for _ in range(3):
        code, output = await _run("backup", "--config", str(config_path), env=env)
        assert code == 0 and "Backup written:" in output, output
        await asyncio.sleep(1.1)  # backup names are stamped to the second
    copies = sorted((tmp_path / "copies").glob("seminar-bot-*.sqlite3"))
    assert len(copies) == 2
    code, output = await _run("restore", str(copies[0]), "--config", str(config_path), env=env)
    assert code == 0 and "Restored" in output, output
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("nothing")
    code, output = await _run("restore", str(junk), "--config", str(config_path), env=env)
    assert code == 2 and "not an SQLite database" in output and "Traceback" not in output
