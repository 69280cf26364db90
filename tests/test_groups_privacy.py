"""/forget and /mydata cover what group chats add: guests, group questions, staff ids."""

from __future__ import annotations

import json
from pathlib import Path

from bot.context import BotApplication
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeTelegram
from tests.group_helpers import post_seminar, registered_group
from tests.rsvp_helpers import create_seminar
from tests.test_privacy import FIRST, LAST, USERNAME, _personal_bytes, _rows_mentioning


async def test_a_guest_from_a_group_is_forgotten_and_their_answer_still_counts(
    tg: FakeTelegram, app: BotApplication, config_path: Path
) -> None:
    services = app.bot_data.services
    group = await registered_group(tg, services, "Сузак", language="ky")
    seminar = await create_seminar(services, capacity=10)
    [post] = await post_seminar(services, seminar, group)
    guest = tg.user(FIRST, LAST, username=USERNAME, language_code="ky")
    await guest.press(post, "✅ Келем")
    await guest.wait_for_callback_answer()
    await guest.send("/ask Жол акысы төлөнөбү?", chat=group)
    await group.wait_for_message()
    await services.db.checkpoint()
    assert FIRST in _personal_bytes(config_path)

    await guest.send("/mydata")
    summary = await guest.wait_for_message()
    file = await guest.wait_for_message()
    assert summary.text is not None and file.document is not None
    held = json.loads(file.document)
    assert held["registration"]["first_name"] == FIRST
    assert held["registration"]["registered"] == 0
    assert len(held["questions_asked_in_groups"]) == 1

    await guest.send("/forget")
    ask = await guest.wait_for_message()
    await guest.press(ask, "Ооба, өчүрүү")
    await guest.wait_for_edit(ask)
    assert _rows_mentioning(config_path, guest.id) == []
    assert _personal_bytes(config_path) == []
    [answer] = await services.rsvps.for_seminar(seminar.id)
    assert answer.telegram_id < 0 and answer.seated
    assert await services.db.fetch_all("SELECT * FROM group_questions") == []


async def test_staff_who_registered_a_group_are_forgotten_from_it(
    tg: FakeTelegram, app: BotApplication, config_path: Path
) -> None:
    services = app.bot_data.services
    group = await registered_group(tg, services, "Сузак")
    staff = tg.user("Staff", user_id=STAFF_ID, language_code="ky", started=True)
    await services.groups.added(group.id, "Сузак", STAFF_ID, services.clock.now())
    await staff.send("/forget")
    ask = await staff.wait_for_message()
    await staff.press(ask, "Ооба, өчүрүү")
    await staff.wait_for_edit(ask)
    stored = await services.groups.get(group.id)
    assert stored is not None and stored.is_audience
    assert stored.added_by is None and stored.registered_by is None
    assert _rows_mentioning(config_path, STAFF_ID) == []
