"""Check-in on the day (QR deep link, typed code, by staff, walk-ins) and the survey after."""

from __future__ import annotations

from datetime import timedelta

from bot.context import BotApplication
from bot.reminders import run_due
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock
from tests.rsvp_helpers import create_seminar, deliver_announcement, register


async def test_checkin_by_qr_code_and_typed_code(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    await staff.send("/rsvps")
    picker = await staff.wait_for_message()
    await staff.press(picker, "Киришүү семинары")
    overview = await staff.wait_for_edit(picker)
    await staff.press(overview, "QR-код")
    qr = await staff.wait_for_message()
    assert qr.photo is not None and qr.photo.startswith(b"\x89PNG\r\n\x1a\n")
    settings = await services.attendance.settings(seminar.id)
    assert settings.checkin_token and settings.checkin_code
    link = f"https://t.me/seminar_test_bot?start=checkin-{settings.checkin_token}"
    assert link in (qr.text or "") and settings.checkin_code in (qr.text or "")
    # A second press shows the same code: printed posters stay valid.
    await staff.press(overview, "QR-код")
    again = await staff.wait_for_message()
    assert settings.checkin_code in (again.text or "")

    head = tg.user("Алия", started=True)
    await register(services, head)
    deep_link = f"/start checkin-{settings.checkin_token}"
    await head.send(deep_link)
    assert "семинар күнү ачылат" in ((await head.wait_for_message()).text or "")
    clock.current = seminar.fields.starts_at - timedelta(hours=2)  # 07:00 on the day
    await head.send(deep_link)
    greeting = (await head.wait_for_message()).text or ""
    assert greeting == "Кош келиңиз, Алия! Сиз «Киришүү семинары» семинарында белгилендиңиз."
    await head.send(deep_link)
    assert "белгиленгенсиз" in ((await head.wait_for_message()).text or "")

    deputy = tg.user("Бакыт", language_code="ru", started=True)
    await register(services, deputy, language="ru")
    wrong = "000000" if settings.checkin_code != "000000" else "111111"
    await deputy.send(wrong)
    assert "Такого кода нет" in ((await deputy.wait_for_message()).text or "")
    await deputy.send("/start checkin-forged")
    assert "Такого кода нет" in ((await deputy.wait_for_message()).text or "")
    await deputy.send(f" {settings.checkin_code} ")
    assert (await deputy.wait_for_message()).text == (
        "Добро пожаловать, Бакыт! Вы отмечены на семинаре «Вводный семинар»."
    )
    await deputy.send("/checkin 12")
    assert "шести цифр" in ((await deputy.wait_for_message()).text or "")

    stranger = tg.user("Незнакомец", language_code="ru", started=True)
    await stranger.send(deep_link)
    assert "зарегистрируйтесь" in ((await stranger.wait_for_message()).text or "")

    clock.current = seminar.fields.ends_at + timedelta(days=1)
    late = tg.user("Опоздавший", language_code="ru", started=True)
    await register(services, late, language="ru")
    await late.send(f"/checkin {settings.checkin_code}")
    assert "Семинар уже прошёл" in ((await late.wait_for_message()).text or "")
    checked = {c.telegram_id for c in await services.attendance.checkins(seminar.id)}
    assert checked == {head.id, deputy.id}


async def test_staff_checks_in_by_name_and_counts_walk_ins(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    head = tg.user("Алия", started=True)
    await register(services, head)
    await services.rsvps.answer(seminar.id, head.id, "yes", 1, services.clock.now())
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    await staff.send("/rsvps")
    picker = await staff.wait_for_message()
    await staff.press(picker, "Киришүү семинары")
    overview = await staff.wait_for_edit(picker)
    await staff.press(overview, "Аты боюнча")
    listing = await staff.wait_for_edit(overview)
    assert "Келди: 0" in (listing.text or "") and "калды: 1" in (listing.text or "")
    await staff.press(listing, "Алия")
    listing = await staff.wait_for_edit(listing)
    assert "Келди: 1" in (listing.text or "") and "Алия" not in [
        b.text for b in listing.all_buttons
    ]
    await staff.press(listing, "Артка")
    overview = await staff.wait_for_edit(listing)
    for button in ("Telegram'сыз келди", "Telegram'сыз келди", "Бирөөнү алып салуу"):
        await staff.press(staff.message(overview), button)
        await staff.wait_for_callback_answer()
    assert (await services.attendance.settings(seminar.id)).walk_ins == 1
    assert staff.last_callback_answer and staff.last_callback_answer.text == "Telegram'сыз: 1"
    await staff.press(staff.message(overview), "Жаңылоо")
    overview = await staff.wait_for_edit(overview)
    text = overview.text or ""
    assert "Келди: жазылган 1 кишиден 1, Telegram'сыз: 1" in text
    assert "Райондор боюнча келгендер: Сузак району 1" in text
    checkin = (await services.attendance.checkins(seminar.id))[0]
    assert checkin.checked_in_by == STAFF_ID
    await staff.press_data(overview, f"chk:p:{seminar.id}:424242:0")
    assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."


async def test_survey_after_the_seminar(
    tg: FakeTelegram, app: BotApplication, clock: FrozenClock
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    came, absent = tg.user("Алия", started=True), tg.user("Бакыт", started=True)
    for user in (came, absent):
        await register(services, user)
        await services.rsvps.answer(seminar.id, user.id, "yes", 1, clock.now())
    clock.current = seminar.fields.starts_at
    await services.attendance.check_in(seminar.id, came.id, None, clock.now())
    assert await run_due(services) == 0
    clock.current = seminar.fields.ends_at + timedelta(minutes=1)
    assert await run_due(services) == 1
    assert await run_due(services) == 0
    survey = await came.wait_for_message()
    assert "1ден (жаман) 5ке" in (survey.text or "")
    assert [b.text for b in survey.buttons[0]] == ["1", "2", "3", "4", "5"]
    assert absent.messages == []
    for forged in (f"fb:r:{seminar.id}:6", f"fb:x:{seminar.id}", "fb:r:999:5"):
        await came.press_data(survey, forged)
        assert (await came.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    # Someone not checked in forges a rating from another message: refused.
    await absent.press_data(
        deliver_announcement(tg, services, absent, seminar, "ky"), f"fb:r:{seminar.id}:5"
    )
    assert (await absent.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    await came.press(survey, "4")
    asked = await came.wait_for_edit(survey)
    assert "Сиздин баа: 4" in (asked.text or "")
    await came.send("Кызматташуу боюнча көбүрөөк убакыт керек")
    assert (await came.wait_for_message()).text == "Пикириңиз үчүн рахмат!"
    feedback = await services.feedback.for_seminar(seminar.id)
    assert [(f.rating, f.comment, f.awaiting_comment) for f in feedback] == [
        (4, "Кызматташуу боюнча көбүрөөк убакыт керек", False)
    ]
    # Text after the comment is no longer taken as one.
    await came.send("салам")
    assert "Түшүнгөн жокмун" in ((await came.wait_for_message()).text or "")
    # Nor is text days after a rating whose comment never came.
    await services.feedback.rate(seminar.id, came.id, 5, clock.now())
    clock.advance(timedelta(days=2))
    await came.send("Суроо бар")
    assert "Түшүнгөн жокмун" in ((await came.wait_for_message()).text or "")
    [rating] = await services.feedback.for_seminar(seminar.id)
    assert rating.comment == "Кызматташуу боюнча көбүрөөк убакыт керек"
    other = tg.user("Гүлнара", started=True)
    await register(services, other)
    await services.attendance.check_in(seminar.id, other.id, None, clock.now())
    await services.feedback.rate(seminar.id, other.id, 3, clock.now())
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    await staff.send("/rsvps")
    picker = await staff.wait_for_message()
    await staff.press(picker, "Киришүү семинары")
    overview = await staff.wait_for_edit(picker)
    assert "Баа: 4.0 (жооп: 2) · 5★ 1, 4★ 0, 3★ 1, 2★ 0, 1★ 0" in (overview.text or "")
    await staff.press(overview, "Тизме")
    listing = (await staff.wait_for_message()).text or ""
    assert "— Кызматташуу боюнча көбүрөөк убакыт керек" in listing
