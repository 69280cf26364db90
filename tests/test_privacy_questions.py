"""/forget with questions: they stay, anonymous, and staff answering one breaks nothing."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Config
from bot.context import BotApplication
from bot.services import Services
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeGroup, FakeMessage, FakeTelegram, FakeUser
from tests.harness import make_config
from tests.question_helpers import JALAL_ABAD, ask, edited_to_show, registered, staff_group_with
from tests.test_privacy import _rows_mentioning


@pytest.fixture
def group(tg: FakeTelegram) -> FakeGroup:
    return tg.group("Сотрудники проекта", chat_id=-1001234567890)


@pytest.fixture
def config(tg: FakeTelegram, tmp_path: Path, group: FakeGroup) -> Config:
    made = make_config(tg, tmp_path, admins=frozenset({STAFF_ID}), staff_chat_id=group.id)
    return replace(made, bot=replace(made.bot, default_language="ru"))


@pytest.fixture
def services(app: BotApplication) -> Services:
    return app.bot_data.services


@pytest.fixture
async def staff(tg: FakeTelegram, group: FakeGroup) -> FakeUser:
    member = tg.user("Айбек", "Сотрудников", user_id=STAFF_ID, language_code="ru", started=True)
    await staff_group_with(tg, group, member)
    return member


def _in_file(path: Path, *words: str) -> list[str]:
    data = path.read_bytes() + (
        path.with_name(path.name + "-wal").read_bytes()
        if path.with_name(path.name + "-wal").exists()
        else b""
    )
    return [word for word in words if word.encode() in data]


async def _forget(user: FakeUser) -> FakeMessage:
    await user.send("/forget")
    ask_message = await user.wait_for_message()
    await user.press(ask_message, "Да, удалить")
    return await user.wait_for_edit(ask_message)


async def test_a_forgotten_askers_question_stays_anonymous(
    tg: FakeTelegram, services: Services, group: FakeGroup, staff: FakeUser, config: Config
) -> None:
    await services.seminars.create(JALAL_ABAD, STAFF_ID, services.clock.now())
    asker = await registered(services, tg, "Жаркынай", "Токтосунова")
    number = await ask(asker, "Как начать межмуниципальное сотрудничество?")
    card = await group.wait_for_message()
    assert "Жаркынай Токтосунова" in (card.text or "")
    await asker.send("/mydata")
    await asker.wait_for_message()
    held = json.loads((await asker.wait_for_message()).document or b"")
    assert [q["id"] for q in held["questions_asked"]] == [number]

    done = await _forget(asker)
    assert (done.text or "").startswith("Ваши данные удалены.")
    question = await services.questions.get(number)
    assert question is not None and question.asker_id < 0 and question.anonymous
    assert question.text == "Как начать межмуниципальное сотрудничество?"
    assert _in_file(config.storage.path, "Жаркынай", "Токтосунова") == []
    assert _rows_mentioning(config.storage.path, asker.id) == []

    # Staff still answer it; nobody is written to, nothing fails.
    await staff.reply_to(card, "Подайте заявку до 1 декабря.", chat=group)
    await edited_to_show(group, card, "✅ Ответ: Айбек Сотрудников")
    answered = await services.questions.get(number)
    assert answered is not None and answered.status == "answered"
    assert answered.delivered is False
    assert [m.text for m in asker.messages if "Подайте заявку" in (m.text or "")] == []

    # The staff member forgets too: the record of who answered goes, the answer stays.
    await _forget(staff)
    answered = await services.questions.get(number)
    assert answered is not None and answered.answer_text == "Подайте заявку до 1 декабря."
    assert answered.answered_by is not None and answered.answered_by < 0
    assert answered.answered_by_name is None
    assert _in_file(config.storage.path, "Сотрудников") == []
