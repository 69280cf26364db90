"""Staff's /seminars: the list, editing a part, cancelling; nobody else can do any of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.context import BotApplication
from storage.seminars import Place, Seminar, SeminarFields
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.seminar_steps import press_and_wait, type_answers
from tests.test_registration import register_kenesh_head

KARAKOL = SeminarFields(
    title_ky="Каракол семинары",
    title_ru="Семинар в Караколе",
    starts_at=datetime(2027, 7, 17, 3, 0, tzinfo=UTC),
    ends_at=datetime(2027, 7, 17, 11, 0, tzinfo=UTC),
    city_ky="Каракол",
    city_ru="Каракол",
    venue_ky="облустук администрация",
    venue_ru="облгосадминистрация",
    places=(Place("issyk-kul"),),
    roles=("ao_head",),
)


async def _add(app: BotApplication, fields: SeminarFields = KARAKOL) -> Seminar:
    services = app.bot_data.services
    return await services.seminars.create(fields, created_by=STAFF_ID, now=services.clock.now())


async def test_staff_list_with_actions_and_pages(tg: FakeTelegram, app: BotApplication) -> None:
    past = await _add(
        app,
        replace(
            KARAKOL,
            title_ky="Жалал-Абад 2019",
            starts_at=datetime(2019, 7, 10, 3, 0, tzinfo=UTC),
            ends_at=datetime(2019, 7, 10, 11, 0, tzinfo=UTC),
        ),
    )
    later = [
        await _add(
            app,
            replace(
                KARAKOL,
                starts_at=KARAKOL.starts_at + timedelta(days=day),
                ends_at=KARAKOL.ends_at + timedelta(days=day),
            ),
        )
        for day in range(7)
    ]
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await staff.send("/seminars")
    first = await staff.wait_for_message()
    lines = (first.text or "").splitlines()
    assert lines[0] == "Семинарлар (1/2-бет):"
    assert lines[1] == "1. 🗓 17.07.2027 09:00 · Каракол · Каракол семинары"
    assert [b.callback_data for b in first.buttons[0]] == [
        f"semadm:edit:{later[0].id}",
        f"ann:start:{later[0].id}",
        f"semadm:cancel:{later[0].id}",
    ]
    second = await press_and_wait(staff, first, "▶")
    assert "8. 🕘 10.07.2019 09:00 · Каракол · Жалал-Абад 2019" in (second.text or "")
    assert [b.callback_data for b in second.buttons[1]] == [f"semadm:edit:{past.id}"]
    participants = await press_and_wait(staff, second, "Катышуучулар көргөндөй")
    assert (participants.text or "").startswith("Алдыдагы семинарлар:")


async def test_edit_the_time_of_a_seminar(tg: FakeTelegram, app: BotApplication) -> None:
    seminar = await _add(app)
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/seminars")
    listing = await staff.wait_for_message()
    await staff.press(listing, "✏️ 1")
    picker = await staff.wait_for_message()
    assert picker.text == "Что изменить?"
    screen = await press_and_wait(staff, picker, "Дата и время")
    assert screen.text == (
        "Дата семинара? Напишите в виде ДД.ММ.ГГГГ, например: 10.07.2027.\n\nСейчас: 17.07.2027"
    )
    await type_answers(staff, ["18.07.2027", "10:00"])
    await staff.send("12:30")
    preview = await staff.wait_for_messages(3)
    assert "🗓 воскресенье, 18 июля 2027\u202fг., 10:00–12:30" in (preview[1].text or "")
    assert "Семинар в Караколе" in (preview[1].text or "")
    services = app.bot_data.services
    unchanged = await services.seminars.get(seminar.id)
    assert unchanged == seminar  # nothing saved before Save
    saved = await press_and_wait(staff, preview[2], "Сохранить")
    assert saved.text == "✅ Изменения сохранены: Семинар в Караколе."
    edited = await services.seminars.get(seminar.id)
    assert edited is not None
    assert edited.fields == replace(
        KARAKOL,
        starts_at=datetime(2027, 7, 18, 4, 0, tzinfo=UTC),
        ends_at=datetime(2027, 7, 18, 6, 30, tzinfo=UTC),
    )


async def test_edit_back_from_a_part_returns_to_the_preview(
    tg: FakeTelegram, app: BotApplication
) -> None:
    seminar = await _add(app)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await staff.send("/seminars")
    await staff.press(await staff.wait_for_message(), "✏️ 1")
    picker = await staff.wait_for_message()
    screen = await press_and_wait(staff, picker, "Кимдер чакырылат")
    assert "✅ Ысык-Көл облусу" in [b.text for b in screen.all_buttons]
    screen = await press_and_wait(staff, screen, "Артка")
    preview = await staff.wait_for_messages(3)
    summary = await press_and_wait(staff, preview[2], "Жокко чыгаруу")
    assert summary.text == "Өзгөртүүлөр сакталган жок."
    assert await app.bot_data.services.seminars.get(seminar.id) == seminar


async def test_cancel_asks_first(tg: FakeTelegram, app: BotApplication) -> None:
    seminar = await _add(app)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await staff.send("/seminars")
    listing = await staff.wait_for_message()
    await staff.press(listing, "✖️ 1")
    question = await staff.wait_for_message()
    assert (question.text or "").startswith("Бул семинарды жокко чыгарасызбы?\n\n📅 Каракол")
    kept = await press_and_wait(staff, question, "Жок, калтыруу")
    assert kept.text == "Семинар өзгөргөн жок."
    services = app.bot_data.services
    assert (await services.seminars.get(seminar.id)).status == "scheduled"  # type: ignore[union-attr]
    await staff.press(listing, "✖️ 1")
    question = await staff.wait_for_message()
    done = await press_and_wait(staff, question, "Ооба, жокко чыгаруу")
    assert (
        done.text
        == "❌ Семинар жокко чыгарылды: Каракол семинары\nЧакырылган 0 адамга кабар жөнөтүлөт."
    )
    assert (await services.seminars.get(seminar.id)).status == "cancelled"  # type: ignore[union-attr]
    await staff.press_data(question, f"semadm:cancelok:{seminar.id}")  # a second press
    assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    await staff.send("/seminars")
    listing = await staff.wait_for_message()
    assert "❌" in (listing.text or "")
    assert [b.callback_data for b in listing.buttons[0]] == [f"semadm:edit:{seminar.id}"]


async def test_outsiders_cannot_touch_seminars(tg: FakeTelegram, app: BotApplication) -> None:
    seminar = await _add(app)
    services = app.bot_data.services
    head = tg.user("Алия")
    await register_kenesh_head(head)
    await head.send("/new")
    assert (await head.wait_for_message()).text == "Бул аракет долбоордун кызматкерлери үчүн гана."
    assert await services.seminar_drafts.get(head.id) is None
    await head.send("/seminars")
    listing = await head.wait_for_message()
    assert (listing.text or "").startswith("Алдыдагы семинарлар:")  # the participants' list
    assert not any(b.callback_data.startswith("semadm:") for b in listing.all_buttons)
    for forged in (
        "new:title_ky:x",
        "new:preview:ok",
        "new:regions:jalal-abad",
        "new:fields:when",
        f"semadm:edit:{seminar.id}",
        f"semadm:cancel:{seminar.id}",
        f"semadm:cancelok:{seminar.id}",
        "semadm:page:0",
    ):
        await head.press_data(listing, forged)
        answer = await head.wait_for_callback_answer()
        assert answer.text == "Бул аракет долбоордун кызматкерлери үчүн гана.", forged
    await head.send("Жаңы семинар")
    assert (await head.wait_for_message()).text == "Түшүнгөн жокмун. Буйруктардын тизмеси: /help"
    assert await services.seminars.get(seminar.id) == seminar
    assert await services.seminar_drafts.get(head.id) is None
    assert len(await services.seminars.all_for_staff(services.clock.now())) == 1


async def test_staff_forged_and_stale_buttons(tg: FakeTelegram, app: BotApplication) -> None:
    seminar = await _add(app)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await staff.send("/seminars")
    listing = await staff.wait_for_message()
    for forged in (
        "semadm:edit:999",
        "semadm:cancel:x",
        "semadm:drop:1",
        "new:preview:ok",  # no draft
        "new:nosuchstep:1",
        f"semadm:cancel:{seminar.id}:1",
    ):
        await staff.press_data(listing, forged)
        assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды.", forged
    await staff.send("/new")
    prompt = await staff.wait_for_message()
    for forged in ("new:title_ky:skip", "new:title_ky:ok", "new:regions:osh", "new:title_ky:done"):
        await staff.press_data(prompt, forged)
        assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды.", forged
    draft = await app.bot_data.services.seminar_drafts.get(STAFF_ID)
    assert draft is not None and draft.step == "title_ky" and draft.answers == {}


async def test_one_draft_at_a_time_loses_nothing(tg: FakeTelegram, app: BotApplication) -> None:
    seminar = await _add(app)
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/new")
    await staff.wait_for_message()
    await type_answers(staff, ["Новый семинар"])
    await staff.send("/seminars")
    listing = await staff.wait_for_message()
    await staff.press(listing, "✏️ 1")
    assert (await staff.wait_for_callback_answer()).text == (
        "Сначала сохраните или отмените начатый новый семинар (/new)."
    )
    services = app.bot_data.services
    draft = await services.seminar_drafts.get(STAFF_ID)
    assert draft is not None and draft.answers == {"title_ky": "Новый семинар"}
    prompt = staff.messages[-2]  # the Russian title's prompt
    await press_and_wait(staff, prompt, "Отмена")
    await staff.press(listing, "✏️ 1")
    picker = await staff.wait_for_message()
    assert picker.text == "Что изменить?"
    await staff.send("/new")
    busy = await staff.wait_for_message()
    assert busy.text == (
        "Вы сейчас изменяете семинар: сначала сохраните или отмените изменения.\n\nЧто изменить?"
    )
    draft = await services.seminar_drafts.get(STAFF_ID)
    assert draft is not None and draft.seminar_id == seminar.id


async def test_the_announce_button_opens_the_announcement(
    tg: FakeTelegram, app: BotApplication
) -> None:
    seminar = await _add(app)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID)
    await staff.send("/seminars")
    await staff.press(await staff.wait_for_message(), "📣 1")
    await staff.wait_for_message()  # the announcement feature's audience screen
    draft = await app.bot_data.services.broadcast_drafts.get(STAFF_ID)
    assert draft is not None and draft.seminar_id == seminar.id
