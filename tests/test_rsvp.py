"""Participants answer a seminar: party size, confirmation, changes, waitlist, deadline."""

from __future__ import annotations

from datetime import timedelta

from bot.context import BotApplication
from bot.services import Services
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from tests.harness import FrozenClock
from tests.rsvp_helpers import create_seminar, deliver_announcement, register


def services_of(app: BotApplication) -> Services:
    return app.bot_data.services


async def answer(user: FakeUser, message: FakeMessage, *buttons: str) -> FakeMessage:
    """Press buttons one after another on the same message; return it as last edited."""
    for button in buttons:
        message = user.message(message)
        await user.press(message, button)
        message = await user.wait_for_edit(message)
    return message


async def test_coming_with_a_deputy_then_changing_the_answer(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = services_of(app)
    seminar = await create_seminar(services)
    head = tg.user("Алия", started=True)
    await register(services, head)
    announcement = deliver_announcement(tg, services, head, seminar, "ky")
    await head.press(announcement, "Келем")
    asked = await head.wait_for_edit(announcement)
    assert "Айыл өкмөтүңүздөн канча киши келет?" in (asked.text or "")
    assert [b.text for b in asked.buttons[0]] == ["1", "2"]
    await head.press(asked, "Артка")
    back = await head.wait_for_edit(asked)
    assert "Сиз азырынча жооп бере элексиз." in (back.text or "")
    await head.press(back, "Келем")
    asked = await head.wait_for_edit(back)
    confirmed = await answer(head, asked, "2")
    text = confirmed.text or ""
    assert "✅ Сиз келесиз: айыл өкмөтүңүздөн 2 киши." in text
    assert "Жалал-Абад, облустук администрация" in text and "09:00–17:00" in text
    assert (await head.wait_for_callback_answer()).text == "Жооп сакталды."
    changed = await answer(head, confirmed, "Келе албайм")
    assert "❌ Жообуңуз: келе албайсыз." in (changed.text or "")
    rows = await services.rsvps.for_seminar(seminar.id)
    assert [(r.telegram_id, r.answer, r.party) for r in rows] == [(head.id, "no", 1)]
    assert await services.rsvps.seats_taken(seminar.id) == 0


async def test_russian_confirmation_and_my(tg: FakeTelegram, app: BotApplication) -> None:
    services = services_of(app)
    seminar = await create_seminar(services, max_party=1)
    bakyt = tg.user("Бакыт", language_code="ru", started=True)
    await register(services, bakyt, language="ru")
    announcement = deliver_announcement(tg, services, bakyt, seminar, "ru")
    confirmed = await answer(bakyt, announcement, "Приду")
    assert "✅ Вы придёте." in (confirmed.text or "")
    assert "Джалал-Абад, областная администрация" in (confirmed.text or "")
    await bakyt.send("/my")
    mine = await bakyt.wait_for_message()
    assert "Вводный семинар" in (mine.text or "") and "✅ Вы придёте." in (mine.text or "")
    maybe = await answer(bakyt, mine, "Может быть")
    assert "🤔 Ваш ответ: может быть." in (maybe.text or "")


async def test_my_without_seminars_and_unregistered(tg: FakeTelegram, app: BotApplication) -> None:
    services = services_of(app)
    stranger = tg.user("Странник", language_code="ru")
    await stranger.send("/my")
    assert (await stranger.wait_for_message()).text == "Сначала зарегистрируйтесь: /start"
    head = tg.user("Алия", started=True)
    await register(services, head)
    await head.send("/my")
    assert (await head.wait_for_message()).text == "Сиз үчүн азырынча алдыдагы семинар жок."


async def test_double_press_changes_nothing(tg: FakeTelegram, app: BotApplication) -> None:
    services = services_of(app)
    seminar = await create_seminar(services, capacity=5, max_party=1)
    head = tg.user("Алия", started=True)
    await register(services, head)
    announcement = deliver_announcement(tg, services, head, seminar, "ky")
    first = await head.press(announcement, "Келем")
    second = await head.press(announcement, "Келем")
    await head.wait_for_callback_answer(first)
    await head.wait_for_callback_answer(second)
    rows = await services.rsvps.for_seminar(seminar.id)
    assert [(r.answer, r.party, r.seated) for r in rows] == [("yes", 1, True)]
    assert await services.rsvps.seats_taken(seminar.id) == 1
    assert len(tg.calls_to("editMessageText")) == 1


async def test_waitlist_and_promotion_including_a_party_that_does_not_fit(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = services_of(app)
    seminar = await create_seminar(services, capacity=3, max_party=2)
    users = [tg.user(name, started=True) for name in ("Айбек", "Бермет", "Чолпон", "Дамир")]
    messages = []
    for user in users:
        await register(services, user)
        messages.append(deliver_announcement(tg, services, user, seminar, "ky"))
    aibek, bermet, cholpon, damir = users
    await answer(aibek, messages[0], "Келем", "2")
    await answer(bermet, messages[1], "Келем", "1")
    waiting = await answer(cholpon, messages[2], "Келем", "2")
    assert "күтүү тизмесинде 1-орундасыз" in (waiting.text or "")
    alert = await cholpon.wait_for_callback_answer()
    assert alert.show_alert and "1-орундасыз" in (alert.text or "")
    await answer(damir, messages[3], "Келем", "1")
    # Bermet's one seat frees: Cholpon's party of two does not fit, Damir's of one does.
    await answer(bermet, messages[1], "Келе албайм")
    promoted = await damir.wait_for_message()
    assert "Орун бошоду" in (promoted.text or "") and "✅ Сиз келесиз." in (promoted.text or "")
    cholpon_rsvp = await services.rsvps.get(seminar.id, cholpon.id)
    assert cholpon_rsvp is not None and cholpon_rsvp.waiting
    assert await services.rsvps.waitlist_place(cholpon_rsvp) == 1
    # Aibek comes alone after all: one more seat, still not two.
    await answer(aibek, messages[0], "Келем", "1")
    assert (await services.rsvps.get(seminar.id, cholpon.id)).waiting  # type: ignore[union-attr]
    # Aibek cancels: two seats free, Cholpon moves up.
    await answer(aibek, messages[0], "Келе албайм")
    promoted = await cholpon.wait_for_message()
    assert "айыл өкмөтүңүздөн 2 киши" in (promoted.text or "")
    assert await services.rsvps.seats_taken(seminar.id) == 3


async def test_growing_a_party_beyond_free_seats_is_refused(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = services_of(app)
    seminar = await create_seminar(services, capacity=2, max_party=3)
    head, other = tg.user("Алия", started=True), tg.user("Бакыт", started=True)
    for user in (head, other):
        await register(services, user)
    mine = await answer(head, deliver_announcement(tg, services, head, seminar, "ky"), "Келем", "1")
    await answer(other, deliver_announcement(tg, services, other, seminar, "ky"), "Келем", "1")
    await head.press(mine, "Келем")
    asked = await head.wait_for_edit(mine)
    await head.press(asked, "3")
    refused = await head.wait_for_callback_answer()
    assert refused.show_alert and "Бош орун: 0" in (refused.text or "")
    rsvp = await services.rsvps.get(seminar.id, head.id)
    assert rsvp is not None and (rsvp.party, rsvp.seated) == (1, True)


async def test_deadline_refuses_new_yes_but_takes_no_until_staff_reopen(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = services_of(app)
    seminar = await create_seminar(
        services, max_party=1, rsvp_deadline=clock.now() + timedelta(hours=1)
    )
    head = tg.user("Алия", started=True)
    await register(services, head)
    announcement = deliver_announcement(tg, services, head, seminar, "ky")
    clock.advance(timedelta(hours=2))
    await head.press(announcement, "Келем")
    refused = await head.wait_for_callback_answer()
    assert refused.show_alert and "жазылуу жабылды" in (refused.text or "")
    assert await services.rsvps.get(seminar.id, head.id) is None
    declined = await answer(head, announcement, "Келе албайм")
    assert "келе албайсыз" in (declined.text or "")
    await services.attendance.set_reopened(seminar.id, True)
    accepted = await answer(head, declined, "Келем")
    assert "✅ Сиз келесиз." in (accepted.text or "")


async def test_after_the_start_answers_are_closed(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = services_of(app)
    seminar = await create_seminar(services, max_party=1)
    head = tg.user("Алия", started=True)
    await register(services, head)
    announcement = deliver_announcement(tg, services, head, seminar, "ky")
    clock.current = seminar.fields.starts_at + timedelta(minutes=5)
    await head.press(announcement, "Келе албайм")
    assert "башталып калды" in ((await head.wait_for_callback_answer()).text or "")
    assert await services.rsvps.get(seminar.id, head.id) is None


async def test_bad_presses_change_nothing(tg: FakeTelegram, app: BotApplication) -> None:
    services = services_of(app)
    seminar = await create_seminar(services, max_party=2)
    head = tg.user("Алия", started=True)
    announcement = deliver_announcement(tg, services, head, seminar, "ky")
    await head.press(announcement, "Келем")
    assert "Адегенде катталыңыз" in ((await head.wait_for_callback_answer()).text or "")
    await register(services, head)
    for forged in (f"rsvp:p:{seminar.id}:3", f"rsvp:p:{seminar.id}:x", "rsvp:y:999", "rsvp:q:1"):
        await head.press_data(announcement, forged)
        assert (await head.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    outsider = tg.user("Нурлан", started=True)
    await register(services, outsider, region="issyk-kul", rayon="ton")
    theirs = deliver_announcement(tg, services, outsider, seminar, "ky")
    await outsider.press(theirs, "Келем")
    assert "башка райондор" in ((await outsider.wait_for_callback_answer()).text or "")
    await services.seminars.set_status(seminar.id, "cancelled", services.clock.now())
    await head.press(announcement, "Балким")
    assert "жокко чыгарылды" in ((await head.wait_for_callback_answer()).text or "")
    assert await services.rsvps.for_seminar(seminar.id) == []


async def test_answering_a_real_announcement(tg: FakeTelegram, app: BotApplication) -> None:
    services = services_of(app)
    seminar = await create_seminar(services, max_party=1)
    head = tg.user("Алия", started=True)
    await register(services, head)
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    await staff.send("/help")
    anchor = await staff.wait_for_message()
    await staff.press_data(anchor, f"ann:start:{seminar.id}")
    screen = await staff.wait_for_message()
    await staff.press(screen, "Алдын ала көрүү")
    previews = await staff.wait_for_messages(3)
    await staff.press(previews[-1], "1 адамга жөнөтүү")
    announcement = await head.wait_for_message(timeout=15)
    assert [b.text for b in announcement.buttons[1]] == ["✅ Келем", "🤔 Балким", "❌ Келе албайм"]
    confirmed = await answer(head, announcement, "Келем")
    assert "✅ Сиз келесиз." in (confirmed.text or "")
    assert (await services.rsvps.get(seminar.id, head.id)) is not None
