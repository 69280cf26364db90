"""Group chats: adding the bot, registering a group, posting, answering, asking, migrating."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from bot.audience import Audience
from bot.config import Config
from bot.context import BotApplication
from bot.group_post import group_posts
from bot.rsvp_report import build_report
from bot.services import Services
from handlers.audience_views import recipients
from storage.groups import GROUP_ANNOUNCEMENT
from storage.people import Profile
from storage.seminars import Place
from tests.broadcasting import drained
from tests.conftest import STAFF_ID
from tests.fake_telegram import FakeGroup, FakeTelegram, FakeUser
from tests.group_helpers import (
    BOT,
    bot_calls_per_chat,
    eventually,
    most_edits_in_a_minute,
    post_seminar,
    registered_group,
    until,
)
from tests.harness import FrozenClock, make_config
from tests.question_helpers import registered, staff_group_with
from tests.rsvp_helpers import create_seminar, deliver_announcement, register

STAFF_GROUP = -1001234567890


@pytest.fixture
def staff_group(tg: FakeTelegram) -> FakeGroup:
    return tg.group("Сотрудники проекта", chat_id=STAFF_GROUP)


@pytest.fixture
def config(tg: FakeTelegram, tmp_path: Path, staff_group: FakeGroup) -> Config:
    made = make_config(tg, tmp_path, admins=frozenset({STAFF_ID}), staff_chat_id=staff_group.id)
    return replace(made, bot=replace(made.bot, default_language="ru"))


@pytest.fixture
def services(app: BotApplication) -> Services:
    return app.bot_data.services


@pytest.fixture
async def staff(tg: FakeTelegram, staff_group: FakeGroup) -> FakeUser:
    member = tg.user("Айбек", "Сотрудник", user_id=STAFF_ID, language_code="ru", started=True)
    await staff_group_with(tg, staff_group, member)
    staff_group.skip_pending()
    return member


async def test_bot_added_staff_register_the_group_and_others_are_refused(
    tg: FakeTelegram, services: Services, staff: FakeUser, staff_group: FakeGroup
) -> None:
    head = tg.user("Бакыт", language_code="ru")
    group = tg.group("Сузак: айыл өкмөт башчылары")
    await group.add_bot(by=head)
    notice = await staff_group.wait_for_message()
    assert "«Сузак: айыл өкмөт башчылары»" in (notice.text or "")
    assert str(group.id) in (notice.text or "")
    stored = await services.groups.get(group.id)
    assert stored is not None and stored.status == "active" and not stored.is_audience

    await head.send("/group@seminar_test_bot", chat=group)
    refusal = await group.wait_for_message()
    assert refusal.text == "Это действие доступно только сотрудникам проекта."

    await staff.send("/group@seminar_test_bot", chat=group)
    screen = await group.wait_for_message()
    assert "не зарегистрирована" in (screen.text or "")
    # A member pressing the staff member's buttons changes nothing.
    await head.press(screen, "Джалал-Абадская область")
    answer = await head.wait_for_callback_answer()
    assert answer.text == "Это действие доступно только сотрудникам проекта."
    await head.press_data(screen, "grp:l:suzak:ky")
    await head.wait_for_callback_answer()
    stored = await services.groups.get(group.id)
    assert stored is not None and not stored.is_audience

    await staff.press(screen, "Джалал-Абадская область")
    rayons = await group.wait_for_edit(screen)
    await staff.press(rayons, "Сузакский")
    languages = await group.wait_for_edit(rayons)
    await staff.press(languages, "на двух языках")
    done = await group.wait_for_edit(languages)
    assert (done.text or "").startswith(
        "✅ Группа зарегистрирована: Сузакский район, на двух языках"
    )
    stored = await services.groups.get(group.id)
    assert stored is not None and stored.is_audience
    assert (stored.region_code, stored.rayon_code, stored.language) == (
        "jalal-abad",
        "suzak",
        "both",
    )
    assert stored.registered_by == STAFF_ID and stored.added_by == head.id

    # A forged place is stale; the staff group itself is no audience.
    await staff.press_data(done, "grp:l:atlantis:ky")
    assert (await staff.wait_for_callback_answer()).text == "Эта кнопка устарела."
    await staff.send("/group", chat=staff_group)
    assert "группа сотрудников" in ((await staff_group.wait_for_message()).text or "")

    await group.remove_bot(by=head)

    async def left() -> bool:
        found = await services.groups.get(group.id)
        return found is not None and found.status == "left"

    await eventually(left)
    assert await services.groups.audiences() == []


async def test_staff_remove_a_registration_and_members_cannot(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    group = await registered_group(tg, services, "Сузак")
    member = tg.user("Бакыт", language_code="ru")
    await staff.send("/group", chat=group)
    screen = await group.wait_for_message()
    assert "Сузак" in (screen.text or "")
    await member.press(screen, "Не публиковать")
    await member.wait_for_callback_answer()
    assert [g.chat_id for g in await services.groups.audiences()] == [group.id]
    await staff.press(screen, "Не публиковать")
    await group.wait_for_edit(screen)
    assert await services.groups.audiences() == []


async def test_announcement_goes_to_the_groups_of_its_places_only(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    suzak = await registered_group(tg, services, "Сузак", language="ky")
    oblast = await registered_group(tg, services, "Облус", rayon=None, language="both")
    karakol = await registered_group(tg, services, "Каракол", region="issyk-kul", rayon=None)
    gone = await registered_group(tg, services, "Ноокен", rayon="nooken")
    await services.groups.left(gone.id, services.clock.now())
    unregistered = tg.group("Башка топ", bot_is_member=True)
    seminar = await create_seminar(services, capacity=40)

    await staff.send("/help")
    await staff.press_data(await staff.wait_for_message(), f"ann:start:{seminar.id}")
    screen = await staff.wait_for_message()
    assert "Группы: 2 (объявление уйдёт и туда)" in (screen.text or "")
    await staff.press(screen, "Опубликовать и в группах (2)")
    off = await staff.wait_for_edit(screen)
    assert "Группы: 2 (не отправляется)" in (off.text or "")
    await staff.press(off, "Опубликовать и в группах (2)")
    on = await staff.wait_for_edit(off)
    await staff.press(on, "Предпросмотр")
    await staff.wait_for_edit(on)
    previews = [m.text or "" for m in await staff.wait_for_messages(3)]
    assert previews[0] == "В группах (2) объявление будет выглядеть так:"
    assert "Келет: 0 / 40 орун" in previews[1] or "Придут: 0 из 40 мест" in previews[1]
    await staff.press(staff.messages[-1], "📤 Опубликовать в группах (2)")

    [suzak_post, oblast_post] = [await g.wait_for_message(timeout=15) for g in (suzak, oblast)]
    assert "Киришүү семинары" in (suzak_post.text or "")
    assert "Вводный семинар" not in (suzak_post.text or "")
    assert "👥 Келет: 0 / 40 орун" in (suzak_post.text or "")
    assert {"✅ Келем", "🤔 Балким", "❌ Келе албайм"} <= {b.text for b in suzak_post.all_buttons}
    oblast_text = oblast_post.text or ""
    assert "Киришүү семинары" in oblast_text and "Вводный семинар" in oblast_text
    assert "👥 Придут: 0 из 40 мест" in oblast_text
    assert "✅ Келем / ✅ Приду" in {b.text for b in oblast_post.all_buttons}
    posted = bot_calls_per_chat(tg, "sendMessage")
    assert posted[suzak.id] == 1 and posted[oblast.id] == 1
    assert posted[karakol.id] == posted[gone.id] == posted[unregistered.id] == 0


async def test_a_burst_of_100_presses_counts_each_once_and_edits_the_count_sparingly(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ky")
    seminar = await create_seminar(services, capacity=40)
    [post] = await post_seminar(services, seminar, group)
    members = [tg.user(f"Башчы{n}", language_code="ky", user_id=20_000 + n) for n in range(100)]
    for member in members[:50]:
        # Half registered, half never opened the bot.
        await register(services, member, language="ky")
    queries = [await member.press(post, "✅ Келем") for member in members]
    for member, query in zip(members, queries, strict=True):
        answer = await member.wait_for_callback_answer(query, timeout=30)
        assert answer.show_alert
    # One member changes their mind: a second press moves the count again.
    await members[0].press(post, "❌ Келе албайм")
    await members[0].wait_for_callback_answer()

    answers = await services.rsvps.for_seminar(seminar.id)
    assert len(answers) == 100
    assert sum(r.party for r in answers if r.seated) == 40
    assert sum(1 for r in answers if r.waiting) == 59
    await until(lambda: "👥 Келет: 40 / 40 орун" in (group.message(post).text or ""), 20)

    edits = [c for c in tg.calls_to("editMessageText") if c.params.get("chat_id") == group.id]
    assert 1 <= len(edits) <= 6
    assert tg.count_429 == 0
    # Confirmations go to the pressers as alerts, never as messages in the group.
    assert bot_calls_per_chat(tg, "sendMessage")[group.id] == 1
    # At most one edit per group every 5 s: far under Telegram's 20 a minute per group.
    times = sorted(c.at for c in edits)
    assert all(later - earlier >= 4.5 for earlier, later in pairwise(times))
    assert most_edits_in_a_minute(tg, group.id) <= 12


async def test_an_unregistered_presser_counts_and_is_asked_to_open_the_bot(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ru")
    seminar = await create_seminar(services, capacity=40)
    [post] = await post_seminar(services, seminar, group)
    guest = tg.user("Нурлан", "Осмонов", username="nurlan", language_code="ru")
    await guest.press(post, "✅ Приду")
    alert = await guest.wait_for_callback_answer()
    assert alert.show_alert and alert.text is not None and len(alert.text) <= 200
    assert "✅ Вы записаны: придёте." in alert.text
    assert f"https://t.me/seminar_test_bot?start=grp-{seminar.id}" in alert.text
    rsvp = await services.rsvps.get(seminar.id, guest.id)
    assert rsvp is not None and rsvp.answer == "yes" and rsvp.seated

    assert await services.people.get(guest.id) is None
    known = await services.people.get(guest.id, guests=True)
    assert known is not None and not known.registered and known.full_name == "Нурлан Осмонов"
    assert guest.id not in {p.telegram_id for p in await services.people.reachable_subscribers()}
    invited = await recipients(services, Audience(places=(Place("jalal-abad"),)))
    assert guest.id not in {p.telegram_id for p in invited}
    assert await services.people.count_subscribed() == 0
    # Staff lists count them under their Telegram name; they are nobody to "not answered".
    report = await build_report(services, seminar)
    [participant] = report.participants
    assert participant.person.full_name == "Нурлан Осмонов"
    assert guest.id not in {p.telegram_id for p in report.not_answered}

    # The link opens registration in the private chat.
    await guest.send(f"/start grp-{seminar.id}")
    assert "Кыргызча" in {b.text for b in (await guest.wait_for_message()).all_buttons}

    # Registering later turns the row into a registration; the answer stays.
    await services.people.save(
        Profile(
            telegram_id=guest.id,
            first_name="Нурлан",
            last_name="Осмонов",
            username="nurlan",
            language="ru",
            role="ao_head",
            region_code="jalal-abad",
            rayon_code="suzak",
            organisation_id=None,
            phone=None,
            invitation_code=None,
        ),
        services.clock.now(),
    )
    person = await services.people.get(guest.id)
    assert person is not None and person.registered and person.subscribed
    assert await services.rsvps.get(seminar.id, guest.id) == rsvp

    # A registered presser gets the confirmation without the link.
    head = await registered(services, tg, "Алия", language="ru")
    await head.press(post, "🤔 Может быть")
    alert = await head.wait_for_callback_answer()
    assert alert.text == "🤔 Ответ сохранён: может быть."


async def test_group_questions_are_answered_privately_or_in_the_group(
    tg: FakeTelegram, services: Services, staff: FakeUser, staff_group: FakeGroup
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ru")
    seminar = await create_seminar(services)
    [post] = await post_seminar(services, seminar, group)
    asker = await registered(services, tg, "Алия", "Асанова", language="ru")

    await asker.send("/ask@seminar_test_bot Будет ли трансфер?", chat=group)
    received = await asker.wait_for_message()
    assert (received.text or "").startswith("Вопрос №")
    card = await staff_group.wait_for_message()
    assert "Будет ли трансфер?" in (card.text or "") and "Вводный семинар" in (card.text or "")
    await staff.reply_to(card, "Да, от администрации.", chat=staff_group)
    answer = await asker.wait_for_message()
    assert "Да, от администрации." in (answer.text or "")

    # Someone the bot can't write to: a "?" reply to the post; the answer comes in the group.
    guest = tg.user("Нурлан", language_code="ru")
    question = await guest.reply_to(post, "? Можно прийти с заместителем?", chat=group)
    ack = await group.wait_for_message()
    assert "принят" in (ack.text or "")
    card = await staff_group.wait_for_message()
    assert "Можно прийти с заместителем?" in (card.text or "")
    await staff.reply_to(card, "Да, укажите двоих.", chat=staff_group)
    reply = await group.wait_for_message()
    assert "Да, укажите двоих." in (reply.text or "")
    assert reply.data["reply_to_message"]["message_id"] == question.message_id

    # /ask without text gets a hint; non-staff cannot use /group; chatter gets nothing.
    await asker.send("/ask", chat=group)
    assert "/ask" in ((await group.wait_for_message()).text or "")


async def test_ordinary_group_chatter_gets_no_answer(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ru")
    seminar = await create_seminar(services)
    [post] = await post_seminar(services, seminar, group)
    member = await registered(services, tg, "Алия", language="ru")
    before = len(tg.calls)
    for n in range(18):
        await member.send(f"Саламатсыздарбы! {n}", chat=group)
    await member.reply_to(post, "Рахмат!", chat=group)
    await member.send("/start", chat=group)
    # A marker that is answered: everything before it has been handled by then.
    await member.send("/ask", chat=group)
    await group.wait_for_message()
    methods = [c.method for c in tg.calls[before:] if c.method != "getUpdates"]
    assert methods == ["sendMessage"]


async def test_a_group_that_becomes_a_supergroup_keeps_its_registration(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ky")
    old_id = group.id
    await group.migrate_to_supergroup(-1009876543210, by=tg.user("Бакыт"))

    async def moved_in_storage() -> bool:
        return await services.groups.get(group.id) is not None

    await eventually(moved_in_storage)
    moved = await services.groups.get(group.id)
    assert moved is not None and moved.is_audience and moved.rayon_code == "suzak"
    assert await services.groups.get(old_id) is None
    seminar = await create_seminar(services)
    [post] = await post_seminar(services, seminar, group)
    assert post.chat_id == group.id


async def test_a_post_to_a_migrated_group_is_retried_at_its_new_id(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ky")
    old_id = group.id
    [stored] = await services.groups.audiences()
    seminar = await create_seminar(services)
    # Telegram migrates the group; the bot posts to the old id before reading the news.
    await group.migrate_to_supergroup(-1005555555555, by=tg.user("Бакыт"))
    broadcast_id = await services.broadcasts.submit(
        GROUP_ANNOUNCEMENT,
        group_posts(services, seminar, [stored], BOT, 0),
        seminar_id=seminar.id,
    )
    await drained(services, broadcast_id)
    post = await group.wait_for_message()
    assert post.chat_id == -1005555555555
    member = tg.user("Бакыт", language_code="ky")
    await member.press(post, "✅ Келем")
    await member.wait_for_callback_answer()
    await until(lambda: "Келет: 1 / 90 орун" in (group.message(post).text or ""), 10)
    assert old_id not in bot_calls_per_chat(tg, "sendMessage")


async def test_an_answer_in_private_moves_the_group_count_too(
    tg: FakeTelegram, services: Services, staff: FakeUser
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ky")
    seminar = await create_seminar(services, capacity=40, max_party=1)
    [post] = await post_seminar(services, seminar, group)
    head = tg.user("Алия", language_code="ky", started=True)
    await register(services, head, language="ky")
    announcement = deliver_announcement(tg, services, head, seminar, "ky")
    await head.press(announcement, "Келем")
    await head.wait_for_callback_answer()
    await until(lambda: "👥 Келет: 1 / 40 орун" in (group.message(post).text or ""), 10)
    # The post keeps its buttons after the edit.
    assert "✅ Келем" in {b.text for b in group.message(post).all_buttons}


async def test_group_presses_keep_the_private_rules_and_bad_input_is_answered(
    tg: FakeTelegram, services: Services, staff: FakeUser, clock: FrozenClock
) -> None:
    group = await registered_group(tg, services, "Сузак", language="ru")
    closed = await create_seminar(
        services, capacity=40, rsvp_deadline=clock.now() + timedelta(hours=1)
    )
    [post] = await post_seminar(services, closed, group)
    early = tg.user("Алия", language_code="ru")
    await early.press(post, "✅ Приду")
    await early.wait_for_callback_answer()
    clock.advance(timedelta(hours=2))
    late = tg.user("Бакыт", language_code="ru")
    await late.press(post, "✅ Приду")
    assert (await late.wait_for_callback_answer()).text == (
        "Запись на семинар закрыта. Если очень нужно прийти, напишите организаторам."
    )
    # After the deadline someone coming may still say they can't.
    await early.press(post, "❌ Не смогу")
    changed = (await early.wait_for_callback_answer()).text or ""
    assert changed.startswith("❌ Ответ сохранён: не сможете.")
    assert await services.rsvps.get(closed.id, late.id) is None
    assert await services.people.get(late.id, guests=True) is None

    await late.press_data(post, f"grsvp:x:{closed.id}")
    assert (await late.wait_for_callback_answer()).text == "Эта кнопка устарела."
    await late.press_data(post, "grsvp:y:999")
    assert (await late.wait_for_callback_answer()).text == "Эта кнопка устарела."
    await services.seminars.set_status(closed.id, "cancelled", clock.now())
    await late.press(post, "🤔 Может быть")
    assert (await late.wait_for_callback_answer()).text == "Этот семинар отменён."

    await late.send("/ask " + "а" * 2001, chat=group)
    assert "Не больше 2\xa0000 символов" in ((await group.wait_for_message()).text or "")
    assert await services.questions.by_asker(late.id) == []
