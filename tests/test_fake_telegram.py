"""Tests for the fake Telegram Bot API server, driven through a real PTB Bot."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
import urllib.parse
import urllib.request
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tests.fake_telegram import FakeTelegram, FakeTelegramThread

# PTB 22 warns that RetryAfter.retry_after will become a timedelta; the int is fine here.
pytestmark = pytest.mark.filterwarnings("ignore:.*attribute `retry_after`")


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as client:
        yield client


def seconds(value: int | dt.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d)] for t, d in pairs])


async def test_get_me(bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.first_name, me.is_bot) == (
        100000,
        "seminar_test_bot",
        "Seminar Bot",
        True,
    )


async def test_send_message_round_trip(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(first_name="Алия", language_code="ky")
    start = await alice.send("/start inv-abc")
    assert start.data["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]

    sent = await bot.send_message(
        alice.id,
        "Тилди тандаңыз",
        reply_markup=keyboard(("Кыргызча", "lang:ky"), ("Русский", "lang:ru")),
        reply_parameters=ReplyParameters(start.message_id),
    )
    assert sent.message_id == start.message_id + 1  # one counter per chat
    assert sent.reply_to_message is not None and sent.reply_to_message.text == "/start inv-abc"
    msg = await alice.wait_for_message(timeout=2)
    assert msg.message_id == sent.message_id
    assert msg.text == msg.plain_text == "Тилди тандаңыз"
    assert [[b.text for b in row] for row in msg.buttons] == [["Кыргызча"], ["Русский"]]
    assert msg.buttons[1][0].callback_data == "lang:ru"
    assert tg.calls_to("sendMessage")[0].params["chat_id"] == alice.id
    with pytest.raises(AssertionError, match="no new bot message"):
        await alice.wait_for_message(timeout=0.05)


async def test_reply_keyboard_is_visible_to_tests(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    markup = ReplyKeyboardMarkup([[KeyboardButton("Share phone", request_contact=True)]])
    sent = await bot.send_message(alice.id, "Phone?", reply_markup=markup)
    assert sent.reply_markup is None  # Telegram does not echo reply keyboards
    msg = await alice.wait_for_message()
    assert msg.reply_keyboard[0][0].raw["request_contact"] is True


async def test_unknown_and_unstarted_chats(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user()
    with pytest.raises(Forbidden, match="bot can't initiate conversation with a user"):
        await bot.send_message(alice.id, "hi")
    with pytest.raises(Forbidden, match="bot can't initiate conversation with a user"):
        await bot.send_message(424242, "hi")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(-100555, "hi")
    await alice.send("hello")
    await bot.send_message(alice.id, "now it works")


async def test_length_limits(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    await bot.send_message(alice.id, "x" * 4096)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(alice.id, "x" * 4097)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(alice.id, "   ")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_document(alice.id, b"data", filename="a.txt", caption="y" * 1025)
    assert len(alice.messages) == 1


@pytest.mark.filterwarnings("ignore:Please use 'Bot.sendMessage'")
async def test_callback_data_limit(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    await bot.send_message(alice.id, "ok", reply_markup=keyboard(("a", "я" * 32)))  # 64 bytes
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(alice.id, "no", reply_markup=keyboard(("a", "x" * 65)))
    with pytest.raises(BadRequest, match=r"(?i)text buttons are unallowed"):
        await bot.do_api_request(
            "sendMessage",
            api_kwargs={
                "chat_id": alice.id,
                "text": "no",
                "reply_markup": json.dumps({"inline_keyboard": [[{"text": "bare"}]]}),
            },
        )


async def test_blocked_and_deactivated_users(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    bob = tg.user(started=True)
    await alice.block()
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(alice.id, "hi")
    update = Update.de_json(tg.pending_updates[-1], bot)
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"
    await alice.unblock()
    await bot.send_message(alice.id, "welcome back")
    bob.deactivate()
    with pytest.raises(Forbidden, match="user is deactivated"):
        await bot.send_message(bob.id, "hi")


async def test_global_rate_limit(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    started = time.monotonic()
    results = await asyncio.gather(
        *(bot.send_message(alice.id, f"m{i}") for i in range(31)), return_exceptions=True
    )
    assert time.monotonic() - started < 1
    errors = [r for r in results if isinstance(r, RetryAfter)]
    assert len(errors) == 1 and tg.count_429 == 1
    assert len(alice.messages) == 30


async def test_force_429(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    tg.force_429(2, retry_after=3)
    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(alice.id, "hi")
        assert seconds(caught.value.retry_after) == 3
    await bot.send_message(alice.id, "hi")
    assert tg.count_429 == 2
    assert [c.error_code for c in tg.calls_to("sendMessage")] == [429, 429, None]


async def test_group_rate_limit(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user()
    group = tg.group(title="Ноокен айыл өкмөттөрү", chat_id=-100123)
    with pytest.raises(Forbidden, match="not a member"):
        await bot.send_message(group.id, "hi")
    await group.add_bot(by=alice)
    for i in range(20):
        await bot.send_message(group.id, f"m{i}")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(group.id, "one too many")
    assert seconds(caught.value.retry_after) > 1
    tg.advance_time(61)
    await bot.send_message(group.id, "after a minute")
    assert len(group.messages) == 21
    assert (await group.wait_for_message()).plain_text == "m0"


async def test_edit_message(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    sent = await bot.send_message(alice.id, "old", reply_markup=keyboard(("A", "a")))
    first = await alice.wait_for_message()
    await bot.edit_message_text("new", alice.id, sent.message_id, reply_markup=keyboard(("B", "b")))
    assert alice.messages[0].plain_text == "new"
    assert alice.message(sent.message_id).buttons[0][0].text == "B"
    assert (await alice.wait_for_edit(first)).version == 1
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "new", alice.id, sent.message_id, reply_markup=keyboard(("B", "b"))
        )
    await bot.edit_message_text("new", alice.id, sent.message_id)  # drops the keyboard
    assert alice.message(sent.message_id).buttons == []
    await bot.edit_message_reply_markup(
        alice.id, sent.message_id, reply_markup=keyboard(("C", "c"))
    )
    assert alice.message(sent.message_id).buttons[0][0].callback_data == "c"
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", alice.id, 999)
    await bot.delete_message(alice.id, sent.message_id)
    assert alice.messages == [] and alice.message(sent.message_id).deleted


async def test_long_poll_delivers_message_and_callback(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(first_name="Алия", username="aliya")
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    started = time.monotonic()
    await alice.send("/start@seminar_test_bot")
    updates = await poll
    assert time.monotonic() - started < 1
    assert updates[0].message is not None and updates[0].message.text == "/start@seminar_test_bot"
    assert updates[0].message.from_user is not None and updates[0].message.from_user.id == alice.id

    sent = await bot.send_message(alice.id, "pick", reply_markup=keyboard(("Кыргызча", "lang:ky")))
    msg = await alice.wait_for_message()
    query_id = await alice.press(msg, "Кыргыз")
    updates = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=1)
    raw = tg.pending_updates[-1]
    query = Update.de_json(raw, bot).callback_query
    assert query is not None and updates[0].callback_query is not None
    assert (query.id, query.data, query.from_user.id) == (query_id, "lang:ky", alice.id)
    assert query.message is not None and query.message.message_id == sent.message_id

    assert alice.last_callback_answer is None
    await bot.answer_callback_query(query_id, text="Сакталды", show_alert=True)
    answer = await alice.wait_for_callback_answer(query_id, timeout=1)
    assert (answer.text, answer.show_alert) == ("Сакталды", True)
    assert alice.last_callback_answer == answer
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)
    forged = await alice.press_data(msg, "stale:123")
    with pytest.raises(BadRequest, match="Message_too_long"):
        await bot.answer_callback_query(forged, text="z" * 201)


async def test_get_updates_offset_limit_and_conflict(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user()
    for i in range(3):
        await alice.send(f"m{i}")
    updates = await bot.get_updates(limit=2)
    assert [u.message.text for u in updates if u.message] == ["m0", "m1"]
    updates = await bot.get_updates(offset=updates[-1].update_id + 1, allowed_updates=["message"])
    assert [u.message.text for u in updates if u.message] == ["m2"]
    first = asyncio.create_task(bot.get_updates(offset=updates[-1].update_id + 1, timeout=3))
    await asyncio.sleep(0.05)
    # A second bot instance polling at the same time kicks the first one out.
    async with Bot(tg.token, base_url=tg.base_url) as other:
        second = asyncio.create_task(other.get_updates(timeout=0))
        with pytest.raises(Conflict, match="terminated by other getUpdates"):
            await first
        assert await second == ()


async def test_send_document_multipart_round_trip(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    payload = "ФИО;телефон\nАлия;+996700123456\n".encode()
    sent = await bot.send_document(
        alice.id, payload, filename="participants.csv", caption="<b>Тизме</b>", parse_mode="HTML"
    )
    assert sent.document is not None and sent.document.file_name == "participants.csv"
    assert sent.caption == "Тизме"
    msg = await alice.wait_for_message()
    assert (msg.document, msg.file_name, msg.plain_text) == (payload, "participants.csv", "Тизме")
    assert tg.calls_to("sendDocument")[0].files["document"] == payload
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == payload
    assert tg.file_bytes(sent.document.file_id) == payload
    photo = await bot.send_photo(alice.id, b"\x89PNG\r\n\x1a\nfake", caption="pic")
    assert photo.photo and (await alice.wait_for_message()).photo == b"\x89PNG\r\n\x1a\nfake"
    await bot.send_document(alice.id, sent.document.file_id)  # re-send by file_id


async def test_html_parse_mode(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    html = '<b>Салам</b>, &lt;дос&gt; &amp; <a href="https://example.org">шилтеме</a> '
    html += "&quot;ok&quot;"
    sent = await bot.send_message(alice.id, html, parse_mode=ParseMode.HTML)
    assert sent.text == 'Салам, <дос> & шилтеме "ok"'
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 5),
        ("text_link", 15, 7),
    ]
    msg = await alice.wait_for_message()
    assert (msg.text, msg.plain_text) == (html, sent.text)
    await bot.send_message(alice.id, "<i>" + "x" * 4096 + "</i>", parse_mode="HTML")
    for bad in ("<b>unclosed", "line<br>break", "<b><i>crossed</b></i>", "<span>x</span>"):
        with pytest.raises(BadRequest, match="Can't parse entities"):
            await bot.send_message(alice.id, bad, parse_mode="HTML")
    tom = await bot.send_message(alice.id, "Tom & Jerry", parse_mode="HTML")
    assert tom.text == "Tom & Jerry"  # a bare "&" is tolerated, as on Telegram


async def test_network_faults(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    tg.fail_next("sendMessage", 2)
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(alice.id, "hi")
    await bot.send_message(alice.id, "hi")
    assert len(alice.messages) == 1
    tg.fail_next("sendMessage", after_processing=True)
    with pytest.raises(NetworkError):
        await bot.send_message(alice.id, "delivered anyway")
    assert alice.messages[-1].plain_text == "delivered anyway"
    tg.fail_next("sendMessage", status=500, html=True)
    with pytest.raises(NetworkError):
        await bot.send_message(alice.id, "html error page")
    tg.fail_next("sendMessage", drop=True)
    with pytest.raises(NetworkError):
        await bot.send_message(alice.id, "dropped")
    assert len(alice.messages) == 2


async def test_commands_and_misc_methods(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(started=True)
    await bot.set_my_commands([BotCommand("start", "Баштоо")], language_code="ky")
    await bot.set_my_commands(
        [BotCommand("stats", "Statistics")], scope=BotCommandScopeChat(alice.id)
    )
    assert tg.commands(language_code="ky") == [("start", "Баштоо")]
    assert tg.commands("chat", chat_id=alice.id) == [("stats", "Statistics")]
    assert [c.command for c in await bot.get_my_commands(language_code="ky")] == ["start"]
    await bot.delete_my_commands(language_code="ky")
    assert tg.commands(language_code="ky") == []
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])
    await bot.set_chat_menu_button()
    await bot.send_chat_action(alice.id, "typing")
    chat = await bot.get_chat(alice.id)
    assert chat.first_name == alice.first_name
    member = await bot.get_chat_member(alice.id, alice.id)
    assert member.status == "member"
    source = await bot.send_message(alice.id, "src")
    copied = await bot.copy_message(alice.id, alice.id, source.message_id)
    assert alice.messages[-1].plain_text == "src"
    forwarded = await bot.forward_message(alice.id, alice.id, copied.message_id)
    assert forwarded.forward_origin is not None
    assert await bot.log_out() and await bot.close()
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")
    assert tg.calls[-1].description == "Not Found: method not found"


async def test_invalid_token_is_rejected(tg: FakeTelegram) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("not-a-token", base_url=tg.base_url):
            pass


async def test_per_chat_limit_is_opt_in() -> None:
    async with FakeTelegram(per_chat_per_second=1, rate_limit=None) as tg:
        alice, bob = tg.user(started=True), tg.user(started=True)
        async with Bot(tg.token, base_url=tg.base_url) as bot:
            await bot.send_message(alice.id, "one")
            await bot.send_message(bob.id, "other chat is fine")
            with pytest.raises(RetryAfter):
                await bot.send_message(alice.id, "two")
            tg.advance_time(1.1)
            await bot.send_message(alice.id, "two, later")


async def test_user_actions(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user(first_name="Алия")
    await alice.share_contact(phone="+996700123456")
    await alice.share_contact(phone="+996555000111", user_id=99999)
    await alice.send_photo(caption="фото")
    await alice.send_voice()
    sent = await bot.send_message(alice.id, "question?")
    await alice.reply_to(await alice.wait_for_message(), "answer")
    updates = await bot.get_updates()
    messages = [u.message for u in updates if u.message]
    assert messages[0].contact is not None and messages[0].contact.user_id == alice.id
    assert messages[1].contact is not None and messages[1].contact.user_id == 99999
    assert messages[2].photo and messages[2].caption == "фото"
    assert messages[3].voice is not None
    assert messages[4].reply_to_message is not None
    assert messages[4].reply_to_message.message_id == sent.message_id


async def test_group_membership_and_migration(tg: FakeTelegram, bot: Bot) -> None:
    alice = tg.user()
    group = tg.group(title="Ноокен айыл өкмөттөрү", chat_id=-100123)
    with pytest.raises(AssertionError, match="add_bot"):
        await alice.send("/ask hello", chat=group)
    await group.add_bot(by=alice)
    await alice.send("/ask hello", chat=group)
    group.set_member(alice, "administrator")
    assert (await bot.get_chat_member(group.id, alice.id)).status == "administrator"
    await group.migrate_to_supergroup(new_chat_id=-1009999999999)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(-100123, "hi")
    assert caught.value.new_chat_id == -1009999999999
    await bot.send_message(group.id, "hi supergroup")
    assert (await group.wait_for_message()).chat_id == -1009999999999
    await group.remove_bot(by=alice)
    kinds = [next(k for k in u if k != "update_id") for u in tg.pending_updates]
    assert kinds == ["my_chat_member", "message", "message", "message", "message", "my_chat_member"]
    for raw in tg.pending_updates:
        assert Update.de_json(raw, bot) is not None
    with pytest.raises(Forbidden):
        await bot.send_message(group.id, "gone")


async def test_ptb_application_with_polling(tg: FakeTelegram) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(
            f"payload={context.args}", reply_markup=keyboard(("Кыргызча", "lang:ky"))
        )

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("ok")
        await query.edit_message_text(f"chosen {query.data}")

    app = (
        Application.builder()
        .token(tg.token)
        .base_url(tg.base_url)
        .base_file_url(tg.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(chosen))
    alice = tg.user(first_name="Алия", language_code="ky")
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await alice.send("/start inv-abc")
        msg = await alice.wait_for_message()
        assert msg.plain_text == "payload=['inv-abc']"
        await alice.press(msg, "Кыргызча")
        assert (await alice.wait_for_callback_answer()).text == "ok"
        assert (await alice.wait_for_edit(msg)).plain_text == "chosen lang:ky"
        await app.updater.stop()
        await app.stop()


def test_thread_runner_from_sync_code() -> None:
    with FakeTelegramThread(rate_limit=None) as runner:
        alice = runner.run(runner.tg.user, "Алия", started=True)
        body = urllib.parse.urlencode({"chat_id": alice.id, "text": "from another thread"})
        url = f"{runner.url}/bot{runner.token}/sendMessage"
        with urllib.request.urlopen(url, data=body.encode()) as response:
            assert json.load(response)["ok"] is True
        msg = runner.call(alice.wait_for_message(timeout=2))
        assert msg.plain_text == "from another thread"
