"""Where features meet: RSVP on the seminar page, capacity edits, /my, the export workbook."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from bot.context import BotApplication
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.question_helpers import ask
from tests.rsvp_helpers import create_seminar, register
from tests.seminar_steps import press_and_wait


async def test_the_seminar_page_offers_rsvp_to_the_invited_only(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    invited = tg.user("Айбек", language_code="ky")
    await register(services, invited)
    stranger = tg.user("Бакыт", language_code="ky")
    await register(services, stranger, region="naryn", rayon="kochkor")
    for user, expected in ((invited, True), (stranger, False)):
        await user.send("/seminars")
        listing = await user.wait_for_message()
        page = await press_and_wait(user, listing, "Киришүү семинары")
        data = [b.callback_data for b in page.all_buttons]
        assert (f"rsvp:y:{seminar.id}" in data) is expected
        assert f"ask:seminar:{seminar.id}" in data
    page = invited.messages[-1]
    await invited.press(page, "Келем")
    party = await invited.wait_for_edit(page)
    assert (party.text or "").endswith("Айыл өкмөтүңүздөн канча киши келет?")
    await invited.press(party, "2")
    await invited.wait_for_edit(party)
    rsvp = await services.rsvps.get(seminar.id, invited.id)
    assert rsvp is not None and (rsvp.answer, rsvp.party) == ("yes", 2)


async def test_raising_the_capacity_seats_the_waitlist(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services, capacity=1)
    first, second = tg.user("Биринчи", started=True), tg.user("Экинчи", started=True)
    for user in (first, second):
        await register(services, user)
        await services.rsvps.answer(seminar.id, user.id, "yes", 1, services.clock.now())
    waiting = await services.rsvps.get(seminar.id, second.id)
    assert waiting is not None and waiting.waiting
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/seminars")
    listing = await staff.wait_for_message()
    await staff.press(listing, "✏️ 1")
    picker = await staff.wait_for_message()
    await press_and_wait(staff, picker, "Число мест")
    await staff.send("5")
    preview = await staff.wait_for_messages(3)
    await press_and_wait(staff, preview[2], "Сохранить")
    notice = await second.wait_for_message()
    assert (notice.text or "").startswith("🎉 Орун бошоду — сиз семинарга жазылдыңыз!")
    seated = await services.rsvps.get(seminar.id, second.id)
    assert seated is not None and seated.seated


async def test_my_lists_answers_and_questions(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    await create_seminar(services)
    user = tg.user("Айбек", language_code="ru")
    await register(services, user, language="ru")
    await ask(user, "Как участвовать?")
    await user.send("/my")
    messages = await user.wait_for_messages(2)
    assert "Вводный семинар" in (messages[0].text or "")
    assert messages[1].text == "Ваши вопросы: 1, с ответом: 0. Подробно: /myquestions"


async def test_the_export_has_a_questions_sheet(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID, started=True)
    user = tg.user("Айбек", language_code="ru")
    await register(services, user, language="ru")
    await ask(user, "Как участвовать?")
    await staff.wait_for_message()  # the question's card: no staff group is set
    await staff.send("/export")
    picker = await staff.wait_for_message()
    await staff.press(picker, "Киришүү семинары")
    document = await staff.wait_for_message()
    assert document.document is not None and document.file_name == f"seminar-{seminar.id}.xlsx"
    workbook = load_workbook(io.BytesIO(document.document))
    assert workbook.sheetnames[-1] == "Суроолор"
    rows = list(workbook["Суроолор"].iter_rows(values_only=True))
    assert rows[1][1] == "Как участвовать?"
