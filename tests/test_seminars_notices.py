"""People who were told of a seminar hear when it moves or is cancelled, in their language."""

from __future__ import annotations

from bot.context import BotApplication
from bot.services import Services
from tests.broadcasting import drained, register_people
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from tests.seminar_steps import press_and_wait, type_answers
from tests.test_seminars_staff import KARAKOL


async def _broadcast(services: Services, kind: str) -> int:
    row = await services.db.fetch_one("SELECT id FROM broadcasts WHERE kind = ?", (kind,))
    assert row is not None, f"no {kind} broadcast"
    return int(row["id"])


async def _edit(staff: FakeUser, part: str, answers: list[str]) -> list[FakeMessage]:
    await staff.send("/seminars")
    await staff.press(await staff.wait_for_message(), "✏️ 1")
    picker = await staff.wait_for_message()
    await press_and_wait(staff, picker, part)
    await type_answers(staff, answers[:-1])
    await staff.send(answers[-1])
    preview = await staff.wait_for_messages(3)
    await press_and_wait(staff, preview[2], "Сактоо")
    return preview


async def test_a_moved_announced_seminar_offers_a_notice(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    invited = await register_people(tg, services, 3, region="issyk-kul", rayon="ton")
    others = await register_people(tg, services, 2, first_id=20_000)
    seminar = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=services.clock.now())
    await services.seminars.mark_announced(seminar.id, services.clock.now())
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await _edit(staff, "Күнү жана убактысы", ["18.07.2027", "10:00", "13:00"])
    offer = await staff.wait_for_message()
    assert offer.text == (
        "Бул семинар жарыяланган, анын күнү, убактысы же жери өзгөрдү. "
        "Чакырылган 3 адамга кабарлайлыбы?"
    )
    queued = await press_and_wait(staff, offer, "Ооба, кабарлоо")
    assert queued.text == "Кабар 3 адамга жөнөтүлөт."
    await drained(services, await _broadcast(services, "seminar-changed"))
    for user in invited:
        [notice] = [m for m in user.messages if m.from_bot]
        if user.language_code == "ky":
            assert (notice.text or "").startswith("✏️ Семинардын күнү, убактысы же жери өзгөрдү.")
            assert "🗓 2027-ж., 18-июль, жекшемби, 10:00–13:00" in (notice.text or "")
        else:
            assert (notice.text or "").startswith("✏️ Изменились дата, время или место")
            assert "10:00–13:00" in (notice.text or "")
        assert [b.callback_data for b in notice.all_buttons] == [f"sem:view:{seminar.id}"]
    assert all(not user.messages for user in others)
    await staff.press_data(queued, f"semadm:notify:{seminar.id}:1")  # forged version
    assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    rows = await services.db.fetch_all("SELECT id FROM broadcasts")
    assert len(rows) == 1


async def test_no_offer_for_a_title_or_an_unannounced_seminar(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    await register_people(tg, services, 2, region="issyk-kul", rayon="ton")
    seminar = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=services.clock.now())
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await _edit(staff, "Шаары жана жайы", ["Чолпон-Ата", "Чолпон-Ата", "Рух Ордо", "Рух Ордо"])
    await services.seminars.mark_announced(seminar.id, services.clock.now())
    await _edit(staff, "Аталышы", ["Жаңы аталыш", "Новое название"])
    await staff.send("/help")
    assert "/new" in ((await staff.wait_for_message()).text or "")  # no offer came before it
    assert await services.db.fetch_all("SELECT id FROM broadcasts") == []


async def test_cancelling_tells_everyone_invited(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    invited = await register_people(tg, services, 3, region="issyk-kul", rayon="tup")
    others = await register_people(tg, services, 2, first_id=20_000)
    seminar = await services.seminars.create(KARAKOL, created_by=STAFF_ID, now=services.clock.now())
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/seminars")
    await staff.press(await staff.wait_for_message(), "✖️ 1")
    question = await staff.wait_for_message()
    done = await press_and_wait(staff, question, "Да, отменить")
    assert done.text == "❌ Семинар отменён: Семинар в Караколе\nУведомление получат 3 человека."
    await drained(services, await _broadcast(services, "seminar-cancelled"))
    for user in invited:
        [notice] = [m for m in user.messages if m.from_bot]
        expected = (
            "Кечиресиз, бул семинар болбойт.\n\n❌ ЖОККО ЧЫГАРЫЛДЫ\n📅 Каракол семинары"
            if user.language_code == "ky"
            else "К сожалению, этот семинар не состоится.\n\n❌ ОТМЕНЁН\n📅 Семинар в Караколе"
        )
        assert (notice.text or "").startswith(expected)
    assert all(not user.messages for user in others)
    assert (await services.seminars.get(seminar.id)).is_cancelled  # type: ignore[union-attr]
