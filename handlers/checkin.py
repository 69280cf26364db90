"""Participants check in by scanning the seminar's QR code or typing its short code."""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import ApplicationHandlerStop, CommandHandler, MessageHandler, filters

from bot.checkin import CODE_DIGITS, in_window
from bot.context import BotApplication, BotContext
from handlers.common import language_for, say
from messages import format_day
from storage.seminars import Seminar

# A typed code is read after registration (10) and features waiting for other text.
CODE_GROUP = 60
_CODE = re.compile(rf"^\s*(\d{{{CODE_DIGITS}}})\s*$")


async def _check_in(update: Update, context: BotContext, seminars: list[Seminar]) -> None:
    """Check the sender in at the one seminar of `seminars` whose day it is."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    services = context.services
    person = await services.people.get(update.effective_user.id)
    if person is None:
        await say(update, context, "register-first")
        return
    if not seminars:
        await say(update, context, "checkin-wrong-code")
        return
    zone = services.config.bot.timezone
    now = services.clock.now()
    today = [s for s in seminars if in_window(s, now, zone) and not s.is_cancelled]
    language = await language_for(update, context)
    text = services.catalog.text
    if not today:
        seminar = seminars[0]
        if now < seminar.fields.starts_at:
            day = format_day(seminar.fields.starts_at, language, zone)
            await message.reply_text(text(language, "checkin-too-early", day=day))
        else:
            await message.reply_text(text(language, "checkin-over"))
        return
    seminar = today[0]
    fresh = await services.attendance.check_in(seminar.id, person.telegram_id, None, now)
    key = "checkin-done" if fresh else "checkin-already"
    await message.reply_text(
        text(language, key, name=person.first_name, title=seminar.title(language))
    )


async def start_checkin(update: Update, context: BotContext) -> None:
    """/start checkin-<token>: the QR code's deep link."""
    services = context.services
    token = (context.args or [""])[0].removeprefix("checkin-")
    seminar_id = await services.attendance.seminar_by_token(token) if token else None
    seminar = await services.seminars.get(seminar_id) if seminar_id else None
    await _check_in(update, context, [seminar] if seminar else [])


async def _by_code(update: Update, context: BotContext, code: str) -> None:
    services = context.services
    found = [
        await services.seminars.get(i) for i in await services.attendance.seminars_by_code(code)
    ]
    await _check_in(update, context, [s for s in found if s is not None])


async def checkin_command(update: Update, context: BotContext) -> None:
    """/checkin <code>: the short code said aloud or shown on the screen."""
    code = "".join(context.args or [])
    if not re.fullmatch(rf"\d{{{CODE_DIGITS}}}", code):
        await say(update, context, "checkin-how")
        return
    await _by_code(update, context, code)


async def typed_code(update: Update, context: BotContext) -> None:
    """Six digits typed alone are taken as a check-in code."""
    message = update.effective_message
    match = _CODE.match(message.text or "") if message else None
    if match is None:
        return
    await _by_code(update, context, match.group(1))
    raise ApplicationHandlerStop


def register(application: BotApplication) -> None:
    """Add the check-in deep link (before registration's /start), the command and the code."""
    private = filters.ChatType.PRIVATE
    application.add_handler(
        CommandHandler("start", start_checkin, filters=private & filters.Regex(r"^/start checkin-"))
    )
    application.add_handler(CommandHandler("checkin", checkin_command, filters=private))
    application.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, typed_code), group=CODE_GROUP
    )
