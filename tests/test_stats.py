"""/stats for staff: exact counts in both languages, delivery per broadcast, the growth chart."""

from __future__ import annotations

import asyncio
import struct
import warnings
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.broadcast import Outgoing
from bot.charts import (
    HEIGHT_PX,
    WIDTH_PX,
    ChartLabels,
    grouped_bars,
    growth_chart,
    running_totals,
)
from bot.config import Config, QuietHours
from bot.context import BotApplication
from bot.services import Services
from messages import Catalog
from storage.people import Profile
from tests.broadcasting import drained, register_people
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from tests.harness import FrozenClock, running_bot

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# 20:00 UTC is 02:00 the next day in Bishkek: these people count on 21 November.
LATE_EVENING = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
KYRGYZ_LABELS = ChartLabels(
    title="Катталгандардын жалпы саны: Ң ң Ө ө Ү ү",
    x_label="Күн (Түп, Тоң, Жети-Өгүз)",
    y_label="Адам",
    no_data="Азырынча маалымат жок",
)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, after checking that this is a PNG."""
    assert data.startswith(PNG_SIGNATURE)
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def assert_sensible_png(data: bytes) -> None:
    assert png_size(data) == (WIDTH_PX, HEIGHT_PX) == (1000, 600)
    assert 5_000 < len(data) < 200_000
    assert data.endswith(b"IEND\xaeB`\x82")


async def _register(
    tg: FakeTelegram,
    services: Services,
    user_id: int,
    *,
    language: str,
    role: str,
    region: str | None,
    at: datetime,
) -> FakeUser:
    user = tg.user(f"Person{user_id}", language_code=language, user_id=user_id, started=True)
    profile = Profile(
        telegram_id=user_id,
        first_name=user.first_name,
        last_name=None,
        username=None,
        language=language,
        role=role,
        region_code=region,
        rayon_code=None,
        organisation_id=None,
        phone=None,
        invitation_code=None,
    )
    await services.people.save(profile, at)
    return user


async def _population(tg: FakeTelegram, services: Services) -> dict[str, list[FakeUser]]:
    """12 registered: 9 on 1 November, 3 on 21 November (Bishkek time); 2 blocked, 1 stopped.

    Every third person of `register_people` reads Russian: Suzak 10002 and 10005, Ton 20002.
    """
    suzak = await register_people(tg, services, 6, region="jalal-abad", rayon="suzak")
    ton = await register_people(
        tg, services, 3, region="issyk-kul", rayon="ton", role="ao_deputy", first_id=20_000
    )
    later = [
        await _register(
            tg, services, 30_000, language="ky", role="state_agency", region=None, at=LATE_EVENING
        ),
        await _register(
            tg, services, 30_001, language="ru", role="state_agency", region=None, at=LATE_EVENING
        ),
        await _register(
            tg, services, 30_002, language="ru", role="other", region="bishkek", at=LATE_EVENING
        ),
    ]
    now = services.clock.now()
    await services.people.set_reachable(10_001, False, now)
    await services.people.set_subscribed(10_002, False, now)
    # Blocked and stopped: counted once, as blocked.
    await services.people.set_reachable(20_000, False, now)
    await services.people.set_subscribed(20_000, False, now)
    return {"suzak": suzak, "ton": ton, "later": later}


async def _broadcasts(services: Services, people: dict[str, list[FakeUser]]) -> None:
    """An announcement: 2 sent, 1 blocked, 1 failed (too long); then a broadcast: 3 sent."""
    suzak, ton = people["suzak"], people["ton"]
    await suzak[1].block()
    first = await services.broadcasts.submit(
        "announcement",
        [
            Outgoing(suzak[0].id, "Салам!"),
            Outgoing(suzak[3].id, "Салам!"),
            Outgoing(suzak[1].id, "Салам!"),
            Outgoing(suzak[4].id, "ж" * 5000),
        ],
    )
    await drained(services, first)
    second = await services.broadcasts.submit(
        "broadcast", [Outgoing(user.id, "Салам!") for user in (ton[1], ton[2], suzak[5])]
    )
    await drained(services, second)


async def _ask_stats(staff: FakeUser) -> tuple[list[str], FakeMessage]:
    """Send /stats; return the text's lines and the photo message."""
    await staff.send("/stats")
    message = await staff.wait_for_message(timeout=15)
    assert message.photo is None
    assert 0 < len(message.text or "") <= 4096
    photo = await staff.wait_for_message(timeout=15)
    assert photo.photo is not None
    return (message.text or "").split("\n"), photo


async def test_stats_in_kyrgyz(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    people = await _population(tg, services)
    await _broadcasts(services, people)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID, started=True)
    lines, photo = await _ask_stats(staff)

    assert lines[0] == "📊 Статистика — 2026-ж., 29-ноябрь, жекшемби"
    assert lines[2:6] == [
        "👥 Катталгандар: 12 адам",
        "✅ Кабар алышат: 9",
        "🚫 Ботту бөгөттөгөн: 2",
        "🔕 Кабардан баш тарткан (/stop): 1",
    ]
    by_region = lines.index("Облус жана шаар боюнча (катталган / кабар алат):")
    assert lines[by_region + 1 : by_region + 12] == [
        "• Баткен облусу: 0 / 0",
        "• Жалал-Абад облусу: 6 / 4",
        "• Ысык-Көл облусу: 3 / 2",
        "• Нарын облусу: 0 / 0",
        "• Ош облусу: 0 / 0",
        "• Талас облусу: 0 / 0",
        "• Чүй облусу: 0 / 0",
        "• Бишкек шаары: 1 / 1",
        "• Ош шаары: 0 / 0",
        "• Жери көрсөтүлгөн эмес: 2 / 2",
        "",
    ]
    by_role = lines.index("Кызмат орду боюнча (катталган / кабар алат):")
    assert lines[by_role + 1 : by_role + 8] == [
        "• Айыл өкмөтүнүн башчысы: 6 / 4",
        "• Айыл өкмөтү башчысынын орун басары: 3 / 2",
        "• Райондук мамлекеттик администрация: 0 / 0",
        "• Облустук администрация (ыйгарым укуктуу өкүлдүн аппараты): 0 / 0",
        "• ЖӨБ жана этностор аралык мамилелер боюнча мамлекеттик агенттик: 2 / 2",
        "• Долбоордун кызматкери: 0 / 0",
        "• Башка: 1 / 1",
    ]
    by_language = lines.index("Тил боюнча (катталган / кабар алат):")
    assert lines[by_language + 1 : by_language + 3] == ["• Кыргызча: 7 / 5", "• Русский: 5 / 4"]
    heading = lines.index("📤 Акыркы жөнөтүүлөр (жеткирилди / жалпы; жеткиликсиз; ката):")
    assert lines[heading + 1 :] == [
        "• №2 билдирүү, 29.11.2026 12:00: 3 / 3; жеткиликсиз 0; ката 0",
        "• №1 жарыя, 29.11.2026 12:00: 2 / 4; жеткиликсиз 1; ката 1",
    ]

    assert photo.text == "📈 Катталгандардын өсүшү: 12 адам (2026-ж., 29-ноябрь, жекшемби)."
    assert photo.photo is not None
    assert_sensible_png(photo.photo)
    assert [call.params.get("action") for call in tg.calls_to("sendChatAction")] == ["upload_photo"]


async def test_stats_in_russian(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    people = await _population(tg, services)
    await _broadcasts(services, people)
    # Staff who registered count like anyone else.
    staff = await _register(
        tg, services, STAFF_ID, language="ru", role="project_staff", region=None, at=LATE_EVENING
    )
    lines, photo = await _ask_stats(staff)

    assert lines[0] == "📊 Статистика — воскресенье, 29 ноября 2026\u202fг."
    assert lines[2:6] == [
        "👥 Зарегистрировано: 13 человек",
        "✅ Получают объявления: 10",
        "🚫 Заблокировали бота: 2",
        "🔕 Отписались (/stop): 1",
    ]
    assert "• Джалал-Абадская область: 6 / 4" in lines
    assert "• Иссык-Кульская область: 3 / 2" in lines
    assert "• Нарынская область: 0 / 0" in lines
    assert "• Место не указано: 3 / 3" in lines
    assert "• Сотрудник проекта: 1 / 1" in lines
    assert "• Глава айыл окмоту: 6 / 4" in lines
    assert "• Кыргызча: 7 / 5" in lines and "• Русский: 6 / 5" in lines
    assert lines[-3:] == [
        "📤 Последние рассылки (доставлено / всего; недоступны; ошибки):",
        "• №2 рассылка, 29.11.2026 12:00: 3 / 3; недоступны 0; ошибки 0",
        "• №1 объявление, 29.11.2026 12:00: 2 / 4; недоступны 1; ошибки 1",
    ]
    assert photo.text == (
        "📈 Рост числа зарегистрированных: 13 человек (воскресенье, 29 ноября 2026\u202fг.)."
    )
    assert photo.photo is not None
    assert_sensible_png(photo.photo)


async def test_running_and_stopped_broadcasts_are_marked(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    users = await register_people(tg, services, 30)
    broadcast_id = await services.broadcasts.submit(
        "reminder", [Outgoing(user.id, "Эртең семинар!") for user in users]
    )
    assert await services.broadcasts.stop_broadcast(broadcast_id)
    # Sends already on the wire finish after the stop.
    async with asyncio.timeout(15):
        while True:
            tally = await services.broadcast_log.tally(broadcast_id)
            if not tally.sending:
                break
            await asyncio.sleep(0.05)
    assert tally.stopped > 0
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID, started=True)
    lines, _ = await _ask_stats(staff)
    assert lines[-1] == (
        f"• №1 напоминание, 29.11.2026 12:00: {tally.sent} / 30; недоступны 0; ошибки 0"
        f" — ⏹ остановлена, не отправлено: {tally.stopped}"
    )


async def test_a_broadcast_waiting_for_the_morning_is_marked_running(
    tg: FakeTelegram, config: Config
) -> None:
    quiet = replace(config.broadcast, quiet_hours=QuietHours(time(21, 0), time(8, 0)))
    evening = FrozenClock(datetime(2026, 11, 29, 16, 30, tzinfo=UTC))  # 22:30 in Bishkek
    async with running_bot(replace(config, broadcast=quiet), evening) as application:
        services = application.bot_data.services
        users = await register_people(tg, services, 3)
        await services.broadcasts.submit("announcement", [Outgoing(u.id, "Салам!") for u in users])
        staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID, started=True)
        lines, _ = await _ask_stats(staff)
    assert lines[-1] == (
        "• №1 жарыя, 29.11.2026 22:30: 0 / 3; жеткиликсиз 0; ката 0 — ⏳ жөнөтүлүүдө"
    )


async def test_last_ten_broadcasts_newest_first(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    [user] = await register_people(tg, services, 1)
    for number in range(12):
        broadcast_id = await services.broadcasts.submit(
            "seminar-changed" if number % 2 else "some-new-kind", [Outgoing(user.id, "Салам!")]
        )
        await drained(services, broadcast_id)
    staff = tg.user("Staff", language_code="ky", user_id=STAFF_ID, started=True)
    lines, _ = await _ask_stats(staff)
    shown = [line for line in lines if line.startswith("• №")]
    assert [line.split()[1] for line in shown] == [f"№{n}" for n in range(12, 2, -1)]
    assert shown[0].startswith("• №12 семинар өзгөрдү, ")
    # A kind this version has no name for is shown as stored rather than failing.
    assert shown[1].startswith("• №11 some-new-kind, ")


async def test_non_staff_is_refused(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    [head] = await register_people(tg, services, 1, role="project_staff")
    await head.send("/stats")
    answer = await head.wait_for_message()
    assert answer.text == "Бул аракет долбоордун кызматкерлери үчүн гана."
    assert tg.calls_to("sendPhoto") == []
    assert tg.calls_to("sendChatAction") == []


async def test_empty_database(tg: FakeTelegram, app: BotApplication) -> None:
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID, started=True)
    await staff.send("/stats")
    answer = await staff.wait_for_message()
    assert answer.text == (
        "📊 Статистика — воскресенье, 29 ноября 2026\u202fг.\n\n"
        "Пока никто не зарегистрировался.\n\n"
        "Рассылок пока не было."
    )
    # Updates are handled one at a time: once /help is answered, /stats has finished.
    await staff.send("/help")
    assert (await staff.wait_for_message()).text is not None
    assert tg.calls_to("sendPhoto") == []


async def test_registrations_per_local_day(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    await _population(tg, services)
    bishkek = await services.statistics.registrations_per_day(timedelta(hours=6))
    assert bishkek == [(date(2026, 11, 1), 9), (date(2026, 11, 21), 3)]
    utc = await services.statistics.registrations_per_day(timedelta(0))
    assert utc == [(date(2026, 11, 1), 9), (date(2026, 11, 20), 3)]


def test_running_totals() -> None:
    per_day = [(date(2026, 11, 1), 9), (date(2026, 11, 21), 3)]
    assert running_totals(per_day, date(2026, 11, 29)) == [
        (date(2026, 10, 31), 0),
        (date(2026, 11, 1), 9),
        (date(2026, 11, 21), 12),
        (date(2026, 11, 29), 12),
    ]
    assert running_totals(per_day, date(2026, 11, 21))[-1] == (date(2026, 11, 21), 12)
    assert running_totals([], date(2026, 11, 29)) == []


def _missing_glyphs(draw: object) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert callable(draw)
        assert_sensible_png(draw())
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_kyrgyz_letters_render_without_missing_glyphs() -> None:
    points = running_totals([(date(2026, 11, 1), 9), (date(2026, 11, 21), 3)], date(2026, 11, 29))
    assert _missing_glyphs(lambda: growth_chart(points, KYRGYZ_LABELS)) == []
    rayons = ["Жети-Өгүз", "Тоң", "Түп", "Ак-Суу", "Ысык-Көл"]
    series = {"Катталган": [5, 3, 8, 1, 0], "Келген (өз убагында)": [4, 3, 6, 0, 0]}
    assert _missing_glyphs(lambda: grouped_bars(rayons, series, KYRGYZ_LABELS)) == []


def test_missing_glyphs_would_be_caught() -> None:
    """The check above can fail: a script DejaVu Sans lacks does warn."""
    labels = ChartLabels(title="漢字", x_label="x", y_label="y", no_data="-")
    assert _missing_glyphs(lambda: growth_chart([(date(2026, 11, 1), 1)], labels)) != []


def test_charts_with_no_data_still_render() -> None:
    assert_sensible_png(growth_chart([], KYRGYZ_LABELS))
    assert_sensible_png(grouped_bars([], {}, KYRGYZ_LABELS))
    assert_sensible_png(grouped_bars(["Тоң"], {}, KYRGYZ_LABELS))
    # One day only, and totals of zero, are data too.
    assert_sensible_png(growth_chart([(date(2026, 11, 29), 1)], KYRGYZ_LABELS))
    assert_sensible_png(grouped_bars(["Тоң", "Түп"], {"Катталган": [0, 0]}, KYRGYZ_LABELS))


def test_charts_draw_text_as_typed() -> None:
    """A $ pair would switch matplotlib to math mode (and can fail to parse)."""
    labels = ChartLabels(title="$\\frac{$", x_label="$x^$", y_label="$", no_data="$$")
    assert_sensible_png(growth_chart([(date(2026, 11, 1), 3)], labels))
    assert_sensible_png(grouped_bars(["$a", "b$"], {"$_": [1, 2]}, labels))


def test_grouped_bars_need_one_value_per_category() -> None:
    with pytest.raises(ValueError, match="Катталган"):
        grouped_bars(["Тоң", "Түп"], {"Катталган": [1]}, KYRGYZ_LABELS)


def test_many_categories_and_a_long_history() -> None:
    rayons = [f"Район {number}" for number in range(40)]
    series = {"A": list(range(40)), "B": list(range(40, 0, -1))}
    assert_sensible_png(grouped_bars(rayons, series, KYRGYZ_LABELS))
    years = [(date(2025, 1, 1) + timedelta(days=7 * n), 1) for n in range(100)]
    assert_sensible_png(growth_chart(running_totals(years, date(2026, 11, 29)), KYRGYZ_LABELS))


@pytest.mark.parametrize(
    ("count", "russian"),
    [
        (1, "1 человек"),
        (2, "2 человека"),
        (5, "5 человек"),
        (21, "21 человек"),
        (104, "104 человека"),
    ],
)
def test_plurals(count: int, russian: str) -> None:
    catalog = Catalog.load()
    assert catalog.text("ru", "stats-registered", count=count) == f"👥 Зарегистрировано: {russian}"
    assert catalog.text("ky", "stats-registered", count=count) == (f"👥 Катталгандар: {count} адам")
