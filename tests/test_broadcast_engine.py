"""The broadcast engine through the fake Bot API: pace, failures, restarts, stop, quiet hours."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

from bot.broadcast import Outgoing
from bot.config import Config, QuietHours
from bot.context import BotApplication
from tests.broadcasting import (
    deliveries_per_chat,
    drained,
    hello,
    register_people,
    sent_at_least,
)
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock, running_bot

TEXTS = ("Салам!", "Привет!")


async def test_everyone_gets_it_once_in_their_language(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    users = await register_people(tg, services, 45)
    broadcast_id = await services.broadcasts.submit("test", hello(users))
    await drained(services, broadcast_id)
    per_chat = deliveries_per_chat(tg, TEXTS)
    assert per_chat == {u.id: 1 for u in users}
    for user in users:
        expected = "Салам!" if user.language_code == "ky" else "Привет!"
        assert [m.text for m in user.messages] == [expected]
    tally = await services.broadcast_log.tally(broadcast_id)
    assert (tally.sent, tally.total) == (45, 45)


async def test_blocked_deactivated_never_started_and_unknown_chats(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    users = await register_people(tg, services, 5)
    await users[0].block()
    users[1].deactivate()
    stranger = tg.user("Never started", user_id=77_777)
    messages = [*hello(users), Outgoing(stranger.id, "Салам!"), Outgoing(-100555, "Салам!")]
    broadcast_id = await services.broadcasts.submit("test", messages)
    await drained(services, broadcast_id)
    states = {
        d.chat_id: (d.state, d.error) for d in await services.broadcast_log.deliveries(broadcast_id)
    }
    assert states[users[0].id][0] == "unreachable"
    assert states[users[1].id][0] == "unreachable"
    assert states[stranger.id][0] == "unreachable"
    assert states[-100555] == ("failed", "Chat not found")
    assert [states[u.id][0] for u in users[2:]] == ["sent"] * 3
    for user in users[:2]:
        person = await services.people.get(user.id)
        assert person is not None and not person.reachable
    # Unreachable people are left out of the next audience until they press Start again.
    remaining = {p.telegram_id for p in await services.people.reachable_subscribers()}
    assert remaining == {u.id for u in users[2:]}


async def test_a_storm_of_429s_loses_and_repeats_nothing(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    users = await register_people(tg, services, 20)
    tg.force_429(count=6, retry_after=1)
    broadcast_id = await services.broadcasts.submit("test", hello(users))
    await drained(services, broadcast_id)
    assert deliveries_per_chat(tg, TEXTS) == {u.id: 1 for u in users}
    assert tg.count_429 == 6


async def test_network_errors_are_retried(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    users = await register_people(tg, services, 6)
    tg.fail_next("sendMessage", count=3, status=502)
    broadcast_id = await services.broadcasts.submit("test", hello(users))
    await drained(services, broadcast_id)
    assert deliveries_per_chat(tg, TEXTS) == {u.id: 1 for u in users}


async def test_same_key_submits_once(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    users = await register_people(tg, services, 3)
    first = await services.broadcasts.submit("reminder", hello(users), key="reminder:1:24h")
    second = await services.broadcasts.submit("reminder", hello(users), key="reminder:1:24h")
    assert first == second
    await drained(services, first)
    assert deliveries_per_chat(tg, TEXTS) == {u.id: 1 for u in users}


async def test_restart_mid_broadcast_resumes_without_repeats(
    tg: FakeTelegram, config: Config
) -> None:
    clock = FrozenClock()
    async with running_bot(config, clock) as application:
        services = application.bot_data.services
        users = await register_people(tg, services, 60)
        broadcast_id = await services.broadcasts.submit("test", hello(users))
        await sent_at_least(tg, TEXTS, 15)
    sent_before = len(deliveries_per_chat(tg, TEXTS))
    assert sent_before < 60
    async with running_bot(config, clock) as application:
        services = application.bot_data.services
        await drained(services, broadcast_id)
        tally = await services.broadcast_log.tally(broadcast_id)
    assert deliveries_per_chat(tg, TEXTS) == {u.id: 1 for u in users}
    assert (tally.sent, tally.failed) == (60, 0)


async def test_a_crash_leaves_at_most_the_sends_in_flight_in_doubt(
    tg: FakeTelegram, config: Config
) -> None:
    clock = FrozenClock()
    async with running_bot(config, clock) as application:
        services = application.bot_data.services
        await services.broadcasts.stop()  # the sender is down, as after a crash
        users = await register_people(tg, services, 12)
        broadcast_id = await services.broadcasts.submit("test", hello(users))
        # A crash between "claimed" and "sent": three rows stay marked as being sent.
        claimed = await services.broadcast_log.claim([broadcast_id], 3)
    async with running_bot(config, clock) as application:
        services = application.bot_data.services
        await drained(services, broadcast_id)
        states = {d.chat_id: d for d in await services.broadcast_log.deliveries(broadcast_id)}
    in_doubt = {d.chat_id for d in claimed}
    assert {c for c, d in states.items() if d.state == "failed"} == in_doubt
    assert all(states[c].error == "interrupted: delivery unknown" for c in in_doubt)
    assert deliveries_per_chat(tg, TEXTS) == {u.id: 1 for u in users if u.id not in in_doubt}


async def test_progress_stop_and_summary_of_the_unreached(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    staff = (await register_people(tg, services, 1, role="project_staff", first_id=STAFF_ID))[0]
    await services.people.set_language(STAFF_ID, "ru", datetime.now(UTC))
    users = await register_people(tg, services, 80)
    await users[0].block()
    broadcast_id = await services.broadcasts.submit("test", hello(users), created_by=STAFF_ID)
    progress = await staff.wait_for_message()
    assert (progress.text or "").startswith("📤 Отправка: 0 из 80")
    await sent_at_least(tg, TEXTS, 10)
    await staff.press(progress, "Остановить")
    final = await staff.wait_for_edit(progress, timeout=15)
    while not (final.text or "").startswith("⏹"):
        final = await staff.wait_for_edit(final, timeout=15)
    tally = await services.broadcast_log.tally(broadcast_id)
    assert tally.stopped > 0 and tally.sent + tally.unreachable + tally.stopped == 80
    assert f"доставлено {tally.sent} из 80" in (final.text or "")
    assert final.buttons == []
    summary = await staff.wait_for_message()
    assert "Не получили сообщение" in (summary.text or "")
    assert "Джалал-Абадская область, Сузакский" in (summary.text or "")
    assert "Person10000 — заблокировал бота" in (summary.text or "")
    sent_after_stop = len(deliveries_per_chat(tg, TEXTS))
    await asyncio.sleep(0.5)
    assert len(deliveries_per_chat(tg, TEXTS)) == sent_after_stop


async def test_only_staff_can_stop(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID, started=True)
    users = await register_people(tg, services, 40)
    broadcast_id = await services.broadcasts.submit("test", hello(users), created_by=STAFF_ID)
    progress = await staff.wait_for_message()
    intruder = users[1]
    await intruder.press_data(progress, f"bc:stop:{broadcast_id}")
    answer = await intruder.wait_for_callback_answer()
    assert answer.text == "Бул аракет долбоордун кызматкерлери үчүн гана."
    await drained(services, broadcast_id)
    assert (await services.broadcast_log.tally(broadcast_id)).sent == 40


async def test_quiet_hours_wait_for_the_morning(tg: FakeTelegram, config: Config) -> None:
    quiet = replace(config.broadcast, quiet_hours=QuietHours(time(21, 0), time(8, 0)))
    config = replace(config, broadcast=quiet)
    evening = datetime(2026, 11, 29, 16, 30, tzinfo=UTC)  # 22:30 in Bishkek
    clock = FrozenClock(evening)
    async with running_bot(config, clock) as application:
        services = application.bot_data.services
        staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID, started=True)
        users = await register_people(tg, services, 5)
        broadcast_id = await services.broadcasts.submit("test", hello(users), created_by=STAFF_ID)
        progress = await staff.wait_for_message()
        assert "Тынч саат. Жөнөтүү саат 08:00 башталат." in (progress.text or "")
        urgent = await services.broadcasts.submit(
            "cancelled", [Outgoing(users[0].id, "Жокко чыгарылды")], urgent=True
        )
        await drained(services, urgent)
        await asyncio.sleep(1.0)
        assert deliveries_per_chat(tg, TEXTS) == {}
        clock.advance(timedelta(hours=10))  # 08:30
        await drained(services, broadcast_id)
    assert deliveries_per_chat(tg, TEXTS) == {u.id: 1 for u in users}


async def test_replies_go_ahead_of_a_broadcast(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    users = await register_people(tg, services, 150)
    asker = tg.user("Асылбек", language_code="ky")
    broadcast_id = await services.broadcasts.submit("test", hello(users))
    await sent_at_least(tg, TEXTS, 20)
    await asker.send("/help")
    reply = await asker.wait_for_message(timeout=10)
    assert "Буйруктар" in (reply.text or "")
    # The answer came while the broadcast was still far from done.
    position = next(
        i
        for i, m in enumerate(tg.sent_messages)
        if m.message_id == reply.message_id and m.chat_id == asker.id
    )
    broadcast_before = sum(1 for m in tg.sent_messages[:position] if m.text in TEXTS)
    assert broadcast_before < 150
    await drained(services, broadcast_id, timeout=60)
