"""500 people press "I'll come" at once for 50 seats."""

from __future__ import annotations

from bot.context import BotApplication
from tests.fake_telegram import FakeTelegram
from tests.rsvp_helpers import create_seminar, deliver_announcement, register


async def test_500_presses_for_50_seats(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services, capacity=50, max_party=1)
    users = [tg.user(f"Башчы {n}", started=True) for n in range(500)]
    announcements = []
    for user in users:
        await register(services, user)
        announcements.append(deliver_announcement(tg, services, user, seminar, "ky"))
    queries = [
        await user.press(message, "Келем")
        for user, message in zip(users, announcements, strict=True)
    ]
    for user, query in zip(users, queries, strict=True):
        await user.wait_for_callback_answer(query, timeout=60)
    rows = {r.telegram_id: r for r in await services.rsvps.for_seminar(seminar.id)}
    assert len(rows) == 500
    assert await services.rsvps.seats_taken(seminar.id) == 50
    assert all(rows[u.id].seated for u in users[:50])
    waiting = users[50:]
    places = [await services.rsvps.waitlist_place(rows[u.id]) for u in waiting]
    assert places == list(range(1, 451))
    last = users[-1]
    alert = last.last_callback_answer
    assert alert is not None and "450-орундасыз" in (alert.text or "")
    assert not [c for c in tg.calls if not c.ok]
