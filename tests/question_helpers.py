"""Shared steps for the question tests: registered people, a staff group, asking."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.names import match_key
from bot.services import Services
from storage.people import Profile
from storage.seminars import Place, SeminarFields
from tests.fake_telegram import FakeGroup, FakeMessage, FakeTelegram, FakeUser
from tests.fake_telegram.views import ChatView

JALAL_ABAD = SeminarFields(
    title_ky="Киришүү семинары",
    title_ru="Вводный семинар",
    starts_at=datetime(2026, 12, 10, 3, 0, tzinfo=UTC),
    ends_at=datetime(2026, 12, 10, 11, 0, tzinfo=UTC),
    city_ky="Жалал-Абад",
    city_ru="Джалал-Абад",
    venue_ky="облустук администрация",
    venue_ru="областная администрация",
    places=(Place("jalal-abad"),),
)


async def registered(
    services: Services,
    tg: FakeTelegram,
    first_name: str,
    last_name: str | None = None,
    *,
    language: str = "ru",
    organisation: str = "Кеңеш",
) -> FakeUser:
    """A head of an ayil okmotu in Suzak rayon, registered directly in storage."""
    user = tg.user(first_name, last_name, language_code=language, started=True)
    stored = await services.organisations.add(
        "jalal-abad", "suzak", organisation, match_key(organisation), services.clock.now()
    )
    await services.people.save(
        Profile(
            telegram_id=user.id,
            first_name=first_name,
            last_name=last_name,
            username=None,
            language=language,
            role="ao_head",
            region_code="jalal-abad",
            rayon_code="suzak",
            organisation_id=stored.id,
            phone=None,
            invitation_code=None,
        ),
        services.clock.now(),
    )
    return user


async def staff_group_with(tg: FakeTelegram, group: FakeGroup, *staff: FakeUser) -> None:
    """The bot joins the staff group; the staff members are in it."""
    await group.add_bot(by=staff[0])
    for member in staff:
        group.set_member(member)


def number_in(message: FakeMessage) -> int:
    """The question number «№17» a message names."""
    found = re.search(r"№(\d+)", message.text or "")
    assert found is not None, message.text
    return int(found.group(1))


async def ask(
    user: FakeUser,
    text: str,
    *,
    seminar: str = "Вводный семинар",
    anonymous: bool = False,
) -> int:
    """Walk /ask in Russian to the end and return the question's number."""
    await user.send("/ask")
    screen = await user.wait_for_message()
    await user.press(screen, seminar)
    await user.wait_for_edit(screen)
    await user.send(text)
    return await finish_asking(user, anonymous=anonymous)


async def finish_asking(user: FakeUser, *, anonymous: bool = False) -> int:
    """After the question's body: choose anonymity, confirm, return the number."""
    choice = await user.wait_for_message()
    await user.press(choice, "Анонимно" if anonymous else "С моим именем")
    confirm = await user.wait_for_edit(choice)
    await user.press(confirm, "Отправить")
    sent = await user.wait_for_edit(confirm)
    assert (sent.text or "").startswith("Вопрос №"), sent.text
    return number_in(sent)


async def edited_to_show(chat: ChatView, message: FakeMessage, text: str) -> FakeMessage:
    """Wait through edits of a message until it shows `text`."""
    current = message
    while text not in (current.text or ""):
        current = await chat.wait_for_edit(current)
    return current
