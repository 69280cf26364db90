"""Staff announce seminars and broadcast texts to the audience they choose."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.context import BotApplication
from bot.services import Services
from storage.seminars import Place, Seminar, SeminarFields
from tests.broadcasting import drained, register_people
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser

START = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
JALAL_ABAD = SeminarFields(
    title_ky="Жалал-Абад семинары",
    title_ru="Семинар в Джалал-Абаде",
    starts_at=START,
    ends_at=START + timedelta(hours=8),
    city_ky="Жалал-Абад",
    city_ru="Джалал-Абад",
    venue_ky="облустук администрация",
    venue_ru="облгосадминистрация",
    places=(Place("jalal-abad"),),
    roles=("ao_head", "ao_deputy", "state_agency"),
)
KARAKOL = replace(
    JALAL_ABAD,
    title_ky="Каракол семинары",
    title_ru="Семинар в Караколе",
    starts_at=START + timedelta(days=7),
    ends_at=START + timedelta(days=7, hours=8),
    city_ky="Каракол",
    city_ru="Каракол",
    places=(Place("issyk-kul"),),
)


async def _staff(tg: FakeTelegram, services: Services) -> FakeUser:
    [staff] = await register_people(
        tg, services, 1, region=None, rayon=None, role="project_staff", first_id=STAFF_ID
    )
    return staff


async def _audience_screen(staff: FakeUser, seminar: Seminar) -> FakeMessage:
    """Press «Announce» (the seminars list renders it with this data)."""
    anchor = staff.messages[-1] if staff.messages else None
    if anchor is None:
        await staff.send("/help")
        anchor = await staff.wait_for_message()
    await staff.press_data(anchor, f"ann:start:{seminar.id}")
    return await staff.wait_for_message()


async def _press(user: FakeUser, message: FakeMessage, button: str) -> FakeMessage:
    await user.press(message, button)
    return await user.wait_for_edit(message)


@pytest.fixture
async def people(tg: FakeTelegram, app: BotApplication) -> dict[str, list[FakeUser]]:
    services = app.bot_data.services
    return {
        "jalal-abad": await register_people(tg, services, 6, region="jalal-abad", rayon="suzak"),
        "issyk-kul": await register_people(
            tg, services, 6, region="issyk-kul", rayon="ton", first_id=20_000
        ),
        "agency": await register_people(
            tg, services, 1, region=None, rayon=None, role="state_agency", first_id=30_000
        ),
    }


async def test_karakol_goes_to_issyk_kul_heads_only(
    tg: FakeTelegram, app: BotApplication, people: dict[str, list[FakeUser]]
) -> None:
    services = app.bot_data.services
    await services.seminars.create(JALAL_ABAD, created_by=STAFF_ID, now=START)
    karakol = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=START)
    staff = await _staff(tg, services)
    screen = await _audience_screen(staff, karakol)
    assert "Алуучулар: 7 (кыргызча 5, орусча 2)" in (screen.text or "")
    await staff.press(screen, "Алдын ала көрүү")
    previews = await staff.wait_for_messages(5)
    assert previews[0].text == "Алдын ала көрүү — Кыргызча (5 адам):"
    assert (previews[1].text or "").startswith(
        "📣 Сизди семинарга чакырабыз!\n\n📅 Каракол семинары"
    )
    assert previews[2].text == "Алдын ала көрүү — Русский (2 адам):"
    assert "📅 Семинар в Караколе" in (previews[3].text or "")
    await _press(staff, previews[4], "7 адамга жөнөтүү")
    broadcast = (await services.broadcast_log.recent(1))[0]
    await drained(services, broadcast.id)
    invited = people["issyk-kul"] + people["agency"]
    for user in invited:
        [received] = user.messages
        title = "Каракол семинары" if user.language_code == "ky" else "Семинар в Караколе"
        assert title in (received.text or "")
        assert received.buttons[0][0].callback_data == f"sem:view:{karakol.id}"
    assert all(user.messages == [] for user in people["jalal-abad"])
    assert (await services.seminars.get(karakol.id)).announced_at is not None  # type: ignore[union-attr]


async def test_adjusting_the_audience(
    tg: FakeTelegram, app: BotApplication, people: dict[str, list[FakeUser]]
) -> None:
    services = app.bot_data.services
    karakol = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=START)
    staff = await _staff(tg, services)
    screen = await _audience_screen(staff, karakol)
    screen = await _press(staff, screen, "Тилдер")
    screen = await _press(staff, screen, "Русский")
    screen = await _press(staff, screen, "Даяр")
    assert "Алуучулар: 2 (кыргызча 0, орусча 2)" in (screen.text or "")
    screen = await _press(staff, screen, "Бардык жазылуучулар")
    assert "Алуучулар: 14" in (screen.text or "")  # everyone, staff included
    screen = await _press(staff, screen, "Жерлер")
    screen = await _press(staff, screen, "Жалал-Абад облусу: райондор")
    screen = await _press(staff, screen, "Сузак")
    assert "✅ Сузак" in [b.text for b in screen.all_buttons]
    screen = await _press(staff, screen, "Даяр")
    screen = await _press(staff, screen, "Даяр")
    assert "Жер: Сузак" in (screen.text or "")
    assert "Алуучулар: 6" in (screen.text or "")
    screen = await _press(staff, screen, "Кызмат орундары")
    screen = await _press(staff, screen, "Райондук мамлекеттик администрация")
    screen = await _press(staff, screen, "Даяр")
    assert "Алуучулар: 0" in (screen.text or "")
    await staff.press(screen, "Алдын ала көрүү")
    assert (await staff.wait_for_callback_answer()).text == (
        "Бул тандоого эч ким туура келбейт. Алуучуларды өзгөртүңүз."
    )


async def test_free_text_broadcast_in_two_languages(
    tg: FakeTelegram, app: BotApplication, people: dict[str, list[FakeUser]]
) -> None:
    services = app.bot_data.services
    staff = await _staff(tg, services)
    await staff.send("/broadcast")
    assert (await staff.wait_for_message()).text == (
        "Кыргызча текстти жазыңыз (же бардыгы үчүн бир текст)."
    )
    await staff.send("Эртең семинар болот.")
    await staff.wait_for_message()
    await staff.send("Завтра семинар.")
    screen = await staff.wait_for_message()
    assert "Алуучулар: 14" in (screen.text or "")
    await staff.press(screen, "Алдын ала көрүү")
    previews = await staff.wait_for_messages(5)
    assert previews[1].text == "Эртең семинар болот." and previews[3].text == "Завтра семинар."
    await staff.press(previews[4], "14 адамга жөнөтүү")
    await staff.press(previews[4], "14 адамга жөнөтүү")  # a double press sends nothing more
    await staff.wait_for_callback_answer()
    broadcasts = await services.broadcast_log.recent(5)
    assert len(broadcasts) == 1
    await drained(services, broadcasts[0].id)
    for user in people["issyk-kul"]:
        expected = "Эртең семинар болот." if user.language_code == "ky" else "Завтра семинар."
        assert [m.text for m in user.messages] == [expected]


async def test_same_text_for_everyone_and_a_text_too_long(
    tg: FakeTelegram, app: BotApplication, people: dict[str, list[FakeUser]]
) -> None:
    services = app.bot_data.services
    staff = await _staff(tg, services)
    await staff.send("/broadcast")
    await staff.wait_for_message()
    await staff.send("Я" * 4097)
    ask_russian = await staff.wait_for_message()
    screen = await _press(staff, ask_russian, "Баарына ушул эле текст")
    refused = await _press(staff, screen, "Алдын ала көрүү")
    assert (refused.text or "").startswith(
        # Numbers are grouped the Kyrgyz way, with a no-break space.
        "Текст өтө узун: 4\xa0097 белги. Telegram 4\xa0096 белгиге чейин уруксат берет."
    )
    assert await services.broadcast_log.recent(5) == []
    await staff.send("Салам баарына!")
    await staff.wait_for_message()
    ask_russian = staff.messages[-1]
    screen = await _press(staff, ask_russian, "Баарына ушул эле текст")
    await staff.press(screen, "Алдын ала көрүү")
    previews = await staff.wait_for_messages(5)
    assert previews[1].text == previews[3].text == "Салам баарына!"


async def test_cancel(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    karakol = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=START)
    staff = await _staff(tg, services)
    screen = await _audience_screen(staff, karakol)
    cancelled = await _press(staff, screen, "Жокко чыгаруу")
    assert cancelled.text == "Жөнөтүү жокко чыгарылды."
    assert await services.broadcast_drafts.get(STAFF_ID) is None


async def test_non_staff_cannot_announce_or_broadcast(
    tg: FakeTelegram, app: BotApplication, people: dict[str, list[FakeUser]]
) -> None:
    services = app.bot_data.services
    karakol = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=START)
    head = people["issyk-kul"][0]
    await head.send("/broadcast")
    refusal = await head.wait_for_message()
    assert refusal.text == "Бул аракет долбоордун кызматкерлери үчүн гана."
    for forged in (f"ann:start:{karakol.id}", "ann:send", "ann:all", "ann:preview", "ann:x"):
        await head.press_data(refusal, forged)
        answer = await head.wait_for_callback_answer()
        assert answer.text == "Бул аракет долбоордун кызматкерлери үчүн гана."
    assert await services.broadcast_drafts.get(head.id) is None
    assert await services.broadcast_log.recent(5) == []


async def test_stale_buttons_after_sending(
    tg: FakeTelegram, app: BotApplication, people: dict[str, list[FakeUser]]
) -> None:
    services = app.bot_data.services
    karakol = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=START)
    staff = await _staff(tg, services)
    screen = await _audience_screen(staff, karakol)
    await staff.press_data(screen, "ann:pl:atlantis")
    assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    await staff.press_data(screen, "ann:send")  # not previewed yet
    assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    assert await services.broadcast_log.recent(5) == []
