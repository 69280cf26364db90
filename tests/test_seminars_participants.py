"""Participants' /seminars: upcoming ones, theirs first; a page each; an .ics for the calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from bot.context import BotApplication
from storage.seminars import Place, Seminar, SeminarFields
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.seminar_steps import press_and_wait
from tests.test_registration import register_kenesh_head
from tests.test_seminars_staff import KARAKOL

JALAL_ABAD = replace(
    KARAKOL,
    title_ky="Жалал-Абад семинары",
    title_ru="Семинар в Джалал-Абаде",
    starts_at=KARAKOL.starts_at + timedelta(days=3),
    ends_at=KARAKOL.ends_at + timedelta(days=3),
    city_ky="Жалал-Абад",
    city_ru="Джалал-Абад",
    description_ky="1. Биринчи фазанын жыйынтыктары\n2. Суроолор",
    description_ru="1. Итоги первой фазы\n2. Вопросы",
    organiser="HELVETAS",
    places=(Place("jalal-abad"),),
)


async def _add(app: BotApplication, fields: SeminarFields) -> Seminar:
    services = app.bot_data.services
    return await services.seminars.create(fields, created_by=STAFF_ID, now=services.clock.now())


async def test_invited_first_then_the_rest(tg: FakeTelegram, app: BotApplication) -> None:
    karakol = await _add(app, KARAKOL)  # sooner, but not for a Jalal-Abad head
    jalal_abad = await _add(app, JALAL_ABAD)
    cancelled = await _add(app, replace(KARAKOL, title_ky="Жокко чыккан"))
    await app.bot_data.services.seminars.set_status(cancelled.id, "cancelled", KARAKOL.starts_at)
    await _add(
        app,
        replace(
            JALAL_ABAD,
            title_ky="Өткөн семинар",
            starts_at=datetime(2019, 7, 10, 3, tzinfo=UTC),
            ends_at=datetime(2019, 7, 10, 11, tzinfo=UTC),
        ),
    )
    head = tg.user("Алия")
    await register_kenesh_head(head)
    await head.send("/seminars")
    listing = await head.wait_for_message()
    assert listing.text == (
        "Алдыдагы семинарлар:\n\n"
        "1. 📅 Жалал-Абад семинары\n"
        "🗓 2027-ж., 20-июль, шейшемби, 09:00–17:00\n"
        "📍 Жалал-Абад, облустук администрация\n"
        "✉️ Сиз чакырылгансыз\n\n"
        "2. 📅 Каракол семинары\n"
        "🗓 2027-ж., 17-июль, ишемби, 09:00–17:00\n"
        "📍 Каракол, облустук администрация"
    )
    assert [b.callback_data for b in listing.all_buttons] == [
        f"sem:view:{jalal_abad.id}",
        f"sem:view:{karakol.id}",
    ]
    stranger = tg.user("Бакыт", language_code="ru")
    await stranger.send("/seminars")
    theirs = await stranger.wait_for_message()
    assert (theirs.text or "").startswith("Предстоящие семинары:\n\n1. 📅 Семинар в Караколе")
    assert "Вы приглашены" not in (theirs.text or "")


async def test_detail_and_calendar_file(tg: FakeTelegram, app: BotApplication) -> None:
    seminar = await _add(app, JALAL_ABAD)
    head = tg.user("Бакыт", language_code="ru")
    await head.send("/seminars")
    listing = await head.wait_for_message()
    detail = await press_and_wait(head, listing, "1. Семинар в Джалал-Абаде")
    assert detail.text == (
        "📅 Семинар в Джалал-Абаде\n"
        "🗓 вторник, 20 июля 2027\u202fг., 09:00–17:00\n"
        "📍 Джалал-Абад, облгосадминистрация\n\n"
        "📋 Программа:\n1. Итоги первой фазы\n2. Вопросы\n\n"
        "Организатор: HELVETAS"
    )
    assert [b.text for b in detail.all_buttons] == [
        "📅 Добавить в календарь",
        "❓ Задать вопрос",
        "← Все семинары",
    ]
    await head.press(detail, "Добавить в календарь")
    document = await head.wait_for_message()
    assert document.file_name == f"seminar-{seminar.id}.ics" and document.document is not None
    assert document.text == "Семинар в Джалал-Абаде"
    [event] = Calendar.from_ical(document.document).walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2027, 7, 20, 3, 0, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2027, 7, 20, 11, 0, tzinfo=UTC)
    assert str(event["summary"]) == "Семинар в Джалал-Абаде"
    assert str(event["location"]) == "Джалал-Абад, облгосадминистрация"
    assert str(event["description"]) == "1. Итоги первой фазы\n2. Вопросы\n\nHELVETAS"
    assert str(event["uid"]) == f"seminar-{seminar.id}@seminar-bot"
    back = await press_and_wait(head, detail, "Все семинары")
    assert (back.text or "").startswith("Предстоящие семинары:")
    kyrgyz = tg.user("Алия", language_code="ky")
    await kyrgyz.send("/seminars")
    detail = await press_and_wait(kyrgyz, await kyrgyz.wait_for_message(), "1.")
    await kyrgyz.press(detail, "Календарга кошуу")
    [event] = Calendar.from_ical((await kyrgyz.wait_for_message()).document).walk("VEVENT")
    assert str(event["summary"]) == "Жалал-Абад семинары"
    assert str(event["description"]).startswith("1. Биринчи фазанын жыйынтыктары")
    assert event.decoded("dtstart") == datetime(2027, 7, 20, 3, 0, tzinfo=UTC)


async def test_staff_see_the_participant_view_too(tg: FakeTelegram, app: BotApplication) -> None:
    await _add(app, JALAL_ABAD)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await staff.send("/seminars")
    listing = await staff.wait_for_message()
    view = await press_and_wait(staff, listing, "Катышуучулар көргөндөй")
    detail = await press_and_wait(staff, view, "1. Жалал-Абад семинары")
    assert "📋 Күн тартиби:\n1. Биринчи фазанын жыйынтыктары" in (detail.text or "")


async def test_nothing_upcoming_and_bad_buttons(tg: FakeTelegram, app: BotApplication) -> None:
    head = tg.user("Алия", language_code="ky")
    await head.send("/seminars")
    empty = await head.wait_for_message()
    assert empty.text == "Азырынча алдыда семинар жок."
    cancelled = await _add(app, KARAKOL)
    await app.bot_data.services.seminars.set_status(cancelled.id, "cancelled", KARAKOL.starts_at)
    for forged in ("sem:view:999", "sem:ics:999", "sem:list:x", f"sem:ics:{cancelled.id}", "sem:x"):
        await head.press_data(empty, forged)
        assert (await head.wait_for_callback_answer()).text == "Бул баскыч эскирип калды.", forged
    await head.press_data(empty, f"sem:view:{cancelled.id}")  # an old button still opens it
    page = await head.wait_for_edit(empty)
    assert (page.text or "").startswith("❌ ЖОККО ЧЫГАРЫЛДЫ\n📅 Каракол семинары")
    assert [b.callback_data for b in page.all_buttons] == ["sem:list:0"]
