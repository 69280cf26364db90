"""Errors reach staff, briefly and rate-limited; log lines carry ids, never personal text."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from telegram import Update
from telegram.ext import CommandHandler

from bot.config import Config
from bot.context import BotContext
from bot.error_notice import ErrorNotice
from bot.logs import (
    ContextFilter,
    JsonFormatter,
    LoggedUpdates,
    PlainFormatter,
    seminar_of_button,
    set_seminar,
    set_update_context,
)
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock, running_bot


async def _boom(update: Update, context: BotContext) -> None:
    raise ZeroDivisionError("the secret text " + (update.effective_message.text or ""))  # type: ignore[union-attr]


async def test_staff_hear_of_errors_at_most_every_ten_minutes(
    tg: FakeTelegram, config: Config, clock: FrozenClock
) -> None:
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/help")  # staff opened the bot, so it may write to them
    user = tg.user("Алия", language_code="ru")
    async with running_bot(config, clock) as app:
        await staff.wait_for_message()
        app.add_handler(CommandHandler("boom", _boom), group=-2)
        for _ in range(3):
            await user.send("/boom Жаркынай +996700123456")
            # The error answer, then group 0's answer to a command it does not know.
            answers = await user.wait_for_messages(2)
            assert answers[0].text == "Произошла ошибка. Попробуйте ещё раз чуть позже."
        clock.advance(timedelta(minutes=11))
        await user.send("/boom again")
        await user.wait_for_messages(2)
    notices = [m.text or "" for m in staff.messages if "⚠️" in (m.text or "")]
    assert len(notices) == 2
    # The first admin never registered: the default language.
    assert notices[0].startswith("⚠️ Ботто ката: ZeroDivisionError (жаңыртуу ")
    assert notices[0].endswith("Толугу логдо.")
    assert "Мындан мурун дагы 2 ката болду." in notices[1]
    assert all("Жаркынай" not in n and "996700123456" not in n for n in notices)


async def test_errors_go_to_the_staff_group_when_there_is_one(
    tg: FakeTelegram, config: Config, clock: FrozenClock
) -> None:
    staff = tg.user("Staff", user_id=STAFF_ID)
    group = tg.group("Staff room")
    await group.add_bot(staff)
    with_group = replace(config, bot=replace(config.bot, staff_chat_id=group.id))
    async with running_bot(with_group, clock) as app:
        app.add_handler(CommandHandler("boom", _boom), group=-2)
        user = tg.user("Алия")
        await user.send("/boom")
        await user.wait_for_messages(2)
        notice = await group.wait_for_message()
    assert (notice.text or "").startswith("⚠️ Ботто ката: ZeroDivisionError")


def test_error_notice_counts_what_it_holds_back() -> None:
    start = datetime(2026, 11, 29, tzinfo=UTC)
    notice = ErrorNotice(timedelta(minutes=10))
    assert notice.due(start) == 0
    assert notice.due(start + timedelta(minutes=1)) is None
    assert notice.due(start + timedelta(minutes=9)) is None
    assert notice.due(start + timedelta(minutes=10)) == 2
    assert ErrorNotice(timedelta(0)).due(start) is None


def _record(message: str) -> logging.LogRecord:
    record = logging.LogRecord("handlers.x", logging.INFO, __file__, 1, message, (), None)
    ContextFilter().filter(record)
    return record


async def test_log_lines_carry_update_user_and_seminar() -> None:
    update = Update.de_json(
        {
            "update_id": 41,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": 7, "type": "private"},
                "from": {"id": 7, "is_bot": False, "first_name": "Жаркынай"},
                "text": "hello",
            },
        },
        None,
    )
    lines: list[str] = []

    async def handling() -> None:
        set_seminar(3)
        lines.append(JsonFormatter().format(_record("rsvp saved")))
        lines.append(PlainFormatter().format(_record("rsvp saved")))

    await LoggedUpdates(1).do_process_update(update, handling())
    entry = json.loads(lines[0])
    assert (entry["level"], entry["message"]) == ("INFO", "rsvp saved")
    assert (entry["update_id"], entry["user_id"], entry["seminar_id"]) == (41, 7, 3)
    assert lines[1].endswith("INFO handlers.x [update=41 user=7 seminar=3]: rsvp saved")
    assert "Жаркынай" not in lines[0] + lines[1]
    # After the update, lines carry no stale ids.
    assert PlainFormatter().format(_record("x")).endswith("INFO handlers.x: x")
    set_update_context(42, None)
    assert "[update=42]" in PlainFormatter().format(_record("x"))
    try:
        raise ValueError("boom")
    except ValueError:
        record = _record("failed")
        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    assert "\n" not in line and "ValueError: boom" in json.loads(line)["exception"]


async def test_a_button_press_names_its_seminar_in_the_log() -> None:
    update = Update.de_json(
        {
            "update_id": 51,
            "callback_query": {
                "id": "q1",
                "chat_instance": "c",
                "from": {"id": 9, "is_bot": False, "first_name": "Алия"},
                "data": "rsvp:y:12",
            },
        },
        None,
    )
    lines: list[str] = []

    async def handling() -> None:
        lines.append(PlainFormatter().format(_record("rsvp saved")))

    await LoggedUpdates(1).do_process_update(update, handling())
    assert "[update=51 user=9 seminar=12]" in lines[0]


@pytest.mark.parametrize(
    ("data", "seminar"),
    [
        ("rsvp:y:12", 12),
        ("fb:r:3:5", 3),
        ("semadm:edit:4", 4),
        ("semadm:page:2", None),
        ("sem:list:1", None),
        ("q:answer:7", None),
        ("ann:start:8", 8),
        (None, None),
    ],
)
def test_which_buttons_name_a_seminar(data: str | None, seminar: int | None) -> None:
    assert seminar_of_button(data) == seminar
