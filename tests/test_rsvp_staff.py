"""Staff: /rsvps numbers and list, reminding who has not answered, /export as XLSX and CSV."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from bot.context import BotApplication
from bot.services import Services
from storage.seminars import Seminar
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from tests.rsvp_helpers import create_seminar, register


async def _answers(services: Services, seminar: Seminar, tg: FakeTelegram) -> list[FakeUser]:
    """Four answers and one person who did not answer."""
    now = services.clock.now()
    head = tg.user("Алия", started=True)
    await register(services, head, phone="+996700123456")
    deputy = tg.user("Бакыт", language_code="ru", started=True)
    await register(
        services, deputy, language="ru", role="ao_deputy", rayon="aksy", organisation="Жаны-Жол"
    )
    rayon = tg.user("Чынара", started=True)
    await register(services, rayon, role="rayon_admin", rayon="nooken", organisation=None)
    maybe = tg.user("Дамир", started=True)
    await register(services, maybe, rayon="toktogul", organisation="Кара-Көл")
    silent = tg.user("Эрлан", started=True)
    await register(services, silent, rayon="chatkal", organisation="Сумсар")
    await services.rsvps.answer(seminar.id, head.id, "yes", 2, now)
    await services.rsvps.answer(seminar.id, deputy.id, "yes", 1, now)
    await services.rsvps.answer(seminar.id, rayon.id, "no", 1, now)
    await services.rsvps.answer(seminar.id, maybe.id, "maybe", 1, now)
    return [head, deputy, rayon, maybe, silent]


async def _open_overview(staff: FakeUser, seminar: Seminar) -> FakeMessage:
    await staff.send("/rsvps")
    picker = await staff.wait_for_message()
    await staff.press(picker, "Киришүү семинары")
    return await staff.wait_for_edit(picker)


async def test_overview_list_and_reminder(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services, capacity=3)
    head, deputy, _rayon, _maybe, silent = await _answers(services, seminar, tg)
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    overview = await _open_overview(staff, seminar)
    text = overview.text or ""
    assert "Жооптор: ✅ 2 · 🤔 1 · ❌ 1" in text
    assert "Орундар: 3 ичинен 3 · күтүү тизмеси: 0" in text
    assert "Райондор боюнча: Сузак району 2, Аксы району 1" in text
    assert "Кызмат орундары боюнча: Айыл өкмөтүнүн башчысы 2," in text
    assert "Жооп бере элек: 1 айыл өкмөтү жана мекемеден 1 киши" in text
    await staff.press(overview, "Тизме")
    listing = (await staff.wait_for_message()).text or ""
    assert "✅2 Алия — Кеңеш, Сузак району · +996700123456" in listing
    assert "✅1 Бакыт — Жаны-Жол, Аксы району" in listing
    assert "• Сумсар, Чаткал району" in listing
    await staff.press(user_message(staff, overview), "Жооп бербегендерге")
    assert "1 киши" in ((await staff.wait_for_callback_answer()).text or "")
    nudge = await silent.wait_for_message()
    assert "жооп бере элексиз" in (nudge.text or "")
    assert [b.text for b in nudge.buttons[0]] == ["✅ Келем", "🤔 Балким", "❌ Келе албайм"]
    # A second press the same day sends nothing more.
    await staff.press(user_message(staff, overview), "Жооп бербегендерге")
    assert "эскертилген" in ((await staff.wait_for_callback_answer()).text or "")
    assert len([m for m in silent.messages if "жооп бере элексиз" in (m.text or "")]) == 1
    assert not [m for m in head.messages + deputy.messages if "жооп бере элексиз" in (m.text or "")]


def user_message(user: FakeUser, message: FakeMessage) -> FakeMessage:
    return user.message(message)


async def test_more_seats_promote_and_reopen(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services, capacity=1, rsvp_deadline=services.clock.now())
    first, second = tg.user("Алия", started=True), tg.user("Бакыт", started=True)
    for user in (first, second):
        await register(services, user)
        await services.rsvps.answer(seminar.id, user.id, "yes", 1, services.clock.now())
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    overview = await _open_overview(staff, seminar)
    assert "күтүү тизмеси: 1" in (overview.text or "")
    await staff.press(overview, "5 орун")
    overview = await staff.wait_for_edit(overview)
    assert "Орундар: 6 ичинен 2 · күтүү тизмеси: 0" in (overview.text or "")
    assert "Орун бошоду" in ((await second.wait_for_message()).text or "")
    await staff.press(overview, "Жазылууну кайра ачуу")
    overview = await staff.wait_for_edit(overview)
    assert (await services.attendance.settings(seminar.id)).reopened
    assert "🔒 Жазылууну жабуу" in [b.text for b in overview.all_buttons]


async def test_export_xlsx_and_csv_read_back(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services, capacity=2)
    head, *_ = await _answers(services, seminar, tg)
    third = tg.user("Гүлнара", started=True)
    await register(services, third, rayon="suzak", organisation="Бешик-Жон")
    await services.rsvps.answer(seminar.id, third.id, "yes", 1, services.clock.now())
    await services.attendance.check_in(seminar.id, head.id, STAFF_ID, services.clock.now())
    staff = tg.user("Staff", user_id=STAFF_ID, language_code="ru", started=True)
    await staff.send("/export")
    picker = await staff.wait_for_message()
    assert picker.text == "Выберите семинар:"
    await staff.press(picker, "Вводный семинар")
    document = await staff.wait_for_message()
    assert document.file_name == f"seminar-{seminar.id}.xlsx" and document.document
    workbook = load_workbook(io.BytesIO(document.document))
    sheet = workbook["Участники"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "Имя",
        "Должность",
        "Айыл окмоту / учреждение",
        "Район",
        "Область",
        "Телефон",
        "Ответ",
        "Сколько человек",
        "Место в листе ожидания",
        "Пришёл",
        "Оценка",
        "Отзыв",
    ]
    # Seated first, then the waitlist in order, then the other answers.
    assert rows[1] == [
        "Алия",
        "Глава айыл окмоту",
        "Кеңеш",
        "Сузакский район",
        "Джалал-Абадская область",
        "+996700123456",
        "придёт",
        2,
        None,
        "да",
        None,
        None,
    ]
    assert rows[2] == [
        "Бакыт",
        "Заместитель главы айыл окмоту",
        "Жаны-Жол",
        "Аксыйский район",
        "Джалал-Абадская область",
        None,
        "ждёт места",
        1,
        1,
        None,
        None,
        None,
    ]
    assert rows[3][:9] == [
        "Гүлнара",
        "Глава айыл окмоту",
        "Бешик-Жон",
        "Сузакский район",
        "Джалал-Абадская область",
        None,
        "ждёт места",
        1,
        2,
    ]
    assert sorted(row[6] for row in rows[4:]) == ["может быть", "не сможет"]
    summary = {row[0].value: row[1].value for row in workbook["Итоги"].iter_rows()}
    assert summary["Ответили «приду»"] == 3 and summary["Занято мест"] == 2
    assert summary["Всего мест"] == 2 and summary["В листе ожидания"] == 2
    assert summary["Отметились на месте"] == 1 and summary["Средняя оценка"] is None
    names = [row[0] for row in rows[1:]]
    assert sorted(names) == sorted(["Алия", "Бакыт", "Гүлнара", "Чынара", "Дамир"])
    await staff.press(document, "CSV")
    csv_message = await staff.wait_for_message()
    assert csv_message.file_name == f"seminar-{seminar.id}.csv"
    raw = csv_message.document or b""
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "Имя"
    assert table[1][:4] == ["Алия", "Глава айыл окмоту", "Кеңеш", "Сузакский район"]
    assert len(table) == len(rows)


async def test_non_staff_cannot_use_any_staff_action(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    head = tg.user("Алия", started=True)
    await register(services, head)
    for command in ("/rsvps", "/export"):
        await head.send(command)
        assert "кызматкерлери үчүн гана" in ((await head.wait_for_message()).text or "")
    await head.send("/my")
    mine = await head.wait_for_message()
    sid = seminar.id
    for data in (
        f"rsvps:s:{sid}",
        f"rsvps:l:{sid}",
        f"rsvps:x:{sid}",
        f"rsvps:v:{sid}",
        f"rsvps:r:{sid}",
        f"rsvps:c:{sid}:5",
        f"rsvps:o:{sid}:1",
        f"rsvps:t:{sid}",
        f"rsvps:m:{sid}:5",
        f"chk:q:{sid}",
        f"chk:l:{sid}:0",
        f"chk:p:{sid}:{head.id}:0",
        f"chk:w:{sid}:1",
    ):
        await head.press_data(mine, data)
        assert "кызматкерлери үчүн гана" in ((await head.wait_for_callback_answer()).text or "")
    assert await services.attendance.checkins(sid) == []
    assert (await services.attendance.settings(sid)).walk_ins == 0
    assert not (await services.attendance.settings(sid)).reopened
    seminar_now = await services.seminars.get(sid)
    assert seminar_now is not None and seminar_now.fields.capacity == 90
    assert not tg.calls_to("sendDocument") and not tg.calls_to("sendPhoto")


async def test_staff_choose_reminder_times_for_one_seminar(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    overview = await _open_overview(staff, seminar)
    assert "Эскертүүлөр: башталардан 24 саат, 2 саат мурун" in (overview.text or "")
    await staff.press(overview, "Качан эскертүү")
    choices = await staff.wait_for_edit(overview)
    labels = [b.text for b in choices.all_buttons]
    assert labels[:3] == [
        "24 саат, 2 саат (баарына болгондой)",
        "48 саат, 24 саат, 2 саат",
        "24 саат, 2 саат",
    ]
    await staff.press(choices, "2 саат")
    overview = await staff.wait_for_edit(choices)
    assert "Эскертүүлөр: башталардан 2 саат мурун" in (overview.text or "")
    assert (await services.attendance.settings(seminar.id)).reminder_minutes == (120,)
    jobs = [j.name for j in app.job_queue.jobs() if j.name and j.name.startswith("seminar-send:")]  # type: ignore[union-attr]
    assert len(jobs) == 2  # the 2-hour reminder and the survey at the end
    await staff.press(user_message(staff, overview), "Качан эскертүү")
    choices = await staff.wait_for_edit(overview)
    await staff.press(choices, "Эскертпөө")
    overview = await staff.wait_for_edit(choices)
    assert "Эскертүүлөр: өчүрүлгөн" in (overview.text or "")
    assert (await services.attendance.settings(seminar.id)).reminder_minutes == ()
    await staff.press_data(overview, f"rsvps:m:{seminar.id}:9")
    assert (await staff.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
