"""Staff create a seminar with /new: every step, its checks, the preview, restarts."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.config import Config
from bot.context import BotApplication
from bot.roles import ROLES
from bot.seminar_rules import LIMITS
from handlers.seminar_wizard import TEXT_KINDS
from handlers.seminar_wizard_views import preview_messages
from storage.seminar_drafts import SeminarDraft
from storage.seminars import Place
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.harness import FrozenClock, running_bot
from tests.seminar_steps import KYRGYZ_ANSWERS, create_seminar, press_and_wait, type_answers


async def test_kyrgyz_wizard_end_to_end(tg: FakeTelegram, app: BotApplication) -> None:
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    preview = await create_seminar(staff)
    ky, ru, summary = (message.text or "" for message in preview)
    assert ky == (
        "👁 Катышуучулар ушундай көрөт (Кыргызча):\n\n"
        "📅 Киришүү семинары\n"
        "🗓 2027-ж., 10-июль, ишемби, 09:00–17:00\n"
        "📍 Жалал-Абад, облустук мамлекеттик администрация\n"
        "Жооп берүү мөөнөтү: 2027-ж., 8-июль, бейшемби, 18:00\n\n"
        "📋 Күн тартиби:\nКүн тартиби\n\n"
        "Уюштуруучу: HELVETAS"
    )
    assert ru.startswith("👁 Так увидят участники (Русский):\n\n📅 Вводный семинар\n")
    assert "📍 Джалал-Абад, областная госадминистрация" in ru and "Программа" in ru
    assert "Чакырылган жерлер: Жалал-Абад облусу" in summary
    assert "Кызмат орундары: Айыл өкмөтүнүн башчысы" in summary
    saved = staff.message(preview[2])
    assert (saved.text or "").startswith("✅ Семинар сакталды: Киришүү семинары")
    services = app.bot_data.services
    [seminar] = await services.seminars.all_for_staff(services.clock.now())
    fields = seminar.fields
    assert fields.starts_at == datetime(2027, 7, 10, 3, 0, tzinfo=UTC)
    assert fields.ends_at == datetime(2027, 7, 10, 11, 0, tzinfo=UTC)
    assert fields.rsvp_deadline == datetime(2027, 7, 8, 12, 0, tzinfo=UTC)
    assert fields.places == (Place("jalal-abad"),) and fields.roles == ("ao_head",)
    assert (fields.capacity, fields.organiser) == (90, "HELVETAS")
    assert seminar.created_by == STAFF_ID
    assert await services.seminar_drafts.get(STAFF_ID) is None


async def test_russian_wizard_with_rayons(tg: FakeTelegram, app: BotApplication) -> None:
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/new")
    first = await staff.wait_for_message()
    assert (first.text or "").startswith("Новый семинар.")
    assert [b.text for b in first.all_buttons] == ["✖ Отмена"]  # no Back on the first step
    screen = await type_answers(staff, list(KYRGYZ_ANSWERS.values()))
    assert screen.text is not None and screen.text.startswith("Какие области")
    screen = await press_and_wait(staff, screen, "Иссык-Кульская область")
    assert "✅ Иссык-Кульская область" in [b.text for b in screen.all_buttons]
    screen = await press_and_wait(staff, screen, "Готово")
    screen = await press_and_wait(staff, screen, "Тонский")
    screen = await press_and_wait(staff, screen, "Тюпский")
    screen = await press_and_wait(staff, screen, "Тонский")  # and off again
    screen = await press_and_wait(staff, screen, "Готово")
    screen = await press_and_wait(staff, screen, "Готово")  # no role ticked: every role
    for _ in range(5):
        screen = await press_and_wait(staff, screen, "Пропустить")  # optional steps
    preview = await staff.wait_for_messages(3)
    assert (preview[1].text or "").startswith("👁 Так увидят участники (Русский):")
    assert "Приглашены: Иссык-Кульская область: Тюпский" in (preview[2].text or "")
    assert "Должности: все" in (preview[2].text or "")
    await press_and_wait(staff, preview[2], "Сохранить")
    services = app.bot_data.services
    [seminar] = await services.seminars.all_for_staff(services.clock.now())
    assert seminar.fields.places == (Place("issyk-kul", "tup"),)
    assert seminar.fields.roles == () and seminar.fields.capacity is None
    assert seminar.fields.rsvp_deadline is None and seminar.fields.description_ky == ""


async def test_each_typed_value_is_checked(tg: FakeTelegram, app: BotApplication) -> None:
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/new")
    await staff.wait_for_message()

    async def answer(typed: str) -> str:
        await staff.send(typed)
        return (await staff.wait_for_message()).text or ""

    assert (await answer("   ")).startswith("Здесь нужен текст с буквами.")
    assert (await answer("🙂 ---")).startswith("Здесь нужен текст с буквами.")
    too_long = await answer("Б" * 151)
    assert too_long.startswith("Слишком длинно (151 знак). Сократите до 150 знаков")
    assert "название семинара на кыргызском" in too_long  # the step is asked again
    await answer("Семинар")
    await answer("Семинар")
    assert (await answer("30.02.2027")).startswith("Такой даты нет в календаре.")
    assert (await answer("2027-07-10")).startswith("Напишите дату в виде ДД.ММ.ГГГГ")
    assert (await answer("28.11.2026")).startswith("Эта дата уже прошла.")
    assert "Во сколько начало?" in await answer("29.11.2026")  # today is fine...
    assert (await answer("11:00")).startswith("Это время уже прошло.")  # ...not its past
    assert (await answer("25:00")).startswith("Напишите время в виде ЧЧ:ММ")
    await answer("15:00")
    assert (await answer("14:30")).startswith("Окончание должно быть позже начала.")
    assert (await answer("15:00")).startswith("Окончание должно быть позже начала.")
    assert "Город или село на кыргызском" in await answer("16:30")
    for typed in ("Каракол", "Каракол", "Акимиат", "Акимиат"):
        await answer(typed)
    refused = await answer("Иссык-Кульская область")  # text where a button belongs
    assert refused.startswith("Пожалуйста, выберите вариант кнопкой ниже.\n\nКакие области")
    buttons = staff.messages[-1]
    await staff.press(buttons, "Готово")  # nothing ticked yet
    assert (await staff.wait_for_callback_answer()).text == "Выберите хотя бы одну область."
    screen = await press_and_wait(staff, buttons, "Бишкек")
    screen = await press_and_wait(staff, screen, "Готово")
    assert (screen.text or "").startswith("Кого приглашаем?")  # Bishkek has no rayons
    screen = await press_and_wait(staff, screen, "Готово")
    assert (await answer("0")).startswith("Напишите число мест цифрами (от 1 до 10\xa0000)")
    assert (await answer("много")).startswith("Напишите число мест")
    await answer("40")
    assert (await answer("30.11.2026 10:00")).startswith("Срок ответа должен быть до начала")
    assert (await answer("28.11.2026")).startswith("Это время уже прошло.")
    assert "Программа на кыргызском" in await answer("29.11.2026 14:00")
    too_long_agenda = await answer("а" * 1001)
    assert too_long_agenda.startswith(
        "Слишком длинно (1\xa0001 знак). Сократите до 1\xa0000 знаков"
    )
    draft = await app.bot_data.services.seminar_drafts.get(STAFF_ID)
    assert draft is not None and draft.step == "desc_ky"
    assert draft.answers["date"] == "2026-11-29" and draft.answers["end"] == "16:30"
    assert draft.answers["deadline"] == "2026-11-29T14:00:00+06:00"


async def test_back_and_cancel(tg: FakeTelegram, app: BotApplication) -> None:
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await staff.send("/new")
    await staff.wait_for_message()
    screen = await type_answers(staff, ["Семинар"])
    screen = await press_and_wait(staff, screen, "Артка")
    assert screen.text == "Семинардын аталышын кыргызча жазыңыз.\n\nАзыркысы: Семинар"
    screen = await type_answers(staff, ["Жаңы аталыш"])
    assert screen.text == "Семинардын аталышын орусча жазыңыз."
    draft = await app.bot_data.services.seminar_drafts.get(STAFF_ID)
    assert draft is not None and draft.answers == {"title_ky": "Жаңы аталыш"}
    screen = await press_and_wait(staff, screen, "Жокко чыгаруу")
    assert screen.text == "Семинар түзүү токтотулду, эч нерсе сакталган жок."
    services = app.bot_data.services
    assert await services.seminar_drafts.get(STAFF_ID) is None
    assert await services.seminars.all_for_staff(services.clock.now()) == []
    await staff.press(screen, callback_data="new:title_ru:back")
    assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."


async def test_a_restart_mid_wizard_loses_nothing(tg: FakeTelegram, config: Config) -> None:
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    async with running_bot(config, FrozenClock()):
        await staff.send("/new")
        await staff.wait_for_message()
        screen = await type_answers(staff, list(KYRGYZ_ANSWERS.values()))
        await press_and_wait(staff, screen, "Талас облусу")
    async with running_bot(config, FrozenClock()) as application:
        stale = staff.messages[-1]
        screen = await press_and_wait(staff, stale, "Даяр")  # the old buttons still work
        assert (screen.text or "").startswith("Айрым райондор гана")
        await staff.send("/new")
        resumed = await staff.wait_for_message()
        assert (resumed.text or "").startswith("Бүтпөй калган семинардан улантабыз.")
        assert "Айрым райондор гана" in (resumed.text or "")
        draft = await application.bot_data.services.seminar_drafts.get(STAFF_ID)
        assert draft is not None and draft.answers["regions"] == ["talas"]
        assert draft.answers["title_ky"] == "Киришүү семинары"


async def test_the_longest_seminar_fits_a_message(app: BotApplication) -> None:
    services = app.bot_data.services
    geography = services.geography
    longest = {
        **{step: "Ж" * LIMITS[kind] for step, kind in TEXT_KINDS.items()},
        "desc_ky": ("Күн тартиби " * 100)[: LIMITS["description"]],
        "desc_ru": ("Программа " * 100)[: LIMITS["description"]],
        "date": "2027-09-29",  # the longest weekday and month names
        "start": "09:00",
        "end": "17:00",
        "regions": [region.code for region in geography.regions],
        "rayons": [rayon.code for region in geography.regions for rayon in region.rayons],
        "roles": list(ROLES),
        "capacity": 10_000,
        "deadline": "2027-09-28T18:00:00+06:00",
    }
    draft = SeminarDraft(telegram_id=STAFF_ID, step="preview", answers=longest)
    for language in ("ky", "ru"):
        sizes = [len(body) for body, _ in preview_messages(services, language, draft, None)]
        assert max(sizes) < 2500, sizes  # «well under» Telegram's 4096
