"""A municipal head registers through the real application and the fake Bot API."""

from __future__ import annotations

from bot.config import Config
from bot.context import BotApplication
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from tests.harness import FrozenClock, running_bot


async def press_and_wait(user: FakeUser, message: FakeMessage, button: str) -> FakeMessage:
    """Press a button and return the message as the bot edited it."""
    await user.press(message, button)
    return await user.wait_for_edit(message)


async def register_kenesh_head(user: FakeUser) -> FakeMessage:
    """Walk the Kyrgyz registration of the head of Kenesh, Suzak rayon; return the last screen."""
    await user.send("/start")
    screen = await user.wait_for_message()
    assert "Тилди тандаңыз" in (screen.text or "") and "Выберите язык" in (screen.text or "")
    assert [b.text for b in screen.buttons[0]] == ["✅ Кыргызча", "Русский"]
    screen = await press_and_wait(user, screen, "Кыргызча")
    assert screen.text == "Кызмат ордуңузду тандаңыз:"
    screen = await press_and_wait(user, screen, "Айыл өкмөтүнүн башчысы")
    screen = await press_and_wait(user, screen, "Жалал-Абад облусу")
    assert "Жалал-Абад облусу: районду тандаңыз" in (screen.text or "")
    navigation = {"reg:rayon:back", "reg:rayon:x"}
    rayons = [b for b in screen.all_buttons if b.callback_data not in navigation]
    assert len(rayons) == 8
    screen = await press_and_wait(user, screen, "Сузак")
    assert "аталышын жазыңыз" in (screen.text or "")
    await user.send("Кеңеш")
    phone = await user.wait_for_message()
    assert phone.reply_keyboard[0][0].raw.get("request_contact") is True
    await user.share_contact("+996 700 123 456")
    assert (await user.wait_for_message()).text == "Номер сакталды."
    summary = await user.wait_for_message()
    assert "Кызмат орду: Айыл өкмөтүнүн башчысы" in (summary.text or "")
    assert "Район: Сузак району" in (summary.text or "")
    assert "Айыл өкмөтү же уюм: Кеңеш" in (summary.text or "")
    assert "Телефон: +996700123456" in (summary.text or "")
    done = await press_and_wait(user, summary, "Ырастоо")
    assert (done.text or "").startswith("Катталдыңыз!")
    assert done.buttons == []
    return done


async def test_kyrgyz_registration_end_to_end(tg: FakeTelegram, app: BotApplication) -> None:
    alia = tg.user("Алия", language_code=None)
    await register_kenesh_head(alia)
    person = await app.bot_data.services.people.get(alia.id)
    assert person is not None
    assert (person.language, person.role, person.region_code, person.rayon_code) == (
        "ky",
        "ao_head",
        "jalal-abad",
        "suzak",
    )
    assert person.organisation_name == "Кеңеш" and person.phone == "+996700123456"
    assert person.subscribed and await app.bot_data.services.drafts.get(alia.id) is None


async def test_russian_registration_matches_a_known_name(
    tg: FakeTelegram, app: BotApplication
) -> None:
    await register_kenesh_head(tg.user("Алия"))
    bakyt = tg.user("Бакыт", language_code="ru")
    await bakyt.send("/start")
    screen = await bakyt.wait_for_message()
    assert [b.text for b in screen.buttons[0]] == ["Кыргызча", "✅ Русский"]
    screen = await press_and_wait(bakyt, screen, "Русский")
    assert screen.text == "Выберите вашу должность:"
    screen = await press_and_wait(bakyt, screen, "Заместитель главы айыл окмоту")
    screen = await press_and_wait(bakyt, screen, "Джалал-Абадская область")
    screen = await press_and_wait(bakyt, screen, "Сузакский")
    assert "Кеңеш" in [b.text for b in screen.all_buttons]  # known names are offered
    await bakyt.send("  а/о КЕНЕШ ")
    await bakyt.wait_for_message()  # phone prompt
    await bakyt.send("Пропустить")
    assert (await bakyt.wait_for_message()).text == "Хорошо, продолжим без номера."
    summary = await bakyt.wait_for_message()
    assert "Айыл окмоту или организация: Кеңеш" in (summary.text or "")
    assert "Район: Сузакский район" in (summary.text or "")
    assert "Телефон: —" in (summary.text or "")
    done = await press_and_wait(bakyt, summary, "Подтвердить")
    assert (done.text or "").startswith("Готово, вы зарегистрированы!")
    services = app.bot_data.services
    assert len(await services.organisations.in_place("jalal-abad", "suzak")) == 1
    person = await services.people.get(bakyt.id)
    assert person is not None and person.organisation_name == "Кеңеш" and person.phone is None


async def test_a_near_spelling_is_offered_not_duplicated(
    tg: FakeTelegram, app: BotApplication
) -> None:
    await register_kenesh_head(tg.user("Алия"))
    user = tg.user("Нурлан", language_code="ru")
    await user.send("/start")
    screen = await user.wait_for_message()
    for button in ("Русский", "Глава айыл окмоту", "Джалал-Абадская область", "Сузакский"):
        screen = await press_and_wait(user, screen, button)
    await user.send("Кенешь")
    question = await user.wait_for_message()
    assert "«Кеңеш»" in (question.text or "")
    screen = await press_and_wait(user, question, "Да, Кеңеш")
    phone = await user.wait_for_message()
    assert phone.reply_keyboard
    await user.send("Пропустить")
    await user.wait_for_messages(2)
    assert len(await app.bot_data.services.organisations.in_place("jalal-abad", "suzak")) == 1


async def test_roles_without_a_place_skip_those_steps(
    tg: FakeTelegram, app: BotApplication
) -> None:
    user = tg.user("Айгүл", language_code="ky")
    await user.send("/start")
    screen = await user.wait_for_message()
    screen = await press_and_wait(user, screen, "Кыргызча")
    await user.press(screen, "мамлекеттик агенттик")
    phone = await user.wait_for_message()  # straight to the phone: no oblast, rayon or name
    assert phone.reply_keyboard
    await user.send("Өткөрүп жиберүү")
    await user.wait_for_message()
    summary = await user.wait_for_message()
    assert "Облус" not in (summary.text or "") and "Район" not in (summary.text or "")
    await press_and_wait(user, summary, "Ырастоо")
    person = await app.bot_data.services.people.get(user.id)
    assert person is not None and person.role == "state_agency" and person.region_code is None


async def test_back_and_cancel(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Азамат", language_code="ky")
    await user.send("/start")
    screen = await user.wait_for_message()
    screen = await press_and_wait(user, screen, "Кыргызча")
    screen = await press_and_wait(user, screen, "Айыл өкмөтүнүн башчысы")
    screen = await press_and_wait(user, screen, "Нарын облусу")
    screen = await press_and_wait(user, screen, "← Артка")
    assert screen.text == "Облусту же шаарды тандаңыз:"
    screen = await press_and_wait(user, screen, "← Артка")
    assert screen.text == "Кызмат ордуңузду тандаңыз:"
    screen = await press_and_wait(user, screen, "Жокко чыгаруу")
    assert screen.text == "Каттоо токтотулду. Кайра баштоо үчүн: /start"
    assert await app.bot_data.services.drafts.get(user.id) is None


async def test_text_where_a_button_is_expected(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Эрмек", language_code="ky")
    await user.send("/start")
    await user.wait_for_message()
    await user.send("кыргызча")
    assert (await user.wait_for_message()).text == "Төмөнкү баскычтардын бирин басыңыз."
    again = await user.wait_for_message()
    assert "Тилди тандаңыз" in (again.text or "") and again.buttons


async def test_stale_and_forged_buttons_change_nothing(
    tg: FakeTelegram, app: BotApplication
) -> None:
    user = tg.user("Жылдыз", language_code="ky")
    await user.send("/start")
    first = await user.wait_for_message()
    screen = await press_and_wait(user, first, "Кыргызча")
    # The language message was edited into the role screen; its old data is now stale.
    await user.press_data(first, "reg:lang:ru")
    answer = await user.wait_for_callback_answer()
    assert answer.text == "Бул баскыч эскирип калды." and answer.show_alert
    for forged in ("reg:role:mayor", "reg:region:mars", "reg:sum:ok", "reg", "x" * 60, "inv:r:osh"):
        await user.press_data(screen, forged)
        assert (await user.wait_for_callback_answer()).text in (
            "Бул баскыч эскирип калды.",
            "Бул аракет долбоордун кызматкерлери үчүн гана.",
        )
    draft = await app.bot_data.services.drafts.get(user.id)
    assert draft is not None and (draft.step, draft.language, draft.role) == ("role", "ky", None)
    assert await app.bot_data.services.people.get(user.id) is None


async def test_double_press_on_confirm_saves_once(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Алия")
    await register_kenesh_head(user)
    done = user.messages[-1]
    await user.press_data(done, "reg:sum:ok")
    assert (await user.wait_for_callback_answer()).text == "Бул баскыч эскирип калды."
    assert await app.bot_data.services.people.count_subscribed() == 1


async def test_start_twice_mid_registration_resumes(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Гүлзат", language_code="ru")
    await user.send("/start")
    screen = await user.wait_for_message()
    screen = await press_and_wait(user, screen, "Русский")
    await press_and_wait(user, screen, "Глава айыл окмоту")
    await user.send("/start")
    assert (await user.wait_for_message()).text == "Продолжим с того места, где остановились."
    resumed = await user.wait_for_message()
    assert resumed.text == "Выберите область или город:"


async def test_long_and_emoji_names(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Канат", language_code="ky")
    await user.send("/start")
    screen = await user.wait_for_message()
    for button in ("Кыргызча", "Айыл өкмөтүнүн башчысы", "Ысык-Көл облусу", "Тоң"):
        screen = await press_and_wait(user, screen, button)
    await user.send("Б" * 300)
    too_long = await user.wait_for_message()
    assert too_long.text == "Аталыш өтө узун (300 белги). 100 белгиден ашпасын."
    await user.send("🙂🙂🙂")
    assert (await user.wait_for_message()).text == "Аталышта тамгалар болушу керек. Кайра жазыңыз."
    await user.send("🏔🏔 Тоң 🌾")
    await user.wait_for_message()  # phone
    draft = await app.bot_data.services.drafts.get(user.id)
    assert draft is not None and draft.new_organisation == "Тоң"


async def test_someone_elses_contact_is_refused(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Улан", language_code="ky")
    await user.send("/start")
    screen = await user.wait_for_message()
    screen = await press_and_wait(user, screen, "Кыргызча")
    await user.press(screen, "Долбоордун кызматкери")
    await user.wait_for_message()
    await user.share_contact("+996555000111", user_id=99999)
    assert (await user.wait_for_message()).text == (
        "Өзүңүздүн номериңизди төмөнкү баскыч менен жөнөтүңүз."
    )
    draft = await app.bot_data.services.drafts.get(user.id)
    assert draft is not None and draft.phone is None and draft.step == "phone"


async def test_registration_survives_a_restart(tg: FakeTelegram, config: Config) -> None:
    user = tg.user("Мирлан", language_code="ky")
    async with running_bot(config, FrozenClock()):
        await user.send("/start")
        screen = await user.wait_for_message()
        screen = await press_and_wait(user, screen, "Кыргызча")
        screen = await press_and_wait(user, screen, "Айыл өкмөтүнүн башчысы")
        await press_and_wait(user, screen, "Талас облусу")
    async with running_bot(config, FrozenClock()) as application:
        await user.send("/start")
        await user.wait_for_message()
        resumed = await user.wait_for_message()
        assert "Талас облусу: районду тандаңыз" in (resumed.text or "")
        screen = await press_and_wait(user, resumed, "Манас")
        draft = await application.bot_data.services.drafts.get(user.id)
        assert draft is not None and draft.rayon_code == "manas" and draft.step == "org"


async def test_settings_change_the_rayon(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Алия")
    await register_kenesh_head(user)
    await user.send("/settings")
    summary = await user.wait_for_message()
    assert "Сактоо" in [b.text.removeprefix("✅ ") for b in summary.all_buttons]
    screen = await press_and_wait(user, summary, "Жайгашкан жер")
    screen = await press_and_wait(user, screen, "Жалал-Абад облусу")
    screen = await press_and_wait(user, screen, "Аксы")
    await user.send("Кербен")
    summary = await user.wait_for_message()
    assert "Аксы району" in (summary.text or "") and "Кербен" in (summary.text or "")
    saved = await press_and_wait(user, summary, "Сактоо")
    assert (saved.text or "").startswith("Өзгөртүүлөр сакталды.")
    person = await app.bot_data.services.people.get(user.id)
    assert person is not None and (person.rayon_code, person.organisation_name) == (
        "aksy",
        "Кербен",
    )
    assert person.phone == "+996700123456"  # untouched fields stay


async def test_language_stop_start_help_and_blocking(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Алия")
    await register_kenesh_head(user)
    services = app.bot_data.services
    await user.send("/language")
    switched = await user.wait_for_message()
    assert switched.text == "Язык изменён: русский."
    assert (await services.people.get(user.id)).language == "ru"  # type: ignore[union-attr]
    await press_and_wait(user, switched, "Кыргыз тилине которуу")
    assert (await services.people.get(user.id)).language == "ky"  # type: ignore[union-attr]
    await user.send("/help")
    help_text = (await user.wait_for_message()).text or ""
    assert "/settings" in help_text and "/invite" not in help_text
    await user.send("/stop")
    assert (await user.wait_for_message()).text == "Кабарлар токтотулду. Кайра жазылуу үчүн: /start"
    assert await services.people.count_subscribed() == 0
    await user.send("/start")
    assert (await user.wait_for_message()).text == (
        "Кайра кош келиңиз! Семинарлар тууралуу кабарларды кайра аласыз."
    )
    await user.block()
    await tg.wait_for_call("getUpdates", start=len(tg.calls))
    for _ in range(50):
        person = await services.people.get(user.id)
        if person is not None and not person.reachable:
            break
        await tg.wait_for_call("getUpdates", start=len(tg.calls))
    assert person is not None and not person.reachable
    await user.unblock()
    await user.send("/help")
    await user.wait_for_message()
    assert (await services.people.get(user.id)).reachable  # type: ignore[union-attr]


async def test_unknown_text_and_commands(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Алия")
    await register_kenesh_head(user)
    await user.send("саламатсызбы")
    assert (await user.wait_for_message()).text == "Түшүнгөн жокмун. Буйруктардын тизмеси: /help"
    await user.send("/nonsense")
    assert (await user.wait_for_message()).text == "Түшүнгөн жокмун. Буйруктардын тизмеси: /help"
    await user.send("/help")
    assert "Буйруктар:\n/start — " in ((await user.wait_for_message()).text or "")


async def test_staff_invitation_presets_the_place(tg: FakeTelegram, app: BotApplication) -> None:
    staff = tg.user("Staff", language_code="ru", user_id=STAFF_ID)
    await staff.send("/help")
    assert "/invite" in ((await staff.wait_for_message()).text or "")
    await staff.send("/invite")
    screen = await staff.wait_for_message()
    screen = await press_and_wait(staff, screen, "Иссык-Кульская область")
    screen = await press_and_wait(staff, screen, "Тонский")
    screen = await press_and_wait(staff, screen, "Глава айыл окмоту")
    link = next(w for w in (screen.text or "").split() if w.startswith("https://t.me/"))
    assert link.startswith("https://t.me/seminar_test_bot?start=inv-")
    code = link.split("start=")[1]
    head = tg.user("Бермет", language_code="ky")
    await head.send(f"/start {code}")
    assert (await head.wait_for_message()).text == ("Чакыруу боюнча: Ысык-Көл облусу, Тоң")
    screen = await head.wait_for_message()
    screen = await press_and_wait(head, screen, "Кыргызча")
    assert "аталышын жазыңыз" in (screen.text or "")  # role, oblast and rayon were preset
    await head.send("Кара-Шаар")
    await head.wait_for_message()
    await head.send("Өткөрүп жиберүү")
    await head.wait_for_message()
    summary = await head.wait_for_message()
    await press_and_wait(head, summary, "Ырастоо")
    services = app.bot_data.services
    person = await services.people.get(head.id)
    assert person is not None and (person.rayon_code, person.role) == ("ton", "ao_head")
    assert (await services.invitations.get(code.removeprefix("inv-"))).uses == 1  # type: ignore[union-attr]


async def test_bad_invitation_code(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Бермет", language_code="ru")
    await user.send("/start inv-nosuchcode")
    assert "недействительна" in ((await user.wait_for_message()).text or "")
    assert "Выберите язык" in ((await user.wait_for_message()).text or "")


async def test_non_staff_cannot_use_staff_commands(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Алия")
    await register_kenesh_head(user)
    await user.send("/invite")
    assert (await user.wait_for_message()).text == "Бул аракет долбоордун кызматкерлери үчүн гана."
    await user.press_data(user.messages[-1], "inv:o:naryn:kochkor:ao_head")
    assert (await user.wait_for_callback_answer()).text == (
        "Бул аракет долбоордун кызматкерлери үчүн гана."
    )
    rows = await app.bot_data.services.db.fetch_all("SELECT * FROM invitations")
    assert rows == []


async def test_command_menus_in_both_languages(tg: FakeTelegram, app: BotApplication) -> None:
    ky = dict(tg.commands(language_code="ky"))
    ru = dict(tg.commands(language_code="ru"))
    assert ky["language"] == "Тилди алмаштыруу" and ru["language"] == "Сменить язык"
    assert "invite" not in ky
    staff_ru = dict(tg.commands(scope_type="chat", language_code="ru", chat_id=STAFF_ID))
    assert staff_ru["invite"] == "Создать ссылку-приглашение"
    assert staff_ru["language"] == "Сменить язык"  # staff keep the participants' commands


async def test_every_callback_fits_telegram(tg: FakeTelegram, app: BotApplication) -> None:
    user = tg.user("Алия")
    await register_kenesh_head(user)
    rejected = [call for call in tg.calls if call.error_code == 400]
    assert rejected == []


async def test_switching_language_mid_registration_shows_the_step_again(
    tg: FakeTelegram, app: BotApplication
) -> None:
    user = tg.user("Нурбек", language_code="ky")
    await user.send("/start")
    screen = await user.wait_for_message()
    screen = await press_and_wait(user, screen, "Кыргызча")
    assert screen.text == "Кызмат ордуңузду тандаңыз:"
    await user.send("/language")
    assert (await user.wait_for_message()).text == "Язык изменён: русский."
    again = await user.wait_for_message()
    assert again.text == "Выберите вашу должность:"
    await press_and_wait(user, again, "Глава айыл окмоту")
    draft = await app.bot_data.services.drafts.get(user.id)
    assert draft is not None and (draft.language, draft.role) == ("ru", "ao_head")
