"""Questions through the fake server: to the staff group, answered, and back to the asker."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Config
from bot.context import BotApplication
from bot.services import Services
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeGroup, FakeTelegram, FakeUser
from tests.harness import make_config
from tests.question_helpers import (
    JALAL_ABAD,
    ask,
    edited_to_show,
    number_in,
    registered,
    staff_group_with,
)

OTHER_STAFF_ID = 501


@pytest.fixture
def group(tg: FakeTelegram) -> FakeGroup:
    return tg.group("Сотрудники проекта", chat_id=-1001234567890)


@pytest.fixture
def config(tg: FakeTelegram, tmp_path: Path, group: FakeGroup) -> Config:
    made = make_config(
        tg, tmp_path, admins=frozenset({STAFF_ID, OTHER_STAFF_ID}), staff_chat_id=group.id
    )
    # The staff group reads the default language; Russian here keeps one language per test.
    return replace(made, bot=replace(made.bot, default_language="ru"))


@pytest.fixture
def services(app: BotApplication) -> Services:
    return app.bot_data.services


@pytest.fixture
async def staff(tg: FakeTelegram, group: FakeGroup) -> tuple[FakeUser, FakeUser]:
    first = tg.user("Айбек", "Сотрудник", user_id=STAFF_ID, language_code="ru", started=True)
    second = tg.user("Нургүл", user_id=OTHER_STAFF_ID, language_code="ru", started=True)
    await staff_group_with(tg, group, first, second)
    return first, second


@pytest.fixture
async def seminar_id(services: Services) -> int:
    seminar = await services.seminars.create(JALAL_ABAD, STAFF_ID, services.clock.now())
    return seminar.id


async def test_question_reaches_staff_and_a_reply_answers_it(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия", "Асанова")
    number = await ask(asker, "Как начать межмуниципальное сотрудничество?")
    card = await group.wait_for_message()
    text = card.text or ""
    assert f"Вопрос №{number}" in text
    assert "Алия Асанова — Глава айыл окмоту" in text
    assert "Кеңеш" in text and "Сузакский" in text
    assert "Семинар: Вводный семинар" in text
    assert "межмуниципальное сотрудничество" in text
    assert {"✍️ Ответить", "🚫 Отклонить", "🔁 Дубликат…", "🏷 Тема"} <= {
        b.text for b in card.all_buttons
    }

    await staff[0].reply_to(card, "Подайте заявку до 1 декабря.", chat=group)
    answer = await asker.wait_for_message()
    assert (answer.text or "").startswith(f"💬 Ответ на ваш вопрос №{number}")
    assert "«Как начать межмуниципальное сотрудничество?»" in (answer.text or "")
    assert "Подайте заявку до 1 декабря." in (answer.text or "")
    await edited_to_show(group, card, "✅ Ответ: Айбек Сотрудник")
    stored = await services.questions.get(number)
    assert stored is not None and stored.status == "answered" and stored.delivered is True
    assert stored.answered_by == STAFF_ID


async def test_answer_button_and_two_staff_racing(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    first, second = staff
    asker = await registered(services, tg, "Бакыт")
    number = await ask(asker, "Какие условия партнёрства?")
    card = await group.wait_for_message()

    await first.press(card, "✍️ Ответить")
    assert (await first.wait_for_callback_answer()).text is None
    prompt = await group.wait_for_message()
    assert f"Айбек Сотрудник, напишите ответ на вопрос №{number}" in (prompt.text or "")
    assert prompt.data["reply_to_message"]["message_id"] == card.message_id

    await second.press(card, "✍️ Ответить")
    refused = await second.wait_for_callback_answer()
    assert refused.show_alert and f"№{number} уже отвечает Айбек Сотрудник" in (refused.text or "")
    await second.reply_to(card, "Мой ответ", chat=group)
    told = await group.wait_for_message()
    assert "уже отвечает Айбек Сотрудник" in (told.text or "")

    await first.reply_to(prompt, "Софинансирование 20%.", chat=group)
    answer = await asker.wait_for_message()
    assert "Софинансирование 20%." in (answer.text or "")
    assert "Мой ответ" not in (answer.text or "")

    await second.press(card, "✍️ Ответить")
    closed = await second.wait_for_callback_answer()
    assert f"Вопрос №{number} уже закрыт" in (closed.text or "")
    await second.reply_to(card, "Ещё ответ", chat=group)
    assert "уже закрыт" in ((await group.wait_for_message()).text or "")
    answers = [m for m in asker.messages if "Ответ на ваш вопрос" in (m.text or "")]
    assert len(answers) == 1
    entries = await services.questions.entries(number)
    assert [e.text for e in entries] == ["Софинансирование 20%."]


async def test_the_answer_button_then_plain_text(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Бакыт")
    number = await ask(asker, "Когда следующий семинар?", seminar="Общий вопрос")
    card = await group.wait_for_message()
    await staff[0].press(card, "✍️ Ответить")
    await group.wait_for_message()
    await staff[0].send("В Караколе на следующей неделе.", chat=group)
    answer = await asker.wait_for_message()
    assert "В Караколе на следующей неделе." in (answer.text or "")
    assert (await services.question_drafts.staff_input(STAFF_ID)) is None
    question = await services.questions.get(number)
    assert question is not None and question.seminar_id is None


async def test_rejection_with_a_reason(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Бакыт")
    number = await ask(asker, "Продам трактор")
    card = await group.wait_for_message()
    await staff[1].press(card, "🚫 Отклонить")
    prompt = await group.wait_for_message()
    assert "причину отказа" in (prompt.text or "")
    await staff[1].reply_to(prompt, "Это не вопрос о семинаре.", chat=group)
    rejected = await asker.wait_for_message()
    assert f"Вопрос №{number} не принят." in (rejected.text or "")
    assert "Причина: Это не вопрос о семинаре." in (rejected.text or "")
    assert "«Продам трактор»" in (rejected.text or "")
    edited = await edited_to_show(group, card, "🚫 Отклонён: Это не вопрос о семинаре.")
    assert edited.buttons == []
    question = await services.questions.get(number)
    assert question is not None and question.status == "rejected"


async def test_duplicates_are_merged_and_both_askers_get_the_answer(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    alia = await registered(services, tg, "Алия")
    bakyt = await registered(services, tg, "Бакыт")
    original = await ask(alia, "Как объединить вывоз мусора с соседями?")
    await group.wait_for_message()
    duplicate = await ask(bakyt, "Можно ли вывозить мусор вместе с соседним АО?")
    card = await group.wait_for_message()
    await staff[0].press(card, "🔁 Дубликат…")
    choices = await group.wait_for_edit(card)
    await staff[0].press(choices, f"№{original}")
    merged = await staff[0].wait_for_callback_answer()
    assert f"№{duplicate} объединён с №{original}" in (merged.text or "")
    merged_question = await services.questions.get(duplicate)
    assert merged_question is not None and merged_question.status == "duplicate"
    original_question = await services.questions.get(original)
    assert original_question is not None and original_question.support == 1

    cards = [m for m in group.messages if number_in(m) == original and "Вопрос №" in (m.text or "")]
    await staff[0].reply_to(cards[0], "Да, через договор о сотрудничестве.", chat=group)
    for asker, number, quoted in (
        (alia, original, "Как объединить"),
        (bakyt, duplicate, "Можно ли вывозить"),
    ):
        answer = await asker.wait_for_message()
        assert f"вопрос №{number}" in (answer.text or "")
        assert quoted in (answer.text or "")
        assert "Да, через договор о сотрудничестве." in (answer.text or "")


async def test_merging_into_an_answered_question_delivers_at_once(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    alia = await registered(services, tg, "Алия")
    bakyt = await registered(services, tg, "Бакыт")
    original = await ask(alia, "Где взять шаблон договора?")
    first_card = await group.wait_for_message()
    await staff[0].reply_to(first_card, "Шаблон на сайте проекта.", chat=group)
    await alia.wait_for_message()
    await ask(bakyt, "Есть ли шаблон договора?")
    card = await group.wait_for_message()
    await staff[0].press(card, "🔁 Дубликат…")
    await staff[0].press(await group.wait_for_edit(card), f"№{original}")
    answer = await bakyt.wait_for_message()
    assert "Шаблон на сайте проекта." in (answer.text or "")
    assert "«Есть ли шаблон договора?»" in (answer.text or "")


async def test_a_reply_to_the_answer_is_a_follow_up(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия")
    number = await ask(asker, "Сколько стоит участие?")
    card = await group.wait_for_message()
    await staff[0].reply_to(card, "Участие бесплатное.", chat=group)
    answer = await asker.wait_for_message()
    await group.wait_for_edit(card)

    await asker.reply_to(answer, "А проезд оплачивается?")
    added = await asker.wait_for_message()
    assert added.text == f"Добавлено к вопросу №{number}. Сотрудники ответят."
    followup_card = await group.wait_for_message()
    assert f"Дополнение к вопросу №{number}" in (followup_card.text or "")
    assert "↩️ А проезд оплачивается?" in (followup_card.text or "")
    assert "💬 Участие бесплатное." in (followup_card.text or "")
    question = await services.questions.get(number)
    assert question is not None and question.status == "open"

    await staff[1].reply_to(followup_card, "Да, по чекам.", chat=group)
    second = await asker.wait_for_message()
    assert "Да, по чекам." in (second.text or "")
    assert [e.kind for e in await services.questions.entries(number)] == [
        "answer",
        "followup",
        "answer",
    ]


async def test_a_group_member_who_is_not_staff_cannot_answer(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия")
    number = await ask(asker, "Вопрос про бюджет")
    card = await group.wait_for_message()
    asker_messages = len(asker.messages)
    intern = tg.user("Стажёр", language_code="ru")
    group.set_member(intern)
    for button in ("✍️ Ответить", "🚫 Отклонить", "🏷 Тема", "🔁 Дубликат…"):
        await intern.press(card, button)
        refused = await intern.wait_for_callback_answer()
        assert refused.text == "Это действие доступно только сотрудникам проекта."
    await intern.press_data(card, f"q:tag:{number}:budget")
    assert (await intern.wait_for_callback_answer()).text == (
        "Это действие доступно только сотрудникам проекта."
    )
    await intern.reply_to(card, "Я отвечу!", chat=group)
    refusal = await group.wait_for_message()
    assert refusal.text == "Это действие доступно только сотрудникам проекта."
    await intern.send("/questions", chat=group)
    assert (await group.wait_for_message()).text == refusal.text
    question = await services.questions.get(number)
    assert question is not None
    assert (question.status, question.topic, question.claimed_by) == ("open", None, None)
    assert group.message(card).version == 0
    assert len(asker.messages) == asker_messages


async def test_an_asker_who_blocked_the_bot(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия")
    number = await ask(asker, "Будут ли раздаточные материалы?")
    card = await group.wait_for_message()
    await asker.block()
    await staff[0].reply_to(card, "Да, на флешке.", chat=group)
    notice = await group.wait_for_message()
    assert f"Ответ на №{number} не доставлен" in (notice.text or "")
    edited = await edited_to_show(group, card, "Ответ не доставлен: участник заблокировал бота")
    question = await services.questions.get(number)
    assert question is not None
    assert (question.status, question.answer_text, question.delivered) == (
        "answered",
        "Да, на флешке.",
        False,
    )
    person = await services.people.get(asker.id)
    assert person is not None and not person.reachable
    await staff[0].press(edited, "📚 В FAQ")
    assert f"№{number} опубликован в FAQ" in (
        (await staff[0].wait_for_callback_answer()).text or ""
    )


async def test_staff_see_an_anonymous_name_but_participants_and_the_faq_never_do(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Гүлнара", "Тайлакова")
    await asker.send("/ask")
    await asker.press(await asker.wait_for_message(), "Вводный семинар")
    await asker.send("Как делить расходы на водопровод между селами?")
    choice = await asker.wait_for_message()
    explanation = (
        "Анонимно: ваше имя не увидят другие участники, и его не будет в опубликованных "
        "ответах. Сотрудники проекта всё же видят, кто спросил, чтобы ответить вам."
    )
    assert explanation in (choice.text or "")
    await asker.press(choice, "Анонимно")
    confirm = await asker.wait_for_edit(choice)
    assert explanation in (confirm.text or "")
    await asker.press(confirm, "Отправить")
    number = number_in(await asker.wait_for_edit(confirm))

    card = await group.wait_for_message()
    assert "Гүлнара Тайлакова" in (card.text or "") and "🕶 Просит анонимности" in (card.text or "")
    await staff[0].press(card, "👁 Показать участникам")
    await staff[0].wait_for_callback_answer()

    reader = await registered(services, tg, "Эрмек")
    await reader.send("/faq")
    chooser = await reader.wait_for_message()
    await reader.press(chooser, "Вводный семинар")
    page = await reader.wait_for_edit(chooser)
    await reader.press(page, "Вопросы участников")
    shared = await reader.wait_for_edit(page)
    assert "водопровод" in (shared.text or "") and "аноним" in (shared.text or "")

    await staff[0].reply_to(card, "Пропорционально числу дворов.", chat=group)
    await asker.wait_for_message()
    await staff[0].press(await edited_to_show(group, card, "✅ Ответ"), "📚 В FAQ")
    await staff[0].wait_for_callback_answer()
    await reader.send("/faq")
    chooser = await reader.wait_for_message()
    await reader.press(chooser, "Вводный семинар")
    faq_page = await reader.wait_for_edit(chooser)
    assert "Пропорционально числу дворов." in (faq_page.text or "")
    for message in [*reader.messages, faq_page, shared]:
        assert "Гүлнара" not in (message.text or "") and "Тайлакова" not in (message.text or "")
    assert number > 0


async def test_named_questions_show_the_name_in_the_faq(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия", "Асанова")
    await ask(asker, "Что такое МСУ?")
    card = await group.wait_for_message()
    await staff[0].reply_to(card, "Местное самоуправление.", chat=group)
    await asker.wait_for_message()
    await staff[0].press(await edited_to_show(group, card, "✅ Ответ"), "📚 В FAQ")
    await staff[0].wait_for_callback_answer()
    reader = await registered(services, tg, "Эрмек")
    await reader.send("/faq")
    chooser = await reader.wait_for_message()
    await reader.press(chooser, "Вводный семинар")
    page = await reader.wait_for_edit(chooser)
    assert "❓ Что такое МСУ?\n💬 Местное самоуправление.\n— Алия Асанова" in (page.text or "")


async def test_the_faq_shows_the_readers_language_where_staff_gave_both(
    tg: FakeTelegram,
    services: Services,
    group: FakeGroup,
    staff: tuple[FakeUser, FakeUser],
    seminar_id: int,
) -> None:
    asker = await registered(services, tg, "Алия")
    number = await ask(asker, "Кто может участвовать?")
    card = await group.wait_for_message()
    await staff[0].reply_to(card, "Все айыл окмоту области.", chat=group)
    await asker.wait_for_message()
    answered = await edited_to_show(group, card, "✅ Ответ")
    await staff[0].press(answered, "📚 В FAQ")
    await staff[0].wait_for_callback_answer()
    await staff[0].press(answered, "🌐 Перевод")
    prompt = await group.wait_for_message()
    assert "и ответ на кыргызском языке" in (prompt.text or "")
    await staff[0].reply_to(prompt, "Ким катыша алат?", chat=group)
    assert "строка ---" in ((await group.wait_for_message()).text or "")
    await staff[0].reply_to(
        prompt, "Ким катыша алат?\n---\nОблустун бардык айыл өкмөтүлөрү.", chat=group
    )
    assert f"Перевод вопроса №{number} сохранён" in ((await group.wait_for_message()).text or "")
    await edited_to_show(group, card, "🌐 Ким катыша алат?")

    readers = {
        "ky": (await registered(services, tg, "Эрмек", language="ky"), "Киришүү семинары"),
        "ru": (await registered(services, tg, "Олег"), "Вводный семинар"),
    }
    pages = {}
    for language, (reader, title) in readers.items():
        await reader.send("/faq")
        chooser = await reader.wait_for_message()
        await reader.press(chooser, title)
        pages[language] = (await reader.wait_for_edit(chooser)).text or ""
    assert "❓ Ким катыша алат?\n💬 Облустун бардык айыл өкмөтүлөрү." in pages["ky"]
    assert "❓ Кто может участвовать?\n💬 Все айыл окмоту области." in pages["ru"]
