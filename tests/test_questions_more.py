"""Questions: voice and photo, limits, support, the digest, /questions, admins without a group."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from telegram import InlineKeyboardMarkup

from bot.config import Config, QuestionsConfig
from bot.context import BotApplication
from bot.question_sheet import questions_by_topic, questions_header, questions_rows
from bot.seminar_card import seminar_card
from bot.services import Services
from handlers import question_digest as digest
from handlers.question_asking import ask_button, questions_summary
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeGroup, FakeTelegram, FakeUser
from tests.harness import FrozenClock, make_config
from tests.question_helpers import (
    JALAL_ABAD,
    ask,
    edited_to_show,
    finish_asking,
    number_in,
    registered,
    staff_group_with,
)


@pytest.fixture
def group(tg: FakeTelegram) -> FakeGroup:
    return tg.group("Staff", chat_id=-1009876543210)


@pytest.fixture
def config(tg: FakeTelegram, tmp_path: Path, group: FakeGroup) -> Config:
    made = make_config(tg, tmp_path, admins=frozenset({STAFF_ID}), staff_chat_id=group.id)
    return replace(
        made,
        bot=replace(made.bot, default_language="ru"),
        questions=QuestionsConfig(max_length=100, per_hour=3, digest_after_hours=24),
    )


@pytest.fixture
def services(app: BotApplication) -> Services:
    return app.bot_data.services


@pytest.fixture
async def staff(tg: FakeTelegram, group: FakeGroup) -> FakeUser:
    member = tg.user("Айбек", user_id=STAFF_ID, language_code="ru", started=True)
    await staff_group_with(tg, group, member)
    return member


@pytest.fixture
async def seminar_id(services: Services) -> int:
    return (await services.seminars.create(JALAL_ABAD, STAFF_ID, services.clock.now())).id


async def _start_writing(user: FakeUser) -> None:
    await user.send("/ask")
    screen = await user.wait_for_message()
    await user.press(screen, "Вводный семинар")
    await user.wait_for_edit(screen)


async def test_a_voice_question_is_copied_to_staff(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: FakeUser,
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия")
    await _start_writing(asker)
    voice = await asker.send_voice(duration=12)
    number = await finish_asking(asker)
    copied = await group.wait_for_message()
    assert "voice" in copied.data
    call = tg.calls_to("copyMessage")[-1]
    assert call.params["from_chat_id"] == asker.id
    assert call.params["message_id"] == voice.message_id
    card = await group.wait_for_message()
    assert card.data["reply_to_message"]["message_id"] == copied.message_id
    assert "🎤 голосовое сообщение" in (card.text or "")
    question = await services.questions.get(number)
    assert question is not None and question.media_kind == "voice"
    assert question.media_file_id == voice.data["voice"]["file_id"]
    # A reply to the copied voice answers the question too.
    await staff.reply_to(copied, "Ответ на голосовое.", chat=group)
    answer = await asker.wait_for_message()
    assert "🎤 голосовое сообщение" in (answer.text or "")
    assert "Ответ на голосовое." in (answer.text or "")


async def test_a_photo_needs_a_caption_which_is_the_question(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: FakeUser,
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия")
    await _start_writing(asker)
    await asker.send_photo()
    assert (await asker.wait_for_message()).text == (
        "Добавьте к фото подпись с самим вопросом и отправьте снова."
    )
    await asker.send_photo("Что делать с этой свалкой?")
    number = await finish_asking(asker)
    copied = await group.wait_for_message()
    assert "photo" in copied.data
    card = await group.wait_for_message()
    assert "🖼 фото\nЧто делать с этой свалкой?" in (card.text or "")
    question = await services.questions.get(number)
    assert question is not None
    assert (question.media_kind, question.text) == ("photo", "Что делать с этой свалкой?")


async def test_empty_long_and_too_many_questions_are_refused(
    tg: FakeTelegram, services: Services, staff: FakeUser, seminar_id: int
) -> None:
    asker = await registered(services, tg, "Алия")
    await _start_writing(asker)
    await asker.send("   \n  ")
    assert (await asker.wait_for_message()).text == "Вопрос пустой. Напишите текст вопроса."
    await asker.send("а" * 101)
    assert (await asker.wait_for_message()).text == (
        "Слишком длинно: 101 знаков, можно до 100. Сократите и отправьте снова."
    )
    await asker.send("а" * 100)
    await finish_asking(asker)
    await ask(asker, "Второй")
    await ask(asker, "Третий")
    await asker.send("/ask")
    assert (await asker.wait_for_message()).text == (
        "За час можно задать 3 вопроса. Попробуйте позже."
    )
    services.clock.advance(timedelta(minutes=61))  # type: ignore[attr-defined]
    await ask(asker, "Через час можно снова")
    assert len(await services.questions.by_asker(asker.id)) == 4


async def test_asking_needs_registration_and_buttons_check_the_step(
    tg: FakeTelegram, services: Services, staff: FakeUser, seminar_id: int
) -> None:
    stranger = tg.user("Гость", language_code="ru")
    await stranger.send("/ask")
    assert (await stranger.wait_for_message()).text == "Сначала зарегистрируйтесь: /start"
    asker = await registered(services, tg, "Алия")
    await asker.send("/ask")
    screen = await asker.wait_for_message()
    await asker.press_data(screen, "ask:anon:1")
    assert (await asker.wait_for_callback_answer()).text == "Эта кнопка устарела."
    await asker.press_data(screen, "ask:s:999")
    assert (await asker.wait_for_callback_answer()).text == "Эта кнопка устарела."
    await asker.send("Текст, пока надо выбрать семинар")
    assert (await asker.wait_for_message()).text == "Пожалуйста, выберите вариант кнопкой ниже."
    await asker.press(screen, "Отмена")
    assert (await asker.wait_for_edit(screen)).text == "Вопрос не отправлен."
    assert await services.question_drafts.get(asker.id) is None
    await asker.press_data(screen, "ask:send")
    assert (await asker.wait_for_callback_answer()).text == "Эта кнопка устарела."
    assert await services.questions.by_asker(asker.id) == []


async def test_the_button_under_a_seminar_starts_a_question(
    tg: FakeTelegram, app: BotApplication, services: Services, staff: FakeUser, seminar_id: int
) -> None:
    seminar = await services.seminars.get(seminar_id)
    assert seminar is not None
    asker = await registered(services, tg, "Алия")
    # An open /settings screen keeps a registration draft; asking must still get the text.
    await asker.send("/settings")
    await asker.wait_for_message()
    # What the seminars feature does: the card with the button under it.
    await app.bot.send_message(
        asker.id,
        seminar_card(services, seminar, "ru"),
        reply_markup=InlineKeyboardMarkup([[ask_button(services, seminar, "ru")]]),
    )
    card = await asker.wait_for_message()
    await asker.press(card, "❓ Задать вопрос")
    prompt = await asker.wait_for_message()
    assert "Семинар: Вводный семинар" in (prompt.text or "")
    await asker.send("Где будет обед?")
    number = await finish_asking(asker)
    question = await services.questions.get(number)
    assert question is not None and question.seminar_id == seminar_id
    assert question.text == "Где будет обед?"
    await services.seminars.set_status(seminar_id, "cancelled", services.clock.now())
    await asker.press(card, "❓ Задать вопрос")
    assert (await asker.wait_for_callback_answer()).text == "Эта кнопка устарела."


async def test_support_is_counted_once_per_person(
    tg: FakeTelegram, services: Services, group: FakeGroup, staff: FakeUser, seminar_id: int
) -> None:
    asker = await registered(services, tg, "Алия")
    number = await ask(asker, "Будет ли онлайн-трансляция?")
    card = await group.wait_for_message()
    await staff.press(card, "👁 Показать участникам")
    assert f"№{number} виден участникам" in ((await staff.wait_for_callback_answer()).text or "")
    readers = [await registered(services, tg, name) for name in ("Эрмек", "Айзада")]
    for reader in readers:
        await reader.send("/faq")
        chooser = await reader.wait_for_message()
        await reader.press(chooser, "Вводный семинар")
        page = await reader.wait_for_edit(chooser)
        await reader.press(page, "Вопросы участников (1)")
        shared = await reader.wait_for_edit(page)
        await reader.press(shared, f"👍 №{number}")
        counted = await reader.wait_for_callback_answer()
        assert counted.text is not None and counted.text.startswith("Учтено.")
        await reader.press(shared, f"👍 №{number}")
        assert (await reader.wait_for_callback_answer()).text == "Вы уже отметили этот вопрос."
    await asker.press_data(shared, f"sup:{number}")
    assert (await asker.wait_for_callback_answer()).text == "Это ваш вопрос."
    question = await services.questions.get(number)
    assert question is not None and question.support == 2
    await staff.send("/questions", chat=group)
    queue = await group.wait_for_message()
    assert f"№{number} · 👍2" in (queue.text or "")


async def test_the_daily_digest(
    tg: FakeTelegram,
    app: BotApplication,
    services: Services,
    group: FakeGroup,
    staff: FakeUser,
    clock: FrozenClock,
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия")
    old = await ask(asker, "Старый вопрос")
    await group.wait_for_message()
    clock.advance(timedelta(hours=20))  # 02:00 the next night in Bishkek: not yet due
    assert await digest.send_due(services, app.bot) == 0
    await ask(asker, "Свежий вопрос")
    await group.wait_for_message()
    clock.advance(timedelta(hours=8))  # 10:00: due; the first question is 28 hours old
    assert await digest.send_due(services, app.bot) == 1
    sent = await group.wait_for_message()
    assert (sent.text or "").startswith("Без ответа дольше 24 часов: 1")
    assert f"№{old}" in (sent.text or "") and "Свежий вопрос" not in (sent.text or "")
    assert await digest.send_due(services, app.bot) == 0  # once a day
    await staff.press(sent, f"№{old}")
    card = await group.wait_for_message()
    assert "Старый вопрос" in (card.text or "") and card.buttons


async def test_the_queue_is_filtered_by_seminar_and_topic(
    tg: FakeTelegram, services: Services, group: FakeGroup, staff: FakeUser, seminar_id: int
) -> None:
    asker = await registered(services, tg, "Алия")
    first = await ask(asker, "Про бюджет")
    card = await group.wait_for_message()
    general = await ask(asker, "Общий вопрос про воду", seminar="Общий вопрос")
    await group.wait_for_message()
    await staff.press(card, "🏷 Тема")
    topics = await group.wait_for_edit(card)
    await staff.press(topics, "Местный бюджет")
    assert (await staff.wait_for_callback_answer()).text == f"Тема №{first}: Местный бюджет"
    await edited_to_show(group, card, "🏷 Местный бюджет")
    await staff.send("/questions", chat=group)
    queue = await group.wait_for_message()
    assert "Открытые вопросы: 2" in (queue.text or "")
    assert "По темам:" in (queue.text or "") and "Местный бюджет 1" in (queue.text or "")
    await staff.press(queue, "Местный бюджет")
    filtered = await group.wait_for_edit(queue)
    assert "Открытые вопросы: 1" in (filtered.text or "")
    assert f"№{first} ·" in (filtered.text or "") and f"№{general} ·" not in (filtered.text or "")
    await staff.press_data(filtered, "q:list:0:*")
    general_only = await group.wait_for_edit(filtered)
    assert f"№{general} ·" in (general_only.text or "") and f"№{first} ·" not in (
        general_only.text or ""
    )
    await staff.press_data(general_only, "q:list:42:*")
    assert (await staff.wait_for_callback_answer()).text == "Эта кнопка устарела."


async def test_answered_on_stage(
    tg: FakeTelegram, services: Services, group: FakeGroup, staff: FakeUser, seminar_id: int
) -> None:
    asker = await registered(services, tg, "Алия")
    number = await ask(asker, "Как подать заявку?")
    card = await group.wait_for_message()
    await staff.press(card, "🎤 Ответили на семинаре")
    told = await asker.wait_for_message()
    assert (told.text or "").startswith(f"🎤 На ваш вопрос №{number} ответили на семинаре.")
    edited = await edited_to_show(group, card, "🎤 Отвечено на семинаре: Айбек")
    await staff.press(edited, "📚 В FAQ")
    assert (await staff.wait_for_callback_answer()).text == "Сначала ответьте на вопрос текстом."
    await staff.press_data(edited, f"q:stage:{number}")
    assert f"№{number} уже закрыт" in ((await staff.wait_for_callback_answer()).text or "")


async def test_forged_staff_buttons(
    tg: FakeTelegram, services: Services, group: FakeGroup, staff: FakeUser, seminar_id: int
) -> None:
    asker = await registered(services, tg, "Алия")
    number = await ask(asker, "Вопрос")
    card = await group.wait_for_message()
    for data in (
        "q:ans:999",
        f"q:nope:{number}",
        f"q:tag:{number}:unknown",
        f"q:dupof:{number}:{number}",
    ):
        await staff.press_data(card, data)
        assert (await staff.wait_for_callback_answer()).text == "Эта кнопка устарела."
    await asker.press_data(card, f"q:ans:{number}")
    refused = await asker.wait_for_callback_answer()
    assert refused.text == "Это действие доступно только сотрудникам проекта."
    question = await services.questions.get(number)
    assert question is not None and question.status == "open" and question.claimed_by is None


async def test_my_questions_the_summary_and_the_export_sheet(
    tg: FakeTelegram, services: Services, group: FakeGroup, staff: FakeUser, seminar_id: int
) -> None:
    asker = await registered(services, tg, "Алия", "Асанова")
    named = await ask(asker, "С именем")
    named_card = await group.wait_for_message()
    hidden = await ask(asker, "Анонимный", anonymous=True)
    await group.wait_for_message()
    await staff.reply_to(named_card, "Ответ с именем", chat=group)
    await asker.wait_for_message()
    await asker.send("/myquestions")
    mine = await asker.wait_for_message()
    assert f"№{hidden} · ждёт ответа · Анонимный" in (mine.text or "")
    assert f"№{named} · есть ответ · С именем\n↳ Ответ с именем" in (mine.text or "")
    person = await services.people.get(asker.id)
    assert person is not None
    assert await questions_summary(services, person, "ru") == (
        "Ваши вопросы: 2, с ответом: 1. Подробно: /myquestions"
    )
    header = questions_header(services, "ru")
    assert header[:3] == ["№", "Вопрос", "Автор"]
    rows = await questions_rows(services, seminar_id, "ru")
    assert [row[2] for row in rows] == ["Алия Асанова", "аноним"]
    assert rows[0][5:8] == ["есть ответ", "Ответ с именем", "Айбек"]
    assert rows[0][9] == "0" and len(rows[0]) == len(header)
    assert number_in(mine) in (named, hidden)
    await staff.press_data(named_card, f"q:tag:{named}:water")
    assert (await staff.wait_for_callback_answer()).text == f"Тема №{named}: Водоснабжение"
    assert await questions_by_topic(services, seminar_id, "ru") == [
        ["Водоснабжение", "1"],
        ["без темы", "1"],
    ]


async def test_without_a_group_each_admin_gets_the_question_privately(
    tg: FakeTelegram, tmp_path: Path, clock: FrozenClock
) -> None:
    from tests.harness import running_bot

    config = make_config(tg, tmp_path, admins=frozenset({STAFF_ID}))
    async with running_bot(config, clock) as app:
        services = app.bot_data.services
        await services.seminars.create(JALAL_ABAD, STAFF_ID, clock.now())
        admin = tg.user("Айбек", user_id=STAFF_ID, language_code="ru", started=True)
        asker = await registered(services, tg, "Алия", language="ky")
        await asker.send("/ask")
        screen = await asker.wait_for_message()
        await asker.press(screen, "Киришүү семинары")
        await asker.wait_for_edit(screen)
        await asker.send("Суроо")
        choice = await asker.wait_for_message()
        assert "Анонимдүү: атыңызды башка катышуучулар көрбөйт" in (choice.text or "")
        await asker.press(choice, "Атым менен")
        confirm = await asker.wait_for_edit(choice)
        await asker.press(confirm, "Жөнөтүү")
        number = number_in(await asker.wait_for_edit(confirm))
        card = await admin.wait_for_message()
        # The admin never registered: their chat reads the default language.
        assert f"❓ №{number} суроо" in (card.text or "")
        await admin.reply_to(card, "Жооп")
        answer = await asker.wait_for_message()
        assert (answer.text or "").startswith(f"💬 №{number} сурооңузга жооп")
        assert "Жооп" in (answer.text or "")


async def test_when_the_staff_group_is_unreachable_admins_get_it_privately(
    tg: FakeTelegram, tmp_path: Path, clock: FrozenClock
) -> None:
    from tests.harness import running_bot

    absent = tg.group("Old staff group")  # the bot was never added
    config = make_config(tg, tmp_path, admins=frozenset({STAFF_ID}), staff_chat_id=absent.id)
    async with running_bot(config, clock) as app:
        services = app.bot_data.services
        admin = tg.user("Айбек", user_id=STAFF_ID, language_code="ru", started=True)
        asker = await registered(services, tg, "Алия")
        await asker.send("/ask")
        prompt = await asker.wait_for_message()  # no seminar yet: straight to writing
        assert "Общий вопрос" in (prompt.text or "")
        await asker.send("Вопрос без семинара")
        number = await finish_asking(asker)
        card = await admin.wait_for_message()
        assert f"№{number}" in (card.text or "") and "Вопрос без семинара" in (card.text or "")
        assert absent.messages == []
