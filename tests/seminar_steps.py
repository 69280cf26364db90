"""Walking staff through /new with the fake Bot API: shared by the seminar tests."""

from __future__ import annotations

from tests.fake_telegram import FakeMessage, FakeUser

KYRGYZ_ANSWERS = {
    "title_ky": "Киришүү семинары",
    "title_ru": "Вводный семинар",
    "date": "10.07.2027",
    "start": "9:00",
    "end": "17.00",
    "city_ky": "Жалал-Абад",
    "city_ru": "Джалал-Абад",
    "venue_ky": "облустук мамлекеттик администрация",
    "venue_ru": "областная госадминистрация",
}


async def press_and_wait(user: FakeUser, message: FakeMessage, button: str) -> FakeMessage:
    """Press a button and return the message as the bot edited it."""
    await user.press(message, button)
    return await user.wait_for_edit(message)


async def type_answers(user: FakeUser, answers: list[str]) -> FakeMessage:
    """Type each answer and return the bot's last prompt."""
    prompt = user.messages[-1]
    for answer in answers:
        await user.send(answer)
        prompt = await user.wait_for_message()
    return prompt


async def create_seminar(
    staff: FakeUser,
    *,
    region: str = "Жалал-Абад облусу",
    done: str = "Даяр",
    skip: str = "Өткөрүп жиберүү",
    role: str = "Айыл өкмөтүнүн башчысы",
    save: str = "Сактоо",
    answers: dict[str, str] | None = None,
) -> list[FakeMessage]:
    """Create a seminar through /new; return the three preview messages, after saving."""
    typed = {**KYRGYZ_ANSWERS, **(answers or {})}
    await staff.send("/new")
    await staff.wait_for_message()
    screen = await type_answers(staff, list(typed.values()))
    screen = await press_and_wait(staff, screen, region)
    screen = await press_and_wait(staff, screen, done)
    screen = await press_and_wait(staff, screen, skip)  # rayons: the whole oblast
    screen = await press_and_wait(staff, screen, role)
    screen = await press_and_wait(staff, screen, done)
    await type_answers(staff, ["90", "08.07.2027 18:00", "Күн тартиби", "Программа"])
    await staff.send("HELVETAS")
    preview = await staff.wait_for_messages(3)
    await press_and_wait(staff, preview[2], save)
    return preview
