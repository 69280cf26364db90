"""Questions from group chats: `/ask <text>`, or a reply to a seminar post starting with "?".

The question is logged like a private one (staff get the same card). Its seminar is the
post replied to, else the latest upcoming seminar posted to that group, else none. The
answer goes to the asker privately when the bot may write to them, otherwise as a reply in
the group (`handlers.question_views.tell_asker`).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Message, Update
from telegram.error import Forbidden
from telegram.ext import ApplicationHandlerStop, CommandHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from handlers.common import language_for
from handlers.question_views import notify_staff
from storage.questions import NewQuestion

log = logging.getLogger(__name__)

# A reply starting with "?" in a group; its own group number (typed text lives in 10–99).
REPLY_GROUP = 22


async def ask_in_group(update: Update, context: BotContext) -> None:
    """/ask <question> in a group."""
    message = update.effective_message
    assert message is not None and message.text is not None
    if update.effective_chat is None or _is_staff_chat(update, context):
        return
    parts = message.text.split(maxsplit=1)
    await _log_question(update, context, message, parts[1].strip() if len(parts) > 1 else "")


async def on_reply(update: Update, context: BotContext) -> None:
    """A reply to the bot's seminar post starting with "?"; anything else is chatter."""
    message = update.effective_message
    if message is None or message.text is None or _is_staff_chat(update, context):
        return
    replied = message.reply_to_message
    if replied is None or not message.text.lstrip().startswith("?"):
        return
    post = await context.services.groups.post(message.chat.id, replied.message_id)
    if post is None:
        return
    await _log_question(update, context, message, message.text.lstrip()[1:].strip())
    raise ApplicationHandlerStop


def _is_staff_chat(update: Update, context: BotContext) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.id == context.services.config.bot.staff_chat_id


async def _seminar_of(context: BotContext, message: Message) -> int | None:
    services = context.services
    replied = message.reply_to_message
    if replied is not None:
        post = await services.groups.post(message.chat.id, replied.message_id)
        if post is not None:
            return post.seminar_id
    return await services.groups.latest_post(message.chat.id, services.clock.now())


async def _log_question(update: Update, context: BotContext, message: Message, text: str) -> None:
    services = context.services
    user = update.effective_user
    assert user is not None
    language = await language_for(update, context)
    text_of = services.catalog.text
    if not text:
        await message.reply_text(text_of(language, "group-ask-how"))
        return
    limit = services.config.questions.max_length
    if len(text) > limit:
        await message.reply_text(text_of(language, "group-ask-too-long", max=limit))
        return
    now = services.clock.now()
    if await services.questions.count_since(user.id, now - timedelta(hours=1)) >= (
        services.config.questions.per_hour
    ):
        await message.reply_text(
            text_of(language, "ask-rate-limit", limit=services.config.questions.per_hour)
        )
        return
    if await services.people.get(user.id, guests=True) is None:
        # Staff see the asker's Telegram name on the card, as for a registered person.
        await services.people.save_guest(
            user.id, user.first_name, user.last_name, user.username, language, now
        )
    question = await services.questions.create(
        NewQuestion(
            asker_id=user.id,
            seminar_id=await _seminar_of(context, message),
            text=text,
            media_kind=None,
            media_file_id=None,
            media_chat_id=None,
            media_message_id=None,
            anonymous=False,
            language=language,
        ),
        now,
    )
    await services.groups.remember_question(question.id, message.chat.id, message.message_id)
    log.info("question %s asked in group %s", question.id, message.chat.id)
    try:
        await context.bot.send_message(
            user.id, text_of(language, "group-ask-received", number=question.id)
        )
    except Forbidden:
        await message.reply_text(text_of(language, "group-ask-received-here", number=question.id))
    await notify_staff(context.bot, services, question)


def register(application: BotApplication) -> None:
    """Add /ask in groups and "?" replies to seminar posts."""
    groups = filters.ChatType.GROUPS
    application.add_handler(CommandHandler("ask", ask_in_group, filters=groups))
    application.add_handler(
        MessageHandler(groups & filters.TEXT & filters.REPLY & ~filters.COMMAND, on_reply),
        group=REPLY_GROUP,
    )
