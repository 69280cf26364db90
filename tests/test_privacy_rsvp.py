"""/forget covers answers, check-ins, ratings and reminders: counts stay, the person goes."""

from __future__ import annotations

from pathlib import Path

from bot.context import BotApplication
from tests.fake_telegram import FakeTelegram
from tests.rsvp_helpers import create_seminar
from tests.test_privacy import FIRST, PHONE, _personal_bytes, _rows_mentioning, _zharkynai

COMMENT = "Жергиликтүү бюджет тууралуу көбүрөөк айтып берсеңиздер"


def _file_holds(path: Path, *words: str) -> list[str]:
    """Which words appear in the database file or its WAL."""
    files = [path, path.with_name(path.name + "-wal")]
    data = b"".join(file.read_bytes() for file in files if file.exists())
    return [word for word in words if word.encode() in data]


async def test_forget_after_answering_coming_and_rating(
    tg: FakeTelegram, app: BotApplication, config_path: Path
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services, capacity=10)
    user = await _zharkynai(tg)
    now = services.clock.now()
    await services.rsvps.answer(seminar.id, user.id, "yes", 2, now)
    await services.attendance.check_in(seminar.id, user.id, None, now)
    await services.feedback.rate(seminar.id, user.id, 5, now)
    await services.feedback.finish(seminar.id, user.id, COMMENT)
    await services.db.execute(
        "INSERT INTO seminar_send_recipients (seminar_id, send_key, telegram_id) VALUES (?, ?, ?)",
        (seminar.id, "reminder:1440", user.id),
    )
    await services.db.checkpoint()
    assert FIRST in _personal_bytes(config_path)
    await user.send("/forget")
    ask = await user.wait_for_message()
    await user.press(ask, "Ооба, өчүрүү")
    await user.wait_for_edit(ask)
    assert _rows_mentioning(config_path, user.id) == []
    assert _personal_bytes(config_path) == []
    assert _file_holds(config_path, COMMENT, PHONE) == []
    # The seats, the attendance and the rating still count, under the pseudonym.
    [answer] = await services.db.fetch_all(
        "SELECT * FROM rsvps WHERE seminar_id = ?", (seminar.id,)
    )
    assert answer["telegram_id"] < 0 and answer["party"] == 2 and answer["seated"] == 1
    [rating] = await services.feedback.for_seminar(seminar.id)
    assert rating.rating == 5 and rating.comment is None
    checkins = await services.attendance.checkins(seminar.id)
    assert len(checkins) == 1 and checkins[0].telegram_id < 0
