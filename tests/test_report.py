"""Staff: /report — the summary, the chart, the press-release drafts and the workbook."""

from __future__ import annotations

import io
import struct
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from bot.charts import ChartLabels, grouped_bars
from bot.context import BotApplication
from bot.report_facts import gather_facts
from bot.report_text import press_release
from bot.services import Services
from storage.questions import NewQuestion
from storage.seminars import Place, Seminar
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from tests.rsvp_helpers import create_seminar, register

JALAL_ABAD_RAYONS = (
    "aksy",
    "ala-buka",
    "bazar-korgon",
    "nooken",
    "suzak",
    "toguz-toro",
    "toktogul",
    "chatkal",
)
RAYONS_KY = "Аксы, Ала-Бука, Базар-Коргон, Ноокен, Сузак, Тогуз-Торо, Токтогул, Чаткал"
RAYONS_RU = (
    "Аксыйский, Ала-Букинский, Базар-Коргонский, Ноокенский, Сузакский, Тогуз-Тороуский,"
    " Токтогульский, Чаткальский районы"
)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, after checking the signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def _ask(
    services: Services, seminar: Seminar, user: FakeUser, topic: str | None, answer: bool
) -> int:
    now = services.clock.now()
    question = await services.questions.create(
        NewQuestion(user.id, seminar.id, "Суроо?", None, None, None, None, False, "ky"), now
    )
    if topic:
        await services.questions.set_topic(question.id, topic, now)
    if answer:
        await services.questions.answer(question.id, "Жооп.", STAFF_ID, "Staff", now, now)
    return question.id


async def _jalal_abad(services: Services, tg: FakeTelegram) -> Seminar:
    """A seminar with someone from each of the 8 rayons checked in, an Agency official
    checked in without answering, one "maybe", one silent, one not invited, 3 walk-ins,
    5 questions (one a duplicate) and 3 ratings."""
    seminar = await create_seminar(services, organiser="ХЕЛЬВЕТАС")
    now = services.clock.now()
    came: list[FakeUser] = []
    for index, rayon in enumerate(JALAL_ABAD_RAYONS):
        role = "rayon_admin" if rayon == "nooken" else "ao_head"
        user = tg.user(f"Башчы{index}", started=True)
        await register(services, user, rayon=rayon, role=role, organisation=f"АӨ{index}")
        await services.rsvps.answer(seminar.id, user.id, "yes", 2 if index == 1 else 1, now)
        came.append(user)
    deputy = tg.user("Орунбасар", language_code="ru", started=True)
    await register(services, deputy, language="ru", role="ao_deputy", rayon="aksy")
    await services.rsvps.answer(seminar.id, deputy.id, "yes", 1, now)
    came.append(deputy)
    maybe = tg.user("Балким", started=True)
    await register(services, maybe, rayon="suzak", organisation="Бешик-Жон")
    await services.rsvps.answer(seminar.id, maybe.id, "maybe", 1, now)
    silent = tg.user("Унчукпас", started=True)
    await register(services, silent, rayon="chatkal", organisation="Сумсар")
    agency = tg.user("Агенттик", started=True)
    await register(
        services, agency, role="state_agency", region=None, rayon=None, organisation=None
    )
    outsider = tg.user("Оштук", started=True)
    await register(services, outsider, region="osh", rayon="alai", organisation="Алай")
    await services.rsvps.answer(seminar.id, outsider.id, "no", 1, now)
    for user in [*came, agency]:
        await services.attendance.check_in(seminar.id, user.id, STAFF_ID, now)
    await services.attendance.add_walk_ins(seminar.id, 3)
    first = await _ask(services, seminar, came[0], "intermunicipal", answer=True)
    await _ask(services, seminar, came[1], "intermunicipal", answer=True)
    await _ask(services, seminar, came[2], "budget", answer=False)
    await _ask(services, seminar, came[3], None, answer=False)
    duplicate = await _ask(services, seminar, came[4], "budget", answer=False)
    await services.questions.mark_duplicate(duplicate, first, now)
    for user, rating, comment in ((came[0], 5, "Пайдалуу"), (came[1], 4, None), (deputy, 4, "")):
        await services.feedback.rate(seminar.id, user.id, rating, now)
        await services.feedback.finish(seminar.id, user.id, comment)
    return seminar


async def _report(staff: FakeUser, button: str) -> list[FakeMessage]:
    """/report, press the seminar, collect the five messages that follow."""
    await staff.send("/report")
    picker = await staff.wait_for_message()
    await staff.press(picker, button)
    return await staff.wait_for_messages(5)


async def test_report_in_kyrgyz(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await _jalal_abad(services, tg)
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    summary, chart, draft_ky, draft_ru, workbook = await _report(staff, "Киришүү семинары")
    text = summary.text or ""
    assert "📊 Отчёт: Киришүү семинары" in text
    assert "Чакырылган: 11 · жооп бергендер: 11 · келе тургандар: 10" in text
    assert "Белгиленгендер: 10 + Telegram'сыз: 3 = бардыгы 13 киши" in text
    assert "Айыл өкмөтүнүн башчысы 9/8/7" in text
    assert "ЖӨБ жана этностор аралык мамилелер боюнча мамлекеттик агенттик 0/0/1" in text
    assert "Ала-Бука району 1/2/1" in text and "Чаткал району 2/1/1" in text
    assert "району жок 0/0/1" in text
    assert "Райондор: чакырылган 8 райондун 8 катышты — бардыгы" in text
    assert "Суроолор: берилген 4, жооп берилген 2" in text
    assert (
        "Эң көп сурашкан темалар: Муниципалитеттер аралык кызматташтык 2, Жергиликтүү бюджет 1"
        in text
    )
    assert "Баа: 4.3 (3 жооп)" in text

    assert chart.photo is not None
    assert png_size(chart.photo) == (1000, 600)

    ky = draft_ky.text or ""
    assert ky.startswith("Пресс-релиз\n«Киришүү семинары»")
    assert "2026-жылдын 2-декабрында Жалал-Абад шаарында (облустук администрация)" in ky
    assert "Семинарды ХЕЛЬВЕТАС уюштурду." in ky
    assert "жалпысынан 13 адам катышты" in ky
    assert f"Жалал-Абад облусунун бардык 8 районунан келишти ({RAYONS_KY})" in ky
    assert (
        "Семинарга айыл өкмөт башчылары, айыл өкмөт башчысынын орун басары, райондук"
        " мамлекеттик администрациянын өкүлү жана Жергиликтүү өз алдынча башкаруу" in ky
    )
    assert "катышуучулар 4 суроо беришти, алардын 2 суроосуна жооп берилди" in ky
    assert "арасында муниципалитеттер аралык кызматташтык жана жергиликтүү бюджет маселелери" in ky

    ru = draft_ru.text or ""
    assert "2 декабря 2026 года в городе Джалал-Абад (областная администрация)" in ru
    assert "всего 13 человек." in ru
    assert f"Участники представляли все 8 районов Джалал-Абадской области: {RAYONS_RU}." in ru
    assert "участники задали 4 вопроса; на 2 из них даны ответы." in ru
    assert "по темам: межмуниципальное сотрудничество и местный бюджет." in ru

    assert workbook.file_name == f"report-seminar-{seminar.id}.xlsx"
    book = load_workbook(io.BytesIO(workbook.document or b""))
    assert book.sheetnames == ["Катышуучулар", "Жыйынтык", "Катышуу", "Суроолор", "Баалар"]
    attendance = [[c.value for c in row] for row in book["Катышуу"].iter_rows()]
    assert attendance[0] == ["Кызмат орду", "Чакырылган", "Келе турган", "Келген"]
    assert ["Сузак району", 2, 1, 1] in attendance
    assert ["Telegram'сыз", None, None, 3] in attendance
    assert attendance[-1] == ["Бардыгы", 11, 10, 13]
    questions = list(book["Суроолор"].iter_rows(values_only=True))
    assert len(questions) == 1 + 5
    feedback = list(book["Баалар"].iter_rows(values_only=True))
    assert feedback[0] == ("Баа", "Пикир")
    assert sorted(row[0] for row in feedback[1:4]) == [4, 4, 5]
    assert any("Пайдалуу" in row for row in feedback)
    summary_rows = {row[0]: row[1] for row in feedback[5:]}
    assert summary_rows["Орточо баа"] == 4.33 and summary_rows["4★"] == 2


async def test_report_in_russian_and_the_next_seminar(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    seminar = await _jalal_abad(services, tg)
    later = await create_seminar(
        services,
        title_ky="Ысык-Көл семинары",
        title_ru="Семинар в Иссык-Куле",
        city_ky="Каракол",
        city_ru="Каракол",
        starts_at=seminar.fields.starts_at + timedelta(days=7),
        ends_at=seminar.fields.ends_at + timedelta(days=7),
        places=(Place("issyk-kul"),),
    )
    staff = tg.user("Staff", user_id=STAFF_ID, language_code="ru", started=True)
    await staff.send("/report")
    picker = await staff.wait_for_message()
    assert picker.text == "Отчёт: выберите семинар."
    # Latest first.
    assert [b.callback_data for b in picker.all_buttons] == [
        f"rep:pick:{later.id}",
        f"rep:pick:{seminar.id}",
    ]
    await staff.press(picker, "Вводный семинар")
    summary, chart, draft_ky, draft_ru, workbook = await staff.wait_for_messages(5)
    text = summary.text or ""
    assert "Приглашено: 11 · ответили: 11 · придут: 10" in text
    assert "Отметились: 10 + без Telegram: 3 = всего 13 человек" in text
    assert "Сузакский район 2/1/1" in text
    assert "Районы: представлено 8 из 8 приглашённых — все" in text
    assert "Вопросы: задано 4, отвечено 2" in text
    assert "Оценка: 4.3 (3 ответа)" in text
    assert png_size(chart.photo or b"") == (1000, 600)
    assert "Долбоордун өкүлдөрү 2026-жылдын 9-декабрында Каракол шаарында кийинки семинарды" in (
        draft_ky.text or ""
    )
    assert (
        "Следующий семинар («Семинар в Иссык-Куле») представители проекта планируют провести"
        " 9 декабря 2026 года в городе Каракол." in (draft_ru.text or "")
    )
    book = load_workbook(io.BytesIO(workbook.document or b""))
    assert book.sheetnames == ["Участники", "Итоги", "Посещаемость", "Вопросы", "Оценки"]


async def test_press_release_agrees_with_numbers(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    now = services.clock.now()
    for index, rayon in enumerate(("aksy", "suzak", "suzak")):
        user = tg.user(f"Башчы{index}", started=True)
        await register(services, user, rayon=rayon, organisation=f"АӨ{index}")
        await services.attendance.check_in(seminar.id, user.id, STAFF_ID, now)
    facts = await gather_facts(services, seminar)
    ru = press_release(services, facts, "ru")
    ky = press_release(services, facts, "ky")
    assert "В семинаре приняли участие главы айыл окмоту — всего 3 человека." in ru
    assert "Участники представляли 2 района Джалал-Абадской области: Аксыйский, Сузакский" in ru
    assert "все " not in ru
    assert "Жалал-Абад облусунун 2 районунан келишти (Аксы, Сузак)." in ky
    assert "бардык" not in ky
    assert "Участники семинара активно обсуждали" in ru
    await services.attendance.add_walk_ins(seminar.id, 18)
    facts = await gather_facts(services, seminar)
    assert "— всего 21 человек." in press_release(services, facts, "ru")
    assert "жалпысынан 21 адам катышты" in press_release(services, facts, "ky")
    await services.attendance.add_walk_ins(seminar.id, 66)
    facts = await gather_facts(services, seminar)
    assert "— всего 87 человек." in press_release(services, facts, "ru")


async def test_empty_seminar_and_pages(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    await staff.send("/report")
    assert (await staff.wait_for_message()).text == "Азырынча семинар жок."
    seminars = [
        await create_seminar(
            services,
            title_ky=f"Семинар {n}",
            title_ru=f"Семинар {n}",
            starts_at=services.clock.now() + timedelta(days=n + 1),
            ends_at=services.clock.now() + timedelta(days=n + 1, hours=8),
        )
        for n in range(10)
    ]
    await staff.send("/report")
    picker = await staff.wait_for_message()
    assert len(picker.all_buttons) == 8 + 1
    assert picker.all_buttons[0].text.endswith("Семинар 9")
    await staff.press(picker, "▶")
    picker = await staff.wait_for_edit(picker)
    assert [b.text for b in picker.all_buttons][-1] == "◀"
    await staff.press(picker, "Семинар 0")
    summary, chart, draft_ky, draft_ru, workbook = await staff.wait_for_messages(5)
    text = summary.text or ""
    assert "Чакырылган: 0 · жооп бергендер: 0 · келе тургандар: 0" in text
    assert "Азырынча эч ким белгиленген эмес" in text
    assert "Райондор: чакырылган 8 райондун 0 катышты" in text
    assert "Суроолор: берилген 0, жооп берилген 0" in text
    assert "Баа азырынча жок." in text
    assert png_size(chart.photo or b"") == (1000, 600)
    assert "жалпысынан 0 адам катышты." in (draft_ky.text or "")
    assert "Всего в семинаре приняли участие 0 человек." in (draft_ru.text or "")
    book = load_workbook(io.BytesIO(workbook.document or b""))
    assert book["Баалар"]["A1"].value == "Баа"
    assert book["Катышуу"].max_row > 1
    assert workbook.file_name == f"report-seminar-{seminars[0].id}.xlsx"


async def test_non_staff_and_forged_buttons(tg: FakeTelegram, app: BotApplication) -> None:
    services = app.bot_data.services
    seminar = await create_seminar(services)
    head = tg.user("Алия", started=True)
    await register(services, head)
    await head.send("/report")
    assert "кызматкерлери үчүн гана" in ((await head.wait_for_message()).text or "")
    await head.send("/my")
    mine = await head.wait_for_message()
    for data in (f"rep:pick:{seminar.id}", "rep:page:1"):
        await head.press_data(mine, data)
        assert "кызматкерлери үчүн гана" in ((await head.wait_for_callback_answer()).text or "")
    assert not tg.calls_to("sendDocument") and not tg.calls_to("sendPhoto")

    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    await staff.send("/report")
    picker = await staff.wait_for_message()
    for data in ("rep:pick:999", "rep:pick:x", "rep:zap:1", "rep:pick"):
        await staff.press_data(picker, data)
        answer = await staff.wait_for_callback_answer()
        assert "эскирип" in (answer.text or ""), answer.text
    assert not tg.calls_to("sendDocument") and not tg.calls_to("sendPhoto")


async def test_a_draft_too_long_for_a_message_comes_as_a_text_file(
    tg: FakeTelegram, app: BotApplication
) -> None:
    services = app.bot_data.services
    agenda = "Программа: " + "презентация, " * 150
    title = ("Жергиликтүү деңгээлде кызмат көрсөтүүлөрдү жакшыртуу " * 18).strip()
    await create_seminar(
        services, title_ky=title, title_ru=title, description_ky=agenda, description_ru=agenda
    )
    staff = tg.user("Staff", user_id=STAFF_ID, started=True)
    _summary, _chart, draft_ky, draft_ru, _workbook = await _report(staff, title[:20])
    assert draft_ky.file_name == "press-release-ky.txt"
    assert draft_ru.file_name == "press-release-ru.txt"
    ky = (draft_ky.document or b"").decode("utf-8")
    assert len(ky) > 4096 and ky.startswith("Пресс-релиз")
    assert agenda.strip()[:-1] in ky and f"«{title}» аттуу семинар болуп өттү" in ky
    assert "Пресс-релиздин долбоору (ky)" in (draft_ky.text or "")


def test_chart_with_nothing_to_draw_is_still_a_picture() -> None:
    labels = ChartLabels("Семинар", "Район", "Киши", "Азырынча маалымат жок")
    assert png_size(grouped_bars([], {}, labels)) == (1000, 600)
    with pytest.raises(ValueError, match="2 values for 1"):
        grouped_bars(["Аксы"], {"Келген": [1, 2]}, labels)
