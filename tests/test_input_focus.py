"""Typed text goes to the flow whose prompt the person saw last, never to an older one."""

from __future__ import annotations

from bot.context import BotApplication
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.question_helpers import JALAL_ABAD, ask, registered


async def test_a_question_is_not_taken_by_an_open_settings_screen(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    await services.seminars.create(JALAL_ABAD, created_by=None, now=services.clock.now())
    head = await registered(services, tg, "Айбек")
    await head.send("/settings")
    summary = await head.wait_for_message()
    await head.press(summary, "Название")  # settings now waits for a typed organisation name
    await head.wait_for_edit(summary)
    number = await ask(
        head, "Как участвовать в межмуниципальном сотрудничестве?", seminar="Общий вопрос"
    )
    question = await services.questions.get(number)
    assert question is not None
    assert question.text == "Как участвовать в межмуниципальном сотрудничестве?"
    draft = await services.drafts.get(head.id)
    assert draft is not None and draft.new_organisation is None  # settings kept, untouched
    # Opening the settings screen again gives it the text again.
    await head.send("/settings")
    screen = await head.wait_for_message()
    assert "Кеңеш" in [b.text for b in screen.all_buttons]  # still at the name step
    await head.send("Кербен")
    await head.wait_for_message()
    draft = await services.drafts.get(head.id)
    assert draft is not None and draft.new_organisation == "Кербен"


async def test_staff_text_goes_to_the_latest_of_wizard_and_broadcast(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/new")
    await staff.wait_for_message()  # the wizard asks for the Kyrgyz title
    await staff.send("/broadcast")
    await staff.wait_for_message()  # the broadcast asks for the Kyrgyz text
    await staff.send("Эртең жолугушуу болот.")
    await staff.wait_for_message()
    broadcast = await services.broadcast_drafts.get(STAFF_ID)
    wizard = await services.seminar_drafts.get(STAFF_ID)
    assert broadcast is not None and broadcast.text_ky == "Эртең жолугушуу болот."
    assert wizard is not None and wizard.answers == {}
