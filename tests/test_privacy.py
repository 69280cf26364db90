"""/mydata, /forget and retention: nothing personal is left, counts stay right."""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from bot.broadcast import Outgoing
from bot.config import Config, PrivacyConfig
from bot.context import BotApplication
from bot.retention import forget_inactive, months_before
from storage.broadcast_drafts import BroadcastDraft
from tests.broadcasting import drained
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram, FakeUser
from tests.harness import FrozenClock, running_bot
from tests.test_registration import register_kenesh_head

FIRST, LAST, USERNAME, PHONE = "Жаркынай", "Токтосунова", "zharkynai_t", "996700123456"


def _personal_bytes(path: Path) -> list[str]:
    """Which of the person's name, surname, username and phone appear in the file's bytes."""
    found = []
    for file in (path, path.with_name(path.name + "-wal")):
        data = file.read_bytes() if file.exists() else b""
        found += [word for word in (FIRST, LAST, USERNAME, PHONE) if word.encode() in data]
    return found


def _rows_mentioning(path: Path, telegram_id: int) -> list[tuple[str, str]]:
    """(table, column) pairs where some row holds the Telegram id."""
    found = []
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for column in [row[1] for row in db.execute(f"PRAGMA table_info({table})")]:
                hits = db.execute(
                    f'SELECT COUNT(*) FROM "{table}" WHERE "{column}" = ?', (telegram_id,)
                ).fetchone()[0]
                if hits:
                    found.append((table, column))
    return found


async def _zharkynai(tg: FakeTelegram) -> FakeUser:
    user = tg.user(FIRST, LAST, username=USERNAME, language_code="ky")
    await register_kenesh_head(user)
    return user


async def _someone_else(tg: FakeTelegram, app: BotApplication, name: str) -> FakeUser:
    """Another head of Kenesh, with a phone of their own."""
    user = tg.user(name)
    await register_kenesh_head(user)
    await app.bot_data.services.db.execute(
        "UPDATE people SET phone = '+996555000111' WHERE telegram_id = ?", (user.id,)
    )
    return user


async def test_mydata_sends_everything_held(tg: FakeTelegram, app: BotApplication) -> None:
    user = await _zharkynai(tg)
    await user.send("/mydata")
    summary = await user.wait_for_message()
    text = summary.text or ""
    assert f"Аты-жөнү: {FIRST} {LAST}" in text and f"@{USERNAME}" in text
    assert "Телефон: +996700123456" in text and "Район: Сузак району" in text
    assert "Семинар кабарларын аласыз." in text
    file = await user.wait_for_message()
    assert file.file_name == "mydata.json" and file.document is not None
    held = json.loads(file.document)
    assert held["telegram_id"] == user.id
    assert held["registration"]["phone"] == "+996700123456"
    assert held["registration"]["first_name"] == FIRST


async def test_mydata_and_forget_for_a_stranger(tg: FakeTelegram, app: BotApplication) -> None:
    stranger = tg.user("Бакыт", language_code="ru")
    await stranger.send("/mydata")
    assert (await stranger.wait_for_message()).text == "Бот ничего о вас не хранит."
    await stranger.send("/forget")
    assert (await stranger.wait_for_message()).text == "Бот ничего о вас не хранит."


async def test_forget_leaves_no_personal_data_in_the_file(
    tg: FakeTelegram, app: BotApplication, config_path: Path
) -> None:
    services = app.bot_data.services
    other = await _someone_else(tg, app, "Алия")
    user = await _zharkynai(tg)
    # A personal greeting went out through the broadcast outbox.
    broadcast_id = await services.broadcasts.submit(
        "test", [Outgoing(user.id, f"Салам, {FIRST}!"), Outgoing(other.id, "Салам!")]
    )
    await drained(services, broadcast_id)
    await user.wait_for_message()
    await services.db.checkpoint()
    assert set(_personal_bytes(config_path)) == {FIRST, LAST, USERNAME, PHONE}
    await user.send("/forget")
    ask = await user.wait_for_message()
    assert "артка кайтаруу мүмкүн эмес" in (ask.text or "")
    await user.press(ask, "Жок, калтыруу")
    assert (await user.wait_for_edit(ask)).text == "Эч нерсе өчүрүлгөн жок."
    assert await services.people.get(user.id) is not None

    await user.send("/forget")
    ask = await user.wait_for_message()
    await user.press(ask, "Ооба, өчүрүү")
    done = await user.wait_for_edit(ask)
    assert (done.text or "").startswith("Сиздин маалыматыңыз өчүрүлдү.")
    assert await services.people.get(user.id) is None
    assert _personal_bytes(config_path) == []
    assert _rows_mentioning(config_path, user.id) == []
    # The registration still counts, under a pseudonym: two heads registered in Suzak.
    rows = await services.db.fetch_all(
        "SELECT telegram_id, role, first_name, phone, subscribed FROM people"
        " WHERE rayon_code = 'suzak' ORDER BY telegram_id"
    )
    assert len(rows) == 2
    assert tuple(rows[0]) == (-1, "ao_head", "", None, 0)
    assert [p.telegram_id for p in await services.people.reachable_subscribers()] == [other.id]
    assert [p.telegram_id for p in await services.people.all()] == [other.id]
    tally = await services.broadcast_log.tally(broadcast_id)
    assert tally.sent == 2  # the delivery still counts, under the pseudonym
    # The other person is untouched; the old confirmation button is now outdated.
    assert (await services.people.get(other.id)) is not None
    await user.press_data(ask, "forget:yes")
    assert (await user.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."


async def test_forged_forget_button_changes_nothing(tg: FakeTelegram, app: BotApplication) -> None:
    user = await _zharkynai(tg)
    await user.send("/forget")
    ask = await user.wait_for_message()
    await user.press_data(ask, "forget:everyone")
    assert (await user.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    # Someone else pressing under a copy of the message forgets only themselves: nothing here.
    stranger = tg.user("Бакыт")
    await stranger.press_data(ask, "forget:yes")
    assert (await stranger.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    assert await app.bot_data.services.people.get(user.id) is not None


async def test_staff_who_forgets_keeps_their_links_working(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    now = services.clock.now()
    await services.invitations.create("abc", "naryn", None, None, STAFF_ID, now)
    await services.broadcast_drafts.save(
        BroadcastDraft(STAFF_ID, "text", "text", text_ky="Салам, Жалал-Абад!"), now
    )
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/mydata")
    await staff.wait_for_message()
    held = json.loads((await staff.wait_for_message()).document or b"")
    assert held["invitations_created"][0]["code"] == "abc"
    assert held["broadcast_in_progress"]["text_ky"] == "Салам, Жалал-Абад!"
    await staff.send("/forget")
    ask = await staff.wait_for_message()
    await staff.press(ask, "Да, удалить")
    assert (await staff.wait_for_edit(ask)).text == (
        "Ваши данные удалены. Зарегистрироваться снова: /start"
    )
    invitation = await services.invitations.get("abc")
    assert invitation is not None and invitation.created_by < 0
    assert await services.broadcast_drafts.get(STAFF_ID) is None


async def test_last_seen_is_written_at_most_hourly(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = app.bot_data.services
    user = await _zharkynai(tg)

    async def last_seen() -> str:
        row = await services.db.fetch_one(
            "SELECT last_seen_at FROM people WHERE telegram_id = ?", (user.id,)
        )
        assert row is not None
        return str(row[0])

    first = await last_seen()
    clock.advance(timedelta(minutes=30))
    await user.send("/help")
    await user.wait_for_message()
    assert await last_seen() == first
    clock.advance(timedelta(hours=2))
    await user.send("/help")
    await user.wait_for_message()
    assert await last_seen() > first


async def test_inactive_people_are_forgotten(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock, config_path: Path
) -> None:
    services = app.bot_data.services
    gone = await _zharkynai(tg)
    clock.advance(timedelta(days=365))
    active = await _someone_else(tg, app, "Алия")
    # Aliya opens /settings and leaves it: a stale draft of a registered, active person.
    await active.send("/settings")
    await active.wait_for_message()
    stalled = tg.user("Бакыт")
    await stalled.send("/start")
    await stalled.wait_for_message()
    assert await forget_inactive(services) == 0
    clock.advance(timedelta(days=366))
    await active.send("/help")
    await active.wait_for_message()
    # Exactly 24 months since Zharkynai's last visit: not yet.
    assert await forget_inactive(services) == 0
    # Over 24 months for Zharkynai and for Bakyt's unfinished registration; Aliya came last year.
    clock.advance(timedelta(days=367))
    assert await forget_inactive(services) == 2
    assert await services.people.get(gone.id) is None
    assert await services.drafts.get(stalled.id) is None
    assert await services.people.get(active.id) is not None
    assert _personal_bytes(config_path) == []
    reasons = await services.db.fetch_all("SELECT reason FROM pseudonyms")
    assert [row[0] for row in reasons] == ["inactive", "inactive"]


async def test_retention_zero_keeps_everyone(
    tg: FakeTelegram, config: Config, clock: FrozenClock
) -> None:
    never = replace(config, privacy=PrivacyConfig(forget_inactive_after_months=0))
    async with running_bot(never, clock) as app:
        services = app.bot_data.services
        user = await _zharkynai(tg)
        clock.advance(timedelta(days=3650))
        assert await forget_inactive(services) == 0
        assert await services.people.get(user.id) is not None
        assert app.job_queue is not None
        names = {job.name for job in app.job_queue.jobs()}
        assert "daily-backup" in names and "retention" not in names


def test_months_before() -> None:
    clock = FrozenClock()
    moment = clock.now().replace(month=3, day=31)
    assert months_before(moment, 1).date().isoformat() == "2026-02-28"
    assert months_before(moment, 24).date().isoformat() == "2024-03-31"
    assert months_before(moment, 13).date().isoformat() == "2025-02-28"


async def test_no_personal_text_is_logged_at_info(
    tg: FakeTelegram, app: BotApplication, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        user = await _zharkynai(tg)
        await user.send("/mydata")
        await user.wait_for_messages(2)
    logged = caplog.text
    assert logged  # something was logged
    for word in (FIRST, LAST, USERNAME, PHONE, "Кеңеш"):
        assert word not in logged
